"""The default formats, types and terms every install starts with. Figures from Hướng dẫn 36-HD/VPTW
(03/4/2018) Phụ lục 3 (Party), Nghị định 30/2020/NĐ-CP Phụ lục I (state); the Front's guide (91/HD-MTTW-BTT)
follows the state's layout, the Đoàn's and Hội Nông dân's the Party's under their own title. Administrators edit
them; a missing one is put back (the demo does, after a test empties the tables)."""

import datetime

RULE = "———————"
PAGE = {"page_width_mm": 210, "page_height_mm": 297, "margin_top_mm": 20, "margin_bottom_mm": 20,
        "margin_left_mm": 30, "margin_right_mm": 15, "font_name": "Times New Roman", "number_width": 2}
PARTY_LIKE = {"title_rule": RULE, "issuer_mark": "*", "number_label": "Số", "symbol_pattern": "{number}-{type}/{issuer}",
              "on_behalf_label": "T/M", "deputy_label": "K/T", "by_order_label": "T/L", "numbering": "term", "motto": ""}
# Where 29-HD/TWĐTN-VP differs from the Party's guide: "***" under the issuing body, "Số: 12-BC/HĐ", "TM. BAN
# THƯỜNG VỤ" (as its own header and signature show), 20 mm on the right.
MASS_OWN = {"issuer_mark": "***", "number_label": "Số:", "margin_right_mm": 20,
            "on_behalf_label": "TM.", "deputy_label": "KT.", "by_order_label": "TL."}
STATE_LIKE = {"national_title": "Cộng hòa xã hội chủ nghĩa Việt Nam", "motto": "Độc lập - Tự do - Hạnh phúc",
              "title_rule": RULE, "issuer_mark": RULE, "number_label": "Số:", "symbol_pattern": "{number}/{type}-{issuer}",
              "on_behalf_label": "TM.", "deputy_label": "KT.", "by_order_label": "TL.", "numbering": "year"}
FORMATS = {
    "party": {"name": "Văn bản của Đảng", "legal_basis": "Hướng dẫn 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng",
              "national_title": "Đảng Cộng sản Việt Nam", **PARTY_LIKE},
    # Hướng dẫn 91/HD-MTTW-BTT follows the state's layout: the national title and motto, "Số: 12/BC-MTTQ-BTT", by year.
    "front": {"name": "Văn bản của Mặt trận Tổ quốc", "legal_basis": "Hướng dẫn 91/HD-MTTW-BTT ngày 08/4/2013 của Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam",
              **STATE_LIKE},
    # A mass organisation whose guide sets its own title (Đoàn TNCS Hồ Chí Minh: 29-HD/TWĐTN-VP; Hội Nông dân) heads
    # its documents with that title (the organisation kind's) in the Party's layout; one without such a guide uses the Front's.
    # Hướng dẫn 29-HD/TWĐTN-VP (2013) puts "ĐOÀN TNCS HỒ CHÍ MINH" at the top right (15 pt bold) with a rule under it
    # that parts it from the place and date, the superior and issuing bodies at the top left (14 pt, the issuer bold)
    # with "***" under them, and a 20 mm right margin; the top-left title of Đoàn papers before 2013 is superseded.
    "mass": {"name": "Văn bản của đoàn thể có tiêu đề riêng", "legal_basis": "Hướng dẫn thể thức văn bản của từng đoàn thể (Đoàn TNCS Hồ Chí Minh: 29-HD/TWĐTN-VP ngày 29/10/2013)",
             "national_title": "", **PARTY_LIKE, **MASS_OWN},
    "state": {"name": "Văn bản hành chính nhà nước", "legal_basis": "Nghị định 30/2020/NĐ-CP ngày 05/3/2020, Phụ lục I",
              **STATE_LIKE},
}
# element: (size, bold, italic, upper, underline) per format
PARTY_ELEMENTS = {
    "national_title": (15, True, False, True, False), "title_rule": (14, False, False, False, False),
    "superior": (14, False, False, True, False), "issuer": (14, True, False, True, False),
    "issuer_mark": (14, False, False, False, False), "symbol": (14, False, False, False, False),
    "place_date": (14, False, True, False, False), "type_name": (16, True, False, True, False),
    "summary": (14, True, False, False, False), "heading": (14, True, False, False, False),
    "body": (14, False, False, False, False), "recipient": (20, True, False, True, False),
    "authority": (14, True, False, True, False), "signer": (14, True, False, False, False),
    "recipients_heading": (14, False, False, False, True), "recipients": (12, False, False, False, False),
    "motto": (14, True, False, False, False),
    # The certificate (mẫu giấy khen, bằng khen): who awards and "TẶNG" in bold capitals, the title in large bold
    # capitals, the recipient (above) large and bold.
    "awarder": (14, True, False, True, False), "award_verb": (14, True, False, True, False),
    "certificate_title": (36, True, False, True, False),
}
STATE_ELEMENTS = {
    **PARTY_ELEMENTS,
    "national_title": (13, True, False, True, False), "motto": (14, True, False, False, False),
    "title_rule": (13, False, False, False, False), "superior": (13, False, False, True, False),
    "issuer": (13, True, False, True, False), "issuer_mark": (13, False, False, False, False),
    "symbol": (13, False, False, False, False), "type_name": (14, True, False, True, False),
    "recipients_heading": (12, True, True, False, False), "recipients": (11, False, False, False, False),
}
ELEMENTS = {"party": PARTY_ELEMENTS, "front": STATE_ELEMENTS, "mass": PARTY_ELEMENTS, "state": STATE_ELEMENTS}
TYPES = [
    ("report", "Báo cáo", "BC", "text", False), ("notice", "Thông báo", "TB", "text", False),
    ("decision", "Quyết định", "QĐ", "text", False), ("plan", "Kế hoạch", "KH", "text", False),
    ("submission", "Tờ trình", "TTr", "text", False), ("record", "Biên bản", "BB", "text", False),
    ("letter", "Công văn", "CV", "text", False), ("certificate", "Giấy khen", "GK", "certificate", True),
]
TERMS = [("Nhiệm kỳ 2015 - 2020", datetime.date(2015, 10, 1)), ("Nhiệm kỳ 2020 - 2025", datetime.date(2020, 10, 1)),
         ("Nhiệm kỳ 2025 - 2030", datetime.date(2025, 10, 1))]


def seed_document_defaults(get_model):
    """Create the default formats, their elements, the types and the terms that are missing.

    ``get_model(name)`` gives the core model of that name: a migration's historical one, or today's."""
    DocumentFormat, FormatElement = get_model("DocumentFormat"), get_model("FormatElement")
    DocumentType, Term = get_model("DocumentType"), get_model("Term")
    formats, new_formats = [], []
    for code, fields in FORMATS.items():
        document_format, created = DocumentFormat.objects.get_or_create(code=code, defaults={**PAGE, **fields})
        formats.append(document_format)
        if created:
            new_formats.append(document_format)
        # A format's missing element (one a later release added: the certificate's lines) takes its default;
        # an element an administrator changed is left as it is.
        for element, (size, bold, italic, upper, underline) in ELEMENTS[code].items():
            FormatElement.objects.get_or_create(format=document_format, element=element, defaults={
                "size": size, "bold": bold, "italic": italic, "upper": upper, "underline": underline})
    for code, name, abbreviation, layout, landscape in TYPES:
        document_type, created = DocumentType.objects.get_or_create(
            code=code, defaults={"name": name, "abbreviation": abbreviation, "layout": layout, "landscape": landscape})
        if created:
            document_type.formats.set(formats)
        elif new_formats:  # a format added by a later release may issue every type, as the first ones may
            document_type.formats.add(*new_formats)
    for name, starts_on in TERMS:
        Term.objects.get_or_create(starts_on=starts_on, defaults={"name": name})

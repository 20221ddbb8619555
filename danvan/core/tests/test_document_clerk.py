"""Every kind of document the system issues, checked as a clerk checks it before it goes out.

The kinds come from core's own list (each default type in the Party, Front and state formats) and from each
app's ``danvan/<app>/tests/documents.py``: every function there named ``…_document(unit)`` issues one document
through the app's own builder and returns it (``…_document(unit, communes)`` for one about the communes under a district),
so a new kind of document is checked by adding one function.

On the .docx (python-docx): A4 in the type's orientation, the format's margins, Times New Roman and each
element's size, weight, slant and underline as the format's data say, the header block's elements in their
order, the symbol's pattern, the place and date in italics, the type name, the signature block and "Nơi nhận".
On the PDF (LibreOffice, poppler): the page count, A4 on every page, every font embedded and a Times New Roman
(or its metric twin); the pages are kept as PNG in var/test-artefacts/documents/ for a person to look at.
"""

import datetime
import importlib
import inspect

import pathlib
import re
import shutil
import subprocess

import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn


from danvan.accounts.tests.factories import UserFactory
from danvan.core.choices import Role
from danvan.core.documents.issuers import Signer
from danvan.core.documents.models import Element, Layout, style_name
from danvan.core.documents.services import issue_document
from danvan.core.pdf import docx_to_pdf, libreoffice
from danvan.core.tests import documents as clerk
from danvan.organizations.tests.factories import OrganizationFactory, OrganizationKindFactory, OrganizationLinkFactory

pytestmark = pytest.mark.django_db

PACKAGE = pathlib.Path(__file__).resolve().parents[2]
ARTEFACTS = PACKAGE.parent / "var" / "test-artefacts" / "documents"
DAY = datetime.date(2026, 3, 5)
PLACE_DATE = re.compile(r"^(?P<place>.+), ngày (?P<day>\d{2}) tháng (?P<month>\d{1,2}) năm (?P<year>\d{4})$")
A4_POINTS = (595.3, 841.9)


# --- the kinds of documents ------------------------------------------------------------------------

def _issuer(unit, format_code):
    if format_code == "party":
        committee = OrganizationFactory(unit=unit, name=f"Huyện ủy {unit.name}",
                                        kind=OrganizationKindFactory(code="huyen-uy", name="Huyện ủy", category="party_committee"))
        body = OrganizationFactory(unit=unit, name=f"Ban Dân vận Huyện ủy {unit.name}",
                                   kind=OrganizationKindFactory(code="ban-dan-van", name="Ban Dân vận", category="party_body"))
        OrganizationLinkFactory(organization=body, parent=committee)
        return body, Signer("Nguyễn Văn An", "Phó Trưởng ban")
    if format_code == "front":
        return OrganizationFactory(unit=unit, name=f"Ủy ban MTTQ Việt Nam huyện {unit.name}",
                                   kind=OrganizationKindFactory(code="ubmttq", name="Ủy ban MTTQ", category="front")), Signer("Trần Thị Lan", "Chủ tịch")
    if format_code == "mass":
        # A huyện's Đoàn under its tỉnh's, headed "ĐOÀN TNCS HỒ CHÍ MINH" as 29-HD/TWĐTN-VP sets.
        youth = OrganizationKindFactory(code="doan-tncs", name="Đoàn TNCS Hồ Chí Minh", category="mass_organization",
                                        document_title="Đoàn TNCS Hồ Chí Minh")
        # The guide's names: "TỈNH ĐOÀN KIÊN GIANG" above "BCH HUYỆN CHÂU THÀNH".
        province = OrganizationFactory(unit=unit.parent, name=f"Tỉnh đoàn {unit.parent.name}", kind=youth)
        body = OrganizationFactory(unit=unit, name=f"BCH huyện {unit.name}", kind=youth)
        OrganizationLinkFactory(organization=body, parent=province)
        return body, Signer("Phạm Minh Khoa", "Phó Bí thư")
    return OrganizationFactory(unit=unit, name=f"Ủy ban nhân dân huyện {unit.name}",
                               kind=OrganizationKindFactory(code="ubnd", name="Ủy ban nhân dân", category="government")), Signer("Lê Văn Bình", "Chủ tịch")


def core_document(format_code, type_code):
    def build(unit):
        issuer, signer = _issuer(unit, format_code)
        extra = {"recipient_name": "Chi hội Phụ nữ ấp Cũ, xã Minh Hòa"} if type_code == "certificate" else None
        return issue_document(
            UserFactory(unit=unit, role=Role.EDITOR), issuer=issuer, type_code=type_code, issued_on=DAY,
            summary="" if type_code == "certificate" else "kết quả thực hiện mô hình “Dân vận khéo” năm 2025",
            body=[(True, "I. KẾT QUẢ"), (False, "Các xã đã đăng ký 12 mô hình, 9 mô hình được công nhận.")],
            signer=signer, recipients=[] if type_code == "certificate" else ["Thường trực Huyện ủy (b/c)", "Lưu VP"], extra=extra)
    return build


CORE_KINDS = [("party", code) for code in ("report", "notice", "decision", "plan", "submission", "record", "letter", "certificate")]
CORE_KINDS += [("mass", "report"), ("mass", "decision"), ("front", "report"), ("front", "certificate"), ("state", "decision"), ("state", "letter"), ("state", "certificate")]


def app_builders():
    """Each ``…_document(unit)`` of every app's tests/documents.py: the kinds other apps issue."""
    for path in sorted(PACKAGE.glob("*/tests/documents.py")):
        if path.parts[-3] == "core":
            continue
        module = importlib.import_module(f"danvan.{path.parts[-3]}.tests.documents")
        for name, function in sorted(vars(module).items()):
            if name.endswith("_document") and not name.startswith("_") and getattr(function, "__module__", None) == module.__name__:
                yield pytest.param(function, id=f"{path.parts[-3]}.{name}")


KINDS = [pytest.param(core_document(f, t), id=f"core.{f}.{t}") for f, t in CORE_KINDS] + list(app_builders())


# --- what the clerk reads ----------------------------------------------------------------------------

def upper_if(document_format, element, text):
    return text.upper() if document_format.elements.get(element=element).upper else text


def expected_header(document):
    """The header's two columns as the guides lay them out, from what the register kept."""
    fmt, header = document.format, document.header
    left = ([upper_if(fmt, Element.SUPERIOR, header["superior"])] if header.get("superior") else [])
    # The issuing body's line as the header prints it ("BAN DÂN VẬN" under "HUYỆN ỦY …"); the register keeps the name.
    issuing = header.get("issuing_line") or header["issuer"]
    left += [upper_if(fmt, Element.ISSUER, issuing), fmt.issuer_mark, f"{fmt.number_label} {document.symbol}"]
    right = [upper_if(fmt, Element.NATIONAL_TITLE, header.get("national_title") or fmt.national_title)] + ([fmt.motto] if fmt.motto else []) + [fmt.title_rule]
    return left, right


def header_styles(opened):
    left, right = opened.tables[0].rows[0].cells
    return [p.style.name for p in left.paragraphs], [p.style.name for p in right.paragraphs]


def signature_table(opened):
    """The table whose cell holds the signer's name (a decision's attached lists follow it)."""
    for table in opened.tables:
        for cell in table.rows[0].cells:
            if any(p.style.name == style_name(Element.SIGNER) and p.text for p in cell.paragraphs):
                return table
    raise AssertionError("no signature block")


def page_breaks(opened):
    body = opened.element.body
    return len(body.findall(f".//{qn('w:br')}[@{qn('w:type')}='page']")) + len(body.findall(f".//{qn('w:pageBreakBefore')}"))


def check_docx(document, opened):
    fmt, landscape = document.format, document.type.landscape
    # A4 in the type's orientation, the format's margins, its font and each element's figures.
    assert (fmt.page_width_mm, fmt.page_height_mm) == (210, 297), "A4"
    section = opened.sections[0]
    assert section.orientation == (WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT)
    assert (section.page_width > section.page_height) == landscape
    clerk.check_page(opened, fmt, landscape=landscape)
    assert fmt.font_name == "Times New Roman"
    clerk.check_elements(opened, fmt)
    for element in fmt.elements.all():
        for paragraph in clerk.of_element(opened, element.element):
            assert bool(paragraph.style.font.underline) == element.underline, element.element
            assert paragraph.style.font.element.rPr.rFonts.get(qn("w:cs")) == fmt.font_name, element.element
    if document.type.layout == Layout.CERTIFICATE:
        check_certificate(document, opened)
        return
    # The header block: left the superior body, the issuing body, its mark, the number; right the national title
    # (and motto), its rule, the place and date; in that order.
    left, right = clerk.header_lines(opened)
    expected_left, expected_right = expected_header(document)
    assert left == expected_left and right[:-1] == expected_right, (left, right)
    left_styles, right_styles = header_styles(opened)
    assert left_styles[-3:] == [style_name(e) for e in (Element.ISSUER, Element.ISSUER_MARK, Element.SYMBOL)]
    assert right_styles[0] == style_name(Element.NATIONAL_TITLE) and right_styles[-1] == style_name(Element.PLACE_DATE)
    pattern = clerk.STATE_SYMBOL if fmt.numbering == "year" else clerk.PARTY_SYMBOL
    assert pattern.match(document.symbol), document.symbol
    # "Số 01-BC/BDVHU" (Party), "Số: 01-BC/HĐ" (Đoàn), "Số: 01/QĐ-UBND" (state), as the format's data say.
    assert left[-1] == f"{fmt.number_label} {document.symbol}", left[-1]
    clerk.check_header_fits(opened, fmt, landscape)
    clerk.check_articles(opened)
    # The place and date: the last line on the right, in italics, the day the register says.
    place_date = clerk.of_element(opened, Element.PLACE_DATE)
    assert len(place_date) == 1 and place_date[0].style.font.italic and not place_date[0].style.font.bold
    match = PLACE_DATE.match(right[-1])
    assert match, right[-1]
    assert (int(match["day"]), int(match["month"]), int(match["year"])) == (document.issued_on.day, document.issued_on.month, document.issued_on.year)
    assert match["place"] == document.place and (document.issued_on.month >= 3 or len(match["month"]) == 2)
    # The type name, bold, after the header; the summary under it for a text document.
    names = clerk.of_element(opened, Element.TYPE_NAME)
    assert [p.text for p in names] == [upper_if(fmt, Element.TYPE_NAME, document.type.name)] and names[0].style.font.bold
    lines = [p.text for p in clerk.paragraphs(opened) if p.text]
    assert lines.index(names[0].text) > lines.index(right[-1])
    if document.summary:
        assert [p.text for p in clerk.of_element(opened, Element.SUMMARY)][:1] == [document.summary]
    # The signature block: authority (T/M, K/T, T/L of the format), the title, room to sign, the name.
    table = signature_table(opened)
    cell = table.rows[0].cells[-1]
    styles = [p.style.name for p in cell.paragraphs]
    texts = [p.text for p in cell.paragraphs]
    assert styles[0] == style_name(Element.AUTHORITY) and texts[-1] == document.signer_name
    authority = [t for t, s in zip(texts, styles) if s == style_name(Element.AUTHORITY)]
    labels = {"TM": fmt.on_behalf_label, "KT": fmt.deputy_label, "TL": fmt.by_order_label}
    if document.authority:
        assert len(authority) == 2 and authority[0].startswith(labels[document.authority] + " "), authority
    assert texts[-4:-1] == ["", "", ""], "room for the signature and the seal"
    # "Nơi nhận:" beside the signature in a text document, one recipient a line; a certificate has none.
    recipients_heading = clerk.of_element(opened, Element.RECIPIENTS_HEADING)
    if document.type.layout == Layout.CERTIFICATE:
        assert not recipients_heading
        assert clerk.of_element(opened, Element.RECIPIENT)[0].text
    else:
        left_cell = [p for p in table.rows[0].cells[0].paragraphs]
        assert left_cell[0].text == "Nơi nhận:" and left_cell[0].style.name == style_name(Element.RECIPIENTS_HEADING)
        listed = [p.text for p in left_cell[1:] if p.style.name == style_name(Element.RECIPIENTS)]
        assert listed == [f"- {line}" for line in document.recipients] and listed


def check_certificate(document, opened):
    """The state's sample of a giấy khen (Nghị định 98/2023/NĐ-CP): the national title (and motto) and its rule
    centred at the top; who awards, "TẶNG", the title in large bold capitals, the recipient; the citation; then on the
    left the decision it carries out and the number, on the right the place and date in italics and the signature."""
    fmt = document.format
    lines = [(p.style.name, p.text) for p in clerk.paragraphs(opened) if p.text.strip()]
    top = [upper_if(fmt, Element.NATIONAL_TITLE, document.header.get("national_title") or fmt.national_title)]
    top += ([fmt.motto] if fmt.motto else []) + [fmt.title_rule]
    assert [text for _, text in lines[:len(top)]] == top, lines[:4]
    order = [name for name, _ in lines[len(top):len(top) + 4]]
    assert order == [style_name(e) for e in (Element.AWARDER, Element.AWARD_VERB, Element.CERTIFICATE_TITLE, Element.RECIPIENT)], order
    awarder, verb, title, recipient = (text for _, text in lines[len(top):len(top) + 4])
    assert awarder and verb == upper_if(fmt, Element.AWARD_VERB, "Tặng") and title in ("GIẤY KHEN", "BẰNG KHEN") and recipient
    for element in (Element.AWARDER, Element.CERTIFICATE_TITLE, Element.RECIPIENT):
        assert clerk.of_element(opened, element)[0].style.font.bold, element
    assert (clerk.of_element(opened, Element.CERTIFICATE_TITLE)[0].style.font.size
            > clerk.of_element(opened, Element.RECIPIENT)[0].style.font.size > clerk.of_element(opened, Element.BODY)[0].style.font.size)
    assert not clerk.of_element(opened, Element.TYPE_NAME) and not clerk.of_element(opened, Element.RECIPIENTS_HEADING)
    table = signature_table(opened)
    left, right = table.rows[0].cells
    numbers = [p.text for p in left.paragraphs if p.text]
    assert numbers[-1] == f"{fmt.number_label} {document.symbol}", numbers
    pattern = clerk.STATE_SYMBOL if fmt.numbering == "year" else clerk.PARTY_SYMBOL
    assert pattern.match(document.symbol), document.symbol
    place_date = clerk.of_element(opened, Element.PLACE_DATE)
    assert len(place_date) == 1 and place_date[0].style.font.italic and right.paragraphs[0].text == place_date[0].text
    match = PLACE_DATE.match(place_date[0].text)
    assert match and match["place"] == document.place, place_date[0].text
    assert (int(match["day"]), int(match["month"]), int(match["year"])) == (document.issued_on.day, document.issued_on.month, document.issued_on.year)
    texts = [p.text for p in right.paragraphs]
    assert texts[-1] == document.signer_name and texts[-4:-1] == ["", "", ""], "room for the signature and the seal"
    authority = [p.text for p in right.paragraphs if p.style.name == style_name(Element.AUTHORITY)]
    labels = {"TM": fmt.on_behalf_label, "KT": fmt.deputy_label, "TL": fmt.by_order_label}
    if document.authority:
        assert len(authority) == 2 and authority[0].startswith(labels[document.authority] + " "), authority
    # The national title and the place and date each hold on one line, as on a real document.
    for paragraph, width in ((clerk.of_element(opened, Element.NATIONAL_TITLE)[0], fmt.page_height_mm - fmt.margin_left_mm - fmt.margin_right_mm),
                             (place_date[0], clerk._cell_width_mm(table, 1))):
        needed = clerk.lines_needed(paragraph, width, fmt.font_name)
        assert needed is None or needed == 1, paragraph.text


def pdf_pages(path):
    """[(width, height) in points] of every page, as pdfinfo reads them."""
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", str(path)], capture_output=True, text=True, check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, re.MULTILINE)]


def pdf_fonts(path):
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    return [(line.split()[0], line.split()[-5]) for line in lines]


def check_pdf(document, opened, pdf, name):
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTEFACTS.glob(f"{name}*"):
        old.unlink()
    path = ARTEFACTS / f"{name}.pdf"
    path.write_bytes(pdf)
    pages = pdf_pages(path)
    expected = A4_POINTS[::-1] if document.type.landscape else A4_POINTS
    assert pages and all(abs(w - expected[0]) < 1 and abs(h - expected[1]) < 1 for w, h in pages), pages
    if document.type.layout == Layout.CERTIFICATE:
        assert len(pages) == 1, "a certificate is one sheet"
    else:
        # One page for each page the .docx asks for, and no more than two more for the body's length.
        assert page_breaks(opened) + 1 <= len(pages) <= page_breaks(opened) + 3, len(pages)
    # The national title and the place and date each hold on one line, as on a real document.
    first_page = subprocess.run(["pdftotext", "-layout", "-f", "1", "-l", "1", str(path), "-"], capture_output=True, text=True, check=True).stdout
    lines = [" ".join(line.split()) for line in first_page.splitlines()]
    if document.type.layout == Layout.CERTIFICATE:
        right = [clerk.of_element(opened, e)[0].text.replace("\u00a0", " ") for e in (Element.NATIONAL_TITLE, Element.PLACE_DATE)]
    else:
        _left, right = clerk.header_lines(opened)
    for line in (right[0], right[-1], *([document.format.motto] if document.format.motto else [])):
        assert any(line in printed for printed in lines), (line, lines[:8])
    fonts = pdf_fonts(path)
    assert fonts and all(embedded == "yes" for _, embedded in fonts), fonts
    assert all(re.match(r"^([A-Z]{6}\+)?(LiberationSerif|TimesNewRoman)", font) for font, _ in fonts), fonts
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(path), str(ARTEFACTS / name)], check=True)
    assert len(list(ARTEFACTS.glob(f"{name}*.png"))) == len(pages)


def build_in_district(build, tree):
    """``build(district)``, or ``build(district, communes)`` for a document about the communes under it."""
    required = [p for p in inspect.signature(build).parameters.values() if p.default is inspect.Parameter.empty]
    return build(tree.ld1) if len(required) == 1 else build(tree.ld1, [tree.lc1])


@pytest.mark.parametrize("build", KINDS)
def test_every_kind_of_document_is_as_a_clerk_expects(tree, build, request):
    document = build_in_district(build, tree)
    content = document.file.read()
    opened = clerk.open_docx(content)
    check_docx(document, opened)
    if libreoffice() is None or shutil.which("pdffonts") is None:
        pytest.skip("LibreOffice or poppler-utils is not installed: the .docx is checked, not its PDF")
    check_pdf(document, opened, docx_to_pdf(content), request.node.callspec.id)


def test_the_list_of_kinds_has_every_app_that_issues_documents():
    ids = {param.id for param in KINDS}
    assert {"oversight.mission_report_document", "awards.state_certificate_document"} <= ids, ids
    assert len([i for i in ids if i.startswith("core.")]) == len(CORE_KINDS)



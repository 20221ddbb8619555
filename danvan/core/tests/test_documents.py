"""The document mechanism as a clerk checks it: format, numbering, immutability, refusals."""

import datetime

import pytest
from docx.shared import Mm
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from danvan.core.choices import Role
from danvan.core.documents.issuers import Signer, keep_place_together, own_name
from danvan.core.documents.models import Document, DocumentCounter, DocumentTemplate, DocumentType, Element, FormatElement
from danvan.core.documents.seeds import seed_document_defaults
from danvan.core.documents.services import issue_document, issue_once, period_of
from danvan.core.tests import documents as clerk
from danvan.organizations.tests.factories import OrganizationFactory, OrganizationKindFactory, OrganizationLinkFactory

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 3, 5)


def party_body(unit):
    kind = OrganizationKindFactory(code="ban-tuyen-giao-dan-van", name="Ban Tuyên giáo và Dân vận", category="party_body")
    body = OrganizationFactory(unit=unit, name=f"Ban Tuyên giáo và Dân vận Tỉnh ủy {unit.name}", kind=kind)
    committee = OrganizationFactory(unit=unit, name=f"Tỉnh ủy {unit.name}", kind=OrganizationKindFactory(code="tinh-uy", name="Tỉnh ủy", category="party_committee"))
    OrganizationLinkFactory(organization=body, parent=committee)
    return body


def people_committee(unit):
    kind = OrganizationKindFactory(code="ubnd", name="Ủy ban nhân dân", category="government")
    return OrganizationFactory(unit=unit, name=f"Ủy ban nhân dân {unit}", kind=kind)


def issue(user, issuer, **overrides):
    arguments = {
        "issuer": issuer, "type_code": "report", "issued_on": DAY, "summary": "kết quả khảo sát mô hình “Dân vận khéo”",
        "body": [(True, "I. KẾT QUẢ"), (False, "Các xã đã đăng ký 12 mô hình & điển hình <mới>.")],
        "signer": Signer("Nguyễn Văn An", "Phó Trưởng ban"), "recipients": ["Thường trực Tỉnh ủy (b/c)", "Lưu VP"],
    }
    return issue_document(user, **{**arguments, **overrides})


@pytest.fixture
def province_user(tree, make_user):
    return make_user(tree.cp2, role=Role.EDITOR)


def test_a_party_report_is_on_a4_with_the_guides_margins_fonts_and_sizes(tree, province_user):
    document = issue(province_user, party_body(tree.cp2))
    party = clerk.format_named("party")
    content = document.file.read()
    opened = clerk.open_docx(content)
    clerk.check_page(opened, party)
    clerk.check_elements(opened, party)
    left, right = clerk.header_lines(opened)
    # The committee's organ under the committee's line gives its own name only (36-HD/VPTW); the register keeps it whole.
    assert left == ["TỈNH ỦY CÀ MAU", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "*", "Số 01-BC/BTGDVTU"]
    assert document.header["issuer"] == "Ban Tuyên giáo và Dân vận Tỉnh ủy Cà Mau"
    assert right == ["ĐẢNG CỘNG SẢN VIỆT NAM", "———————", "Cà Mau, ngày 05 tháng 3 năm 2026"]
    assert clerk.PARTY_SYMBOL.match(document.symbol) and document.symbol == "01-BC/BTGDVTU"
    place_date = clerk.of_element(opened, Element.PLACE_DATE)[0]
    assert place_date.style.font.italic
    names = [p.text for p in clerk.of_element(opened, Element.TYPE_NAME)]
    assert names == ["BÁO CÁO"]
    assert clerk.of_element(opened, Element.SUMMARY)[0].text == "kết quả khảo sát mô hình “Dân vận khéo”"
    assert "Các xã đã đăng ký 12 mô hình & điển hình <mới>." in clerk.text(opened)
    assert [p.text for p in clerk.of_element(opened, Element.AUTHORITY)] == ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"]
    assert [p.text for p in clerk.of_element(opened, Element.SIGNER) if p.text] == ["Nguyễn Văn An"]
    assert [p.text for p in clerk.of_element(opened, Element.RECIPIENTS_HEADING)] == ["Nơi nhận:"]
    assert [p.text for p in clerk.of_element(opened, Element.RECIPIENTS)] == ["- Thường trực Tỉnh ủy (b/c)", "- Lưu VP"]
    lines = [p.text for p in clerk.paragraphs(opened) if p.text]
    assert lines.index("BÁO CÁO") < lines.index("I. KẾT QUẢ") < lines.index("Nơi nhận:")
    assert document.sha256 and len(document.sha256) == 64


def test_a_state_document_has_the_motto_and_a_yearly_symbol(tree, province_user):
    document = issue(province_user, people_committee(tree.cp2), type_code="decision", signer=Signer("Lê Văn Bình", "Chủ tịch"))
    state = clerk.format_named("state")
    opened = clerk.open_docx(document.file.read())
    clerk.check_page(opened, state)
    clerk.check_elements(opened, state)
    left, right = clerk.header_lines(opened)
    assert left[-1] == "Số: 01/QĐ-UBND" and clerk.STATE_SYMBOL.match(document.symbol)
    assert right[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert [p.text for p in clerk.of_element(opened, Element.AUTHORITY)] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]


def organization_of(unit, code, name, category):
    return OrganizationFactory(unit=unit, name=f"{name} tỉnh {unit.name}", kind=OrganizationKindFactory(code=code, name=name, category=category))


def test_the_front_writes_in_the_states_layout_as_its_guide_91_sets(tree, province_user):
    front = organization_of(tree.cp2, "ubmttq", "Ủy ban MTTQ Việt Nam", "front")
    document = issue(province_user, front, signer=Signer("Trần Thị Cúc", "Phó Chủ tịch"))
    opened = clerk.open_docx(document.file.read())
    clerk.check_page(opened, clerk.format_named("front"))
    clerk.check_elements(opened, clerk.format_named("front"))
    left, right = clerk.header_lines(opened)
    assert right[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert clerk.STATE_SYMBOL.match(document.symbol) and left[-1] == f"Số: {document.symbol}"
    assert document.period == f"Y{DAY.year}"
    assert [p.text for p in clerk.of_element(opened, Element.AUTHORITY)] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


def test_a_mass_organisation_with_its_own_title_writes_under_it_in_the_partys_layout(tree, province_user):
    farmers = organization_of(tree.cp2, "hoi-nong-dan", "Hội Nông dân", "mass_organization")
    document = issue(province_user, farmers, signer=Signer("Lý Văn Tư", "Chủ tịch"))
    opened = clerk.open_docx(document.file.read())
    clerk.check_elements(opened, clerk.format_named("mass"))
    left, right = clerk.header_lines(opened)
    # The figures of Hướng dẫn 29-HD/TWĐTN-VP: "***" under the issuing body, "Số: 01-BC/…", 20 mm on the right.
    assert right[0] == "HỘI NÔNG DÂN VIỆT NAM" and "***" in left
    assert clerk.PARTY_SYMBOL.match(document.symbol) and left[-1] == f"Số: {document.symbol}"
    clerk.check_page(opened, clerk.format_named("mass"))
    assert abs(opened.sections[0].right_margin - Mm(20)) < Mm(0.1)
    # Its committee signs through its standing committee, as the Đoàn's guide sets.
    assert [p.text for p in clerk.of_element(opened, Element.AUTHORITY)] == ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"]
    # One whose guide sets no title of its own (Hội Liên hiệp Phụ nữ here) writes as the Front does.
    women = organization_of(tree.cp2, "hoi-lhpn", "Hội Liên hiệp Phụ nữ", "mass_organization")
    left, right = clerk.header_lines(clerk.open_docx(issue(province_user, women, signer=Signer("Võ Thị Hoa", "Chủ tịch")).file.read()))
    assert right[0] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and left[-1].startswith("Số: 01/BC-")


def test_a_doan_committee_signs_for_its_standing_committee_as_29_hd_twdtn_vp_sets(tree, province_user):
    youth = OrganizationKindFactory(code="doan-tncs", name="Đoàn TNCS Hồ Chí Minh", category="mass_organization",
                                    document_title="Đoàn TNCS Hồ Chí Minh")
    province = OrganizationFactory(unit=tree.cp2, name=f"Tỉnh đoàn {tree.cp2.name}", kind=youth)
    committee = OrganizationFactory(unit=tree.cp2, name=f"BCH tỉnh {tree.cp2.name}", kind=youth)
    OrganizationLinkFactory(organization=committee, parent=province)
    for signer, authority in ((Signer("Phạm Minh Khoa", "Phó Bí thư"), ["TM. BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"]),
                              (Signer("Lê Thị Mai", "Bí thư"), ["TM. BAN THƯỜNG VỤ", "BÍ THƯ"])):
        document = issue(province_user, committee, signer=signer)
        opened = clerk.open_docx(document.file.read())
        assert [p.text for p in clerk.of_element(opened, Element.AUTHORITY)] == authority
        assert document.authority == "TM" and "BCH" not in " ".join(authority)
    # The symbol's abbreviation still comes from the body's own name.
    assert document.symbol.endswith("/BCH")


def test_an_administrators_figures_change_the_next_document(tree, province_user):
    party = clerk.format_named("party")
    party.margin_left_mm = 35
    party.save()
    FormatElement.objects.filter(format=party, element=Element.BODY).update(size=13)
    opened = clerk.open_docx(issue(province_user, party_body(tree.cp2)).file.read())
    clerk.check_page(opened, clerk.format_named("party"))
    assert clerk.of_element(opened, Element.BODY)[0].style.font.size.pt == 13


def test_numbers_run_per_type_and_term_for_the_party_and_per_year_for_the_state(tree, province_user):
    body, committee = party_body(tree.cp2), people_committee(tree.cp2)
    numbers = [issue(province_user, body).number, issue(province_user, body).number,
               issue(province_user, body, type_code="notice").number,
               issue(province_user, body, issued_on=datetime.date(2026, 12, 31)).number]
    assert numbers == [1, 2, 1, 3]  # the term runs on across the new year
    assert issue(province_user, body, issued_on=datetime.date(2025, 9, 30)).number == 1  # the previous term
    state = [issue(province_user, committee, signer=Signer("Lê Văn Bình", "Chủ tịch"), issued_on=day).symbol
             for day in (datetime.date(2026, 12, 30), datetime.date(2027, 1, 2))]
    assert state == ["01/BC-UBND", "01/BC-UBND"]
    assert period_of(clerk.format_named("party"), datetime.date(2018, 6, 11)) == "T20151001"


def test_the_same_source_returns_the_registered_document_and_a_correction_names_it(tree, province_user):
    body = party_body(tree.cp2)
    first = issue_once(province_user, body, issuer=body, type_code="report", issued_on=DAY, summary="x",
                       body=[], signer=Signer("Nguyễn Văn An", "Trưởng ban"))
    again = issue_once(province_user, body, issuer=body, type_code="report", issued_on=DAY, summary="y",
                       body=[], signer=Signer("Nguyễn Văn An", "Trưởng ban"))
    assert again.pk == first.pk and Document.objects.count() == 1
    correction = issue(province_user, body, corrects=first)
    assert correction.corrects == first and correction.number == 2
    first.summary = "changed"
    with pytest.raises(ValueError):
        first.save()


@pytest.mark.parametrize("overrides, field, message", [
    ({"signer": None}, "signer", "cần người ký"),
    ({"signer": Signer("", "Trưởng ban")}, "signer", "cần người ký"),
    ({"signer": Signer("Nguyễn Văn An", "Trưởng ban", held_from=datetime.date(2026, 4, 1), known_period=True)}, "signer", "không giữ chức vụ"),
    ({"signer": Signer("Nguyễn Văn An", "Trưởng ban", held_to=datetime.date(2026, 1, 1), known_period=True)}, "signer", "không giữ chức vụ"),
])
def test_bad_signers_are_refused_in_vietnamese_and_take_no_number(tree, province_user, overrides, field, message):
    body = party_body(tree.cp2)
    with pytest.raises(ValidationError) as refused:
        issue(province_user, body, **overrides)
    assert message in " ".join(refused.value.message_dict[field])
    assert not Document.objects.exists()
    assert issue(province_user, body).number == 1


def test_a_reader_does_not_issue_but_downloads_what_an_official_issued(tree, province_user, make_user):
    body, reader = party_body(tree.cp2), make_user(tree.cp2, role=Role.VIEWER)
    with pytest.raises(ValidationError) as refused:
        issue_once(reader, body, issuer=body, type_code="report", issued_on=DAY, summary="kết quả", body=[],
                   signer=Signer("Nguyễn Văn An", "Trưởng ban"))
    assert "chưa được ban hành" in " ".join(refused.value.messages)
    assert not Document.objects.exists() and not DocumentCounter.objects.filter(last__gt=0).exists()
    issued = issue_once(province_user, body, issuer=body, type_code="report", issued_on=DAY, summary="kết quả", body=[],
                        signer=Signer("Nguyễn Văn An", "Trưởng ban"))
    assert issue_once(reader, body, issuer=body, type_code="report", issued_on=DAY, summary="kết quả", body=[],
                      signer=Signer("Nguyễn Văn An", "Trưởng ban")) == issued


def test_a_type_the_issuer_may_not_issue_is_refused(tree, province_user):
    body = party_body(tree.cp2)
    DocumentType.objects.get(code="decision").formats.remove(clerk.format_named("party"))
    with pytest.raises(ValidationError) as refused:
        issue(province_user, body, type_code="decision")
    assert "không được ban hành" in " ".join(refused.value.message_dict["type"])
    assert not Document.objects.exists()


def test_a_template_that_does_not_render_names_its_field_and_takes_no_number(tree, province_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from danvan.core.documents.defaults import build_text

    broken = build_text()
    broken.add_paragraph("{{ chu_ky_so }}")
    import io

    buffer = io.BytesIO()
    broken.save(buffer)
    report = DocumentType.objects.get(code="report")
    DocumentTemplate.objects.create(type=report, format=clerk.format_named("party"), file=ContentFile(buffer.getvalue(), name="x.docx"))
    body = party_body(tree.cp2)
    with pytest.raises(ValidationError) as refused:
        issue(province_user, body)
    assert "chu_ky_so" in refused.value.messages[0] and "Mẫu văn bản" in refused.value.messages[0]
    assert not Document.objects.exists()
    assert DocumentCounter.objects.filter(last__gt=0).count() == 0


def test_an_issuer_outside_the_users_units_is_refused(tree, make_user):
    outsider = make_user(tree.cp, role=Role.EDITOR)
    with pytest.raises(ValidationError):
        issue(outsider, party_body(tree.cp2))
    assert not Document.objects.exists()


def test_the_register_and_api_show_only_what_the_user_reaches(tree, province_user, make_user, login):
    document = issue(province_user, party_body(tree.cp2))
    own = login(make_user(tree.cp2, role=Role.VIEWER))
    page = own.get("/documents/", {"q": "khao sat"}).content.decode()
    assert document.symbol in page
    first = b"".join(own.get(f"/documents/{document.pk}/download.docx").streaming_content)
    assert first == b"".join(own.get(f"/documents/{document.pk}/download.docx").streaming_content)
    listed = own.get("/api/v1/documents/", {"type": "report", "year": 2026}).json()
    rows = listed["results"] if isinstance(listed, dict) else listed
    assert [row["symbol"] for row in rows] == [document.symbol] and rows[0]["pdf"] is None
    other = login(make_user(tree.cp, role=Role.ADMINISTRATOR))
    assert other.get(f"/documents/{document.pk}/download.docx").status_code == 404
    assert document.symbol not in other.get("/documents/").content.decode()
    listed = other.get("/api/v1/documents/").json()
    assert (listed["results"] if isinstance(listed, dict) else listed) == []
    assert other.get("/api/v1/documents/", {"year": "99999999"}).status_code in (200, 400)


def test_the_api_filters_the_register_by_type_issuer_and_year_each_row_with_its_files(tree, province_user, make_user, login):
    party = party_body(tree.cp2)
    front = organization_of(tree.cp2, "ubmttq", "Ủy ban MTTQ Việt Nam", "front")
    report = issue(province_user, party)
    notice = issue(province_user, party, type_code="notice")
    last_year = issue(province_user, party, issued_on=DAY.replace(year=DAY.year - 1))
    fronts = issue(province_user, front, signer=Signer("Trần Thị Cúc", "Phó Chủ tịch"))
    client = login(make_user(tree.cp2, role=Role.VIEWER))

    def symbols(**query):
        response = client.get("/api/v1/documents/", query)
        assert response.status_code == 200, response.content
        listed = response.json()
        return listed["results"] if isinstance(listed, dict) else listed

    rows = symbols(type="report", issuer=party.pk, year=DAY.year)
    assert [row["id"] for row in rows] == [report.pk]
    assert {"symbol", "type", "issued_on", "issuer", "docx", "pdf"} <= set(rows[0])
    assert rows[0]["symbol"] == report.symbol and rows[0]["type"] == "report" and rows[0]["issuer"] == party.pk
    assert rows[0]["issued_on"] == DAY.isoformat() and rows[0]["docx"].endswith(f"/documents/{report.pk}/download.docx")
    assert {row["id"] for row in symbols(type="notice")} == {notice.pk}
    assert {row["id"] for row in symbols(issuer=front.pk)} == {fronts.pk}
    assert {row["id"] for row in symbols(year=DAY.year - 1)} == {last_year.pk}
    # A type or issuer that is no such thing: a Vietnamese 400, never a 500.
    for query in ({"type": "no-such-type"}, {"issuer": "abc"}, {"year": "abc"}):
        response = client.get("/api/v1/documents/", query)
        assert response.status_code == 400 and response.json(), (query, response.content)


@pytest.mark.parametrize(("name", "kept"), [
    ("Ủy ban nhân dân huyện U Minh Thượng", "Ủy ban nhân dân huyện\u00a0U\u00a0Minh\u00a0Thượng"),
    ("Huyện ủy U Minh Thượng", "Huyện ủy U\u00a0Minh\u00a0Thượng"),
    ("Ban Dân vận Huyện ủy Năm Căn", "Ban Dân vận Huyện ủy Năm\u00a0Căn"),
    ("Hội Nông dân", "Hội Nông dân"), ("", ""),
])
def test_a_header_breaks_a_long_name_before_its_place_never_inside_it(name, kept):
    assert keep_place_together(name) == kept


@pytest.mark.parametrize(("name", "superior", "line"), [
    ("Ban Dân vận Huyện ủy Năm Căn", "Huyện ủy Năm Căn", "Ban Dân vận"),
    ("Ủy ban kiểm tra Huyện ủy Năm Căn", "Huyện ủy Năm Căn", "Ủy ban kiểm tra"),
    ("Ban Tuyên giáo và Dân vận Tỉnh ủy Cà Mau", "Tỉnh ủy Cà Mau", "Ban Tuyên giáo và Dân vận"),
    ("Huyện ủy Năm Căn", "Tỉnh ủy Cà Mau", "Huyện ủy Năm Căn"),
    ("Đảng ủy xã Hàm Rồng", "Huyện ủy Năm Căn", "Đảng ủy xã Hàm Rồng"),
    ("Huyện ủy Năm Căn", "", "Huyện ủy Năm Căn"),
])
def test_an_organ_of_the_committee_named_above_gives_its_own_name(name, superior, line):
    assert own_name(name, superior) == line


def test_a_ban_dan_van_under_its_huyen_uy_heads_its_document_with_its_own_name(tree, make_user):
    committee = OrganizationFactory(unit=tree.ld1, name="Huyện ủy Châu Thành",
                                    kind=OrganizationKindFactory(code="huyen-uy", name="Huyện ủy", category="party_committee"))
    body = OrganizationFactory(unit=tree.ld1, name="Ban Dân vận Huyện ủy Châu Thành",
                               kind=OrganizationKindFactory(code="ban-dan-van", name="Ban Dân vận", category="party_body"))
    OrganizationLinkFactory(organization=body, parent=committee)
    document = issue(make_user(tree.ld1, role=Role.EDITOR), body)
    left, _right = clerk.header_lines(clerk.open_docx(document.file.read()))
    assert left[:2] == ["HUYỆN ỦY CHÂU THÀNH", "BAN DÂN VẬN"] and document.symbol == "01-BC/BDVHU"
    # The register and its pages keep the whole name; only the header's issuing line is the organ's own.
    assert document.header["issuer"] == "Ban Dân vận Huyện ủy Châu Thành"
    assert "Ban Dân vận Huyện ủy Châu Thành" in document.search_source()


def twice_at_once(action):
    """``action()`` in two threads released together: (their results, their errors)."""
    import threading

    from django.db import connections

    barrier, results, failures = threading.Barrier(2), [], []

    def run():
        try:
            barrier.wait()
            results.append(action())
        except Exception as error:  # noqa: BLE001 (the caller asserts there is none)
            failures.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, failures


@pytest.fixture
def issuing_on_postgresql(tree, make_user):
    """A Party body and its clerk, in a database that commits (row locks need real transactions)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's; SQLite serialises writers itself")
    seed_document_defaults(lambda name: apps.get_model("core", name))  # an earlier transactional test emptied them
    return party_body(tree.cp2), make_user(tree.cp2, role=Role.EDITOR)


@pytest.mark.django_db(transaction=True)
def test_two_clerks_issuing_at_once_get_consecutive_numbers(issuing_on_postgresql):
    body, user = issuing_on_postgresql
    documents, failures = twice_at_once(lambda: issue(user, body))
    assert failures == [] and sorted(document.number for document in documents) == [1, 2]
    assert DocumentCounter.objects.get(issuer=body).last == 2


@pytest.mark.django_db(transaction=True)
def test_two_first_downloads_at_once_register_one_document(issuing_on_postgresql):
    body, user = issuing_on_postgresql
    documents, failures = twice_at_once(lambda: issue_once(
        user, body, issuer=body, type_code="report", issued_on=DAY, summary="x", body=[],
        signer=Signer("Nguyễn Văn An", "Trưởng ban")))
    assert failures == [] and len(documents) == 2 and len({document.pk for document in documents}) == 1
    assert Document.objects.count() == 1 and DocumentCounter.objects.get(issuer=body).last == 1


@pytest.mark.parametrize("name, abbreviation", [
    ("Ban Tuyên giáo và Dân vận Tỉnh ủy", "BTGDVTU"),
    ("Ban Dân vận Huyện ủy", "BDVHU"),
    ("Ủy ban nhân dân", "UBND"),
    ("Ủy ban MTTQ Việt Nam", "UBMTTQVN"),
])
def test_the_issuers_abbreviation_is_written_as_officials_write_it(name, abbreviation):
    from danvan.core.documents.issuers import initials

    assert initials(name) == abbreviation

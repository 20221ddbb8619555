"""The commendation decision as a registered document: the issuer's format (Party: "T/M BAN THƯỜNG VỤ"; state:
"Số: 01/QĐ-UBND", Căn cứ …, Điều 1–3), its attached list whose rows are the decision's recipients, issued once,
scoped, refused with no number taken."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from danvan.awards.documents import decision_document
from danvan.awards.tests.factories import DecisionFactory, RecipientFactory
from danvan.core.choices import Role
from danvan.core.documents.models import Document, DocumentCounter, Element
from danvan.core.tests import documents as clerk
from danvan.organizations.tests.factories import OrganizationFactory, OrganizationKindFactory
from danvan.people.models import Position
from danvan.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def state_decision(tree, **overrides):
    ubnd = OrganizationKindFactory(code="ubnd", name="Ủy ban nhân dân", category="government")
    body = OrganizationFactory(unit=tree.ld1, name="Ủy ban nhân dân huyện Châu Thành", kind=ubnd)
    fields = {"issuing_body": body, "reason": "Có thành tích tốt trong phong trào thi đua “Dân vận khéo” giai đoạn 2016–2020",
              "signer": "Lê Văn Bình", "signer_title": "Phó Chủ tịch UBND huyện", **overrides}
    return DecisionFactory(**fields)


def party_decision(tree):
    committee = OrganizationKindFactory(code="huyen-uy", name="Huyện ủy", category="party_committee")
    body = OrganizationFactory(unit=tree.ld1, name="Huyện ủy Châu Thành", kind=committee)
    return DecisionFactory(issuing_body=body, reason="Có thành tích xuất sắc trong công tác chỉ đạo phong trào “Dân vận khéo”",
                           signer="Đặng Xuân Thắng", signer_title="Phó Bí thư Thường trực Huyện ủy")


def list_rows(opened):
    """The attached list's data rows (header rows left out), every table of the list together."""
    tables = [t for t in opened.tables if t.rows[0].cells[0].paragraphs[0].style.name == "DV table_head"]
    return [[cell.text for cell in row.cells] for table in tables for row in table.rows[1:]]


def download(client, decision):
    response = client.get(reverse("awards:decision-docx", args=[decision.pk]))
    assert response.status_code == 200, response
    return b"".join(response.streaming_content)


def test_a_state_decision_carries_its_bases_articles_and_the_list_of_its_recipients(tree, make_user, login):
    decision = state_decision(tree)
    branch = OrganizationFactory(unit=tree.lh1, name="Chi hội Phụ nữ ấp Cũ")
    first = RecipientFactory(decision=decision, organization=branch, achievement="Mô hình “Tổ tiết kiệm”")
    second = RecipientFactory(decision=decision, organization=OrganizationFactory(unit=tree.lc1, name="Hội Nông dân xã Minh Hòa"))
    client = login(make_user(tree.ld1, role=Role.EDITOR))
    content = download(client, decision)  # the official issues it at the first download; a reader gets the same file
    assert download(login(make_user(tree.ld1, role=Role.VIEWER)), decision) == content and Document.objects.count() == 1
    opened, state = clerk.open_docx(content), clerk.format_named("state")
    clerk.check_page(opened, state)
    clerk.check_elements(opened, state)
    document = Document.objects.get()
    assert clerk.STATE_SYMBOL.match(document.symbol) and document.symbol == "01/QĐ-UBND"
    assert clerk.header_lines(opened)[0][-1] == "Số: 01/QĐ-UBND"
    assert [p.text for p in clerk.of_element(opened, Element.TYPE_NAME)] == ["QUYẾT ĐỊNH"]
    assert [p.text for p in clerk.of_element(opened, Element.SUMMARY)] == ["Về việc tặng Giấy khen cho 02 tập thể"]
    text = clerk.text(opened)
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH" in text and "QUYẾT ĐỊNH:" in text
    assert "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;" in text
    assert "Nghị định số 91/2017/NĐ-CP" in text  # the decree in force on 04/8/2020
    assert [p.text for p in opened.paragraphs if p.style.name == "DV centred"] == [
        "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH", "QUYẾT ĐỊNH:"]
    for article in ("Điều 1. Tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện Châu Thành cho 02 tập thể (có danh sách kèm theo)",
                    "Điều 2.", "Điều 3."):
        assert article in text
    assert [p.text for p in clerk.of_element(opened, Element.AUTHORITY)] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert [p.text for p in clerk.of_element(opened, Element.SIGNER) if p.text] == ["Lê Văn Bình"]
    assert [p.text for p in clerk.of_element(opened, Element.RECIPIENTS)] == ["- Như Điều 3", "- Lưu VT"]
    assert "(Kèm theo Quyết định số 01/QĐ-UBND ngày 04/8/2020 của Ủy ban nhân dân huyện Châu Thành)" in text
    assert list_rows(opened) == [
        ["1", "Chi hội Phụ nữ ấp Cũ", "ấp Cũ, xã Minh Hòa, huyện Châu Thành, tỉnh Kiên Giang", "Mô hình “Tổ tiết kiệm”"],
        ["2", "Hội Nông dân xã Minh Hòa", "xã Minh Hòa, huyện Châu Thành, tỉnh Kiên Giang", decision.reason],
    ]
    assert len(list_rows(opened)) == decision.recipients.count() and {first.pk, second.pk} <= set(decision.recipients.values_list("pk", flat=True))
    assert reverse("awards:decision-docx", args=[decision.pk]) in client.get(decision.get_absolute_url()).content.decode()


def test_a_party_committees_decision_is_signed_for_the_standing_committee_and_lists_collectives_then_individuals(tree, make_user, login):
    decision = party_decision(tree)
    RecipientFactory(decision=decision, organization=OrganizationFactory(unit=tree.lc1, name="Ban Chỉ đạo xã Minh Hòa"))
    person = PersonFactory(full_name="Trần Văn Hiếu", unit=tree.lc1)
    RecipientFactory(decision=decision, kind="individual", organization=None, person=person, achievement="Cán bộ dân vận tiêu biểu")
    opened = clerk.open_docx(download(login(make_user(tree.ld1, role=Role.EDITOR)), decision))
    party = clerk.format_named("party")
    clerk.check_elements(opened, party)
    assert clerk.PARTY_SYMBOL.match(Document.objects.get().symbol) and Document.objects.get().symbol == "01-QĐ/HU"
    assert [p.text for p in clerk.of_element(opened, Element.AUTHORITY)] == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"]
    text = clerk.text(opened)
    assert "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;" in text and "BAN THƯỜNG VỤ HUYỆN ỦY CHÂU THÀNH QUYẾT ĐỊNH" in text
    assert "Điều 1. Tặng Giấy khen của Ban Thường vụ Huyện ủy Châu Thành cho 01 tập thể và 01 cá nhân" in text
    assert [p.text for p in opened.paragraphs if p.style.name == "DV centred"] == [
        "BAN THƯỜNG VỤ HUYỆN ỦY CHÂU THÀNH", "BAN THƯỜNG VỤ HUYỆN ỦY CHÂU THÀNH QUYẾT ĐỊNH"]
    headings = [p.text for p in clerk.of_element(opened, Element.HEADING)]
    assert "I. TẬP THỂ (01)" in headings and "II. CÁ NHÂN (01)" in headings
    assert list_rows(opened) == [["1", "Ban Chỉ đạo xã Minh Hòa", "xã Minh Hòa, huyện Châu Thành, tỉnh Kiên Giang", decision.reason],
                                 ["1", "Trần Văn Hiếu", "xã Minh Hòa, huyện Châu Thành, tỉnh Kiên Giang", "Cán bộ dân vận tiêu biểu"]]


def test_the_certificate_cites_the_registered_decision(tree, make_user):
    from danvan.awards.documents import certificate

    decision = state_decision(tree)
    recipient = RecipientFactory(decision=decision)
    user = make_user(tree.ld1, role=Role.EDITOR)
    text = clerk.text(clerk.open_docx(certificate(user, recipient).file.read()))
    assert "Quyết định số 01/QĐ-UBND ngày 04 tháng 8 năm 2020" in text
    assert decision_document(user, decision).symbol == "01/QĐ-UBND" and Document.objects.count() == 2


def test_another_units_user_gets_404_and_nothing_is_issued(tree, make_user, login):
    decision = state_decision(tree)
    RecipientFactory(decision=decision)
    response = login(make_user(tree.cp2, role=Role.ADMINISTRATOR)).get(reverse("awards:decision-docx", args=[decision.pk]))
    assert response.status_code == 404 and not Document.objects.exists()


def test_a_decision_without_a_signer_is_refused_on_its_page_with_no_number_taken(tree, make_user, login):
    decision = state_decision(tree, signer="", signer_title="")
    RecipientFactory(decision=decision)
    client = login(make_user(tree.ld1, role=Role.EDITOR))
    response = client.get(reverse("awards:decision-docx", args=[decision.pk]), follow=True)
    assert response.redirect_chain[-1][0] == decision.get_absolute_url()
    assert "Văn bản cần người ký và chức vụ người ký." in response.content.decode()
    assert not Document.objects.exists() and not DocumentCounter.objects.filter(last__gt=0).exists()


def test_a_signer_who_did_not_hold_the_title_that_day_is_refused(tree, make_user):
    decision = state_decision(tree)
    person = PersonFactory(full_name="Lê Văn Bình", unit=tree.ld1)
    Position.objects.create(person=person, organization=decision.issuing_body, title="Phó Chủ tịch UBND huyện",
                            valid_from=datetime.date(2021, 6, 1))
    with pytest.raises(ValidationError) as refused:
        decision_document(make_user(tree.ld1, role=Role.EDITOR), decision)
    assert "04/08/2020" in " ".join(refused.value.messages) and not Document.objects.exists()


def test_a_decision_older_than_every_law_listed_cites_the_earliest(tree, make_user):
    decision = state_decision(tree, date=datetime.date(2012, 5, 2))
    RecipientFactory(decision=decision)
    text = clerk.text(clerk.open_docx(decision_document(make_user(tree.ld1, role=Role.EDITOR), decision).file.read()))
    assert "Nghị định số 91/2017/NĐ-CP" in text and "Số: 01/QĐ-UBND" in text


def test_the_decisions_pages_give_the_registers_number_once_issued_and_label_a_typed_one(tree, make_user, login):
    decision = state_decision(tree, number="999/QĐ-UBND")
    recipient = RecipientFactory(decision=decision)
    client = login(make_user(tree.ld1, role=Role.EDITOR))
    page = client.get(decision.get_absolute_url()).content.decode()
    # Not issued yet: the number typed from the paper copy, said to be that.
    assert "<h1>Quyết định 999/QĐ-UBND</h1>" in page and "Số ghi theo bản giấy" in page
    download(client, decision)
    symbol = Document.objects.get().symbol
    assert symbol == "01/QĐ-UBND"
    page = client.get(decision.get_absolute_url()).content.decode()
    # The typed number stays only in the record's history, never as the decision's number.
    assert f"<h1>Quyết định Số: {symbol}</h1>" in page and "Số ghi theo bản giấy" not in page
    assert Document.objects.get().get_absolute_url() in page
    listed = client.get(reverse("awards:decision-list")).content.decode()
    assert symbol in listed and "999/QĐ-UBND" not in listed
    sheet = client.get(reverse("awards:certificate", args=[recipient.pk])).content.decode()
    assert f"Số: {symbol}" in sheet and "999/QĐ-UBND" not in sheet


def test_a_decision_issued_on_paper_is_not_numbered_again_and_its_certificates_cite_its_paper_number(tree, make_user, login):
    decision = state_decision(tree, recorded_from_paper=True, number="15/QĐ-UBND")
    recipient = RecipientFactory(decision=decision, organization=OrganizationFactory(unit=tree.lc1, name="Hội Nông dân xã Minh Hòa"))
    client = login(make_user(tree.ld1, role=Role.EDITOR))
    page = client.get(decision.get_absolute_url()).content.decode()
    assert reverse("awards:decision-docx", args=[decision.pk]) not in page and "bản giấy là bản gốc" in page
    refused = client.get(reverse("awards:decision-docx", args=[decision.pk]), follow=True)
    assert "đã ban hành trên giấy với số 15/QĐ-UBND" in refused.content.decode()
    assert not Document.objects.filter(type__code="decision").exists() and not DocumentCounter.objects.filter(type__code="decision").exists()
    certificate = b"".join(client.get(reverse("awards:certificate-docx", args=[recipient.pk])).streaming_content)
    assert "Quyết định số 15/QĐ-UBND ngày 04 tháng 8 năm 2020" in clerk.text(clerk.open_docx(certificate))

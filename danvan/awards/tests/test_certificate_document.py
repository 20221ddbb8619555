"""The giấy khen as a registered document: the issuer's format, landscape A4, the citation once, the unit in full,
"KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" for a deputy."""

import pytest
from django.urls import reverse

from danvan.awards.tests.factories import DecisionFactory, RecipientFactory
from danvan.core.choices import Role
from danvan.core.documents.models import Document, Element
from danvan.core.tests import documents as clerk
from danvan.organizations.tests.factories import OrganizationFactory, OrganizationKindFactory

pytestmark = pytest.mark.django_db


def test_a_deputy_signs_a_state_certificate_in_landscape(tree, make_user, login):
    ubnd = OrganizationKindFactory(code="ubnd", name="Ủy ban nhân dân", category="government")
    decision = DecisionFactory(issuing_body=OrganizationFactory(unit=tree.ld1, name="Ủy ban nhân dân huyện Châu Thành", kind=ubnd),
                               reason="Đã có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo” năm 2020",
                               signer="Lê Văn Bình", signer_title="Phó Chủ tịch UBND huyện")
    branch = OrganizationFactory(unit=tree.lh1, name="Chi hội Phụ nữ ấp Cũ")
    recipient = RecipientFactory(decision=decision, organization=branch, achievement="Có mô hình “Tổ tiết kiệm”")
    client = login(make_user(tree.ld1, role=Role.EDITOR))
    url = reverse("awards:certificate-docx", args=[recipient.pk])
    content = b"".join(client.get(url).streaming_content)  # issued by the official; a reader gets the same file
    reader = login(make_user(tree.ld1, role=Role.VIEWER))
    assert b"".join(reader.get(url).streaming_content) == content and Document.objects.filter(type__code="certificate").count() == 1
    opened = clerk.open_docx(content)
    state = clerk.format_named("state")
    clerk.check_page(opened, state, landscape=True)
    clerk.check_elements(opened, state)
    text = clerk.text(opened)
    assert text.count("Đã có thành tích") == 1 and "Có mô hình “Tổ tiết kiệm”" in text
    assert "Chi hội Phụ nữ ấp Cũ, xã Minh Hòa, huyện Châu Thành, tỉnh Kiên Giang" in text
    assert [p.text for p in clerk.of_element(opened, Element.AUTHORITY)] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    # The state's sample (Nghị định 98/2023/NĐ-CP, mẫu giấy khen): the national title and motto, who awards, "TẶNG",
    # the title in large bold capitals, the recipient large and bold, the unit and citation, the decision it carries
    # out, the place and date and the signature; in that order.
    lines = [p.text for p in clerk.paragraphs(opened) if p.text.strip()]
    expected = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "———————",
                "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH", "TẶNG", "GIẤY KHEN", "CHI HỘI PHỤ NỮ ẤP CŨ",
                "Chi hội Phụ nữ ấp Cũ, xã Minh Hòa, huyện Châu Thành, tỉnh Kiên Giang",
                "Đã có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo” năm 2020", "Có mô hình “Tổ tiết kiệm”",
                "Quyết định số 01/QĐ-UBND ngày 04 tháng 8 năm 2020", "Số: 01/GK-UBND",
                "Châu Thành, ngày 04 tháng 8 năm 2020", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Bình"]
    assert lines == expected, lines
    for element, size in ((Element.AWARDER, 14), (Element.AWARD_VERB, 14), (Element.CERTIFICATE_TITLE, 36), (Element.RECIPIENT, 20)):
        [paragraph] = clerk.of_element(opened, element)
        assert paragraph.style.font.bold and paragraph.style.font.size.pt == size, element
    assert clerk.of_element(opened, Element.PLACE_DATE)[0].style.font.italic
    assert clerk.STATE_SYMBOL.match(Document.objects.get(type__code="certificate").symbol)
    assert url in client.get(reverse("awards:certificate", args=[recipient.pk])).content.decode()
    assert login(make_user(tree.cp2, role=Role.ADMINISTRATOR)).get(url).status_code == 404


def test_a_party_committees_certificate_is_given_by_its_standing_committee(tree, make_user):
    from danvan.awards.documents import certificate
    from danvan.awards.tests.factories import CommendationFormFactory

    committee = OrganizationKindFactory(code="huyen-uy", name="Huyện ủy", category="party_committee")
    decision = DecisionFactory(issuing_body=OrganizationFactory(unit=tree.ld1, name="Huyện ủy Châu Thành", kind=committee),
                               reason="Có thành tích xuất sắc trong công tác dân vận năm 2020",
                               signer="Đặng Xuân Thắng", signer_title="Phó Bí thư Thường trực Huyện ủy")
    recipient = RecipientFactory(decision=decision, organization=OrganizationFactory(unit=tree.lc1, name="Ban Chỉ đạo xã Minh Hòa"))
    opened = clerk.open_docx(certificate(make_user(tree.ld1, role=Role.EDITOR), recipient).file.read())
    lines = [p.text for p in clerk.paragraphs(opened) if p.text.strip()]
    assert lines[:6] == ["ĐẢNG CỘNG SẢN VIỆT NAM", "———————", "BAN THƯỜNG VỤ HUYỆN ỦY CHÂU THÀNH", "TẶNG", "GIẤY KHEN",
                         "BAN CHỈ ĐẠO XÃ MINH HÒA"], lines
    assert "Quyết định số 01-QĐ/HU ngày 04 tháng 8 năm 2020" in lines and lines[-3:] == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Đặng Xuân Thắng"]
    clerk.check_elements(opened, clerk.format_named("party"))
    # A bằng khen's certificate is titled as its form.
    decision.form = CommendationFormFactory(code="bang-khen", name="Bằng khen")
    decision.save()
    other = RecipientFactory(decision=decision, organization=OrganizationFactory(unit=tree.lc1, name="Hội Nông dân xã Minh Hòa"))
    opened = clerk.open_docx(certificate(make_user(tree.ld1, role=Role.EDITOR), other).file.read())
    assert [p.text for p in clerk.of_element(opened, Element.CERTIFICATE_TITLE)] == ["BẰNG KHEN"]

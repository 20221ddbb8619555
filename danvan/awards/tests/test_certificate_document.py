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
    assert [p.text for p in clerk.of_element(opened, Element.TYPE_NAME)] == ["GIẤY KHEN"]
    assert clerk.STATE_SYMBOL.match(Document.objects.get(type__code="certificate").symbol)
    assert url in client.get(reverse("awards:certificate", args=[recipient.pk])).content.decode()
    assert login(make_user(tree.cp2, role=Role.ADMINISTRATOR)).get(url).status_code == 404

"""The giấy khen's PDF beside its .docx, on the certificate's page; 404 outside the user's units."""

import pytest
from django.urls import reverse

from danvan.awards.tests.factories import DecisionFactory, RecipientFactory
from danvan.core.choices import Role
from danvan.organizations.tests.factories import OrganizationFactory, OrganizationKindFactory

pytestmark = pytest.mark.django_db


def test_the_certificate_page_links_its_pdf_which_waits_for_the_worker(tree, make_user, login):
    ubnd = OrganizationKindFactory(code="ubnd", name="Ủy ban nhân dân", category="government")
    decision = DecisionFactory(issuing_body=OrganizationFactory(unit=tree.ld1, name="Ủy ban nhân dân huyện Châu Thành", kind=ubnd),
                               signer="Lê Văn Bình", signer_title="Chủ tịch UBND huyện")
    recipient = RecipientFactory(decision=decision, organization=OrganizationFactory(unit=tree.lh1, name="Chi hội Phụ nữ ấp Cũ"))
    client = login(make_user(tree.ld1, role=Role.EDITOR))  # the first download issues it
    url = reverse("awards:certificate-pdf", args=[recipient.pk])
    assert url in client.get(reverse("awards:certificate", args=[recipient.pk])).content.decode()
    assert reverse("awards:decision-pdf", args=[decision.pk]) in client.get(reverse("awards:decision-detail", args=[decision.pk])).content.decode()
    waiting = client.get(url)
    assert waiting.status_code == 202 and reverse("awards:certificate-docx", args=[recipient.pk]) in waiting.content.decode()
    assert login(make_user(tree.cp2, role=Role.ADMINISTRATOR)).get(url).status_code == 404

"""A model's page shows the commendations it received, as the ``awards`` app registers them."""

import pytest
from django.urls import reverse

from danvan.awards.tests.factories import DecisionFactory, RecipientFactory
from danvan.core.choices import Role
from danvan.movement.choices import Status
from danvan.movement.tests.factories import InitiativeFactory
from danvan.organizations.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def test_the_models_page_shows_its_commendation(tree, make_user, login):
    initiative = InitiativeFactory(unit=tree.lc1, status=Status.RECOGNISED, highest_level=2)
    decision = DecisionFactory(number="245-QĐ/HU", issuing_body=OrganizationFactory(unit=tree.ld1, name="Huyện ủy Châu Thành"))
    recipient = RecipientFactory(decision=decision, organization=initiative.owner_organization, initiative=initiative)
    url = reverse("movement:detail", args=[initiative.pk])
    certificate = reverse("awards:certificate", args=[recipient.pk])

    commune = login(make_user(tree.lc1, role=Role.VIEWER)).get(url).content.decode()
    assert "Khen thưởng" in commune and "245-QĐ/HU" in commune and "Huyện ủy Châu Thành" in commune
    assert certificate not in commune  # the decision sits with the district, above the commune's units
    district = login(make_user(tree.ld1, role=Role.APPROVER)).get(url).content.decode()
    assert certificate in district


def test_a_model_without_commendation_shows_no_empty_panel(tree, make_user, login):
    initiative = InitiativeFactory(unit=tree.lc1)
    page = login(make_user(tree.lc1, role=Role.VIEWER)).get(reverse("movement:detail", args=[initiative.pk])).content.decode()
    assert "245-QĐ" not in page and "<h2>Khen thưởng</h2>" not in page


def test_the_certificate_cites_once_and_names_the_recipients_commune(tree, make_user, login):
    decision = DecisionFactory(issuing_body=OrganizationFactory(unit=tree.ld1, name="UBND huyện Châu Thành"),
                               reason="Đã có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo” năm 2020")
    branch = OrganizationFactory(unit=tree.lh1, name="Chi hội Phụ nữ ấp Cũ")
    recipient = RecipientFactory(decision=decision, organization=branch, achievement="Có mô hình “Tổ tiết kiệm”")
    page = login(make_user(tree.ld1, role=Role.VIEWER)).get(reverse("awards:certificate", args=[recipient.pk])).content.decode()
    assert page.count("Đã có thành tích") == 1
    assert "Có mô hình “Tổ tiết kiệm”" in page
    assert "xã Minh Hòa" in page  # the hamlet's commune, not the bare "ấp Cũ"

"""A commune sends a commendation proposal upward through the page."""

import pytest
from django.urls import reverse

from danvan.awards.models import CommendationProposal, ProposedRecipient
from danvan.awards.tests.factories import CommendationFormFactory
from danvan.core.choices import Role
from danvan.organizations.tests.factories import OrganizationFactory
from danvan.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def commune(tree, make_user, login):
    world = type("World", (), {})()
    world.front = OrganizationFactory(unit=tree.cc1, name="Ủy ban MTTQ Việt Nam xã Bình An")
    world.farmers = OrganizationFactory(unit=tree.cc1, name="Hội Nông dân xã Bình An")
    world.province_body = OrganizationFactory(unit=tree.cp, name="UBND tỉnh An Giang")
    world.neighbour = OrganizationFactory(unit=tree.cc2, name="UBND phường Thạnh Lộc")
    world.person = PersonFactory(unit=tree.cc1, full_name="Trần Thị Lệ")
    world.form = CommendationFormFactory()
    world.client = login(make_user(tree.cc1, role=Role.EDITOR))
    return world


def post(world, addressed_to, recipients):
    data = {
        "proposing_body": world.front.pk, "addressed_to": addressed_to.pk, "form": world.form.pk,
        "date": "15/11/2026", "reason": "Thành tích xuất sắc trong phong trào “Dân vận khéo”",
        "recipients-TOTAL_FORMS": "4", "recipients-INITIAL_FORMS": "0",
    }
    for index in range(4):
        data[f"recipients-{index}-kind"] = ""  # an untouched row, as the browser sends it
    for index, (kind, record) in enumerate(recipients):
        data[f"recipients-{index}-kind"] = kind
        data[f"recipients-{index}-{'organization' if kind == 'collective' else 'person'}"] = record.pk
    return world.client.post(reverse("awards:proposal-create"), data)


def test_a_commune_proposes_a_collective_and_an_individual_to_the_province(commune):
    response = post(commune, commune.province_body, [("collective", commune.farmers), ("individual", commune.person)])
    assert response.status_code == 302
    proposal = CommendationProposal.objects.get()
    assert (proposal.proposing_body, proposal.addressed_to, proposal.status) == (commune.front, commune.province_body, "submitted")
    assert {(r.kind, r.organization_id, r.person_id) for r in proposal.recipients.all()} == {
        ("collective", commune.farmers.pk, None), ("individual", None, commune.person.pk),
    }


def test_a_proposal_without_recipients_is_refused_and_nothing_saved(commune):
    response = post(commune, commune.province_body, [])
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not CommendationProposal.objects.exists() and not ProposedRecipient.objects.exists()


def test_a_proposal_cannot_go_sideways_to_a_neighbouring_unit(commune):
    page = commune.client.get(reverse("awards:proposal-create")).content.decode()
    assert "UBND tỉnh An Giang" in page and "UBND phường Thạnh Lộc" not in page
    response = post(commune, commune.neighbour, [("collective", commune.farmers)])
    assert "addressed_to" in response.context["form"].errors
    assert not CommendationProposal.objects.exists()

"""Bad input on the organisation forms, through the real pages: error on the field, nothing saved."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from danvan.organizations.models import Organization, OrganizationLink
from danvan.organizations.tests.factories import OrganizationFactory, OrganizationKindFactory, OrganizationLinkFactory

pytestmark = pytest.mark.django_db


def vi(message):
    with translation.override("vi"):
        return translation.gettext(message)


@pytest.fixture
def editor(tree, make_user, login):
    return login(make_user(tree.cc1))


def test_seeded_kinds_exist_and_the_factory_reuses_them():
    kind = OrganizationKindFactory(code="hoi-lhpn")
    assert kind.name == "Hội Liên hiệp Phụ nữ"
    assert OrganizationKindFactory().code == "hoi-nong-dan"


def test_organisation_without_name(tree, editor):
    kind = OrganizationKindFactory()
    response = editor.post(reverse("organizations:create"), {"name": " ", "kind": kind.pk, "unit": tree.cc1.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["name"] == [vi("This field is required.")]
    assert not Organization.objects.exists()


def test_organisation_end_before_start(tree, editor):
    kind = OrganizationKindFactory()
    data = {"name": "Hội Nông dân xã Bình An", "kind": kind.pk, "unit": tree.cc1.pk, "valid_from": "01/07/2025", "valid_to": "30/06/2025"}
    response = editor.post(reverse("organizations:create"), data)
    assert response.context["form"].errors["valid_to"] == [vi("The end date cannot be before the start date.")]
    assert not Organization.objects.exists()


def test_a_valid_organisation_is_saved(tree, editor):
    kind = OrganizationKindFactory()
    response = editor.post(reverse("organizations:create"), {"name": "Hội Nông dân xã Bình An", "kind": kind.pk, "unit": tree.cc1.pk})
    organization = Organization.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("organizations:detail", args=[organization.pk])


def test_organisation_cannot_be_its_own_successor(tree, editor):
    organization = OrganizationFactory(unit=tree.cc1, name="Hội Nông dân Bình An")
    data = {"name": organization.name, "kind": organization.kind_id, "unit": tree.cc1.pk, "successor": organization.pk}
    response = editor.post(reverse("organizations:update", args=[organization.pk]), data)
    assert response.context["form"].errors["successor"] == [vi("An organisation cannot be its own successor.")]
    organization.refresh_from_db()
    assert organization.successor is None


def test_parent_link_is_saved(tree, editor):
    front = OrganizationFactory(unit=tree.cc1, name="Ủy ban MTTQ xã Bình An")
    farmers = OrganizationFactory(unit=tree.cc1, name="Hội Nông dân xã Bình An")
    response = editor.post(reverse("organizations:link-create", args=[farmers.pk]), {"parent": front.pk, "valid_from": "01/07/2025"})
    assert response.status_code == 302
    assert farmers.parent == front
    assert list(front.child_links.values_list("organization", flat=True)) == [farmers.pk]


def test_parent_link_that_would_make_a_cycle(tree, editor):
    link = OrganizationLinkFactory(organization__unit=tree.cc1)
    child, parent = link.organization, link.parent
    response = editor.post(reverse("organizations:link-create", args=[parent.pk]), {"parent": child.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["parent"] == [vi("This parent would make a cycle.")]
    assert OrganizationLink.objects.count() == 1


def test_parent_link_cycle_over_several_steps_is_refused_by_the_model(tree):
    a = OrganizationFactory(unit=tree.cc1)
    b = OrganizationLinkFactory(parent=a, organization__unit=tree.cc1).organization
    c = OrganizationLinkFactory(parent=b, organization__unit=tree.cc1).organization
    with pytest.raises(ValidationError) as caught:
        OrganizationLink(organization=a, parent=c).full_clean()
    assert caught.value.message_dict["parent"] == [vi("This parent would make a cycle.")]


def test_organisation_cannot_be_its_own_parent(tree, editor):
    organization = OrganizationFactory(unit=tree.cc1)
    response = editor.post(reverse("organizations:link-create", args=[organization.pk]), {"parent": organization.pk})
    assert response.context["form"].errors["parent"] == [vi("An organisation cannot be its own parent.")]
    assert not OrganizationLink.objects.exists()


def test_parent_from_another_commune_is_not_offered(tree, editor):
    mine = OrganizationFactory(unit=tree.cc1)
    theirs = OrganizationFactory(unit=tree.cc2)
    response = editor.post(reverse("organizations:link-create", args=[mine.pk]), {"parent": theirs.pk})
    assert "parent" in response.context["form"].errors
    assert not OrganizationLink.objects.exists()

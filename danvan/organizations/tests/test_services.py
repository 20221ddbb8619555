"""The organisation services: successors never loop, parent links lie within both organisations' periods."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from danvan.core.choices import Role
from danvan.organizations import services
from danvan.organizations.models import Organization, OrganizationLink
from danvan.organizations.tests.factories import OrganizationFactory

D = datetime.date


def test_a_chain_of_successors_may_not_loop_back(tree, make_user):
    editor = make_user(unit=tree.cc1)
    a, b, c = (OrganizationFactory(unit=tree.cc1) for _ in range(3))
    Organization.objects.filter(pk=b.pk).update(successor=c)
    Organization.objects.filter(pk=c.pk).update(successor=a)
    a.refresh_from_db()
    a.successor = b
    with pytest.raises(ValidationError) as caught:
        services.save_organization(editor, a)
    assert "successor" in caught.value.message_dict
    a.refresh_from_db()
    assert a.successor is None
    b = Organization.objects.get(pk=b.pk)
    b.successor = None
    assert services.save_organization(editor, b).successor is None


def test_a_parent_link_lies_within_both_organisations_periods(tree, make_user):
    editor = make_user(unit=tree.cc1)
    front = OrganizationFactory(unit=tree.cc1, valid_from=D(2025, 7, 1))
    farmers = OrganizationFactory(unit=tree.cc1)
    with pytest.raises(ValidationError) as caught:
        services.link_organization(editor, OrganizationLink(organization=farmers, parent=front, valid_from=D(2024, 1, 1)))
    assert "valid_from" in caught.value.message_dict
    assert services.link_organization(editor, OrganizationLink(organization=farmers, parent=front, valid_from=D(2025, 7, 1))).pk


def test_the_link_page_saves_through_the_service(tree, make_user, login):
    client = login(make_user(unit=tree.cc1, role=Role.EDITOR))
    front = OrganizationFactory(unit=tree.cc1, valid_from=D(2025, 7, 1))
    farmers = OrganizationFactory(unit=tree.cc1)
    response = client.post(reverse("organizations:link-create", args=[farmers.pk]), {"parent": front.pk, "valid_from": "01/01/2024"})
    assert response.status_code == 200 and "valid_from" in response.context["form"].errors
    assert not OrganizationLink.objects.exists()

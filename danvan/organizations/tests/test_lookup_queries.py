"""The organisation autocomplete costs the same queries for a few matches as for a full list of them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.core.choices import Role
from danvan.organizations.tests.factories import OrganizationLinkFactory

pytestmark = pytest.mark.django_db


def lookup(client):
    with CaptureQueriesContext(connection) as context:
        response = client.get(reverse("organizations:lookup"), {"q": "hoi nong dan"})
    assert response.status_code == 200
    return response.content.decode(), len(context)


def test_matches_with_their_parent_cost_the_same_queries_however_many(tree, make_user, login):
    client = login(make_user(tree.cp, role=Role.EDITOR))
    links = [OrganizationLinkFactory(organization__unit=tree.cc1) for _ in range(3)]
    few_page, few = lookup(client)
    links += [OrganizationLinkFactory(organization__unit=tree.cc1) for _ in range(6)]
    many_page, many = lookup(client)
    assert many_page.count("data-ac-value") == 18  # the factory names the parents alike: they match too
    assert many_page.count(f"— {links[-1].parent.name}") == 1  # each match shows its parent organisation
    assert many == few

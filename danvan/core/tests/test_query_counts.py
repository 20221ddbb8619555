"""The busy pages cost a fixed number of queries, however many records they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.organizations.tests.factories import OrganizationFactory
from danvan.people.tests.factories import PersonFactory
from danvan.units.tests.factories import (
    CommuneFactory, HamletFactory, LegacyCommuneFactory, LegacyProvinceFactory, ProvinceFactory, UnitSuccessionFactory,
)

pytestmark = pytest.mark.django_db

N = 4


def add_records(n, tree):
    """n more of everything the pages show: provinces with lineage, communes, hamlets, organisations, people."""
    for _ in range(n):
        province = ProvinceFactory()
        commune = CommuneFactory(parent=tree.cp)
        legacy = LegacyProvinceFactory()
        UnitSuccessionFactory(predecessor=legacy, successor=province)
        UnitSuccessionFactory(predecessor=LegacyCommuneFactory(parent__parent=legacy), successor=commune)
        HamletFactory(parent=commune)
        OrganizationFactory(unit=commune)
        PersonFactory(unit=commune)


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (reverse("units:browser"), "current_roots"),
        (reverse("units:list"), "object_list"),
        (reverse("organizations:list"), "object_list"),
        (reverse("people:list"), "object_list"),
        (reverse("api:unit-list"), None),
        (reverse("api:organization-list"), None),
    ],
)
def test_page_cost_does_not_grow_with_records(tree, national_admin, login, url, shown):
    client = login(national_admin)
    add_records(N, tree)
    few = queries(client, url)
    add_records(4 * N, tree)
    response = client.get(url)
    if shown:
        assert len(response.context[shown]) >= 5 * N  # the page does show the added records
    assert queries(client, url) == few


def test_unit_children_fragment_cost_does_not_grow(tree, national_admin, login):
    client = login(national_admin)
    url = reverse("units:children", args=[tree.cp.pk])
    add_records(N, tree)
    few = queries(client, url)
    add_records(4 * N, tree)
    assert queries(client, url) == few


def test_unit_detail_cost_does_not_grow(tree, national_admin, login):
    client = login(national_admin)
    url = reverse("units:detail", args=[tree.cp.pk])
    add_records(N, tree)
    few = queries(client, url)
    add_records(4 * N, tree)
    assert queries(client, url) == few

"""The busy pages cost a fixed number of queries, however many records they show."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.core.choices import Role
from danvan.directives.tests.factories import DirectiveFactory
from danvan.movement.models import Replication
from danvan.movement.tests.factories import InitiativeFactory
from danvan.organizations.tests.factories import OrganizationFactory
from danvan.oversight.tests.factories import FollowUpFactory, MeetingFactory, MissionFactory
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


def add_work(n, tree, initiative=None):
    """n more follow-ups, missions, meetings, directives and initiatives on a commune of the province,
    and n more replications of ``initiative`` (its page lists them)."""
    for _ in range(n):
        FollowUpFactory(mission=MissionFactory(unit=tree.cc1), deadline=datetime.date.today() + datetime.timedelta(days=3))
        MeetingFactory(unit=tree.cc1)
        DirectiveFactory(unit=tree.cc1)
        other = InitiativeFactory(unit=tree.cc1)
        if initiative is not None:
            Replication.objects.create(origin=initiative, unit=CommuneFactory(parent=tree.cp), adopted_on=datetime.date(2020, 1, 1), adopter=other)


LISTS = [
    ("oversight:follow-up-mine", "object_list"),
    ("oversight:follow-up-due", "object_list"),
    ("oversight:follow-up-list", "object_list"),
    ("oversight:mission-list", "object_list"),
    ("oversight:meeting-list", "object_list"),
    ("directives:list", "object_list"),
    ("movement:list", "object_list"),
    ("api:follow-up-list", None),
    ("api:mission-list", None),
    ("api:initiative-list", None),
    ("api:directive-list", None),
]


@pytest.mark.parametrize(("name", "shown"), LISTS)
def test_list_cost_does_not_grow_with_records(tree, make_user, login, name, shown):
    client = login(make_user(tree.cp, role=Role.EDITOR))
    url = reverse(name)
    add_work(N, tree)
    few = queries(client, url)
    add_work(4 * N, tree)
    response = client.get(url)
    shown_rows = response.context[shown] if shown else response.json()["results"]
    assert len(shown_rows) >= 5 * N  # the page does show the added records
    assert queries(client, url) == few


def test_initiative_page_as_an_editor_costs_the_same_whatever_the_province_holds(tree, make_user, login):
    client = login(make_user(tree.cp, role=Role.EDITOR))
    initiative = InitiativeFactory(unit=tree.cc1)
    url = reverse("movement:detail", args=[initiative.pk])
    add_work(N, tree, initiative)
    few = queries(client, url)
    add_work(4 * N, tree, initiative)
    assert len(client.get(url).context["replications"]) == 5 * N
    assert queries(client, url) == few

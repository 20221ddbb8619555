"""The menu's "Việc của tôi" figure is one statement on every page, whatever the sections and the work waiting."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.core import inbox
from danvan.core.choices import Role
from danvan.movement.choices import Status
from danvan.movement.tests.factories import InitiativeFactory
from danvan.oversight.tests.factories import FollowUpFactory, MissionFactory

pytestmark = pytest.mark.django_db


def add_work(tree, n):
    soon = datetime.date.today() + datetime.timedelta(days=5)
    mission = MissionFactory(unit=tree.cp)
    for _ in range(n):
        InitiativeFactory(unit=tree.cc1, status=Status.SUBMITTED)
        FollowUpFactory(mission=mission, owner_unit=tree.cc1, deadline=soon)


def menu(client):
    with CaptureQueriesContext(connection) as context:
        page = client.get(reverse("accounts:me")).content.decode()
    nav = page[page.index('<nav class="mainnav"'):page.index("</nav>")]
    start = nav.index('<span class="count">') + len('<span class="count">')
    return nav[start:nav.index("</span>", start)], len(context)


def test_the_figure_costs_one_statement_and_the_same_queries_for_three_times_the_work(tree, make_user, login):
    approver = make_user(tree.cp, role=Role.APPROVER)
    client = login(approver)
    assert len(inbox.sections_for(approver)) >= 3  # several sections counted together
    add_work(tree, 2)
    few_figure, few = menu(client)
    add_work(tree, 4)
    many_figure, many = menu(client)
    assert (few_figure, many_figure) == ("4", "12")
    assert many == few
    with CaptureQueriesContext(connection) as context:
        str(inbox.waiting_count(type(approver).objects.get(pk=approver.pk)))
    assert sum("COUNT(*)" in query["sql"] for query in context.captured_queries) == 1


def test_above_the_cap_the_figure_says_so(tree, make_user, login, monkeypatch):
    monkeypatch.setattr(inbox, "MENU_COUNT_CAP", 5)
    client = login(make_user(tree.cp, role=Role.APPROVER))
    add_work(tree, 3)
    assert menu(client)[0] == "5+"


def test_the_inbox_counts_its_sections_in_one_statement_and_costs_the_same_for_three_times_the_work(tree, make_user, login):
    client = login(make_user(tree.cp, role=Role.APPROVER))

    def page():
        with CaptureQueriesContext(connection) as context:
            response = client.get(reverse("core:inbox"))
        assert response.status_code == 200
        return {str(section.title): count for section, count, _ in response.context["sections"] if count}, context

    add_work(tree, 2)
    few_counts, few = page()
    add_work(tree, 4)
    many_counts, many = page()
    assert sorted(many_counts.values()) == [6, 6] and sorted(few_counts.values()) == [2, 2]
    assert len(many) == len(few)
    assert sum("COUNT(*)" in query["sql"] for query in many.captured_queries) == 1

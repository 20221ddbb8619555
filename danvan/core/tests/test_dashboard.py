"""The overview page counts what needs doing in the user's units only."""

import datetime

import pytest
from django.urls import reverse

from danvan.core.choices import Role
from danvan.oversight.tests.factories import FollowUpFactory, MissionFactory

pytestmark = pytest.mark.django_db


def panel(response, url_name):
    return next(panel for panel in response.context["panels"] if panel.url == reverse(url_name))


def test_overdue_and_due_soon_follow_ups_of_my_units_only(tree, make_user, login):
    today = datetime.date.today()
    mine = MissionFactory(unit=tree.cc1)
    FollowUpFactory(mission=mine, deadline=today - datetime.timedelta(days=3))
    FollowUpFactory(mission=mine, deadline=today + datetime.timedelta(days=5))
    FollowUpFactory(mission=mine, deadline=today + datetime.timedelta(days=60))
    FollowUpFactory(mission=MissionFactory(unit=tree.cc3), deadline=today - datetime.timedelta(days=3))

    response = login(make_user(tree.cc1, role=Role.VIEWER)).get(reverse("core:home"))
    open_, overdue, due, _ = panel(response, "oversight:follow-up-mine").figures
    assert (open_.value, overdue.value, due.value) == (3, 1, 1)  # nothing of Đất Mũi's
    assert (overdue.tone, due.tone) == ("bad", "warn")
    assert response.content.decode().count('class="figure bad"') == 1


def test_the_overview_shows_the_movement_panel_for_a_national_user(national_admin, login):
    response = login(national_admin).get(reverse("core:home"))
    registered = panel(response, "movement:stats").figures[0]
    assert registered.value == 0 and registered.url == reverse("movement:list")

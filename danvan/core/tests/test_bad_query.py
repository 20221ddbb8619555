"""A page asked with an impossible query parameter shows its whole list (or its default view) with a
Vietnamese note naming the parameter, never a 500 and never an empty list by accident (issue 8)."""

import datetime

import pytest
from django.urls import reverse

from danvan.core.choices import Role
from danvan.directives.tests.factories import DirectiveFactory
from danvan.movement.choices import Status
from danvan.movement.tests.factories import InitiativeFactory
from danvan.oversight.tests.factories import MissionFactory

pytestmark = pytest.mark.django_db

YEAR_NOTE = "Chưa áp dụng bộ lọc “Năm”: Nhập năm từ 1900 đến 2100."


@pytest.fixture
def editor(tree, make_user):
    return make_user(unit=tree.cc1, role=Role.EDITOR)


def page(response):
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("year", ["abc", "0", "10000", "²", "9" * 5000])
def test_the_initiative_list_with_an_impossible_year_shows_all_with_a_note(login, editor, tree, year):
    InitiativeFactory(unit=tree.cc1, name="Tổ dần đổi công", registration_year=2018)
    InitiativeFactory(unit=tree.cc1, name="Mái ấm nghĩa tình", registration_year=2021)

    shown = page(login(editor).get(reverse("movement:list"), {"year": year}))

    assert "Tổ dần đổi công" in shown and "Mái ấm nghĩa tình" in shown
    assert YEAR_NOTE in shown


def test_the_other_filters_still_apply_beside_an_impossible_one(login, editor, tree):
    InitiativeFactory(unit=tree.cc1, name="Tổ dần đổi công", status=Status.REGISTERED)
    InitiativeFactory(unit=tree.cc1, name="Mái ấm nghĩa tình", status=Status.DRAFT)

    shown = page(login(editor).get(reverse("movement:list"), {"year": "abc", "status": Status.DRAFT}))

    assert "Mái ấm nghĩa tình" in shown and "Tổ dần đổi công" not in shown
    assert YEAR_NOTE in shown


def test_the_directive_list_with_year_zero_shows_all_with_a_note(login, editor, tree):
    DirectiveFactory(unit=tree.cc1, subject="Về công tác dân vận trong tình hình mới")

    shown = page(login(editor).get(reverse("directives:list"), {"year": "0"}))

    assert "Về công tác dân vận trong tình hình mới" in shown
    assert YEAR_NOTE in shown


def test_the_appraisal_screen_of_a_national_administrator_lists_the_year(login, national_admin, tree):
    InitiativeFactory(unit=tree.cc1, name="Tổ dần đổi công", registration_year=2026, status=Status.REGISTERED)

    shown = page(login(national_admin).get(reverse("movement:appraisal-batch"), {"year": "2026"}))

    assert "Tổ dần đổi công" in shown


def test_the_appraisal_screen_with_an_impossible_year_lists_nothing_with_a_note(login, editor, tree):
    InitiativeFactory(unit=tree.cc1, name="Tổ dần đổi công", registration_year=2026, status=Status.REGISTERED)

    shown = page(login(editor).get(reverse("movement:appraisal-batch"), {"year": "abc"}))

    assert "Tổ dần đổi công" not in shown  # no year chosen yet: the screen asks for one
    assert YEAR_NOTE in shown


@pytest.mark.parametrize("parameters", [{"year": "99999999999"}, {"year": "1"}, {"month": "13"}, {"year": "abc", "month": "²"}])
def test_the_calendar_with_an_impossible_month_shows_this_month_with_a_note(login, editor, tree, parameters):
    today = datetime.date.today()
    MissionFactory(unit=tree.cc1, subject="Khảo sát chợ Mỹ Lồng", planned_start=today)

    shown = page(login(editor).get(reverse("oversight:calendar"), parameters))

    assert "Khảo sát chợ Mỹ Lồng" in shown
    assert "Chưa áp dụng bộ lọc" in shown


@pytest.mark.parametrize("parameters, label", [({"from_year": "abc"}, "Từ năm"), ({"to_year": "10000"}, "Đến năm"),
                                               ({"unit": "²"}, "Đơn vị")])
def test_the_statistics_with_an_impossible_parameter_show_the_default_with_a_note(login, editor, parameters, label):
    shown = page(login(editor).get(reverse("movement:stats"), parameters))

    assert f"Chưa áp dụng bộ lọc “{label}”" in shown


@pytest.mark.parametrize("name, parameters, label", [
    ("directives:obligations", {"year": "²"}, "Năm"), ("directives:obligations", {"unit": str(2**63)}, "Đơn vị"),
    ("units:create", {"parent": "²"}, "Đơn vị cấp trên"), ("oversight:mission-create", {"plan": "abc"}, "Kế hoạch giám sát"),
    ("movement:showcase", {"unit": "²"}, "Đơn vị"),
])
def test_other_pages_read_their_parameters_within_bounds(client, login, editor, name, parameters, label):
    browser = client if name == "movement:showcase" else login(editor)

    shown = page(browser.get(reverse(name), parameters))

    assert f"Chưa áp dụng bộ lọc “{label}”" in shown

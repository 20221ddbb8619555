"""The calendar in a browser: coloured by kind, a list of days on a 360 px phone without sideways scroll, printable."""

import datetime

import pytest
from playwright.sync_api import expect

from danvan.accounts.tests.factories import PASSWORD, UserFactory
from danvan.core.choices import Role
from danvan.core.tests.browser import fits, log_in, shot
from danvan.oversight.tests.factories import FollowUpFactory, MeetingFactory, MissionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def month(tree):
    first = datetime.date.today().replace(day=1)
    UserFactory(username="binhan", unit=tree.cc1, role=Role.EDITOR)
    mission = MissionFactory(unit=tree.cc1, planned_start=first + datetime.timedelta(days=3),
                             subject="Khảo sát việc thực hiện Quy chế dân chủ ở cơ sở tại các ấp của xã Bình An")
    MeetingFactory(unit=tree.cc1, held_on=first + datetime.timedelta(days=3), title="Hội nghị giao ban Khối dân vận xã")
    FollowUpFactory(mission=mission, owner_unit=tree.cc1, deadline=first + datetime.timedelta(days=12),
                    text="Rà soát, cập nhật danh sách hộ nghèo, hộ cận nghèo của ấp Mới")
    return first


def colour(page, selector):
    return page.locator(selector).first.evaluate("element => getComputedStyle(element).borderLeftColor")


def test_the_calendar_reads_on_a_phone_and_prints_in_colour(month, live_server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(page, live_server.url, "binhan", PASSWORD)
    page.goto(f"{live_server.url}/oversight/calendar/?year={month.year}&month={month.month}")
    kinds = {kind: colour(page, f".calendar .entry.kind-{kind}") for kind in ("mission", "meeting", "follow-up")}
    assert len(set(kinds.values())) == 3, kinds
    for kind, shown in kinds.items():
        assert colour(page, f".calendar-legend .swatch.kind-{kind}") == shown, f"the legend's {kind} differs from its entries"
    fits(page)
    shot(page, "calendar-1280")

    page.set_viewport_size({"width": 360, "height": 800})
    expect(page.locator(".calendar .entry.kind-follow-up")).to_be_visible()
    expect(page.locator(".calendar thead")).to_be_hidden()
    fits(page)
    shot(page, "calendar-360")

    page.set_viewport_size({"width": 1000, "height": 900})
    page.emulate_media(media="print")
    expect(page.locator(".filters")).to_be_hidden()
    expect(page.locator(".calendar-legend")).to_be_visible()
    assert colour(page, ".calendar .entry.kind-mission") == kinds["mission"]
    fits(page)
    shot(page, "calendar-print")

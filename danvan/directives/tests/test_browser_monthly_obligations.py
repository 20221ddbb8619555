"""On a 360 px phone, in a real headless Chromium on the demo world: Cà Mau's official reads KL 215-KL/TW's monthly
reception obligation, each commune's twelve months in a row that scrolls inside its own box, not the page; xã Năm Căn's
January is met by its reception days, February overdue."""

import pytest
from playwright.sync_api import expect

from danvan.core.tests.browser import shot
from danvan.demo.tests.browser_world import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_months_of_a_monthly_obligation_scroll_in_their_own_box_at_360_px(demo_world, live_server, browser):
    page = browser.new_page(viewport={"width": 360, "height": 780})
    log_in(page, live_server.url, "camau")
    page.goto(f"{live_server.url}/directives/obligations/?year=2026")
    section = page.locator("section.panel", has_text="ít nhất 02 ngày/tháng")
    expect(section.locator("thead th")).to_have_count(13)
    expect(section.locator("thead th").nth(1)).to_have_text("T1")
    row = section.locator("tbody tr", has_text="Năm Căn")
    expect(row.locator("td").nth(0).locator(".badge")).to_have_class("badge state-met")
    expect(row.locator("td").nth(1).locator(".badge")).to_have_class("badge state-overdue")
    box = section.locator("div.panel").first
    assert box.evaluate("e => e.scrollWidth > e.clientWidth")  # the months scroll inside their box …
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")  # … not the page
    shot(page, "kl215-monthly-obligation-360px")
    page.click("section.panel tbody tr:has-text('Năm Căn') a")
    months = page.locator("section.panel[id^=months-]", has_text="ít nhất 02 ngày/tháng")
    expect(months.locator("thead th").nth(11)).to_be_visible()  # a row of twelve, not the phone's stacked cells
    expect(months.locator("thead th").nth(11)).to_have_text("T12")
    expect(months.locator("tbody td").nth(1).locator(".badge")).to_have_class("badge state-overdue")
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
    shot(page, "kl215-unit-months-360px")

"""A person's first steps, in a real headless Chromium, on the demo world."""

import pytest
from playwright.sync_api import expect

from danvan.core.tests.browser import shot
from danvan.demo.tests.browser_world import log_in
from danvan.units.models import Unit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_official_logs_in_browses_units_and_finds_nam_can(demo_world, live_server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    log_in(page, live_server.url, "camau")
    shot(page, "01-home")

    page.click("nav.mainnav >> text=Đơn vị")
    expect(page.locator("h1")).to_have_text("Đơn vị hành chính")
    legacy_ca_mau = Unit.objects.get(name="Cà Mau", level=1, valid_to__isnull=False)
    node = page.locator(f"#unit-{legacy_ca_mau.pk}")
    node.locator("> .node button.toggle").click()
    expect(node.locator("> .children")).to_contain_text("huyện Năm Căn")
    shot(page, "02-unit-browser")

    page.fill("#global-search", "nam can")
    page.press("#global-search", "Enter")
    expect(page.locator("main")).to_contain_text("huyện Năm Căn")
    shot(page, "03-search-nam-can")
    page.click("main a:text-is('huyện Năm Căn')")
    expect(page.locator("h1")).to_contain_text("huyện Năm Căn")
    expect(page.locator("main")).to_contain_text("xã Hiệp Tùng")
    expect(page.locator("main")).to_contain_text("Ban Dân vận Huyện ủy Năm Căn")
    shot(page, "04-nam-can")
    nam_can_url = page.url

    page.goto(f"{live_server.url}/api/v1/docs/")
    page.fill(".swagger-ui input.operation-filter-input", "units")
    expect(page.locator(".swagger-ui")).to_contain_text("/api/v1/units/")
    shot(page, "04b-api-docs")
    outside = [url for url in requested if not url.startswith((live_server.url, "data:"))]
    assert outside == [], f"pages fetched from outside the machine: {outside}"

    phone = browser.new_page(viewport={"width": 360, "height": 780})
    log_in(phone, live_server.url, "camau")
    phone.goto(nam_can_url)
    expect(phone.locator("h1")).to_contain_text("huyện Năm Căn")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the page scrolls sideways on a phone ({width}px wide)"
    shot(phone, "05-nam-can-phone")


def test_an_editor_of_hiep_tung_cannot_open_a_thanh_yen_record(demo_world, live_server, browser):
    thanh_yen = Unit.objects.get(name="Thạnh Yên", level=3, valid_to__isnull=False)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(page, live_server.url, "hieptung")

    response = page.goto(f"{live_server.url}/units/{thanh_yen.pk}/")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Không tìm thấy")
    shot(page, "06-hieptung-refused-thanh-yen")

    page.fill("#global-search", "thanh yen")
    page.press("#global-search", "Enter")
    expect(page.locator("main")).not_to_contain_text("xã Thạnh Yên")
    shot(page, "07-hieptung-search-thanh-yen")

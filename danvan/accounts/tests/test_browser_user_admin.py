"""In a real headless Chromium: a provincial administrator creates an editor for xã Thạnh Yên; that official
logs in with the password shown once and works on their commune."""

import pytest
from playwright.sync_api import expect

from danvan.accounts.tests.factories import PASSWORD
from danvan.core.choices import Role
from danvan.core.tests.browser import log_in, shot
from danvan.units.tests.factories import CommuneFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_provincial_administrator_creates_an_editor_who_then_logs_in(tree, make_user, live_server, browser):
    thanh_yen = CommuneFactory(name="Thạnh Yên", parent=tree.cp2)
    make_user(tree.cp2, role=Role.ADMINISTRATOR, username="quantri-camau", first_name="Quản trị", last_name="Cà Mau")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(page, live_server.url, "quantri-camau", PASSWORD)
    page.click("nav.mainnav >> text=Quản trị")
    expect(page.locator("h1")).to_have_text("Tài khoản")
    shot(page, "admin-01-accounts")

    page.click("text=Thêm tài khoản")
    page.fill("input[name=username]", "canbo-thanhyen")
    page.fill("input[name=first_name]", "Nguyễn Thị")
    page.fill("input[name=last_name]", "Hồng")
    page.fill("input[name=unit_search]", "thanh yen")
    page.locator("input[name=unit_search] ~ .ac-results button", has_text="xã Thạnh Yên").first.click()
    page.select_option("select[name=role]", Role.EDITOR)
    shot(page, "admin-02-new-account")
    page.click("button.primary")
    expect(page.locator("h1")).to_have_text("Mật khẩu tạm thời")
    password = page.locator(".password-once code").inner_text().strip()
    assert len(password) >= 10
    shot(page, "admin-03-password-once")

    page.click("button:text('Đăng xuất')")
    log_in(page, live_server.url, "canbo-thanhyen", password)
    expect(page.locator(".who")).to_contain_text("Nguyễn Thị Hồng")
    expect(page.locator("nav.mainnav")).not_to_contain_text("Quản trị")
    page.goto(f"{live_server.url}/units/{thanh_yen.pk}/")
    expect(page.locator("h1")).to_contain_text("xã Thạnh Yên")
    shot(page, "admin-04-new-official")

    phone = browser.new_page(viewport={"width": 360, "height": 780})
    log_in(phone, live_server.url, "quantri-camau", PASSWORD)
    for path in ("/accounts/users/", "/accounts/users/new/", "/organizations/standard/", "/catalogues/criteria/"):
        phone.goto(f"{live_server.url}{path}")
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} scrolls sideways on a phone ({width}px wide)"
    phone.goto(f"{live_server.url}/accounts/users/")
    expect(phone.locator("main")).to_contain_text("canbo-thanhyen")
    shot(phone, "admin-05-accounts-360")
    phone.goto(f"{live_server.url}/organizations/standard/")
    shot(phone, "admin-06-standard-360")

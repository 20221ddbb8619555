"""Journey, in a real headless Chromium: a commune enters its 9-month figures and sends the report; the province returns
it with a reason; the commune corrects and sends it again; the province accepts it and sees the completeness of its
communes. Screenshots at 1280 and 360 px."""

import pytest
from playwright.sync_api import expect

from danvan.accounts.tests.factories import PASSWORD
from danvan.core.choices import Role
from danvan.core.tests.browser import fits, log_in, shot
from danvan.reporting.models import Indicator
from danvan.reporting.tests.factories import PeriodFactory, ReportFormFactory, SubmissionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def field(name):
    return f"input[name=value_{Indicator.objects.get(code=name).pk}]"


def test_a_commune_sends_its_report_the_province_returns_it_then_accepts_the_correction(tree, make_user, live_server, browser):
    form = ReportFormFactory(first_year=2025)
    report = SubmissionFactory(unit=tree.cc1, period=PeriodFactory(form=form))
    SubmissionFactory(unit=tree.cc2, period=report.period)
    make_user(tree.cc1, role=Role.EDITOR, username="binhan")
    make_user(tree.cp, role=Role.APPROVER, username="angiang")

    commune = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(commune, live_server.url, "binhan", PASSWORD)
    commune.goto(f"{live_server.url}/reporting/{report.pk}/figures/")
    commune.fill(field("social.poor_households_out"), "-4")
    commune.fill(field("members.eligible"), "1200")
    commune.click("form.form button.primary")
    expect(commune.locator("main")).to_contain_text("“Hộ thoát nghèo”: số lượng không thể âm.")
    shot(commune, "journey-reporting-01-negative-refused")
    commune.fill(field("social.poor_households_out"), "14")
    commune.fill("textarea[name=section_1]", "Các xã đăng ký 07 mô hình “Dân vận khéo” mới.")
    commune.click("form.form button.primary")
    expect(commune.locator("h1")).to_contain_text("9 tháng đầu năm 2018")
    commune.click("main a.button:has-text('Gửi báo cáo')")
    commune.click("form.form button.primary")
    expect(commune.locator("main")).to_contain_text("Đã gửi")
    shot(commune, "journey-reporting-02-sent")

    province = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(province, live_server.url, "angiang", PASSWORD)
    province.goto(f"{live_server.url}/inbox/")
    expect(province.locator("main")).to_contain_text("Báo cáo định kỳ chờ chấp nhận")
    province.goto(f"{live_server.url}/reporting/{report.pk}/")
    province.click("main a.button:has-text('Trả lại để sửa')")
    province.fill("textarea[name=note]", "Thiếu số hộ thoát nghèo của ấp Mới")
    province.click("form.form button.primary")
    expect(province.locator("main")).to_contain_text("Thiếu số hộ thoát nghèo của ấp Mới")

    commune.goto(f"{live_server.url}/reporting/{report.pk}/figures/")
    commune.fill(field("social.poor_households_out"), "16")
    commune.click("form.form button.primary")
    commune.click("main a.button:has-text('Gửi báo cáo')")
    commune.click("form.form button.primary")
    expect(commune.locator("main")).to_contain_text("Đã gửi lại")

    province.goto(f"{live_server.url}/reporting/{report.pk}/")
    province.click("main a.button:has-text('Chấp nhận')")
    province.click("form.form button.primary")
    expect(province.locator("main")).to_contain_text("Đã chấp nhận")
    shot(province, "journey-reporting-03-accepted")
    province.goto(f"{live_server.url}/reporting/completeness/?period={report.period.pk}")
    expect(province.locator("main")).to_contain_text("Phải gửi")
    shot(province, "journey-reporting-04-completeness-1280")
    phone = browser.new_page(viewport={"width": 360, "height": 800})
    log_in(phone, live_server.url, "angiang", PASSWORD)
    for path, name in ((f"/reporting/completeness/?period={report.period.pk}", "completeness"), (f"/reporting/{report.pk}/", "report")):
        phone.goto(f"{live_server.url}{path}")
        fits(phone)
        shot(phone, f"journey-reporting-05-{name}-360")

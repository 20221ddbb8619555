"""Journey (d), in a real headless Chromium on the demo world: the district issues a plan with a yearly obligation;
xã Thạnh Yên concretises it with its own document, xã Minh Thuận's plan is recorded by the district; the matrix
shows the other communes as gaps; Thạnh Yên's dialogue meeting meets the obligation, and the district sees it met."""

import re

import pytest
from playwright.sync_api import expect

from danvan.core.tests.browser import choose, shot
from danvan.demo.tests.browser_world import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PLAN = "45-KH/HU"
OBLIGATION = "Bí thư Đảng ủy xã đối thoại trực tiếp với nhân dân ít nhất 01 lần/năm"
DIALOGUE = "Hội nghị đối thoại giữa Bí thư Đảng ủy xã với nhân dân năm 2024"


def test_a_directive_concretised_by_two_communes_the_matrix_shows_the_gaps_and_a_meeting_meets_its_obligation(
        demo_world, live_server, browser):
    # The district's Ban Dân vận registers the Huyện ủy's plan (before the 2025 reform, when the district existed).
    district = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(district, live_server.url, "uminhthuong")
    district.goto(f"{live_server.url}/directives/")
    expect(district.locator("h1")).to_have_text("Văn bản chỉ đạo")
    district.click("main a:has-text('Thêm văn bản')")
    district.fill("input[name=symbol]", PLAN)
    district.fill("input[name=issued_on]", "15/03/2024")
    district.fill("input[name=issuer_name]", "Huyện ủy U Minh Thượng")
    district.fill("textarea[name=subject]", "Thực hiện Quy chế dân chủ ở cơ sở và đối thoại trực tiếp với nhân dân năm 2024")
    shot(district, "journey-d-01-district-registers-the-plan")
    district.click("form.form button.primary")
    expect(district.locator("h1")).to_contain_text("45-KH/HU")
    expect(district.locator("main")).to_contain_text("15/03/2024")
    plan_url = district.url
    shot(district, "journey-d-02-plan-registered")

    # The yearly obligation it sets for every commune.
    district.click("main a.button:has-text('Thêm nhiệm vụ định kỳ')")
    district.fill("input[name=title]", OBLIGATION)
    district.select_option("select[name=kind]", value="dialogue")
    district.select_option("select[name=level]", label="Xã")
    district.fill("input[name=first_year]", "2024")
    district.fill("input[name=last_year]", "2024")
    shot(district, "journey-d-03-obligation-form")
    district.click("form.form button.primary")
    expect(district.locator("main")).to_contain_text(OBLIGATION)
    shot(district, "journey-d-04-obligation-set")

    # xã Thạnh Yên's editor registers the commune's own plan, as concretising the district's.
    commune = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(commune, live_server.url, "thanhyen")
    commune.goto(plan_url)
    expect(commune.locator("h1")).to_contain_text("45-KH/HU")
    commune.goto(f"{live_server.url}/directives/new/")
    commune.fill("input[name=symbol]", "12-KH/ĐU")
    commune.fill("input[name=issued_on]", "02/04/2024")
    commune.fill("input[name=issuer_name]", "Đảng ủy xã Thạnh Yên")
    commune.fill("textarea[name=subject]", "Kế hoạch thực hiện Kế hoạch số 45-KH/HU của Huyện ủy")
    plan = commune.locator("select[name=implements] option", has_text="45-KH/HU")
    commune.select_option("select[name=implements]", value=plan.get_attribute("value"))
    shot(commune, "journey-d-05-commune-concretises")
    commune.click("form.form button.primary")
    expect(commune.locator("h1")).to_contain_text("12-KH/ĐU")
    expect(commune.locator("main")).to_contain_text("45-KH/HU")
    shot(commune, "journey-d-06-commune-plan")

    # xã Minh Thuận sent its plan to the district, which records it.
    district.goto(plan_url)
    district.click("main a.button:has-text('Ghi nhận cụ thể hóa')")
    choose(district, "unit", "minh thuan", "xã Minh Thuận")
    district.fill("input[name=implemented_on]", "10/04/2024")
    district.fill("textarea[name=description]", "Đảng ủy xã Minh Thuận ban hành Kế hoạch số 08-KH/ĐU ngày 10/4/2024.")
    shot(district, "journey-d-07-district-records-minh-thuan")
    district.click("form.form button.primary")
    expect(district.locator("main")).to_contain_text("Kế hoạch số 08-KH/ĐU")

    # The matrix: the two communes done, the others highlighted as gaps.
    district.click("main a.button:has-text('Bảng cụ thể hóa')")
    expect(district.locator("h1")).to_contain_text("Bảng cụ thể hóa")
    rows = district.locator("main tbody tr")
    expect(rows.filter(has_text=re.compile(r"xã Thạnh Yên \("))).to_contain_text("12-KH/ĐU")
    expect(rows.filter(has_text="xã Minh Thuận")).to_contain_text("08-KH/ĐU")
    gaps = district.locator("main tbody tr.gap")
    expect(gaps.first).to_contain_text("Chưa cụ thể hóa")
    assert gaps.count() >= 1 and gaps.filter(has_text=re.compile(r"xã (Thạnh Yên|Minh Thuận) \(")).count() == 0
    expect(district.locator("main .lead")).to_contain_text(f"2 đơn vị đã cụ thể hóa; {gaps.count()} đơn vị chưa")
    shot(district, "journey-d-08-matrix-shows-gaps")

    # Thạnh Yên holds its dialogue and records the meeting, then marks the obligation met by it.
    commune.goto(f"{live_server.url}/oversight/meetings/new/")
    commune.select_option("select[name=kind]", value="thematic")
    commune.fill("input[name=title]", DIALOGUE)
    commune.fill("input[name=held_on]", "20/05/2024")
    choose(commune, "organization", "dang uy", "Đảng ủy xã Thạnh Yên")
    commune.click("form.form button.primary")
    expect(commune.locator("h1")).to_have_text(DIALOGUE)
    commune.click("main a:has-text('Ghi nhận thực hiện nhiệm vụ định kỳ')")
    commune.select_option("select[name=obligation]", label=OBLIGATION)
    shot(commune, "journey-d-09-meeting-meets-the-obligation")
    commune.click("form.form button.primary")
    expect(commune.locator("main")).to_contain_text(OBLIGATION)
    shot(commune, "journey-d-10-meeting-with-obligation")

    # The district's obligation list for 2024: Thạnh Yên met by the meeting, the others not.
    district.goto(f"{live_server.url}/directives/obligations/?year=2024")
    table = district.locator("section.panel", has=district.locator("h2", has_text=OBLIGATION))
    expect(table.locator("tr", has_text=re.compile(r"xã Thạnh Yên(?! A)"))).to_contain_text("Đã thực hiện")
    expect(table.locator("tr", has_text=re.compile(r"xã Thạnh Yên(?! A)"))).to_contain_text(DIALOGUE)
    expect(table.locator("tr", has_text="xã Minh Thuận")).to_contain_text("Quá hạn")
    shot(district, "journey-d-11-obligation-met")

    phone = browser.new_page(viewport={"width": 360, "height": 780})
    log_in(phone, live_server.url, "uminhthuong")
    phone.goto(district.url)
    expect(phone.locator("main")).to_contain_text(DIALOGUE)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the obligation list scrolls sideways on a phone ({width}px wide)"
    shot(phone, "journey-d-12-obligation-met-phone")

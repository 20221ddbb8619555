"""Journey (a): a commune registers a hamlet branch's model, the district registers, appraises it on the
scoring sheet and recognises it; a commendation proposal goes up, a decision comes down, the certificate prints.
Each step through the pages only, as the demo official who does it in real life."""

import re

import pytest
from playwright.sync_api import expect

from danvan.core.tests.browser import choose, fits, shot
from danvan.demo.tests.browser_world import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MODEL = "Tổ phụ nữ tiết kiệm giúp nhau thoát nghèo"
ACHIEVEMENT = "Có mô hình “Tổ phụ nữ tiết kiệm giúp nhau thoát nghèo” được công nhận cấp cơ sở"


def step(page, name):
    fits(page)
    shot(page, f"journey-a-{name}")


def test_a_hamlet_model_is_registered_appraised_recognised_and_commended(demo_world, live_server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(page, live_server.url, "thanhyen")
    page.click("nav.mainnav >> text=Dân vận khéo")
    page.click("text=Đăng ký mô hình")
    expect(page.locator("h1")).to_have_text("Đăng ký mô hình")
    # The form opens on the editor's commune, this phase and this year.
    expect(page.locator("[data-autocomplete]:has(input[name='unit']) [data-ac-input]")).to_have_value("xã Thạnh Yên (trước 01/07/2025)")
    expect(page.locator("select[name=phase] option:checked")).to_have_text("2026–2030")
    page.fill("input[name=name]", MODEL)
    page.check("input[name=fields] >> nth=0")
    choose(page, "owner_organization", "chi hoi phu nu", "Chi hội Phụ nữ ấp Đặng Văn Do")
    choose(page, "unit", "dang van do", "ấp Đặng Văn Do")
    page.fill("textarea[name=description]", "Hội viên góp vốn xoay vòng giúp nhau làm kinh tế.")
    step(page, "01-registration-form")
    page.click("main button.primary")
    expect(page.locator("h1")).to_have_text(MODEL)
    expect(page.locator(".badge").first).to_have_text("Chưa gửi")
    step(page, "02-draft")
    page.click("button[value=submit]")
    expect(page.locator(".badge").first).to_have_text("Chờ duyệt")
    step(page, "03-submitted")
    page.click("text=Đăng xuất")

    log_in(page, live_server.url, "uminhthuong")
    page.click("nav.mainnav >> text=Việc của tôi")
    expect(page.locator("main")).to_contain_text(MODEL)
    step(page, "04-approver-inbox")
    page.click(f"main a:text-is('{MODEL}')")
    page.click("button[value=approve]")
    expect(page.locator(".badge").first).to_have_text("Đã duyệt")
    step(page, "05-registered")

    page.click("text=Thẩm định theo tiêu chí")
    expect(page.locator("h1")).to_have_text("Thẩm định theo tiêu chí")
    expect(page.locator("select[name=level] option")).to_have_text(["Cơ sở"])  # districts recognise no more since 01/07/2025
    page.fill("textarea[name=appraisers]", "Nguyễn Văn Hùng – Trưởng Ban Dân vận Huyện ủy\nLê Thị Mai – Chủ tịch Ủy ban MTTQ huyện")
    rows = page.locator("table.sheet tbody tr")
    expect(rows).to_have_count(5)
    for index in range(5):
        rows.nth(index).locator("input[type=checkbox]").check()
        rows.nth(index).locator("input[type=number]").fill("18")
        rows.nth(index).locator("textarea").fill(f"Biên bản kiểm tra thực tế, tiêu chí {index + 1}")
    page.select_option("select[name=outcome]", label="Đạt cấp này")
    step(page, "06-scoring-sheet")
    page.click("text=Ghi kết quả thẩm định")
    appraisals = page.locator("#appraisals")
    expect(appraisals).to_contain_text("Cơ sở 2026")
    expect(appraisals).to_contain_text("tổng điểm 90")
    expect(appraisals).to_contain_text("Hội đồng thẩm định: Nguyễn Văn Hùng – Trưởng Ban Dân vận Huyện ủy; Lê Thị Mai")
    expect(appraisals).to_contain_text("Biên bản kiểm tra thực tế, tiêu chí 5")
    step(page, "07-appraised")

    page.click("summary:text-is('Công nhận')")
    recognise = page.locator("form[action$='/recognise/']")
    expect(recognise.locator("select[name=level] option")).to_have_text(["Cơ sở"])
    recognise.locator("input[name=document]").fill("Quyết định số 05-QĐ/BCĐ")
    recognise.locator("button.primary").click()
    expect(page.locator(".badge").first).to_have_text("Được công nhận")
    expect(page.locator("main")).to_contain_text("Quyết định số 05-QĐ/BCĐ")
    step(page, "08-recognised")
    page.click("text=Đăng xuất")

    log_in(page, live_server.url, "thanhyen")
    page.click("nav.mainnav >> text=Khen thưởng")
    page.click("main >> text=Đề nghị khen thưởng")
    page.click("text=Lập đề nghị khen thưởng")
    choose(page, "proposing_body", "mttq thanh yen", "Ủy ban MTTQ Việt Nam xã Thạnh Yên")
    page.select_option("select[name=addressed_to]", label="UBND huyện U Minh Thượng")
    page.select_option("select[name=form]", label="Giấy khen")
    page.fill("textarea[name=reason]", "Đề nghị khen thưởng tập thể có mô hình “Dân vận khéo” tiêu biểu năm 2026")
    page.select_option("select[name=recipients-0-kind]", label="Tập thể")
    choose(page, "recipients-0-organization", "chi hoi phu nu dang", "Chi hội Phụ nữ ấp Đặng Văn Do")
    choose(page, "recipients-0-initiative", "to phu nu tiet kiem", MODEL)
    page.fill("input[name=recipients-0-achievement]", ACHIEVEMENT)
    step(page, "09-proposal-form")
    page.click("text=Gửi đề nghị")
    expect(page.locator(".badge").first).to_have_text("Chờ quyết định")
    expect(page.locator("main")).to_contain_text("Chi hội Phụ nữ ấp Đặng Văn Do")
    step(page, "10-proposal-sent")
    proposal = page.url
    page.click("text=Đăng xuất")

    log_in(page, live_server.url, "uminhthuong")
    page.click("nav.mainnav >> text=Khen thưởng")
    page.click("main >> text=Thêm quyết định khen thưởng")
    expect(page.locator("select[name=phase] option:checked")).to_have_text("2026–2030")
    page.fill("input[name=number]", "1520/QĐ-UBND")
    choose(page, "issuing_body", "ubnd u minh thuong", "UBND huyện U Minh Thượng")
    page.select_option("select[name=form]", label="Giấy khen")
    page.fill("input[name=signer]", "Lê Tiến Dũng")
    page.fill("input[name=signer_title]", "Phó Chủ tịch UBND huyện")
    page.fill("textarea[name=reason]", "Đã có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo” năm 2026")
    step(page, "11-decision-form")
    page.click("main button.primary")
    expect(page.locator("h1")).to_have_text("Quyết định 1520/QĐ-UBND")
    page.goto(proposal)
    expect(page.locator("select[name=decision] option:checked")).to_have_text(re.compile("1520/QĐ-UBND"))
    page.click("text=Chấp nhận, đưa vào quyết định đã chọn")
    expect(page.locator(".badge").first).to_have_text("Đã chấp nhận")
    step(page, "12-proposal-accepted")
    page.click("main a:has-text('1520/QĐ-UBND')")
    expect(page.locator("main table").first).to_contain_text("Chi hội Phụ nữ ấp Đặng Văn Do")
    step(page, "13-decision")

    page.click("main a:text-is('Giấy chứng nhận')")
    sheet = page.locator(".sheet")
    expect(sheet).to_contain_text("Giấy khen")
    expect(sheet).to_contain_text("Chi hội Phụ nữ ấp Đặng Văn Do")
    expect(sheet).to_contain_text("ấp Đặng Văn Do, xã Thạnh Yên")
    expect(sheet).to_contain_text(ACHIEVEMENT)
    expect(sheet).to_contain_text("Lê Tiến Dũng")
    page.emulate_media(media="print")
    expect(page.locator("[data-print]")).to_be_hidden()
    shot(page, "journey-a-14-certificate-print")
    page.emulate_media(media="screen")

    phone = browser.new_page(viewport={"width": 360, "height": 780})
    log_in(phone, live_server.url, "uminhthuong")
    phone.goto(f"{live_server.url}/awards/")
    phone.click("main a:text-is('1520/QĐ-UBND')")
    step(phone, "15-decision-phone")

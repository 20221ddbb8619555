"""Journey (e): a legacy commune's editor (``hieptung``) reads seed 000 into the review queue, corrects a
proposed model, accepts and refuses items, creates the records and finds them, the person with the titles
the report gives. Through the pages only, as the demo official."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from danvan.core.tests.browser import fits, shot
from danvan.demo.tests.browser_world import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REPORT = Path(__file__).parent / "gold" / "000_7f2f2f737afd32bb.txt"


def step(page, name):
    fits(page)
    shot(page, f"journey-e-{name}")


def test_a_legacy_commune_editor_reviews_a_report_and_finds_the_records(demo_world, live_server, browser, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(page, live_server.url, "hieptung")
    page.click("nav.mainnav >> text=Đọc báo cáo")
    page.click("main >> text=Tải lên báo cáo")
    expect(page.locator("[data-autocomplete]:has(input[name='unit']) [data-ac-input]")).to_have_value("xã Hiệp Tùng (trước 01/07/2025)")
    page.set_input_files("input[type=file]", str(REPORT))
    step(page, "01-upload")
    page.click("main button.primary")
    expect(page.locator("#batch-progress")).to_contain_text("1 / 1")
    step(page, "02-read")
    page.click("#batch-progress a >> nth=0")

    def card(text):
        return page.locator("[id^=item-]", has_text=text).first

    # The shortened name in the report is found as the hamlet's Front team.
    expect(card("Mặt trận ấp Kinh Mới")).to_contain_text("Ban công tác Mặt trận ấp Kinh Mới")
    expect(card("Tôn Nữ Hương Giang")).to_contain_text("Không tìm thấy tổ chức")
    step(page, "03-review")

    model = card("tuyến đường xanh sạch")
    model.locator(".correct-link").click()
    correction = model.locator("form.correct")
    expect(correction.locator("select[name=organization] option").first).to_have_text("— chưa chọn —")
    correction.locator("select[name=organization]").select_option(label="Ủy ban MTTQ Việt Nam xã Hiệp Tùng")
    correction.locator("button.primary").click()
    expect(model.locator(".badge")).to_have_text("Đã sửa")
    card("Mặt trận ấp Kinh Mới").locator("button.accept").click()
    expect(card("Mặt trận ấp Kinh Mới").locator(".badge")).to_have_text("Đã chấp nhận")
    card("Tôn Nữ Hương Giang").locator("button.accept").click()
    expect(card("Tôn Nữ Hương Giang").locator(".badge")).to_have_text("Đã chấp nhận")
    card("Minh Sửa").locator("button:text-is('Loại')").click()  # not a person: the reader took "Minh" and "Sửa"
    expect(card("Minh Sửa").locator(".badge")).to_have_text("Đã loại")
    step(page, "04-decided")

    page.click("text=Tạo hồ sơ từ các mục đã chấp nhận")
    expect(page.locator("main")).to_contain_text("tạo hoặc liên kết 3 hồ sơ")
    step(page, "05-confirm")
    page.click("form.confirm button.primary")
    records = page.locator(".records")
    expect(records).to_contain_text("Tôn Nữ Hương Giang")
    expect(records).to_contain_text("Ban công tác Mặt trận ấp Kinh Mới")
    expect(records).to_contain_text("tuyến đường xanh sạch, đẹp")
    step(page, "06-created")

    page.click(".records a:text-is('tuyến đường xanh sạch, đẹp')")
    expect(page.locator(".badge").first).to_have_text("Chưa gửi")
    expect(page.locator("main")).to_contain_text("Ủy ban MTTQ Việt Nam xã Hiệp Tùng")
    step(page, "07-draft-model")
    page.go_back()
    page.click(".records a:text-is('Tôn Nữ Hương Giang')")
    expect(page.locator("main")).to_contain_text("Trưởng Ban Dân vận Huyện ủy")
    expect(page.locator("main")).to_contain_text("xã Hiệp Tùng")
    step(page, "08-person")

    phone = browser.new_page(viewport={"width": 360, "height": 780})
    log_in(phone, live_server.url, "hieptung")
    phone.goto(page.url)
    step(phone, "09-person-phone")

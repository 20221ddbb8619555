"""The Năm Căn inspection's conclusion notice, issued by the demo on 01/10/2018, downloads from the mission's page
as the registered document: the provincial commission's official (camau, whose province the district was in)
opens the mission, sees the link beside the report and gets Số 01-TB/BDVHU signed by the mission's leader; the
page fits a phone."""

import docx
import pytest
from playwright.sync_api import expect

from danvan.core.tests.browser import fits, shot
from danvan.demo.tests.browser_world import log_in
from danvan.oversight.models import Mission

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_nam_can_notice_downloads_from_the_mission_page(demo_world, live_server, browser):
    mission = Mission.objects.get(unit__name="Năm Căn", subject__startswith="Kiểm tra, nắm tình hình")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(page, live_server.url, "camau")
    page.goto(f"{live_server.url}{mission.get_absolute_url()}")
    expect(page.locator("h1")).to_contain_text("Kiểm tra, nắm tình hình thực hiện công tác Dân vận 9 tháng năm 2018")
    link = page.locator("main a.button:has-text('Thông báo kết luận (.docx)')")
    expect(link).to_be_visible()
    fits(page)
    shot(page, "notice-nam-can-1280")
    with page.expect_download() as download:
        link.click()
    notice = download.value
    assert notice.suggested_filename.endswith(".docx")
    opened = docx.Document(notice.path())
    cells = [p.text for table in opened.tables for row in table.rows for cell in row.cells for p in cell.paragraphs]
    text = "\n".join([*(p.text for p in opened.paragraphs), *cells])
    assert "Số 01-TB/BDVHU" in text and "Năm Căn, ngày 01 tháng 10 năm 2018" in text
    assert "THÔNG BÁO" in text and "kết luận kiểm tra" in text
    assert "Mô hình tuyến đường hoa do Ban công tác Mặt trận ấp Kinh Mới thực hiện" in text
    assert "Tiếp tục thực hiện tốt quy chế dân chủ ở cơ sở (đơn vị thực hiện: Ủy ban MTTQ Việt Nam huyện Năm Căn; thời hạn: 31/12/2019)." in text
    assert "Tôn Nữ Hương Giang" in text

    phone = browser.new_page(viewport={"width": 360, "height": 780})
    log_in(phone, live_server.url, "camau")
    phone.goto(f"{live_server.url}{mission.get_absolute_url()}")
    expect(phone.locator("main a.button:has-text('Thông báo kết luận (.docx)')")).to_be_visible()
    shot(phone, "notice-nam-can-360")
    fits(phone)

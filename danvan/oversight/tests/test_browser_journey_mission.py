"""Journey (b): the province's Ban Tuyên giáo và Dân vận plans an inspection of xã Hiệp Tùng, adds its members and
targets, starts it on its planned date, records findings in three parts and two recommendations with deadlines;
the commune's editor reports progress with evidence and completes one; the mission closes with a reason for the
open one; the report downloads. Each step through the pages only, as the demo official who does it in real life."""

import datetime

import docx
import pytest
from playwright.sync_api import expect

from danvan.core.tests.browser import choose, fits, shot
from danvan.demo.tests.browser_world import log_in
from danvan.oversight.tests.browser_steps import report_progress

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUBJECT = "Kiểm tra việc thực hiện Quy chế dân chủ ở cơ sở năm 2026 tại xã Hiệp Tùng"
STRENGTH = "Cấp ủy, chính quyền xã quan tâm lãnh đạo; công khai đầy đủ các khoản thu, chi trước dân."
SHORTCOMING = "Việc lấy ý kiến nhân dân về quy hoạch khu dân cư ấp Kinh Mới còn hình thức."
CAUSE = "Cán bộ ấp kiêm nhiệm nhiều việc, chưa được tập huấn về quy chế dân chủ."
FIRST = "Tổ chức lấy lại ý kiến nhân dân ấp Kinh Mới về quy hoạch khu dân cư"
SECOND = "Cử cán bộ ấp dự lớp tập huấn về thực hiện Quy chế dân chủ ở cơ sở"


def dmy(day):
    return day.strftime("%d/%m/%Y")


def step(page, name):
    fits(page)
    shot(page, f"journey-b-{name}")


def facts(page, term):
    return page.locator(f"dl.facts dt:text-is('{term}') + dd")


def test_a_province_inspects_a_commune_which_acts_on_its_recommendations(demo_world, live_server, browser):
    today = datetime.date.today()
    planned, ends = today - datetime.timedelta(days=3), today - datetime.timedelta(days=1)
    near, later = today + datetime.timedelta(days=10), today + datetime.timedelta(days=40)

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(page, live_server.url, "camau")
    page.goto(f"{live_server.url}/oversight/missions/")
    page.click("main a.button:has-text('Thêm đoàn công tác')")
    expect(page.locator("h1")).to_have_text("Thêm đoàn công tác")
    page.select_option("select[name=kind]", label="Kiểm tra")
    page.fill("textarea[name=subject]", SUBJECT)
    choose(page, "leading_organization", "ban tuyen giao", "Ban Tuyên giáo và Dân vận Tỉnh ủy Cà Mau")
    page.fill("input[name=planned_start]", dmy(planned))
    page.fill("input[name=planned_end]", dmy(ends))
    page.fill("textarea[name=summary]", "Đoàn làm việc với Đảng ủy, UBND, Ủy ban MTTQ và các đoàn thể xã Hiệp Tùng.")
    step(page, "01-mission-form")
    page.click("form.form button.primary")
    expect(page.locator("h1")).to_have_text(f"Kiểm tra: {SUBJECT}")
    expect(page.locator(".badge").first).to_have_text("Theo kế hoạch")
    expect(facts(page, "Theo kế hoạch")).to_have_text(f"{dmy(planned)} – {dmy(ends)}")
    step(page, "02-mission-planned")
    mission_url = page.url

    page.click("main a:has-text('Thêm thành viên')")
    choose(page, "person", "ton nu huong giang", "Tôn Nữ Hương Giang")
    page.check("input[name=is_leader]")
    step(page, "03-member-form")
    page.click("form.form button.primary")
    page.click("main a:has-text('Thêm thành viên')")
    choose(page, "person", "minh sua", "Minh Sửa")
    page.fill("input[name=title]", "Phóng viên Văn phòng Huyện ủy Năm Căn")
    page.click("form.form button.primary")
    members = page.locator("section.panel", has=page.get_by_role("heading", name="Thành viên đoàn", exact=True))
    expect(members).to_contain_text("Tôn Nữ Hương Giang, Ủy viên Ban Thường vụ Huyện ủy")
    expect(members).to_contain_text("Minh Sửa, Phóng viên Văn phòng Huyện ủy Năm Căn")

    page.click("main a:has-text('Thêm nơi làm việc')")
    choose(page, "unit", "hiep tung", "xã Hiệp Tùng")
    choose(page, "organization", "dang uy", "Đảng ủy xã Hiệp Tùng")
    step(page, "04-target-form")
    page.click("form.form button.primary")
    expect(members).to_contain_text("Đảng ủy xã Hiệp Tùng")
    step(page, "05-members-and-targets")

    page.click("main a.button:has-text('Chuyển trạng thái')")
    page.select_option("select[name=to]", label="Đang thực hiện")
    step(page, "06-start")
    page.click("form.form button.primary")
    expect(page.locator(".badge").first).to_have_text("Đang thực hiện")
    expect(facts(page, "Thực tế")).to_have_text(f"{dmy(planned)} – …")  # the planned day, not today
    step(page, "07-started")

    for part, text in [("Kết quả, ưu điểm", STRENGTH), ("Hạn chế, khuyết điểm", SHORTCOMING), ("Nguyên nhân", CAUSE)]:
        page.click("main a:has-text('Ghi nhận xét')")
        page.select_option("select[name=part]", label=part)
        page.select_option("select[name=target]", index=1)
        page.fill("textarea[name=text]", text)
        if text == CAUSE:
            step(page, "08-finding-form")
        page.click("form.form button.primary")
        expect(page.locator("section.findings")).to_contain_text(text)
    findings = page.locator("section.findings")
    for part in ["Kết quả, ưu điểm", "Hạn chế, khuyết điểm", "Nguyên nhân"]:
        expect(findings.locator("h3", has_text=part)).to_have_count(1)
    step(page, "09-findings")

    for text, deadline in [(FIRST, near), (SECOND, later)]:
        page.goto(mission_url)
        page.click("main a:has-text('Thêm kiến nghị, nhiệm vụ')")
        page.fill("textarea[name=text]", text)
        # The mission's one commune, not the province that sent it.
        expect(page.locator("[data-autocomplete]:has(input[name='owner_unit']) [data-ac-input]")).to_have_value("xã Hiệp Tùng (trước 01/07/2025)")
        choose(page, "owner_organization", "ubnd", "UBND xã Hiệp Tùng")
        page.fill("input[name=deadline]", dmy(deadline))
        if text == FIRST:
            step(page, "10-recommendation-form")
        page.click("form.form button.primary")
        expect(page.locator("main")).to_contain_text(text)
    page.goto(mission_url)
    recommendations = page.locator("section.panel", has=page.get_by_role("heading", name="Kiến nghị, phương hướng", exact=True))
    rows = recommendations.locator("tbody tr")
    expect(rows).to_have_count(2)
    for text, deadline in [(FIRST, near), (SECOND, later)]:
        expect(rows.filter(has_text=text).locator("td")).to_have_text([text, "UBND xã Hiệp Tùng", dmy(deadline), "Mới giao"])
    step(page, "11-recommendations")

    page.click("main a.button:has-text('Chuyển trạng thái')")
    page.select_option("select[name=to]", label="Đã kết luận")
    page.click("form.form button.primary")
    expect(page.locator(".badge").first).to_have_text("Đã kết luận")
    expect(facts(page, "Thực tế")).to_have_text(f"{dmy(planned)} – {dmy(ends)}")
    step(page, "12-concluded")
    page.click("text=Đăng xuất")

    # The commune's editor finds the recommendation, reports progress with the minutes and completes it.
    commune = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(commune, live_server.url, "hieptung")
    commune.click("nav.mainnav a[href='/inbox/']")
    expect(commune.locator("h1")).to_have_text("Việc của tôi")
    expect(commune.locator("main")).to_contain_text(FIRST)
    step(commune, "13-commune-inbox")
    commune.click(f"main a:has-text('{FIRST}')")
    expect(commune.locator("p.lead")).to_have_text(FIRST)
    expect(commune.locator("main")).to_contain_text(SUBJECT)
    report_progress(commune, "Đã tổ chức họp dân ấp Kinh Mới, 48 hộ dự, thống nhất phương án quy hoạch.", "bien-ban-hop-dan.pdf")
    step(commune, "14-progress-form")
    commune.click("form.form button.primary")
    expect(commune.locator("main")).to_contain_text("48 hộ dự")
    expect(commune.locator("main a:text-is('minh chứng')")).to_have_count(1)
    expect(commune.locator(".badge").first).to_have_text("Đang thực hiện")
    step(commune, "15-progress-recorded")
    commune.click("main a.button:has-text('Chuyển trạng thái')")
    commune.select_option("select[name=to]", label="Hoàn thành")
    commune.fill("textarea[name=note]", "Đã lấy ý kiến; biên bản kèm theo.")
    commune.click("form.form button.primary")
    expect(commune.locator(".badge").first).to_have_text("Hoàn thành")
    expect(facts(commune, "Trạng thái")).to_contain_text(dmy(today))
    step(commune, "16-completed")

    # The province closes the mission; the recommendation still open needs a reason.
    log_in(page, live_server.url, "camau")
    page.goto(mission_url)
    expect(recommendations.locator("tbody tr", has_text=FIRST)).to_contain_text("Hoàn thành")
    expect(recommendations.locator("tbody tr", has_text=SECOND)).to_contain_text("Mới giao")
    page.click("main a.button:has-text('Chuyển trạng thái')")
    page.select_option("select[name=to]", label="Đã đóng")
    expect(page.locator("input[name=on]")).to_have_count(0)  # closing keeps no date: none is asked
    page.click("form.form button.primary")
    expect(page.locator("main")).to_contain_text("lý do")
    step(page, "17-close-needs-a-reason")
    page.fill("textarea[name=note]", "Kiến nghị còn lại theo dõi qua giao ban quý I năm sau.")
    page.click("form.form button.primary")
    expect(page.locator(".badge").first).to_have_text("Đã đóng")
    step(page, "18-closed")

    with page.expect_download() as download:
        page.click("main a:has-text('Báo cáo (.docx)')")
    report = download.value
    assert report.suggested_filename.endswith(".docx")
    text = "\n".join(p.text for p in docx.Document(report.path()).paragraphs)
    assert SUBJECT in text
    assert SHORTCOMING in text

    phone = browser.new_page(viewport={"width": 360, "height": 780})
    log_in(phone, live_server.url, "camau")
    phone.goto(mission_url)
    expect(phone.locator("h1")).to_contain_text(SUBJECT)
    step(phone, "19-mission-phone")

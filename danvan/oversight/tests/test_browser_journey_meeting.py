"""Journey (c), in a real headless Chromium on the demo world: a district meeting assigns two tasks to a commune;
the commune's editor finds them in the due-soon list and in "Việc của tôi", completes one, and the chair sees it done."""

import datetime

import pytest
from playwright.sync_api import expect

from danvan.core.tests.browser import choose, shot
from danvan.demo.tests.browser_world import log_in
from danvan.oversight.tests.browser_steps import report_progress

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Hội nghị giao ban công tác dân vận quý IV năm 2026"
FIRST = "Tổ chức đối thoại giữa Bí thư Đảng ủy xã với nhân dân ấp Xẻo Kè"
SECOND = "Rà soát, củng cố tổ nhân dân tự quản ở các ấp"


def dmy(day):
    return day.strftime("%d/%m/%Y")


def menu_count(page):
    return page.locator("nav.mainnav a[href='/inbox/'] .count")


def test_a_meeting_assigns_tasks_the_commune_does_one_and_the_chair_sees_it(demo_world, live_server, browser):
    today = datetime.date.today()
    near, later = today + datetime.timedelta(days=5), today + datetime.timedelta(days=12)

    # The district's Ban Dân vận records the briefing it chaired.
    chair = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(chair, live_server.url, "uminhthuong")
    chair.goto(f"{live_server.url}/oversight/meetings/")
    expect(chair.locator("h1")).to_have_text("Hội nghị")
    chair.click("main a.button:has-text('Thêm hội nghị')")
    expect(chair.locator("h1")).to_contain_text("hội nghị")
    chair.select_option("select[name=kind]", value="briefing")
    chair.fill("input[name=title]", TITLE)
    chair.fill("input[name=held_on]", dmy(today))
    chair.fill("input[name=place]", "Hội trường Huyện ủy U Minh Thượng")
    choose(chair, "organization", "ban dan van huyen uy u minh", "Ban Dân vận Huyện ủy U Minh Thượng")
    choose(chair, "chair", "pham van ut", "Phạm Văn Út")
    chair.fill("textarea[name=conclusions]", "Các xã tập trung thực hiện quy chế dân chủ ở cơ sở, đối thoại với nhân dân.")
    shot(chair, "journey-c-01-chair-fills-the-meeting")
    chair.click("form.form button.primary")
    expect(chair.locator("h1")).to_have_text(TITLE)
    expect(chair.locator("main")).to_contain_text("Phạm Văn Út, Huyện ủy viên")
    shot(chair, "journey-c-02-meeting-recorded")
    meeting_url = chair.url

    # Two tasks for xã Thạnh Yên, both due within 14 days.
    for text, organization, deadline in [(FIRST, "Đảng ủy xã Thạnh Yên", near), (SECOND, "Ủy ban MTTQ Việt Nam xã Thạnh Yên", later)]:
        chair.goto(meeting_url)
        chair.click("main a:has-text('Thêm kiến nghị, nhiệm vụ')")
        chair.fill("textarea[name=text]", text)
        choose(chair, "owner_unit", "thanh yen", "xã Thạnh Yên")
        choose(chair, "owner_organization", organization.split(" xã")[0].lower(), organization)
        chair.fill("input[name=deadline]", dmy(deadline))
        shot(chair, f"journey-c-03-task-{deadline.day:02d}")
        chair.click("form.form button.primary")
        expect(chair.locator("main")).to_contain_text(text)
    chair.goto(meeting_url)
    tasks = chair.locator("section.panel", has=chair.get_by_role("heading", name="Nhiệm vụ", exact=True))
    expect(tasks.locator("tbody tr")).to_have_count(2)
    expect(tasks).to_contain_text(dmy(near))
    expect(tasks).to_contain_text(dmy(later))
    shot(chair, "journey-c-04-meeting-with-two-tasks")

    # The commune's editor: both in "Việc của tôi" (with the count in the menu) and in the due-soon list.
    owner = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(owner, live_server.url, "thanhyen")
    before = int(menu_count(owner).inner_text())
    owner.click("nav.mainnav a[href='/inbox/']")
    expect(owner.locator("h1")).to_have_text("Việc của tôi")
    section = owner.locator("section.inbox", has=owner.locator("h2", has_text="14 ngày"))
    expect(section).to_contain_text(FIRST)
    expect(section).to_contain_text(SECOND)
    expect(section).to_contain_text(f"hạn {dmy(near)}")
    shot(owner, "journey-c-05-owner-inbox")

    owner.goto(f"{live_server.url}/oversight/follow-ups/due/")
    expect(owner.locator("h1")).to_contain_text("14 ngày")
    rows = owner.locator("main tbody tr")
    expect(rows.filter(has_text=FIRST)).to_have_count(1)
    expect(rows.filter(has_text=SECOND)).to_have_count(1)
    shot(owner, "journey-c-06-owner-due-soon")

    # She reports what was done, with the minutes as evidence, and marks it done.
    owner.click(f"main a:has-text('{FIRST}')")
    expect(owner.locator("main")).to_contain_text(FIRST)
    report_progress(owner, "Đã tổ chức đối thoại tại nhà văn hóa ấp Xẻo Kè, 62 hộ dân dự.", "bien-ban-doi-thoai.pdf")
    shot(owner, "journey-c-07-owner-reports-progress")
    task_url = owner.url.replace("progress/new/", "")
    owner.click("form.form button.primary")
    expect(owner.locator("main")).to_contain_text("Đã lưu.")
    owner.goto(task_url)
    expect(owner.locator("main")).to_contain_text("62 hộ dân dự")
    owner.click("main a.button:has-text('Chuyển trạng thái')")
    owner.select_option("select[name=to]", label="Hoàn thành")
    owner.fill("textarea[name=note]", "Đã đối thoại; biên bản kèm theo.")
    shot(owner, "journey-c-08-owner-marks-done")
    owner.click("form.form button.primary")
    expect(owner.locator("main")).to_contain_text("Hoàn thành")
    shot(owner, "journey-c-09-task-done")

    owner.goto(f"{live_server.url}/oversight/follow-ups/due/")
    rows = owner.locator("main tbody tr")
    expect(rows.filter(has_text=SECOND)).to_have_count(1)
    expect(rows.filter(has_text=FIRST)).to_have_count(0)
    expect(menu_count(owner)).to_have_text(str(before - 1))
    shot(owner, "journey-c-10-due-soon-after")

    # On a phone, the inbox reads without sideways scrolling.
    phone = browser.new_page(viewport={"width": 360, "height": 780})
    log_in(phone, live_server.url, "thanhyen")
    phone.goto(f"{live_server.url}/inbox/")
    expect(phone.locator("main")).to_contain_text(SECOND)
    expect(phone.locator("main")).not_to_contain_text(FIRST)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the inbox scrolls sideways on a phone ({width}px wide)"
    shot(phone, "journey-c-11-owner-inbox-phone")

    # The chair sees the meeting's tasks, one done.
    chair.goto(meeting_url)
    tasks = chair.locator("section.panel", has=chair.get_by_role("heading", name="Nhiệm vụ", exact=True))
    expect(tasks.locator("tbody tr", has_text=FIRST)).to_contain_text("Hoàn thành")
    expect(tasks.locator("tbody tr", has_text=SECOND)).to_contain_text("Mới giao")
    shot(chair, "journey-c-12-chair-sees-one-done")

"""Journey, in a real headless Chromium on the demo world: xã Thạnh Yên's editor writes an article with two photos about
the commune's briefing; the district's approver returns it, then publishes it; a visitor reads it on a phone, makes the
text larger, follows "Tin khác", and the RSS feed carries it."""

import datetime
import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from danvan.core.tests.browser import fits, shot
from danvan.demo.tests.browser_world import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Xã Thạnh Yên tổ chức Hội nghị giao ban công tác dân vận quý IV"
MEETING = "Hội nghị giao ban công tác dân vận quý IV xã Thạnh Yên"


@pytest.fixture
def meeting(demo_world):
    from danvan.accounts.models import User
    from danvan.demo.story import system_user
    from danvan.organizations.models import Organization
    from danvan.oversight import services
    from danvan.oversight.choices import MeetingKind
    from danvan.oversight.models import Meeting

    commune = User.objects.get(username="thanhyen").unit
    body = Organization.objects.get(unit=commune, name="Đảng ủy xã Thạnh Yên")
    return services.record_meeting(system_user(), Meeting(kind=MeetingKind.BRIEFING, title=MEETING, unit=commune, organization=body,
                                                          held_on=datetime.date.today()))


def photo(tmp_path, name, color):
    path = tmp_path / name
    Image.new("RGB", (1600, 1000), color).save(path, format="JPEG")
    return str(path)


def test_an_article_is_written_returned_published_and_read_on_a_phone(meeting, live_server, browser, tmp_path):
    editor = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(editor, live_server.url, "thanhyen")
    editor.goto(f"{live_server.url}/articles/new/")
    editor.fill("input[name=title]", TITLE)
    editor.fill("textarea[name=lead]", "Sáng nay, Đảng ủy xã Thạnh Yên tổ chức Hội nghị giao ban công tác dân vận quý IV.")
    area = editor.locator(".rich-area")
    expect(area).to_be_visible()
    area.click()
    editor.keyboard.type("Hội nghị đánh giá kết quả công tác dân vận và phong trào thi đua ")
    editor.click("[data-command=bold]")
    editor.keyboard.type("“Dân vận khéo”")
    editor.click("[data-command=bold]")
    editor.keyboard.type(" trong quý.")
    editor.fill("input[name=byline]", "Tin và ảnh: Khối dân vận xã Thạnh Yên")
    editor.select_option("select[name=meetings]", label=str(meeting))
    shot(editor, "journey-news-01-editor-writes")
    editor.click("form.form button.primary")
    expect(editor.locator("h1")).to_have_text(TITLE)
    expect(editor.locator("article")).to_contain_text("“Dân vận khéo”")
    expect(editor.locator("article p:not(.lead) :is(b, strong)")).to_have_text("“Dân vận khéo”")  # in a paragraph of its own
    for name, color, caption in [("hoi-nghi.jpg", (170, 40, 40), "Quang cảnh hội nghị"), ("phat-bieu.jpg", (40, 90, 160), "Đồng chí Bí thư Đảng ủy xã phát biểu")]:
        editor.set_input_files("input[name=image]", photo(tmp_path, name, color))
        editor.fill("input[name=caption]", caption)
        editor.click("form[action$='/photos/new/'] button.primary")
        expect(editor.locator("article figcaption", has_text=caption)).to_be_visible()
    editor.click("button[name=action][value=submit]")
    expect(editor.locator("main")).to_contain_text("Chờ duyệt")
    shot(editor, "journey-news-02-submitted-with-two-photos")
    article_url = editor.url

    approver = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(approver, live_server.url, "uminhthuong")
    approver.goto(article_url)
    approver.fill("textarea[name=note]", "Bổ sung tên người chủ trì hội nghị.")
    approver.click("button[name=action][value=return]")
    expect(approver.locator("main")).to_contain_text("Trả lại")
    shot(approver, "journey-news-03-returned")

    editor.goto(article_url)
    expect(editor.locator("main")).to_contain_text("Bổ sung tên người chủ trì hội nghị.")
    editor.click("button[name=action][value=submit]")
    approver.goto(article_url)
    approver.click("button[name=action][value=publish]")
    expect(approver.locator("main")).to_contain_text("Đã đăng")
    public_url = approver.locator("a:has-text('Xem trên cổng thông tin')").get_attribute("href")

    # A visitor, not logged in, on a phone.
    visitor = browser.new_page(viewport={"width": 360, "height": 740})
    visitor.goto(f"{live_server.url}/news/")
    visitor.click(f"a:has-text('{TITLE}')")
    expect(visitor.locator("h1")).to_have_text(TITLE)
    assert visitor.url.endswith(public_url)
    expect(visitor.locator("figure img")).to_have_count(2)
    fits(visitor)
    before = visitor.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    shot(visitor, "journey-news-04-visitor-reads-at-360")
    visitor.click(".fontsize-line [data-font='1']")
    visitor.click(".fontsize-line [data-font='1']")
    assert visitor.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") == before + 4
    shot(visitor, "journey-news-05-larger-text")
    visitor.reload()
    assert visitor.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") == before + 4  # remembered
    others = visitor.locator("section.panel", has=visitor.get_by_role("heading", name="Tin khác"))
    other = others.locator("a").first
    other_title = other.inner_text()
    other.click()
    expect(visitor.locator("h1")).to_have_text(other_title)
    fits(visitor)
    shot(visitor, "journey-news-06-other-news")

    feed = visitor.request.get(f"{live_server.url}/news/feed/")
    assert feed.ok and TITLE in feed.text() and public_url in feed.text()

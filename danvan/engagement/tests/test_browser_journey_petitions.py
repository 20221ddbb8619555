"""Journeys, in a real headless Chromium on the demo world.

xã Thạnh Yên's editor records the Party secretary's dialogue and three petitions raised there; one goes to the
commune's UBND, which returns it with a reason; it is re-assigned to the district's UBND, accepted and answered on
time; one is left unanswered past its deadline, and the district's approver finds it in "Việc của tôi".
A citizen writes to a commune from the public page without an account and follows the petition with the tracking
code. The pages read on a phone without sideways scrolling."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from danvan.accounts.tests.factories import UserFactory
from danvan.core.choices import Level, Role
from danvan.core.tests.browser import choose, fits, shot
from danvan.demo.tests.browser_world import log_in
from danvan.engagement import services
from danvan.engagement.models import Petition
from danvan.engagement.tests.factories import petition_field, petition_kind
from danvan.organizations.models import Organization
from danvan.organizations.tests.factories import OrganizationFactory, OrganizationKindFactory
from danvan.people.tests.factories import PersonFactory, PositionFactory
from danvan.units.models import Unit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIRST = "Đề nghị sửa chữa cầu khỉ ấp Xẻo Kè đã xuống cấp"
SECOND = "Phản ánh tình trạng xả rác xuống kênh ở ấp Đặng Văn Do"
THIRD = "Đề nghị nạo vét kênh Xẻo Kè phục vụ sản xuất vụ lúa"


def test_a_commune_records_a_dialogue_and_its_petitions_and_follows_one_to_its_answer(demo_world, live_server, browser):
    party = Organization.objects.get(name="Đảng ủy xã Thạnh Yên")
    PositionFactory(person=PersonFactory(full_name="Trần Văn Chiến", unit=party.unit), organization=party, title="Bí thư Đảng ủy xã",
                    valid_from=datetime.date(2020, 10, 1))
    petition_kind(), petition_field(), petition_field("Môi trường")

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(page, live_server.url, "thanhyen")
    page.click("nav.mainnav a:has-text('Đối thoại, kiến nghị')")
    expect(page.locator("h1")).to_have_text("Đối thoại, tiếp công dân")
    page.click("main a.button:has-text('Thêm cuộc đối thoại')")
    page.select_option("select[name=kind]", value="periodic")
    page.select_option("select[name=organizations]", label="Đảng ủy xã Thạnh Yên")
    choose(page, "chair", "tran van chien", "Trần Văn Chiến")
    page.fill("input[name=date]", "20/05/2025")
    page.fill("input[name=place]", "Hội trường UBND xã Thạnh Yên")
    page.fill("input[name=participants]", "126")
    page.fill("input[name=opinions_raised]", "14")
    page.fill("input[name=opinions_answered]", "11")
    shot(page, "journey-petitions-01-dialogue-form")
    page.click("form.form button.primary")
    expect(page.locator("main")).to_contain_text("Trần Văn Chiến, Bí thư Đảng ủy xã")
    dialogue_url = page.url
    shot(page, "journey-petitions-02-dialogue-recorded")

    for content, field in [(FIRST, "Hạ tầng"), (SECOND, "Môi trường"), (THIRD, "Hạ tầng")]:
        page.goto(dialogue_url)
        page.click("main a.button:has-text('Ghi kiến nghị nêu tại đây')")
        expect(page.locator("select[name=channel]")).to_have_value("dialogue")
        page.select_option("select[name=kind]", label="Kiến nghị")
        page.select_option("select[name=field]", label=field)
        page.fill("textarea[name=content]", content)
        page.fill("input[name=petitioner_name]", "Nguyễn Văn Bảy")
        choose(page, "assigned_to", "dang uy xa thanh yen", "Đảng ủy xã Thạnh Yên")
        page.click("form.form button.primary")
        expect(page.locator("main")).to_contain_text(content)
        expect(page.locator("main")).to_contain_text("03/06/2025")  # ten working days after 20/05/2025
    page.goto(dialogue_url)
    raised = page.locator("section.panel", has=page.get_by_role("heading", name="Kiến nghị được nêu"))
    expect(raised.locator("tbody tr")).to_have_count(3)
    shot(page, "journey-petitions-03-dialogue-with-three-petitions")

    raised.locator(f"a:has-text('{FIRST[:40]}')").click()
    petition_url = page.url
    page.click("main a.button:has-text('Chuyển đơn')")
    page.select_option("select[name=to_body]", label="UBND xã Thạnh Yên")
    page.fill("input[name=sent_on]", "21/05/2025")
    page.click("form.form button.primary")
    expect(page.locator("main")).to_contain_text("Đã chuyển, chờ thụ lý")
    expect(page.locator("main")).to_contain_text("UBND xã Thạnh Yên")

    page.click("main a.button:has-text('Trả lại')")
    page.click("form.form button.primary")
    expect(page.locator("main")).to_contain_text("Hãy ghi lý do trả lại đơn.")
    page.fill("textarea[name=reason]", "Cầu trên tuyến kênh do huyện quản lý, không thuộc thẩm quyền của xã")
    page.fill("input[name=on]", "22/05/2025")
    page.click("form.form button.primary")
    expect(page.locator("main")).to_contain_text("Bị trả lại, chờ giao lại")
    shot(page, "journey-petitions-04-returned-with-reason")

    page.click("main a.button:has-text('Giao lại')")
    page.select_option("select[name=to_body]", label="UBND huyện U Minh Thượng")
    page.fill("input[name=sent_on]", "23/05/2025")
    page.click("form.form button.primary")
    expect(page.locator("main")).to_contain_text("Đã chuyển, chờ thụ lý")
    page.click("main a.button:has-text('Thụ lý')")
    page.fill("input[name=on]", "26/05/2025")
    page.click("form.form button.primary")
    expect(page.locator("main")).to_contain_text("Đã thụ lý, đang giải quyết")
    page.click("main a.button:has-text('Trả lời')")
    page.fill("textarea[name=answer]", "UBND huyện đã bố trí kinh phí sửa chữa cầu trong tháng 6/2025.")
    page.fill("input[name=answered_on]", "02/06/2025")
    page.click("form.form button.primary")
    main = page.locator("main")
    expect(main).to_contain_text("Đã trả lời")
    expect(main).to_contain_text("Đúng hạn")
    chain = page.locator("section.panel", has=page.get_by_role("heading", name="Quá trình chuyển đơn"))
    expect(chain.locator("tbody tr")).to_have_count(2)
    expect(chain).to_contain_text("không thuộc thẩm quyền của xã")
    expect(chain).to_contain_text("UBND huyện U Minh Thượng")
    expect(main).not_to_contain_text("Nguyễn Văn Bảy")  # the editor holds no permission to see the petitioner
    shot(page, "journey-petitions-05-answered-on-time")
    fits(page)

    phone = browser.new_page(viewport={"width": 360, "height": 780})
    log_in(phone, live_server.url, "thanhyen")
    for url, name in [(petition_url, "06-petition-phone"), (dialogue_url, "07-dialogue-phone"), (f"{live_server.url}/engagement/petitions/", "08-list-phone")]:
        phone.goto(url)
        fits(phone)
        shot(phone, f"journey-petitions-{name}")

    # The third was never answered: its deadline (03/06/2025) is long past, and the district's approver sees it.
    approver = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(approver, live_server.url, "uminhthuong")
    approver.click("nav.mainnav a:has-text('Việc của tôi')")
    overdue = approver.locator("section", has=approver.get_by_role("heading", name="Kiến nghị quá hạn chưa trả lời"))
    expect(overdue).to_contain_text(THIRD[:40])
    expect(overdue).to_contain_text("hạn 03/06/2025")
    expect(overdue).not_to_contain_text(FIRST[:40])  # answered
    shot(approver, "journey-petitions-09-approver-inbox-overdue")
    overdue.locator(f"a:has-text('{THIRD[:40]}')").click()
    expect(approver.locator("main")).to_contain_text("Quá hạn")
    approver.set_viewport_size({"width": 360, "height": 780})
    approver.goto(f"{live_server.url}/inbox/")
    fits(approver)
    shot(approver, "journey-petitions-10-approver-inbox-phone")


def test_a_citizen_writes_to_a_commune_and_follows_the_petition_with_its_code(demo_world, live_server, browser):
    commune = Unit.objects.current().filter(level=Level.COMMUNE).order_by("name").first()
    committee = OrganizationFactory(unit=commune, name=f"UBND xã {commune.name}",
                                    kind=OrganizationKindFactory(code="ubnd", name="Ủy ban nhân dân", category="government"))
    petition_kind(), petition_field("Môi trường")
    refused = []
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None)
    page.goto(f"{live_server.url}/engagement/public/petition/")
    expect(page.locator("h1")).to_have_text("Gửi kiến nghị, phản ánh đến xã, phường")
    expect(page.locator("nav.mainnav")).to_have_count(0)  # nobody is logged in
    page.select_option("select[name=province]", value=str(commune.parent_id))
    page.click("form.filters button")
    page.select_option("select[name=unit]", value=str(commune.pk))
    page.select_option("select[name=field]", label="Môi trường")
    page.click("form.form button.primary")  # nothing written yet
    expect(page.locator("main")).to_contain_text("Đề nghị ghi nội dung kiến nghị, phản ánh.")
    page.fill("textarea[name=content]", "Bãi rác tự phát cạnh chợ gây ô nhiễm, đề nghị xã xử lý")
    page.fill("input[name=petitioner_name]", "Phạm Thị Hoa")
    page.fill("input[name=petitioner_contact]", "0987 654 321")
    first, second = [int(n) for n in re.findall(r"\d+", page.locator("label[for=id_check_answer]").inner_text())[:2]]
    page.fill("input[name=check_answer]", str(first + second))
    shot(page, "journey-public-01-form")
    page.wait_for_timeout(3000)  # a person reads what they wrote before sending
    page.click("form.form button.primary")
    expect(page.locator("h1")).to_have_text("Kiến nghị đã được gửi")
    code = page.locator("[data-tracking-code]").inner_text()
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}", code), code
    shot(page, "journey-public-02-code")
    petition = Petition.objects.get(channel="online")
    assert petition.assigned_to == committee and petition.unit == commune

    page.click("main a.button:has-text('Tra cứu kiến nghị')")
    page.fill("input[name=code]", code.lower())
    page.click("form.form button.primary")
    expect(page.locator("[data-status]")).to_have_text("Đã tiếp nhận")
    services.answer_petition(UserFactory(unit=commune, role=Role.EDITOR), petition, "UBND xã đã cho thu gom, xử lý bãi rác ngày hôm nay.")
    page.click("form.form button.primary")
    expect(page.locator("[data-status]")).to_have_text("Đã trả lời")
    expect(page.locator("[data-answer]")).to_contain_text("đã cho thu gom")
    expect(page.locator("main")).not_to_contain_text("Phạm Thị Hoa")
    expect(page.locator("main")).not_to_contain_text("0987 654 321")
    shot(page, "journey-public-03-answer")
    assert refused == []

    phone = browser.new_page(viewport={"width": 360, "height": 780})
    for address, name in [(f"/engagement/public/petition/?province={commune.parent_id}", "04-form-phone"), ("/engagement/public/petition/track/", "05-track-phone")]:
        phone.goto(f"{live_server.url}{address}")
        fits(phone)
        shot(phone, f"journey-public-{name}")

"""Journey: the district's mass-mobilisation official finds the commendation decision of 04/8/2020 in the register of
issued documents ("Văn bản đi") by its symbol and by summary words typed without diacritics, narrows by type and
year, opens it and downloads the .docx, which is the registered decision. At 1280 and 360 px."""

import docx
import pytest
from playwright.sync_api import expect

from danvan.core.tests.browser import fits, shot
from danvan.demo.tests.browser_world import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PARTY_DECISION = "01-QĐ/HU"


def step(page, name):
    fits(page)
    shot(page, f"journey-register-{name}")


def search(page, **fields):
    for name, value in fields.items():
        if name == "type":
            page.select_option("form.filters select[name=type]", **({"label": value} if value else {"value": ""}))
        else:
            page.fill(f"form.filters input[name={name}]", value)
    page.click("form.filters button")


def rows(page):
    return page.locator("main table tbody tr")


def test_the_official_finds_opens_and_downloads_the_decision_in_the_register(demo_world, live_server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(page, live_server.url, "uminhthuong")
    page.click("nav.mainnav >> text=Văn bản đi")
    expect(page.locator("h1")).to_have_text("Sổ đăng ký văn bản đi")
    step(page, "01-register")

    search(page, q=PARTY_DECISION)
    expect(rows(page)).to_have_count(1)
    expect(rows(page).first).to_contain_text(PARTY_DECISION)
    step(page, "02-by-symbol")

    search(page, q="ve viec tang giay khen")  # "về việc tặng Giấy khen …", typed without a Vietnamese keyboard
    expect(rows(page)).to_have_count(2)
    expect(page.locator("main table tbody")).to_contain_text("Về việc tặng Giấy khen cho 20 tập thể")
    expect(page.locator("main table tbody")).to_contain_text("về việc tặng Giấy khen cho 04 tập thể và 06 cá nhân")
    step(page, "03-by-summary")

    search(page, q="", type="Quyết định", year="2020")
    expect(rows(page)).to_have_count(2)
    expect(page.locator("main table tbody")).to_contain_text("01/QĐ-UBND")
    search(page, year="2019")
    expect(page.locator("main table tbody")).to_contain_text("Không có văn bản")
    search(page, year="2020", type="Giấy khen")
    expect(rows(page)).to_have_count(30)  # 04 + 06 of the Huyện ủy, 20 of the UBND
    step(page, "04-by-type-and-year")

    search(page, q=PARTY_DECISION, type="")
    page.click(f"main table a:text-is('{PARTY_DECISION}')")
    expect(page.locator("h1")).to_contain_text(PARTY_DECISION)
    expect(page.locator("main")).to_contain_text("Đặng Xuân Thắng")
    step(page, "05-decision")
    with page.expect_download() as download:
        page.click("main a:has-text('.docx')")
    assert download.value.suggested_filename == "01-QĐ_HU.docx"
    opened = docx.Document(download.value.path())
    header = opened.tables[0].rows[0].cells[0]
    assert [p.text for p in header.paragraphs][-1] == f"Số {PARTY_DECISION}"
    assert "QUYẾT ĐỊNH" in [p.text for p in opened.paragraphs]

    phone = browser.new_page(viewport={"width": 360, "height": 780})
    log_in(phone, live_server.url, "uminhthuong")
    phone.goto(f"{live_server.url}/documents/?q=ve+viec+tang+giay+khen")
    expect(rows(phone)).to_have_count(2)
    step(phone, "06-register-phone")
    phone.click("main table a >> nth=0")
    expect(phone.locator("h1")).to_contain_text("QĐ")
    # Nothing on the page is cut off at 360 px: the signer's title and the file's hash wrap.
    assert phone.evaluate("[...document.querySelectorAll('.facts dd')].every(d => d.scrollWidth <= d.clientWidth + 1)")
    step(phone, "07-decision-phone")

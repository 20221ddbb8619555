"""Journey (g), in a real headless Chromium on the demo world: a commune editor works with Excel as officials do.

Xã Thạnh Yên's editor downloads the hamlets' template from the page, types two hamlets into it, one of them in a
commune outside her reach, and uploads it: nothing is imported and the wrong row is named. She corrects the file,
imports it again and finds the new hamlet by typing its name without diacritics. Then she filters the models' list
and exports it: the workbook, opened again, holds the rows the page shows, numbered, under a title line."""

import io

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from danvan.core.tests.browser import fits, shot
from danvan.demo.tests.browser_world import log_in
from danvan.units.models import Unit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HAMLET = "Rạch Dừa Mới"


def download(page, link):
    """The file behind ``link``, clicked as a user clicks it, opened with openpyxl."""
    with page.expect_download() as waiting:
        page.click(link)
    # Playwright keeps the file under a name without extension, which openpyxl refuses: read its bytes.
    return waiting.value, load_workbook(io.BytesIO(waiting.value.path().read_bytes()))


def saved(workbook, path):
    workbook.save(path)
    return str(path)


def test_a_commune_editor_imports_hamlets_and_exports_a_list(demo_world, live_server, browser, tmp_path):
    for width in (1280, 360):
        page = browser.new_page(viewport={"width": width, "height": 900})
        log_in(page, live_server.url, "thanhyen")
        page.goto(f"{live_server.url}/units/list/")
        expect(page.locator("h1")).to_have_text("Đơn vị hành chính")
        fits(page)
        shot(page, f"journey-g-01-units-list-{width}")
        if width == 360:
            page.close()
            continue

        page.click("main a.button:has-text('Nhập từ Excel')")
        expect(page.locator("h1")).to_have_text("Nhập ấp, khóm, tổ dân phố từ Excel")
        shot(page, "journey-g-02-import-page")
        template, workbook = download(page, "main a.button:has-text('Tải tệp mẫu')")
        assert template.suggested_filename == "mau-nhap-ap-khom.xlsx"
        sheet = workbook.worksheets[0]
        headers = [cell.value for cell in sheet[1]]
        assert headers[:3] == ["Tên ấp, khóm, tổ dân phố", "Loại", "Xã, phường, đặc khu"]
        sheet.append([HAMLET, "ấp", "xã Thạnh Yên", None])
        sheet.append(["Kênh Hai", "ấp", "xã Hiệp Tùng", None])  # another commune: not hers

        page.set_input_files("input[name=file]", saved(workbook, tmp_path / "ap-sai.xlsx"))
        page.click("form.form button.primary")
        expect(page.locator("main p.errorbox")).to_contain_text("Chưa nhập dòng nào")
        expect(page.locator("main div.errorbox")).to_contain_text("Dòng 3, cột «Xã, phường, đặc khu»")
        expect(page.locator("main div.errorbox")).to_contain_text("xã Hiệp Tùng")
        shot(page, "journey-g-03-wrong-row-named")
        assert not Unit.objects.filter(name=HAMLET).exists()

        sheet.delete_rows(3)
        page.set_input_files("input[name=file]", saved(workbook, tmp_path / "ap.xlsx"))
        page.click("form.form button.primary")
        expect(page.locator("main")).to_contain_text("Đã thêm 1 ấp, khóm, tổ dân phố.")
        shot(page, "journey-g-04-imported")

        page.fill("#global-search", "rach dua moi")
        page.press("#global-search", "Enter")
        first = page.locator("main li a, main td a").first
        expect(first).to_contain_text(HAMLET)
        shot(page, "journey-g-05-found-by-search")

        page.click("nav.mainnav a:has-text('Dân vận khéo')")
        page.fill("input[name=q]", "thanh yen")
        page.click("form.filters button")
        shown = [text.strip() for text in page.locator("main table tbody tr td:first-child > a").all_inner_texts()]
        shot(page, "journey-g-06-initiatives-filtered")
        assert shown, "the demo has models in xã Thạnh Yên to export"
        export, workbook = download(page, "main a.button[href*='format=xlsx']")
        assert export.suggested_filename.endswith(".xlsx")
        rows = list(workbook.active.iter_rows(values_only=True))
        header_at = next(n for n, row in enumerate(rows) if row and row[0] == "STT")
        assert any(row and row[0] for row in rows[:header_at]), "a title line above the table"
        data = [row for row in rows[header_at + 1:] if any(value is not None for value in row)]
        assert [row[0] for row in data] == list(range(1, len(data) + 1))
        assert [row[1] for row in data][:len(shown)] == shown
        page.close()

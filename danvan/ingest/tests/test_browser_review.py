"""The review queue in a real headless Chromium: upload, highlights, decisions, the progress bar."""

import time

import pytest
from django.core.management import call_command
from django.db import OperationalError
from playwright.sync_api import expect

from danvan.accounts.tests.factories import PASSWORD, UserFactory
from danvan.core.choices import Role
from danvan.core.tests.browser import log_in as browser_log_in
from danvan.core.tests.browser import fits, shot
from danvan.ingest.models import ProposedItem, SourceDocument
from danvan.ingest.tests.factories import SAMPLE
from danvan.organizations.tests.factories import OrganizationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def editor(tree, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    OrganizationFactory(unit=tree.cc1, name="Hội Nông dân xã Bình An")
    return UserFactory(unit=tree.cc1, role=Role.EDITOR, username="binhan")


def log_in(page, base_url):
    browser_log_in(page, base_url, "binhan", PASSWORD)


def run_worker():
    """`danvan db_worker --batch`. The test database is an in-memory SQLite shared with the live
    server's threads, which has table locks and no busy timeout: retry while the page is polling."""
    for attempt in range(50):
        try:
            return call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
        except OperationalError:
            time.sleep(0.1)
    raise AssertionError("the worker never got the database")


def sample_files(tmp_path, count):
    paths = []
    for n in range(count):
        path = tmp_path / f"bao-cao-{n + 1}.txt"
        path.write_text(SAMPLE, encoding="utf-8")
        paths.append(str(path))
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"not a zip")
    return paths + [str(bad)]


def test_an_editor_uploads_reviews_and_creates_records(editor, live_server, browser, tmp_path):
    for width, suffix in ((1280, ""), (360, "-phone")):
        page = browser.new_page(viewport={"width": width, "height": 900})
        log_in(page, live_server.url)
        page.goto(f"{live_server.url}/ingest/upload/")
        expect(page.locator("input[type=file]")).to_be_visible()
        fits(page)
        shot(page, f"ingest-01-upload{suffix}")
        page.close()

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}/ingest/upload/")
    page.set_input_files("input[type=file]", sample_files(tmp_path, 2))
    page.click("button.primary")
    expect(page.locator("#batch-progress")).to_contain_text("3 / 3")  # the broken .docx counts as read
    expect(page.locator(".rejected")).to_contain_text("hong.docx")
    page.click("#batch-progress a >> nth=0")
    expect(page.locator(".doctext a.hl-person").first).to_be_visible()
    document = SourceDocument.objects.order_by("pk").first()
    tam = document.items.get(kind=ProposedItem.Kind.PERSON, data__name="Nguyễn Văn Tám")
    card = page.locator(f"#item-{tam.pk}")
    card.locator("button.accept").click()
    expect(page.locator(f"#item-{tam.pk} .badge")).to_have_class("badge decision-accepted")
    hoa = document.items.get(kind=ProposedItem.Kind.PERSON, data__name="Lê Thị Hoa")
    page.locator(f"#item-{hoa.pk} .correct-link").click()
    expect(page.locator(f"#item-{hoa.pk} form.correct")).to_be_visible()
    page.fill(f"#item-{hoa.pk} textarea[name=titles]", "Hội viên Hội Nông dân xã Bình An")
    page.locator(f"#item-{hoa.pk} form.correct button.primary").click()
    expect(page.locator(f"#item-{hoa.pk} .badge")).to_have_class("badge decision-corrected")
    page.locator(f"a.hl-person[data-item='{tam.pk}']").first.click()
    shot(page, "ingest-02-review")
    fits(page)

    phone = browser.new_page(viewport={"width": 360, "height": 780})
    log_in(phone, live_server.url)
    phone.goto(page.url)
    fits(phone)
    shot(phone, "ingest-02-review-phone")

    page.click(f"a[href='/ingest/documents/{document.pk}/create/']")
    shot(page, "ingest-03-confirm")
    page.click("form.confirm button.primary")
    expect(page.locator(".records")).to_contain_text("Nguyễn Văn Tám")
    shot(page, "ingest-04-created")


def test_a_bulk_upload_shows_its_progress_while_the_worker_reads(editor, live_server, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}/ingest/upload/")
    page.set_input_files("input[type=file]", sample_files(tmp_path, 8))
    page.click("button.primary")
    expect(page.locator("#batch-progress .progress-count")).to_contain_text("0 / 9")
    shot(page, "ingest-05-progress-waiting")
    phone = browser.new_page(viewport={"width": 360, "height": 780})
    log_in(phone, live_server.url)
    phone.goto(page.url)
    fits(phone)
    shot(phone, "ingest-05-progress-waiting-phone")
    # The worker, as `danvan db_worker` runs it; the page follows by itself.
    run_worker()
    expect(page.locator("#batch-progress .progress-count")).to_contain_text("9 / 9", timeout=10_000)
    expect(page.locator("#batch-progress")).to_contain_text("hong.docx")
    shot(page, "ingest-06-progress-finished")
    expect(phone.locator("#batch-progress .progress-count")).to_contain_text("9 / 9", timeout=10_000)
    shot(phone, "ingest-06-progress-finished-phone")

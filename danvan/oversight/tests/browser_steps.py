"""Steps the oversight journeys share in the browser: a follow-up's owner reports progress with evidence."""

from danvan.core.tests.files import real_pdf


def report_progress(page, text, filename):
    """From a follow-up's page: open "Báo cáo tiến độ", type what was done, attach the minutes as a PDF."""
    page.click("main a.button:has-text('Báo cáo tiến độ')")
    page.fill("textarea[name=text]", text)
    page.set_input_files("input[name=file]", files=[{"name": filename, "mimeType": "application/pdf", "buffer": real_pdf()}])

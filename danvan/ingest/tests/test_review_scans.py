"""The review queue takes PDFs and scans: read in the background, page by page, each bad file told apart."""

import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils.translation import gettext, override

from danvan.core.choices import Role
from danvan.ingest.models import Batch, SourceDocument
from danvan.ingest.tests.test_extraction_pdf import _encrypted, _png_header

pytestmark = pytest.mark.django_db
SCANS = Path(__file__).parent / "scans"


def post_upload(client, unit, files):
    return client.post(reverse("ingest:upload"), {"unit": unit.pk, "files": list(files), "text": ""})


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract OCR is not installed")
@pytest.mark.django_db(transaction=True)  # the worker commits, as in production
def test_a_scan_and_a_text_pdf_are_read_in_the_background_and_bad_ones_refused_by_name(
    tree, make_user, login, upload, django_capture_on_commit_callbacks
):
    client = login(make_user(tree.cc1, role=Role.EDITOR))
    files = [
        upload("ban-quet.pdf", (SCANS / "02_quangnam_report.scan.pdf").read_bytes()),
        upload("bao-cao.pdf", (SCANS / "07_soctrang_review.pdf").read_bytes()),
        upload("mat-khau.pdf", _encrypted()),
        upload("anh-lon.png", _png_header(10_000, 10_000)),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        response = post_upload(client, tree.cc1, files)
    batch = Batch.objects.get()
    assert batch.in_background and batch.total == 2, "a PDF may need OCR: read by the worker, never in the request"
    with override("vi"):
        expected = {"mat-khau.pdf": gettext("The file is encrypted or protected by a password; upload it without protection."),
                    "anh-lon.png": gettext("The image is too large (at most %(megapixels)s million pixels).") % {"megapixels": 40}}
    assert {entry["name"]: entry["error"] for entry in batch.rejected} == expected
    with django_capture_on_commit_callbacks(execute=True):
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    scan, text = SourceDocument.objects.get(original_name="ban-quet.pdf"), SourceDocument.objects.get(original_name="bao-cao.pdf")
    assert (scan.status, scan.pages, scan.pages_read) == ("extracted", 1, 1)
    assert any("OCR" in note for note in scan.notes)
    assert {"Duy Châu", "Duy Hòa", "Duy Phú"} <= {item.values.get("name") for item in scan.items.filter(kind="unit")}
    assert (text.status, text.pages) == ("extracted", 0) and "Mỹ Tú" in text.text
    page = client.get(reverse("ingest:document", args=[scan.pk])).content.decode()
    assert "Duy Châu" in page and "OCR" in page
    assert "mat-khau.pdf" in client.get(response["Location"]).content.decode()


def test_a_document_being_read_by_ocr_shows_its_pages_on_the_progress_bar(tree, make_user, login):
    editor = make_user(tree.cc1, role=Role.EDITOR)
    batch = Batch.objects.create(unit=tree.cc1, created_by=editor, total=1, status=Batch.Status.RUNNING, in_background=True)
    SourceDocument.objects.create(unit=tree.cc1, batch=batch, uploaded_by=editor, original_name="quet.pdf", pages=12, pages_read=5)
    fragment = login(editor).get(reverse("ingest:batch-progress", args=[batch.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert 'max="12" value="5"' in fragment
    with override("vi"):
        assert gettext("%(done)s / %(total)s scanned pages read") % {"done": 5, "total": 12} in fragment

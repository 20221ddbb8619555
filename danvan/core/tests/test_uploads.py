"""Uploads cannot hurt the server: ZIP containers are judged before they are opened, every file must be
what its extension says, images are re-encoded, files are served as downloads."""

import io
import time
import zipfile
from pathlib import Path

import docx
import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.translation import override
from openpyxl import Workbook

from danvan.core.choices import Role
from danvan.core.tests.files import PDF_WITH_HTML, PNG_WITH_SVG, package, photo_with_gps, real_pdf, zip_bomb
from danvan.core.uploads import DEFAULT_LIMITS, DOCUMENT_CHECK, IMAGE_CHECK, MESSAGES, UnsafeFile, inspect_zip
from danvan.ingest.extraction import ReadError, read_document


def message(code, **params):
    """The Vietnamese message a person reads for ``code``."""
    with override("vi"):
        return str(MESSAGES[code]) % params if params else str(MESSAGES[code])


def refusal(check, name, data):
    with override("vi"), pytest.raises(ValidationError) as error:
        check.clean(SimpleUploadedFile(name, data))
    return error.value


def docx_bytes():
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


def xlsx_bytes():
    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- zip bombs


@pytest.mark.django_db
def test_a_docx_bomb_sent_to_the_review_queue_is_refused_at_once_and_nothing_is_kept(tree, make_user, login, settings, tmp_path):
    from danvan.ingest.models import Batch, SourceDocument

    settings.MEDIA_ROOT = tmp_path / "media"
    client = login(make_user(tree.cc1, role=Role.EDITOR))
    bomb = zip_bomb(".docx")
    assert len(bomb) < 5 * 1024 * 1024  # what travels is small; what it declares is 300 MB
    assert client.get(reverse("ingest:upload")).status_code == 200  # as a person would; the first request warms the process up
    started = time.perf_counter()
    response = client.post(reverse("ingest:upload"), {"unit": tree.cc1.pk, "files": [SimpleUploadedFile("bao-cao.docx", bomb)], "text": ""})
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0, f"the upload took {elapsed:.2f} s"
    assert response.status_code == 302
    expected = message("too_large", size=DEFAULT_LIMITS["max_entry_megabytes"])
    assert Batch.objects.get().rejected == [{"name": "bao-cao.docx", "error": expected}]
    assert expected in client.get(response["Location"]).content.decode()
    assert not SourceDocument.objects.exists()
    assert not [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


def test_the_bomb_check_reads_only_the_end_of_the_file():
    class CountingFile(io.BytesIO):
        read_bytes = 0

        def read(self, size=-1):
            data = super().read(size)
            self.read_bytes += len(data)
            return data

    bomb = CountingFile(zip_bomb(".docx"))
    started = time.perf_counter()
    with pytest.raises(UnsafeFile) as error:
        inspect_zip(bomb, DEFAULT_LIMITS)
    elapsed = time.perf_counter() - started
    assert error.value.code == "too_large"
    # The end record and the central directory: some kilobytes of a file of more than a megabyte.
    assert bomb.read_bytes < 100 * 1024 < len(bomb.getvalue()), bomb.read_bytes
    assert elapsed < 0.1, f"the check took {elapsed * 1000:.0f} ms"


def test_the_review_queue_reader_refuses_a_bomb_without_inflating_it(tmp_path):
    path = tmp_path / "bao-cao.docx"
    path.write_bytes(zip_bomb(".docx"))
    started = time.perf_counter()
    with pytest.raises(ReadError, match="Tệp .docx không hợp lệ: khi giải nén sẽ vượt giới hạn an toàn"):
        read_document(path)
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize("limits, entries, code, params", [
    ({"max_entries": 20}, {f"word/media/image{n}.xml": b"<x/>" for n in range(25)}, "too_many_entries", {"count": 20}),
    ({}, {"word/styles.xml": b"\0" * (20 * 1024 * 1024)}, "ratio", {"ratio": 100}),
    ({"max_uncompressed_megabytes": 1}, {"word/a.bin": bytes(range(256)) * 2400, "word/b.bin": bytes(range(255, -1, -1)) * 2400},
     "too_large", {"size": 1}),
])
def test_each_limit_comes_from_the_settings_and_names_itself(settings, limits, entries, code, params):
    settings.DANVAN_UPLOAD_LIMITS = {**DEFAULT_LIMITS, **limits}
    data = package(".docx", {"word/document.xml": b"<w:document/>", **entries})
    error = refusal(DOCUMENT_CHECK, "bao-cao.docx", data)
    assert error.code == "unsafe_archive"
    assert error.messages == [message(code, **params)]


def test_every_upload_path_reads_the_limits_from_the_settings():
    assert django_settings.DANVAN_UPLOAD_LIMITS["max_uncompressed_megabytes"] == 200
    assert django_settings.DANVAN_UPLOAD_LIMITS["max_ratio"] == 100
    assert django_settings.DANVAN_UPLOAD_LIMITS["max_entries"] == 10_000


# ---------------------------------------------------------------- a file is what its extension says


def test_office_files_are_accepted_only_as_what_they_are():
    assert DOCUMENT_CHECK.clean(SimpleUploadedFile("bao-cao.docx", docx_bytes())).name == "bao-cao.docx"
    assert DOCUMENT_CHECK.clean(SimpleUploadedFile("bang.xlsx", xlsx_bytes())).name == "bang.xlsx"
    bad = message("bad_content")
    assert refusal(DOCUMENT_CHECK, "bang.xlsx", docx_bytes()).messages == [bad]  # a .docx renamed
    assert refusal(DOCUMENT_CHECK, "bao-cao.docx", xlsx_bytes()).messages == [bad]
    any_zip = io.BytesIO()
    with zipfile.ZipFile(any_zip, "w") as archive:
        archive.writestr("readme.txt", "not a document")
    assert refusal(DOCUMENT_CHECK, "bao-cao.docx", any_zip.getvalue()).messages == [bad]
    doctype = package(".docx", {}).replace(b"<?xml", b"<!DOCTYPE x [<!ENTITY a 'b'>]><?xml")
    assert refusal(DOCUMENT_CHECK, "bao-cao.docx", doctype).code == "bad_content"


def test_a_pdf_must_open_as_a_pdf():
    assert refusal(DOCUMENT_CHECK, "quyet-dinh.pdf", PDF_WITH_HTML).messages == [message("bad_content")]
    assert DOCUMENT_CHECK.clean(SimpleUploadedFile("quyet-dinh.pdf", real_pdf())).name == "quyet-dinh.pdf"


def test_an_image_must_decode_and_svg_is_never_accepted():
    assert refusal(IMAGE_CHECK, "anh.png", PNG_WITH_SVG).messages == [message("bad_content")]
    assert refusal(IMAGE_CHECK, "anh.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>').code == "bad_type"
    assert refusal(DOCUMENT_CHECK, "anh.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>').code == "bad_type"
    assert refusal(IMAGE_CHECK, "anh.png", photo_with_gps("JPEG")).code == "bad_content"  # a JPEG called .png


def test_an_image_beyond_the_pixel_limit_is_refused_before_it_is_decoded(settings):
    settings.DANVAN_UPLOAD_LIMITS = {**DEFAULT_LIMITS, "max_image_megapixels": 1}
    error = refusal(IMAGE_CHECK, "anh.png", photo_with_gps("PNG", size=(1200, 1000)))
    assert error.messages == [message("too_many_pixels", megapixels=1)]


@pytest.mark.parametrize("image_format, name", [("PNG", "anh.png"), ("JPEG", "anh.jpg"), ("WEBP", "anh.webp")])
def test_an_image_is_re_encoded_without_its_metadata(image_format, name):
    from PIL import Image

    original = photo_with_gps(image_format)
    assert b"PhoneMaker" in original and Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)
    cleaned = IMAGE_CHECK.clean(SimpleUploadedFile(name, original))
    data = cleaned.read()
    assert cleaned.name == name and data != original
    image = Image.open(io.BytesIO(data))
    assert image.format == image_format and image.size == (64, 48)
    assert not dict(image.getexif()) and not image.getexif().get_ifd(0x8825)
    assert b"PhoneMaker" not in data and "exif" not in image.info


def test_a_stored_file_is_not_parsed_again_when_its_record_is_edited(settings, tmp_path):
    """The validator on a model's file field sees the stored file on every edit; it was checked when it came in."""
    from django.core.files.storage import FileSystemStorage
    from django.db.models.fields.files import FieldFile, FileField

    storage = FileSystemStorage(location=tmp_path)
    storage.save("old.pdf", io.BytesIO(PDF_WITH_HTML))
    field = FileField(storage=storage)
    field.storage = storage
    stored = FieldFile(None, field, "old.pdf")
    DOCUMENT_CHECK(stored)  # no error: not parsed again
    with pytest.raises(ValidationError):
        DOCUMENT_CHECK(SimpleUploadedFile("new.pdf", PDF_WITH_HTML))

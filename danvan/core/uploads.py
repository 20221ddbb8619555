"""Uploaded files are checked by what they contain, not by what they are called.

Every upload path goes through ``FileCheck``: the extension and the first bytes must agree;
a ZIP container (.docx, .xlsx) is judged by its central directory before anything in it is
inflated, and must carry the content type its extension promises; a PDF must open as a PDF;
an image must decode within a pixel budget, and ``FileCheck.clean`` re-encodes it, so what is
stored and shown carries no metadata and no payload hidden behind a valid header.

``inspect_zip`` needs no configured Django, so the review queue's stand-alone reader uses it too.
"""

import io
import os
import struct
import zipfile
from pathlib import PurePosixPath
from xml.etree import ElementTree

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# Leading bytes of each accepted kind of file.
SIGNATURES = {
    "image": [b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"RIFF"],
    "pdf": [b"%PDF-"],
    "office": [b"PK\x03\x04"],  # .docx, .xlsx are ZIP archives
    "text": None,  # plain text and web pages have no signature: their reader checks the content
}
EXTENSIONS = {
    "image": {".png", ".jpg", ".jpeg", ".gif", ".webp"},
    "pdf": {".pdf"},
    "office": {".docx", ".xlsx"},
    "text": {".txt", ".html", ".htm"},
}
MEGABYTE = 1024 * 1024

# What an upload may cost once opened; ``DANVAN_UPLOAD_LIMITS`` in the settings overrides any of them.
DEFAULT_LIMITS = {
    "max_uncompressed_megabytes": 200,  # all entries of a ZIP container together
    "max_entry_megabytes": 100,  # one entry: an XML part is parsed whole
    "max_ratio": 100,  # uncompressed / compressed size of one entry
    "max_entries": 10_000,
    "max_image_megapixels": 40,
}
# Small entries may compress very well (repetitive XML) and cost nothing to inflate.
RATIO_GRACE_BYTES = MEGABYTE
CONTENT_TYPES_MAX_BYTES = MEGABYTE
OFFICE_MAIN_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
}
# Pillow format per extension; Pillow is told to try only that one, so no other decoder is ever reached.
IMAGE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WEBP"}
IMAGE_SAVE_OPTIONS = {"JPEG": {"quality": 90}, "WEBP": {"quality": 90}, "PNG": {}, "GIF": {}}

MESSAGES = {
    "bad_content": _("The file's content does not match its type."),
    "encrypted": _("The file is encrypted or protected by a password; upload it without protection."),
    "too_many_entries": _("The file holds too many parts (more than %(count)s); it may be built to overload the server and is refused."),
    "too_large": _("The file would expand to more than %(size)s MB when opened; it may be built to overload the server and is refused."),
    "ratio": _("The file is compressed more than %(ratio)s times; it may be built to overload the server and is refused."),
    "too_many_pixels": _("The image is too large (at most %(megapixels)s million pixels)."),
}
# ValidationError code per reason: callers tell a broken file ("bad_content") from a dangerous one.
CODES = {"too_many_entries": "unsafe_archive", "too_large": "unsafe_archive", "ratio": "unsafe_archive",
         "too_many_pixels": "too_large"}


def upload_limits():
    """The limits in force: the defaults, overridden by ``DANVAN_UPLOAD_LIMITS`` when Django is configured."""
    configured = getattr(settings, "DANVAN_UPLOAD_LIMITS", {}) if settings.configured else {}
    return {**DEFAULT_LIMITS, **configured}


class UnsafeFile(Exception):
    """A file refused before (or instead of) being parsed; ``code`` is a key of MESSAGES."""

    def __init__(self, code, **params):
        super().__init__(code)
        self.code = code
        self.params = params


# ---------------------------------------------------------------- ZIP containers

_END_RECORD = b"PK\x05\x06"
_END_RECORD_SIZE = 22
_ZIP64_COUNT = 0xFFFF


def _declared_entry_count(handle):
    """Entries the end-of-central-directory record declares, from the file's tail only; None without one."""
    handle.seek(0, io.SEEK_END)
    size = handle.tell()
    handle.seek(max(0, size - _END_RECORD_SIZE - 0xFFFF))  # the record ends the file, after a comment of at most 64 KB
    tail = handle.read()
    at = tail.rfind(_END_RECORD)
    if at < 0 or len(tail) - at < _END_RECORD_SIZE:
        return None
    return struct.unpack("<H", tail[at + 10:at + 12])[0]


def _check_entries(entries, limits):
    if len(entries) > limits["max_entries"]:
        raise UnsafeFile("too_many_entries", count=limits["max_entries"])
    total = 0
    for entry in entries:
        if entry.flag_bits & 0x1:
            raise UnsafeFile("encrypted")
        if entry.file_size > limits["max_entry_megabytes"] * MEGABYTE:
            raise UnsafeFile("too_large", size=limits["max_entry_megabytes"])
        total += entry.file_size
        if total > limits["max_uncompressed_megabytes"] * MEGABYTE:
            raise UnsafeFile("too_large", size=limits["max_uncompressed_megabytes"])
        if entry.file_size > RATIO_GRACE_BYTES and entry.file_size > limits["max_ratio"] * max(entry.compress_size, 1):
            raise UnsafeFile("ratio", ratio=limits["max_ratio"])


def inspect_zip(file, limits=None):
    """The entries of a ZIP container, once its central directory shows that opening it costs a bounded amount.

    ``file`` is a path or a seekable binary file (left rewound). Nothing is inflated: zipfile
    reads only the central directory, and when a parser later reads an entry zipfile stops it
    at the size declared there, so the declared sizes checked here bound what any parser reads.
    Raises UnsafeFile.
    """
    limits = limits or upload_limits()
    handle = open(file, "rb") if isinstance(file, (str, os.PathLike)) else file
    try:
        declared = _declared_entry_count(handle)
        if declared is None:
            raise UnsafeFile("bad_content")
        if declared != _ZIP64_COUNT and declared > limits["max_entries"]:
            raise UnsafeFile("too_many_entries", count=limits["max_entries"])
        handle.seek(0)
        try:
            with zipfile.ZipFile(handle) as archive:
                entries = archive.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, struct.error) as error:
            raise UnsafeFile("bad_content") from error
        _check_entries(entries, limits)
        return entries
    finally:
        if handle is file:
            handle.seek(0)
        else:
            handle.close()


def _check_office(upload, extension, limits):
    """A .docx or .xlsx: a bounded ZIP whose [Content_Types].xml declares the main part of that kind, present."""
    entries = {entry.filename: entry for entry in inspect_zip(upload, limits)}
    declared = entries.get("[Content_Types].xml")
    if declared is None or declared.file_size > CONTENT_TYPES_MAX_BYTES:
        raise UnsafeFile("bad_content")
    try:
        with zipfile.ZipFile(upload) as archive:
            data = archive.read(declared)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as error:
        raise UnsafeFile("bad_content") from error
    finally:
        upload.seek(0)
    if b"<!DOCTYPE" in data.upper():  # entity declarations have no place in a package and could expand
        raise UnsafeFile("bad_content")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise UnsafeFile("bad_content") from error
    main_parts = {element.get("PartName", "").lstrip("/") for element in root.iter()
                  if element.get("ContentType") == OFFICE_MAIN_TYPES[extension]}
    if not main_parts & entries.keys():
        raise UnsafeFile("bad_content")


# ---------------------------------------------------------------- PDF and images


def _check_pdf(upload, extension, limits):
    """A PDF that pypdf opens and that has at least one page (``%PDF-`` followed by anything else fails)."""
    from pypdf import PdfReader

    upload.seek(0)
    try:
        reader = PdfReader(upload)
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnsafeFile("encrypted")
        if len(reader.pages) < 1:
            raise UnsafeFile("bad_content")
    except UnsafeFile:
        raise
    except Exception as error:  # pypdf raises many kinds of error for a file that is not a PDF
        raise UnsafeFile("bad_content") from error
    finally:
        upload.seek(0)


def _decoded_image(upload, extension, limits):
    """The image's first frame, decoded and upright, after checking its format and pixel count."""
    from PIL import Image, ImageOps

    upload.seek(0)
    try:
        with Image.open(upload, formats=[IMAGE_FORMATS[extension]]) as image:
            if image.width * image.height > limits["max_image_megapixels"] * 1_000_000:
                raise UnsafeFile("too_many_pixels", megapixels=limits["max_image_megapixels"])
            image.load()
            return ImageOps.exif_transpose(image)
    except UnsafeFile:
        raise
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError) as error:
        # UnidentifiedImageError is an OSError: a PNG header followed by SVG ends here.
        raise UnsafeFile("bad_content") from error
    finally:
        upload.seek(0)


def _check_image(upload, extension, limits):
    _decoded_image(upload, extension, limits)


def reencode_image(upload, extension, limits=None):
    """A new file of the same format and name holding only the pixels: no EXIF, GPS, comments or trailing bytes."""
    limits = limits or upload_limits()
    image = _decoded_image(upload, extension, limits)
    image_format = IMAGE_FORMATS[extension]
    if image_format == "JPEG" and image.mode not in ("RGB", "L", "CMYK"):
        image = image.convert("RGB")
    image.info = {key: image.info[key] for key in ("transparency",) if key in image.info}
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **IMAGE_SAVE_OPTIONS[image_format])
    return ContentFile(buffer.getvalue(), name=PurePosixPath(upload.name or "image").name)


CONTENT_CHECKS = {"image": _check_image, "pdf": _check_pdf, "office": _check_office}


# ---------------------------------------------------------------- the check every upload path uses


def _refusal(error):
    message = MESSAGES[error.code]
    return ValidationError(message % error.params if error.params else message, code=CODES.get(error.code, error.code))


@deconstructible
class FileCheck:
    """Validator: the file is of one of ``kinds`` by extension, first bytes and content, and small enough.

    As a validator it only refuses; ``clean(upload)`` also gives the file to store (an image re-encoded).
    """

    def __init__(self, kinds=("image", "pdf", "office"), max_megabytes=10):
        self.kinds = tuple(kinds)
        self.max_megabytes = max_megabytes

    def __call__(self, upload):
        kind, extension = self._screen(upload)
        # A file already stored was checked when it came in; editing its record does not re-parse it.
        if kind is not None and not getattr(upload, "_committed", False):
            self._inspect(upload, kind, extension)

    def clean(self, upload):
        """The file to store: ``upload`` once checked, or for an image our re-encoding of it. Raises ValidationError."""
        kind, extension = self._screen(upload)
        if kind == "image":
            try:
                return reencode_image(upload, extension)
            except UnsafeFile as error:
                raise _refusal(error) from error
        if kind is not None:
            self._inspect(upload, kind, extension)
        return upload

    def _inspect(self, upload, kind, extension):
        try:
            CONTENT_CHECKS[kind](upload, extension, upload_limits())
        except UnsafeFile as error:
            raise _refusal(error) from error

    def _screen(self, upload):
        """Size, extension and first bytes; (kind, extension), kind None for text that its reader checks."""
        if upload.size > self.max_megabytes * MEGABYTE:
            raise ValidationError(
                _("The file is too large (at most %(size)s MB).") % {"size": self.max_megabytes}, code="too_large"
            )
        extension = PurePosixPath((upload.name or "").lower()).suffix
        allowed = set().union(*(EXTENSIONS[kind] for kind in self.kinds))
        if extension not in allowed:
            raise ValidationError(
                _("This type of file is not accepted; accepted: %(types)s.") % {"types": ", ".join(sorted(allowed))},
                code="bad_type",
            )
        kind = next(kind for kind in self.kinds if extension in EXTENSIONS[kind])
        if SIGNATURES[kind] is None:
            return None, extension
        upload.seek(0)
        head = upload.read(16)
        upload.seek(0)
        if not any(head.startswith(sig) for sig in SIGNATURES[kind]) or (head.startswith(b"RIFF") and head[8:12] != b"WEBP"):
            raise ValidationError(MESSAGES["bad_content"], code="bad_content")
        return kind, extension

    def __eq__(self, other):
        return isinstance(other, FileCheck) and (self.kinds, self.max_megabytes) == (other.kinds, other.max_megabytes)


IMAGE_CHECK = FileCheck(kinds=("image",), max_megabytes=5)
DOCUMENT_CHECK = FileCheck()

"""Files for upload tests, built in the test: zip bombs shaped as .docx/.xlsx, real and disguised images and PDFs."""

import functools
import io
import zipfile

from PIL import Image

from danvan.core.uploads import OFFICE_MAIN_TYPES

MAIN_PARTS = {".docx": "word/document.xml", ".xlsx": "xl/workbook.xml"}


def _content_types(extension):
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{MAIN_PARTS[extension]}" ContentType="{OFFICE_MAIN_TYPES[extension]}"/></Types>'
    )


@functools.lru_cache(maxsize=None)
def zip_bomb(extension=".docx", megabytes=300):
    """A package of the right shape whose main part inflates to ``megabytes`` of zeros, in about 1/200 of that.

    Written in 8 MB chunks at the fastest compression, so building it costs under a second and little memory.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", _content_types(extension))
        with archive.open(MAIN_PARTS[extension], "w") as entry:
            chunk = b"\0" * (8 * 1024 * 1024)
            for _ in range(megabytes // 8):
                entry.write(chunk)
    return buffer.getvalue()


def package(extension, entries):
    """A small package of the right shape with ``entries`` (name → bytes) besides its content types."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _content_types(extension))
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


GPS_LATITUDE = (8.0, 37.0, 12.5)  # Đất Mũi, Cà Mau


def photo_with_gps(image_format="PNG", size=(64, 48)):
    """A real image carrying EXIF with a camera make and a GPS position, as a phone writes it."""
    image = Image.new("RGB", size, (30, 120, 60))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "N", 2: GPS_LATITUDE, 3: "E", 4: (104.0, 43.0, 5.0)}  # GPSInfo
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, exif=exif.tobytes())
    return buffer.getvalue()


PNG_WITH_SVG = (
    b"\x89PNG\r\n\x1a\n"
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"><script>alert(1)</script></svg>'
)
PDF_WITH_HTML = b"%PDF-1.7\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n"


def real_pdf():
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def exported_rows(response):
    """The header and data rows of an .xlsx export, without the heading above the table or the STT column."""
    import io

    from openpyxl import load_workbook

    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    header_at = next(n for n, row in enumerate(rows) if row and row[0] == "STT")
    return [list(row[1:]) for row in rows[header_at:]]

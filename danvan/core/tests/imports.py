"""What every import's tests share: the template downloaded and filled in as an official would, files that lie
about being .xlsx, a file over the size limit, and the checks that a refused import wrote nothing."""

import html
import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext, override
from openpyxl import load_workbook

from danvan.core.exports import XLSX_TYPE
from danvan.core.imports import XLSX_CHECK
from danvan.core.tests.files import photo_with_gps
from danvan.core.uploads import MEGABYTE, MESSAGES


def page_text(response):
    return html.unescape(response.content.decode())


def template_upload(client, url, rows, name="nhap.xlsx"):
    """The page's template, downloaded, with ``rows`` typed into its first sheet from row 2."""
    response = client.get(url, {"template": 1})
    assert response.status_code == 200 and response["Content-Type"] == XLSX_TYPE
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.worksheets[0]
    assert sheet.max_row == 1, "the data sheet holds only the headers: an example there would be imported"
    assert workbook["Huong dan"].max_row > 5  # the instructions, with the example row
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def headers_of(client, url):
    workbook = load_workbook(io.BytesIO(client.get(url, {"template": 1}).content))
    return [cell.value for cell in workbook.worksheets[0][1]]


def _zip_without_a_workbook():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "không phải bảng tính")
    return buffer.getvalue()


def files_that_lie():
    """Files named .xlsx that are not: text, a ZIP without a workbook, a PNG."""
    return {
        "text": SimpleUploadedFile("nhap.xlsx", "Họ và tên;Năm sinh\nNguyễn Văn An;1975\n".encode()),
        "zip": SimpleUploadedFile("nhap.xlsx", _zip_without_a_workbook()),
        "png": SimpleUploadedFile("nhap.xlsx", photo_with_gps("PNG")),
    }


def huge_upload():
    """A file over the import's size limit that starts like a ZIP (so only its size refuses it)."""
    return SimpleUploadedFile("nhap.xlsx", b"PK\x03\x04" + b"\0" * (XLSX_CHECK.max_megabytes * MEGABYTE + 1))


def vi(message, **params):
    with override("vi"):
        return gettext(message) % params if params else gettext(message)


def row_error(row, column, reason):
    """The message a page shows for a bad cell, in Vietnamese: "Dòng 3, cột «…»: …"."""
    return vi("Row %(row)s, column «%(column)s»: %(reason)s.", row=row, column=column, reason=reason)


def assert_refused(client, url, upload, model, *expected):
    """Posting ``upload`` shows the form again with each of ``expected`` and leaves ``model``'s table as it was."""
    before = model._default_manager.count()
    response = client.post(url, {"file": upload})
    assert response.status_code == 200, response.status_code
    text = page_text(response)
    for part in expected:
        assert part in text, f"{part!r} not on the page"
    assert model._default_manager.count() == before
    return text


def assert_lying_and_huge_files_refused(client, url, model):
    for upload in files_that_lie().values():
        assert_refused(client, url, upload, model, vi(str(MESSAGES["bad_content"])))
    assert_refused(client, url, huge_upload(), model, vi("The file is too large (at most %(size)s MB).", size=XLSX_CHECK.max_megabytes))


def assert_page_access(url, login, make_user, unit, other_unit, anonymous_client):
    """Anonymous → login; viewer → 403 (page and template); an editor of another unit and of this one → the page."""
    from danvan.core.choices import Role

    assert anonymous_client.get(url).status_code == 302
    viewer = login(make_user(unit=unit, role=Role.VIEWER))
    assert viewer.get(url).status_code == 403 and viewer.get(url, {"template": 1}).status_code == 403
    assert viewer.post(url, {}).status_code == 403
    for editor_unit in (unit, other_unit):
        assert login(make_user(unit=editor_unit, role=Role.EDITOR)).get(url).status_code == 200

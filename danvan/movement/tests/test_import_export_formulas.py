"""No formula leaves or enters: exports write formula-like text as text, imports refuse it naming row and column,
and an .xlsx bomb sent to the import is refused before openpyxl opens it."""

import html
import io
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext, override
from openpyxl import Workbook, load_workbook

from danvan.core.choices import Role
from danvan.core.tests.files import zip_bomb
from danvan.core.uploads import DEFAULT_LIMITS, MESSAGES
from danvan.movement.imports import COLUMNS
from danvan.movement.models import Initiative
from danvan.movement.tests.factories import InitiativeFactory
from danvan.organizations.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://x","y")'
CALC = "=cmd|' /C calc'!A0"


def page_text(response):
    return html.unescape(response.content.decode())


# ---------------------------------------------------------------- exports


@pytest.mark.parametrize("name", [HYPERLINK, "+1+2", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1"])
def test_an_export_keeps_formula_like_text_as_text(tree, make_user, login, name):
    InitiativeFactory(unit=tree.lc1, name=name, registration_year=2018)
    client = login(make_user(unit=tree.lc1, role=Role.VIEWER))
    export = client.get("/movement/", {"format": "xlsx"})
    assert export.status_code == 200
    sheet = load_workbook(io.BytesIO(export.content)).active
    header = next(row for row in sheet.iter_rows() if row[0].value == "STT")
    first = header[0].row + 1
    name_cell, year_cell = sheet[f"B{first}"], sheet[f"G{first}"]
    assert (name_cell.value, name_cell.data_type) == (name, "s")
    assert name_cell.quotePrefix  # Excel keeps it text even when someone edits the cell
    assert (year_cell.value, year_cell.data_type) == (2018, "n")  # numbers stay numbers
    with zipfile.ZipFile(io.BytesIO(export.content)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml  # no formula anywhere in the file


# ---------------------------------------------------------------- imports


def _good_row():
    return ["Tổ dần đổi công", "mô hình", "tập thể", "Kinh tế", "Hội Nông dân xã Minh Hòa", "xã Minh Hòa", "2016–2020",
            2018, "01/03/2018", ""]


def _workbook(rows, headers=None, text_cells=()):
    """An .xlsx as officials send it; ``text_cells`` (coordinates) are written as typed text, never as formulas."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers or list(COLUMNS.values()))
    for row in rows:
        sheet.append(row)
    for coordinate in text_cells:
        sheet[coordinate].data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("dang-ky.xlsx", buffer.getvalue())


@pytest.fixture
def importer(tree, make_user, login):
    OrganizationFactory(unit=tree.lc1, name="Hội Nông dân xã Minh Hòa")
    return login(make_user(unit=tree.lc1, role=Role.EDITOR))


def formula_message(row, column):
    with override("vi"):
        return gettext(
            "Row %(row)s, column “%(column)s”: a cell may not begin with =, +, -, @, a tab or a line break "
            "(a spreadsheet formula); remove that character."
        ) % {"row": row, "column": column}


@pytest.mark.parametrize("as_text", [False, True], ids=["typed as a formula", "typed as text"])
def test_an_import_row_with_a_formula_is_refused_by_row_and_column_and_nothing_is_saved(importer, as_text):
    bad = [CALC, *_good_row()[1:]]
    upload = _workbook([_good_row(), bad], text_cells=["A3"] if as_text else ())
    page = page_text(importer.post("/movement/import/", {"file": upload}))
    assert formula_message(3, COLUMNS["name"]) in page
    assert not Initiative.objects.exists()  # the good row 2 is not saved either


def test_every_formula_start_is_refused_and_an_unnamed_column_is_named_by_its_letter(importer):
    headers = [*COLUMNS.values(), ""]
    rows = [
        [*_good_row()[:9], "@SUM(A1)", ""],
        [*_good_row()[:9], "\tmô tả", ""],
        [*_good_row()[:9], "", "+thêm"],
        [*_good_row()[:9], "", "-"],
    ]
    page = page_text(importer.post("/movement/import/", {"file": _workbook(rows, headers=headers, text_cells=["J2"])}))
    assert formula_message(2, COLUMNS["description"]) in page
    assert formula_message(3, COLUMNS["description"]) in page
    assert formula_message(4, "K") in page and formula_message(5, "K") in page
    assert not Initiative.objects.exists()


def test_negative_numbers_and_plain_numbers_as_text_are_imported(importer):
    headers = [*COLUMNS.values(), "Số hộ"]
    rows = [[*_good_row()[:9], "-5", -12], [*[f"Mô hình {n}" for n in (2,)], *_good_row()[1:9], "+84912345678", -1.5]]
    response = importer.post("/movement/import/", {"file": _workbook(rows, headers=headers)})
    assert response.status_code == 302, page_text(response)
    assert sorted(Initiative.objects.values_list("description", flat=True)) == ["+84912345678", "-5"]


def test_an_xlsx_bomb_sent_to_the_import_is_refused_at_once_and_nothing_is_saved(importer):
    assert importer.get("/movement/import/").status_code == 200  # as a person would; the first request warms up
    bomb = SimpleUploadedFile("dang-ky.xlsx", zip_bomb(".xlsx"))
    started = time.perf_counter()
    response = importer.post("/movement/import/", {"file": bomb})
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0, f"the import took {elapsed:.2f} s"
    with override("vi"):
        expected = str(MESSAGES["too_large"]) % {"size": DEFAULT_LIMITS["max_entry_megabytes"]}
    assert response.status_code == 200 and expected in page_text(response)
    assert not Initiative.objects.exists()

"""Imports from .xlsx shared by every app: a template from a column spec, a safe read, all rows checked, all saved or none.

An app describes its sheet with an ``ImportSpec`` (columns with Vietnamese headers, choices, an
example) and a ``save_row(user, cells)`` that builds and saves one record through its services,
raising ``RowError`` (or ValidationError from a service) for a bad row. ``run_import`` checks the
file before openpyxl opens it, refuses formulas, then tries every row inside one transaction:
each bad row is reported as "Row N, column «X»: reason" and any bad row rolls everything back.
"""

import codecs
import csv
import dataclasses
import datetime
import io
from pathlib import PurePosixPath

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from danvan.core.spreadsheets import formula_problems
from danvan.core.text import fold
from danvan.core.uploads import FileCheck

# Checked before openpyxl opens the file: a few kilobytes may declare gigabytes of XML.
XLSX_CHECK = FileCheck(kinds=("office",), max_megabytes=10)
TEMPLATE_ROWS = 1000  # rows that carry the choice lists in the template
LISTS_SHEET = "Danh muc"


@dataclasses.dataclass(frozen=True)
class Column:
    """One column of an import sheet. The header is Vietnamese and fixed, whatever the page's language:
    it is the file format officials fill in, not a label of this page."""

    key: str
    header: str
    required: bool = False
    example: object = ""
    note: str = ""  # what to write, shown on the instructions sheet
    field: str = ""  # the model field a service's ValidationError names for this column


@dataclasses.dataclass(frozen=True)
class ImportSpec:
    columns: tuple
    sheet_title: str
    instructions: tuple = ()

    def header(self, key):
        return next(column.header for column in self.columns if column.key == key)

    def column_of_field(self, field):
        return next((column.header for column in self.columns if field in (column.key, column.field)), None)


class RowError(ValueError):
    """A bad row; ``column`` (a column key) names the cell at fault when one is."""

    def __init__(self, message, column=None):
        super().__init__(message)
        self.column = column


# ---------------------------------------------------------------- the template


def template_workbook(spec, choices=None):
    """The template as bytes: the data sheet (headers only, so that filling it in imports only what was
    typed), an instructions sheet with the example row, and ``choices`` (column key → values) offered as
    drop-down lists from a sheet of their own (a list typed into the validation may hold only 255 characters)."""
    choices = {key: [str(value) for value in values] for key, values in (choices or {}).items() if values}
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = spec.sheet_title[:31]
    sheet.append([column.header for column in spec.columns])
    for index, column in enumerate(spec.columns, start=1):
        sheet.cell(row=1, column=index).font = Font(bold=True, color="C00000" if column.required else None)
        sheet.column_dimensions[get_column_letter(index)].width = max(16, min(45, len(column.header) + 4))
    sheet.freeze_panes = "A2"
    _instructions(workbook, spec)
    if choices:
        _choice_lists(workbook, sheet, spec, choices)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _instructions(workbook, spec):
    sheet = workbook.create_sheet("Huong dan")
    sheet.append(["Hướng dẫn"])
    sheet["A1"].font = Font(bold=True, size=14)
    for line in (*spec.instructions,
                 "Điền từ dòng 2 của trang đầu tiên; không đổi tên cột. Cột tên màu đỏ là bắt buộc.",
                 "Nếu có dòng sai, không dòng nào được nhập: sửa các dòng được báo rồi nhập lại cả tệp.",
                 "Không nhập công thức (ô bắt đầu bằng =, +, -, @)."):
        sheet.append([line])
    sheet.append([])
    sheet.append(["Cột", "Bắt buộc", "Cách ghi", "Ví dụ"])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for column in spec.columns:
        sheet.append([column.header, "có" if column.required else "", column.note, column.example])
    for letter, width in zip("ABCD", (34, 10, 60, 34)):
        sheet.column_dimensions[letter].width = width


def _choice_lists(workbook, sheet, spec, choices):
    lists = workbook.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    keys = [column.key for column in spec.columns]
    for list_index, (key, values) in enumerate(choices.items(), start=1):
        letter = get_column_letter(list_index)
        lists.cell(row=1, column=list_index, value=spec.header(key))
        for row, value in enumerate(values, start=2):
            lists.cell(row=row, column=list_index, value=value)
        source = f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${len(values) + 1}"
        validation = DataValidation(type="list", formula1=source, allow_blank=True, showErrorMessage=False)
        target = get_column_letter(keys.index(key) + 1)
        validation.add(f"{target}2:{target}{TEMPLATE_ROWS}")
        sheet.add_data_validation(validation)


# ---------------------------------------------------------------- reading a file


def _header_map(spec, sheet):
    """Column key → index, headers matched ignoring case, diacritics, spaces and the "*" of required columns."""
    row = next(sheet.iter_rows(min_row=1, max_row=1, values_only=True), ())
    headers = [fold(str(value or "")).rstrip("* ").strip() for value in row]
    missing = [column.header for column in spec.columns if column.required and fold(column.header) not in headers]
    if missing:
        raise ValidationError(_("The file lacks the columns: %(columns)s. Download the template.") % {"columns": "; ".join(missing)})
    return {column.key: headers.index(fold(column.header)) for column in spec.columns if fold(column.header) in headers}


def _column_names(sheet):
    """What people call each column: its header, or its letter when the header is empty."""
    row = next(sheet.iter_rows(min_row=1, max_row=1), ())
    return [str(cell.value).strip() if cell.value not in (None, "") else get_column_letter(index)
            for index, cell in enumerate(row, start=1)]


def run_import(spec, user, upload, save_row):
    """Import every row of ``upload`` or none; returns the number of rows saved, raises ValidationError listing each bad row."""
    XLSX_CHECK(upload)
    try:
        # Formulas are read as formulas (not their cached results) so that they can be refused.
        workbook = load_workbook(upload, read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds of error for a file that is not .xlsx
        raise ValidationError(_("This is not an .xlsx file.")) from error
    try:
        return _import_sheet(spec, user, workbook.worksheets[0], save_row)
    finally:
        workbook.close()


class _CsvSheet:
    """A .csv file read like a read-only worksheet: its first row the headers, one row at a time."""

    def __init__(self, upload):
        self.upload = upload

    def iter_rows(self, min_row=1, max_row=None, values_only=True):
        upload = self.upload
        upload.seek(0)
        reader = csv.reader(codecs.iterdecode(upload, "utf-8-sig"))
        for number, row in enumerate(reader, start=1):
            if max_row is not None and number > max_row:
                return
            if number >= min_row:
                yield tuple(value if value != "" else None for value in row)


def stream_rows(spec, upload, max_megabytes):
    """(row number, cells by column key) of every filled row of an .xlsx (openpyxl's read-only mode) or a UTF-8
    .csv, one at a time, so that a million rows take the memory of one: for imports too large to hold, which
    check all rows in one pass and write them in another. A formula or an undecodable file is a ValidationError."""
    is_csv = PurePosixPath((upload.name or "").lower()).suffix == ".csv"
    if upload.size > max_megabytes * 1024 * 1024:
        raise ValidationError(_("The file is too large (at most %(size)s MB).") % {"size": max_megabytes})
    if is_csv:
        sheet, workbook = _CsvSheet(upload), None
    else:
        FileCheck(kinds=("office",), max_megabytes=max_megabytes)(upload)
        try:
            workbook = load_workbook(upload, read_only=True, data_only=False)
        except Exception as error:  # openpyxl raises many kinds of error for a file that is not .xlsx
            raise ValidationError(_("This is not an .xlsx file.")) from error
        sheet = workbook.worksheets[0]
    try:
        yield from _sheet_rows(spec, sheet)
    except UnicodeDecodeError as error:
        raise ValidationError(_("This .csv file is not written in UTF-8: save it again as “CSV UTF-8”.")) from error
    finally:
        if workbook is not None:
            workbook.close()


def _sheet_rows(spec, sheet):
    columns = _header_map(spec, sheet)
    names = [str(value).strip() if value not in (None, "") else get_column_letter(index)
             for index, value in enumerate(next(sheet.iter_rows(min_row=1, max_row=1, values_only=True), ()), start=1)]
    for number, row in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        cells = {key: _stripped(row[index]) if index < len(row) else None for key, index in columns.items()}
        if all(value in (None, "") for value in cells.values()):
            continue
        formulas = formula_problems(number, row, names)
        if formulas:
            raise ValidationError(formulas)
        yield number, cells


def _import_sheet(spec, user, sheet, save_row):
    columns, names = _header_map(spec, sheet), _column_names(sheet)
    problems, saved = [], 0
    with transaction.atomic():
        for number, row in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
            cells = {key: _stripped(row[index]) if index < len(row) else None for key, index in columns.items()}
            if all(value in (None, "") for value in cells.values()):
                continue
            formulas = formula_problems(number, row, names)
            if formulas:
                problems.extend(formulas)
                continue
            try:
                with transaction.atomic():  # a savepoint: a row refused half-way leaves nothing behind
                    check_required(spec, cells)
                    save_row(user, cells)
                saved += 1
            except ValueError as error:  # RowError, or a plain ValueError naming no column
                column = getattr(error, "column", None)
                problems.append(row_message(number, spec.header(column) if column else None, error))
            except ValidationError as error:
                problems.extend(_service_messages(spec, number, error))
        if problems:
            transaction.set_rollback(True)
            raise ValidationError(problems)
    return saved


def _stripped(value):
    return value.strip() if isinstance(value, str) else value


def check_required(spec, cells):
    for column in spec.columns:
        if column.required and cells.get(column.key) in (None, ""):
            raise RowError(_("the cell is empty"), column.key)


def row_message(number, column, reason):
    if column is None:
        return _("Row %(row)s: %(reason)s.") % {"row": number, "reason": reason}
    return _("Row %(row)s, column «%(column)s»: %(reason)s.") % {"row": number, "column": column, "reason": reason}


def _service_messages(spec, number, error):
    if not hasattr(error, "error_dict"):
        return [_("Row %(row)s: %(reason)s") % {"row": number, "reason": " ".join(error.messages)}]
    return [row_message(number, spec.column_of_field(field), " ".join(messages).rstrip("."))
            for field, messages in ((field, ValidationError(errors).messages) for field, errors in error.error_dict.items())]


# ---------------------------------------------------------------- records named in cells


class UnitNames:
    """Names typed in a sheet → units within the importing user's reach, cached per text.

    "ấp Đặng Văn Do, xã Thạnh Yên": the first part names the unit (with or without its type word,
    or its code), the rest its ancestors. A name found only outside the user's reach is refused
    as such, so an official is not told "unknown" about a unit that exists."""

    def __init__(self, user):
        self.user = user
        self._found = {}
        self.model = apps.get_model("units", "Unit")  # as scoping reaches units: core imports no domain app

    def candidates(self, text):
        key = fold(text)
        if key not in self._found:
            self._found[key] = self._matching(self.model.objects.visible_to(self.user), key)
        return self._found[key]

    @staticmethod
    def _matching(units, key):
        parts = [part.strip() for part in key.split(",") if part.strip()]
        if not parts:
            return []
        found = [unit for unit in units.filter(search_text__contains=parts[0])
                 if parts[0] in (fold(str(unit)), fold(unit.name), fold(unit.code))]
        for ancestor in parts[1:]:
            found = [unit for unit in found if ancestor in fold(unit.full_name())]
        return found

    def one(self, text, column, level=None):
        """The single unit ``text`` names, of ``level`` if given; RowError naming ``column`` otherwise."""
        found = [unit for unit in self.candidates(text) if level is None or unit.level == level]
        current = [unit for unit in found if unit.valid_to is None]
        if len(current) == 1:  # today's unit wins over the legacy one of the same name
            return current[0]
        if len(found) == 1:
            return found[0]
        if found:
            raise RowError(_("“%(value)s” names several units; add the commune or district after a comma") % {"value": text}, column)
        if self._matching(self.model.objects.all(), fold(text)):
            raise RowError(_("“%(value)s” is outside the units you work for") % {"value": text}, column)
        raise RowError(_("unknown unit “%(value)s”") % {"value": text}, column)


class OrganizationNames:
    """Organisation names typed in a sheet → organisations the importing user may reach, cached."""

    def __init__(self, user):
        self.user = user
        self._found = {}
        # By name, as scoping reaches units: ``core`` imports no domain app, and people (whose titles
        # are held in organisations) cannot import the organisations app, which imports people.
        self.model = apps.get_model("organizations", "Organization")

    def one(self, text, column, units):
        """The single organisation called ``text`` on one of ``units``; RowError naming ``column`` otherwise."""
        key = (fold(text), tuple(unit.pk for unit in units))
        if key not in self._found:
            found = self.model.objects.visible_to(self.user).filter(unit__in=units, search_text__contains=key[0]).select_related("unit")
            self._found[key] = [organization for organization in found if fold(organization.name) == key[0]]
        found = self._found[key]
        if len(found) != 1:
            if found:
                message = _("several organisations are called “%(value)s”")
            else:
                message = _("no organisation “%(value)s” in %(unit)s or above it") if len(units) > 1 else _("no organisation “%(value)s” in %(unit)s")
            raise RowError(message % {"value": text, "unit": units[0]}, column)
        return found[0]


def unit_and_above(unit):
    """The unit and its ancestors: where an organisation serving the unit may sit."""
    return [unit, *type(unit).objects.ancestors(unit)]



# ---------------------------------------------------------------- reading cells


def date_cell(value, column):
    """A cell as a date: a date the spreadsheet stored, or text dd/mm/yyyy; an impossible date is a bad row."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.datetime.strptime(str(value).strip(), "%d/%m/%Y").date()
    except ValueError:
        raise RowError(_("“%(value)s” is not a date dd/mm/yyyy") % {"value": value}, column) from None


def integer_cell(value, column, message=None):
    if value in (None, ""):
        return None
    try:
        number = float(str(value).strip().replace(".", "").replace(",", ".")) if isinstance(value, str) else float(value)
    except ValueError:
        number = None
    if number is None or number != int(number):
        raise RowError(message or _("“%(value)s” is not a whole number") % {"value": value}, column)
    return int(number)


def choice_cell(value, column, options):
    """``options`` maps each accepted text to its value; the text is matched ignoring case and diacritics."""
    if value in (None, ""):
        return None
    folded = {fold(text): choice for text, choice in options.items()}
    if fold(str(value)) not in folded:
        raise RowError(_("“%(value)s” is not one of: %(options)s") % {"value": value, "options": ", ".join(options)}, column)
    return folded[fold(str(value))]


def text_cell(value):
    return "" if value is None else str(value).strip()

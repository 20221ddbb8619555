"""Import of registrations from .xlsx: every row checked first, then all saved or none.

The template's headers are Vietnamese (officials fill it in); each bad row is reported with
its row number and the reason, and a file with any bad row writes nothing.
"""

import datetime
import io

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from danvan.core.spreadsheets import formula_problems
from danvan.core.text import fold
from danvan.core.uploads import FileCheck
from danvan.movement import services
from danvan.movement.choices import HolderKind, InitiativeKind
from danvan.movement.models import Field, Initiative, Phase
from danvan.organizations.models import Organization
from danvan.people.models import Person
from danvan.units.models import Unit

# Column key → header in the template.
COLUMNS = {
    "name": "Tên mô hình, điển hình",
    "kind": "Loại (mô hình/điển hình)",
    "holder": "Chủ thể (tập thể/cá nhân)",
    "fields": "Lĩnh vực (cách nhau bởi ;)",
    "owner": "Tổ chức hoặc cá nhân thực hiện",
    "unit": "Địa bàn (xã, ấp)",
    "phase": "Giai đoạn",
    "year": "Năm đăng ký",
    "start_date": "Ngày bắt đầu (dd/mm/yyyy)",
    "description": "Mô tả",
}
REQUIRED = ("name", "kind", "holder", "fields", "owner", "unit", "phase", "year")
KINDS = {"mo hinh": InitiativeKind.MODEL, "dien hinh": InitiativeKind.EXEMPLAR}
HOLDERS = {"tap the": HolderKind.COLLECTIVE, "ca nhan": HolderKind.INDIVIDUAL}
# Checked before openpyxl opens the file: a few kilobytes may declare gigabytes of XML.
XLSX_CHECK = FileCheck(kinds=("office",), max_megabytes=10)
EXAMPLE = ["Tổ dần đổi công", "mô hình", "tập thể", "Kinh tế", "Chi hội Phụ nữ ấp Đặng Văn Do", "ấp Đặng Văn Do, xã Thạnh Yên",
           "2016–2020", 2018, "01/03/2018", "Các hộ hỗ trợ nhau ngày công lao động"]


def template_workbook():
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Dang ky"
    sheet.append(list(COLUMNS.values()))
    sheet.append(EXAMPLE)
    for column in "ABCDEFGHIJ":
        sheet.column_dimensions[column].width = 28
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


class Lookups:
    """Names → records, folded, within what the importing user may reach."""

    def __init__(self, user):
        self.user = user
        self.fields = {fold(field.name): field for field in Field.objects.all()}
        self.phases = {fold(phase.name).replace(" ", ""): phase for phase in Phase.objects.all()}
        self._units, self._owners = {}, {}

    def unit(self, text):
        """"ấp Đặng Văn Do, xã Thạnh Yên": the first part names the unit, the rest its ancestors."""
        key = fold(text)
        if key not in self._units:
            parts = [part.strip() for part in key.split(",") if part.strip()]
            candidates = [unit for unit in Unit.objects.visible_to(self.user).filter(search_text__contains=parts[0]) if fold(str(unit)) == parts[0] or fold(unit.name) == parts[0]] if parts else []
            if len(parts) > 1:
                candidates = [unit for unit in candidates if parts[1] in fold(unit.full_name())]
            self._units[key] = candidates
        return self._units[key]

    def owner(self, text, unit):
        key = (fold(text), unit.pk)
        if key not in self._owners:
            reach = Unit.objects.filter(pk__in=[*unit.ancestor_ids(), unit.pk]).values("pk")
            organizations = [org for org in Organization.objects.visible_to(self.user).filter(unit__in=reach, search_text__contains=key[0]) if fold(org.name) == key[0]]
            people = [p for p in Person.objects.visible_to(self.user).filter(unit__in=reach, search_text__contains=key[0]) if fold(p.full_name) == key[0]]
            self._owners[key] = organizations + people
        return self._owners[key]


def _column_names(sheet):
    """What people call each column: its header, or its letter when the header is empty."""
    from openpyxl.utils import get_column_letter

    row = next(sheet.iter_rows(min_row=1, max_row=1), ())
    return [str(cell.value).strip() if cell.value not in (None, "") else get_column_letter(index)
            for index, cell in enumerate(row, start=1)]


def _header_map(sheet):
    headers = [fold(str(cell.value or "")) for cell in next(sheet.iter_rows(min_row=1, max_row=1))]
    missing = [header for key, header in COLUMNS.items() if key in REQUIRED and fold(header) not in headers]
    if missing:
        raise ValidationError(_("The file lacks the columns: %(columns)s. Download the template.") % {"columns": "; ".join(missing)})
    return {key: headers.index(fold(header)) for key, header in COLUMNS.items() if fold(header) in headers}


def _date(value):
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.datetime.strptime(str(value).strip(), "%d/%m/%Y").date()
    except ValueError:
        raise ValueError(_("“%(value)s” is not a date dd/mm/yyyy") % {"value": value}) from None


def _row_record(cells, lookups):
    """One row → (initiative, fields); raises ValueError with the reason."""
    for key in REQUIRED:
        if cells.get(key) in (None, ""):
            raise ValueError(_("“%(column)s” is empty") % {"column": COLUMNS[key]})
    kind, holder = KINDS.get(fold(str(cells["kind"]))), HOLDERS.get(fold(str(cells["holder"])))
    if kind is None or holder is None:
        raise ValueError(_("the kind must be “mô hình” or “điển hình” and the holder “tập thể” or “cá nhân”"))
    fields = [lookups.fields.get(fold(name)) for name in str(cells["fields"]).split(";") if name.strip()]
    if None in fields or not fields:
        raise ValueError(_("unknown field in “%(value)s”") % {"value": cells["fields"]})
    units = lookups.unit(str(cells["unit"]))
    if len(units) != 1:
        raise ValueError((_("unknown unit “%(value)s”") if not units else _("“%(value)s” names several units; add the commune or district after a comma")) % {"value": cells["unit"]})
    phase = lookups.phases.get(fold(str(cells["phase"])).replace(" ", "").replace("-", "–"))
    if phase is None:
        raise ValueError(_("unknown phase “%(value)s”") % {"value": cells["phase"]})
    owners = lookups.owner(str(cells["owner"]), units[0])
    if len(owners) != 1:
        raise ValueError(_("no single organisation or person “%(value)s” in this unit or above it") % {"value": cells["owner"]})
    try:
        year = int(cells["year"])
    except (TypeError, ValueError):
        raise ValueError(_("“%(value)s” is not a year") % {"value": cells["year"]}) from None
    owner = owners[0]
    initiative = Initiative(
        name=str(cells["name"]).strip(), kind=kind, holder=holder, unit=units[0], phase=phase, registration_year=year,
        owner_organization=owner if isinstance(owner, Organization) else None, owner_person=owner if isinstance(owner, Person) else None,
        start_date=_date(cells.get("start_date")), description=str(cells.get("description") or ""),
    )
    return initiative, fields


def import_registrations(user, upload):
    """Import every row or none; returns the number saved, raises ValidationError listing each bad row."""
    XLSX_CHECK(upload)
    try:
        # Formulas are read as formulas (not their cached results) so that they can be refused.
        workbook = load_workbook(upload, read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds of error for a file that is not .xlsx
        raise ValidationError(_("This is not an .xlsx file.")) from error
    try:
        return _import_sheet(user, workbook.worksheets[0])
    finally:
        workbook.close()


def _import_sheet(user, sheet):
    columns, names = _header_map(sheet), _column_names(sheet)
    lookups, problems, saved = Lookups(user), [], 0
    with transaction.atomic():
        for number, row in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
            cells = {key: row[index] if index < len(row) else None for key, index in columns.items()}
            if all(value in (None, "") for value in cells.values()):
                continue
            formulas = formula_problems(number, row, names)
            if formulas:
                problems.extend(formulas)
                continue
            try:
                initiative, fields = _row_record(cells, lookups)
                with transaction.atomic():
                    services.register_initiative(user, initiative, fields)
                saved += 1
            except ValueError as error:
                problems.append(_("Row %(row)s: %(reason)s.") % {"row": number, "reason": error})
            except ValidationError as error:
                problems.append(_("Row %(row)s: %(reason)s") % {"row": number, "reason": " ".join(error.messages)})
        if problems:
            transaction.set_rollback(True)
            raise ValidationError(problems)
    return saved

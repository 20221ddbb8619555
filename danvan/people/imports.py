"""The import of people with the titles they hold, from .xlsx: one row, one person and one title."""

import re

from django.utils.translation import gettext as _

from danvan.core import imports as core_imports
from danvan.core.imports import Column, ImportSpec, OrganizationNames, UnitNames, RowError, unit_and_above
from danvan.core.text import fold
from danvan.people import services
from danvan.people.models import Gender, Person, Position

GENDERS = {"nam": Gender.MALE, "nữ": Gender.FEMALE}
PHONE = re.compile(r"(?:\+84|0)\d{8,10}")
SPEC = ImportSpec(
    columns=(
        Column("full_name", "Họ và tên", required=True, example="Nguyễn Văn An", field="full_name"),
        Column("gender", "Giới tính (nam/nữ)", example="nam", field="gender"),
        Column("birth_year", "Năm sinh", example=1975, field="birth_year"),
        Column("phone", "Số điện thoại", example="0912345678", note="Ghi vào phần ghi chú của hồ sơ"),
        Column("unit", "Đơn vị hành chính", required=True, example="xã Thạnh Yên", field="unit",
               note="Đơn vị quản lý hồ sơ người này, trong phạm vi của mình"),
        Column("organization", "Tổ chức", required=True, example="Hội Nông dân xã Thạnh Yên", field="organization",
               note="Tổ chức đã có ở đơn vị đó hoặc cấp trên"),
        Column("title", "Chức danh, chức vụ", required=True, example="Chủ tịch", field="title"),
        Column("valid_from", "Giữ chức từ ngày (dd/mm/yyyy)", example="01/10/2025", field="valid_from"),
    ),
    sheet_title="Nhan su",
    instructions=("Mỗi dòng là một người và một chức danh người đó giữ ở một tổ chức.",
                  "Người đã có (cùng họ tên, năm sinh, đơn vị) được dùng lại và nhận thêm chức danh; "
                  "người đã giữ đúng chức danh đó ở tổ chức đó bị từ chối, nên nhập lại cùng một tệp không tạo bản ghi trùng."),
)


def template_workbook():
    return core_imports.template_workbook(SPEC, {"gender": list(GENDERS)})


def _phone(value):
    if value in (None, ""):
        return ""
    text = re.sub(r"[\s.\-()]", "", str(value))
    if isinstance(value, int) and not text.startswith("0"):
        text = "0" + text  # a spreadsheet keeps 0912345678 as the number 912345678
    if not PHONE.fullmatch(text):
        raise RowError(_("“%(value)s” is not a telephone number") % {"value": value}, "phone")
    return text


def _person(user, cells, unit):
    """The person the row names: the one already kept by the unit under that name and year of birth, else a new one."""
    full_name = core_imports.text_cell(cells["full_name"])
    birth_year = core_imports.integer_cell(cells.get("birth_year"), "birth_year")
    same = Person.objects.visible_to(user).filter(unit=unit, birth_year=birth_year, search_text__contains=fold(full_name))
    existing = next((person for person in same if fold(person.full_name) == fold(full_name)), None)
    if existing is not None:
        return existing
    phone = _phone(cells.get("phone"))
    person = Person(full_name=full_name, birth_year=birth_year, unit=unit,
                    gender=core_imports.choice_cell(cells.get("gender"), "gender", GENDERS) or "",
                    note=_("Telephone: %(phone)s") % {"phone": phone} if phone else "")
    return services.save_person(user, person)


def import_people(user, upload):
    """People of units within reach, each with the title the row gives; all or none; returns how many titles were recorded."""
    units, organizations = UnitNames(user), OrganizationNames(user)

    def save_row(user, cells):
        unit = units.one(cells["unit"], "unit")
        organization = organizations.one(cells["organization"], "organization", unit_and_above(unit))
        position = Position(organization=organization, title=core_imports.text_cell(cells["title"]),
                            valid_from=core_imports.date_cell(cells.get("valid_from"), "valid_from"))
        position.person = _person(user, cells, unit)
        services.record_position(user, position)

    return core_imports.run_import(SPEC, user, upload, save_row)

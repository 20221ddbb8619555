"""Import of registrations from .xlsx: every row checked first, then all saved or none.

The template's headers are Vietnamese (officials fill it in); each bad row is reported with
its row number and the reason, and a file with any bad row writes nothing.
"""

from django.utils.translation import gettext as _

from danvan.core import imports as core_imports
from danvan.core.imports import Column, ImportSpec, RowError, UnitNames
from danvan.core.text import fold
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
KINDS = {"mô hình": InitiativeKind.MODEL, "điển hình": InitiativeKind.EXEMPLAR}
HOLDERS = {"tập thể": HolderKind.COLLECTIVE, "cá nhân": HolderKind.INDIVIDUAL}
EXAMPLE = ["Tổ dần đổi công", "mô hình", "tập thể", "Kinh tế", "Chi hội Phụ nữ ấp Đặng Văn Do", "ấp Đặng Văn Do, xã Thạnh Yên",
           "2016–2020", 2018, "01/03/2018", "Các hộ hỗ trợ nhau ngày công lao động"]
NOTES = {
    "fields": "Tên lĩnh vực trong danh mục; nhiều lĩnh vực cách nhau bởi dấu ;",
    "owner": "Tên tổ chức hoặc cá nhân ở địa bàn đó hoặc cấp trên",
    "unit": "Tên ấp hoặc xã; nếu trùng tên, thêm tên xã hoặc huyện sau dấu phẩy",
}
SPEC = ImportSpec(
    columns=tuple(Column(key, header, required=key in REQUIRED, example=example, note=NOTES.get(key, ""))
                  for (key, header), example in zip(COLUMNS.items(), EXAMPLE)),
    sheet_title="Dang ky",
    instructions=("Mỗi dòng là một mô hình, điển hình đăng ký.",),
)


def template_workbook():
    return core_imports.template_workbook(SPEC, {"kind": list(KINDS), "holder": list(HOLDERS),
                                                 "phase": [phase.name for phase in Phase.objects.all()]})


class Lookups:
    """Names → records, folded, within what the importing user may reach."""

    def __init__(self, user):
        self.user = user
        self.fields = {fold(field.name): field for field in Field.objects.all()}
        self.phases = {fold(phase.name).replace(" ", ""): phase for phase in Phase.objects.all()}
        self.units, self._owners = UnitNames(user), {}

    def owner(self, text, unit):
        key = (fold(text), unit.pk)
        if key not in self._owners:
            reach = Unit.objects.filter(pk__in=[*unit.ancestor_ids(), unit.pk]).values("pk")
            organizations = [org for org in Organization.objects.visible_to(self.user).filter(unit__in=reach, search_text__contains=key[0]) if fold(org.name) == key[0]]
            people = [p for p in Person.objects.visible_to(self.user).filter(unit__in=reach, search_text__contains=key[0]) if fold(p.full_name) == key[0]]
            self._owners[key] = organizations + people
        return self._owners[key]


def _row_record(cells, lookups):
    """One row → (initiative, fields); raises RowError naming the column at fault."""
    kind = core_imports.choice_cell(cells["kind"], "kind", KINDS)
    holder = core_imports.choice_cell(cells["holder"], "holder", HOLDERS)
    fields = [lookups.fields.get(fold(name)) for name in str(cells["fields"]).split(";") if name.strip()]
    if None in fields or not fields:
        raise RowError(_("unknown field in “%(value)s”") % {"value": cells["fields"]}, "fields")
    unit = lookups.units.one(str(cells["unit"]), "unit")
    phase = lookups.phases.get(fold(str(cells["phase"])).replace(" ", "").replace("-", "–"))
    if phase is None:
        raise RowError(_("unknown phase “%(value)s”") % {"value": cells["phase"]}, "phase")
    owners = lookups.owner(str(cells["owner"]), unit)
    if len(owners) != 1:
        raise RowError(_("no single organisation or person “%(value)s” in this unit or above it") % {"value": cells["owner"]}, "owner")
    try:
        year = int(cells["year"])
    except (TypeError, ValueError):
        raise RowError(_("“%(value)s” is not a year") % {"value": cells["year"]}, "year") from None
    owner = owners[0]
    initiative = Initiative(
        name=str(cells["name"]).strip(), kind=kind, holder=holder, unit=unit, phase=phase, registration_year=year,
        owner_organization=owner if isinstance(owner, Organization) else None, owner_person=owner if isinstance(owner, Person) else None,
        start_date=core_imports.date_cell(cells.get("start_date"), "start_date"), description=str(cells.get("description") or ""),
    )
    return initiative, fields


def import_registrations(user, upload):
    """Import every row or none; returns the number saved, raises ValidationError listing each bad row."""
    lookups = Lookups(user)

    def save_row(user, cells):
        initiative, fields = _row_record(cells, lookups)
        services.register_initiative(user, initiative, fields)

    return core_imports.run_import(SPEC, user, upload, save_row)

"""Units named in imported rows, and the import of hamlets (ấp, khóm, tổ dân phố) from .xlsx."""

from django.utils.translation import gettext as _

from danvan.core import imports as core_imports
from danvan.core.choices import Level
from danvan.core.imports import Column, ImportSpec, RowError
from danvan.core.text import fold
from danvan.units import services
from danvan.units.choices import HAMLET_TYPES, TYPE_WORDS
from danvan.units.models import Unit


class UnitNames:
    """Names typed in a sheet → units within the importing user's reach, cached per text.

    "ấp Đặng Văn Do, xã Thạnh Yên": the first part names the unit (with or without its type word,
    or its code), the rest its ancestors. A name found only outside the user's reach is refused
    as such, so an official is not told "unknown" about a unit that exists."""

    def __init__(self, user):
        self.user = user
        self._found = {}

    def candidates(self, text):
        key = fold(text)
        if key not in self._found:
            self._found[key] = self._matching(Unit.objects.visible_to(self.user), key)
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
        if self._matching(Unit.objects.all(), fold(text)):
            raise RowError(_("“%(value)s” is outside the units you work for") % {"value": text}, column)
        raise RowError(_("unknown unit “%(value)s”") % {"value": text}, column)


HAMLET_WORDS = {TYPE_WORDS[kind]: kind for kind in HAMLET_TYPES}
SPEC = ImportSpec(
    columns=(
        Column("name", "Tên ấp, khóm, tổ dân phố", required=True, example="Đặng Văn Do", field="name",
               note="Chỉ ghi tên, không ghi chữ “ấp”, “khóm”"),
        Column("type", "Loại", required=True, example="ấp", field="type", note="ấp, thôn, xóm, khóm, bản, tổ dân phố hoặc khu phố"),
        Column("commune", "Xã, phường, đặc khu", required=True, example="xã Thạnh Yên", field="parent",
               note="Xã trong phạm vi đơn vị của mình; nếu trùng tên, thêm tên tỉnh sau dấu phẩy"),
        Column("code", "Mã (nếu có)", example="01", field="code", note="Số thứ tự do xã đặt"),
    ),
    sheet_title="Ap khom",
    instructions=("Mỗi dòng là một ấp, khóm hoặc tổ dân phố mới.",
                  "Ấp đã có cùng tên trong cùng xã bị từ chối: nhập lại cùng một tệp không tạo ấp trùng."),
)


def template_workbook():
    return core_imports.template_workbook(SPEC, {"type": list(HAMLET_WORDS)})


def import_hamlets(user, upload):
    """New hamlets under communes within reach, all or none; returns how many were created."""
    names = UnitNames(user)

    def save_row(user, cells):
        hamlet = Unit(
            name=core_imports.text_cell(cells["name"]), type=core_imports.choice_cell(cells["type"], "type", HAMLET_WORDS),
            parent=names.one(cells["commune"], "commune", level=Level.COMMUNE), code=core_imports.text_cell(cells.get("code")),
        )
        services.add_hamlet(user, hamlet)

    return core_imports.run_import(SPEC, user, upload, save_row)

"""The import of hamlets (ấp, khóm, tổ dân phố) from .xlsx."""

from danvan.core import imports as core_imports
from danvan.core.choices import Level
from danvan.core.imports import Column, ImportSpec, UnitNames
from danvan.units import services
from danvan.units.choices import HAMLET_TYPES, TYPE_WORDS
from danvan.units.models import Unit


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

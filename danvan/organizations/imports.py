"""The import of organisations from .xlsx."""

from danvan.core import imports as core_imports
from danvan.core.imports import Column, ImportSpec, OrganizationNames, UnitNames, unit_and_above
from danvan.organizations import services
from danvan.organizations.models import Organization, OrganizationKind


SPEC = ImportSpec(
    columns=(
        Column("name", "Tên tổ chức", required=True, example="Hội Nông dân xã Thạnh Yên", field="name"),
        Column("kind", "Loại tổ chức", required=True, example="Hội Nông dân", field="kind", note="Một loại trong danh mục (chọn trong danh sách)"),
        Column("unit", "Đơn vị hành chính", required=True, example="xã Thạnh Yên", field="unit",
               note="Xã, ấp… trong phạm vi của mình; nếu trùng tên, thêm tên huyện hoặc tỉnh sau dấu phẩy"),
        Column("parent", "Tổ chức cấp trên (nếu có)", example="Hội Nông dân tỉnh An Giang", field="parent",
               note="Tên một tổ chức đã có ở đơn vị đó hoặc cấp trên"),
    ),
    sheet_title="To chuc",
    instructions=("Mỗi dòng là một tổ chức mới.",
                  "Tổ chức đã có cùng tên ở cùng đơn vị bị từ chối: nhập lại cùng một tệp không tạo tổ chức trùng."),
)


def _kinds():
    return {kind.name: kind for kind in OrganizationKind.objects.filter(valid_to__isnull=True).order_by("name")}


def template_workbook():
    return core_imports.template_workbook(SPEC, {"kind": list(_kinds())})


def import_organizations(user, upload):
    """New organisations of units within reach, each with its parent if named; all or none; returns how many."""
    units, organizations, kinds = UnitNames(user), OrganizationNames(user), _kinds()

    def save_row(user, cells):
        unit = units.one(cells["unit"], "unit")
        organization = Organization(name=core_imports.text_cell(cells["name"]), unit=unit,
                                    kind=core_imports.choice_cell(cells["kind"], "kind", kinds))
        parent = organizations.one(cells["parent"], "parent", unit_and_above(unit)) if cells.get("parent") else None
        services.add_organization(user, organization, parent)

    return core_imports.run_import(SPEC, user, upload, save_row)


"""The import of follow-ups (a mission's recommendations, a meeting's tasks) from .xlsx."""

from django.utils.translation import gettext as _

from danvan.core import imports as core_imports
from danvan.core.imports import Column, ImportSpec, OrganizationNames, UnitNames, RowError
from danvan.core.text import fold
from danvan.oversight import services
from danvan.oversight.models import FollowUp, Meeting, Mission

SPEC = ImportSpec(
    columns=(
        Column("text", "Nội dung kiến nghị, nhiệm vụ", required=True, example="Rà soát hộ nghèo, cận nghèo của ấp", field="text"),
        Column("source", "Đoàn giám sát hoặc hội nghị", required=True, example="Hội nghị giao ban quý IV", field="mission",
               note="Nội dung đoàn giám sát, khảo sát hoặc tên hội nghị đã có, đúng như đã ghi"),
        Column("owner_unit", "Đơn vị thực hiện", required=True, example="xã Thạnh Yên", field="owner_unit",
               note="Đơn vị trong phạm vi của đoàn hoặc hội nghị và của mình"),
        Column("owner_organization", "Tổ chức thực hiện (nếu có)", example="Hội Nông dân xã Thạnh Yên", field="owner_organization",
               note="Tổ chức của đơn vị thực hiện"),
        Column("deadline", "Hạn hoàn thành (dd/mm/yyyy)", example="31/12/2026", field="deadline",
               note="Hạn đã qua vẫn được nhận (việc quá hạn); ngày không có thật bị từ chối"),
    ),
    sheet_title="Kien nghi nhiem vu",
    instructions=("Mỗi dòng là một kiến nghị của đoàn giám sát hoặc một nhiệm vụ do hội nghị giao.",
                  "Việc đã có (cùng nguồn, cùng đơn vị thực hiện, cùng nội dung) bị từ chối: nhập lại cùng một tệp không tạo việc trùng."),
)


class Sources:
    """Missions by subject and meetings by title, within the importing user's reach."""

    def __init__(self, user):
        self.user = user
        self._found = {}

    def one(self, text):
        key = fold(text)
        if key not in self._found:
            missions = Mission.objects.visible_to(self.user).filter(search_text__startswith=key).select_related("unit")
            meetings = Meeting.objects.visible_to(self.user).filter(search_text__startswith=key).select_related("unit")
            self._found[key] = [*(m for m in missions if fold(m.subject) == key), *(m for m in meetings if fold(m.title) == key)]
        found = self._found[key]
        if len(found) != 1:
            message = _("no mission or meeting “%(value)s” within reach") if not found else _("several missions or meetings are called “%(value)s”")
            raise RowError(message % {"value": text}, "source")
        return found[0]


def template_workbook():
    return core_imports.template_workbook(SPEC)


def import_follow_ups(user, upload):
    """Follow-ups of missions and meetings within reach, all or none; returns how many were assigned."""
    sources, units, organizations = Sources(user), UnitNames(user), OrganizationNames(user)

    def save_row(user, cells):
        source = sources.one(cells["source"])
        unit = units.one(cells["owner_unit"], "owner_unit")
        follow_up = FollowUp(
            text=core_imports.text_cell(cells["text"]), owner_unit=unit,
            mission=source if isinstance(source, Mission) else None, meeting=source if isinstance(source, Meeting) else None,
            owner_organization=organizations.one(cells["owner_organization"], "owner_organization", [unit]) if cells.get("owner_organization") else None,
            deadline=core_imports.date_cell(cells.get("deadline"), "deadline"),
        )
        services.add_follow_up(user, follow_up)

    return core_imports.run_import(SPEC, user, upload, save_row)

"""The mission report (báo cáo kết quả) as .docx: targets, members, findings in three parts, recommendations."""

import io

from django.utils.translation import gettext as _
from docx import Document
from docx.shared import Pt

from danvan.oversight.choices import FindingPart


def _date(value):
    return value.strftime("%d/%m/%Y") if value else "…"


def mission_report(mission):
    document = Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(13)
    document.add_heading(_("REPORT ON THE RESULTS OF THE %(kind)s") % {"kind": mission.get_kind_display().upper()}, level=1)
    document.add_paragraph(mission.subject)
    # Labels are gettext calls of their own: xgettext does not look inside f-strings.
    document.add_paragraph(_("Leading organisation: %(organization)s") % {"organization": mission.leading_organization})
    document.add_paragraph(_("Dates: %(start)s – %(end)s") % {
        "start": _date(mission.started_on or mission.planned_start), "end": _date(mission.ended_on or mission.planned_end),
    })
    if mission.directives.exists():
        document.add_paragraph(_("Directives concerned: %(list)s") % {"list": "; ".join(str(d) for d in mission.directives.all())})
    document.add_heading(_("Members"), level=2)
    for member in mission.members.select_related("person"):
        role = " (%s)" % _("mission leader") if member.is_leader else ""
        document.add_paragraph(f"{member.person}, {member.title}{role}", style="List Bullet")
    document.add_heading(_("Targets"), level=2)
    for target in mission.targets.select_related("unit", "organization", "received_by"):
        received = _(" — received by %(person)s, %(title)s") % {"person": target.received_by, "title": target.received_by_title} if target.received_by else ""
        document.add_paragraph(f"{target}{received}", style="List Bullet")
    findings = list(mission.findings.select_related("target__unit", "target__organization"))
    for number, part in enumerate(FindingPart, start=1):
        document.add_heading(f"{number}. {part.label}", level=2)
        for finding in (f for f in findings if f.part == part):
            prefix = f"[{finding.target}] " if finding.target else ""
            document.add_paragraph(prefix + finding.text, style="List Bullet")
    document.add_heading(_("Recommendations"), level=2)
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, [_("Recommendation"), _("Owner"), _("Deadline"), _("Status")]):
        cell.text = header
    for item in mission.follow_ups.select_related("owner_unit", "owner_organization"):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = item.text, str(item.owner_organization or item.owner_unit)
        cells[2].text, cells[3].text = _date(item.deadline), item.get_status_display()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()

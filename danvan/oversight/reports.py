"""The mission report (báo cáo kết quả kiểm tra/khảo sát/giám sát): a registered document issued by the
mission's leading organisation in its format, signed by the mission's leader. Issued once; later downloads
return the same registered file."""

from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.documents.issuers import Signer
from danvan.core.documents.services import issue_once, registered
from danvan.oversight.choices import FindingPart

ROMAN = ("I", "II", "III", "IV", "V")


def _heading(index, label):
    return True, f"{ROMAN[index]}. {label.upper()}"


def _date(value):
    return value.strftime("%d/%m/%Y")


def period(mission):
    """(start, end) as the report states them: the actual dates once the mission started, else the planned ones;
    an end that would come before the start is left out, so the period never reads backwards."""
    if mission.started_on:
        start, end = mission.started_on, mission.ended_on
    else:
        start, end = mission.planned_start, mission.planned_end
    return start, (end if end and end >= start else None)


def _period_line(mission):
    start, end = period(mission)
    if end is None or end == start:
        return _("Date: %(start)s") % {"start": _date(start)}
    return _("Dates: %(start)s – %(end)s") % {"start": _date(start), "end": _date(end)}


def _signer(mission, on_date):
    """The mission's leader, with the dated title they held in the leading organisation when one is recorded."""
    leader = mission.leader
    if leader is None:
        return None
    position = (leader.person.positions.valid_at(on_date).filter(organization=mission.leading_organization)
                .order_by("-valid_from").first())
    if position is not None:
        return Signer.holding(leader.person.full_name, position)
    return Signer(leader.person.full_name, leader.title)


def _findings(mission):
    findings = list(mission.findings.select_related("target__unit", "target__organization"))
    for number, part in enumerate(FindingPart, start=1):
        yield True, f"{number}. {part.label}"
        for finding in (f for f in findings if f.part == part):
            prefix = f"[{finding.target}] " if finding.target else ""
            yield False, f"- {prefix}{finding.text}"


def _recommendation(item):
    deadline = _date(item.deadline) if item.deadline else "…"
    return f"- {item.text} ({item.owner_organization or item.owner_unit}; {deadline}; {item.get_status_display()})"


def body(mission):
    lines = [(False, mission.subject), (False, _period_line(mission))]
    directives = list(mission.directives.all())
    if directives:
        lines.append((False, _("Directives concerned: %(list)s") % {"list": "; ".join(str(d) for d in directives)}))
    lines.append(_heading(0, _("Members")))
    for member in mission.members.select_related("person"):
        role = " (%s)" % _("mission leader") if member.is_leader else ""
        lines.append((False, f"- {member.person}, {member.title}{role}"))
    lines.append(_heading(1, _("Targets")))
    targets = list(mission.targets.select_related("unit", "organization", "received_by"))
    for target in targets:
        received = _(" — received by %(person)s, %(title)s") % {"person": target.received_by, "title": target.received_by_title} if target.received_by else ""
        lines.append((False, f"- {target}{received}"))
    lines.append(_heading(2, _("Results")))
    lines.extend(_findings(mission))
    lines.append(_heading(3, _("Recommendations")))
    lines.extend((False, _recommendation(item)) for item in mission.follow_ups.select_related("owner_unit", "owner_organization"))
    return lines, targets


def mission_report(user, mission):
    """The registered report of ``mission`` (a core Document), issued the first time it is asked for."""
    existing = registered(mission)
    if existing is not None:
        return existing
    issued_on = timezone.localdate()
    lines, targets = body(mission)
    return issue_once(
        user, mission, issuer=mission.leading_organization, type_code="report", issued_on=issued_on,
        summary=_("results of the %(kind)s") % {"kind": mission.get_kind_display().lower()},
        body=lines, signer=_signer(mission, issued_on),
        recipients=[*(str(target.organization or target.unit) for target in targets), _("Archive")],
    )

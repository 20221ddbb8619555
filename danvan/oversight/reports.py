"""The documents of oversight, each a registered document issued once (later downloads return the same file):
the mission report (báo cáo kết quả kiểm tra/khảo sát/giám sát) and its conclusion notice (thông báo kết luận),
both of the mission's leading organisation signed by the mission's leader, and the meeting's conclusion notice
with its tasks, of the organisation that held it signed by its chair.

Each builder takes an optional ``issued_on``: the demo issues the seeds' documents on the day they were issued.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.documents.issuers import Signer
from danvan.core.documents.render import heading
from danvan.core.documents.services import issue_once, registered
from danvan.oversight.choices import FindingPart

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


def _signer_in(person, organization, on_date, title):
    """``person`` with the dated title they held in ``organization`` when one is recorded, else ``title`` as entered."""
    if person is None:
        return None
    position = person.positions.valid_at(on_date).filter(organization=organization).order_by("-valid_from").first()
    if position is not None:
        return Signer.holding(person.full_name, position)
    return Signer(person.full_name, title)


def _signer(mission, on_date):
    """The mission's leader, with the dated title they held in the leading organisation when one is recorded."""
    leader = mission.leader
    return _signer_in(leader and leader.person, mission.leading_organization, on_date, leader and leader.title)


def _part_lines(findings, part):
    for finding in (f for f in findings if f.part == part):
        prefix = f"[{finding.target}] " if finding.target else ""
        yield False, f"- {prefix}{finding.text}"


def _findings(mission):
    findings = list(mission.findings.select_related("target__unit", "target__organization"))
    for number, part in enumerate(FindingPart, start=1):
        yield True, f"{number}. {part.label}"
        yield from _part_lines(findings, part)


def _recommendation(item):
    deadline = _date(item.deadline) if item.deadline else "…"
    return f"- {item.text} ({item.owner_organization or item.owner_unit}; {deadline}; {item.get_status_display()})"


def body(mission):
    lines = [(False, mission.subject), (False, _period_line(mission))]
    directives = list(mission.directives.all())
    if directives:
        lines.append((False, _("Directives concerned: %(list)s") % {"list": "; ".join(str(d) for d in directives)}))
    lines.append(heading(0, _("Members")))
    for member in mission.members.select_related("person"):
        role = " (%s)" % _("mission leader") if member.is_leader else ""
        lines.append((False, f"- {member.person}, {member.title}{role}"))
    lines.append(heading(1, _("Targets")))
    targets = list(mission.targets.select_related("unit", "organization", "received_by"))
    for target in targets:
        received = _(" — received by %(person)s, %(title)s") % {"person": target.received_by, "title": target.received_by_title} if target.received_by else ""
        lines.append((False, f"- {target}{received}"))
    lines.append(heading(2, _("Results")))
    lines.extend(_findings(mission))
    lines.append(heading(3, _("Recommendations")))
    lines.extend((False, _recommendation(item)) for item in mission.follow_ups.select_related("owner_unit", "owner_organization"))
    return lines, targets


def mission_report(user, mission, issued_on=None):
    """The registered report of ``mission`` (a core Document), issued the first time it is asked for."""
    existing = registered(mission)
    if existing is not None:
        return existing
    issued_on = issued_on or timezone.localdate()
    lines, targets = body(mission)
    return issue_once(
        user, mission, issuer=mission.leading_organization, type_code="report", issued_on=issued_on,
        summary=_("results of the %(kind)s") % {"kind": mission.get_kind_display().lower()},
        body=lines, signer=_signer(mission, issued_on),
        recipients=[*(str(target.organization or target.unit) for target in targets), _("Archive")],
    )


# --- conclusion notices ---------------------------------------------------------------------------

NOTICE_KEY = "notice"  # the source's report is its document without key; its notice is the one with this key


def _task(item):
    """A recommendation or task as a notice sets it: what, who carries it out, by when (never its status)."""
    deadline = _date(item.deadline) if item.deadline else _("no deadline")
    return _("- %(text)s (responsible: %(owner)s; deadline: %(deadline)s)") % {
        "text": item.text.rstrip("."), "owner": item.owner_organization or item.owner_unit, "deadline": deadline}


def _owners(follow_ups):
    return [str(item.owner_organization or item.owner_unit) for item in follow_ups]


def _distinct(names):
    return list(dict.fromkeys(name for name in names if name))


def _when(mission):
    start, end = period(mission)
    if end is None or end == start:
        return _("On %(date)s") % {"date": _date(start)}
    return _("From %(start)s to %(end)s") % {"start": _date(start), "end": _date(end)}


def _led_by(role, signer):
    return role % {"name": signer.name, "title": signer.title} if signer and signer.title else ""


def mission_notice_body(mission, signer=None):
    """(body lines, recipients) of the mission's conclusion notice: what the mission found per part, then what it asks."""
    targets = list(mission.targets.select_related("unit", "organization"))
    lines = [
        (False, _("%(when)s, the %(kind)s mission of %(organization)s%(led)s worked with %(targets)s.") % {
            "when": _when(mission), "kind": mission.get_kind_display().lower(), "organization": mission.leading_organization,
            "led": _led_by(_(", led by %(name)s, %(title)s,"), signer), "targets": "; ".join(str(t) for t in targets) or "…"}),
        (False, _("Subject: %(subject)s.") % {"subject": mission.subject.rstrip(".")}),
    ]
    if mission.summary:
        lines.append((False, mission.summary))
    lines.append((False, _("The mission concluded as follows:")))
    findings = list(mission.findings.select_related("target__unit", "target__organization"))
    for index, part in enumerate(FindingPart):
        lines.append(heading(index, part.label))
        lines.extend(_part_lines(findings, part))
    follow_ups = list(mission.follow_ups.select_related("owner_unit", "owner_organization").order_by("pk"))
    lines.append(heading(len(FindingPart), _("Recommendations")))
    lines.extend((False, _task(item)) for item in follow_ups)
    recipients = _distinct([*(str(target.organization or target.unit) for target in targets), *_owners(follow_ups)])
    return lines, [*recipients, _("Archive")]


def mission_notice(user, mission, issued_on=None):
    """The registered conclusion notice (thông báo kết luận) of ``mission``, once it has concluded; issued on first ask."""
    existing = registered(mission, NOTICE_KEY)
    if existing is not None:
        return existing
    if not mission.has_concluded:
        raise ValidationError(_("A conclusion notice is issued once the mission has concluded."))
    issued_on = issued_on or timezone.localdate()
    signer = _signer(mission, issued_on)
    lines, recipients = mission_notice_body(mission, signer)
    return issue_once(
        user, mission, NOTICE_KEY, issuer=mission.leading_organization, type_code="notice", issued_on=issued_on,
        summary=_("conclusions of the %(kind)s") % {"kind": mission.get_kind_display().lower()},
        body=lines, signer=signer, recipients=recipients,
    )


def meeting_notice_body(meeting, signer=None):
    """(body lines, recipients) of the meeting's conclusion notice: the meeting, its conclusions, the tasks it set by owner."""
    attendees = [f"{a.person}, {a.title}" if a.title else str(a.person) for a in meeting.attendees.select_related("person")]
    lines = [(False, _("On %(date)s%(place)s, %(organization)s held the %(title)s%(chair)s.") % {
        "date": _date(meeting.held_on), "place": _(" at %(place)s") % {"place": meeting.place} if meeting.place else "",
        "organization": meeting.organization, "title": meeting.title, "chair": _led_by(_("; %(name)s, %(title)s, chaired it"), signer)})]
    if attendees:
        lines.append((False, _("Attending: %(list)s.") % {"list": "; ".join(attendees)}))
    if meeting.summary:
        lines.append((False, meeting.summary))
    lines.append(heading(0, _("Conclusions")))
    lines.extend((False, paragraph) for paragraph in meeting.conclusions.splitlines() if paragraph.strip())
    lines.append(heading(1, _("Tasks")))
    follow_ups = list(meeting.follow_ups.select_related("owner_unit", "owner_organization").order_by("pk"))
    owners = _distinct(_owners(follow_ups))
    for number, owner in enumerate(owners, start=1):
        lines.append((True, f"{number}. {owner}"))
        lines.extend((False, _task(item)) for item in follow_ups if str(item.owner_organization or item.owner_unit) == owner)
    return lines, [*owners, _("Archive")]


def meeting_notice(user, meeting, issued_on=None):
    """The registered conclusion notice of ``meeting`` with the tasks it set, of the organisation that held it,
    signed by its chair; issued on first ask."""
    existing = registered(meeting, NOTICE_KEY)
    if existing is not None:
        return existing
    issued_on = issued_on or timezone.localdate()
    signer = _signer_in(meeting.chair, meeting.organization, issued_on, meeting.chair_title)
    lines, recipients = meeting_notice_body(meeting, signer)
    return issue_once(
        user, meeting, NOTICE_KEY, issuer=meeting.organization, type_code="notice", issued_on=issued_on,
        summary=_("conclusions of the %(title)s") % {"title": meeting.title}, body=lines, signer=signer,
        recipients=recipients,
    )

"""Every change to missions, meetings and follow-ups: validated, one transaction, lifecycle recorded."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.choices import Role
from danvan.core.scoping import unit_within
from danvan.core.text import fold
from danvan.core.services import ensure_all_in_scope, not_in_future, require_role, save_record
from danvan.core.workflow import Step, Workflow
from danvan.oversight.choices import FollowUpStatus as F
from danvan.oversight.choices import MissionStatus as M
from danvan.oversight.models import Finding, FollowUp, Meeting, MeetingAttendee, Mission, MissionMember, MissionTarget, ProgressNote
from danvan.people.models import Position

MISSION_FLOW = Workflow(model=Mission, deletable=(M.PLANNED,), steps={
    (M.PLANNED, M.IN_PROGRESS): Step(Role.EDITOR),
    (M.IN_PROGRESS, M.CONCLUDED): Step(Role.EDITOR),
    (M.CONCLUDED, M.CLOSED): Step(Role.EDITOR),
})
FOLLOW_UP_FLOW = Workflow(model=FollowUp, deletable=(F.OPEN,), steps={
    (F.OPEN, F.IN_PROGRESS): Step(Role.EDITOR),
    (F.OPEN, F.DONE): Step(Role.EDITOR),
    (F.IN_PROGRESS, F.DONE): Step(Role.EDITOR),
    (F.OPEN, F.CANCELLED): Step(Role.EDITOR, note_required=True),
    (F.IN_PROGRESS, F.CANCELLED): Step(Role.EDITOR, note_required=True),
})


def title_held(person, on):
    """The titles ``person`` held on date ``on``, as one line ("Ủy viên Ban Thường vụ Huyện ủy, Trưởng Ban Dân vận Huyện ủy")."""
    positions = Position.objects.filter(person=person).valid_at(on or datetime.date.today()).order_by("pk")
    return ", ".join(position.title for position in positions)


# --- missions -------------------------------------------------------------------------------------

@transaction.atomic
def plan_mission(user, mission, directives=()):
    mission.status = M.PLANNED if mission.pk is None else mission.status
    ensure_all_in_scope(user, Mission, "directives", directives)
    save_record(user, mission)
    if directives:
        mission.directives.set(directives)
    return mission


@transaction.atomic
def add_member(user, mission, person, title="", is_leader=False):
    """Put a person on the mission with the title they held then; a person listed twice is refused."""
    if mission.members.filter(person=person).exists():
        raise ValidationError({"person": _("%(person)s is already a member of this mission.") % {"person": person}})
    if is_leader and mission.members.filter(is_leader=True).exists():
        raise ValidationError({"is_leader": _("The mission already has a leader.")})
    member = MissionMember(mission=mission, person=person, is_leader=is_leader, title=title.strip() or title_held(person, mission.date))
    return save_record(user, member)


@transaction.atomic
def add_target(user, mission, unit, organization=None, received_by=None, received_by_title=""):
    _ensure_within_mission(mission, unit, "unit")
    if organization is not None and organization.unit_id != unit.pk:
        raise ValidationError({"organization": _("The organisation must sit on the target unit.")})
    if received_by is not None and not received_by_title:
        received_by_title = title_held(received_by, mission.date)
    target = MissionTarget(mission=mission, unit=unit, organization=organization, received_by=received_by, received_by_title=received_by_title)
    return save_record(user, target)


def _planned_or_today(planned):
    """A date the user left empty: the planned one when it has come, else today."""
    today = datetime.date.today()
    return planned if planned is not None and planned <= today else today


@transaction.atomic
def start_mission(user, mission, started_on=None, note=""):
    mission.started_on = not_in_future("on", started_on) or mission.started_on or _planned_or_today(mission.planned_start)
    MISSION_FLOW.move(mission, M.IN_PROGRESS, user, note)
    return mission


FINDINGS_WAIT = _("Findings are recorded while a mission is in progress or concluded.")


@transaction.atomic
def record_finding(user, mission, part, text, target=None):
    if target is not None and target.mission_id != mission.pk:
        raise ValidationError({"target": _("This target belongs to another mission.")})
    if not mission.takes_findings:
        raise ValidationError({"part": FINDINGS_WAIT})
    return save_record(user, Finding(mission=mission, target=target, part=part, text=text.strip()))


@transaction.atomic
def conclude_mission(user, mission, ended_on=None, summary=None, note=""):
    planned_end = mission.planned_end if mission.planned_end and mission.planned_end >= (mission.started_on or mission.planned_end) else None
    mission.ended_on = not_in_future("on", ended_on) or mission.ended_on or _planned_or_today(planned_end)
    if summary is not None:
        mission.summary = summary
    mission.full_clean()
    MISSION_FLOW.move(mission, M.CONCLUDED, user, note)
    return mission


@transaction.atomic
def close_mission(user, mission, reason=""):
    """Close a concluded mission; while follow-ups are still open a reason is required."""
    unfinished = mission.follow_ups.unfinished().count()
    if unfinished and not reason.strip():
        raise ValidationError({"note": _("%(count)s follow-ups are still open: give a reason for closing the mission.") % {"count": unfinished}})
    MISSION_FLOW.move(mission, M.CLOSED, user, reason)
    return mission


def _ensure_within_mission(mission, unit, field):
    if not unit_within(unit, mission.unit):
        raise ValidationError({field: _("%(unit)s lies outside the units of the mission's %(home)s.") % {"unit": unit, "home": mission.unit}})


# --- meetings -------------------------------------------------------------------------------------

@transaction.atomic
def record_meeting(user, meeting, directives=()):
    if meeting.chair_id and not meeting.chair_title:
        meeting.chair_title = title_held(meeting.chair, meeting.held_on)
    ensure_all_in_scope(user, Meeting, "directives", directives)
    save_record(user, meeting)
    if directives:
        meeting.directives.set(directives)
    return meeting


@transaction.atomic
def add_attendee(user, meeting, person, title=""):
    if meeting.attendees.filter(person=person).exists() or meeting.chair_id == person.pk:
        raise ValidationError({"person": _("%(person)s is already listed for this meeting.") % {"person": person}})
    attendee = MeetingAttendee(meeting=meeting, person=person, title=title.strip() or title_held(person, meeting.held_on))
    return save_record(user, attendee)


# --- follow-ups -----------------------------------------------------------------------------------

def check_follow_up(follow_up):
    source = follow_up.mission or follow_up.meeting
    if source is None:
        raise ValidationError(_("A follow-up comes from a mission or a meeting."))
    if follow_up.deadline and follow_up.deadline < source.date:
        raise ValidationError({"deadline": _("The deadline %(deadline)s is before the %(source)s (%(date)s).") % {
            "deadline": follow_up.deadline.strftime("%d/%m/%Y"), "source": source._meta.verbose_name, "date": source.date.strftime("%d/%m/%Y")}})
    home = source.unit
    if follow_up.owner_unit_id is None or not unit_within(follow_up.owner_unit, home):
        raise ValidationError({"owner_unit": _("The owner must be a unit within %(home)s.") % {"home": home}})
    organization = follow_up.owner_organization
    if organization is not None and organization.unit_id != follow_up.owner_unit_id:
        raise ValidationError({"owner_organization": _("The owner organisation must sit on the owner unit.")})


@transaction.atomic
def assign_follow_up(user, follow_up):
    """Create or edit a recommendation or task; a new one starts open."""
    follow_up.kind = follow_up.kind or ("recommendation" if follow_up.mission_id else "task")
    check_follow_up(follow_up)
    return save_record(user, follow_up)


@transaction.atomic
def add_follow_up(user, follow_up):
    """A new recommendation or task, unless its source already gave the same one to the same owner unit."""
    same = FollowUp.objects.filter(mission_id=follow_up.mission_id, meeting_id=follow_up.meeting_id,
                                   owner_unit_id=follow_up.owner_unit_id, search_text=fold(follow_up.text))
    if same.exists():
        raise ValidationError({"text": _("%(source)s already gave %(unit)s this follow-up.")
                               % {"source": follow_up.mission or follow_up.meeting, "unit": follow_up.owner_unit}})
    return assign_follow_up(user, follow_up)


@transaction.atomic
def report_progress(user, follow_up, text, file=None, noted_on=None):
    """A progress note; the first one moves an open follow-up to in progress."""
    if follow_up.status not in F.unfinished():
        raise ValidationError({"text": _("This follow-up is finished; progress can no longer be reported.")})
    note = ProgressNote(follow_up=follow_up, text=text.strip(), noted_on=not_in_future("noted_on", noted_on) or datetime.date.today(), by=user)
    if file:
        note.file = file
    save_record(user, note)
    if follow_up.status == F.OPEN:
        FOLLOW_UP_FLOW.move(follow_up, F.IN_PROGRESS, user, text.strip()[:200])
    return note


@transaction.atomic
def complete_follow_up(user, follow_up, completed_on=None, note=""):
    follow_up.completed_on = not_in_future("on", completed_on) or datetime.date.today()
    FOLLOW_UP_FLOW.move(follow_up, F.DONE, user, note)
    return follow_up


@transaction.atomic
def cancel_follow_up(user, follow_up, reason=""):
    FOLLOW_UP_FLOW.move(follow_up, F.CANCELLED, user, reason)
    return follow_up


@transaction.atomic
def move_follow_up(user, follow_up, to, note="", on=None):
    """The one entry point for pages and API: dispatch to the service of the target state."""
    require_role(user, Role.EDITOR)
    if to == F.DONE:
        return complete_follow_up(user, follow_up, completed_on=on, note=note)
    if to == F.CANCELLED:
        return cancel_follow_up(user, follow_up, note)
    FOLLOW_UP_FLOW.move(follow_up, to, user, note)
    return follow_up


@transaction.atomic
def move_mission(user, mission, to, note="", on=None):
    """``on``: the day it happened, when not the planned day (or today)."""
    require_role(user, Role.EDITOR)
    if to == M.IN_PROGRESS:
        return start_mission(user, mission, started_on=on, note=note)
    if to == M.CONCLUDED:
        return conclude_mission(user, mission, ended_on=on, note=note)
    if to == M.CLOSED:
        return close_mission(user, mission, note)
    MISSION_FLOW.move(mission, to, user, note)
    return mission

"""Every change to dialogues and petitions: validated, scoped, one transaction, lifecycle recorded."""

import datetime
import hashlib
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from danvan.accounts.models import User
from danvan.core import ratelimit
from danvan.core.choices import Level, Role
from danvan.core.scoping import Scope, subtree_q, unit_within
from danvan.core.services import choosable, ensure_all_in_scope, not_in_future, save_record
from danvan.core.workdays.calendar import CalendarNotPublished, working_calendar
from danvan.core.workflow import Step, Workflow
from danvan.engagement.choices import PetitionStatus as P
from danvan.engagement.choices import Channel, TransferOutcome
from danvan.engagement.models import (Dialogue, HotCase, HotCaseEvent, Petition, PetitionerRead, PetitionKind, PetitionStatusLabel,
                                      PetitionTracking, PetitionTransfer)
from danvan.organizations.choices import KindCategory
from danvan.organizations.models import Organization
from danvan.people.models import Position

PETITION_FLOW = Workflow(model=Petition, deletable=(P.RECEIVED,), steps={
    (P.RECEIVED, P.TRANSFERRED): Step(Role.EDITOR),
    (P.ACCEPTED, P.TRANSFERRED): Step(Role.EDITOR),
    (P.RETURNED, P.TRANSFERRED): Step(Role.EDITOR),
    (P.RECEIVED, P.ACCEPTED): Step(Role.EDITOR),
    (P.TRANSFERRED, P.ACCEPTED): Step(Role.EDITOR),
    (P.TRANSFERRED, P.RETURNED): Step(Role.EDITOR, note_required=True),
    (P.RECEIVED, P.ANSWERED): Step(Role.EDITOR),
    (P.ACCEPTED, P.ANSWERED): Step(Role.EDITOR),
    (P.ANSWERED, P.CLOSED): Step(Role.EDITOR),
})


# --- dialogues ------------------------------------------------------------------------------------

def titles_held(person_id, unit_id, day):
    """The titles a person held in the organisations of a unit on a day, joined: "" when none."""
    return ", ".join(Position.objects.filter(person_id=person_id, organization__unit_id=unit_id)
                     .valid_at(day).order_by("pk").values_list("title", flat=True))


def chair_title_on(dialogue):
    """The titles the chair held at the dialogue's unit that day; a chair without one is refused."""
    titles = titles_held(dialogue.chair_id, dialogue.unit_id, dialogue.date)
    if not titles:
        raise ValidationError({"chair": _("%(person)s held no title at %(unit)s on %(date)s: a dialogue is chaired by a leader of its unit.")
                               % {"person": dialogue.chair, "unit": dialogue.unit, "date": dialogue.date.strftime("%d/%m/%Y")}})
    return titles


@transaction.atomic
def record_dialogue(user, dialogue, organizations=None):
    """Create or edit a dialogue; ``organizations`` (None: unchanged) hold it and sit within its unit."""
    not_in_future("date", dialogue.date)
    if dialogue.chair_id and dialogue.unit_id and dialogue.date:
        dialogue.chair_title = chair_title_on(dialogue)
    if organizations is not None:
        organizations = list(organizations)
        if not organizations:
            raise ValidationError({"organizations": _("Name the organisations that held the dialogue.")})
        ensure_all_in_scope(user, Dialogue, "organizations", organizations)
        for organization in organizations:
            if dialogue.unit_id and not unit_within(organization.unit, dialogue.unit):
                raise ValidationError({"organizations": _("%(organization)s does not sit within %(unit)s.")
                                       % {"organization": organization, "unit": dialogue.unit}})
    elif dialogue.pk is None:
        raise ValidationError({"organizations": _("Name the organisations that held the dialogue.")})
    save_record(user, dialogue)
    if organizations is not None:
        dialogue.organizations.set(organizations)
    return dialogue


# --- petitions ------------------------------------------------------------------------------------

def _set_deadline(petition, may_wait, calendar=None):
    """The kind's time limit counted in working days from the day after receipt, never typed. When its year's days
    off are not entered yet it is refused beside the date, never guessed, unless the petition ``may_wait`` (a
    citizen's from the public page, or one already waiting): then it is kept with no deadline and the year it waits for."""
    try:
        petition.deadline = (calendar or working_calendar()).add(petition.received_on, petition.kind.time_limit_days)
        petition.deadline_pending_year = None
    except CalendarNotPublished as error:
        if not may_wait:
            raise ValidationError({"received_on": error.messages}) from error
        petition.deadline, petition.deadline_pending_year = None, error.year


def compute_pending_deadlines(year=None, **kwargs):
    """Receiver of ``core.signals.calendar_published``: the deadlines that waited for a calendar year, computed in
    one pass once it is entered; one that falls further still waits for the next year. Returns how many were set."""
    calendar = working_calendar()
    waiting = list(Petition.objects.filter(deadline_pending_year__isnull=False).select_related("kind").only(
        "pk", "received_on", "answered_on", "kind__time_limit_days", "deadline", "deadline_pending_year"))
    done = 0
    for petition in waiting:
        if petition.answered_on is not None:
            # Answered while it waited, so on time (queries._counted): a deadline set now could only call it late.
            petition.deadline_pending_year = None
            continue
        _set_deadline(petition, may_wait=True, calendar=calendar)
        done += petition.deadline is not None
    Petition.objects.bulk_update(waiting, ["deadline", "deadline_pending_year"], batch_size=1000)
    return done


def in_chain(body, unit):
    """Whether ``body`` sits on ``unit``, on a unit above it or on one below it: where a petition may be sent."""
    return body is not None and (unit_within(body.unit, unit) or body.unit_id in unit.ancestor_ids())


def chain_bodies(user, petition):
    """The bodies ``user`` may send ``petition`` to: on its unit, above it or below it, existing on a day since it
    was received (a petition of May 2025 went to the bodies of a commune merged in July)."""
    unit = petition.unit
    return (Organization.objects.in_chain_of(user).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=petition.received_on))
            .filter(Q(unit_id__in=unit.ancestor_ids()) | subtree_q(unit.path, "unit__path"))
            .select_related("unit").order_by("unit__path", "name"))


def _ensure_in_chain(body, petition, field):
    if not in_chain(body, petition.unit):
        raise ValidationError({field: _("%(body)s is outside the chain of units of %(unit)s: send a petition to a body of this unit, of a unit above it or of one below it.")
                               % {"body": body, "unit": petition.unit}})


def may_see_petitioner(user, petition=None):
    """The separate permission of Nghị định 13/2023, within the user's scope."""
    if not user.has_perm("engagement.view_petitioner"):
        return False
    return petition is None or Scope.for_user(user).contains(petition.unit)


@transaction.atomic
def record_petition(user, petition, deadline_may_wait=False):
    """Record a new petition or edit one; the deadline is computed, never typed; the body is changed by a transfer.
    A deadline past the last calendar year entered is refused, unless ``deadline_may_wait`` (the public page: a
    citizen's petition is never lost) or the petition already waits: then it waits for that year's calendar."""
    if petition.pk is None:
        petition.status = P.RECEIVED
    else:
        loaded = getattr(petition, "loaded", {})
        if loaded.get("assigned_to_id") not in (None, petition.assigned_to_id):
            raise ValidationError({"assigned_to": _("The body handling a petition changes by a transfer, not by editing it.")})
        if any(loaded.get(name) != getattr(petition, name) for name in Petition.PERSONAL_FIELDS if name in loaded) and not may_see_petitioner(user, petition):
            raise PermissionDenied(_("Only a user allowed to see the petitioner's data may change it."))
    not_in_future("received_on", petition.received_on)
    if petition.dialogue_id and petition.unit_id and not unit_within(petition.unit, petition.dialogue.unit):
        raise ValidationError({"dialogue": _("The dialogue was held at %(unit)s, not in the unit the petition concerns.") % {"unit": petition.dialogue.unit}})
    if petition.assigned_to_id and petition.unit_id:
        _ensure_in_chain(petition.assigned_to, petition, "assigned_to")
    escalated = petition.escalated_from()
    if escalated is not None:  # not recorded (a petition from before the field): the earlier reading stays
        petition.is_escalated = escalated
    if petition.received_on and petition.kind_id:
        _set_deadline(petition, deadline_may_wait or petition.deadline_pending_year is not None)
    return save_record(user, petition)


def _pending_transfer(petition):
    return petition.transfers.filter(outcome=TransferOutcome.PENDING).order_by("-sent_on", "-pk").first()


def _day(field, on, petition):
    day = not_in_future(field, on) or datetime.date.today()
    if day < petition.received_on:
        raise ValidationError({field: _("This date is before the petition was received (%(date)s).") % {"date": petition.received_on.strftime("%d/%m/%Y")}})
    return day


@transaction.atomic
def transfer_petition(user, petition, to_body, sent_on=None, note=""):
    """Send the petition to another body in the chain of its unit; it waits there to be accepted or returned."""
    allowed = choosable(user, Petition, "assigned_to")
    if to_body is None or not allowed.filter(pk=to_body.pk).exists():
        raise ValidationError({"to_body": _("“%(field)s”: the chosen record is outside the units you work on.") % {"field": _("to")}})
    _ensure_in_chain(to_body, petition, "to_body")
    if to_body.pk == petition.assigned_to_id and petition.status != P.RETURNED:
        raise ValidationError({"to_body": _("The petition is already with %(body)s.") % {"body": to_body}})
    sent_on = _day("sent_on", sent_on, petition)
    from_body = petition.assigned_to
    petition.assigned_to = to_body
    PETITION_FLOW.move(petition, P.TRANSFERRED, user, note)
    return save_record(user, PetitionTransfer(petition=petition, from_body=from_body, to_body=to_body, sent_on=sent_on))


def _decide(user, petition, outcome, on, reason=""):
    pending = _pending_transfer(petition)
    if pending is not None:
        pending.outcome, pending.decided_on, pending.reason = outcome, _day("on", on, petition), reason
        save_record(user, pending)
    return pending


@transaction.atomic
def accept_petition(user, petition, on=None, note=""):
    """The assigned body takes the petition up (thụ lý)."""
    _decide(user, petition, TransferOutcome.ACCEPTED, on)
    PETITION_FLOW.move(petition, P.ACCEPTED, user, note)
    return petition


@transaction.atomic
def return_petition(user, petition, reason, on=None):
    """The body a petition was sent to returns it with a reason; it goes back to the sender to be re-assigned."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for returning the petition.")})
    pending = _decide(user, petition, TransferOutcome.RETURNED, on, reason)
    if pending is not None and pending.from_body_id:
        petition.assigned_to = pending.from_body
    PETITION_FLOW.move(petition, P.RETURNED, user, reason)
    return petition


@transaction.atomic
def answer_petition(user, petition, answer, on=None):
    """The public answer, dated: on time or late is read from this date against the deadline."""
    answer = (answer or "").strip()
    if not answer:
        raise ValidationError({"answer": _("Write the answer given to the petitioner.")})
    petition.answer, petition.answered_on = answer, _day("answered_on", on, petition)
    petition.full_clean()
    PETITION_FLOW.move(petition, P.ANSWERED, user, "")
    return petition


@transaction.atomic
def close_petition(user, petition, satisfaction="", note=""):
    petition.satisfaction = satisfaction or ""
    petition.full_clean()
    PETITION_FLOW.move(petition, P.CLOSED, user, note)
    return petition


def petitioner_of(user, petition, surface="page"):
    """The petitioner's name and contact for a user allowed to see them, each read logged; None for anyone else."""
    if not may_see_petitioner(user, petition):
        return None
    PetitionerRead.objects.create(petition=petition, user=user, surface=surface)
    return {"name": petition.petitioner_name, "contact": petition.petitioner_contact}


def log_petitioner_reads(user, petitions, surface):
    """One log row per petition whose petitioner ``user`` was shown (a list of the API, an export)."""
    PetitionerRead.objects.bulk_create([PetitionerRead(petition=petition, user=user, surface=surface) for petition in petitions])


# --- the public page ------------------------------------------------------------------------------

# Crockford's base32: no I, L, O or U, so a code read over the phone or copied by hand is typed right.
TRACKING_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
TRACKING_LENGTH = 10  # 50 random bits: no one finds another person's petition by trying codes
TYPED_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
# Per address and per commune, in an hour: a family writes a few, a flood writes hundreds.
PER_ADDRESS, PER_COMMUNE, WINDOW_SECONDS = 5, 60, 60 * 60


def normalized_code(typed):
    return "".join(ch for ch in (typed or "").upper().translate(TYPED_AS) if ch in TRACKING_ALPHABET)[:TRACKING_LENGTH * 2]


def tracking_hash(code):
    return hashlib.sha256(normalized_code(code).encode()).hexdigest()


def shown_code(code):
    """``ABCDE-FGHJK``: two halves a person reads and types without losing their place."""
    return f"{code[:5]}-{code[5:]}"


def receiving_body(unit, on=None):
    """The body that receives a petition for ``unit`` that day when nobody has assigned one: its People's Committee
    (what the public page sends to a commune, what the review queue reads in a report)."""
    bodies = (Organization.objects.filter(unit=unit, kind__category=KindCategory.GOVERNMENT)
              .valid_at(on or datetime.date.today()))
    return bodies.filter(kind__code="ubnd").order_by("pk").first() or bodies.order_by("pk").first()


def online_kind():
    """A petition sent online is a kiến nghị until an official reads it: the first kind not under its own law."""
    return PetitionKind.objects.filter(own_law=False).order_by("order", "pk").first()


def _citizen(commune):
    """Who writes what the public page sends: nobody's account, but confined to the commune as its editor
    would be, so every check of ``record_petition`` (scope, chain of units, deadline) applies unchanged."""
    return User(username="", role=Role.EDITOR, unit=commune, is_active=True)


@transaction.atomic
def submit_online_petition(commune, field, content, name="", contact="", address=""):
    """A citizen's petition to ``commune`` through the public page; returns (petition, tracking code).
    A flood from one address or on one commune is refused before anything is written."""
    content = (content or "").strip()
    if not content:
        raise ValidationError({"content": _("Write what you request or report.")})
    if commune is None or commune.level != Level.COMMUNE or commune.is_legacy:
        raise ValidationError({"unit": _("Choose a commune as it is today.")})
    body, kind = receiving_body(commune), online_kind()
    if body is None or kind is None:
        raise ValidationError({"unit": _("%(unit)s does not yet receive petitions online. Please send it by letter or at the reception office.") % {"unit": commune}})
    if not (ratelimit.hit("petition-address", address, PER_ADDRESS, WINDOW_SECONDS)
            and ratelimit.hit("petition-commune", commune.pk, PER_COMMUNE, WINDOW_SECONDS)):
        raise ValidationError(_("Too many petitions have been sent from here or to this commune in the last hour. Please try again later."))
    petition = Petition(unit=commune, channel=Channel.ONLINE, kind=kind, field=field, content=content,
                        petitioner_name=(name or "").strip(), petitioner_contact=(contact or "").strip(),
                        received_on=datetime.date.today(), assigned_to=body)
    record_petition(_citizen(commune), petition, deadline_may_wait=True)
    while True:
        code = "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(TRACKING_LENGTH))
        if not PetitionTracking.objects.filter(code_hash=tracking_hash(code)).exists():
            break
    PetitionTracking.objects.create(petition=petition, code_hash=tracking_hash(code))
    return petition, code


def petition_tracked_by(code):
    """The petition whose tracking code is ``code`` (as typed: case, spaces, dashes, O for 0 forgiven), or None."""
    if len(normalized_code(code)) != TRACKING_LENGTH:
        return None
    tracking = (PetitionTracking.objects.filter(code_hash=tracking_hash(code))
                .select_related("petition__unit", "petition__field", "petition__assigned_to").first())
    return tracking.petition if tracking else None


# --- repeats, hot cases ---------------------------------------------------------------------------

def _petitions_in_scope(user, petitions, field):
    """Refuse any of ``petitions`` the user cannot see, as the forms' related fields do."""
    pks = {petition.pk for petition in petitions}
    if Petition.objects.visible_to(user).filter(pk__in=pks).count() != len(pks):
        raise ValidationError({field: _("“%(field)s”: the chosen record is outside the units you work on.") % {"field": _("petition")}})


@transaction.atomic
def merge_petitions(user, keep, repeats):
    """Merge ``repeats`` (the same matter sent again) into ``keep``: they stay on record, each pointing at
    ``keep``, and the statistics count the matter once (``Petition.objects.distinct_cases()``). A repeat's own
    repeats move to ``keep``, so a matter is never a chain."""
    repeats = [petition for petition in repeats if petition is not None]
    if not repeats:
        raise ValidationError({"repeats": _("Choose the repeat petitions to merge.")})
    _petitions_in_scope(user, [keep, *repeats], "repeats")
    if keep.repeat_of_id is not None:
        raise ValidationError({"repeats": _("This petition is itself merged into another: merge into that one.")})
    for repeat in repeats:
        if repeat.pk == keep.pk:
            raise ValidationError({"repeats": _("A petition cannot be merged into itself.")})
        if repeat.unit_id != keep.unit_id:
            raise ValidationError({"repeats": _("%(petition)s concerns %(unit)s: only petitions about the same unit are merged.")
                                   % {"petition": repeat, "unit": repeat.unit}})
    for repeat in repeats:
        for own in Petition.objects.filter(repeat_of=repeat):
            own.repeat_of = keep
            save_record(user, own)
        repeat.repeat_of = keep
        save_record(user, repeat)
    return keep


@transaction.atomic
def unmerge_petition(user, petition):
    """Take a petition merged by mistake out of the matter it was merged into (tách khỏi vụ việc): it counts as a
    matter of its own again. Scoped as the merge is; the change of ``repeat_of`` is kept in the petition's history."""
    _petitions_in_scope(user, [petition], "repeat_of")
    if petition.repeat_of_id is None:
        raise ValidationError({"repeat_of": _("This petition is not merged into another.")})
    petition.repeat_of = None
    return save_record(user, petition)


def leader_title_on(case):
    """The titles the leader held at the case's unit on the day it opened; someone without one is refused."""
    titles = titles_held(case.leader_id, case.unit_id, case.opened_on)
    if not titles:
        raise ValidationError({"leader": _("%(person)s held no title at %(unit)s on %(date)s: a hot case is led by a leader of its unit.")
                               % {"person": case.leader, "unit": case.unit, "date": case.opened_on.strftime("%d/%m/%Y")}})
    return titles


@transaction.atomic
def record_case(user, case):
    """Create or edit a hot case; the leader's title is read from their positions, settling is a step of its own."""
    not_in_future("opened_on", case.opened_on)
    if case.leader_id and case.unit_id and case.opened_on:
        case.leader_title = leader_title_on(case)
    if case.pk is not None and case.unit_id and case.petitions.exclude(subtree_q(case.unit.path, "unit__path")).exists():
        raise ValidationError({"unit": _("Some petitions of this case concern units outside %(unit)s.") % {"unit": case.unit}})
    return save_record(user, case)


def _case_day(field, on, case):
    day = not_in_future(field, on) or datetime.date.today()
    if day < case.opened_on:
        raise ValidationError({field: _("This date is before the case was opened (%(date)s).") % {"date": case.opened_on.strftime("%d/%m/%Y")}})
    return day


def _text(field, text, message):
    text = (text or "").strip()
    if not text:
        raise ValidationError({field: message})
    return text


@transaction.atomic
def add_case_event(user, case, text, on=None):
    """One entry of the timeline: what was done that day."""
    if case.settled:
        raise ValidationError(_("The case is settled: reopen it before recording what else was done."))
    event = HotCaseEvent(case=case, date=_case_day("date", on, case), text=_text("text", text, _("Write what was done.")), recorded_by=user)
    return save_record(user, event)


@transaction.atomic
def settle_case(user, case, settlement, on=None):
    """The case is settled on ``on``: it leaves the overviews of its units."""
    if case.settled:
        raise ValidationError(_("The case was already settled on %(date)s.") % {"date": case.settled_on.strftime("%d/%m/%Y")})
    settlement = _text("settlement", settlement, _("Write how the case was settled."))
    case.settled_on, case.settlement = _case_day("settled_on", on, case), settlement
    save_record(user, case)
    return case


@transaction.atomic
def reopen_case(user, case, reason):
    """A settled case flares up again: back on the overviews, the reason kept on its timeline."""
    if not case.settled:
        raise ValidationError(_("The case is not settled."))
    reason = _text("reason", reason, _("Give the reason for reopening the case."))
    case.settled_on, case.settlement = None, ""
    save_record(user, case)
    save_record(user, HotCaseEvent(case=case, date=datetime.date.today(), recorded_by=user,
                                   text=_("Reopened: %(reason)s") % {"reason": reason}))
    return case


@transaction.atomic
def link_petition(user, petition, case):
    """Group ``petition`` into ``case`` (None: take it out); it must concern the case's unit or a unit below it."""
    _petitions_in_scope(user, [petition], "case")
    if case is not None:
        if not HotCase.objects.visible_to(user).filter(pk=case.pk).exists():
            raise ValidationError({"case": _("“%(field)s”: the chosen record is outside the units you work on.") % {"field": _("hot case")}})
        if not unit_within(petition.unit, case.unit):
            raise ValidationError({"case": _("The petition concerns %(unit)s, outside %(case_unit)s where the case is followed.")
                                   % {"unit": petition.unit, "case_unit": case.unit}})
    petition.case = case
    return save_record(user, petition)


# --- a province's status labels --------------------------------------------------------------------

@transaction.atomic
def record_status_label(user, label):
    """A province's administrator renames a status for the province; what the status means (its type) stays."""
    if label.unit_id and label.unit.level != Level.PROVINCE:
        raise ValidationError({"unit": _("A status is renamed for a whole province: choose a province.")})
    label.label = (label.label or "").strip()
    if label.status and PetitionStatusLabel.objects.filter(unit_id=label.unit_id, status=label.status).exclude(pk=label.pk).exists():
        raise ValidationError({"status": _("This province has already renamed this status: edit that label instead.")})
    return save_record(user, label, role=Role.ADMINISTRATOR)

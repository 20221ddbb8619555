"""Every state change of the movement: registration, its lifecycle, appraisal, recognition,
replication, results and attachments. Each runs in one transaction and is used alike by
the pages, the API, the import and the demo."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import aggregates
from danvan.core.choices import Level, Role
from danvan.core.scoping import Scope
from danvan.core.services import ensure_in_scope, not_in_future, require_role, save_record
from danvan.core.uploads import DOCUMENT_CHECK, IMAGE_CHECK
from danvan.core.workflow import Step, Workflow
from danvan.movement.choices import AppraisalOutcome, AttachmentKind, RecognitionLevel, Status
from danvan.movement.models import Appraisal, Criterion, CriterionCheck, Initiative, Recognition, Replication, ResultUpdate

# After 1 July 2025 there are no districts, so no new district-level recognition.
REFORM = datetime.date(2025, 7, 1)
STEERING_COMMITTEE_KIND = "ban-chi-dao-qcdc-dvk"

INITIATIVE_FLOW = Workflow(model=Initiative, deletable=(Status.DRAFT, Status.RETURNED), steps={
    (Status.DRAFT, Status.SUBMITTED): Step(Role.EDITOR),
    (Status.RETURNED, Status.SUBMITTED): Step(Role.EDITOR),
    (Status.SUBMITTED, Status.REGISTERED): Step(Role.APPROVER),
    (Status.SUBMITTED, Status.RETURNED): Step(Role.APPROVER, note_required=True),
    (Status.REGISTERED, Status.UNDER_APPRAISAL): Step(Role.APPROVER),
    (Status.NOT_RECOGNISED, Status.UNDER_APPRAISAL): Step(Role.APPROVER),
    (Status.UNDER_APPRAISAL, Status.RECOGNISED): Step(Role.APPROVER),
    (Status.UNDER_APPRAISAL, Status.NOT_RECOGNISED): Step(Role.APPROVER),
    # Recognised again at a higher level in a later year: the status stays, the step is recorded.
    (Status.RECOGNISED, Status.RECOGNISED): Step(Role.APPROVER),
    (Status.REGISTERED, Status.SUSPENDED): Step(Role.APPROVER, note_required=True),
    (Status.RECOGNISED, Status.SUSPENDED): Step(Role.APPROVER, note_required=True),
    (Status.SUSPENDED, Status.REGISTERED): Step(Role.APPROVER),
    (Status.REGISTERED, Status.ENDED): Step(Role.APPROVER, note_required=True),
    (Status.RECOGNISED, Status.ENDED): Step(Role.APPROVER, note_required=True),
    (Status.NOT_RECOGNISED, Status.ENDED): Step(Role.APPROVER, note_required=True),
    (Status.SUSPENDED, Status.ENDED): Step(Role.APPROVER, note_required=True),
})

# Moves a person makes by name on the page or through the API; appraisal and recognition have their own services.
SIMPLE_MOVES = {
    "submit": Status.SUBMITTED,
    "approve": Status.REGISTERED,  # from submitted; from suspended the same target is "resume"
    "return": Status.RETURNED,
    "start-appraisal": Status.UNDER_APPRAISAL,
    "not-recognised": Status.NOT_RECOGNISED,
    "suspend": Status.SUSPENDED,
    "resume": Status.REGISTERED,
    "end": Status.ENDED,
}


class DuplicateRegistration(ValidationError):
    """The same name, owner and phase is registered already; saved only when the user confirms."""


# ---------------------------------------------------------------- registration

def find_duplicates(initiative):
    key = Initiative.make_duplicate_key(
        initiative.name, initiative.owner_organization_id, initiative.owner_person_id, initiative.phase_id
    )
    return Initiative.objects.filter(duplicate_key=key).exclude(pk=initiative.pk)


def _check_duplicate(initiative, confirm_duplicate):
    if confirm_duplicate:
        return
    duplicate = find_duplicates(initiative).first()
    if duplicate is not None:
        raise DuplicateRegistration(
            {"name": _("“%(name)s” of the same owner is already registered for this phase (no. %(pk)s). "
                       "Tick “register anyway” to save it all the same.") % {"name": duplicate.name, "pk": duplicate.pk}},
            code="duplicate",
        )


@transaction.atomic
@aggregates.tracks("initiative")
def register_initiative(user, initiative, fields=None, confirm_duplicate=False):
    """Create or update a registration (status draft when new); ``fields`` are the Field records."""
    if initiative.pk is None:
        initiative.status = Status.DRAFT
    if fields is not None and not list(fields):
        raise ValidationError({"fields": _("Choose at least one field.")})
    _check_duplicate(initiative, confirm_duplicate)
    save_record(user, initiative, Role.EDITOR, exclude=["fields"])
    if fields is not None:
        initiative.fields.set(fields)
    return initiative


@transaction.atomic
@aggregates.tracks("initiative")
def move(user, initiative, to, note=""):
    """Move ``initiative`` to status ``to`` if the lifecycle and the user's role allow it."""
    ensure_in_scope(user, initiative)
    return INITIATIVE_FLOW.move(initiative, to, user, note)


def submit(user, initiative, note=""):
    return move(user, initiative, Status.SUBMITTED, note)


def approve_registration(user, initiative, note=""):
    return move(user, initiative, Status.REGISTERED, note)


def return_registration(user, initiative, note):
    return move(user, initiative, Status.RETURNED, note)


# ---------------------------------------------------------------- appraisal and recognition

def approver_level(user):
    """The highest recognition level ``user`` may grant: their unit's level, central for national users."""
    if user.unit_id is None:
        return RecognitionLevel.CENTRAL
    return min(user.unit.level, Level.COMMUNE)


def check_level_allowed(user, level, decided_on):
    if level < approver_level(user):
        raise ValidationError({"level": _(
            "You can grant recognition at most at the %(allowed)s level, the level of your unit; %(level)s is above it."
        ) % {"allowed": RecognitionLevel(approver_level(user)).label.lower(), "level": RecognitionLevel(level).label.lower()}})
    if level == RecognitionLevel.DISTRICT and decided_on >= REFORM:
        raise ValidationError({"level": _(
            "Districts were abolished on 01/07/2025: no new district-level recognition can be made after that date."
        )})


APPRAISABLE = (Status.REGISTERED, Status.NOT_RECOGNISED, Status.UNDER_APPRAISAL, Status.RECOGNISED)


def _prepare_for_appraisal(user, initiative):
    if initiative.status in (Status.REGISTERED, Status.NOT_RECOGNISED):
        INITIATIVE_FLOW.move(initiative, Status.UNDER_APPRAISAL, user)
    elif initiative.status not in APPRAISABLE:
        raise ValidationError(_("Only a registered initiative can be appraised; this one is “%(status)s”.")
                              % {"status": initiative.get_status_display()})


@transaction.atomic
@aggregates.tracks("initiative")
def appraise(user, initiative, *, level, year, outcome, checks=(), appraisers="", date=None, score=None, note=""):
    """Record an appraisal; ``checks`` are (criterion, met, evidence, score) tuples.

    A "not met" outcome ends the appraisal as not recognised, unless the initiative is
    already recognised at a lower level (then it simply stays so).
    """
    require_role(user, Role.APPROVER)
    ensure_in_scope(user, initiative)
    not_in_future("date", date)
    check_level_allowed(user, level, date or datetime.date.today())
    checks = list(checks)
    if checks:
        _check_sheet(initiative, outcome, checks)
        if score is None and any(check[3] is not None for check in checks):
            score = sum(check[3] for check in checks if check[3] is not None)
    _prepare_for_appraisal(user, initiative)
    appraisal = Appraisal(
        initiative=initiative, level=level, year=year, outcome=outcome, appraisers=appraisers,
        date=date, score=score, note=note, appraised_by=user,
    )
    save_record(user, appraisal, Role.APPROVER)
    CriterionCheck.objects.bulk_create(
        CriterionCheck(appraisal=appraisal, criterion=criterion, met=met, evidence=evidence, score=check_score)
        for criterion, met, evidence, check_score in checks
    )
    if outcome == AppraisalOutcome.NOT_MET and initiative.status == Status.UNDER_APPRAISAL:
        INITIATIVE_FLOW.move(initiative, Status.NOT_RECOGNISED, user, note)
    return appraisal


def _check_sheet(initiative, outcome, checks):
    """A scoring sheet covers every criterion of the initiative's holder kind once, within each maximum,
    and concludes "met" only when every criterion is met."""
    expected = {criterion.pk: criterion for criterion in Criterion.objects.filter(holder=initiative.holder)}
    given = [check[0] for check in checks]
    if sorted(criterion.pk for criterion in given) != sorted(expected):
        raise ValidationError(_("The scoring sheet must answer each criterion for %(holder)s once.")
                              % {"holder": initiative.get_holder_display().lower()})
    errors = {}
    for criterion, met, _evidence, score in checks:
        if score is not None and (score < 0 or (criterion.max_score is not None and score > criterion.max_score)):
            errors[f"score_{criterion.pk}"] = _("The score of “%(criterion)s” must be between 0 and %(max)s.") % {
                "criterion": criterion, "max": criterion.max_score if criterion.max_score is not None else "…"}
    unmet = [str(criterion) for criterion, met, *_rest in checks if not met]
    if unmet and outcome != AppraisalOutcome.NOT_MET:
        errors["outcome"] = _("An initiative that does not meet “%(criteria)s” cannot be concluded as met.") % {
            "criteria": "”, “".join(unmet)}
    if errors:
        raise ValidationError(errors)


def steering_committee_for(unit, level):
    """The steering committee of ``level`` above (or on) ``unit``: the body that recognises at that level."""
    from danvan.organizations.models import Organization
    from danvan.units.models import Unit

    ancestors = [pk for pk in [*unit.ancestor_ids(), unit.pk]]
    at_level = Unit.objects.filter(pk__in=ancestors, level=level).values("pk")
    return Organization.objects.filter(unit__in=at_level, kind__code=STEERING_COMMITTEE_KIND).first()


def _check_higher_than_before(initiative, level, year):
    previous = initiative.recognitions.order_by("level").first()
    if previous is None:
        return
    if level >= previous.level:
        raise ValidationError({"level": _("This initiative is already recognised at the %(level)s level (%(year)s); "
                                          "a new recognition must be at a higher level.")
                               % {"level": previous.get_level_display().lower(), "year": previous.year}})
    if year < previous.year:
        raise ValidationError({"year": _("A higher-level recognition cannot come before the %(year)s recognition.")
                               % {"year": previous.year}})


@transaction.atomic
@aggregates.tracks("initiative")
def recognise_initiative(user, initiative, *, level, year, decided_on=None, document="", outstanding=False,
                         appraisal=None, recognising_body=None, note=""):
    """Recognise at ``level`` in ``year``: refused above the approver's level, for a draft, or not above an earlier one."""
    require_role(user, Role.APPROVER)
    ensure_in_scope(user, initiative)
    decided_on = decided_on or datetime.date.today()
    check_level_allowed(user, level, decided_on)
    INITIATIVE_FLOW.check(initiative, Status.RECOGNISED, user, note)
    _check_higher_than_before(initiative, level, year)
    recognition = Recognition(
        initiative=initiative, level=level, year=year, decided_on=decided_on, document=document,
        outstanding=outstanding, appraisal=appraisal, granted_by=user,
        recognising_body=recognising_body or steering_committee_for(initiative.unit, level),
    )
    save_record(user, recognition, Role.APPROVER)
    initiative.recognised_on = decided_on
    initiative.highest_level = level
    initiative.is_outstanding = initiative.is_outstanding or outstanding
    INITIATIVE_FLOW.move(initiative, Status.RECOGNISED, user, note or str(recognition))
    return recognition


@transaction.atomic
def appraise_batch(user, rows, *, level, year, decided_on, document="", appraisers=""):
    """An appraisal session: each (initiative, outcome, outstanding) appraised, the met ones recognised; all or nothing."""
    for initiative, outcome, outstanding in rows:
        try:
            appraisal = appraise(user, initiative, level=level, year=year, outcome=outcome, appraisers=appraisers, date=decided_on)
            if outcome != AppraisalOutcome.NOT_MET:
                recognise_initiative(user, initiative, level=level, year=year, decided_on=decided_on, document=document,
                                     appraisal=appraisal, outstanding=outstanding)
        except ValidationError as error:
            raise ValidationError(f"{initiative.name}: {' '.join(error.messages)}") from error
    return len(rows)


# ---------------------------------------------------------------- replication, results, attachments

@transaction.atomic
@aggregates.tracks("origin")
def replicate(user, origin, *, unit, adopted_on, adopter=None, note=""):
    require_role(user, Role.EDITOR)
    ensure_in_scope(user, origin)
    if adopter is not None and adopter.pk == origin.pk:
        raise ValidationError({"adopter": _("An initiative cannot be a replication of itself.")})
    if unit.pk == origin.unit_id:
        raise ValidationError({"unit": _("A replication must be in another place than the origin (%(unit)s).")
                               % {"unit": origin.unit}})
    if Replication.objects.filter(origin=origin, unit=unit).exists():
        raise ValidationError({"unit": _("This initiative is already replicated in %(unit)s.") % {"unit": unit}})
    return save_record(user, Replication(origin=origin, unit=unit, adopted_on=adopted_on, adopter=adopter, note=note))


FIGURES = ("beneficiaries", "households_out_of_poverty", "money_mobilised", "workdays_mobilised", "road_km")


@transaction.atomic
@aggregates.tracks("initiative")
def record_result(user, initiative, *, date, text, **figures):
    """Add a result update; the latest date is kept on the initiative for the formalism watch."""
    require_role(user, Role.EDITOR)
    ensure_in_scope(user, initiative)
    unknown = set(figures) - set(FIGURES)
    if unknown:
        raise ValidationError(_("Unknown figures: %(names)s.") % {"names": ", ".join(sorted(unknown))})
    not_in_future("date", date)
    update = save_record(user, ResultUpdate(initiative=initiative, date=date, text=text, recorded_by=user, **figures))
    if initiative.last_result_on is None or date > initiative.last_result_on:
        initiative.last_result_on = date
        initiative.save(update_fields=["last_result_on"])
    return update


@transaction.atomic
def add_attachment(user, initiative, *, file, kind=AttachmentKind.PHOTO, title="", is_public=False):
    """Keep a photo or document with an initiative, checked by content and size; an image is kept re-encoded."""
    require_role(user, Role.EDITOR)
    ensure_in_scope(user, initiative)
    check = IMAGE_CHECK if kind == AttachmentKind.PHOTO else DOCUMENT_CHECK
    try:
        file = check.clean(file)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    return initiative.attachments.create(file=file, kind=kind, title=title, is_public=is_public, uploaded_by=user)


def available_moves(user, initiative):
    """The named moves ``user`` may make on ``initiative`` now (for buttons and the API)."""
    if not Scope.for_user(user).contains(initiative.unit):
        return []
    targets = set(INITIATIVE_FLOW.targets(initiative, user))
    resuming = initiative.status == Status.SUSPENDED
    return [
        name for name, to in SIMPLE_MOVES.items()
        if to in targets and to != initiative.status and (name != "resume" or resuming) and (name != "approve" or not resuming)
    ]

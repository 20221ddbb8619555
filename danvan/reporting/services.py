"""Every state change of periodic reporting: periods opened, figures entered, reports sent, returned, accepted."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.choices import Role
from danvan.core.scoping import unit_within
from danvan.core.services import ensure_in_scope, require_role, save_record
from danvan.core.workflow import Step, Workflow
from danvan.movement.models import Phase
from danvan.organizations.models import Organization
from danvan.reporting import queries
from danvan.reporting.choices import PeriodType
from danvan.reporting.choices import SubmissionStatus as S
from danvan.reporting.models import MAX_VALUE, ReportingPeriod, Submission, SubmissionValue, month_end
from danvan.units.models import Unit

SUBMISSION_FLOW = Workflow(model=Submission, steps={
    (S.DRAFT, S.SUBMITTED): Step(Role.EDITOR),
    (S.SUBMITTED, S.ACCEPTED): Step(Role.APPROVER),
    (S.SUBMITTED, S.RETURNED): Step(Role.APPROVER, note_required=True),
    (S.RETURNED, S.RESUBMITTED): Step(Role.EDITOR),
    (S.RESUBMITTED, S.ACCEPTED): Step(Role.APPROVER),
    (S.RESUBMITTED, S.RETURNED): Step(Role.APPROVER, note_required=True),
})

# A figure this far from the previous period's (more than double, or less than half, by at least 10) asks to be confirmed.
FAR_FACTOR, FAR_MINIMUM = 2, 10


# ---------------------------------------------------------------- periods

def _periods_of_year(period_type, year):
    if period_type == PeriodType.MONTH:
        return [(datetime.date(year, month, 1), month_end(year, month)) for month in range(1, 13)]
    if period_type == PeriodType.QUARTER:
        return [(datetime.date(year, month, 1), month_end(year, month + 2)) for month in (1, 4, 7, 10)]
    last_month = {PeriodType.SIX_MONTHS: 6, PeriodType.NINE_MONTHS: 9, PeriodType.YEAR: 12}[period_type]
    return [(datetime.date(year, 1, 1), month_end(year, last_month))]


def _spans(form, today):
    """The (first day, last day) of every period of ``form`` begun by ``today``."""
    if form.period_type == PeriodType.PHASE:
        spans = [(datetime.date(phase.start_year, 1, 1), datetime.date(phase.end_year, 12, 31))
                 for phase in Phase.objects.filter(end_year__gte=form.first_year)]
    else:
        spans = [span for year in range(form.first_year, today.year + 1) for span in _periods_of_year(form.period_type, year)]
    return [(start, end) for start, end in spans if start <= today]


def _reporters(form, period):
    """(unit, organisation) of everyone who owes ``form`` for ``period``: the units of its levels and the organisations
    of its kinds that existed at the period's end (a legacy district for 2018, today's communes for 2026)."""
    reporters = [(unit, None) for unit in Unit.objects.valid_at(period.end).filter(level__in=form.levels or [])]
    kinds = list(form.organization_kinds.values_list("pk", flat=True))
    if kinds:
        organizations = Organization.objects.valid_at(period.end).filter(kind__in=kinds).select_related("unit")
        reporters += [(organization.unit, organization) for organization in organizations]
    return reporters


@transaction.atomic
def open_due_periods(forms, today=None):
    """Open every period of ``forms`` begun by ``today``, each with a draft report for everyone who owes it;
    idempotent: what exists is left as it is. Returns (periods opened, reports created)."""
    today = today or datetime.date.today()
    opened = created = 0
    for form in forms:
        deadlines = dict(form.deadlines.values_list("level", "days_after_end"))
        for start, end in _spans(form, today):
            period, new = ReportingPeriod.objects.get_or_create(form=form, start=start, end=end)
            opened += new
            owed = set(period.submissions.values_list("unit_id", "organization_id"))
            missing = [Submission(form=form, period=period, unit=unit, organization=organization,
                                  deadline=period.deadline_for(unit.level, deadlines))
                       for unit, organization in _reporters(form, period)
                       if (unit.pk, getattr(organization, "pk", None)) not in owed]
            for submission in missing:
                submission.refresh_search_text()
            Submission.objects.bulk_create(missing)
            created += len(missing)
    return opened, created


def _assigned(form, unit, organization):
    if organization is not None:
        return organization.unit_id == unit.pk and form.organization_kinds.filter(pk=organization.kind_id).exists()
    return unit.level in (form.levels or [])


@transaction.atomic
def start_submission(user, form, period, unit, organization=None):
    """A report opened by hand (a unit that came into being after the period was opened): only for a unit or
    organisation the form is assigned to, once a period."""
    if period.form_id != form.pk:
        raise ValidationError({"period": _("This period belongs to another report form.")})
    if not _assigned(form, unit, organization):
        raise ValidationError({"unit": _("“%(form)s” is not sent by %(reporter)s.") % {"form": form, "reporter": organization or unit}})
    if not unit.is_valid_at(period.end):
        raise ValidationError({"unit": _("%(unit)s did not exist at the end of the period.") % {"unit": unit}})
    if Submission.objects.filter(period=period, unit=unit, organization=organization).exists():
        raise ValidationError({"period": _("%(reporter)s already has a report for this period.") % {"reporter": organization or unit}})
    deadlines = dict(form.deadlines.values_list("level", "days_after_end"))
    submission = Submission(form=form, period=period, unit=unit, organization=organization, deadline=period.deadline_for(unit.level, deadlines))
    return save_record(user, submission)


# ---------------------------------------------------------------- figures

def _field(indicator):
    return f"value_{indicator.pk}"


def _far(value, previous):
    if previous is None or value is None:
        return False
    gap = abs(value - previous)
    return gap >= FAR_MINIMUM and (value > previous * FAR_FACTOR or value * FAR_FACTOR < previous)


def _check_entry(row, entry):
    """The refusal of one figure, naming its indicator, or None."""
    name, value = row.indicator.name, entry.get("value")
    if value is None:
        return None
    if value < 0:
        return _("“%(indicator)s”: a count cannot be negative.") % {"indicator": name}
    if value > MAX_VALUE:
        return _("“%(indicator)s”: the figure is too large.") % {"indicator": name}
    if row.is_computed and row.computed is not None and Decimal(value) != Decimal(row.computed) and not entry.get("reason", "").strip():
        return _("“%(indicator)s”: the records give %(computed)s; say why the figure differs.") % {
            "indicator": name, "computed": queries.shown(Decimal(row.computed))}
    if _far(Decimal(value), row.previous) and not entry.get("confirmed"):
        return _("“%(indicator)s”: %(value)s is far from the previous period's %(previous)s; check it and confirm.") % {
            "indicator": name, "value": queries.shown(Decimal(value)), "previous": queries.shown(row.previous)}
    return None


def _check_rules(submission, figures):
    """The rules between figures: recognised ≤ registered (``at_most``), a rate's numerator ≤ its denominator."""
    errors = {}
    by_id = {indicator.pk: indicator for indicator in submission.form.indicators.all()}
    pairs = [(indicator, indicator.at_most_id) for indicator in by_id.values() if indicator.at_most_id]
    pairs += [(by_id[indicator.numerator_id], indicator.denominator_id) for indicator in by_id.values()
              if indicator.is_ratio and indicator.numerator_id in by_id]
    for indicator, bound_id in pairs:
        value, bound = figures.get(indicator.pk), figures.get(bound_id)
        if value is not None and bound is not None and value > bound and bound_id in by_id:
            errors[_field(indicator)] = _("“%(indicator)s” (%(value)s) cannot be more than “%(bound)s” (%(limit)s).") % {
                "indicator": indicator.name, "value": queries.shown(Decimal(value)), "bound": by_id[bound_id].name, "limit": queries.shown(Decimal(bound))}
    return errors


def _ensure_fresh(submission, read_version):
    """The report as stored, locked; refused when someone saved it after ``read_version`` (its figures are other rows)."""
    current = Submission.objects.select_for_update().get(pk=submission.pk)
    if read_version is not None and current.version != read_version:
        raise ValidationError(_("Someone else saved this report after you opened it; open it again and re-enter your changes."),
                              code="stale")
    return current


@transaction.atomic
def save_figures(user, submission, entries, narrative=None, read_version=None):
    """Store the figures of a report being written: ``entries`` maps an indicator id to {value, reason, confirmed}.
    Every figure is checked first, each refusal naming its indicator; nothing is saved unless all pass."""
    require_role(user, Role.EDITOR)
    ensure_in_scope(user, submission)
    submission = _ensure_fresh(submission, read_version)
    rows = {row.indicator.pk: row for row in queries.form_rows(submission)}
    if not submission.is_editable:
        indicator = next((rows[pk].indicator for pk in entries if pk in rows), None)
        raise ValidationError(_("“%(indicator)s”: the report for %(period)s is %(status)s and can no longer be changed.") % {
            "indicator": indicator or submission.form, "period": submission.period.label, "status": submission.get_status_display()})
    unknown = set(entries) - set(rows)
    if unknown:
        raise ValidationError(_("This report form has no indicator %(ids)s.") % {"ids": ", ".join(str(pk) for pk in sorted(unknown))})
    errors = {_field(rows[pk].indicator): message for pk, entry in entries.items() if (message := _check_entry(rows[pk], entry))}
    figures = {pk: row.value for pk, row in rows.items()}
    figures.update({pk: entry.get("value") for pk, entry in entries.items()})
    errors.update({field: message for field, message in _check_rules(submission, figures).items() if field not in errors})
    if errors:
        raise ValidationError(errors)
    for pk, entry in entries.items():
        row = rows[pk]
        SubmissionValue.objects.update_or_create(submission=submission, indicator=row.indicator, defaults={
            "value": entry.get("value"), "computed": row.computed, "reason": entry.get("reason", "").strip(),
            "confirmed": bool(entry.get("confirmed"))})
    if narrative is not None:
        titles = submission.form.section_titles
        submission.narrative = {title: (narrative.get(title) or "").strip() for title in titles}
    submission.changed_since_return = True
    return save_record(user, submission)


# ---------------------------------------------------------------- the lifecycle

def _ensure_complete(submission):
    rows = queries.form_rows(submission)
    stored = set(submission.values.filter(value__isnull=False).values_list("indicator_id", flat=True))
    blank = [row.indicator for row in rows if row.indicator.pk not in stored]
    if blank:
        raise ValidationError({_field(indicator): _("“%(indicator)s”: no figure yet.") % {"indicator": indicator.name} for indicator in blank})


@transaction.atomic
def submit(user, submission, note=""):
    """Send the report up; after a return, only once something was corrected."""
    ensure_in_scope(user, submission)
    submission = _ensure_fresh(submission, None)
    returned = submission.status == S.RETURNED
    if returned and not submission.changed_since_return:
        raise ValidationError(_("Nothing was corrected since the report was returned; correct it before sending it again."))
    _ensure_complete(submission)
    if submission.first_submitted_on is None:
        submission.first_submitted_on = datetime.date.today()
    SUBMISSION_FLOW.move(submission, S.RESUBMITTED if returned else S.SUBMITTED, user, note)
    return submission


def _ensure_above(user, submission):
    """A report is accepted or returned from above: a unit's approver never accepts its own report."""
    ensure_in_scope(user, submission)
    submission = _ensure_fresh(submission, None)
    if user.unit_id is not None and not (user.unit_id != submission.unit_id and unit_within(submission.unit, user.unit)):
        raise PermissionDenied(_("A report is accepted or returned by the level above, not by the unit that sent it."))
    return submission


@transaction.atomic
def accept(user, submission, note=""):
    submission = _ensure_above(user, submission)
    SUBMISSION_FLOW.move(submission, S.ACCEPTED, user, note)
    return submission


@transaction.atomic
def return_for_correction(user, submission, note):
    submission = _ensure_above(user, submission)
    submission.changed_since_return = False
    SUBMISSION_FLOW.move(submission, S.RETURNED, user, note)
    return submission

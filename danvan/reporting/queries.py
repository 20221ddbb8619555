"""Read side of reporting: indicator values rolled up over a unit's subtree and lineage, completeness, the
previous figures a submission is compared with. A fixed number of queries whatever the number of units."""

import dataclasses
import datetime
from decimal import Decimal

from django.db.models import Count, F, Max, Q, Sum
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from danvan.core.statistics import Reach, in_units
from danvan.reporting import computed
from danvan.reporting.choices import Aggregation, PeriodType, Source, SubmissionStatus
from danvan.reporting.models import Indicator, Submission, SubmissionValue

PERCENT = "%"


def _number(value):
    """A figure as JSON carries it: an integer when it is whole."""
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(round(value, 2))


def shown(value):
    """A figure as an official writes it: 1.200, or 12,5 (dd/mm/yyyy country, "." thousands), "—" when there is none."""
    if value is None:
        return "—"
    value = Decimal(value)
    return number_format(value, decimal_pos=0 if value == value.to_integral_value() else 2, force_grouping=True)


def _sent_values(units, date_from, date_to, codes):
    """The values of the submissions sent up in ``units`` whose period lies inside [date_from, date_to]."""
    return SubmissionValue.objects.filter(
        in_units("submission__unit", units), submission__status__in=SubmissionStatus.sent(), indicator__code__in=codes,
        submission__period__start__gte=date_from, submission__period__end__lte=date_to, value__isnull=False,
    ).order_by()


def _summed(units, date_from, date_to, codes):
    """Sums of the entered values, one grouped query. Where units sent reports of several period types covering
    the same months (monthly and 9-month), the longest type stands for them, so no month counts twice."""
    rows = _sent_values(units, date_from, date_to, codes).values_list("indicator__code", "submission__form__period_type").annotate(
        total=Sum("value"))
    chosen = {}
    for code, period_type, total in rows:
        if code not in chosen or PeriodType.rank(period_type) > PeriodType.rank(chosen[code][0]):
            chosen[code] = (period_type, total)
    return {code: total for code, (_type, total) in chosen.items()}


def _latest(units, date_from, date_to, codes):
    """Each reporting unit's (or organisation's) value of its latest period, summed: members at the end of the span."""
    values = _sent_values(units, date_from, date_to, codes)
    last = values.values("indicator__code", "submission__unit", "submission__organization").annotate(end=Max("submission__period__end"))
    rows = values.values_list("indicator__code", "submission__unit", "submission__organization", "submission__period__end", "value")
    ends = {(row["indicator__code"], row["submission__unit"], row["submission__organization"]): row["end"] for row in last}
    totals = {}
    for code, unit, organization, end, value in rows:
        if ends[(code, unit, organization)] == end:
            totals[code] = totals.get(code, Decimal(0)) + value
    return totals


def _ratio(indicator, numerator, denominator):
    if numerator is None or not denominator:
        return None
    ratio = Decimal(numerator) / Decimal(denominator)
    return ratio * 100 if indicator.unit_of_measure == PERCENT else ratio


def indicator_values(codes, units, date_from, date_to):
    """{code: number} of ``codes`` for ``units`` (a ``Reach``: a unit's subtree and the legacy subtrees that became
    part of it) over [date_from, date_to]: computed ones from the records, entered ones from the submissions sent up,
    a ratio as the ratio of its numerator's and denominator's sums. Unknown codes are left out."""
    indicators = {indicator.code: indicator for indicator in Indicator.objects.filter(code__in=codes).select_related("numerator", "denominator")}
    parts = {part for indicator in indicators.values() if indicator.is_ratio for part in (indicator.numerator, indicator.denominator)}
    base = {indicator.code: indicator for indicator in [*indicators.values(), *parts] if not indicator.is_ratio}
    figures = computed.computed_values(base, units, date_from, date_to)
    entered = [code for code, indicator in base.items() if code not in figures]
    latest = [code for code in entered if base[code].aggregation == Aggregation.LATEST]
    if latest:
        figures.update(_latest(units, date_from, date_to, latest))
    summed = [code for code in entered if code not in latest]
    if summed:
        figures.update(_summed(units, date_from, date_to, summed))
    values = {}
    for code, indicator in indicators.items():
        if indicator.is_ratio:
            values[code] = _ratio(indicator, figures.get(indicator.numerator.code, 0), figures.get(indicator.denominator.code, 0))
        else:
            values[code] = figures.get(code, 0)
    return {code: _number(value) for code, value in values.items()}


def unit_values(unit, codes, date_from, date_to):
    return indicator_values(codes, Reach.of(unit), date_from, date_to)


def shifted(day, years):
    """The same day ``years`` earlier (29 February becomes the 28th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


@dataclasses.dataclass(frozen=True)
class ComparedRow:
    indicator: Indicator
    value: object
    previous: object
    year_before: object


def compared(unit, date_from, date_to, codes=None):
    """Each indicator's figure for the span, the span of the same length just before, and the same span a year before."""
    indicators = list(Indicator.objects.filter(**({"code__in": codes} if codes else {})))
    wanted = [indicator.code for indicator in indicators]
    units = Reach.of(unit)
    length = date_to - date_from
    before_to = date_from - datetime.timedelta(days=1)
    now = indicator_values(wanted, units, date_from, date_to)
    previous = indicator_values(wanted, units, before_to - length, before_to)
    year_before = indicator_values(wanted, units, shifted(date_from, 1), shifted(date_to, 1))
    return [ComparedRow(indicator, now.get(indicator.code), previous.get(indicator.code), year_before.get(indicator.code))
            for indicator in indicators]


# ---------------------------------------------------------------- completeness and timeliness

COMPLETENESS_KEYS = ("expected", "submitted", "on_time", "late", "missing", "overdue")


def completeness(submissions, today=None):
    """Expected, submitted (on time, late), missing (and of them past the deadline) among ``submissions``: one query.
    Timeliness is judged on the first time a report was sent up."""
    today = today or datetime.date.today()
    sent = Q(first_submitted_on__isnull=False)
    return submissions.order_by().aggregate(
        expected=Count("pk"), submitted=Count("pk", filter=sent),
        on_time=Count("pk", filter=sent & Q(first_submitted_on__lte=F("deadline"))),
        late=Count("pk", filter=sent & Q(first_submitted_on__gt=F("deadline"))),
        missing=Count("pk", filter=~sent), overdue=Count("pk", filter=~sent & Q(deadline__lt=today)),
    )


def timeliness(submission, today=None):
    """What the completeness table says of one report."""
    today = today or datetime.date.today()
    if submission.first_submitted_on is None:
        return _("Missing, past the deadline") if submission.deadline < today else _("Not yet sent")
    return _("Late") if submission.first_submitted_on > submission.deadline else _("On time")


# ---------------------------------------------------------------- a submission's rows

@dataclasses.dataclass
class FormRow:
    indicator: Indicator
    value: object
    computed: object
    previous: object
    reason: str
    confirmed: bool

    @property
    def is_computed(self):
        return self.indicator.source == Source.COMPUTED


def previous_values(submission):
    """{indicator id: value} of the same reporter's report for the period before (queries: one)."""
    return dict(SubmissionValue.objects.filter(
        submission__form=submission.form, submission__unit=submission.unit, submission__organization=submission.organization,
        submission__period__start=submission.period.previous_start(), value__isnull=False,
    ).values_list("indicator_id", "value"))


def records_values(submission, indicators):
    """What the records give for the computed ``indicators`` in the submission's unit (its lineage included) and period."""
    codes = [indicator.code for indicator in indicators if indicator.source == Source.COMPUTED and not indicator.is_ratio]
    figures = computed.computed_values(codes, Reach.of(submission.unit), submission.period.start, submission.period.end)
    return {indicator.pk: figures[indicator.code] for indicator in indicators if indicator.code in figures}


def form_rows(submission):
    """The indicators of the submission's form that a unit fills (ratios are derived), with what is stored, what the
    records give and the previous period's figure."""
    indicators = [indicator for indicator in submission.form.indicators.all() if not indicator.is_ratio]
    stored = {value.indicator_id: value for value in submission.values.all()}
    live = records_values(submission, indicators) if submission.is_editable else {}
    previous = previous_values(submission)
    rows = []
    for indicator in indicators:
        value = stored.get(indicator.pk)
        records = live.get(indicator.pk) if submission.is_editable else (value.computed if value else None)
        rows.append(FormRow(indicator, value.value if value else records, records, previous.get(indicator.pk),
                            value.reason if value else "", value.confirmed if value else False))
    return rows

"""Periodic reporting: indicators, report forms with their periods, and the submissions units send up."""

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from danvan.core.audit import track
from danvan.core.choices import Level
from danvan.core.models import ScopedModel, SearchableModel
from danvan.reporting.choices import Aggregation, Disaggregation, PeriodType, Source, SubmissionStatus

# A figure of a unit's report: thousands of members, never beyond what a province counts.
MAX_VALUE = 10**9


class Indicator(models.Model):
    """A figure reports carry (chỉ tiêu), the same catalogue for the whole country: its code never changes,
    since programs ask for it (``GET /api/v1/indicators/values/?codes=``)."""

    code = models.CharField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=300)
    unit_of_measure = models.CharField(_("unit of measure"), max_length=40)
    aggregation = models.CharField(_("aggregation"), max_length=10, choices=Aggregation.choices, default=Aggregation.SUM)
    numerator = models.ForeignKey("self", verbose_name=_("numerator"), null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    denominator = models.ForeignKey("self", verbose_name=_("denominator"), null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    # A rule of the figures: recognised models cannot outnumber registered ones.
    at_most = models.ForeignKey("self", verbose_name=_("not more than"), null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    disaggregations = models.JSONField(_("disaggregations"), default=list, blank=True)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default=Source.ENTERED)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["order", "code"]

    def __str__(self):
        return self.name

    @property
    def is_ratio(self):
        return self.aggregation == Aggregation.RATIO

    def clean(self):
        super().clean()
        if self.is_ratio and (self.numerator_id is None or self.denominator_id is None):
            raise ValidationError({"numerator": _("A ratio needs its numerator and its denominator.")})
        unknown = set(self.disaggregations or []) - set(Disaggregation.values)
        if unknown:
            raise ValidationError({"disaggregations": _("Unknown disaggregations: %(names)s.") % {"names": ", ".join(sorted(unknown))}})


class ReportForm(models.Model):
    """A report form (biểu mẫu báo cáo): indicators and narrative sections, sent by the units of some levels
    and/or the organisations of some kinds, once per period of its type."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=300)
    period_type = models.CharField(_("period type"), max_length=12, choices=PeriodType.choices)
    indicators = models.ManyToManyField(Indicator, verbose_name=_("indicators"), related_name="forms")
    sections = models.TextField(_("narrative sections"), blank=True, help_text=_("One section title a line."))
    levels = models.JSONField(_("levels that report"), default=list, blank=True)
    organization_kinds = models.ManyToManyField("organizations.OrganizationKind", verbose_name=_("organisation kinds that report"),
                                                blank=True, related_name="+")
    first_year = models.PositiveSmallIntegerField(_("first year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])

    class Meta:
        verbose_name = _("report form")
        verbose_name_plural = _("report forms")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def section_titles(self):
        return [line.strip() for line in self.sections.splitlines() if line.strip()]

    def clean(self):
        super().clean()
        if set(self.levels or []) - set(Level.values):
            raise ValidationError({"levels": _("Unknown level.")})


class FormDeadline(models.Model):
    """When a level's report is due: days after the period's last day (negative: before it, such as the 20th of
    September for a 9-month report)."""

    form = models.ForeignKey(ReportForm, on_delete=models.CASCADE, related_name="deadlines")
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    days_after_end = models.SmallIntegerField(_("days after the end of the period"), validators=[MinValueValidator(-90), MaxValueValidator(90)])

    class Meta:
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        constraints = [models.UniqueConstraint(fields=["form", "level"], name="reporting_one_deadline_a_level")]


def _roman(number):
    return ("I", "II", "III", "IV")[number - 1]


class ReportingPeriod(models.Model):
    """One period of a form (kỳ báo cáo), opened by the system when it begins (``services.open_due_periods``)."""

    form = models.ForeignKey(ReportForm, verbose_name=_("report form"), on_delete=models.CASCADE, related_name="periods")
    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"))

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["-start", "form"]
        constraints = [models.UniqueConstraint(fields=["form", "start", "end"], name="reporting_one_period")]

    def __str__(self):
        return f"{self.label} – {self.form}"

    @property
    def label(self):
        kind, start, end = self.form.period_type, self.start, self.end
        if kind == PeriodType.MONTH:
            return _("Month %(month)s/%(year)s") % {"month": start.month, "year": start.year}
        if kind == PeriodType.QUARTER:
            return _("Quarter %(quarter)s/%(year)s") % {"quarter": _roman((start.month + 2) // 3), "year": start.year}
        if kind == PeriodType.SIX_MONTHS:
            return _("First 6 months of %(year)s") % {"year": start.year}
        if kind == PeriodType.NINE_MONTHS:
            return _("First 9 months of %(year)s") % {"year": start.year}
        if kind == PeriodType.YEAR:
            return _("Year %(year)s") % {"year": start.year}
        return _("Phase %(first)s–%(last)s") % {"first": start.year, "last": end.year}

    def deadline_for(self, level, deadlines):
        """The day the report of a unit of ``level`` is due; ``deadlines`` maps a level to its days after the end."""
        return self.end + datetime.timedelta(days=deadlines.get(level, 0))

    def previous_start(self):
        """The first day of the period before this one, of the same length (a month, a quarter …, the same
        months a year before for 6 and 9 months and years)."""
        if self.form.period_type == PeriodType.MONTH:
            return (self.start - datetime.timedelta(days=1)).replace(day=1)
        if self.form.period_type == PeriodType.QUARTER:
            month = self.start.month - 3
            return self.start.replace(year=self.start.year - (month < 1), month=month + 12 * (month < 1))
        years = self.end.year - self.start.year + 1
        return self.start.replace(year=self.start.year - years)


def month_end(year, month):
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


class Submission(ScopedModel, SearchableModel):
    """A unit's (or an organisation's) report for one period of a form, from draft to accepted."""

    form = models.ForeignKey(ReportForm, verbose_name=_("report form"), on_delete=models.PROTECT, related_name="submissions")
    period = models.ForeignKey(ReportingPeriod, verbose_name=_("reporting period"), on_delete=models.PROTECT, related_name="submissions")
    unit = models.ForeignKey("units.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="report_submissions")
    organization = models.ForeignKey("organizations.Organization", verbose_name=_("organisation"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="report_submissions")
    status = models.CharField(_("status"), max_length=12, choices=SubmissionStatus.choices, default=SubmissionStatus.DRAFT, editable=False)
    deadline = models.DateField(_("deadline"), editable=False)
    # The first time it was sent up: what timeliness is judged on (a report returned and sent again was on time if the first was).
    first_submitted_on = models.DateField(_("first submitted on"), null=True, blank=True, editable=False)
    # Cleared when the report is returned: a report sent again unchanged is refused.
    changed_since_return = models.BooleanField(default=False, editable=False)
    narrative = models.JSONField(_("narrative"), default=dict, blank=True)

    class Meta:
        verbose_name = _("report submission")
        verbose_name_plural = _("report submissions")
        ordering = ["-period__start", "unit__path", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["period", "unit"], condition=models.Q(organization__isnull=True), name="reporting_one_report_a_unit"),
            models.UniqueConstraint(fields=["period", "unit", "organization"], name="reporting_one_report_an_organization"),
        ]
        indexes = [models.Index(fields=["period", "status"]), models.Index(fields=["status", "deadline"])]

    def __str__(self):
        return f"{self.period.label} – {self.reporter}"

    def get_absolute_url(self):
        return reverse("reporting:submission-detail", args=[self.pk])

    def search_source(self):
        return f"{self.form.name} {self.unit.name} {self.organization.name if self.organization_id else ''}"

    @property
    def reporter(self):
        return self.organization or self.unit

    @property
    def is_editable(self):
        return self.status in SubmissionStatus.editable()

    @property
    def is_late(self):
        submitted = self.first_submitted_on or datetime.date.today()
        return submitted > self.deadline


class SubmissionValue(ScopedModel):
    """One indicator's figure in a submission; a computed one keeps what the records gave, and why it was changed."""

    scope_path = "submission__unit"

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="+")
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2, null=True, blank=True,
                                validators=[MinValueValidator(0), MaxValueValidator(MAX_VALUE)])
    computed = models.DecimalField(_("computed from the records"), max_digits=14, decimal_places=2, null=True, blank=True, editable=False)
    reason = models.TextField(_("reason for the change"), blank=True)
    confirmed = models.BooleanField(_("confirmed although far from the previous period"), default=False)

    class Meta:
        verbose_name = _("reported value")
        verbose_name_plural = _("reported values")
        ordering = ["indicator__order", "indicator__code"]
        constraints = [models.UniqueConstraint(fields=["submission", "indicator"], name="reporting_one_value_an_indicator")]

    def __str__(self):
        return f"{self.indicator}: {self.value}"


track(Submission, SubmissionValue)

"""The register of directives, the chain of implementation, and the obligations directives set."""

import datetime

from django.contrib.contenttypes.fields import GenericForeignKey
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from danvan.core.audit import track
from danvan.core.choices import Level
from danvan.core.models import ScopedModel, SearchableModel
from danvan.core.scoping import PATH_SEGMENT_WIDTH, Scope, ScopedQuerySet
from danvan.core.uploads import DOCUMENT_CHECK
from danvan.directives.choices import TYPE_NAMES, DirectiveStatus, DirectiveType, ObligationKind, PeriodUnit
from danvan.directives.symbols import CANONICAL_ABBREVIATION, symbol_key


def _ancestor_paths(paths):
    """Every proper prefix of each path: the units above a scope."""
    found = set()
    for path in paths:
        for end in range(PATH_SEGMENT_WIDTH, len(path), PATH_SEGMENT_WIDTH):
            found.add(path[:end])
    return found


class DirectiveQuerySet(ScopedQuerySet):
    def visible_to(self, user):
        """A unit reads its own register, those below it and the registers above it.

        Documents come down the hierarchy: a commune must see the district's
        programme to concretise it, while a neighbour's register stays hidden.
        """
        scope = Scope.for_user(user)
        if scope.is_everything:
            return self
        above = _ancestor_paths(scope.paths or [])
        from danvan.units.models import Unit

        return self.filter(scope.units_q("unit__path") | models.Q(unit__in=Unit.objects.filter(path__in=above).values("pk")))

    def with_symbol(self, text):
        from danvan.directives.symbols import SymbolError, parse_reference

        try:
            return self.filter(symbol_key=parse_reference(text).key)
        except SymbolError:
            return self.none()


class Directive(ScopedModel, SearchableModel):
    """A numbered document (văn bản chỉ đạo) kept in a unit's register."""

    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("register unit"), on_delete=models.PROTECT, related_name="directives",
        help_text=_("The unit whose register keeps this document; units below it see it."),
    )
    doc_type = models.CharField(_("type"), max_length=10, choices=DirectiveType.choices)
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    symbol = models.CharField(_("symbol"), max_length=60, blank=True, help_text=_("For example 25-NQ/TW; leave empty for a document cited only by number."))
    issuer_code = models.CharField(_("issuer in the symbol"), max_length=60, blank=True)
    symbol_key = models.CharField(max_length=120, editable=False, db_index=True, default="")
    issued_on = models.DateField(_("issue date"), null=True, blank=True)
    issuing_organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("issuing organisation"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="issued_directives",
    )
    issuer_name = models.CharField(_("issued by"), max_length=200, blank=True, help_text=_("As written, e.g. “Bộ Chính trị”."))
    subject = models.TextField(_("subject"), blank=True)
    file = models.FileField(_("file"), upload_to="directives/%Y/", blank=True, validators=[DOCUMENT_CHECK])
    status = models.CharField(_("status"), max_length=20, choices=DirectiveStatus.choices, default=DirectiveStatus.IN_FORCE)

    objects = DirectiveQuerySet.as_manager()

    class Meta:
        verbose_name = _("directive")
        verbose_name_plural = _("directives")
        ordering = ["-issued_on", "-id"]
        indexes = [models.Index(fields=["unit", "issued_on"]), models.Index(fields=["issued_on", "id"], name="directive_list_order")]  # the default order

    def __str__(self):
        name = TYPE_NAMES.get(self.doc_type, "")
        if self.symbol:
            return f"{name} {self.symbol}"
        number = f" số {self.number}" if self.number else ""
        issuer = f" của {self.issuer_code}" if self.issuer_code else ""
        return f"{name}{number}{issuer}"

    def get_absolute_url(self):
        return reverse("directives:detail", args=[self.pk])

    @property
    def abbreviation(self):
        return CANONICAL_ABBREVIATION.get(self.doc_type, "")

    def search_source(self):
        return f"{self} {self.symbol} {self.issuer_name} {self.subject}"

    def save(self, *args, **kwargs):
        self.symbol_key = symbol_key(self.number or "", self.doc_type, self.issuer_code)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "symbol_key"}
        super().save(*args, **kwargs)


class Implementation(ScopedModel):
    """A unit's concretisation of a directive (cụ thể hóa): its own document, or a description of what it did."""

    directive = models.ForeignKey(Directive, verbose_name=_("directive implemented"), on_delete=models.CASCADE, related_name="implementations")
    unit = models.ForeignKey("units.Unit", verbose_name=_("implementing unit"), on_delete=models.PROTECT, related_name="implementations")
    document = models.ForeignKey(
        Directive, verbose_name=_("own document"), null=True, blank=True, on_delete=models.CASCADE, related_name="implements_links",
        help_text=_("The unit's own directive that concretises it, if any."),
    )
    implemented_on = models.DateField(_("date"), null=True, blank=True)
    description = models.TextField(_("how it was implemented"), blank=True)

    class Meta:
        verbose_name = _("implementation")
        verbose_name_plural = _("implementations")
        ordering = ["directive", "unit__path"]
        constraints = [
            models.UniqueConstraint(fields=["directive", "document"], name="unique_implementing_document"),
        ]
        indexes = [models.Index(fields=["directive", "unit"])]

    def __str__(self):
        return f"{self.document or self.description[:60]} → {self.directive}"


class ObligationQuerySet(ScopedQuerySet):
    def binding_for(self, user):
        """The obligations set by the directives ``user`` reads: a commune meets those the district sets on it."""
        return self.filter(directive__in=Directive.objects.visible_to(user).values("pk"))


class Obligation(ScopedModel):
    """A recurring duty a directive sets on every unit of a level (e.g. a yearly dialogue, 2242-QĐ/TU; reception days
    every month, KL 215-KL/TW).

    A period is a tuple whose first two items are its first and last year: ``(first, last)`` for an obligation counted
    in years, ``(year, year, month)`` for one month of a monthly obligation. ``period_of(year)`` of a monthly
    obligation without a month is its whole year, the span its twelve months are shown in.
    """

    scope_path = "directive__unit"
    objects = ObligationQuerySet.as_manager()

    directive = models.ForeignKey(Directive, verbose_name=_("directive"), on_delete=models.CASCADE, related_name="obligations")
    title = models.CharField(_("obligation"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=ObligationKind.choices, default=ObligationKind.OTHER)
    level = models.PositiveSmallIntegerField(_("units of level"), choices=Level.choices)
    period_unit = models.CharField(_("counted per"), max_length=5, choices=PeriodUnit.choices, default=PeriodUnit.YEAR,
                                   help_text=_("Months for a duty of every month (reception days, KL 215-KL/TW)."))
    period_years = models.PositiveSmallIntegerField(_("every (years)"), default=1, help_text=_("1 for every year; 5 for a review after five years."))
    times = models.PositiveSmallIntegerField(_("at least (times per period)"), default=1)
    first_year = models.PositiveSmallIntegerField(_("from year"))
    last_year = models.PositiveSmallIntegerField(_("to year"), null=True, blank=True)

    class Meta:
        verbose_name = _("obligation")
        verbose_name_plural = _("obligations")
        ordering = ["directive", "title"]

    def __str__(self):
        return self.title

    @property
    def is_monthly(self):
        return self.period_unit == PeriodUnit.MONTH

    def clean(self):
        super().clean()
        if self.period_years == 0:
            raise ValidationError({"period_years": _("The period must be at least one year.")})
        if self.is_monthly and self.period_years != 1:
            raise ValidationError({"period_years": _("A monthly obligation recurs every month: leave “every (years)” at 1.")})
        if self.times == 0:
            raise ValidationError({"times": _("At least once per period.")})
        if self.last_year and self.first_year and self.last_year < self.first_year:
            raise ValidationError({"last_year": _("The last year cannot be before the first year.")})

    def period_of(self, year, month=None):
        """The period that contains ``year`` (and ``month``, for a monthly obligation)."""
        if self.is_monthly:
            return (year, year, month) if month else (year, year)
        start = self.first_year + (year - self.first_year) // self.period_years * self.period_years
        return start, start + self.period_years - 1

    def periods(self, until_year):
        last = min(until_year, self.last_year or until_year)
        if self.is_monthly:
            return [(year, year, month) for year in range(self.first_year, last + 1) for month in range(1, 13)]
        return [(start, start + self.period_years - 1) for start in range(self.first_year, last + 1, self.period_years)]

    def months_of(self, year):
        """The twelve month periods of ``year`` (a monthly obligation)."""
        return [(year, year, month) for month in range(1, 13)]

    def deadline_of(self, period):
        """The last day of the period: 31 December of its last year, or the month's last day."""
        if len(period) > 2 and period[2]:
            year, month = period[0], period[2]
            return datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)
        return datetime.date(period[1], 12, 31)

    @staticmethod
    def contains(period, year, month=None):
        """Whether a fulfilment or evidence of ``year`` (and ``month``) counts in ``period``."""
        if not period[0] <= year <= period[1]:
            return False
        return len(period) < 3 or not period[2] or month == period[2]


class ObligationFulfilment(ScopedModel):
    """Evidence that a unit met an obligation in a year (and month, for a monthly one): any record (a dialogue, a
    meeting …) or a description."""

    related_scopes = {"obligation": "binding_for"}

    obligation = models.ForeignKey(Obligation, verbose_name=_("obligation"), on_delete=models.CASCADE, related_name="fulfilments")
    unit = models.ForeignKey("units.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="obligation_fulfilments")
    year = models.PositiveSmallIntegerField(_("year"))
    month = models.PositiveSmallIntegerField(_("month"), null=True, blank=True, help_text=_("For a monthly obligation: the month it counts for."))
    fulfilled_on = models.DateField(_("date"), null=True, blank=True)
    content_type = models.ForeignKey("contenttypes.ContentType", null=True, blank=True, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    record = GenericForeignKey("content_type", "object_id")
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("obligation fulfilment")
        verbose_name_plural = _("obligation fulfilments")
        ordering = ["obligation", "year", "month", "unit__path"]
        indexes = [models.Index(fields=["obligation", "year", "unit"])]

    def __str__(self):
        when = f"{self.month:02d}/{self.year}" if self.month else self.year
        return f"{self.obligation} — {self.unit} — {when}"

    def clean(self):
        super().clean()
        if self.object_id is None and not self.description.strip():
            raise ValidationError({"description": _("Name the record that fulfils the obligation, or describe what was done.")})
        if self.fulfilled_on and self.year and self.fulfilled_on.year != self.year:
            raise ValidationError({"fulfilled_on": _("The date must fall in the year it counts for.")})
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValidationError({"month": _("The month is a number from 1 to 12.")})
        if self.fulfilled_on and self.month and self.fulfilled_on.month != self.month:
            raise ValidationError({"fulfilled_on": _("The date must fall in the month it counts for.")})


track(Directive, Implementation, Obligation, ObligationFulfilment)

"""The "Dân vận khéo" movement: initiatives (models and exemplars), their appraisal,
recognition, replication and results. Every state change goes through ``services.py``."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from danvan.core.audit import track
from danvan.core.links import record_url
from danvan.core.models import AttachmentBase, ScopedModel, SearchableModel
from danvan.core.scoping import ScopedQuerySet, unit_within
from danvan.core.text import fold
from danvan.movement.choices import (
    AppraisalOutcome, AttachmentKind, HolderKind, InitiativeKind, RecognitionLevel, Status,
)

FORMALISM_MONTHS = 12


class Field(models.Model):
    """A field of social life (lĩnh vực); a configurable catalogue (provinces add e.g. nông thôn mới)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("field")
        verbose_name_plural = _("fields")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class PhaseQuerySet(models.QuerySet):
    def containing(self, year):
        return self.filter(start_year__lte=year, end_year__gte=year)

    def current(self):
        """The phase the movement is in today, which new registrations and decisions belong to."""
        return self.containing(timezone.localdate().year).first()


class Phase(models.Model):
    """A multi-year phase of the movement (giai đoạn 2016–2020); configurable."""

    objects = PhaseQuerySet.as_manager()

    name = models.CharField(_("name"), max_length=100)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["start_year"]
        constraints = [models.UniqueConstraint(fields=["start_year", "end_year"], name="unique_phase_years")]

    def __str__(self):
        return self.name

    def clean(self):
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The last year cannot be before the first year.")})

    def contains(self, year):
        return self.start_year <= year <= self.end_year


class Criterion(models.Model):
    """An appraisal criterion (tiêu chí) for collectives or for individuals; configurable."""

    holder = models.CharField(_("holder"), max_length=20, choices=HolderKind.choices)
    name = models.CharField(_("name"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    max_score = models.PositiveSmallIntegerField(_("maximum score"), null=True, blank=True)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["holder", "order"]

    def __str__(self):
        return self.name


def stale_before(today=None):
    """The day before which a recognised initiative that showed no life since counts as a formality."""
    return (today or datetime.date.today()) - datetime.timedelta(days=365 * FORMALISM_MONTHS // 12)


class InitiativeQuerySet(ScopedQuerySet):
    def on_showcase(self):
        """What the public may see: initiatives recognised now. Ended, suspended, not-recognised ones
        (even if recognised once) are not, nor is anything of theirs."""
        return self.filter(status=Status.RECOGNISED, highest_level__isnull=False)

    def formalism(self, today=None):
        """Recognised initiatives with no sign of life for 12 months: recognised over 12 months ago (or on an
        unknown date) and no result reported in the last 12 months. A model recognised last week is not yet
        a formality, whatever it has reported."""
        stale = stale_before(today)
        return self.filter(status=Status.RECOGNISED).filter(
            models.Q(recognised_on__isnull=True) | models.Q(recognised_on__lt=stale),
            models.Q(last_result_on__isnull=True) | models.Q(last_result_on__lt=stale),
        )


class Initiative(ScopedModel, SearchableModel):
    """A model (mô hình) or an exemplar (điển hình) registered in the movement."""

    lookup_url_name = "movement:lookup"

    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=InitiativeKind.choices, default=InitiativeKind.MODEL)
    holder = models.CharField(_("holder"), max_length=20, choices=HolderKind.choices, default=HolderKind.COLLECTIVE)
    fields = models.ManyToManyField(Field, verbose_name=_("fields"), related_name="initiatives")
    owner_organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("owner organisation"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="initiatives",
    )
    owner_person = models.ForeignKey(
        "people.Person", verbose_name=_("owner person"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="initiatives",
    )
    unit = models.ForeignKey("units.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="initiatives")
    phase = models.ForeignKey(Phase, verbose_name=_("phase"), on_delete=models.PROTECT, related_name="initiatives")
    registration_year = models.PositiveSmallIntegerField(_("registration year"))
    description = models.TextField(_("description"), blank=True)
    goals = models.TextField(_("goals"), blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    expected_results = models.TextField(_("expected results"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    # Kept by the services so that lists, statistics and the formalism watch need no subqueries.
    duplicate_key = models.CharField(max_length=400, editable=False, default="", db_index=True)
    recognised_on = models.DateField(_("recognised on"), null=True, blank=True, editable=False)
    highest_level = models.PositiveSmallIntegerField(
        _("highest recognition"), choices=RecognitionLevel.choices, null=True, blank=True, editable=False
    )
    is_outstanding = models.BooleanField(_("outstanding"), default=False, editable=False)
    last_result_on = models.DateField(_("last result update"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["-registration_year", "name", "pk"]
        # The statistics read these columns only: covering indexes spare a province's
        # tens of thousands of rows from being read from the table itself.
        indexes = [
            models.Index(fields=["unit", "registration_year"]),
            models.Index(fields=["registration_year", "status", "unit", "kind", "holder"], name="initiative_registration_stats"),
            models.Index(fields=["status", "unit", "last_result_on", "recognised_on"], name="initiative_formalism"),
            # A search within a scope reads the folded text from here, never the rows that do not match.
            models.Index(fields=["unit", "search_text"], name="initiative_search_in_unit"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return record_url("movement:detail", self.pk)

    @property
    def owner(self):
        return self.owner_organization or self.owner_person

    def search_source(self):
        return f"{self.name} {self.owner or ''}"

    def save(self, *args, **kwargs):
        self.duplicate_key = self.make_duplicate_key(self.name, self.owner_organization_id, self.owner_person_id, self.phase_id)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "duplicate_key"}
        super().save(*args, **kwargs)

    @staticmethod
    def make_duplicate_key(name, organization_id, person_id, phase_id):
        """Same name (ignoring diacritics, case, spacing), owner and phase means the same registration."""
        return f"{phase_id}|{organization_id or ''}|{person_id or ''}|{fold(name)}"

    def clean(self):
        super().clean()
        errors = {}
        if not (self.owner_organization_id or self.owner_person_id):
            errors["owner_organization"] = _("Choose the organisation or the person who owns this initiative.")
        elif self.owner_organization_id and self.owner_person_id:
            errors["owner_person"] = _("An initiative has one owner: an organisation or a person, not both.")
        if self.phase_id and self.registration_year and not self.phase.contains(self.registration_year):
            errors["registration_year"] = _("The registration year %(year)s is outside the phase %(phase)s.") % {
                "year": self.registration_year, "phase": self.phase}
        if self.owner_organization_id and self.unit_id and not self._owner_unit_fits():
            errors["owner_organization"] = _(
                "The owner organisation belongs to %(owner_unit)s, which is not %(unit)s or part of it, nor above it."
            ) % {"owner_unit": self.owner_organization.unit, "unit": self.unit}
        if errors:
            raise ValidationError(errors)

    def _owner_unit_fits(self):
        """The owner sits on the initiative's unit, inside it, or above it (a commune's Hội runs a hamlet's model)."""
        owner_unit = self.owner_organization.unit
        return unit_within(owner_unit, self.unit) or unit_within(self.unit, owner_unit)


class InitiativeAttachmentQuerySet(ScopedQuerySet):
    def on_showcase(self):
        """Photos marked public of initiatives on the showcase; no other file is ever public."""
        return self.filter(is_public=True, kind=AttachmentKind.PHOTO, initiative__in=Initiative.objects.on_showcase())


class InitiativeAttachment(AttachmentBase):
    scope_path = "initiative__unit"

    objects = InitiativeAttachmentQuerySet.as_manager()

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("kind"), max_length=20, choices=AttachmentKind.choices, default=AttachmentKind.PHOTO)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["-uploaded_at"]


class ResultUpdate(ScopedModel):
    """What an initiative achieved by a date, in words and in typed figures."""

    scope_path = "initiative__unit"

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="result_updates")
    date = models.DateField(_("date"))
    text = models.TextField(_("results"))
    beneficiaries = models.PositiveIntegerField(_("beneficiaries"), null=True, blank=True)
    households_out_of_poverty = models.PositiveIntegerField(_("households out of poverty"), null=True, blank=True)
    money_mobilised = models.PositiveBigIntegerField(_("money mobilised (VND)"), null=True, blank=True)
    workdays_mobilised = models.PositiveIntegerField(_("workdays mobilised"), null=True, blank=True)
    road_km = models.DecimalField(_("road built or repaired (km)"), max_digits=8, decimal_places=2, null=True, blank=True)
    recorded_by = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("result update")
        verbose_name_plural = _("result updates")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.initiative} – {self.date:%d/%m/%Y}"


class Appraisal(ScopedModel):
    """An appraisal (thẩm định, bình xét) of an initiative at a level in a year."""

    scope_path = "initiative__unit"

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="appraisals")
    level = models.PositiveSmallIntegerField(_("level"), choices=RecognitionLevel.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    date = models.DateField(_("date"), null=True, blank=True)
    appraisers = models.CharField(_("appraisers"), max_length=500, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=AppraisalOutcome.choices)
    score = models.DecimalField(_("score"), max_digits=6, decimal_places=2, null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    appraised_by = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("appraisal")
        verbose_name_plural = _("appraisals")
        ordering = ["-year", "-pk"]

    def __str__(self):
        return f"{self.initiative} – {self.get_level_display()} {self.year}"

    def get_absolute_url(self):
        return reverse("movement:detail", args=[self.initiative_id]) + "#appraisals"


class CriterionCheck(models.Model):
    """One criterion checked in an appraisal, with its evidence."""

    appraisal = models.ForeignKey(Appraisal, on_delete=models.CASCADE, related_name="checks")
    criterion = models.ForeignKey(Criterion, verbose_name=_("criterion"), on_delete=models.PROTECT, related_name="+")
    met = models.BooleanField(_("met"), default=False)
    evidence = models.TextField(_("evidence"), blank=True)
    score = models.DecimalField(_("score"), max_digits=6, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = _("criterion check")
        verbose_name_plural = _("criterion checks")
        constraints = [models.UniqueConstraint(fields=["appraisal", "criterion"], name="unique_criterion_check")]


class Recognition(ScopedModel):
    """A recognition (công nhận) of an initiative at a level in a year, by that level's steering committee."""

    scope_path = "initiative__unit"

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="recognitions")
    level = models.PositiveSmallIntegerField(_("level"), choices=RecognitionLevel.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    decided_on = models.DateField(_("decision date"))
    document = models.CharField(_("deciding document"), max_length=200, blank=True)
    recognising_body = models.ForeignKey(
        "organizations.Organization", verbose_name=_("recognising body"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="recognitions",
    )
    appraisal = models.ForeignKey(Appraisal, verbose_name=_("appraisal"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    outstanding = models.BooleanField(_("outstanding"), default=False)
    granted_by = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("recognition")
        verbose_name_plural = _("recognitions")
        ordering = ["-year", "level"]
        constraints = [models.UniqueConstraint(fields=["initiative", "level"], name="unique_recognition_level")]
        indexes = [
            models.Index(fields=["year", "initiative", "level", "outstanding"], name="recognition_stats"),
            models.Index(fields=["outstanding", "level", "year"], name="recognition_typical"),
        ]

    def __str__(self):
        return f"{self.initiative} – {self.get_level_display()} {self.year}"


class Replication(ScopedModel):
    """An initiative adopted in another place (nhân rộng), linked to its origin."""

    scope_path = "origin__unit"

    origin = models.ForeignKey(Initiative, verbose_name=_("origin"), on_delete=models.CASCADE, related_name="replications")
    unit = models.ForeignKey("units.Unit", verbose_name=_("place"), on_delete=models.PROTECT, related_name="replications")
    adopted_on = models.DateField(_("adopted on"))
    adopter = models.ForeignKey(
        Initiative, verbose_name=_("initiative in the new place"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="replicated_from",
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("replication")
        verbose_name_plural = _("replications")
        ordering = ["-adopted_on"]
        constraints = [models.UniqueConstraint(fields=["origin", "unit"], name="unique_replication_place")]

    def __str__(self):
        return f"{self.origin} → {self.unit}"


track(Field, Phase, Criterion, Initiative, InitiativeAttachment, ResultUpdate, Appraisal, CriterionCheck, Recognition, Replication)

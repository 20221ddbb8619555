from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from danvan.core.audit import track
from danvan.core.models import ScopedModel, SearchableModel, ValidityModel, ValidityQuerySet
from danvan.core.scoping import ScopedQuerySet


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")


class Person(ScopedModel, SearchableModel):
    """A natural person. Personal data is kept minimal and reached only within scope."""

    lookup_url_name = "people:lookup"

    full_name = models.CharField(_("full name"), max_length=150)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="people",
        help_text=_("The unit whose officials keep this person's record."),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name"]
        # (unit, search_text): a search within a scope reads the folded names from the index, unit by unit,
        # never the rows of people who do not match.
        indexes = [models.Index(fields=["unit", "full_name"]), models.Index(fields=["unit", "search_text"])]

    def __str__(self):
        return self.full_name

    def search_source(self):
        return self.full_name

    def get_absolute_url(self):
        return reverse("people:detail", args=[self.pk])


class PositionQuerySet(ScopedQuerySet, ValidityQuerySet):
    pass


class Position(ScopedModel, ValidityModel):
    """A title a person holds in an organisation for a period ("Trưởng Ban Dân vận Huyện ủy")."""

    scope_path = "organization__unit"

    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="positions")
    organization = models.ForeignKey(
        "organizations.Organization", verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="positions"
    )
    title = models.CharField(_("title"), max_length=200)
    objects = PositionQuerySet.as_manager()

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["person__full_name", "-valid_from"]

    def __str__(self):
        return f"{self.person}: {self.title}"


track(Person, Position)

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from danvan.core.audit import track
from danvan.core.models import ScopedModel, SearchableModel, ValidityModel, ValidityQuerySet
from danvan.core.choices import Level
from danvan.core.scoping import ScopedQuerySet
from danvan.core.text import fold, normalize


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")


class OccupationGroup(models.TextChoices):
    """The social groups (giai tầng) member reports break participation down by."""

    FARMER = "farmer", _("Farmer")
    WORKER = "worker", _("Worker")
    PUBLIC_SERVANT = "public_servant", _("Official, civil servant, public employee")
    INTELLECTUAL = "intellectual", _("Intellectual")
    BUSINESS = "business", _("Entrepreneur, trader")
    STUDENT = "student", _("Pupil, student")
    ARMED_FORCES = "armed_forces", _("Armed forces")
    RETIRED = "retired", _("Retired")
    FREELANCE = "freelance", _("Freelance worker")
    OTHER = "other", _("Other")


class Ethnicity(models.Model):
    """One of the 54 ethnic groups (dân tộc), with the General Statistics Office's code."""

    code = models.CharField(_("code"), max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=100)
    minority = models.BooleanField(_("ethnic minority"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("ethnicity")
        verbose_name_plural = _("ethnicities")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class Religion(models.Model):
    """A religion the State has recognised (tôn giáo); no religion is left blank on the person."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=150)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("religion")
        verbose_name_plural = _("religions")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


citizen_id_validator = RegexValidator(r"^[0-9]{12}\Z", _("A citizen ID number has exactly 12 digits."))


class Person(ScopedModel, SearchableModel):
    """A natural person. Personal data is kept minimal and reached only within scope."""

    lookup_url_name = "people:lookup"

    full_name = models.CharField(_("full name"), max_length=150)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    birth_year = models.PositiveSmallIntegerField(
        _("year of birth"), null=True, blank=True, help_text=_("Taken from the date of birth when that is known."))
    ethnicity = models.ForeignKey(Ethnicity, verbose_name=_("ethnicity"), on_delete=models.PROTECT, null=True, blank=True)
    religion = models.ForeignKey(Religion, verbose_name=_("religion"), on_delete=models.PROTECT, null=True, blank=True)
    occupation_group = models.CharField(_("occupation group"), max_length=20, choices=OccupationGroup.choices, blank=True)
    citizen_id = models.CharField(_("citizen ID number"), max_length=12, blank=True, validators=[citizen_id_validator])
    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="people",
        help_text=_("The unit whose officials keep this person's record."),
    )
    residence_hamlet = models.ForeignKey(
        "units.Unit", verbose_name=_("hamlet of residence"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="residents", limit_choices_to={"level": Level.HAMLET},
    )
    note = models.TextField(_("note"), blank=True)
    # What duplicate rules compare a name by: folded as search folds it, but kept apart from search_text,
    # which follows whatever search_source() shows.
    folded_name = models.CharField(max_length=150, editable=False, blank=True, default="")

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name"]
        # (unit, search_text): a search within a scope reads the folded names from the index, unit by unit,
        # never the rows of people who do not match.
        indexes = [models.Index(fields=["unit", "full_name"]), models.Index(fields=["unit", "search_text"]),
                   # The duplicate rules group on these: one index scan each, never pairwise.
                   models.Index(fields=["unit", "folded_name", "birth_date"]), models.Index(fields=["citizen_id"])]

    def __str__(self):
        return self.full_name

    def search_source(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.full_name = normalize(self.full_name)
        self.folded_name = fold(self.full_name)
        if self.birth_date:
            self.birth_year = self.birth_date.year
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "full_name", "folded_name", "birth_year"}
        super().save(*args, **kwargs)

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

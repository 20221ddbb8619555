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
    # Set by the anonymisation of those who left long ago: the record still counts, but names nobody.
    anonymised_on = models.DateField(_("anonymised on"), null=True, blank=True, editable=False)
    # What duplicate rules compare a name by: folded as search folds it, but kept apart from search_text,
    # which follows whatever search_source() shows.
    folded_name = models.CharField(max_length=150, editable=False, blank=True, default="")

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name"]
        # (unit, search_text): a search within a scope reads the folded names from the index, unit by unit,
        # never the rows of people who do not match.
        permissions = [("view_personal_data", _("Can see citizen ID numbers and export persons' personal data"))]
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


# The history is shown to whoever reads the page: the fields only the permission reads stay out of it.
track(Person, exclude=("citizen_id", "ethnicity", "religion"))
track(Position)


class DuplicateRule(models.Model):
    """A rule group of CiviCRM's dedupe: two persons are possibly the same when the weights of the fields on which
    they agree reach the threshold. Kept as data, so a province tunes them without a release."""

    name = models.CharField(_("name"), max_length=150)
    threshold = models.PositiveSmallIntegerField(_("threshold"))
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("duplicate rule")
        verbose_name_plural = _("duplicate rules")
        ordering = ["name"]

    def __str__(self):
        return self.name


class MatchField(models.TextChoices):
    """The person's fields a duplicate rule may compare; each is compared for equality, never when blank."""

    FOLDED_NAME = "folded_name", _("Full name (without diacritics)")
    BIRTH_DATE = "birth_date", _("Date of birth")
    BIRTH_YEAR = "birth_year", _("Year of birth")
    GENDER = "gender", _("Gender")
    UNIT = "unit", _("Unit (same commune)")
    RESIDENCE_HAMLET = "residence_hamlet", _("Hamlet of residence")
    CITIZEN_ID = "citizen_id", _("Citizen ID number")


class DuplicateRuleField(models.Model):
    rule = models.ForeignKey(DuplicateRule, verbose_name=_("duplicate rule"), on_delete=models.CASCADE, related_name="fields")
    field = models.CharField(_("compared field"), max_length=20, choices=MatchField.choices)
    weight = models.PositiveSmallIntegerField(_("weight"))

    class Meta:
        verbose_name = _("field of a duplicate rule")
        verbose_name_plural = _("fields of a duplicate rule")
        constraints = [models.UniqueConstraint(fields=["rule", "field"], name="duplicate_rule_field_once")]

    def __str__(self):
        return f"{self.get_field_display()} ({self.weight})"


class CandidateStatus(models.TextChoices):
    OPEN = "open", _("To review")
    MERGED = "merged", _("Merged")
    DIFFERENT = "different", _("Different persons")


class DuplicateCandidate(ScopedModel):
    """Two persons a rule found possibly the same, waiting for an official: merged, or remembered as different so
    that no later detection proposes them again. ``first`` has the smaller key; the pair is stored once."""

    scope_path = "first__unit"

    first = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Person, verbose_name=_("possibly the same as"), on_delete=models.CASCADE, related_name="+")
    rule = models.ForeignKey(DuplicateRule, verbose_name=_("duplicate rule"), on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(_("score"))
    status = models.CharField(_("status"), max_length=10, choices=CandidateStatus.choices, default=CandidateStatus.OPEN,
                              editable=False)
    found_at = models.DateTimeField(_("found at"), auto_now_add=True)

    class Meta:
        verbose_name = _("possible duplicate")
        verbose_name_plural = _("possible duplicates")
        ordering = ["-score", "pk"]
        constraints = [models.UniqueConstraint(fields=["first", "second"], name="duplicate_pair_once")]
        indexes = [models.Index(fields=["status", "first"])]

    def __str__(self):
        return f"{self.first} – {self.second}"

    def get_absolute_url(self):
        return reverse("people:duplicate", args=[self.pk])


class ImportStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting for the background worker")
    CHECKING = "checking", _("Checking the rows")
    WRITING = "writing", _("Writing")
    DONE = "done", _("Imported")
    REFUSED = "refused", _("Refused")


class ImportRun(ScopedModel):
    """A sheet of persons and what they belong to (memberships), imported in the background: checked row by row
    (``checked`` of ``total``, what the progress bar shows), then written all or nothing; ``problems`` lists the
    bad rows of a refused file."""

    unit = models.ForeignKey("units.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    started_by = models.ForeignKey("accounts.User", verbose_name=_("started by"), on_delete=models.PROTECT, related_name="+")
    file = models.FileField(_("file"), upload_to="imports/%Y/%m/")
    status = models.CharField(_("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.WAITING,
                              editable=False)
    total = models.PositiveIntegerField(_("rows"), null=True, editable=False)
    checked = models.PositiveIntegerField(_("rows checked"), default=0, editable=False)
    imported = models.PositiveIntegerField(_("rows imported"), default=0, editable=False)
    problems = models.JSONField(_("bad rows"), default=list, editable=False)
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        return self.file.name.rsplit("/", 1)[-1]

    @property
    def is_over(self):
        return self.status in (ImportStatus.DONE, ImportStatus.REFUSED)

    @property
    def percent(self):
        return 100 if self.is_over else int(100 * self.checked / self.total) if self.total else 0


track(DuplicateCandidate)

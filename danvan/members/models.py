"""Who belongs to which organisation, at branch level, and for how long; and the populations rates are counted against."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from danvan.core.audit import track
from danvan.core.models import ScopedModel, SearchableModel, ValidityModel, ValidityQuerySet
from danvan.core.scoping import ScopedQuerySet
from danvan.members.choices import LeaveReason, MemberRole

# A count beyond this is a typing slip, not a unit's population (Việt Nam has about 100 million people).
MAX_POPULATION = 200_000_000


class MembershipRule(models.Model):
    """What an organisation kind asks of its members (Điều lệ): the age from which one may join, kept as data."""

    kind = models.OneToOneField("organizations.OrganizationKind", verbose_name=_("organisation kind"),
                                on_delete=models.CASCADE, related_name="membership_rule")
    minimum_age = models.PositiveSmallIntegerField(_("minimum age"), validators=[MaxValueValidator(120)])

    class Meta:
        verbose_name = _("membership rule")
        verbose_name_plural = _("membership rules")
        ordering = ["kind__name"]

    def __str__(self):
        return f"{self.kind}: {self.minimum_age}"


class MembershipQuerySet(ScopedQuerySet):
    def open_at(self, date):
        return self.filter(models.Q(left__isnull=True) | models.Q(left__gte=date), joined__lte=date)


class Membership(ScopedModel):
    """One person's membership of one organisation (Hội Nông dân, Đoàn …), continuous however often the member
    moves between its branches; ``branch`` is the branch of today (or of the last day), the moves are placements."""

    scope_path = "branch__unit"

    person = models.ForeignKey("people.Person", verbose_name=_("person"), on_delete=models.PROTECT, related_name="memberships")
    # The organisation kind the member belongs to (the branch's own kind is "Chi hội"): what counts group by and
    # what "two open memberships of the same organisation" means. Set from the branch by the service.
    kind = models.ForeignKey("organizations.OrganizationKind", verbose_name=_("organisation"), on_delete=models.PROTECT,
                             related_name="memberships", editable=False)
    branch = models.ForeignKey("organizations.Organization", verbose_name=_("branch"), on_delete=models.PROTECT,
                               related_name="memberships")
    joined = models.DateField(_("joined on"))
    left = models.DateField(_("left on"), null=True, blank=True)
    leave_reason = models.CharField(_("reason for leaving"), max_length=20, choices=LeaveReason.choices, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER)
    is_core = models.BooleanField(_("core member"), default=False)
    card_number = models.CharField(_("card number"), max_length=30, blank=True)
    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["-joined", "-id"]
        indexes = [
            models.Index(fields=["joined", "id"], name="membership_list_order"),
            models.Index(fields=["person", "kind"], name="membership_person_kind"),
        ]
        constraints = [models.UniqueConstraint(fields=["person", "kind"], condition=models.Q(left__isnull=True),
                                               name="membership_open_once")]

    def __str__(self):
        return f"{self.person} – {self.kind}"

    def get_absolute_url(self):
        return reverse("members:detail", args=[self.pk])

    @property
    def is_open(self):
        return self.left is None

    def clean(self):
        super().clean()
        if self.left and self.joined and self.left < self.joined:
            raise ValidationError({"left": _("The membership cannot end before it began.")})
        if self.left and not self.leave_reason:
            raise ValidationError({"leave_reason": _("Say why the membership ended.")})


class PlacementQuerySet(ScopedQuerySet, ValidityQuerySet):
    pass


class MembershipPlacement(ScopedModel, ValidityModel):
    """A period a membership spent in one branch: a transfer (chuyển sinh hoạt) closes one and opens the next, so
    counts as of a date find each member in the branch, and so the unit, of that date."""

    scope_path = "unit"

    membership = models.ForeignKey(Membership, verbose_name=_("membership"), on_delete=models.CASCADE, related_name="placements")
    branch = models.ForeignKey("organizations.Organization", verbose_name=_("branch"), on_delete=models.PROTECT,
                               related_name="placements")
    # The branch's unit, copied so that counts join the unit's path directly (a million rows).
    unit = models.ForeignKey("units.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="placements", editable=False)
    joined_here = models.BooleanField(_("joined the organisation here"), default=False, editable=False)
    left_here = models.BooleanField(_("left the organisation here"), default=False, editable=False)
    objects = PlacementQuerySet.as_manager()

    class Meta:
        verbose_name = _("placement in a branch")
        verbose_name_plural = _("placements in branches")
        ordering = ["membership", "valid_from"]
        indexes = [
            models.Index(fields=["unit", "valid_from", "valid_to"], name="placement_counts"),
            models.Index(fields=["valid_from", "unit"], name="placement_starts"),
            models.Index(fields=["valid_to", "unit"], name="placement_ends"),
        ]

    def __str__(self):
        return f"{self.membership}: {self.branch}"


class EligiblePopulation(ScopedModel, SearchableModel):
    """The people an organisation could count as members in a unit in a year (women aged 18 and over for the Women's
    Union …): the stored denominator of its rates, with what was counted."""

    kind = models.ForeignKey("organizations.OrganizationKind", verbose_name=_("organisation"), on_delete=models.PROTECT,
                             related_name="eligible_populations")
    unit = models.ForeignKey("units.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="eligible_populations")
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(1945), MaxValueValidator(2100)])
    count = models.PositiveIntegerField(_("eligible population"), validators=[MaxValueValidator(MAX_POPULATION)])
    definition = models.TextField(_("definition"), max_length=2000,
                                  help_text=_("Who was counted (“women aged 18 and over living in the commune”) and from which source."))

    class Meta:
        verbose_name = _("eligible population")
        verbose_name_plural = _("eligible populations")
        ordering = ["-year", "kind__name"]
        constraints = [models.UniqueConstraint(fields=["kind", "unit", "year"], name="eligible_population_once")]

    def __str__(self):
        return f"{self.kind} – {self.unit} – {self.year}: {self.count}"

    def search_source(self):
        return f"{self.kind} {self.unit} {self.definition}"


track(MembershipRule, Membership, MembershipPlacement, EligiblePopulation)

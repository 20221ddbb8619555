from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from danvan.core.audit import track
from danvan.core.models import ScopedModel, SearchableModel, ValidityModel
from danvan.core.scoping import ScopedQuerySet
from danvan.core.models import ValidityQuerySet
from danvan.organizations.choices import KindCategory


class OrganizationKind(ValidityModel):
    """A kind of organisation (Huyện ủy, Hội Nông dân …), configurable by an administrator."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    category = models.CharField(_("category"), max_length=30, choices=KindCategory.choices)
    description = models.TextField(_("description"), blank=True)
    document_title = models.CharField(
        _("title of its documents"), max_length=200, blank=True,
        help_text=_("What heads its documents where its guide sets its own title (“Hội Nông dân Việt Nam”); "
                    "blank: the title of its format."))

    class Meta:
        verbose_name = _("organisation kind")
        verbose_name_plural = _("organisation kinds")
        ordering = ["name"]

    def __str__(self):
        return self.name


class OrganizationQuerySet(ScopedQuerySet, ValidityQuerySet):
    def addressable_by(self, user):
        """Bodies a user may send to (a proposal goes up): those of the user's unit and of every unit above it."""
        if not getattr(user, "is_authenticated", False):  # e.g. the schema generator's anonymous request
            return self.none()
        unit = user.unit
        if unit is None:
            return self.all()
        return self.filter(unit_id__in=[*unit.ancestor_ids(), unit.pk])

    def in_chain_of(self, user):
        """Bodies a user may hand a case to (a petition transferred up or down): those in scope and those above."""
        return self.visible_to(user) | self.addressable_by(user)

    def with_current_parent(self):
        """Each organisation's parent today read in one query for the lot: ``parent`` then asks nothing
        (an autocomplete of 20 matches asked 20 more times)."""
        current = OrganizationLink.objects.filter(valid_to__isnull=True).select_related("parent")
        return self.prefetch_related(models.Prefetch("parent_links", queryset=current, to_attr="current_parent_links"))


class Organization(ScopedModel, ValidityModel, SearchableModel):
    """A body that sits on a unit: a Party committee, the Front, a mass organisation or its branch."""

    lookup_url_name = "organizations:lookup"

    name = models.CharField(_("name"), max_length=300)
    kind = models.ForeignKey(OrganizationKind, verbose_name=_("kind"), on_delete=models.PROTECT, related_name="organizations")
    unit = models.ForeignKey("units.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="organizations")
    successor = models.ForeignKey(
        "self", verbose_name=_("successor"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="predecessors", help_text=_("The organisation this one merged into."),
    )
    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        # (unit, search_text): a search within a scope reads the folded text from the index, not the rows.
        indexes = [models.Index(fields=["unit", "name"]), models.Index(fields=["unit", "search_text"], name="organization_search_in_unit")]

    def __str__(self):
        return self.name

    def search_source(self):
        return f"{self.name} {self.unit}"

    def get_absolute_url(self):
        return reverse("organizations:detail", args=[self.pk])

    def parent_at(self, date):
        link = self.parent_links.valid_at(date).select_related("parent").first()
        return link.parent if link else None

    @property
    def parent(self):
        links = getattr(self, "current_parent_links", None)  # with_current_parent()
        if links is None:
            link = self.parent_links.filter(valid_to__isnull=True).select_related("parent").first()
            return link.parent if link else None
        return links[0].parent if links else None

    def clean(self):
        super().clean()
        if self.successor_id and self.successor_id == self.pk:
            raise ValidationError({"successor": _("An organisation cannot be its own successor.")})


class OrganizationLinkQuerySet(ScopedQuerySet, ValidityQuerySet):
    pass


class OrganizationLink(ScopedModel, ValidityModel):
    """An organisation's parent for a period: since 7/2025 the mass organisations sit under the Front."""

    scope_path = "organization__unit"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="parent_links")
    parent = models.ForeignKey(Organization, verbose_name=_("parent organisation"), on_delete=models.PROTECT, related_name="child_links")
    objects = OrganizationLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("parent organisation period")
        verbose_name_plural = _("parent organisation periods")
        ordering = ["-valid_from"]

    def __str__(self):
        return f"{self.organization} → {self.parent}"

    def clean(self):
        super().clean()
        if self.parent_id and self.parent_id == self.organization_id:
            raise ValidationError({"parent": _("An organisation cannot be its own parent.")})
        if self.parent_id and self.organization_id and self.organization_id in self._ancestor_ids(self.parent):
            raise ValidationError({"parent": _("This parent would make a cycle.")})

    @staticmethod
    def _ancestor_ids(organization):
        seen, frontier = set(), {organization.pk}
        while frontier:
            seen |= frontier
            frontier = set(
                OrganizationLink.objects.filter(organization_id__in=frontier).values_list("parent_id", flat=True)
            ) - seen
        return seen


track(OrganizationKind, Organization, OrganizationLink)

import datetime

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from danvan.core import aggregates
from danvan.core.audit import track
from danvan.core.choices import Level
from danvan.core.models import SearchableModel, ValidityModel, ValidityQuerySet, VersionedModel
from danvan.core.scoping import PATH_SEGMENT_WIDTH, ScopedQuerySet, path_segment, subtree_q
from danvan.core.text import fold
from danvan.units.choices import TYPE_LEVEL, TYPE_WORDS, SuccessionKind, UnitType

# Which levels a unit of each level may sit under: before 7/2025 a commune sat
# under a district, after it directly under the province.
PARENT_LEVELS = {
    Level.PROVINCE: (),
    Level.DISTRICT: (Level.PROVINCE,),
    Level.COMMUNE: (Level.DISTRICT, Level.PROVINCE),
    Level.HAMLET: (Level.COMMUNE,),
}


class UnitQuerySet(ScopedQuerySet, ValidityQuerySet):
    def subtree(self, unit):
        return self.filter(subtree_q(unit.path))

    def descendants(self, unit):
        return self.subtree(unit).exclude(pk=unit.pk)

    def ancestors(self, unit):
        return self.filter(pk__in=unit.ancestor_ids()).order_by("level")

    def legacy(self):
        return self.filter(valid_to__isnull=False)

    def current(self):
        return self.filter(valid_to__isnull=True)


class Unit(VersionedModel, ValidityModel, SearchableModel):
    """An administrative unit: province, district (until 6/2025), commune or hamlet.

    Official codes were reused by the 2025 reform (today's An Giang has the old
    Kiên Giang's 91), so a unit is identified by its id, never by its code.
    """

    scope_path = "pk"
    lookup_url_name = "units:lookup"

    official_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    code = models.CharField(_("code"), max_length=20, blank=True)
    name = models.CharField(_("name"), max_length=200)
    type = models.CharField(_("type"), max_length=20, choices=UnitType.choices)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices, editable=False)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    path = models.CharField(max_length=PATH_SEGMENT_WIDTH * 5, db_index=True, editable=False, default="")
    successors = models.ManyToManyField(
        "self", through="UnitSuccession", symmetrical=False, related_name="predecessors", blank=True
    )

    objects = UnitQuerySet.as_manager()
    # A name typed without its type word ("thanh yen") is still the exact name of "xã Thạnh Yên".
    search_prefix_words = tuple(sorted({fold(word) for word in TYPE_WORDS.values()}, key=len, reverse=True))

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["level", "name"]
        indexes = [models.Index(fields=["level", "valid_to"]), models.Index(fields=["code"])]

    def __str__(self):
        return f"{self.type_word} {self.name}"

    def get_absolute_url(self):
        return reverse("units:detail", args=[self.pk])

    @property
    def type_word(self):
        return TYPE_WORDS.get(self.type, "")

    @property
    def is_legacy(self):
        return self.valid_to is not None

    def search_source(self):
        return f"{self.type_word} {self.name} {self.code}"

    @property
    def choice_label(self):
        """The name as offered in pickers: a legacy unit carries its era, so today's and the old "tỉnh Cà Mau"
        can be told apart."""
        if self.valid_to is None:
            return str(self)
        return _("%(unit)s (before %(date)s)") % {"unit": self, "date": date_format(self.valid_to + datetime.timedelta(days=1), "d/m/Y")}

    def scope_unit(self):
        """A unit is its own scope unit (what ``services.ensure_in_scope`` checks)."""
        return self

    def ancestor_ids(self):
        segments = [self.path[i : i + PATH_SEGMENT_WIDTH] for i in range(0, len(self.path), PATH_SEGMENT_WIDTH)]
        return [int(segment) for segment in segments[:-1]]

    def full_name(self):
        return ", ".join(str(unit) for unit in [self, *reversed(list(Unit.objects.ancestors(self)))])

    def clean(self):
        super().clean()
        self.level = TYPE_LEVEL.get(self.type, self.level)
        self._check_parent()
        self._check_code_unique_in_validity()

    def _check_parent(self):
        allowed = PARENT_LEVELS.get(self.level, ())
        if self.parent is None:
            if allowed:
                raise ValidationError({"parent": _("A unit of this level needs a parent unit.")})
            return
        if self.pk and (self.parent_id == self.pk or self.parent.path.startswith(self.path)):
            raise ValidationError({"parent": _("A unit cannot be placed under itself or one of its own sub-units.")})
        if self.parent.level not in allowed:
            raise ValidationError(
                {"parent": _("A %(level)s cannot be placed under a %(parent)s.")
                 % {"level": self.get_level_display().lower(), "parent": self.parent.get_level_display().lower()}}
            )

    def _check_code_unique_in_validity(self):
        if not self.code:
            return
        clashes = Unit.objects.filter(code=self.code, level=self.level).exclude(pk=self.pk)
        if self.level == Level.HAMLET:
            # Official codes are national; hamlet codes are the commune's own numbering.
            clashes = clashes.filter(parent=self.parent)
        if self.valid_from:
            clashes = clashes.filter(models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=self.valid_from))
        if self.valid_to:
            clashes = clashes.filter(models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=self.valid_to))
        if clashes.exists():
            raise ValidationError({"code": _("Another unit of this level has this code in the same period.")})

    def save(self, *args, **kwargs):
        self.level = TYPE_LEVEL[self.type]
        with transaction.atomic():
            super().save(*args, **kwargs)
            self._refresh_path()

    def _refresh_path(self):
        path = (self.parent.path if self.parent_id else "") + path_segment(self.pk)
        if path == self.path:
            return
        old_path, self.path = self.path, path
        Unit.objects.filter(pk=self.pk).update(path=path)
        if old_path:
            # The statistics' counters are kept per path (core/aggregates.py): they move with the subtree.
            aggregates.move_subtree(old_path, path)
            for descendant in Unit.objects.filter(subtree_q(old_path)).exclude(pk=self.pk):
                descendant.path = path + descendant.path[len(old_path):]
                Unit.objects.filter(pk=descendant.pk).update(path=descendant.path)


class UnitSuccession(models.Model):
    """A unit became another: legacy commune → the 2025 commune it was merged into."""

    predecessor = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="successions_as_predecessor")
    successor = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="successions_as_successor")
    kind = models.CharField(_("kind"), max_length=10, choices=SuccessionKind.choices, default=SuccessionKind.MERGE)
    date = models.DateField(_("date"), null=True, blank=True)

    class Meta:
        verbose_name = _("unit succession")
        verbose_name_plural = _("unit successions")
        constraints = [models.UniqueConstraint(fields=["predecessor", "successor"], name="unique_unit_succession")]

    def __str__(self):
        return f"{self.predecessor} → {self.successor}"


track(Unit, UnitSuccession)

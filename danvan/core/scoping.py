"""The one scoping mechanism: which units, and so which records, a user may reach.

A user acts within one unit's subtree. Across the 2025 reform a user of a current
unit also reaches the legacy units that became part of it, so a unit's scope is a
set of subtrees. Subtrees are ranges of the materialised ``Unit.path``, which an
index serves on SQLite and PostgreSQL alike.
"""

import functools
import operator

from django.apps import apps
from django.db import models

from danvan.core.choices import Role

PATH_SEGMENT_WIDTH = 8


def path_segment(pk):
    return str(pk).zfill(PATH_SEGMENT_WIDTH)


def subtree_q(path, field="path"):
    """Q for every unit whose path lies in the subtree rooted at ``path``.

    Paths are fixed-width digit strings, so a subtree is the half-open range
    [path, path + 1): every collation orders digit strings the same way.
    """
    upper = str(int(path) + 1).zfill(len(path))
    return models.Q(**{f"{field}__gte": path, f"{field}__lt": upper})


def _minimal_cover(paths):
    """Drop every path that lies inside another one of the set."""
    kept = []
    for path in sorted(set(paths), key=len):
        if not any(path.startswith(prefix) for prefix in kept):
            kept.append(path)
    return sorted(kept)


class Scope:
    """The subtrees a user reaches; ``paths is None`` means the whole country."""

    def __init__(self, paths, role):
        self.paths = None if paths is None else _minimal_cover(paths)
        self.role = role

    @classmethod
    def for_user(cls, user):
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return cls([], None)
        cached = getattr(user, "_danvan_scope", None)
        if cached is None:
            cached = cls._build(user)
            user._danvan_scope = cached
        return cached

    @classmethod
    def of_unit(cls, unit):
        """What ``unit`` reaches, whoever asks: its own subtree and, for a current unit, the legacy
        subtrees that became part of it (no role: for checks such as "within the mission's unit")."""
        return cls(units_reached_from(unit), None)

    @classmethod
    def _build(cls, user):
        role = Role.ADMINISTRATOR if user.is_superuser else user.role
        if user.unit_id is not None:
            return cls(units_reached_from(user.unit), role)
        # Only an administrator works on the whole country; any other account without a unit reaches nothing.
        return cls(None, role) if role == Role.ADMINISTRATOR else cls([], None)

    @property
    def is_everything(self):
        return self.paths is None

    def units_q(self, field="path"):
        if not self.paths:
            return models.Q(pk__in=[])
        # OR-ed from the first range, not from an empty pk__in=[]: the same condition, but each compile of
        # every scoped query (a list page has about ten) raised and caught EmptyResultSet for that seed.
        return functools.reduce(operator.or_, (subtree_q(path, field) for path in self.paths))

    def contains_path(self, path):
        return self.is_everything or any(path.startswith(prefix) for prefix in self.paths)

    def contains(self, unit):
        return unit is not None and self.contains_path(unit.path)

    def allows(self, role):
        return self.role is not None and Role.rank(self.role) >= Role.rank(role)

    def filter(self, queryset, scope_path):
        """Restrict ``queryset`` to records whose unit (reached by ``scope_path``) is in scope."""
        if self.is_everything:
            return queryset
        if not self.paths:
            return queryset.none()
        unit_model = apps.get_model("units", "Unit")
        if queryset.model is unit_model:
            return queryset.filter(self.units_q())
        # A join and a path range per subtree, which the unit path index serves; ``unit_id IN
        # (subquery)`` made the planner walk every record first. Every scope_path follows forward
        # foreign keys, so the join adds no rows.
        return queryset.filter(self.units_q(f"{scope_path}__path"))


def unit_within(unit, home):
    """Whether ``unit`` lies within what ``home`` reaches (``Scope.of_unit``): THE check for a rule such
    as "the owner of a follow-up is a unit within the mission's unit"; no app compares paths itself."""
    if unit is None or home is None:
        return False
    # Inside home's own subtree needs no query; only a legacy predecessor's subtree does.
    return unit.path.startswith(home.path) or Scope.of_unit(home).contains(unit)


def units_reached_from(unit):
    """Paths of the subtrees a user of ``unit`` reaches, legacy predecessors included."""
    paths = [unit.path]
    if unit.valid_to is None:
        unit_model = apps.get_model("units", "Unit")
        # Every page builds its scope: a join on the successor's path range (half the time of ``successor__in
        # (subquery)`` on both engines), unsorted since the cover sorts the paths itself.
        successors_within = subtree_q(unit.path, "successions_as_predecessor__successor__path")
        paths += unit_model.objects.filter(successors_within).order_by().values_list("path", flat=True)
    return paths


class ScopedQuerySet(models.QuerySet):
    def visible_to(self, user):
        return Scope.for_user(user).filter(self, self.model.scope_path)


def unit_reach(unit):
    """The units a question about ``unit`` covers: its subtree and, for a current unit, the legacy
    subtrees that became part of it (asking about today's An Giang covers huyện U Minh Thượng's past)."""
    unit_model = apps.get_model("units", "Unit")
    return unit_model.objects.filter(Scope.of_unit(unit).units_q())

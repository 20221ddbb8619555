"""A unit's statistics for a span of years, gathered from every app that has something to count.

The movement's statistics (``movement.queries.initiative_stats``: the page and
``GET /api/v1/initiatives/stats/``) show figures that other apps own, such as the commendations
of ``awards``. So that the movement never imports those apps, each one registers a *section* in
its ``AppConfig.ready``::

    statistics.register("awards", commendation_section)

A section is ``section(units, span) -> dict``: ``units`` is the ``Reach`` of the question (the
subtrees it covers; ``in_units(lookup, units)`` turns it into a filter), ``span`` has ``from_year``
and ``to_year``. Its keys go into the statistics as they are, so they are part of the API: two
sections may not use one key.
"""

from django.db.models import Q

from danvan.core.scoping import Scope

_SECTIONS = {}


class Reach:
    """What a question about a unit covers: a few disjoint subtrees, by materialised path (its own and, for a
    current unit, the legacy ones that became part of it); ``paths is None`` is the whole country.

    Records are reached through a join on the unit's path range, counters (``core.aggregates``) by the
    subtrees' own paths: never through a list of every unit's id."""

    def __init__(self, paths):
        self.paths = None if paths is None else tuple(paths)

    @classmethod
    def of(cls, unit):
        """The reach of ``unit`` (``None``: the whole country); one query for a current unit, none for a legacy one."""
        return cls(None) if unit is None else cls(Scope.of_unit(unit).paths)

    @property
    def counter_paths(self):
        """The paths of the counter rows that add up to this reach (``""`` holds the whole country)."""
        return ("",) if self.paths is None else self.paths

    def q(self, lookup):
        """Q restricting ``lookup`` (a unit foreign key) to the reach."""
        return Q() if self.paths is None else Scope(self.paths, None).units_q(f"{lookup}__path")


def in_units(lookup, units):
    """Q restricting ``lookup`` (a unit foreign key) to ``units``: a ``Reach``, or a list of unit ids; ``None``
    (the whole country) restricts nothing."""
    if isinstance(units, Reach):
        return units.q(lookup)
    return Q() if units is None else Q(**{f"{lookup}__in": units})


def register(name, section):
    """Add ``section`` under ``name``; registering a name again replaces it (``ready`` may run twice in tests)."""
    _SECTIONS[name] = section


def sections_for(units, span, taken=()):
    """Every registered section's figures for ``units`` over ``span``, merged in registration order.

    ``taken`` are the keys the caller fills itself; a section that would overwrite one of them,
    or another section's key, is a programming error and fails loudly rather than hiding a figure.
    """
    merged = {}
    seen = set(taken)
    for name, section in _SECTIONS.items():
        figures = section(units, span)
        clash = seen.intersection(figures)
        if clash:
            raise ValueError(f"statistics section {name!r} reuses the keys {sorted(clash)}")
        seen.update(figures)
        merged.update(figures)
    return merged

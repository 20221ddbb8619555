"""A unit's statistics for a span of years, gathered from every app that has something to count.

The movement's statistics (``movement.queries.initiative_stats``: the page and
``GET /api/v1/initiatives/stats/``) show figures that other apps own, such as the commendations
of ``awards``. So that the movement never imports those apps, each one registers a *section* in
its ``AppConfig.ready``::

    statistics.register("awards", commendation_section)

A section is ``section(units, span) -> dict``: ``units`` is the list of unit ids the question
covers (``None`` for the whole country), ``span`` has ``from_year`` and ``to_year``. Its keys go
into the statistics as they are, so they are part of the API: two sections may not use one key.
"""

from django.db.models import Q

_SECTIONS = {}


def in_units(lookup, units):
    """Q restricting ``lookup`` (a unit foreign key) to ``units``; ``None`` (the whole country) restricts nothing."""
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

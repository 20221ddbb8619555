"""Read side of the movement: the statistics of any unit subtree (legacy or current) over any span of years.

``initiative_stats`` answers the questions of seed 002 ("635 mô hình … 266 cấp cơ sở, 61 cấp huyện …
04 tập thể, 06 cá nhân") with a fixed number of aggregate queries, whatever the amount of data.
"""

import dataclasses
import datetime

from django.db.models import Count, Max, Q

from danvan.core import statistics
from danvan.core.scoping import unit_reach
from danvan.core.statistics import in_units as _in_units
from danvan.movement.choices import LEVEL_KEYS, REGISTERED_STATUSES, HolderKind, InitiativeKind
from danvan.movement.models import Field, Initiative, Phase, Recognition, Replication

TYPICAL_LIMIT = 12


@dataclasses.dataclass(frozen=True)
class Span:
    from_year: int
    to_year: int

    @property
    def length(self):
        return self.to_year - self.from_year + 1

    @property
    def previous(self):
        return Span(self.from_year - self.length, self.from_year - 1)

    @property
    def years(self):
        return (self.from_year, self.to_year)

    @classmethod
    def of_phase(cls, phase):
        return cls(phase.start_year, phase.end_year)


def units_of(unit):
    """Ids of the units a question about ``unit`` covers: its subtree and, for a current unit,
    the legacy subtrees that became part of it. ``None`` means the whole country."""
    if unit is None:
        return None
    # A concrete id list (one query) lets SQLite use the unit indexes of every aggregate below;
    # a province has a few thousand units at most.
    return list(unit_reach(unit).values_list("pk", flat=True))


def _registration_counts(units, span):
    """Registered initiatives of the span and of the previous span of the same length, in one query."""
    both = Q(registration_year__gte=span.previous.from_year, registration_year__lte=span.to_year)
    in_span = Q(registration_year__gte=span.from_year)
    counts = Initiative.objects.filter(_in_units("unit", units), both, status__in=REGISTERED_STATUSES).aggregate(
        registered=Count("pk", filter=in_span),
        previous=Count("pk", filter=~in_span),
        model=Count("pk", filter=in_span & Q(kind=InitiativeKind.MODEL)),
        exemplar=Count("pk", filter=in_span & Q(kind=InitiativeKind.EXEMPLAR)),
        collective=Count("pk", filter=in_span & Q(holder=HolderKind.COLLECTIVE)),
        individual=Count("pk", filter=in_span & Q(holder=HolderKind.INDIVIDUAL)),
    )
    return counts


def _field_counts(units, span):
    matching = (
        _in_units("initiatives__unit", units)
        & Q(initiatives__registration_year__gte=span.from_year, initiatives__registration_year__lte=span.to_year,
            initiatives__status__in=REGISTERED_STATUSES)
    )
    return list(Field.objects.annotate(count=Count("initiatives", filter=matching)).values_list("code", "name", "count"))


def _recognition_counts(units, span):
    recognitions = Recognition.objects.filter(_in_units("initiative__unit", units), year__gte=span.from_year, year__lte=span.to_year)
    aggregates = {key: Count("initiative", distinct=True, filter=Q(level=level)) for level, key in LEVEL_KEYS.items()}
    aggregates["outstanding"] = Count("initiative", distinct=True, filter=Q(outstanding=True))
    aggregates["recognised"] = Count("initiative", distinct=True)
    return recognitions.aggregate(**aggregates)


def _replication_counts(units, span):
    return Replication.objects.filter(
        _in_units("origin__unit", units), adopted_on__year__gte=span.from_year, adopted_on__year__lte=span.to_year
    ).aggregate(replicated=Count("origin", distinct=True), replication_places=Count("unit", distinct=True))


def typical_initiatives(units, span, limit=TYPICAL_LIMIT):
    """Outstanding recognitions of the span, highest level first, with owner and unit (one query)."""
    return list(
        Recognition.objects.filter(_in_units("initiative__unit", units), year__gte=span.from_year, year__lte=span.to_year, outstanding=True)
        .select_related("initiative__unit", "initiative__owner_organization", "initiative__owner_person")
        .order_by("level", "-year", "initiative__name")[:limit]
    )


def formalism_count(units, span, today=None):
    """Formalism among the models registered in the span, like every other figure of the statistics."""
    in_span = Q(registration_year__gte=span.from_year, registration_year__lte=span.to_year)
    return Initiative.objects.filter(_in_units("unit", units), in_span).formalism(today).count()


def initiative_stats(unit, span, today=None, with_typical=True):
    """Everything the statistics page and ``GET /api/v1/initiatives/stats/`` show, for ``unit``'s subtree."""
    units = units_of(unit)
    registrations = _registration_counts(units, span)
    fields = _field_counts(units, span)
    recognitions = _recognition_counts(units, span)
    replications = _replication_counts(units, span)
    stats = {
        "unit": unit.pk if unit else None,
        "from_year": span.from_year,
        "to_year": span.to_year,
        "registered": registrations["registered"],
        "previous_period": {
            "from_year": span.previous.from_year, "to_year": span.previous.to_year,
            "registered": registrations["previous"],
            "change": registrations["registered"] - registrations["previous"],
        },
        "recognized_by_level": {key: recognitions[key] for key in LEVEL_KEYS.values()},
        "recognized": recognitions["recognised"],
        "outstanding": recognitions["outstanding"],
        "by_field": {code: count for code, _, count in fields},
        "field_names": {code: name for code, name, _ in fields},
        "by_kind": {"model": registrations["model"], "exemplar": registrations["exemplar"]},
        "by_holder": {"collective": registrations["collective"], "individual": registrations["individual"]},
        "replicated": replications["replicated"],
        "replication_places": replications["replication_places"],
        "formalism": formalism_count(units, span, today),
    }
    # Figures other apps own (the commendations of ``awards`` …), added by their registered sections.
    stats.update(statistics.sections_for(units, span, taken=stats))
    if with_typical:
        stats["typical"] = typical_initiatives(units, span)
    return stats


def default_span(unit=None, today=None):
    """The span a unit's statistics open on: the phase of its latest registrations (a legacy district's work
    ended in its own phase), else the current phase, or the last one when today lies after every phase."""
    units = units_of(unit)
    initiatives = Initiative.objects.all() if units is None else Initiative.objects.filter(_in_units("unit", units))
    year = initiatives.aggregate(latest=Max("registration_year"))["latest"] or (today or datetime.date.today()).year
    phase = Phase.objects.filter(start_year__lte=year, end_year__gte=year).first() or Phase.objects.order_by("-end_year").first()
    return Span.of_phase(phase) if phase else Span(year, year)

"""Read side of the movement: the statistics of any unit subtree (legacy or current) over any span of years.

``initiative_stats`` answers the questions of seed 002 ("635 mô hình … 266 cấp cơ sở, 61 cấp huyện …
04 tập thể, 06 cá nhân") with a fixed number of aggregate queries, whatever the amount of data.
"""

import dataclasses
import datetime

from django.db.models import Count, Max, Q

from danvan.core import statistics
from danvan.core.scoping import PATH_SEGMENT_WIDTH, Scope, subtree_q, unit_reach
from danvan.core.statistics import in_units as _in_units
from danvan.movement.choices import LEVEL_KEYS, REGISTERED_STATUSES, HolderKind, InitiativeKind
from danvan.movement.models import Field, Initiative, Phase, Recognition, Replication
from danvan.units.models import Unit, UnitSuccession

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


def _year_counts(units, span):
    """Registrations of each year of the span, a year without any counted as 0 (one query)."""
    counts = dict(
        Initiative.objects.filter(_in_units("unit", units), registration_year__gte=span.from_year,
                                  registration_year__lte=span.to_year, status__in=REGISTERED_STATUSES)
        .values_list("registration_year").annotate(count=Count("pk")).order_by()
    )
    return {year: counts.get(year, 0) for year in range(span.from_year, span.to_year + 1)}


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
        "by_year": _year_counts(units, span),
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


@dataclasses.dataclass
class RankedUnit:
    unit: object
    registered: int = 0
    recognised: int = 0

    @property
    def rate(self):
        """Share of the registered models that were recognised, in percent (None when none registered)."""
        return 100 * self.recognised / self.registered if self.registered else None


def _ranked_rows(unit):
    """{path: RankedUnit} of the units one level below ``unit`` (the provinces for the whole country), and
    {legacy path: the row it counts under}: a legacy unit that became part of a unit below counts under it
    (xã Mong Thọ under today's xã Bình An); one that became part of ``unit`` itself has its own children ranked
    (a merged province's districts); and the Q of the initiatives the question covers. Two queries."""
    if unit is None:
        return {child.path: RankedUnit(child) for child in Unit.objects.filter(parent__isnull=True)}, {}, Q()
    successions = list(UnitSuccession.objects.filter(subtree_q(unit.path, "successor__path"))
                       .values_list("predecessor__path", "successor__path"))
    whole = {predecessor for predecessor, successor in successions if successor == unit.path}
    rows = {child.path: RankedUnit(child) for child in Unit.objects.filter(Q(parent=unit) | Q(parent__path__in=whole))}
    width = len(unit.path) + PATH_SEGMENT_WIDTH
    aliases = {predecessor: rows[successor[:width]] for predecessor, successor in successions
               if successor != unit.path and successor[:width] in rows}
    reach = Scope([unit.path, *(predecessor for predecessor, _ in successions)], None).units_q("unit__path")
    return rows, aliases, reach


def _row_of(path, rows, lengths):
    """The ranked unit whose subtree holds ``path``: rows are keyed by path and have few distinct lengths."""
    for length in lengths:
        row = rows.get(path[:length])
        if row is not None:
            return row
    return None


def subordinate_ranking(unit, span):
    """The units one level below ``unit`` (and below the legacy units that became part of it), each with the models
    registered in its subtree over the span and how many were recognised, most recognised first.

    Four queries whatever the number of units: successions, the ranked units, then registrations and recognitions
    counted per unit path and summed in Python under the ranked unit whose path begins that path. Models of
    ``unit`` itself belong to no unit below and are left out of the ranking (not of the totals above it)."""
    rows, aliases, reach = _ranked_rows(unit)
    if not rows:
        return []
    owners = {**rows, **aliases}
    lengths = sorted({len(path) for path in owners}, reverse=True)
    registered = Initiative.objects.filter(reach, registration_year__gte=span.from_year, registration_year__lte=span.to_year,
                                           status__in=REGISTERED_STATUSES)
    recognised = registered.filter(recognitions__year__gte=span.from_year, recognitions__year__lte=span.to_year)
    for queryset, count, figure in ((registered, Count("pk"), "registered"), (recognised, Count("pk", distinct=True), "recognised")):
        for path, number in queryset.values_list("unit__path").annotate(number=count).order_by():
            row = _row_of(path, owners, lengths)
            if row is not None:
                setattr(row, figure, getattr(row, figure) + number)
    return sorted(rows.values(), key=lambda row: (-row.recognised, -row.registered, row.unit.name))

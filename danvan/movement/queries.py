"""Read side of the movement: the statistics of any unit subtree (legacy or current) over any span of years.

``initiative_stats`` answers the questions of seed 002 ("635 mô hình … 266 cấp cơ sở, 61 cấp huyện …
04 tập thể, 06 cá nhân") from counters the services keep in the same transaction as each change
(``InitiativeCounts`` says what an initiative counts for; ``core/aggregates.py`` keeps them): a few
index reads for a province whatever the amount of data, and the same answer as counting the records.
"""

import collections
import dataclasses
import datetime

from django.db.models import Count, Max, Q

from danvan.core import aggregates, statistics
from danvan.core.aggregates import Aggregate
from danvan.core.scoping import PATH_SEGMENT_WIDTH, subtree_q, unit_reach
from danvan.core.statistics import Reach
from danvan.core.statistics import in_units as _in_units
from danvan.movement.choices import LEVEL_KEYS, REGISTERED_STATUSES, HolderKind, InitiativeKind, Status
from danvan.movement.models import Field, Initiative, Phase, Recognition, Replication, ResultUpdate, stale_before
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
    the legacy subtrees that became part of it. ``None`` means the whole country.

    For the pages that pick a few records of those units; the statistics read ``Reach.of(unit)``."""
    if unit is None:
        return None
    return list(unit_reach(unit).values_list("pk", flat=True))


# ---------------------------------------------------------------- what an initiative counts for

COUNTED = "movement.initiative"
# Dimensions of the counters (core/aggregates.py) an initiative contributes to. Registrations are keyed by the
# registration year and the status; recognitions by their own year; "distinct" figures (initiatives recognised,
# outstanding or replicated within a span) by the set of years they happened in, so that any span is answered
# exactly: an initiative counts once if any of its years falls in the span.
REGISTRATION_DIMENSIONS = ("initiative", "kind", "holder", "field")
LEVEL, RECOGNITION_YEARS, OUTSTANDING_YEARS = "recognition_level", "recognition_years", "outstanding_years"
REPLICATION_YEARS, REPLICATION_PLACE, FRESHNESS = "replication_years", "replication_place", "freshness"


def _years(years):
    return ",".join(str(year) for year in sorted(set(years)))


def _any_in(years, span):
    return any(span.from_year <= int(year) <= span.to_year for year in years.split(","))


class InitiativeCounts(aggregates.Counted):
    """An initiative with its fields, recognitions, replications and latest result counts for the keys below."""

    name = COUNTED
    model = Initiative
    roots = {
        Initiative: lambda initiative: initiative.pk,
        Recognition: lambda recognition: recognition.initiative_id,
        Replication: lambda replication: replication.origin_id,
        ResultUpdate: lambda update: update.initiative_id,
    }

    def contributions(self, pks):
        rows = Initiative._base_manager.filter(pk__in=pks).values_list(
            "pk", "unit__path", "registration_year", "status", "kind", "holder", "recognised_on", "last_result_on")
        fields, recognitions, replications = (collections.defaultdict(list) for _ in range(3))
        for pk, field in Initiative.fields.through.objects.filter(initiative_id__in=pks).values_list("initiative_id", "field_id"):
            fields[pk].append(field)
        for pk, *recognition in Recognition.objects.filter(initiative_id__in=pks).values_list("initiative_id", "year", "level", "outstanding"):
            recognitions[pk].append(recognition)
        for pk, *replication in Replication.objects.filter(origin_id__in=pks).values_list("origin_id", "adopted_on", "unit_id"):
            replications[pk].append(replication)
        return {row[0]: self._keys(row, fields[row[0]], recognitions[row[0]], replications[row[0]]) for row in rows}

    @staticmethod
    def _keys(row, fields, recognitions, replications):
        _pk, path, year, status, kind, holder, recognised_on, last_result_on = row
        keys = [(path, "initiative", year, "", status), (path, "kind", year, kind, status), (path, "holder", year, holder, status)]
        keys += [(path, "field", year, str(field), status) for field in fields]
        keys += [(path, LEVEL, recognised, str(level), "") for recognised, level, _outstanding in recognitions]
        if recognitions:
            keys.append((path, RECOGNITION_YEARS, year, _years(recognised for recognised, *_ in recognitions), status))
        outstanding = [recognised for recognised, _level, is_outstanding in recognitions if is_outstanding]
        if outstanding:
            keys.append((path, OUTSTANDING_YEARS, 0, _years(outstanding), ""))
        if replications:
            keys.append((path, REPLICATION_YEARS, 0, _years(adopted.year for adopted, _place in replications), ""))
            keys += [(path, REPLICATION_PLACE, adopted.year, str(place), "") for adopted, place in replications]
        if status == Status.RECOGNISED:
            # The day it last showed life (recognised or reported); "" when never: what the formalism watch compares.
            alive = max((day for day in (recognised_on, last_result_on) if day is not None), default=None)
            keys.append((path, FRESHNESS, year, alive.isoformat() if alive else "", status))
        return keys


# ---------------------------------------------------------------- the statistics, from the counters

def _counts(reach, *dimensions, **filters):
    return aggregates.counts(COUNTED, reach.counter_paths, dimensions, **filters)


def _registration_counts(rows, span):
    """Registered initiatives of the span and of the previous span of the same length, by kind and holder."""
    counts = collections.Counter()
    for (dimension, year, value, state), total in rows.items():
        if dimension in REGISTRATION_DIMENSIONS and state in REGISTERED_STATUSES and span.previous.from_year <= year <= span.to_year:
            counts[(dimension, value, year >= span.from_year)] += total
    return {
        "registered": counts[("initiative", "", True)], "previous": counts[("initiative", "", False)],
        "model": counts[("kind", InitiativeKind.MODEL, True)], "exemplar": counts[("kind", InitiativeKind.EXEMPLAR, True)],
        "collective": counts[("holder", HolderKind.COLLECTIVE, True)], "individual": counts[("holder", HolderKind.INDIVIDUAL, True)],
        "fields": {int(value): total for (dimension, value, in_span), total in counts.items() if dimension == "field" and in_span},
    }


def _year_counts(rows, span):
    """Registrations of each year of the span, a year without any counted as 0."""
    counts = collections.Counter()
    for (dimension, year, _value, state), total in rows.items():
        if dimension == "initiative" and state in REGISTERED_STATUSES:
            counts[year] += total
    return {year: counts.get(year, 0) for year in range(span.from_year, span.to_year + 1)}


def _recognition_counts(rows, span):
    """Initiatives recognised in the span at each level, outstanding, and at any level (each once)."""
    counts = dict.fromkeys([*LEVEL_KEYS.values(), "outstanding", "recognised"], 0)
    for (dimension, year, value, _state), total in rows.items():
        if dimension == LEVEL and span.from_year <= year <= span.to_year:
            counts[LEVEL_KEYS[int(value)]] += total
        elif dimension == RECOGNITION_YEARS and _any_in(value, span):
            counts["recognised"] += total
        elif dimension == OUTSTANDING_YEARS and _any_in(value, span):
            counts["outstanding"] += total
    return counts


def _replication_counts(reach, rows, span):
    replicated = sum(total for (dimension, _year, value, _state), total in rows.items()
                     if dimension == REPLICATION_YEARS and _any_in(value, span))
    # A place that took up several models counts once: distinct values among the rows that count something.
    places = Aggregate.objects.filter(
        counted=COUNTED, path__in=reach.counter_paths, dimension=REPLICATION_PLACE,
        year__gte=span.from_year, year__lte=span.to_year, count__gt=0,
    ).aggregate(places=Count("value", distinct=True))["places"]
    return {"replicated": replicated, "replication_places": places}


def _formalism_count(rows, span, today=None):
    """Recognised models of the span with no sign of life for 12 months (``InitiativeQuerySet.formalism``)."""
    stale = stale_before(today).isoformat()
    return sum(total for (dimension, year, value, state), total in rows.items()
               if dimension == FRESHNESS and state == Status.RECOGNISED and span.from_year <= year <= span.to_year and value < stale)


def typical_initiatives(units, span, limit=TYPICAL_LIMIT):
    """Outstanding recognitions of the span, highest level first, with owner and unit (one query)."""
    return list(
        Recognition.objects.filter(_in_units("initiative__unit", units), year__gte=span.from_year, year__lte=span.to_year, outstanding=True)
        .select_related("initiative__unit", "initiative__owner_organization", "initiative__owner_person")
        .order_by("level", "-year", "initiative__name")[:limit]
    )


def formalism_count(units, span, today=None):
    """Formalism among the models registered in the span, like every other figure of the statistics."""
    return _formalism_count(_counts(units, FRESHNESS), span, today)


STATISTICS_DIMENSIONS = (*REGISTRATION_DIMENSIONS, LEVEL, RECOGNITION_YEARS, OUTSTANDING_YEARS, REPLICATION_YEARS, FRESHNESS)


def initiative_stats(unit, span, today=None, with_typical=True):
    """Everything the statistics page and ``GET /api/v1/initiatives/stats/`` show, for ``unit``'s subtree.

    Read from the maintained counters: the reach (one query for a current unit), the counter rows of its few
    subtrees, the distinct places of replication and the field catalogue, whatever the number of records."""
    units = Reach.of(unit)
    rows = _counts(units, *STATISTICS_DIMENSIONS)
    registrations = _registration_counts(rows, span)
    fields = list(Field.objects.values_list("pk", "code", "name"))
    recognitions = _recognition_counts(rows, span)
    replications = _replication_counts(units, rows, span)
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
        "by_field": {code: registrations["fields"].get(pk, 0) for pk, code, _ in fields},
        "by_year": _year_counts(rows, span),
        "field_names": {code: name for _, code, name in fields},
        "by_kind": {"model": registrations["model"], "exemplar": registrations["exemplar"]},
        "by_holder": {"collective": registrations["collective"], "individual": registrations["individual"]},
        "replicated": replications["replicated"],
        "replication_places": replications["replication_places"],
        "formalism": _formalism_count(rows, span, today),
    }
    # Figures other apps own (the commendations of ``awards`` …), added by their registered sections.
    stats.update(statistics.sections_for(units, span, taken=stats))
    if with_typical:
        stats["typical"] = typical_initiatives(units, span)
    return stats


def default_span(unit=None, today=None):
    """The span a unit's statistics open on: the phase of its latest registrations (a legacy district's work
    ended in its own phase), else the current phase, or the last one when today lies after every phase."""
    year = Aggregate.objects.filter(
        counted=COUNTED, path__in=Reach.of(unit).counter_paths, dimension="initiative", count__gt=0,
    ).aggregate(latest=Max("year"))["latest"] or (today or datetime.date.today()).year
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
    (a merged province's districts); and the Q of the counter paths that hold their figures. Two queries."""
    if unit is None:
        roots = Unit.objects.filter(parent__isnull=True)
        return {child.path: RankedUnit(child) for child in roots}, {}, Q(path__in=roots.values("path"))
    successions = UnitSuccession.objects.filter(subtree_q(unit.path, "successor__path"))
    pairs = list(successions.values_list("predecessor__path", "successor__path"))
    whole = {predecessor for predecessor, successor in pairs if successor == unit.path}
    below = Unit.objects.filter(Q(parent=unit) | Q(parent__path__in=whole))
    rows = {child.path: RankedUnit(child) for child in below}
    width = len(unit.path) + PATH_SEGMENT_WIDTH
    aliases = {predecessor: rows[successor[:width]] for predecessor, successor in pairs
               if successor != unit.path and successor[:width] in rows}
    # Subqueries, not the hundreds of paths just read: the database joins them to the counters' index.
    paths = Q(path__in=below.values("path")) | Q(path__in=successions.values("predecessor__path"))
    return rows, aliases, paths


def _exclusive(totals, owners):
    """Each owner's totals less those of the owners nested in it: a record counts under the deepest owner above
    it (a legacy commune that became part of a unit below counts there, not under its legacy district)."""
    lengths = sorted({len(path) for path in owners}, reverse=True)
    exclusive = {path: collections.Counter(totals.get(path, {})) for path in owners}
    for path in owners:
        parent = next((path[:length] for length in lengths if length < len(path) and path[:length] in owners), None)
        if parent is not None:
            exclusive[parent].subtract(totals.get(path, {}))
    return exclusive


def subordinate_ranking(unit, span):
    """The units one level below ``unit`` (and below the legacy units that became part of it), each with the models
    registered in its subtree over the span and how many were recognised, most recognised first.

    Three queries whatever the number of units and records: successions, the ranked units, then their counters
    (rolled up to each unit, see ``core.aggregates``). Models of ``unit`` itself belong to no unit below and are
    left out of the ranking (not of the totals above it)."""
    rows, aliases, paths = _ranked_rows(unit)
    if not rows:
        return []
    owners = {**rows, **aliases}
    totals = collections.defaultdict(collections.Counter)
    counters = Aggregate.objects.filter(paths, counted=COUNTED, dimension__in=("initiative", RECOGNITION_YEARS),
                                        year__gte=span.from_year, year__lte=span.to_year, state__in=REGISTERED_STATUSES)
    for path, dimension, value, count in counters.values_list("path", "dimension", "value", "count"):
        if path not in owners:
            continue
        if dimension == "initiative":
            totals[path]["registered"] += count
        elif _any_in(value, span):
            totals[path]["recognised"] += count
    for path, figures in _exclusive(totals, owners).items():
        row = owners[path]
        row.registered += figures["registered"]
        row.recognised += figures["recognised"]
    return sorted(rows.values(), key=lambda row: (-row.recognised, -row.registered, row.unit.name))

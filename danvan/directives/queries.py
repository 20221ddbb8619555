"""Read side of the register: the implementation matrix and the state of obligations, in a fixed number of queries."""

import dataclasses
import datetime

from django.db.models import F, Q
from django.utils.text import Truncator

from danvan.core.choices import Level
from danvan.core.scoping import PATH_SEGMENT_WIDTH, subtree_q
from danvan.directives import evidence
from danvan.directives.choices import ObligationState
from danvan.directives.models import Implementation, Obligation, ObligationFulfilment
from danvan.units.models import Unit


@dataclasses.dataclass
class MatrixEntry:
    """One implementation in a cell of the matrix, its words made once here: template filters on every
    cell of a province's 148 communes were most of the page's time."""

    document: object  # the unit's own document, or None
    description: str
    implemented_on: datetime.date
    text: str  # the document, else the description cut short
    url: str  # the document's page, or ""
    date: str


@dataclasses.dataclass
class MatrixRow:
    unit: Unit
    implementations: list  # of MatrixEntry
    label: str = ""  # the unit as the matrix names it
    parent_label: str = ""

    @property
    def is_gap(self):
        return not self.implementations


def _entry(implementation):
    document, on = implementation.document, implementation.implemented_on
    return MatrixEntry(
        document, implementation.description, on, str(document) if document else Truncator(implementation.description).chars(80),
        document.get_absolute_url() if document else "", on.strftime("%d/%m/%Y") if on else "",
    )


def _prefixes(path):
    return [path[:end] for end in range(len(path), 0, -PATH_SEGMENT_WIDTH)]


def _units_existing_in(queryset, start, end):
    return queryset.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=end), Q(valid_to__isnull=True) | Q(valid_to__gte=start))


def matrix_units(directive, user, level=Level.COMMUNE):
    """The units of ``level`` under the directive's register unit that the viewer reaches and that existed when it was issued."""
    on = directive.issued_on or datetime.date.today()
    units = Unit.objects.visible_to(user).filter(subtree_q(directive.unit.path), level=level)
    # Only what the matrix, its export and the report read of each unit and its parent.
    shown = ("name", "type", "level", "path", "parent_id", "valid_from", "valid_to", "parent__name", "parent__type")
    return list(_units_existing_in(units, on, on).select_related("parent").only(*shown).order_by("path"))


def implementation_matrix(directive, user, level=Level.COMMUNE):
    """One row per unit: its implementations of ``directive`` (made by it or a unit below it), the words
    each cell shows made here. Two queries, whatever the number of units."""
    rows = {
        unit.path: MatrixRow(unit, [], str(unit), str(unit.parent) if unit.parent_id else "")
        for unit in matrix_units(directive, user, level)
    }
    if rows:
        implementations = (
            Implementation.objects.filter(subtree_q(directive.unit.path, "unit__path"), directive=directive)
            .select_related("document").annotate(unit_path=F("unit__path")).order_by("implemented_on", "pk")
        )
        for implementation in implementations:
            row = next((rows[p] for p in _prefixes(implementation.unit_path) if p in rows), None)
            if row is not None:
                row.implementations.append(_entry(implementation))
    return list(rows.values())


@dataclasses.dataclass
class ObligationCell:
    """A unit's state for an obligation in a period. For the year of a monthly obligation, ``months`` holds the
    twelve month cells and the year is met when every month is, overdue when any month is."""

    obligation: Obligation
    unit: Unit
    period: tuple
    fulfilments: list
    today: datetime.date
    months: list = dataclasses.field(default_factory=list)

    @property
    def count(self):
        return len(self.fulfilments)

    @property
    def month(self):
        return self.period[2] if len(self.period) > 2 else None

    @property
    def months_met(self):
        return sum(cell.state == ObligationState.MET for cell in self.months)

    @property
    def state(self):
        if self.months:
            states = {cell.state for cell in self.months}
            if states == {ObligationState.MET}:
                return ObligationState.MET
            return ObligationState.OVERDUE if ObligationState.OVERDUE in states else ObligationState.DUE
        if self.count >= self.obligation.times:
            return ObligationState.MET
        if self.obligation.deadline_of(self.period) < self.today:
            return ObligationState.OVERDUE
        return ObligationState.DUE

    def get_state_display(self):
        return ObligationState(self.state).label


def _month_of(item):
    """The month a fulfilment or evidence counts for: its own, else its date's."""
    month = getattr(item, "month", None)
    if month is None and item.fulfilled_on is not None:
        return item.fulfilled_on.month
    return month


def _cell(obligation, unit, period, fulfilments, today):
    """The cell of ``period``; the year of a monthly obligation is split into its twelve months."""
    if not obligation.is_monthly or len(period) > 2:
        return ObligationCell(obligation, unit, period, fulfilments, today)
    months = [ObligationCell(obligation, unit, month, [f for f in fulfilments if _month_of(f) == month[2]], today)
              for month in obligation.months_of(period[0])]
    return ObligationCell(obligation, unit, period, fulfilments, today, months)


def obligation_units(obligation, user, period):
    start, end = datetime.date(period[0], 1, 1), datetime.date(period[1], 12, 31)
    units = Unit.objects.visible_to(user).filter(subtree_q(obligation.directive.unit.path), level=obligation.level)
    return list(_units_existing_in(units, start, end).select_related("parent").order_by("path"))


def obligation_status(obligation, user, year, today=None, month=None):
    """Every unit the obligation binds in the period containing ``year``: met, due or overdue, and by which records.

    For a monthly obligation: the cells of ``month``, or without one the year's cells, each with its twelve months
    (``ObligationCell.months``). Three queries whatever the number of units (plus one per evidence source)."""
    today = today or datetime.date.today()
    period = obligation.period_of(year, month)
    units = obligation_units(obligation, user, period)
    by_unit = {unit.pk: [] for unit in units}
    fulfilments = ObligationFulfilment.objects.filter(
        obligation=obligation, year__gte=period[0], year__lte=period[1], unit__in=[unit.pk for unit in units]
    ).select_related("content_type").order_by("fulfilled_on", "pk")
    for fulfilment in fulfilments:
        if Obligation.contains(period, fulfilment.year, _month_of(fulfilment)):
            by_unit[fulfilment.unit_id].append(fulfilment)
    for item in evidence.found(obligation.kind, by_unit, period[0], period[1], months=[month] if len(period) > 2 else None):
        _add_evidence(by_unit[item.unit_id], item)
    return [_cell(obligation, unit, period, by_unit[unit.pk], today) for unit in units]


def _add_evidence(fulfilments, item):
    """A record another app registered (``directives.evidence``), unless it was also recorded by hand."""
    if item.key not in {evidence.fulfilment_key(fulfilment) for fulfilment in fulfilments}:
        fulfilments.append(item)


def obligations_binding(unit, user, year):
    """The obligations that bind ``unit`` in ``year``: set for its level by a directive in a register at or above it,
    readable by a commune although the district set them (``binding_for``)."""
    return (
        Obligation.objects.binding_for(user)
        .filter(level=unit.level, first_year__lte=year, directive__unit__path__in=_prefixes(unit.path))
        .filter(Q(last_year__isnull=True) | Q(last_year__gte=year))
        .select_related("directive")
    )


def obligations_of_unit(unit, user, year, today=None):
    """Every obligation that binds ``unit`` in ``year`` (set by a directive in a register at or above it), with its state;
    a monthly one's cell holds its twelve months of ``year``."""
    today = today or datetime.date.today()
    obligations = list(obligations_binding(unit, user, year))
    periods = {obligation.pk: obligation.period_of(year) for obligation in obligations}
    found = {obligation.pk: [] for obligation in obligations}
    if obligations:
        low = min(period[0] for period in periods.values())
        for fulfilment in ObligationFulfilment.objects.filter(
            obligation__in=obligations, unit=unit, year__gte=low, year__lte=year + 10
        ).select_related("content_type"):
            period = periods[fulfilment.obligation_id]
            if Obligation.contains(period, fulfilment.year, _month_of(fulfilment)):
                found[fulfilment.obligation_id].append(fulfilment)
        for kind in {obligation.kind for obligation in obligations}:
            items = evidence.found(kind, [unit.pk], low, year + 10)
            for obligation in (o for o in obligations if o.kind == kind):
                period = periods[obligation.pk]
                for item in items:
                    if Obligation.contains(period, item.year, item.month):
                        _add_evidence(found[obligation.pk], item)
    # A monthly obligation's year comes with its twelve months.
    return [_cell(o, unit, periods[o.pk], found[o.pk], today) for o in obligations]

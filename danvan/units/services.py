"""Every change to units: loading the official lists, adding hamlets."""

import contextlib
import dataclasses
import gc

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils.translation import gettext as _

from danvan.core import aggregates
from danvan.core.scoping import path_segment
from danvan.core.services import allocate_ids, insert_many, save_record
from danvan.core.text import fold
from danvan.units import official
from danvan.units.choices import TYPE_LEVEL, TYPE_WORDS
from danvan.units.models import Unit, UnitSuccession

_COMPARED_FIELDS = ("code", "name", "type", "valid_from", "valid_to")


@dataclasses.dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    successions_created: int = 0
    successions_removed: int = 0

    @property
    def changed(self):
        return any(dataclasses.astuple(self))


@contextlib.contextmanager
def _without_cycle_collection():
    """The load allocates some 100,000 tuples and records and frees none of them in a cycle: each of the
    collector's full passes over everything Django keeps alive would cost a tenth of the load."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@_without_cycle_collection()
@transaction.atomic
def load_official_units():
    """Create or update the official units and their lineage; a second run changes nothing.

    Rows are built as tuples and compared as tuples, without a model instance per unit: the load writes some
    14,000 units and 10,000 links, and instances, their field preparation and relation checks cost three times
    the insert itself."""
    report = LoadReport()
    # key → [pk, parent pk, path, code, name, type, valid_from, valid_to], as stored: one query for every level.
    existing = {
        key: list(rest)
        for key, *rest in Unit.objects.filter(official_key__isnull=False).values_list(
            "official_key", "pk", "parent_id", "path", *_COMPARED_FIELDS).iterator(chunk_size=5000)
    }
    records = [*official.legacy_units(), *official.current_units()]
    for level_records in _by_parent_depth(records):
        _sync_level(level_records, existing, report)
    _sync_successions(existing, report)
    if report.updated:
        # A unit may have moved under another parent, written here without Unit.save: recount what is counted per path.
        aggregates.rebuild()
    return report


def _by_parent_depth(records):
    """Group records so that every parent is written before its children."""
    depth = {}
    for record in records:
        depth[record.key] = 0 if record.parent_key is None else depth[record.parent_key] + 1
    groups = {}
    for record in records:
        groups.setdefault(depth[record.key], []).append(record)
    return [groups[d] for d in sorted(groups)]


_INSERTED_FIELDS = ("id", "official_key", "code", "name", "type", "level", "parent", "path",
                    "valid_from", "valid_to", "search_text", "version")


def _sync_level(records, existing, report):
    new, to_update = [], []
    for record in records:
        parent = existing.get(record.parent_key)
        parent_id = parent[0] if parent else None
        unit = existing.get(record.key)
        if unit is None:
            new.append((record, parent))
        elif (unit[1] != parent_id
              or (unit[3], unit[4], unit[5], unit[6], unit[7])
              != (record.code, record.name, record.type, record.valid_from, record.valid_to)):
            path = (parent[2] if parent else "") + path_segment(unit[0])
            unit[1:] = [parent_id, path, record.code, record.name, record.type, record.valid_from, record.valid_to]
            to_update.append((unit[0], {"path": path, **{field: getattr(record, field) for field in _COMPARED_FIELDS},
                                        "level": TYPE_LEVEL[record.type], "parent_id": parent_id,
                                        "search_text": _search_text(record)}))
    rows = []
    dates = _DatabaseDates()
    for (record, parent), pk in zip(new, allocate_ids(Unit, len(new))):
        path = (parent[2] if parent else "") + path_segment(pk)
        parent_id = parent[0] if parent else None
        existing[record.key] = [pk, parent_id, path, record.code, record.name, record.type, record.valid_from, record.valid_to]
        rows.append((pk, record.key, record.code, record.name, record.type, TYPE_LEVEL[record.type], parent_id, path,
                     dates[record.valid_from], dates[record.valid_to], _search_text(record), 1))
    insert_many(Unit, rows, fields=_INSERTED_FIELDS)
    # Few rows change between two loads of the official lists; a CASE per column over thousands costs minutes.
    for pk, values in to_update:
        Unit.objects.filter(pk=pk).update(**values)
    report.created += len(new)
    report.updated += len(to_update)


def _search_text(record):
    """What ``Unit.refresh_search_text`` stores for a unit of ``record``'s type, name and code."""
    return official.fold_name(f"{TYPE_WORDS.get(record.type, '')} {record.name} {record.code}")


class _DatabaseDates(dict):
    """A date as the database takes it, adapted once per distinct day (the lists hold two)."""

    def __missing__(self, day):
        value = self[day] = connection.ops.adapt_datefield_value(day)
        return value


def _sync_successions(existing, report):
    wanted = {
        (existing[link.predecessor_key][0], existing[link.successor_key][0]): link.kind
        for link in official.successions()
    }
    present = {
        (predecessor, successor): pk
        for pk, predecessor, successor in UnitSuccession.objects.filter(
            predecessor__official_key__isnull=False, successor__official_key__isnull=False
        ).values_list("pk", "predecessor_id", "successor_id")
    }
    stale = [pk for pair, pk in present.items() if pair not in wanted]
    UnitSuccession.objects.filter(pk__in=stale).delete()
    date = _DatabaseDates()[official.REFORM_START]
    new = [(p, s, kind, date) for (p, s), kind in wanted.items() if (p, s) not in present]
    insert_many(UnitSuccession, new, fields=("predecessor", "successor", "kind", "date"))
    report.successions_created += len(new)
    report.successions_removed += len(stale)


@transaction.atomic
def save_unit(unit):
    """Validate and save a unit (users add hamlets and edit names); returns the unit."""
    unit.full_clean()
    unit.save()
    return unit


def find_official(level, name, parent=None, legacy=True):
    """The official unit of ``level`` named ``name`` (ignoring diacritics), under ``parent`` if given."""
    units = Unit.objects.filter(level=level, valid_to__isnull=not legacy)
    if parent is not None:
        units = units.descendants(parent)
    folded = fold(name)
    matches = [unit for unit in units.filter(search_text__contains=folded) if fold(unit.name) == folded]
    if len(matches) != 1:
        raise Unit.DoesNotExist(f"level {level} {name!r}: {len(matches)} matches")
    return matches[0]


@transaction.atomic
def add_hamlet(user, hamlet):
    """A new hamlet under a commune the user works for; a second hamlet of the same name there is refused."""
    same = Unit.objects.filter(parent_id=hamlet.parent_id, valid_to__isnull=True, search_text__contains=fold(hamlet.name))
    if any(fold(unit.name) == fold(hamlet.name) for unit in same):
        raise ValidationError({"name": _("%(parent)s already has a hamlet named “%(name)s”.") % {"parent": hamlet.parent, "name": hamlet.name}})
    return save_record(user, hamlet)

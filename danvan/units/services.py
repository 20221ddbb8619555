"""Every change to units: loading the official lists, adding hamlets."""

import dataclasses

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import aggregates
from danvan.core.scoping import path_segment
from danvan.core.services import allocate_ids, insert_many, save_record
from danvan.core.text import fold
from danvan.units import official
from danvan.units.choices import TYPE_LEVEL
from danvan.units.models import Unit, UnitSuccession

_COMPARED_FIELDS = ("code", "name", "type", "valid_from", "valid_to")
_UPDATED_FIELDS = ("path", *_COMPARED_FIELDS, "level", "parent", "search_text")


@dataclasses.dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    successions_created: int = 0
    successions_removed: int = 0

    @property
    def changed(self):
        return any(dataclasses.astuple(self))


@transaction.atomic
def load_official_units():
    """Create or update the official units and their lineage; a second run changes nothing."""
    report = LoadReport()
    existing = {unit.official_key: unit for unit in Unit.objects.filter(official_key__isnull=False)}
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


def _sync_level(records, existing, report):
    to_create, to_update = [], []
    for record in records:
        parent = existing.get(record.parent_key)
        unit = existing.get(record.key)
        if unit is None:
            unit = Unit(official_key=record.key, parent=parent)
            _apply(unit, record)
            to_create.append(unit)
        elif _differs(unit, record) or unit.parent_id != (parent.pk if parent else None):
            _apply(unit, record)
            unit.parent = parent
            unit.path = _path(unit)
            to_update.append(unit)
    for unit, pk in zip(to_create, allocate_ids(Unit, len(to_create))):
        unit.pk = pk
        unit.path = _path(unit)
        existing[unit.official_key] = unit
    insert_many(Unit, to_create)
    # Few rows change between two loads of the official lists; a CASE per column over thousands costs minutes.
    for unit in to_update:
        Unit.objects.filter(pk=unit.pk).update(**{field: getattr(unit, field) for field in _UPDATED_FIELDS})
    report.created += len(to_create)
    report.updated += len(to_update)


def _apply(unit, record):
    for field in _COMPARED_FIELDS:
        setattr(unit, field, getattr(record, field))
    unit.level = TYPE_LEVEL[unit.type]
    unit.refresh_search_text()


def _differs(unit, record):
    return any(getattr(unit, field) != getattr(record, field) for field in _COMPARED_FIELDS)


def _path(unit):
    return (unit.parent.path if unit.parent else "") + path_segment(unit.pk)


def _sync_successions(existing, report):
    wanted = {
        (existing[link.predecessor_key].pk, existing[link.successor_key].pk): link.kind
        for link in official.successions()
    }
    present = {
        (s.predecessor_id, s.successor_id): s
        for s in UnitSuccession.objects.filter(predecessor__official_key__isnull=False, successor__official_key__isnull=False)
    }
    stale = [s.pk for pair, s in present.items() if pair not in wanted]
    UnitSuccession.objects.filter(pk__in=stale).delete()
    new = [
        UnitSuccession(predecessor_id=p, successor_id=s, kind=kind, date=official.REFORM_START)
        for (p, s), kind in wanted.items()
        if (p, s) not in present
    ]
    insert_many(UnitSuccession, new)
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

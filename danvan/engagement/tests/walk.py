"""Builders for the URL walk (danvan/core/tests/test_url_walk.py): one record per model in a unit, with a marker."""

import datetime

from danvan.engagement.tests.factories import DialogueFactory, HotCaseEventFactory, HotCaseFactory, PetitionFactory, party_committee


def _dialogue(unit, marker, pk):
    # The unit's Party committee with its secretary: the KL 215 report of the unit (and of its hamlet) is issued by it.
    party_committee(unit, name=f"{marker} Đảng ủy", head=f"{marker} Bí thư")
    return DialogueFactory(id=pk, unit=unit, place=marker, summary=marker)


def _petition(unit, marker, pk):
    # Received today, so that each step of its handling (transfer, accept, answer) opens for its own unit.
    return PetitionFactory(id=pk, unit=unit, content=marker, received_on=datetime.date.today(), deadline=None)


def _hot_case(unit, marker, pk):
    # Not settled, with one event: each of its steps (record, settle) opens for its own unit.
    return HotCaseFactory(id=pk, unit=unit, name=marker, description=marker)


def _hot_case_event(unit, marker, pk):
    return HotCaseEventFactory(id=pk, case=HotCaseFactory(unit=unit, name=f"{marker} vụ việc"), text=marker)


def _status_label(unit, marker, pk):
    from danvan.engagement.choices import PetitionStatus
    from danvan.engagement.models import PetitionStatusLabel
    from danvan.units.models import Unit

    # A label belongs to a province: the walk's unit's own province carries it, under a status it has not renamed
    # yet (the walk's two communes may share their province).
    province = Unit.objects.get(pk=unit.ancestor_ids()[0]) if unit.ancestor_ids() else unit
    taken = set(PetitionStatusLabel.objects.filter(unit=province).values_list("status", flat=True))
    status = next(status for status in PetitionStatus if status not in taken)
    return PetitionStatusLabel.objects.create(id=pk, unit=province, status=status, label=marker)


def walk_builders():
    from danvan.engagement.models import Dialogue, HotCase, HotCaseEvent, Petition, PetitionStatusLabel

    return {Dialogue: _dialogue, Petition: _petition, HotCase: _hot_case, HotCaseEvent: _hot_case_event,
            PetitionStatusLabel: _status_label}

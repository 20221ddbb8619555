"""Builders for the URL walk (danvan/core/tests/test_url_walk.py): one record per model in a unit, with a marker."""

import datetime

from danvan.engagement.tests.factories import DialogueFactory, PetitionFactory


def _dialogue(unit, marker, pk):
    return DialogueFactory(id=pk, unit=unit, place=marker, summary=marker)


def _petition(unit, marker, pk):
    # Received today, so that each step of its handling (transfer, accept, answer) opens for its own unit.
    return PetitionFactory(id=pk, unit=unit, content=marker, received_on=datetime.date.today(), deadline=None)


def walk_builders():
    from danvan.engagement.models import Dialogue, Petition

    return {Dialogue: _dialogue, Petition: _petition}

"""Builders for the URL walk (danvan/core/tests/test_url_walk.py): one record per model in a unit, with a marker."""

from danvan.engagement.tests.factories import DialogueFactory


def _dialogue(unit, marker, pk):
    return DialogueFactory(id=pk, unit=unit, place=marker, summary=marker)


def walk_builders():
    from danvan.engagement.models import Dialogue

    return {Dialogue: _dialogue}

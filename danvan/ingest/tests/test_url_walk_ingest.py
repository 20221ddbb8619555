"""The platform's URL walk, run with the review queue's builders registered.

Until ``RECORD_BUILDERS`` are added to ``danvan.core.tests.factories.RECORD_IN_UNIT``
this runs the walk's own checks over every URL, ingest's included.
"""

import pytest

from danvan.core.tests import factories as core_factories
from danvan.core.tests import test_url_walk as the_walk
from danvan.core.tests.test_url_walk import walk  # noqa: F401  (the walk's fixture)
from danvan.ingest.tests.factories import RECORD_BUILDERS


@pytest.fixture(autouse=True)
def _ingest_builders(monkeypatch):
    for model, build in RECORD_BUILDERS.items():
        monkeypatch.setitem(core_factories.RECORD_IN_UNIT, model, build)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_every_ingest_url_is_covered_by_the_walk():
    routes = [route for route in the_walk.collect_routes() if route.route.startswith("ingest/")]
    assert len(routes) == 8
    assert not the_walk.problems(routes), the_walk.problems(routes)


def test_commune_a_reaches_its_own_ingest_records(walk):  # noqa: F811
    walk.routes = [route for route in walk.routes if route.route.startswith("ingest/")]
    the_walk.test_the_records_of_commune_a_are_reachable_from_commune_a(walk)


def test_an_editor_of_another_commune_reaches_nothing_of_ingest(walk):  # noqa: F811
    walk.routes = [route for route in walk.routes if route.route.startswith("ingest/")]
    before = [(model, model.objects.count()) for model in RECORD_BUILDERS]
    the_walk.test_an_editor_of_another_commune_reaches_nothing_of_commune_a(walk)
    assert [(model, model.objects.count()) for model in RECORD_BUILDERS] == before

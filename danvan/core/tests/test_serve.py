"""`danvan serve` keeps its start-up heap out of the collector's walks before it takes requests."""

import gc

import pytest

from danvan.core.management.commands import serve


@pytest.fixture
def collector():
    threshold = gc.get_threshold()
    yield threshold
    gc.unfreeze()
    gc.set_threshold(*threshold)


def test_the_start_up_heap_is_frozen_and_the_youngest_generation_collected_less_often(collector):
    gc.unfreeze()
    serve.freeze_start_up_heap()
    assert gc.get_freeze_count() > 10_000  # Django, the apps and their URL patterns at least
    assert gc.get_threshold()[0] == serve.ALLOCATIONS_BEFORE_COLLECTING > 700
    assert gc.get_threshold()[1:] == collector[1:]


def test_serve_freezes_after_start_up_and_before_the_first_request(monkeypatch, collector):
    calls = []
    monkeypatch.setattr(serve, "analyze_database", lambda: calls.append("analyze"))
    monkeypatch.setattr(serve, "freeze_start_up_heap", lambda: calls.append("freeze"))
    monkeypatch.setattr(serve, "serve", lambda *args, **kwargs: calls.append("serve"))
    serve.Command().handle(host="127.0.0.1", port=0, threads=1, no_worker=True)
    assert calls == ["analyze", "freeze", "serve"]

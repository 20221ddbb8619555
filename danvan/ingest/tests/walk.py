"""The review queue's builders for the platform's URL walk (danvan/core/tests/test_url_walk.py)."""


def walk_builders():
    from danvan.ingest.tests.factories import RECORD_BUILDERS

    return dict(RECORD_BUILDERS)

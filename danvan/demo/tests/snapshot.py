"""One demo world per test run: built once through the services, then put back before each test that asks.

Building the demo takes half a minute; the browser journeys each start from it and change it, and the
transactional test case empties the database after each of them. Copying the built database back takes
a fraction of a second: SQLite's online backup, or PostgreSQL's COPY of every table.
"""

import sqlite3

from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection

from danvan.demo import build as demo


class DemoSnapshot:
    """``restore_or_build()`` in an emptied test database (a transactional test) leaves the demo world in it."""

    def __init__(self):
        self._saved = None

    def restore_or_build(self):
        if self._saved is None:
            demo.build()
            self._saved = _save()
        else:
            _restore(self._saved)
        # The emptied database was given new content types; the restored one has the demo's again.
        ContentType.objects.clear_cache()


def _tables():
    return sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))


def _save():
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        return copy
    saved = {}
    with connection.cursor() as cursor:
        for table in _tables():
            with cursor.copy(f'COPY "{table}" TO STDOUT') as copy:
                saved[table] = b"".join(bytes(block) for block in copy)
    return saved


def _restore(saved):
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        saved.backup(connection.connection)
        return
    tables = _tables()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE " + ", ".join(f'"{table}"' for table in tables) + " CASCADE")
        # The rows are one consistent copy; reference triggers would refuse a row copied before its target.
        cursor.execute("SET session_replication_role = replica")
        try:
            for table in tables:
                with cursor.copy(f'COPY "{table}" FROM STDIN') as copy:
                    copy.write(saved[table])
        finally:
            cursor.execute("SET session_replication_role = DEFAULT")
        from django.apps import apps

        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True)):
            cursor.execute(statement)


SNAPSHOT = DemoSnapshot()

"""Shared start of every benchmark: a fresh database, SQLite by default, PostgreSQL when DANVAN_DATABASE_URL is set.

On PostgreSQL the benches never touch the database the URL names: they drop and create
``danvan_bench`` on the same server (a name already starting with ``danvan_bench`` is kept,
so that two benches can run side by side on ``danvan_bench_a`` and ``danvan_bench_b``).
"""

import os
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

BENCH_DATABASE = "danvan_bench"


def bench_database_url(url):
    """The URL of the bench's own database on the server ``url`` names (None: SQLite)."""
    if not url:
        return None
    parts = urlsplit(url)
    if parts.path.lstrip("/").startswith(BENCH_DATABASE):
        return url
    return urlunsplit(parts._replace(path=f"/{BENCH_DATABASE}"))


def recreate_postgres_database(url):
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def database_name():
    from django.db import connection

    return "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"


def fresh_database():
    """Point the settings at a new empty data folder and database, set Django up and migrate."""
    os.environ["DANVAN_DATA_DIR"] = tempfile.mkdtemp(prefix="danvan-bench-")
    url = bench_database_url(os.environ.pop("DANVAN_DATABASE_URL", None))
    if url:
        recreate_postgres_database(url)
        os.environ["DANVAN_DATABASE_URL"] = url
    os.environ["DANVAN_ALLOWED_HOSTS"] = "testserver"
    # A throwaway database: the settings keep a random key in its data folder.
    os.environ.setdefault("DANVAN_DEV", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    print(f"# database: {database_name()}" + (f" ({urlsplit(url).path.lstrip('/')})" if url else ""))


def legacy_province(name):
    """(province, its districts, its communes) of the legacy province ``name``, official units already loaded."""
    from danvan.core.choices import Level
    from danvan.units.models import Unit

    province = Unit.objects.legacy().filter(level=Level.PROVINCE, name=name).get()
    below = Unit.objects.descendants(province)
    return province, list(below.filter(level=Level.DISTRICT)), list(below.filter(level=Level.COMMUNE))

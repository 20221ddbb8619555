"""`danvan units load` on an empty database beside writing the same rows with one executemany a table.

    .venv/bin/python bench/bench_units.py [--pages]

Runs `danvan units load` (every legacy and current unit and their lineage, then ANALYZE) on a
fresh database, reads back every row it wrote, deletes them and writes them again, same columns
and values, with one ``executemany`` per table in one transaction: the floor of what the load
must write. Then, REPEAT times, empties the tables and loads again (the official lists read again
from their files), and writes the floor again: alternated, so that a machine loaded by others slows
both alike, as the other benches do. Prints ``ratio units_load LOAD_MS FLOOR_MS RATIO QUERIES - -``
(the medians, the first load's among them; the load's query count; no growth: the official lists
have one size) and ``max_ratio``. A second load, which must change nothing, is timed on a ``#`` line. --pages also builds the demo world and times the unit pages
(``#`` lines). SQLite in a temporary DANVAN_DATA_DIR; PostgreSQL (database danvan_bench) when
DANVAN_DATABASE_URL is set.
"""

import io
import statistics
import time

from _measure import Figures, SideBySide, arguments, counted, timed
from _setup import fresh_database

REPEAT = 5


def row_counts():
    from django.db import connection

    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
            counts[table] = cursor.fetchone()[0]
    return counts


def written_rows(before):
    """Every table the load added rows to, with its columns and all its rows (the tables were empty before)."""
    from django.db import connection

    after = row_counts()
    # sqlite_stat1 holds what ANALYZE found, not rows of the load's.
    grown = [table for table, count in after.items() if count > before.get(table, 0) and not table.startswith("sqlite_")]
    not_empty = [table for table in grown if before.get(table)]
    assert not not_empty, f"the load wrote to tables that were not empty: {not_empty}"
    written = {}
    with connection.cursor() as cursor:
        for table in grown:
            cursor.execute(f'SELECT * FROM "{table}"')
            written[table] = ([column[0] for column in cursor.description], cursor.fetchall())
    return written


def empty(written):
    """Delete every row of the tables the load writes, in one transaction (foreign keys are deferred)."""
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cursor:
        for table in written:
            cursor.execute(f'DELETE FROM "{table}"')


def load_on_empty(written):
    """Milliseconds of `danvan units load` on emptied tables, the official lists read again from their files."""
    from django.core.management import call_command

    from danvan.units import official

    empty(written)
    for cached in (official._legacy_rows, official._current_divisions, official._converter):
        cached.cache_clear()
    return timed(lambda: call_command("units", "load", stdout=io.StringIO()))[1]


def rewrite(written):
    """Delete the rows and write them again, one executemany a table, in one transaction (foreign keys are deferred)."""
    from django.db import connection, transaction

    empty(written)
    def write():
        with transaction.atomic(), connection.cursor() as cursor:
            for table, (columns, rows) in written.items():
                names = ", ".join(f'"{column}"' for column in columns)
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
    _, floor_ms = timed(write)
    return floor_ms


def time_pages():
    from django.test import Client

    from _measure import page
    from danvan.accounts.models import User
    from danvan.demo import build as demo
    from danvan.units.models import Unit

    started = time.perf_counter()
    demo.build()
    print(f"# {Unit.objects.count():,} units; demo world built in {time.perf_counter() - started:.1f} s")
    for username in ("admin", "camau", "hieptung"):
        user = User.objects.get(username=username)
        client = Client()
        client.force_login(user)
        pages = {"unit browser": "/units/", "unit API search 'nam can'": "/api/v1/units/?search=nam%20can",
                 "unit API level=3 valid_at=2026-01-01": "/api/v1/units/?level=3&valid_at=2026-01-01",
                 "global search 'nam can'": "/search/?q=nam+can", "global search 'dong thap'": "/search/?q=dong+thap"}
        nam_can = Unit.objects.visible_to(user).filter(name="Năm Căn", level=2).first()
        if nam_can:
            pages["unit page huyện Năm Căn"] = f"/units/{nam_can.pk}/"
        for name, url in pages.items():
            get = page(client, url)
            samples = [timed(get)[1] for _ in range(25)]
            print(f"# {username}: {name}: median {statistics.median(samples):.1f} ms")


def main():
    args = arguments(__doc__, pages={"action": "store_true", "help": "also build the demo world and time the unit pages"})
    fresh_database()
    from django.core.management import call_command

    from danvan.units.models import Unit

    before = row_counts()
    (_, queries), load_ms = timed(lambda: counted(lambda: call_command("units", "load", stdout=io.StringIO())))
    written = written_rows(before)
    print(f"# units load on an empty database: {load_ms / 1000:.1f} s, {queries:,} queries; wrote "
          + ", ".join(f"{len(rows):,} rows to {table}" for table, (_, rows) in written.items()), flush=True)
    floor_ms = rewrite(written)
    assert Unit.objects.count() == len(written["units_unit"][1])
    _, again_ms = timed(lambda: call_command("units", "load", stdout=io.StringIO()))
    print(f"# second units load (changes nothing): {again_ms / 1000:.1f} s")
    loads, floors = [load_ms], [floor_ms]
    for _ in range(REPEAT):
        loads.append(load_on_empty(written))
        floors.append(rewrite(written))
    print(f"# units load on emptied tables, {REPEAT + 1} runs: " + ", ".join(f"{ms:.0f}" for ms in loads) + " ms")
    print(f"# executemany, {REPEAT + 1} runs: " + ", ".join(f"{ms:.0f}" for ms in floors) + " ms")
    print(f"# the first load (a new process: imports, first statements) beside the first executemany: "
          f"ratio {loads[0] / floors[0]:.2f}")
    load_ms, floor_ms = statistics.median(loads), statistics.median(floors)
    rows = sum(len(rows) for _, rows in written.values())
    side_by_side = SideBySide()
    side_by_side.figures["units_load"] = [Figures(load_ms, floor_ms, queries, rows, rows)]
    print(f"# executemany of the same {rows:,} rows: median {floor_ms / 1000:.2f} s")
    side_by_side.report()
    if args.pages:
        time_pages()


if __name__ == "__main__":
    main()

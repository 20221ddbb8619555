"""Side by side: each page or query of the project beside hand-written SQL over the same rows, as the data grows.

A bench builds its data at 1× (``--scale`` times the bench's province), measures, adds data up to
``--growth`` times as much (5 by default) and measures again, in the same process and database.
Each measurement alternates the project's call and the floor's query, 25 warm repetitions each, and
keeps the medians, so that a machine loaded by others slows both alike. Then one line per measure:

    ratio NAME PROJECT_MS FLOOR_MS RATIO QUERIES_1X QUERIES_5X GROWTH_5X

PROJECT_MS, FLOOR_MS and RATIO are those of the scale where the ratio is worse; QUERIES_* are the
project's query counts at each scale; GROWTH_5X is the project's time at 5× over its time at 1×
(the floor's growth is on the ``#`` line above). The last line is ``max_ratio=X``.
``--profile NAME`` profiles the measure NAME on the 1× data instead (cProfile, the calls that cost most).
A measure whose page shows no rows, or whose floor returns none, stops the bench: an empty page
measures nothing.
"""

import argparse
import dataclasses
import statistics
import time
from collections.abc import Callable

REPEAT, WARMUP = 25, 3
# The connection the pages read from and the floor runs on: "replica" when a bench reads through one.
READS = "default"


def arguments(description, **extra):
    """The flags every bench shares, plus ``extra`` (name → dict of ``add_argument`` keywords)."""
    parser = argparse.ArgumentParser(description=description.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="size of the 1× data, as a multiple of the bench's province (default 1)")
    parser.add_argument("--growth", type=int, default=5, help="measure again with this many times the data (default 5; 1: only once)")
    parser.add_argument("--profile", metavar="NAME", help="profile the measure NAME on the 1x data instead of measuring (cProfile)")
    for name, options in extra.items():
        parser.add_argument(f"--{name}", **options)
    return parser.parse_args()


@dataclasses.dataclass
class Measure:
    """``page()`` calls the project (a test-client GET, a function); ``shown(answer)`` counts the rows it shows;
    ``floor()`` gives the hand-written statements that fetch the same rows (and counts, where the page shows
    them): one (sql, params) or a list of them, the ``listed`` statements of the rows listed first."""

    name: str
    page: Callable
    shown: Callable
    floor: Callable
    listed: int = 1


@dataclasses.dataclass
class Figures:
    project_ms: float
    floor_ms: float
    queries: int
    shown: int
    floor_rows: int

    @property
    def ratio(self):
        return self.project_ms / self.floor_ms if self.floor_ms else float("inf")


def run_floor(statements):
    """Every statement's rows."""
    from django.db import connections

    answers = []
    with connections[READS].cursor() as cursor:
        for sql, params in statements:
            cursor.execute(sql, params)
            answers.append(cursor.fetchall())
    return answers


def count_queries(action):
    from django.db import connections
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connections[READS]) as queries:
        answer = action()
    return answer, len(queries)


def counted(action):
    """``action()`` and how many statements it sent (an executemany counts once), without keeping their SQL."""
    from django.db import connections

    sent = []

    def count(execute, sql, params, many, context):
        sent.append(1)
        return execute(sql, params, many, context)

    with connections[READS].execute_wrapper(count):
        answer = action()
    return answer, len(sent)


def timed(action):
    started = time.perf_counter()
    answer = action()
    return answer, (time.perf_counter() - started) * 1000


def measure(item):
    """Medians of the project's call and of its floor, alternated, after a warm-up."""
    statements = item.floor()
    statements = [statements] if isinstance(statements, tuple) else statements
    answer, queries = count_queries(item.page)
    shown = item.shown(answer)
    floor_rows = sum(len(rows) for rows in run_floor(statements)[: item.listed])
    if not shown or not floor_rows:
        raise SystemExit(f"{item.name}: the page shows {shown} rows and the floor returns {floor_rows}: nothing to measure")
    project, floor = [], []
    for repetition in range(WARMUP + REPEAT):
        _, project_ms = timed(item.page)
        _, floor_ms = timed(lambda: run_floor(statements))
        if repetition >= WARMUP:
            project.append(project_ms)
            floor.append(floor_ms)
    return Figures(statistics.median(project), statistics.median(floor), queries, shown, floor_rows)


class SideBySide:
    """Measures at each scale, then the ratio lines."""

    def __init__(self):
        self.figures = {}  # name → [Figures at 1×, Figures at 5×]
        self.labels = []

    def run(self, measures, label):
        self.labels.append(label)
        for item in measures:
            figures = measure(item)
            self.figures.setdefault(item.name, []).append(figures)
            print(f"# {label:>3} {item.name}: project {figures.project_ms:8.2f} ms, {figures.queries} queries, "
                  f"{figures.shown} rows shown; floor {figures.floor_ms:7.2f} ms, {figures.floor_rows} rows; "
                  f"ratio {figures.ratio:.2f}", flush=True)

    def report(self):
        """Print the ratio lines and ``max_ratio``; return the worst ratio."""
        worst_of_all = 0.0
        for name, scales in self.figures.items():
            worst = max(scales, key=lambda figures: figures.ratio)
            first, last = scales[0], scales[-1]
            growth = f"{last.project_ms / first.project_ms:.2f}" if len(scales) > 1 else "-"
            later_queries = str(last.queries) if len(scales) > 1 else "-"
            if len(scales) > 1:
                print(f"# {name}: floor grew {last.floor_ms / first.floor_ms:.2f}× ({' → '.join(self.labels)})")
            print(f"ratio {name} {worst.project_ms:.2f} {worst.floor_ms:.2f} {worst.ratio:.2f} {first.queries} {later_queries} {growth}")
            worst_of_all = max(worst_of_all, worst.ratio)
        print(f"max_ratio={worst_of_all:.2f}")
        return worst_of_all


def page(client, url, params=None, status=200):
    """A GET through the test client that must answer ``status``."""
    def get():
        response = client.get(url, params or {})
        assert response.status_code == status, (url, response.status_code)
        return response
    return get


def links(pattern):
    """Counts the distinct links matching ``pattern`` (a compiled regex) in an HTML answer."""
    return lambda response: len(set(pattern.findall(response.content.decode())))


def api_results(response):
    return len(response.json()["results"])


def scope_paths(user):
    """The minimal cover of unit paths the user reaches, read once, as the floor's SQL takes them."""
    from danvan.core.scoping import Scope

    return Scope.for_user(user).paths


def path_ranges(column, paths):
    """SQL and parameters for ``column`` lying in one of the subtrees ``paths`` (the index-served range)."""
    clauses, params = [], []
    for path in paths:
        clauses.append(f"({column} >= %s AND {column} < %s)")
        params += [path, str(int(path) + 1).zfill(len(path))]
    return "(" + " OR ".join(clauses) + ")", params


def analyze():
    from danvan.core.services import analyze_database

    analyze_database()


def words_like(column, words):
    """SQL and parameters for every word beginning a word of ``column`` (how the project's search matches)."""
    clauses, params = [], []
    for word in words.split():
        clauses.append(f"({column} LIKE %s OR {column} LIKE %s)")
        params += [f"{word}%", f"% {word}%"]
    return " AND ".join(clauses), params


def profile(items, name):
    """The calls that cost most in REPEAT warm calls of the measure ``name``, the collector's start-up heap frozen
    as `danvan serve` freezes it (else a full collection lands on whichever call allocates)."""
    import cProfile
    import pstats

    from danvan.core.management.commands.serve import freeze_start_up_heap

    item = next((item for item in items if item.name == name), None)
    if item is None:
        raise SystemExit(f"--profile {name}: no such measure (one of {', '.join(item.name for item in items)})")
    for _ in range(WARMUP):
        item.page()
    freeze_start_up_heap()
    profiler = cProfile.Profile()
    for _ in range(REPEAT):
        profiler.runcall(item.page)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(50)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def at_both_scales(items, args, grow):
    """Measure ``items`` on the 1× data, call ``grow(scale)`` to add ``scale`` × the bench's province,
    measure again at ``--growth``×, then print the ratio lines (``--profile NAME``: profile that measure, then stop)."""
    if args.profile:
        profile(items, args.profile)
        raise SystemExit(0)
    side_by_side = SideBySide()
    side_by_side.run(items, "1x")
    if args.growth > 1:
        started = time.perf_counter()
        grow(args.scale * (args.growth - 1))
        analyze()
        print(f"# grew to {args.growth}× in {time.perf_counter() - started:.0f} s", flush=True)
        side_by_side.run(items, f"{args.growth}x")
    return side_by_side.report()

"""Benchmark: working-day arithmetic for a province's petitions — 200,000 deadlines (received date + a time limit
in working days) and 200,000 counts of working days between two dates — beside a plain date addition of the
same pairs (the floor), medians of 5 runs in the same process:

    .venv/bin/python bench/bench_workdays.py [--deadlines 200000]

Prints one ``ratio NAME PROJECT_MS FLOOR_MS RATIO`` line per measure, the deadlines per second, and
``max_ratio=X`` last. No database is needed: the calendar is built from the holidays library alone.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
os.environ.setdefault("DANVAN_DEV", "1")

RUNS = 5
LIMITS = (5, 10, 15, 30, 45, 60)  # working days, as the laws on receptions, complaints and denunciations set them


def _median_ms(work):
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--deadlines", type=int, default=200_000)
    n = parser.parse_args().deadlines
    import django

    django.setup()
    from danvan.core.workdays.calendar import LIBRARY_ANNOUNCEMENTS_THROUGH, WorkingCalendar

    started = time.perf_counter()
    calendar = WorkingCalendar(LIBRARY_ANNOUNCEMENTS_THROUGH)
    print(f"# calendar 2000–{LIBRARY_ANNOUNCEMENTS_THROUGH} built in {(time.perf_counter() - started) * 1000:.0f} ms")
    rng = random.Random(2025)
    first = datetime.date(2018, 1, 1)
    pairs = [(first + datetime.timedelta(days=rng.randrange(8 * 365)), rng.choice(LIMITS)) for _ in range(n)]
    spans = [(start, start + datetime.timedelta(days=limit * 2)) for start, limit in pairs]
    add, count = calendar.add, calendar.count
    measures = [
        ("working_day_deadlines", lambda: [add(start, limit) for start, limit in pairs],
         lambda: [start + datetime.timedelta(days=limit) for start, limit in pairs]),
        ("working_days_between", lambda: [count(start, end) for start, end in spans],
         lambda: [(end - start).days for start, end in spans]),
    ]
    worst = 0.0
    for name, project, floor in measures:
        project_ms, floor_ms = _median_ms(project), _median_ms(floor)
        ratio = project_ms / floor_ms
        worst = max(worst, ratio)
        print(f"# {name}: {n:,} in {project_ms:.0f} ms ({n / project_ms * 1000:,.0f}/s); plain date arithmetic "
              f"{floor_ms:.0f} ms ({n / floor_ms * 1000:,.0f}/s)")
        print(f"ratio {name} {project_ms:.2f} {floor_ms:.2f} {ratio:.2f} - - -")
    print(f"max_ratio={worst:.2f}")


if __name__ == "__main__":
    main()

"""Shared start of every benchmark: a fresh SQLite database in a temporary data folder."""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def fresh_database():
    """Point the settings at a new empty data folder, set Django up and migrate."""
    os.environ["DANVAN_DATA_DIR"] = tempfile.mkdtemp(prefix="danvan-bench-")
    os.environ.pop("DANVAN_DATABASE_URL", None)
    os.environ["DANVAN_ALLOWED_HOSTS"] = "testserver"
    # A throwaway database: the settings keep a random key in its data folder.
    os.environ.setdefault("DANVAN_DEV", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def median_ms(action, repeat=30, warmup=3):
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def report(rows, limit_ms):
    """Print one line per measurement and return whether all are within the limit."""
    ok = True
    for name, value in rows:
        verdict = "ok" if value < limit_ms else "TOO SLOW"
        ok &= value < limit_ms
        print(f"{name:<55} median {value:7.1f} ms  (limit {limit_ms} ms) {verdict}")
    return ok

"""`danvan demo --no-serve` on a fresh machine beside its floor, `danvan migrate` alone on an empty database.

    .venv/bin/python bench/bench_demo.py [--repeat N]

Each run is a new process on a new DANVAN_DATA_DIR (SQLite; PostgreSQL database danvan_bench when
DANVAN_DATABASE_URL is set, dropped and created before each run), as on a PC just installed: the demo
migrates, loads the official units and builds the demo world through the services. Issue 10 asks for
the demo under 20 s. Prints, for each, the median wall time and the CPU time of the process (on a shared
machine the CPU time says what an idle one would take), then
``ratio demo DEMO_MS MIGRATE_MS RATIO - - -`` and ``max_ratio``, and last ``under_20s=yes|no`` (the CPU time).
"""

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _measure import arguments
from _setup import bench_database_url, recreate_postgres_database

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 20


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(*command):
    """Wall and CPU seconds of ``danvan COMMAND`` on a fresh database."""
    env = {**os.environ, "DANVAN_DEV": "1", "DANVAN_DATA_DIR": tempfile.mkdtemp(prefix="danvan-bench-demo-")}
    url = bench_database_url(os.environ.get("DANVAN_DATABASE_URL"))
    if url:
        recreate_postgres_database(url)
        env["DANVAN_DATABASE_URL"] = url
    cpu, started = children_cpu(), time.perf_counter()
    # The interpreter running the bench, on this checkout (the installed `danvan` script, without its path).
    subprocess.run([sys.executable, "-m", "danvan.cli", *command], env=env, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - started, children_cpu() - cpu


def medians(command, repeat):
    runs = [run(*command) for _ in range(repeat)]
    wall, cpu = statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)
    print(f"# danvan {' '.join(command)}: {wall:.1f} s wall, {cpu:.1f} s CPU (median of {repeat})", flush=True)
    return wall, cpu


def main():
    args = arguments(__doc__, repeat={"type": int, "default": 1, "help": "runs of each (default 1)"})
    print(f"# database: {'PostgreSQL' if os.environ.get('DANVAN_DATABASE_URL') else 'SQLite'}", flush=True)
    migrate_wall, _ = medians(["migrate", "--verbosity", "0"], args.repeat)
    demo_wall, demo_cpu = medians(["demo", "--no-serve"], args.repeat)
    ratio = demo_wall / migrate_wall
    print(f"ratio demo {demo_wall * 1000:.0f} {migrate_wall * 1000:.0f} {ratio:.2f} - - -")
    print(f"max_ratio={ratio:.2f}")
    print(f"under_{TARGET_S}s={'yes' if demo_cpu < TARGET_S else 'no'}")


if __name__ == "__main__":
    sys.exit(main())

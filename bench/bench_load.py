"""Load test: logged-in officials against `danvan serve` on loopback, beside a trivial page of the same run.

    .venv/bin/python bench/bench_load.py [--short] [--users 50] [--seconds 60] [--threads 8] [--scale 1]
                                         [--data-dir DIR] [--database-url postgresql://…]

SQLite by default; PostgreSQL when DANVAN_DATABASE_URL (or --database-url) is set, on that
server's database danvan_bench (dropped and created; see _setup.py). --short: 10 clients for 10 s.

Builds a province's data (the official units; bench_movement's 50,000 initiatives and
bench_oversight's 100,000 follow-ups, both over legacy tỉnh Kiên Giang, times --scale)
and accounts for editors and approvers of today's tỉnh An Giang and of its communes;
starts `danvan serve` on a free port; runs locust headless (bench/_load_run.py: each
user logs in through the login form; once all are in, they work through the filtered
initiative list, the open follow-ups, an initiative's page, the statistics API, a result
update POSTed on the initiative's page, the inbox, and a static file as the floor, each kind by
the same number of users at any moment; then each kind alone by every user).

Prints for each request: requests/s, p50/p95/p99 and errors in the mix, and requests/s
alone as a share of the static file's alone (the mix cannot give that share: see
_load_run.py). Exits 1 on any failed request, any "database is locked" in the server's
output, or a result update answered but not saved (or saved twice).
--data-dir reuses the data built there before (on the same database).
"""

import argparse
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from _setup import bench_database_url, recreate_postgres_database

BENCH = Path(__file__).resolve().parent
VENV_BIN = Path(sys.executable).parent
TRIVIAL, WRITE = "trivial page (static file)", "result update (POST)"
PASSWORD = "kiem-thu-tai-2025"
LOAD_USER_PREFIX = "load-"
# Issue 10's bar under load, shown beside each figure (the exit code is about errors only).
P95_BAR_MS, SHARE_BAR = 1000, 0.25


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--threads", type=int, default=8, help="waitress threads of `danvan serve`")
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies 50,000 initiatives and 100,000 follow-ups (at least 0.1)")
    parser.add_argument("--alone-seconds", type=float, help="length of each kind's phase alone (default: a third of --seconds)")
    parser.add_argument("--spawn-rate", type=float, default=10)
    parser.add_argument("--data-dir", help="build the data here, or reuse what an earlier run built here")
    parser.add_argument("--database-url", default=os.environ.get("DANVAN_DATABASE_URL"),
                        help="a PostgreSQL server (default DANVAN_DATABASE_URL); its database danvan_bench is dropped and created "
                             "(default: SQLite in the data dir)")
    parser.add_argument("--short", action="store_true", help="a quick run: 10 clients for 10 s")
    args = parser.parse_args()
    if args.short:
        args.users, args.seconds = 10, 10
    args.database_url = bench_database_url(args.database_url)
    return args


def server_environment(data_dir, database_url):
    env = {**os.environ, "DANVAN_DATA_DIR": str(data_dir), "DANVAN_ALLOWED_HOSTS": "127.0.0.1",
           "DANVAN_SECRET_KEY": secrets.token_urlsafe(50), "DJANGO_SETTINGS_MODULE": "danvan.settings"}
    env.pop("DANVAN_DEBUG", None)
    env.pop("DANVAN_DATABASE_URL", None)
    if database_url:
        env["DANVAN_DATABASE_URL"] = database_url
    return env


def setup_django(env):
    os.environ.clear()
    os.environ.update(env)
    sys.path.insert(0, str(BENCH.parent))
    import django

    django.setup()


def build_data(scale, accounts):
    """The province's records and the load accounts; returns what the users need to know."""
    from bench_movement import generate as generate_movement
    from bench_oversight import generate as generate_oversight
    from danvan.core.services import analyze_database
    from danvan.units.services import load_official_units

    started = time.perf_counter()
    load_official_units()
    initiatives, _, _ = generate_movement(int(50_000 * scale))
    generate_oversight("Kiên Giang", scale)
    users = create_accounts(accounts)
    analyze_database()
    print(f"built {initiatives:,} initiatives, follow-ups ×{scale}, {len(users)} accounts in {time.perf_counter() - started:.0f} s")
    return users


def create_accounts(count):
    """Editors and approvers: every fifth of today's tỉnh An Giang, the others of its communes that took in Kiên Giang's."""
    from danvan.accounts.models import User
    from danvan.core.choices import Level, Role
    from danvan.movement.models import Initiative
    from danvan.units.models import Unit

    province = Unit.objects.get(name="An Giang", level=Level.PROVINCE, valid_to__isnull=True)
    kien_giang = Unit.objects.get(name="Kiên Giang", level=Level.PROVINCE, valid_to__isnull=False)
    legacy_communes = Unit.objects.descendants(kien_giang).filter(level=Level.COMMUNE)
    communes = list(Unit.objects.filter(level=Level.COMMUNE, valid_to__isnull=True,
                                        successions_as_successor__predecessor__in=legacy_communes).distinct().order_by("pk"))
    template = User(username="template")
    template.set_password(PASSWORD)  # hashed once: the hasher is slow on purpose
    accounts = []
    for number in range(count):
        unit = province if number % 5 == 0 else communes[number % len(communes)]
        user = User.objects.create(username=f"{LOAD_USER_PREFIX}{number:03d}", password=template.password, unit=unit,
                                   role=Role.APPROVER if number % 2 else Role.EDITOR)
        initiatives = list(Initiative.objects.visible_to(user).order_by("?").values_list("pk", flat=True)[:200])
        accounts.append({"username": user.username, "unit": unit.pk, "initiatives": initiatives})
    return accounts


def prepare(args):
    """Build (or reuse) the data; returns the data dir, the server's environment and the accounts file."""
    data_dir = Path(args.data_dir or tempfile.mkdtemp(prefix="danvan-load-")).resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    accounts_file = data_dir / "load-accounts.json"
    env = server_environment(data_dir, args.database_url)
    setup_django(env)
    from django.core.management import call_command

    built = json.loads(accounts_file.read_text()) if accounts_file.exists() else {}
    reuse = built.get("database_url") == args.database_url and built.get("scale") == args.scale and len(built.get("users", [])) >= args.users
    if not reuse:
        if args.database_url:
            recreate_postgres_database(args.database_url)
        else:
            for path in data_dir.glob("danvan.sqlite3*"):  # with its -wal and -shm
                path.unlink()
    call_command("migrate", verbosity=0)  # a reused database follows the code's migrations
    if reuse:
        print(f"reusing the data in {data_dir}")
    else:
        users = build_data(args.scale, max(args.users, 50))
        built = {"database_url": args.database_url, "scale": args.scale, "password": PASSWORD, "users": users}
        accounts_file.write_text(json.dumps(built))
    close_connections()
    return data_dir, env, accounts_file


def close_connections():
    from django.db import connections

    connections.close_all()


def saved_results():
    from danvan.movement.models import ResultUpdate

    count = ResultUpdate.objects.filter(recorded_by__username__startswith=LOAD_USER_PREFIX).count()
    close_connections()
    return count


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(env, threads, log):
    port = free_port()
    server = subprocess.Popen([str(VENV_BIN / "danvan"), "serve", "--port", str(port), "--threads", str(threads)],
                              env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"danvan serve stopped at start (exit {server.returncode}); see {log.name}")
        try:
            with urllib.request.urlopen(f"{base}/static/core/favicon.svg", timeout=2) as response:
                if response.status == 200:
                    return server, base
        except OSError:
            time.sleep(0.5)
    server.terminate()
    sys.exit(f"danvan serve did not answer in 180 s; see {log.name}")


def run_locust(args, base, accounts_file, data_dir):
    out = data_dir / "load-results.json"
    alone_seconds = args.alone_seconds or max(4.0, args.seconds / 3)
    command = [sys.executable, str(BENCH / "_load_run.py"), base, str(accounts_file), str(args.users), str(args.seconds),
               str(args.spawn_rate), str(alone_seconds), str(out)]
    with open(data_dir / "locust.log", "w") as log:
        finished = subprocess.run(command, stdout=log, stderr=subprocess.STDOUT, check=False)
    if finished.returncode:
        sys.exit(f"the locust run failed (exit {finished.returncode}); see {log.name}")
    return json.loads(out.read_text())


def print_figures(results):
    """One line per kind: the mix, then the kind alone and its share of the static file's requests/s alone."""
    alone = {row["name"]: row for row in results["alone"]["requests"]}
    floor = alone.get(TRIVIAL, {}).get("rps", 0.0)
    print(f"{'':<27} {'mixed, ' + format(results['mix']['seconds'], '.0f') + ' s':-^43}  "
          f"{'alone, ' + format(results['alone']['seconds'], '.0f') + ' s each':-^27}")
    print(f"{'request':<27} {'count':>6} {'req/s':>6} {'p50':>6} {'p95':>6} {'p99':>6} {'errors':>6}  "
          f"{'req/s':>6} {'p95':>6} {'share':>6}  issue 10 bar")
    for row in sorted(results["mix"]["requests"], key=lambda row: row["name"] != TRIVIAL):
        single = alone.get(row["name"], {"rps": 0.0, "p95": 0})
        share = single["rps"] / floor if floor else 0.0
        meets = row["p95"] < P95_BAR_MS and share >= SHARE_BAR and not row["errors"] and not single.get("errors")
        bar = "" if row["name"] == TRIVIAL else "meets" if meets else "misses"
        print(f"{row['name']:<27} {row['requests']:>6} {row['rps']:6.1f} {row['p50']:>6.0f} {row['p95']:>6.0f} {row['p99']:>6.0f} "
              f"{row['errors']:>6}  {single['rps']:6.1f} {single['p95']:>6.0f} {share:6.3f}  {bar}")
    print("p50/p95/p99 in ms; share = requests/s alone ÷ the static file's alone; bar: p95 < 1 s in the mix, share ≥ 0.25, no error")
    for row in results["logins"]:
        print(f"before: {row['name']} ×{row['requests']}, p50 {row['p50']:.0f} ms, p95 {row['p95']:.0f} ms, errors {row['errors']}")
    print(f"each phase after a {results['warm_up']:.1f} s warm-up; errors are counted over the whole run")
    for error, occurrences in results["errors"].items():
        print(f"  error ×{occurrences}: {error}")
    return sum(total["errors"] for total in results["totals"].values())


def server_output(path):
    """How many requests failed on a locked database, and the deepest waitress queue (requests waiting for a thread)."""
    text = path.read_text(errors="replace")
    depths = [int(line.rsplit(" ", 1)[1]) for line in text.splitlines() if "Task queue depth is" in line]
    return text.count("OperationalError: database is locked\n\nThe above"), max(depths, default=0)  # once per traceback


def main():
    args = parse_args()
    data_dir, env, accounts_file = prepare(args)
    before = saved_results()
    with open(data_dir / "server.log", "w") as log:
        server, base = start_server(env, args.threads, log)
        database = "PostgreSQL" if args.database_url else "SQLite"
        print(f"danvan serve on {base} ({database}, {args.threads} threads); locust: {args.users} users for {args.seconds} s")
        try:
            results = run_locust(args, base, accounts_file, data_dir)
        finally:
            server.terminate()
            server.wait(timeout=30)
    errors = print_figures(results)
    locked, queue = server_output(data_dir / "server.log")
    write = results["totals"].get(WRITE, {"requests": 0, "errors": 0})
    answered = write["requests"] - write["errors"]
    saved = saved_results() - before
    print(f"errors={errors} database_is_locked={locked} result_updates_answered={answered} saved={saved} "
          f"deepest_waitress_queue={queue}  (logs in {data_dir})")
    sys.exit(1 if errors or locked or saved != answered else 0)


if __name__ == "__main__":
    main()

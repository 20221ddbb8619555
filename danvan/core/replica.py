"""A streaming replica of the PostgreSQL server on this machine, for the tests and the benches.

    python -m danvan.core.replica start [PORT]   # pg_basebackup of the primary, started on PORT (5433)
    python -m danvan.core.replica stop [PORT]

Production runs its replicas its own way; what the project needs is a real one here, so that the
router's reads, the pinning after a write and the fall-back when the replica stops are shown on
PostgreSQL's own replication rather than assumed. Needs root (the server runs as ``postgres``).
"""

import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

PRIMARY_HOST, PRIMARY_PORT = "127.0.0.1", 5432
DEFAULT_PORT = 5433
REPLICATION_RULE = "host replication all 127.0.0.1/32 trust"


def _bin(program):
    found = sorted(pathlib.Path("/usr/lib/postgresql").glob(f"*/bin/{program}"))
    if not found:
        raise RuntimeError(f"PostgreSQL's {program} is not installed")
    return str(found[-1])


def _as_postgres(*command, **kwargs):
    return subprocess.run(["runuser", "-u", "postgres", "--", *command], check=True, capture_output=True, text=True, **kwargs)


def _psql(sql, port=PRIMARY_PORT):
    return subprocess.run(
        ["psql", "-h", PRIMARY_HOST, "-p", str(port), "-U", "postgres", "-d", "postgres", "-Atc", sql],
        check=True, capture_output=True, text=True).stdout.strip()


def data_directory(port):
    return pathlib.Path(tempfile.gettempdir()) / f"danvan-replica-{port}"


def allow_replication():
    """The primary accepts replication connections from loopback (its pg_hba.conf gets one rule)."""
    hba = pathlib.Path(_psql("SHOW hba_file"))
    if REPLICATION_RULE not in hba.read_text():
        with hba.open("a") as rules:
            rules.write(f"\n# danvan: streaming replica for tests and benches\n{REPLICATION_RULE}\n")
        _psql("SELECT pg_reload_conf()")


def start(port=DEFAULT_PORT):
    """A fresh replica of the primary listening on ``port``; returns once it accepts reads."""
    stop(port)
    allow_replication()
    directory = data_directory(port)
    directory.mkdir(mode=0o700)
    shutil.chown(directory, "postgres", "postgres")
    _as_postgres(_bin("pg_basebackup"), "-h", PRIMARY_HOST, "-p", str(PRIMARY_PORT), "-U", "postgres",
                 "-D", str(directory), "-R", "-X", "stream", "-c", "fast")
    # Debian keeps a cluster's configuration outside its data directory: the copy brings none.
    for name, text in (("postgresql.conf", ""), ("pg_hba.conf", "local all all trust\nhost all all 127.0.0.1/32 trust\n")):
        (directory / name).write_text(text)
        shutil.chown(directory / name, "postgres", "postgres")
    _as_postgres(_bin("pg_ctl"), "-D", str(directory), "-l", str(directory / "server.log"), "-w", "-t", "60",
                 "-o", f"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={directory} "
                       "-c hot_standby=on -c hot_standby_feedback=on", "start")
    _wait_until(lambda: _psql("SELECT pg_is_in_recovery()", port) == "t")
    return port


def stop(port=DEFAULT_PORT):
    """Stop the replica at once (as if its machine went away) and remove its files."""
    directory = data_directory(port)
    if (directory / "postmaster.pid").exists():
        subprocess.run(["runuser", "-u", "postgres", "--", _bin("pg_ctl"), "-D", str(directory), "-m", "immediate",
                        "-w", "stop"], capture_output=True, check=False)
    shutil.rmtree(directory, ignore_errors=True)


def wait_for_replay(port=DEFAULT_PORT, seconds=30):
    """Return once the replica has replayed everything the primary had written when asked."""
    target = _psql("SELECT pg_current_wal_lsn()")
    _wait_until(lambda: _psql(f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn", port) == "t", seconds)


def _wait_until(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        try:
            if condition():
                return
        except subprocess.CalledProcessError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError("the replica did not get there in time")
        time.sleep(0.2)


def available():
    """Whether this machine can run a replica here: root, PostgreSQL's programs, a primary on loopback."""
    return hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("runuser") is not None \
        and bool(list(pathlib.Path("/usr/lib/postgresql").glob("*/bin/pg_basebackup")))


if __name__ == "__main__":
    action, port = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_PORT
    {"start": start, "stop": stop}[action](port)
    print(f"replica {action}: 127.0.0.1:{port}")

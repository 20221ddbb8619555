#!/usr/bin/env python3
"""The two commands of the README, for a fresh machine with only Python 3.11.

    python3 dev.py start   # isolated environment, install, demo data, serve on :8000
    python3 dev.py test    # isolated environment, install with test tools, whole suite

The environment lives in .venv beside this file. ``test`` passes any further
arguments to pytest; set DANVAN_DATABASE_URL to run the suite on PostgreSQL.
"""

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
CHROMIUM = Path("/usr/bin/chromium")


def run(*command, **kwargs):
    print("+", " ".join(str(part) for part in command), flush=True)
    subprocess.run([str(part) for part in command], check=True, cwd=ROOT, **kwargs)


def ensure_environment(extras=""):
    if not (BIN / "python").exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    # The package is installed editable, so only a change of pyproject.toml needs pip again.
    stamp = VENV / f".installed{extras or '[]'}"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted:
        return
    run(BIN / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", f".{extras}")
    stamp.write_text(wanted)


def ensure_browser():
    """The browser tests drive Debian's Chromium; install it when we are allowed to."""
    if CHROMIUM.exists():
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        run("apt-get", "update", "-qq")
        run("apt-get", "install", "-y", "-qq", "chromium", env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    else:
        sys.exit("The browser tests need Chromium at /usr/bin/chromium: sudo apt-get install chromium")


def start(args):
    ensure_environment()
    # A demo PC: the settings make a random secret key once and keep it in var/secret_key.
    run(BIN / "danvan", "demo", *args, env={**os.environ, "DANVAN_DEV": "1"})


def test(args):
    ensure_environment("[test]")
    ensure_browser()
    result = subprocess.run([str(BIN / "pytest"), *args], cwd=ROOT)
    sys.exit(result.returncode)


def main():
    commands = {"start": start, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()

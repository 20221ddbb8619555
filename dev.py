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


# What the review queue needs to read scans and photos: Tesseract OCR with its Vietnamese model.
OCR_PACKAGES = {
    "tesseract-ocr": "tesseract",
    "tesseract-ocr-vie": lambda: any(Path("/usr/share/tesseract-ocr").glob("*/tessdata/vie.traineddata")),
}
# What the test suite needs from the system, by a file that tells it is there: the browser the browser
# tests drive, gettext for the catalogue test, LibreOffice with the fonts the documents name for PDF,
# poppler's tools with which the document tests read the PDF back (and OCR rasterises pages), and OCR.
SYSTEM_PACKAGES = {
    "chromium": CHROMIUM,
    "gettext": "xgettext",
    "libreoffice-writer-nogui": "soffice",
    "fonts-liberation2": Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"),
    "poppler-utils": "pdffonts",
    **OCR_PACKAGES,
}


def _present(probe):
    if callable(probe):
        return probe()
    return probe.exists() if isinstance(probe, Path) else shutil.which(probe) is not None


def _install(missing):
    """Install ``missing`` Debian packages when we are allowed to; False when we are not."""
    if not (shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0):
        return False
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run("apt-get", "update", "-qq")
    run("apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing, env=env)
    return True


def ensure_system_packages():
    """Install the Debian packages the suite needs when we are allowed to, else say which are missing."""
    missing = [package for package, probe in SYSTEM_PACKAGES.items() if not _present(probe)]
    if missing and not _install(missing):
        sys.exit("The test suite needs these packages: sudo apt-get install " + " ".join(missing))


def ensure_ocr_packages():
    """OCR for the demo when it can be installed; without it everything runs but scans, and the user is told."""
    missing = [package for package, probe in OCR_PACKAGES.items() if not _present(probe)]
    try:
        installed = not missing or _install(missing)
    except subprocess.CalledProcessError:
        installed = False
    if not installed:
        print("Chưa cài được gói nhận dạng chữ (OCR) nên hàng đợi đọc báo cáo sẽ không đọc được bản quét và ảnh chụp; "
              "các tệp khác vẫn đọc bình thường. Người có quyền quản trị cài bằng lệnh: sudo apt-get install "
              + " ".join(missing), flush=True)


def start(args):
    ensure_environment()
    ensure_ocr_packages()
    # A demo PC: the settings make a random secret key once and keep it in var/secret_key.
    run(BIN / "danvan", "demo", *args, env={**os.environ, "DANVAN_DEV": "1"})


def test(args):
    ensure_environment("[test]")
    ensure_system_packages()
    result = subprocess.run([str(BIN / "pytest"), *args], cwd=ROOT)
    sys.exit(result.returncode)


def main():
    commands = {"start": start, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()

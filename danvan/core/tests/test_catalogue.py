"""The Vietnamese catalogue is complete: every user-facing string in the code has a translation."""

import gettext
import shutil
import subprocess
import sys
from pathlib import Path

import polib

PACKAGE = Path(__file__).resolve().parents[2]
CATALOGUE = PACKAGE / "locale" / "vi" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOGUE.with_suffix(".mo")


def _extract_fresh(tmp_path):
    """Run Django's makemessages on a copy of the package, as a developer adding a string would."""
    copy = tmp_path / "danvan"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "tests", "*.mo"))
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "vi", "--no-location", "--settings=danvan.settings"],
        cwd=copy, check=True, capture_output=True,
    )
    return polib.pofile(str(copy / "locale" / "vi" / "LC_MESSAGES" / "django.po"))


def _key(entry):
    return (entry.msgctxt, entry.msgid, entry.msgid_plural)


def test_every_string_in_the_code_has_a_vietnamese_translation(tmp_path):
    committed = {_key(entry): entry for entry in polib.pofile(str(CATALOGUE)) if not entry.obsolete}
    missing = []
    for entry in (entry for entry in _extract_fresh(tmp_path) if not entry.obsolete):
        translated = committed.get(_key(entry))
        if translated is None or "fuzzy" in translated.flags or not translated.translated():
            missing.append(entry.msgid)
    assert missing == [], f"{len(missing)} strings lack a Vietnamese translation: {missing[:20]}"


def _compiled_text(compiled, entry):
    return compiled.pgettext(entry.msgctxt, entry.msgid) if entry.msgctxt else compiled.gettext(entry.msgid)


def test_compiled_catalogue_matches_the_source():
    with COMPILED.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = [
        entry.msgid
        for entry in polib.pofile(str(CATALOGUE))
        if entry.translated() and not entry.obsolete and not entry.msgid_plural
        and _compiled_text(compiled, entry) != entry.msgstr
    ]
    assert stale == [], f"django.mo is out of date for: {stale[:20]}; run `danvan compilemessages`"

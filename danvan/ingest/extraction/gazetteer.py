"""Official administrative-unit names, legacy (63 provinces) and 2025 lists.

Read once from the ``vietnamadminunits`` package's database and cached, keyed by
level word and name (see ``text.match_key``).
"""

import functools
import re

from .text import match_key

# Level words whose names the official lists hold. Hamlets (ấp, thôn, ...) are
# not listed anywhere, so they are accepted by grammar instead.
LISTED_LEVELS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn")

_BRACKETED = re.compile(r"\s*\(.*\)\s*$")
_LEGACY_SQL = "SELECT DISTINCT province, provinceShort, districtType, districtShort, wardType, wardShort FROM admin_units_legacy"
_CURRENT_SQL = "SELECT DISTINCT province, provinceShort, wardType, wardShort FROM admin_units"


def _strip_level(level, name):
    # Numbered wards are stored with their level word ("Phường 1"), and
    # namesakes with a level in brackets ("Cai Lậy (Huyện)").
    name = _BRACKETED.sub("", name)
    if name.casefold().startswith(level + " "):
        return name[len(level) + 1 :]
    return name


def _add(names, level, name):
    if level and name:
        level = level.casefold()
        if level in names:
            names[level].add(match_key(_strip_level(level, name)))


def _province_level(full_name):
    return "thành phố" if full_name.casefold().startswith("thành phố") else "tỉnh"


@functools.cache
def _names_by_level():
    from vietnamadminunits.database import query

    names = {level: set() for level in LISTED_LEVELS}
    for row in query(_LEGACY_SQL):
        _add(names, _province_level(row["province"]), row["provinceShort"])
        _add(names, row["districtType"], row["districtShort"])
        _add(names, row["wardType"], row["wardShort"])
    for row in query(_CURRENT_SQL):
        _add(names, _province_level(row["province"]), row["provinceShort"])
        _add(names, row["wardType"], row["wardShort"])
    return {level: frozenset(keys) for level, keys in names.items()}


def is_listed(level, name):
    """True when ``name`` is an official unit of ``level`` in either list."""
    return match_key(name) in _names_by_level().get(level, frozenset())


def load():
    """Load the lists now (they are otherwise loaded on first use)."""
    _names_by_level()

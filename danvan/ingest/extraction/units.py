"""Administrative units: a level word followed by a proper name or a number."""

import re

from . import gazetteer
from .text import CAP_SYLLABLE, LOWER, UPPER
from .vocab import DOCUMENT_TYPES, HAMLET_LEVELS, ORG_HEADS, SURNAMES, TITLE_FIRST_SYLLABLES, UNIT_LEVELS

_LEVEL_ALTERNATIVES = "|".join(re.escape(level) for level in UNIT_LEVELS)
_ABBREVIATED_LEVELS = {"tp": "thành phố", "tx": "thị xã"}
_LEVEL = re.compile(rf"(?<![\w/])(?:(?i:{_LEVEL_ALTERNATIVES})|TP\.?|Tp\.?|TX\.?)(?= )")
_NAME_SYLLABLES = re.compile(rf" ?({CAP_SYLLABLE})")
_CAPS_SYLLABLES = re.compile(rf" ?([{UPPER}]+)(?![{UPPER}{LOWER}])")
_NUMBER_NAME = re.compile(r" (\d{1,3}[A-Za-z]?|[IVX]{1,4})(?![\w/-]|[.,]\d)")
_LIST_JOINER = re.compile(r"(?:\s*,\s*(?:và\s+)?|\s+và\s+)")
_MAX_NAME_SYLLABLES = 4

# A level word right after these is part of another word or a position:
# "Hợp tác xã", "nông thôn", "văn bản", "trồng khóm" (pineapple), "Trưởng ấp".
_BLOCKING_PREVIOUS_WORDS = {
    "xã": {"tác"},
    "thôn": {"nông"},
    "bản": {"văn", "cơ", "căn", "phiên", "kịch", "xuất", "nguyên", "tư", "dự", "nhật", "bổn", "hồ"},
    "khóm": {"trồng", "cây", "vườn", "dứa", "trái", "quả", "giống"},
}
_POSITION_WORDS = {"trưởng", "phó"}
_NEXT_ENTITY_STARTS = ORG_HEADS | TITLE_FIRST_SYLLABLES | SURNAMES
# Names a hamlet cannot have: the opening words of bodies, positions, documents
# ("bản Hướng dẫn", "ấp Ủy ban"). Title words that are also common place-name
# syllables ("Trung", "Đại", "Thượng") are not among them.
_NON_NAME_STARTS = ORG_HEADS | {"Phó", "Bí", "Chủ", "Trưởng"} | {t.split()[0] for t in DOCUMENT_TYPES}


def _level_of(word):
    word = word.rstrip(".").casefold()
    return _ABBREVIATED_LEVELS.get(word, word)


def _previous_word(text, start):
    words = text[max(0, start - 20):start].split()
    return words[-1].casefold() if words else ""


def _is_blocked(text, level, start):
    previous = _previous_word(text, start)
    if level in HAMLET_LEVELS and previous in _POSITION_WORDS:
        return True
    return previous in _BLOCKING_PREVIOUS_WORDS.get(level, ())


def _read_syllables(text, pos, pattern):
    syllables = []
    end = pos
    while len(syllables) < _MAX_NAME_SYLLABLES:
        match = pattern.match(text, end)
        if not match or (syllables and text[end] != " "):
            break
        syllables.append((match.group(1), match.end()))
        end = match.end()
    return syllables


def _read_name(text, level, pos, capitals=False):
    """(name, end) of a unit's name starting at ``pos``, or None.

    ``capitals``: the level word was written in capitals, as in letterheads;
    only an official name is then accepted, and it is given in title case.
    """
    number = _NUMBER_NAME.match(text, pos)
    if number:
        return number.group(1), number.end()
    if capitals and level in gazetteer.LISTED_LEVELS:
        syllables = [(s.title(), e) for s, e in _read_syllables(text, pos, _CAPS_SYLLABLES)]
    else:
        syllables = _read_syllables(text, pos, _NAME_SYLLABLES)
    if not syllables:
        return None
    if level in gazetteer.LISTED_LEVELS:
        # The longest run of syllables that is an official name of this level.
        for count in range(len(syllables), 0, -1):
            name = " ".join(s for s, _ in syllables[:count])
            rest = syllables[count:]
            # A shorter official name counts only when what follows starts
            # something else (a body, a position, a person), not a longer name.
            if gazetteer.is_listed(level, name) and (not rest or rest[0][0] in _NEXT_ENTITY_STARTS):
                return name, syllables[count - 1][1]
        return None
    if syllables[0][0] in _NON_NAME_STARTS:
        return None
    return " ".join(s for s, _ in syllables), syllables[-1][1]


def find_units(text):
    """[(level, name, start, end)] for every unit named, lists expanded."""
    found = []
    for level_match in _LEVEL.finditer(text):
        level = _level_of(level_match.group())
        if _is_blocked(text, level, level_match.start()):
            continue
        capitals = len(level_match.group()) > 2 and level_match.group().isupper()
        named = _read_name(text, level, level_match.end(), capitals)
        while named:
            name, end = named
            found.append((level, name, level_match.start(), end))
            # "ấp Tân Quy và Tân Hòa", "các xã A, B, C": the level carries over.
            joiner = _LIST_JOINER.match(text, end)
            if not joiner:
                break
            named = _read_name(text, level, joiner.end() - 1, capitals)
    return found

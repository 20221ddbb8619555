"""People and their positions.

A person is recognised by grammar, never by a list of names: a run of
capitalised syllables after "đồng chí"/"ông"/"bà", a family name next to a
position ("Đại tướng Võ Văn A", "Trần Văn B, Bí thư ..."), or a byline.
"""

import re
from dataclasses import dataclass, field

from .phrases import phrase_covers, read_phrase
from .text import CAP_SYLLABLE, UPPER, collapse
from .vocab import ORG_HEADS, SURNAMES, TITLE_FIRST_SYLLABLES, TITLE_HEADS

# A sentence-initial "Ông"/"Bà" is an honorific, not the first syllable of a name.
_NAME_RUN = re.compile(rf"(?<![\w'])(?!(?:Ông|Bà|Anh|Chị|Đồng chí) )({CAP_SYLLABLE})((?: {CAP_SYLLABLE}){{1,4}})")
_HONORIFIC_BEFORE = re.compile(r"(?<![\w/])(?:đồng chí|Đồng chí|đ/c|Đ/c|ông|bà|anh|chị|Ông|Bà|Anh|Chị)\s*$")
# "Bà Rịa", "Ông Đốc": capitalised mid-sentence these are places, so a
# capitalised honorific counts only where a sentence starts.
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n]\s*|[-–]\s+)$")
_TITLE_HEAD = re.compile("|".join(re.escape(h) for h in sorted(TITLE_HEADS, key=len, reverse=True)))
_TITLE_HEAD_AT = re.compile(rf"\s*(?:[,–-]|\()\s*(?=(?:{_TITLE_HEAD.pattern})(?![\w]))")
_BYLINE_PREFIX = re.compile(r"^(?i:(?:tin|bài)\s*(?:và|,|&)\s*ảnh|tin|bài|ảnh|tác giả|thực hiện)\s*:?\s*")
# After a byline's name: nothing, or the author's body ("- Văn phòng Huyện ủy");
# not ", ngày ..." of a place-and-date line.
_BYLINE_REST = re.compile(rf"^\s*(?:$|[-–(]\s*\S|,\s*[{UPPER}])")
_BYLINE_LINES = 3
_BYLINE_MAX_WORDS = 12
_MAX_LOOKBACK = 90
_NOT_FIRST = TITLE_FIRST_SYLLABLES | ORG_HEADS


@dataclass
class Person:
    name: str
    titles: list = field(default_factory=list)
    spans: list = field(default_factory=list)

    def as_dict(self):
        return {"name": self.name, "titles": self.titles}


def _title_before(text, start):
    """The position written right before a name ("Đại tướng", "Bí thư Huyện ủy")."""
    window_start = max(0, start - _MAX_LOOKBACK)
    window = text[window_start:start]
    clause_start = max(window.rfind(c) for c in ",;.:()\n–") + 1
    for head in _TITLE_HEAD.finditer(window, clause_start):
        head_start = window_start + head.start()
        if re.match(r"\w", text[head_start - 1:head_start] or " "):
            continue
        if phrase_covers(text, head_start, start, quotes=True):
            return collapse(text[head_start:start])
    return None


def _titles_after(text, end):
    """Positions listed after a name, split at ",", "-" and "–"."""
    titles = []
    while separator := _TITLE_HEAD_AT.match(text, end):
        title_end = read_phrase(text, separator.end(), quotes=True)
        if title_end <= separator.end():
            break
        titles.append(collapse(text[separator.end():title_end]))
        end = title_end
    return titles


def _has_honorific(text, start):
    before = text[max(0, start - 12):start]
    honorific = _HONORIFIC_BEFORE.search(before)
    if not honorific:
        return False
    if honorific.group()[0].isupper() and not honorific.group().startswith(("Đồng", "Đ/c")):
        at = start - len(before) + honorific.start()
        return bool(_SENTENCE_START.search(text[max(0, at - 3):at]))
    return True


def _running_text_people(text, excluded_spans):
    for match in _NAME_RUN.finditer(text):
        first = match.group(1)
        start, end = match.span()
        if first in _NOT_FIRST or any(start < e and end > s for s, e in excluded_spans):
            continue
        # A name cut off by the end of the text is not a name we can trust.
        if not text[end:].strip():
            continue
        honorific = _has_honorific(text, start)
        before = _title_before(text, start)
        after = _titles_after(text, end)
        if honorific or (first in SURNAMES and (before or after)):
            yield match.group(), [before] if before else [], after, (start, end)


def _byline_people(text):
    """Bylines near the end: "Tin và ảnh Thu Hà", "Quang Hưng - Văn phòng Huyện ủy"."""
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    for offset, line in lines[-_BYLINE_LINES:]:
        if len(line.split()) > _BYLINE_MAX_WORDS or line.rstrip().endswith((".", ";", ":")):
            continue
        prefix = _BYLINE_PREFIX.match(line)
        start = prefix.end() if prefix else 0
        name = _NAME_RUN.match(line, start)
        if name and name.group(1) not in _NOT_FIRST and _BYLINE_REST.match(line[name.end():]):
            yield name.group(), [], [], (offset + name.start(), offset + name.end())


def find_people(text, excluded_spans=()):
    """People in order of first mention, unique by name, titles merged."""
    people = {}
    candidates = list(_running_text_people(text, excluded_spans)) + list(_byline_people(text))
    for name, before, after, span in sorted(candidates, key=lambda c: c[3]):
        person = people.setdefault(name.casefold(), Person(name))
        person.spans.append(span)
        for title in before + after:
            if title not in person.titles:
                person.titles.append(title)
    return _merge_short_mentions(list(people.values()))


def _merge_short_mentions(people):
    """"Văn Hiền" after "Nguyễn Văn Hiền" is the same person."""
    kept = []
    for person in people:
        words = person.name.casefold().split()
        fuller = next(
            (p for p in people if p is not person and len(p.name.split()) > len(words)
             and p.name.casefold().split()[-len(words):] == words),
            None,
        )
        if fuller:
            fuller.spans.extend(person.spans)
            fuller.titles.extend(t for t in person.titles if t not in fuller.titles)
        else:
            kept.append(person)
    return kept

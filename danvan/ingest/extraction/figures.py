"""Figures: a number, Vietnamese separators read, followed by what it counts."""

import re
from dataclasses import dataclass, field

from .text import collapse
from .vocab import COUNT_NOUNS, MULTIPLIERS

# "1.873" and "1.234.567" group thousands; "2,5" and "85,5" are decimals.
_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_MULTIPLIER = "|".join(MULTIPLIERS)
_NOUN = "|".join(re.escape(n) for n in COUNT_NOUNS)
_FIGURE = re.compile(
    rf"(?<![\w.,/:-])(?P<number>{_NUMBER})(?:\s*[-–]\s*(?P<upper>{_NUMBER}))?(?![\w/]|[.,]\d)"
    rf"\s*(?:(?P<multiplier>{_MULTIPLIER})\s+)?(?P<noun>%|(?i:{_NOUN})(?![\w]))"
)
# Earlier members of a list sharing the noun: "xã A: 120; xã B: 95 và xã C: 80 hội viên".
_SHARED_NOUN_MEMBER = re.compile(
    rf"(?<![\w.,/:-])(?P<number>{_NUMBER})(?:\s*(?P<multiplier>{_MULTIPLIER}))?\s*(?:;|,|và|hoặc|,\s*và)\s*"
    rf"(?:[^\d;,.:\n]{{1,40}}:\s*)?$"
)
# Numbers after these are ordinals, years, codes, ratios or counters.
_NOT_A_COUNT_BEFORE = re.compile(
    r"(?i:lần thứ|thứ|khóa|khoá|số|điều|khoản|năm|giai đoạn|nhiệm kỳ|gấp|đang có|truy cập|"
    r"điện thoại|ĐT|hotline|fax|trang)\s*:?\s*$"
)
_LOOKBACK = 120


@dataclass
class Figure:
    value: int | float
    unit: str
    text: str
    spans: list = field(default_factory=list)

    def as_dict(self):
        return {"value": self.value, "unit": self.unit, "text": self.text}


def parse_number(text, multiplier=None):
    """Value of a Vietnamese number ("1.873" is 1873, "2,5" is 2.5) with its multiplier."""
    value = float(text.replace(".", "").replace(",", "."))
    value *= MULTIPLIERS.get(multiplier or "", 1)
    value = round(value, 6)
    return int(value) if value.is_integer() else value


def _counts(text, start):
    return not _NOT_A_COUNT_BEFORE.search(text[max(0, start - 20):start])


def _shared_noun_members(text, start):
    """Earlier numbers of a list that share this figure's noun, nearest first."""
    while True:
        member = _SHARED_NOUN_MEMBER.search(text, max(0, start - _LOOKBACK), start)
        if not member or member.end() != start or not _counts(text, member.start()):
            return
        yield member
        start = member.start()


def find_figures(text, excluded_spans=()):
    """Figures unique by (value, unit), in order of first mention."""
    found = {}

    def add(number, multiplier, unit, shown, span):
        value = parse_number(number, multiplier)
        found.setdefault((value, unit), Figure(value, unit, shown)).spans.append(span)

    for match in _FIGURE.finditer(text):
        start, end = match.span()
        if any(start < e and end > s for s, e in excluded_spans) or not _counts(text, start):
            continue
        unit = match.group("noun").casefold()
        multiplier = match.group("multiplier")
        if match.group("upper"):
            # "50-70 triệu đồng": each end with the shared multiplier and noun.
            shared = text[match.end("upper"):end]
            add(match.group("number"), multiplier, unit, collapse(match.group("number") + shared), (start, end))
            add(match.group("upper"), multiplier, unit, collapse(text[match.start("upper"):end]), (match.start("upper"), end))
        else:
            add(match.group("number"), multiplier, unit, collapse(match.group()), (start, end))
        for member in _shared_noun_members(text, start):
            shown = collapse(f"{member.group('number')} {member.group('multiplier') or ''} {unit}")
            add(member.group("number"), member.group("multiplier") or multiplier, unit, shown, member.span("number"))
    return sorted(found.values(), key=lambda f: f.spans[0])

"""Numbered documents: "Nghị quyết số 25-NQ/TW, ngày ... của Ban Chấp hành Trung ương"."""

import re
from dataclasses import dataclass, field

from .dates import DATE_AFTER_DOCUMENT, iso_date
from .phrases import read_phrase
from .text import UPPER
from .vocab import COUNT_NOUNS, DOCUMENT_TYPES, SYMBOL_TYPES, TIME_WORDS

_TYPE_BY_KEY = {t.casefold(): t for t in DOCUMENT_TYPES}
_TYPE_WORDS = "|".join(re.escape(t) for t in DOCUMENT_TYPES)
# Symbol grammar: number, then type code and issuer joined by "-" or "/"
# ("25-NQ/TW", "12/QĐ-UBND", "04/2015/NĐ-CP"); "Đ" may be typed as "D".
_SYMBOL_TAIL = rf"(?:[/-](?:[{UPPER}][\w.]*|\d{{2,4}}(?=/)))+"
_NUMBER = rf"\d+[a-z]?(?:{_SYMBOL_TAIL})?"
_TYPE_AND_NUMBER = re.compile(rf"(?<![\w])(?i:(?P<type>{_TYPE_WORDS}))\s+(?:(?i:số)\s*:?\s*)?(?P<number>{_NUMBER})(?![\w/])")
_TYPE_NAME_NUMBER = re.compile(
    rf"(?<![\w])(?i:(?P<type>{_TYPE_WORDS}))\s+(?P<name>[{UPPER}][^.;:\n“”\"(]{{0,60}}?)\s+(?i:số)\s*:?\s*"
    rf"(?P<number>{_NUMBER})(?![\w/])"
)
_TYPE_WORD = re.compile(rf"(?<![\w])(?i:{_TYPE_WORDS})(?![\w])")
_BARE_SYMBOL = re.compile(rf"(?<![\w/-])(?P<number>\d+-(?P<code>[{UPPER}][A-Za-zĐđ]*)/[{UPPER}][\w]*)(?![\w/])")
_NEXT_NUMBER = re.compile(rf"\s*(?:,|;|và|,\s*và)\s*(?:(?i:số)\s*)?(?P<number>{_NUMBER})(?![\w/])")
_SUBJECT = re.compile(r"\s*,?\s*(?:về\s*(?:việc\s*)?)?[“\"«][^”\"»\n]{1,300}[”\"»]")
_ISSUER_LEAD = re.compile(r"\s*,?\s*(?:do\s+|của\s+)")
_NEXT_WORD = re.compile(r"\s*([^\s,;.:()]+(?:\s+[^\s,;.:()]+)?)")
# What follows a number that a plan counts rather than cites: "Kế hoạch 5 năm",
# "Hướng dẫn 3 bước", "3 nội dung", "4 tiêu chí", "2 giải pháp".
_NOT_A_CITATION_NEXT = TIME_WORDS | frozenset(COUNT_NOUNS) | {"bước", "nội", "điểm", "tiêu", "giải"}


@dataclass
class Document:
    type: str
    number: str
    date: str | None = None
    issuer: str | None = None
    spans: list = field(default_factory=list)

    def as_dict(self):
        return {"type": self.type, "number": self.number, "date": self.date, "issuer": self.issuer}


def _counts_rather_than_cites(text, number, end):
    """True for "Kế hoạch 5 năm", "Hướng dẫn 3 bước": a count, not a citation."""
    if not number.isdigit():
        return False
    match = _NEXT_WORD.match(text, end)
    if not match:
        return False
    words = match.group(1).casefold()
    first = words.split()[0]
    if first == "ngày" and re.match(r"\s*ngày\s+\d", text[end:end + 12]):
        return False
    return first in _NOT_A_CITATION_NEXT or words in _NOT_A_CITATION_NEXT


def _read_tail(text, end):
    """(date, issuer, end) of what follows the numbers of a citation."""
    date = None
    date_match = DATE_AFTER_DOCUMENT.match(text, end)
    if date_match:
        date = iso_date(date_match)
        end = date_match.end()
    subject = _SUBJECT.match(text, end)
    after_subject = subject.end() if subject else end
    lead = _ISSUER_LEAD.match(text, after_subject)
    issuer = None
    if lead:
        issuer_end = read_phrase(text, lead.end())
        if issuer_end > lead.end() and text[lead.end()].isupper():
            issuer = text[lead.end():issuer_end].strip()
            end = issuer_end
    return date, issuer, end


def _citations(text):
    """Yield (type, [(number, start, end)], date, issuer, span_end) per citation."""
    for match in _TYPE_AND_NUMBER.finditer(text):
        if _counts_rather_than_cites(text, match.group("number"), match.end()):
            continue
        numbers = [(match.group("number"), match.start(), match.end())]
        end = match.end()
        while following := _NEXT_NUMBER.match(text, end):
            if _counts_rather_than_cites(text, following.group("number"), following.end()):
                break
            numbers.append((following.group("number"), following.start("number"), following.end()))
            end = following.end()
        date, issuer, end = _read_tail(text, end)
        yield _TYPE_BY_KEY[match.group("type").casefold()], numbers, date, issuer, end
    # A law or ordinance is cited by its name before the number.
    for match in _TYPE_NAME_NUMBER.finditer(text):
        if not _TYPE_WORD.search(match.group("name")):
            date, issuer, end = _read_tail(text, match.end())
            yield _TYPE_BY_KEY[match.group("type").casefold()], [(match.group("number"), match.start(), match.end())], date, issuer, end
    for match in _BARE_SYMBOL.finditer(text):
        doc_type = SYMBOL_TYPES.get(match.group("code"))
        if doc_type:
            date, issuer, end = _read_tail(text, match.end())
            yield doc_type, [(match.group("number"), match.start(), match.end())], date, issuer, end


def _leading_integer(number):
    return int(re.match(r"\d+", number).group())


def find_documents(text):
    """Documents cited by number, merged as SCHEMA.md says, and covered spans.

    The same document cited with and without its symbol is one entry with the
    fuller number; two different symbols stay two documents.
    """
    documents = []
    covered = []
    for doc_type, numbers, date, issuer, end in _citations(text):
        if any(numbers[0][1] >= s and numbers[0][2] <= e for s, e in covered):
            continue  # the bare-symbol pass re-finding a typed citation
        covered.append((numbers[0][1], end))
        for number, start, number_end in numbers:
            _merge(documents, Document(doc_type, number, date, issuer, [(start, number_end)]))
    return documents, covered


def _merge(documents, new):
    for known in documents:
        if known.type != new.type or _leading_integer(known.number) != _leading_integer(new.number):
            continue
        bare = known.number.isdigit() or new.number.isdigit() or known.number == new.number
        if not bare:
            continue
        if len(new.number) > len(known.number):
            known.number = new.number
        known.date = known.date or new.date
        known.issuer = known.issuer or new.issuer
        known.spans.extend(new.spans)
        return
    documents.append(new)

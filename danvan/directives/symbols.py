"""The grammar of document numbers: "25-NQ/TW", "04/2015/NĐ-CP", "Chương trình hành động số 20 của Huyện ủy".

A pure module (no database): it turns what people write into number, type and
issuer, and refuses what is malformed, so that the register can be searched by
symbol and the same document written "13-CT/ĐU" or "13-CT/DU" is found once.
"""

import dataclasses
import re

from django.utils.translation import gettext_lazy as _

from danvan.core.text import fold, normalize
from danvan.directives.choices import DirectiveType as T

# Abbreviation as written in a symbol (upper-cased, Đ and D both accepted) → type.
ABBREVIATIONS = {
    "NQ": T.RESOLUTION, "CT": T.DIRECTIVE, "QĐ": T.DECISION, "QĐI": T.REGULATION, "KL": T.CONCLUSION,
    "CTR": T.PROGRAMME, "KH": T.PLAN, "CV": T.OFFICIAL_LETTER, "TB": T.NOTICE, "HD": T.GUIDANCE,
    "HĐ": T.GUIDANCE, "BC": T.REPORT, "ĐA": T.SCHEME, "PL": T.ORDINANCE, "NĐ": T.DECREE,
}
# The abbreviation each type is written with in a canonical symbol.
CANONICAL_ABBREVIATION = {
    T.RESOLUTION: "NQ", T.DIRECTIVE: "CT", T.DECISION: "QĐ", T.REGULATION: "QĐi", T.CONCLUSION: "KL",
    T.PROGRAMME: "CTr", T.PLAN: "KH", T.OFFICIAL_LETTER: "CV", T.NOTICE: "TB", T.GUIDANCE: "HD",
    T.REPORT: "BC", T.SCHEME: "ĐA", T.ORDINANCE: "PL", T.DECREE: "NĐ", T.LAW: "L",
}
# Words that name a type in running text, longest first so that "Chương trình hành động" wins over "Chương trình".
TYPE_WORDS = [
    ("chương trình hành động", T.PROGRAMME), ("chương trình", T.PROGRAMME), ("nghị quyết", T.RESOLUTION),
    ("chỉ thị", T.DIRECTIVE), ("quyết định", T.DECISION), ("quy định", T.REGULATION), ("kết luận", T.CONCLUSION),
    ("kế hoạch", T.PLAN), ("công văn", T.OFFICIAL_LETTER), ("thông báo", T.NOTICE), ("hướng dẫn", T.GUIDANCE),
    ("báo cáo", T.REPORT), ("đề án", T.SCHEME), ("pháp lệnh", T.ORDINANCE), ("nghị định", T.DECREE), ("luật", T.LAW),
]

_LETTERS = "A-Za-zĐđ"
# Party form: number-TYPE/ISSUER[-ISSUER…], e.g. 25-NQ/TW, 2242-QĐ/TU, 34-PL/UBTVQH.
PARTY_FORM = re.compile(rf"^(\d+)-([{_LETTERS}]+)/([{_LETTERS}0-9]+(?:-[{_LETTERS}0-9]+)*)$")
# State form: number/year/TYPE-ISSUER, e.g. 04/2015/NĐ-CP, 34/2007/PL-UBTVQH11.
STATE_FORM = re.compile(rf"^(\d+)/(\d{{4}})/([{_LETTERS}]+)-([{_LETTERS}0-9]+(?:-[{_LETTERS}0-9]+)*)$")
# Running text: "<type word> [số] 20 [của <issuer>]".
REFERENCE = re.compile(r"^(?P<word>[^\d]+?)\s+(?:số\s*)?(?P<number>\d+)(?:\s+(?:của\s+)?(?P<issuer>.+))?$", re.IGNORECASE)


class SymbolError(ValueError):
    """A symbol that does not follow the grammar; ``message`` is for people."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclasses.dataclass(frozen=True)
class Symbol:
    number: int
    type: str
    issuer: str
    year: int | None = None

    @property
    def text(self):
        """The canonical way to write it."""
        abbreviation = CANONICAL_ABBREVIATION[self.type]
        if self.year:
            return f"{self.number}/{self.year}/{abbreviation}-{self.issuer}"
        return f"{self.number}-{abbreviation}/{self.issuer}"

    @property
    def key(self):
        """What two spellings of the same symbol share: folded, so ĐU and DU match."""
        return symbol_key(self.number, self.type, self.issuer)


def symbol_key(number, type_, issuer):
    return fold(f"{number}-{type_}/{issuer}").replace(" ", "")


def _type_of(abbreviation):
    # "Đ" and "D" are written interchangeably; the table holds the Đ spelling.
    upper = abbreviation.upper()
    for candidate in (upper, upper.replace("D", "Đ")):
        if candidate in ABBREVIATIONS:
            return ABBREVIATIONS[candidate]
    raise SymbolError(_("“%(abbreviation)s” is not a known document type abbreviation (NQ, CT, QĐ, QĐi, KL, CTr, KH, CV, TB, HD, BC, ĐA …).") % {"abbreviation": abbreviation})


def parse_symbol(text):
    """``"25-NQ/TW"`` → Symbol(25, "nq", "TW"); raise SymbolError if it is malformed."""
    text = normalize(text).replace(" ", "")
    match = PARTY_FORM.match(text)
    if match:
        number, abbreviation, issuer = match.groups()
        return Symbol(int(number), _type_of(abbreviation), issuer.upper())
    match = STATE_FORM.match(text)
    if match:
        number, year, abbreviation, issuer = match.groups()
        return Symbol(int(number), _type_of(abbreviation), issuer.upper(), int(year))
    raise SymbolError(_("“%(symbol)s” is not a document symbol: write number-TYPE/ISSUER, for example 25-NQ/TW.") % {"symbol": text})


def parse_reference(text):
    """A numbered reference in running text: "Chương trình hành động số 20 của Huyện ủy" → Symbol(20, "ctr", "Huyện ủy").

    A symbol inside the reference ("Nghị quyết số 25-NQ/TW") is parsed as a symbol.
    """
    text = normalize(text)
    for token in text.split():
        if "/" in token and token[0].isdigit():
            return parse_symbol(token)
    match = REFERENCE.match(text)
    if match:
        word = match["word"].strip().lower()
        for type_word, type_ in TYPE_WORDS:
            if word == type_word:
                return Symbol(int(match["number"]), type_, (match["issuer"] or "").strip())
    raise SymbolError(_("“%(text)s” is neither a document symbol nor a numbered reference such as “Chương trình hành động số 20 của Huyện ủy”.") % {"text": text})

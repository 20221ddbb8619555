"""Initiatives: quoted names of models, movements, campaigns, programmes, funds.

A quoted string is an initiative when the noun before it says so ("mô hình",
"phong trào thi đua", "cuộc vận động", "Quỹ"), when it names itself as one
("Năm dân vận chính quyền 2018"), or when it continues a list of such names.
Mottos, speech, honorary titles and subjects of documents are quoted too, and
are told apart by the words before them.
"""

import re
from dataclasses import dataclass, field

from .phrases import read_phrase
from .text import collapse

_QUOTED = re.compile(r"“(?P<a>[^“”\n]{2,200})”|«(?P<b>[^«»\n]{2,200})»|\"(?P<c>[^\"\n]{2,200})\"")
_TRIGGER = re.compile(
    r"(?i:mô hình|điển hình|phong trào(?: thi đua)?|thi đua|cuộc vận động|chương trình|đề án|quỹ|"
    r"chiến dịch|câu lạc bộ|dự án|công trình)(?:\s+\S+){0,4}?\s*:?\s*$"
)
_NEGATIVE_BEFORE = re.compile(
    r"(?i:về(?: việc)?|chủ đề|khẩu hiệu|phương châm|phong cách|danh hiệu|cơ chế|tiêu chí|tiêu đề|"
    r"nói|rằng|gọi là|nhấn mạnh|khẳng định|phát biểu|tên gọi)\s*:?\s*$"
)
_SELF_NAMING = re.compile(
    r"^(?:Năm|Tháng|Tuần|Ngày hội|Quỹ|Câu lạc bộ|CLB|Chương trình|Đề án|Cuộc vận động|Phong trào|"
    r"Chiến dịch|Mô hình|Tổ) "
)
_LIST_CONTINUATION = re.compile(r"^\s*(?:,|;|và|hoặc|,\s*và)\s*$")
_OWNER_LEAD = re.compile(r"\s*,?\s*(?:của|do)\s+")
_OWNER_CONTINUES = re.compile(r",\s*(?=(?:ấp|thôn|xóm|khóm|bản|khu phố|tổ dân phố|xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh)\s)")
_MAX_WORDS = 25
_WINDOW = 60


@dataclass
class Initiative:
    name: str
    owner: str | None = None
    spans: list = field(default_factory=list)

    def as_dict(self):
        return {"name": self.name, "owner": self.owner}


def _clause_before(text, start):
    window = text[max(0, start - _WINDOW):start]
    cut = max(window.rfind(c) for c in ".;!?\n”\"»")
    return window[cut + 1:]


def _is_initiative(name, before, previous_accepted, gap_to_previous):
    if len(name.split()) > _MAX_WORDS or name.endswith((".", "!", "?")) or name.casefold().startswith("về"):
        return False
    if previous_accepted and _LIST_CONTINUATION.match(gap_to_previous):
        return True
    if _NEGATIVE_BEFORE.search(before):
        return False
    return bool(_TRIGGER.search(before) or _SELF_NAMING.match(name))


def _owner(text, end):
    """Who runs it: "“X” của Chi hội ..., xã ...", "“X” do UBMTTQ chủ trì"."""
    lead = _OWNER_LEAD.match(text, end)
    if not lead or not text[lead.end():lead.end() + 1].isupper():
        return None
    owner_end = read_phrase(text, lead.end())
    while more := _OWNER_CONTINUES.match(text, owner_end):
        owner_end = read_phrase(text, more.end())
    owner = collapse(text[lead.end():owner_end])
    return owner or None


def find_initiatives(text, excluded_spans=()):
    """Initiatives unique by case-folded name, in order of first mention."""
    found = {}
    previous_end, previous_accepted = 0, False
    for match in _QUOTED.finditer(text):
        name = collapse(match.group("a") or match.group("b") or match.group("c")).strip(" ,;:")
        start, end = match.span()
        in_document = any(start < e and end > s for s, e in excluded_spans)
        accepted = not in_document and _is_initiative(
            name, _clause_before(text, start), previous_accepted, text[previous_end:start]
        )
        previous_end, previous_accepted = end, accepted
        if not accepted:
            continue
        initiative = found.setdefault(name.casefold(), Initiative(name))
        initiative.spans.append((start, end))
        initiative.owner = initiative.owner or _owner(text, end)
    return list(found.values())

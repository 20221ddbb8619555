"""Dialogues with the people and pressing matters (vụ việc bức xúc) a report mentions.

Proposed to the review queue beside the ``danvan.extract/1`` object, not inside it: the contract's keys are fixed.
"""

import re

from .text import collapse

# "đối thoại giữa Bí thư Đảng ủy với nhân dân", "đối thoại trực tiếp giữa Chủ tịch UBND xã với nhân dân"
_DIALOGUE = re.compile(r"(?i)đối thoại(?:\s+trực tiếp)?\s+giữa\s+(?P<chair>[^,.;\n]{3,80}?)\s+với\s+(?:nhân dân|người dân)")
# "các vụ việc bức xúc ... như vụ chợ Mỹ Lồng, lò bún ở ấp Nghĩa Huấn được quan tâm giải quyết kịp thời"
_CASES = re.compile(r"(?i)vụ việc[^.;\n]{0,100}?\bnhư\s+(?P<list>[^.;\n]{3,300}?)\s+(?P<after>(?:đã\s+|đang\s+)?được[^,.;\n]{0,60})")
_SEPARATOR = re.compile(r"\s*(?:,|;|\bvà\b)\s*")
# "giai quyết": the portals' texts lose accents too.
_SETTLED = re.compile(r"(?i)gi[aả]i\s+quy[eế]t")


def find_dialogues(text):
    """[(data, spans)] for each dialogue named: who chaired it, as the text gives the title."""
    found = []
    for match in _DIALOGUE.finditer(text):
        chair = collapse(match.group("chair"))
        data = {"name": collapse(match.group(0)), "kind": "", "date": None, "unit": None, "chair": chair,
                "participants": None, "opinions": None}
        found.append((data, [list(match.span())]))
    return found


def _case_name(phrase):
    phrase = collapse(phrase)
    if phrase[:3].casefold() == "vụ ":
        phrase = phrase[3:]
    return f"Vụ {phrase}"


def find_hot_cases(text):
    """[(data, spans)] for each pressing matter listed, and whether the text says it was settled."""
    found, seen = [], set()
    for match in _CASES.finditer(text):
        settled = bool(_SETTLED.search(match.group("after")))
        start = match.start("list")
        for part in re.finditer(r"[^,;]+", match.group("list")):
            for piece in _SEPARATOR.split(part.group(0)):
                piece = piece.strip()
                if len(piece) < 3:
                    continue
                name = _case_name(piece)
                if name.casefold() in seen:
                    continue
                seen.add(name.casefold())
                offset = start + part.start() + part.group(0).find(piece)
                found.append(({"name": name, "settled": settled}, [[offset, offset + len(piece)]]))
    return found

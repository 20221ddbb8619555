"""Bodies named in the text (not scored yet; kept for the review screen)."""

import re

from .phrases import read_phrase
from .text import collapse

# Opening words of the names of Party, state, Front and mass-organisation bodies.
_ORG_START = re.compile(
    r"(?<![\w])(?:Ban|Ủy ban|Uỷ ban|Uỷ Ban|Ủy Ban|UBND|HĐND|UBMTTQ|MTTQ|Huyện ủy|Huyện uỷ|Tỉnh ủy|"
    r"Tỉnh uỷ|Thành ủy|Thành uỷ|Đảng ủy|Đảng uỷ|Thường trực|Văn phòng|Hội|Chi hội|Chi Hội|Chi bộ|"
    r"Chi đoàn|Đoàn|Mặt trận|Bộ Chính trị|Chính phủ|Quốc hội|Công an|Sở|Phòng|Trung tâm|Liên đoàn|"
    r"Đảng bộ|Hội đồng|Quân sự|Bộ)(?![\w])"
)


# Generic heads name a body only with what follows ("Ban Dân vận", not "Ban"
# in "Ban đại diện" or "Hội" in "Hội nghị").
_NEEDS_PROPER_NAME = {"Ban", "Hội", "Đoàn", "Văn phòng", "Phòng", "Sở", "Bộ", "Trung tâm", "Chi hội", "Chi Hội"}
_PROPER_AFTER_HEAD = re.compile(r"\s+(?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈÍÌÓÒÚÙÝỦỨỪỰẤẦẬẮẰẶẾỀỆỐỒỘỚỜỢ]|ấp |xã |huyện |tỉnh |phường )")


def find_organizations(text):
    """[(name, start, end)] for each body named, unique by name, nested ones skipped."""
    found = {}
    previous_end = 0
    for match in _ORG_START.finditer(text):
        if match.start() < previous_end:
            continue
        if match.group() in _NEEDS_PROPER_NAME and not _PROPER_AFTER_HEAD.match(text, match.end()):
            continue
        end = read_phrase(text, match.start())
        name = collapse(text[match.start():end]).rstrip(" -–")
        found.setdefault(name.casefold(), (name, match.start(), end))
        previous_end = end
    return list(found.values())

"""Dialogues with the people and pressing matters (vụ việc bức xúc) a report mentions.

Proposed to the review queue beside the ``danvan.extract/1`` object, not inside it: the contract's keys are fixed.
"""

import re

from .text import collapse

# "đối thoại giữa Bí thư Đảng ủy với nhân dân", "đối thoại trực tiếp giữa Chủ tịch UBND xã với nhân dân"
_DIALOGUE = re.compile(r"(?i)đối thoại(?:\s+(?:trực tiếp|định kỳ|đột xuất|chuyên đề))*\s+giữa\s+(?P<chair>[^,.;\n]{3,80}?)\s+với\s+(?:nhân dân|người dân)")
# "các vụ việc bức xúc ... như vụ chợ Mỹ Lồng, lò bún ở ấp Nghĩa Huấn được quan tâm giải quyết kịp thời"
_CASES = re.compile(r"(?i)vụ việc[^.;\n]{0,100}?\bnhư\s+(?P<list>[^.;\n]{3,300}?)\s+(?P<after>(?:đã\s+|đang\s+)?được[^,.;\n]{0,60})")
_SEPARATOR = re.compile(r"\s*(?:,|;|\bvà\b)\s*")
# "giai quyết": the portals' texts lose accents too.
_SETTLED = re.compile(r"(?i)gi[aả]i\s+quy[eế]t")


# The kind as the text says it: "đối thoại định kỳ", "hội nghị đối thoại chuyên đề", "đối thoại đột xuất".
_KINDS = [(re.compile(r"(?i)đột\s+xuất"), "ad_hoc"), (re.compile(r"(?i)chuyên\s+đề"), "thematic"),
          (re.compile(r"(?i)định\s+kỳ"), "periodic")]
_NUMBER = r"(?P<n>\d{1,3}(?:\.\d{3})+|\d+)"
# "có 120 lượt người tham dự", "thu hút 300 lượt cử tri tham gia", "150 đại biểu dự"
_PARTICIPANTS = re.compile(_NUMBER + r"\s+(?:lượt\s+)?(?:người(?:\s+dân)?|đại\s+biểu|cử\s+tri|nhân\s+dân|hộ\s+dân|"
                           r"đảng\s+viên)?\s*(?:đến\s+)?(?:tham\s+dự|tham\s+gia|dự)\b", re.IGNORECASE)
# "15 ý kiến", "15 lượt ý kiến phát biểu", "15 ý kiến, kiến nghị"
_OPINIONS = re.compile(_NUMBER + r"\s+(?:lượt\s+)?ý\s+kiến", re.IGNORECASE)
# what follows "N ý kiến" when they were answered on the spot: "… đã được giải đáp trực tiếp", "… được trả lời tại chỗ"
_ANSWERED_AFTER = re.compile(r"(?i)^(?:(?!\d|trong\s+đó)[^.;\n]){0,60}?\bđược\s+(?:lãnh\s+đạo\s+)?(?:tiếp\s+thu,\s*)?(?:giải\s+đáp|trả\s+lời|"
                             r"giải\s+trình)[^.;\n]{0,20}?(?:trực\s+tiếp|tại\s+chỗ|ngay|tại\s+hội\s+nghị)")
# "trả lời trực tiếp 12 ý kiến", "giải đáp tại chỗ 12 ý kiến"
_ANSWERED_BEFORE = re.compile(r"(?i)(?:giải\s+đáp|trả\s+lời)\s+(?:trực\s+tiếp|tại\s+chỗ|ngay)\s+(?:được\s+)?" + _NUMBER
                              + r"\s+(?:lượt\s+)?ý\s+kiến")


def number(said):
    """1.025 → 1025: the dot groups thousands in Vietnamese."""
    return int(said.replace(".", ""))


def _sentence_around(text, start, end):
    left = max(text.rfind(mark, 0, start) for mark in ".\n")
    rights = [i for i in (text.find(mark, end) for mark in ".\n") if i != -1]
    return left + 1, min(rights) if rights else len(text)


def _dialogue_figures(text, start):
    """Participants and opinions the text gives after the dialogue's mention (up to the next dialogue)."""
    figures = {"participants": None, "opinions_raised": None, "opinions_answered": None}
    for match in _PARTICIPANTS.finditer(text, start):
        figures["participants"] = number(match.group("n"))
        break
    for match in _ANSWERED_BEFORE.finditer(text, start):
        figures["opinions_answered"] = number(match.group("n"))
        break
    for match in _OPINIONS.finditer(text, start):
        if _ANSWERED_AFTER.search(text[match.end():match.end() + 100]):
            if figures["opinions_answered"] is None:
                figures["opinions_answered"] = number(match.group("n"))
        elif figures["opinions_raised"] is None:
            figures["opinions_raised"] = number(match.group("n"))
    return figures


def _kind_of(text, match):
    """The kind said in the dialogue's clause ("hội nghị đối thoại chuyên đề giữa …", "… với nhân dân định kỳ")."""
    left = max(text.rfind(mark, 0, match.start()) for mark in ".;,\n") + 1
    rights = [i for i in (text.find(mark, match.end()) for mark in ".;,\n") if i != -1]
    clause = text[left:min(rights) if rights else len(text)]
    return next((code for pattern, code in _KINDS if pattern.search(clause)), "")


def find_dialogues(text):
    """[(data, spans)] for each dialogue named: who chaired it, as the text gives the title; its kind, participants
    and opinions raised and answered on the spot when the text gives them (None when not). The headline and the
    body naming the same chair are one dialogue, with every mention highlighted."""
    groups = {}
    for match in _DIALOGUE.finditer(text):
        groups.setdefault(collapse(match.group("chair")).casefold(), []).append(match)
    firsts = sorted(matches[0].start() for matches in groups.values())
    found = []
    for matches in groups.values():
        first = matches[0]
        later = [start for start in firsts if start > first.start()]
        following = text[:later[0]] if later else text
        kind = next((kind for kind in (_kind_of(text, match) for match in matches) if kind), "")
        data = {"name": collapse(first.group(0)), "kind": kind, "date": None, "unit": None,
                "chair": collapse(first.group("chair")), **_dialogue_figures(following, first.start())}
        found.append((data, [list(match.span()) for match in matches]))
    return found


# --- petitions (kiến nghị, phản ánh) --------------------------------------------------------------

_WHO = r"(?:cử\s+tri|nhân\s+dân|người\s+dân|bà\s+con|hộ\s+dân|công\s+dân|đoàn\s+viên,\s*hội\s+viên)"
# "cử tri kiến nghị …", "nhân dân phản ánh về …", "kiến nghị về việc …": what follows is the content.
_PETITION = re.compile(
    r"(?i)(?:(?P<who>" + _WHO + r")(?:[^.;:\n]{0,40}?)\s+(?P<verb>kiến\s+nghị|phản\s+ánh|đề\s+nghị)(?:\s+(?:về\s+việc|về|việc|rằng))?"
    r"|(?<![\w])(?P<verb2>kiến\s+nghị|phản\s+ánh)\s+về\s+việc)[\s:]+(?P<content>[^.;\n]{8,400})")
# "tiếp nhận 12 đơn kiến nghị", "tiếp nhận 5 ý kiến kiến nghị, phản ánh", "6 kiến nghị được ghi nhận"
_COUNTED = re.compile(
    r"(?i)(?:tiếp\s+nhận|nhận\s+được|ghi\s+nhận)\s+" + _NUMBER + r"\s+(?:lượt\s+)?(?:đơn(?:\s+thư)?|ý\s+kiến)[,\s]*(?:của\s+\w+\s+)?"
    r"(?P<what>kiến\s+nghị(?:,\s*phản\s+ánh)?|phản\s+ánh(?:,\s*kiến\s+nghị)?)?[^.;\n]{0,120}"
    r"|" + _NUMBER.replace("?P<n>", "?P<n2>") + r"\s+(?:đơn\s+)?(?P<what2>kiến\s+nghị|phản\s+ánh)\s+(?:được|đã\s+được)\s+"
    r"(?:ghi\s+nhận|tiếp\s+nhận|chuyển)[^.;\n]{0,120}")
# Where the text says it was raised; the first that matches the sentence wins.
_CHANNELS = [
    (re.compile(r"(?i)tại\s+(?:buổi|hội\s+nghị)(?:\s+đối\s+thoại)?|đối\s+thoại"), "dialogue"),
    (re.compile(r"(?i)tiếp\s+(?:công\s+)?dân"), "reception"),
    (re.compile(r"(?i)giám\s+sát"), "supervision"),
    (re.compile(r"(?i)đường\s+dây\s+nóng|điện\s+thoại"), "phone"),
    (re.compile(r"(?i)trực\s+tuyến|cổng\s+thông\s+tin|zalo|mạng\s+xã\s+hội"), "online"),
    (re.compile(r"(?i)mặt\s+trận|mttq|tiếp\s+xúc\s+cử\s+tri|cử\s+tri"), "front"),
]
# A direction to settle petitions in general ("giải quyết kịp thời kiến nghị chính đáng của nhân dân") names none.
_GENERAL = re.compile(r"(?i)^(?:chính\s+đáng|của\s+(?:nhân\s+dân|dân|cử\s+tri)|,|và\b|đề\s+xuất)")


def _channel(sentence, has_dialogue):
    for pattern, channel in _CHANNELS:
        if pattern.search(sentence):
            if channel == "dialogue" and not has_dialogue:
                continue
            return channel
    return "letter"


def _petition_kind(verb):
    return "Phản ánh" if verb and fold_words(verb).startswith("phan") else "Kiến nghị"


def fold_words(said):
    import unicodedata

    said = unicodedata.normalize("NFD", said.casefold().replace("đ", "d"))
    return "".join(ch for ch in said if not unicodedata.combining(ch))


def find_petitions(text):
    """[(data, spans)] for each petition the text reports: its content as written (or, when the text only counts
    them, the phrase and the count), the channel it came through, and its kind (kiến nghị or phản ánh)."""
    has_dialogue = bool(_DIALOGUE.search(text))
    found, taken = [], []
    for match in _PETITION.finditer(text):
        content = collapse(match.group("content")).rstrip(" ,")
        if _GENERAL.search(content):
            continue
        start, end = _sentence_around(text, match.start(), match.end())
        verb = match.group("verb") or match.group("verb2")
        data = {"content": content[:1].upper() + content[1:], "channel": _channel(text[start:match.start()] + " " + text[start:end], has_dialogue),
                "kind": _petition_kind(verb), "count": None, "unit": None}
        span = [match.start("content"), match.start("content") + len(match.group("content").rstrip(" ,"))]
        taken.append(span)
        found.append((data, [span]))
    for match in _COUNTED.finditer(text):
        if any(a < match.end() and match.start() < b for a, b in taken):
            continue
        phrase = collapse(match.group(0)).rstrip(" ,")
        start, end = _sentence_around(text, match.start(), match.end())
        data = {"content": phrase[:1].upper() + phrase[1:], "channel": _channel(text[start:end], has_dialogue),
                "kind": _petition_kind(match.group("what") or match.group("what2")), "unit": None,
                "count": number(match.group("n") or match.group("n2"))}
        found.append((data, [[match.start(), match.start() + len(match.group(0).rstrip(" ,"))]]))
    found.sort(key=lambda pair: pair[1][0][0])
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

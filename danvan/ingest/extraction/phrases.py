"""Reading a body's or a position's name ("Ban Thường vụ Tỉnh ủy") from the text.

Vietnamese names of bodies capitalise the first syllable of each word but not
the second ("Ban Chấp hành Trung ương"), and end where running lowercase text
("về lãnh đạo", "nhấn mạnh") begins.
"""

import re

from .text import LOWER, UPPER

_TOKEN = re.compile(r"“[^”\n]{1,80}”|«[^»\n]{1,80}»|[^\s,;.:()“”«»\"!?…–\-]+|\S")
_UPPER_START = re.compile(rf"[{UPPER}0-9]")
_WORD = re.compile(rf"[{UPPER}{LOWER}']+")

# Lowercase words that belong to names of bodies and positions wherever they
# stand: level words ("Ủy ban MTTQ Việt Nam huyện") and the usual inner words.
_INNER_LOWER = frozenset(
    """huyện xã tỉnh phường quận ấp thôn xóm khóm thị trấn thành phố nước viên nhân dân
    phụ nữ cựu chiến binh nông thanh niên cộng sản phong trào thi đua chỉ đạo thập đỏ
    khu""".split()
)
# Lowercase words that never continue a name: the verbs and prepositions that
# follow one ("Đảng ủy có ...", "UBMTTQ chủ trì").
_NEVER_INNER = frozenset(
    """chủ làm có là được đã đang sẽ thực triển tham nhận nhấn phát lưu đề cho tặng về
    của với tại trong và để nhằm theo do tới đến từ khi thì mà cùng dự biểu kiểm khảo
    tổ chỉ trao chúc báo giao yêu nêu đánh ghi""".split()
)


def read_phrase(text, start, limit=160, quotes=False):
    """End offset of the name of a body or position beginning at ``start``.

    ``quotes`` lets a quoted name run on inside it, as positions do ("Trưởng ban
    Chỉ đạo phong trào thi đua “Nông thôn mới” huyện"). Returns ``start`` when no
    such name begins there.
    """
    end = start
    previous_capitalised = False
    for match in _TOKEN.finditer(text, start, min(len(text), start + limit)):
        token = match.group()
        if text[end:match.start()].count("\n"):
            break
        if token[0] in "“«":
            if not quotes:
                break
            previous_capitalised = False
        elif _UPPER_START.match(token):
            previous_capitalised = True
        elif _WORD.fullmatch(token) and token not in _NEVER_INNER and (
            previous_capitalised or token in _INNER_LOWER
        ):
            previous_capitalised = False
        else:
            break
        end = match.end()
    return end


def phrase_covers(text, start, end, quotes=False):
    """True when ``text[start:end]`` is one body/position name and nothing else."""
    return read_phrase(text, start, limit=end - start, quotes=quotes) >= len(text[:end].rstrip())

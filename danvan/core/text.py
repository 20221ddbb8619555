"""Text helpers for Vietnamese: folding for search that ignores diacritics."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# đ/Đ are letters of their own, not a d with a combining mark, so NFD leaves them.
_LETTER_MAP = str.maketrans({"đ": "d", "Đ": "d", "Ð": "d"})


def normalize(text):
    """NFC with inner whitespace collapsed: the form every stored name takes."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


def fold(text):
    """Lower-case ASCII form of ``text``: "Đồng Tháp" and "dong thap" both give "dong thap"."""
    decomposed = unicodedata.normalize("NFD", (text or "").translate(_LETTER_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.lower()).strip()

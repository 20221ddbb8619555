"""Text normalisation and the character classes every rule shares."""

import re
import unicodedata

LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"

# A capitalised syllable ("Hiền", "U", "K'Ré"); all-caps abbreviations are not.
CAP_SYLLABLE = rf"[{UPPER}](?:'[{UPPER}])?[{LOWER}]*(?![{UPPER}{LOWER}\d])"

# Letters read through the wrong code page: Latin-1 "Ð/ð" stand where
# Windows-1258 had "Đ/đ".
_MISENCODED = str.maketrans({"\u00d0": "Đ", "\u00f0": "đ"})
_DOUBLE_UTF8_MARKERS = re.compile("Ã[\u0080-\u00bf]|Ä‘|Æ°|áº|á»")
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
_HORIZONTAL_SPACE = re.compile(r"[^\S\n]+")
_GLUED_CASE = re.compile(rf"(?<=[{LOWER}])(?=[{UPPER}][{LOWER}])")
_GLUED_DIGIT = re.compile(rf"(?<=\d)(?=[{LOWER}]{{2}})")
_SPACED_LINES = re.compile(r" *\n *")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def repair_double_utf8(text):
    """Undo UTF-8 bytes that were decoded as Windows-1252 ("Ä‘" for "đ")."""
    if not _DOUBLE_UTF8_MARKERS.search(text):
        return text
    try:
        return text.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return text


def normalise(text):
    """The working text every rule reads: NFC, repaired letters, tidy spacing.

    Words a typist glued together ("NguyễnVăn", "theoNghị", "217của") are split
    here once, so the rules see ordinary words; spans refer to this text.
    """
    text = unicodedata.normalize("NFC", repair_double_utf8(text))
    text = text.translate(_MISENCODED)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = _HORIZONTAL_SPACE.sub(" ", text)
    text = _GLUED_CASE.sub(" ", text)
    text = _GLUED_DIGIT.sub(" ", text)
    text = _SPACED_LINES.sub("\n", text)
    return _MANY_BLANK_LINES.sub("\n\n", text).strip()


def collapse(text):
    """One-line form of an extracted string."""
    return " ".join(unicodedata.normalize("NFC", text).split())


_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def match_key(text):
    """Comparison key that ignores case and where the tone mark sits.

    "Hoà" and "Hòa", "Thuỷ" and "Thủy" are the same name written in the old and
    the new placement convention, so each syllable's tone mark is moved to its end.
    """
    syllables = []
    for syllable in collapse(text).casefold().split():
        letters = unicodedata.normalize("NFD", syllable)
        tones = "".join(ch for ch in letters if ch in _TONE_MARKS)
        bare = "".join(ch for ch in letters if ch not in _TONE_MARKS)
        syllables.append(bare + tones)
    return " ".join(syllables)

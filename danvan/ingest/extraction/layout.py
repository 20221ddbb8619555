"""Pages of lines into the text of a document: running headers, footers and page numbers dropped,
lines a page wrapped joined back into their paragraph, as a .txt or .docx of the same report has them.

A line is ``{"text": ...}``; from a PDF's text layer it also says where it stands on the page
(points: x0, x1, top, bottom, and first_word, the width of its first word), from OCR it does
not, and an empty text there is the blank line Tesseract puts between paragraphs.
"""

import re
from collections import Counter

# Lines looked at for a running header or footer at each edge of a page.
_EDGE_LINES = 2
# A line at the edge of at least this share of the pages (and of two at least) runs on every page.
_RUNNING_SHARE = 0.6
_PAGE_NUMBER = re.compile(r"^(?:trang\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:/|trên|của|of)\s*\d{1,4})?$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
# A gap between two lines taller than this many line heights separates paragraphs.
_PARAGRAPH_GAP = 0.8
# A space is about a quarter of the line's height.
_SPACE_SHARE = 0.25
# A line that opens a heading or a list item starts a new paragraph, wherever the line before it ended.
_NEW_BLOCK = re.compile(r"^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.\s|[a-zđ]\)\s|[-–•+*]\s)")


def _edge_key(line):
    # "Trang 3" and "Trang 4", or a header carrying the page's date, are the same running line.
    return _DIGITS.sub("#", " ".join(line["text"].split()).casefold())


def _edges(lines):
    filled = [index for index, line in enumerate(lines) if line["text"].strip()]
    return set(filled[:_EDGE_LINES] + filled[-_EDGE_LINES:])


def drop_running_lines(pages):
    """``pages`` (lists of lines) without the lines repeated at the top or bottom of most pages, nor page numbers."""
    edges = [_edges(lines) for lines in pages]
    seen = Counter()
    for lines, at in zip(pages, edges):
        seen.update({_edge_key(lines[index]) for index in at})
    needed = max(2, _RUNNING_SHARE * len(pages))
    running = {key for key, count in seen.items() if count >= needed}
    return [
        [line for index, line in enumerate(lines)
         if index not in at or not (_edge_key(line) in running or _PAGE_NUMBER.match(line["text"].strip()))]
        for lines, at in zip(pages, edges)
    ]


def _joined(paragraph, following):
    # Vietnamese never breaks a word at a hyphen: a line ending in one cut a symbol ("05-" / "KH/HU").
    if paragraph.endswith("-") and not paragraph.endswith(" -"):
        return paragraph + following
    return f"{paragraph} {following}"


def _wrapped(line, following, margin):
    """Whether ``following`` continues ``line``'s paragraph: its first word did not fit at the end of ``line``."""
    if _NEW_BLOCK.match(following["text"]):
        return False
    if "x1" not in line:  # OCR: Tesseract separates paragraphs with a blank line
        return True
    height = max(line["bottom"] - line["top"], 1.0)
    if following["top"] - line["bottom"] > _PARAGRAPH_GAP * height:
        return False
    return line["x1"] + _SPACE_SHARE * height + following["first_word"] > margin


def paragraphs(lines):
    """The paragraphs of one page's lines."""
    margin = max((line["x1"] for line in lines if "x1" in line), default=0.0)
    found, previous = [], None
    for line in lines:
        text = " ".join(line["text"].split())
        if not text:
            previous = None
            continue
        if previous is not None and _wrapped(previous, line, margin):
            found[-1] = _joined(found[-1], text)
        else:
            found.append(text)
        previous = line
    return found


def ocr_lines(text):
    """Tesseract's text of a page as lines (without positions)."""
    return [{"text": line} for line in text.splitlines()]


def document_text(pages):
    """The text of a document from its pages' lines."""
    return "\n".join(paragraph for lines in drop_running_lines(pages) for paragraph in paragraphs(lines))

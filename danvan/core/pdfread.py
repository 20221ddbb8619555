"""The text layer of a PDF someone sent, read in a bounded child process (danvan.core.sandbox).

pypdf opens the file (password, page count, page sizes); pdfminer.six's layout analysis gives
the lines in reading order with where each ends, so the reader can tell a line the page
wrapped from one that ends its paragraph. ``page_texts`` runs in the child and answers in plain
data, never an exception, so the caller words every outcome for the user.
"""

import sys

from danvan.core.sandbox import answer, run_bounded


def _first_word_width(line):
    """How wide the line's first word is on the page, in points."""
    chars = [item for item in line if hasattr(item, "get_text") and hasattr(item, "x0")]
    start = next((char for char in chars if char.get_text().strip()), None)
    if start is None:
        return 0.0
    end = start
    for char in chars[chars.index(start):]:
        if not char.get_text().strip():
            break
        end = char
    return end.x1 - start.x0


def _lines(layout_page):
    from pdfminer.layout import LTTextBox, LTTextLine

    for item in layout_page:
        if isinstance(item, LTTextBox):
            yield from (line for line in item if isinstance(line, LTTextLine))
        elif isinstance(item, LTTextLine):
            yield item


def _page_lines(layout_page):
    return [
        {"text": line.get_text().strip(), "x0": line.x0, "x1": line.x1, "top": layout_page.height - line.y1,
         "bottom": layout_page.height - line.y0, "first_word": _first_word_width(line)}
        for line in _lines(layout_page) if line.get_text().strip()
    ]


def page_texts(path, max_pages):
    """{"status": "read", "pages": [{"width", "height", "lines": [...]}]} in points, or another status."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return {"status": "encrypted"}
        sizes = [(float(page.mediabox.width), float(page.mediabox.height)) for page in reader.pages]
    except DependencyError:  # AES without the cryptography package: protected all the same
        return {"status": "encrypted"}
    except Exception:  # pypdf raises many kinds for a broken or hostile file
        return {"status": "broken"}
    if not sizes:
        return {"status": "no_pages"}
    if len(sizes) > max_pages:
        return {"status": "too_many_pages", "count": len(sizes)}
    pages = []
    try:
        for layout_page in extract_pages(path, password="", laparams=LAParams(), maxpages=max_pages):
            pages.append(_page_lines(layout_page))
    except Exception:
        return {"status": "broken_page", "page": len(pages) + 1}
    if len(pages) != len(sizes):
        return {"status": "broken"}
    return {"status": "read", "pages": [{"width": w, "height": h, "lines": lines} for (w, h), lines in zip(sizes, pages)]}


def bounded_page_texts(path, max_pages, seconds, megabytes):
    """``page_texts`` within ``seconds`` and ``megabytes``; raises sandbox.Exhausted beyond them."""
    return run_bounded(__name__, path, max_pages, seconds=seconds, megabytes=megabytes)


if __name__ == "__main__":
    answer(page_texts(sys.argv[1], int(sys.argv[2])))

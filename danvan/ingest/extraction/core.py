"""One document's text in, one ``danvan.extract/1`` object out."""

import re

from .dates import find_event_dates, find_published_at
from .documents import find_documents
from .figures import find_figures
from .initiatives import find_initiatives
from .organizations import find_organizations
from .people import find_people
from .text import collapse, normalise
from .title import find_title, is_chrome
from .units import find_units

SCHEMA = "danvan.extract/1"
# "Giồng Trôm, ngày 20 tháng 11 năm 2024": the document's own signing line.
_PLACE_DATE_LINE = re.compile(r"^[^,\d\n]{2,40},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}\.?$")
_HEADER_LINES = 10


def _line_spans(text):
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _unique_in_order(items, key):
    seen = {}
    for item in items:
        seen.setdefault(key(item), item)
    return list(seen.values())


def analyse(raw_text, title=None):
    """Extract everything from ``raw_text``.

    Returns ``(result, spans, text)``: the schema object (without "source"),
    the character spans of each extracted item in ``text``, and ``text``, the
    normalised text the spans refer to. ``title`` is a headline the container
    gave (an HTML <h1>), used instead of guessing one.
    """
    text = normalise(raw_text)
    line_spans = _line_spans(text)
    lines = [text[s:e] for s, e in line_spans]

    published_at, stamp_line = find_published_at(lines[:_HEADER_LINES * 2])
    guessed_title, title_line = find_title(lines)
    title = collapse(title) if title else guessed_title

    # Page chrome (the clock, the stamp) is not where activities are dated.
    chrome = [line_spans[i] for i, line in enumerate(lines[:_HEADER_LINES]) if is_chrome(line) or i == stamp_line]
    chrome += [line_spans[i] for i, line in enumerate(lines) if _PLACE_DATE_LINE.match(line)]
    documents, cited = find_documents(text)
    dates = find_event_dates(text, cited + chrome, title=title, published_at=published_at)
    unit_mentions = find_units(text)
    units = _unique_in_order(unit_mentions, key=lambda u: (u[0], u[1].casefold()))
    people = find_people(text, [(s, e) for _, _, s, e in unit_mentions])
    initiatives = find_initiatives(text, cited)
    figures = find_figures(text, cited + chrome + [(s, e) for _, s, e in dates])
    organizations = find_organizations(text)

    event_dates = sorted({iso for iso, _, _ in dates})
    result = {
        "schema": SCHEMA,
        "title": title,
        "published_at": published_at,
        "event_dates": event_dates,
        "people": [p.as_dict() for p in people],
        "units": [{"level": level, "name": collapse(name)} for level, name, _, _ in units],
        "organizations": [{"name": name} for name, _, _ in organizations],
        "documents": [d.as_dict() for d in documents],
        "initiatives": [i.as_dict() for i in initiatives],
        "figures": [f.as_dict() for f in figures],
    }
    spans = {
        "title": list(line_spans[title_line]) if title_line is not None and title == guessed_title else None,
        "published_at": list(line_spans[stamp_line]) if stamp_line is not None else None,
        "event_dates": [[[s, e] for iso2, s, e in dates if iso2 == iso] for iso in event_dates],
        "people": [[list(span) for span in p.spans] for p in people],
        "units": [
            [[s, e] for lvl, nm, s, e in unit_mentions if (lvl, nm.casefold()) == (level, name.casefold())]
            for level, name, _, _ in units
        ],
        "organizations": [[[s, e]] for _, s, e in organizations],
        "documents": [[list(span) for span in d.spans] for d in documents],
        "initiatives": [[list(span) for span in i.spans] for i in initiatives],
        "figures": [[list(span) for span in f.spans] for f in figures],
    }
    return result, spans, text


def extract_text(raw_text, source=None, title=None):
    """The ``danvan.extract/1`` object for one document's text."""
    result, _, _ = analyse(raw_text, title=title)
    return {"schema": SCHEMA, "source": source, **{k: v for k, v in result.items() if k != "schema"}}


def extract_with_spans(raw_text, title=None):
    """For the review screen: the object, the normalised text, and where each item is.

    ``spans[field][i]`` lists the [start, end) offsets in ``text`` of the
    mentions behind ``result[field][i]``.
    """
    result, spans, text = analyse(raw_text, title=title)
    return {"result": result, "text": text, "spans": spans}

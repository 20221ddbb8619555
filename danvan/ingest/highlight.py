"""The text of a document cut into plain and highlighted pieces, for the review page."""

import dataclasses


@dataclasses.dataclass
class Segment:
    text: str
    item: object = None
    first: bool = False  # the item's first mention: the one its card links to


def highlight(text, items):
    """Pieces of ``text`` in order; each mention of an item is one piece carrying that item.

    Mentions that overlap an earlier one are left plain, so every character shows once.
    """
    marks = sorted(
        ((start, end, item) for item in items for start, end in (item.spans or []) if 0 <= start < end <= len(text)),
        key=lambda mark: (mark[0], -mark[1]),
    )
    segments, position, seen = [], 0, set()
    for start, end, item in marks:
        if start < position:
            continue
        if start > position:
            segments.append(Segment(text[position:start]))
        segments.append(Segment(text[start:end], item, item.pk not in seen))
        seen.add(item.pk)
        position = end
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments

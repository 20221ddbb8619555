"""Bar charts drawn on the server as inline SVG: the overview, the statistics page and their printouts.

Why hand-written SVG rather than a library: the site runs offline under a Content-Security-Policy
that refuses inline scripts and ``style=""`` attributes. A JavaScript library would have to be
vendored and would still draw after load (nothing on paper without the script, nothing for a
screen reader until it ran); pygal emits ``style`` blocks and a script reference of its own. The
three shapes needed here (bars by year, bars by category, open/overdue stacked) take a hundred
lines: geometry is plain SVG attributes (``x``, ``width``…, which the policy allows), colours are
classes whose fills come from the palette in ``app.css``.

Each chart is a ``<figure>``: an ``<svg role="img">`` with ``<title>``/``<desc>`` and a ``<title>``
per bar, then the same figures as a table that screen readers read and paper prints. The SVG has a
``viewBox`` and CSS gives it ``width: 100%``, so it narrows with its panel down to a 360 px phone;
the view box is narrow (``WIDTH``) so that its text stays legible when it does.

Usage: build a ``Chart`` with ``vertical``, ``horizontal`` or ``stacked`` and write
``{% load charts %}{% chart the_chart %}`` in a template.
"""

import dataclasses

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

WIDTH = 400  # the view box's width: 400 units on a 330 px phone panel keep 12-unit text above 10 px
BAR_SPACE = 0.62  # share of a vertical slot the bar fills
PLOT_TOP, VERTICAL_HEIGHT, AXIS_SPACE = 18, 170, 22
ROW_HEIGHT, ROW_LABEL, ROW_BAR = 38, 15, 16  # a horizontal row: its label line, then its bar
LABEL_CHARS = 52  # a category label longer than this is cut (the table below keeps it whole)
YEAR_LABELS = 12  # beyond this many years only every other one is labelled


@dataclasses.dataclass(frozen=True)
class Series:
    """One kind of value drawn in every category; ``tone`` is the CSS class that colours it."""

    label: str
    tone: str = "main"


@dataclasses.dataclass(frozen=True)
class Chart:
    """``rows`` are (category label, [a value per series]); stacked series are drawn one after another."""

    key: str  # unique on the page: the SVG's ids derive from it
    title: str
    series: tuple
    rows: tuple
    orientation: str = "horizontal"  # "vertical" (years along the bottom) or "horizontal" (a row per category)

    @property
    def is_empty(self):
        return not any(value for _, values in self.rows for value in values)

    @property
    def stacked(self):
        return len(self.series) > 1


def vertical(key, title, pairs, series_label=_("Number")):
    """Bars standing on a time axis: ``pairs`` are (year or short label, value)."""
    return Chart(key, str(title), (Series(str(series_label)),), tuple((str(label), [value]) for label, value in pairs), "vertical")


def horizontal(key, title, pairs, series_label=_("Number")):
    """A row per category, the label above its bar: long Vietnamese names stay readable on a phone."""
    return Chart(key, str(title), (Series(str(series_label)),), tuple((str(label), [value]) for label, value in pairs))


def stacked(key, title, series, rows):
    """Horizontal rows whose bar is made of ``series`` parts, e.g. overdue then the rest of the open ones."""
    return Chart(key, str(title), tuple(series), tuple((str(label), list(values)) for label, values in rows))


def shown_number(value):
    """1234 as Vietnamese write it, 1.234 (the active language's grouping)."""
    return number_format(value, force_grouping=True)


def _svg(value):
    """A coordinate as SVG reads it: a template would localise 42.5 into "42,5"."""
    return f"{round(value, 2):g}"


def _cut(label):
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def _scale(chart):
    return max((sum(values) for _, values in chart.rows), default=0) or 1


def _segments(chart, values, length):
    """(tone, label, value, start, size) of each non-empty part of one bar of ``length`` units at most."""
    peak, start, parts = _scale(chart), 0.0, []
    for series, value in zip(chart.series, values):
        size = value / peak * length
        if value:
            parts.append({"tone": series.tone, "series": series.label, "value": shown_number(value), "start": start, "size": size})
        start += size
    return parts



def _vertical_layout(chart):
    slot = WIDTH / len(chart.rows)
    width = slot * BAR_SPACE
    bars = []
    for index, (label, values) in enumerate(chart.rows):
        x = index * slot + (slot - width) / 2
        parts = _segments(chart, values, VERTICAL_HEIGHT)
        for part in parts:
            part.update(x=_svg(x), y=_svg(PLOT_TOP + VERTICAL_HEIGHT - part["start"] - part["size"]), width=_svg(width), height=_svg(part["size"]))
        top = PLOT_TOP + VERTICAL_HEIGHT - sum(part["size"] for part in parts)
        shown_label = label if len(chart.rows) <= YEAR_LABELS or index % 2 == 0 else ""
        bars.append({"label": label, "shown_label": shown_label, "total": shown_number(sum(values)), "parts": parts,
                     "centre": _svg(x + width / 2), "value_y": _svg(top - 4)})
    return {"bars": bars, "height": _svg(PLOT_TOP + VERTICAL_HEIGHT + AXIS_SPACE), "axis_y": _svg(PLOT_TOP + VERTICAL_HEIGHT),
            "label_y": _svg(PLOT_TOP + VERTICAL_HEIGHT + AXIS_SPACE - 6)}


def _horizontal_layout(chart):
    bar_room = WIDTH - 56  # what is left of the row for the bar once its figure is written after it
    bars = []
    for index, (label, values) in enumerate(chart.rows):
        top = index * ROW_HEIGHT
        parts = _segments(chart, values, bar_room)
        for part in parts:
            part.update(x=_svg(part["start"]), y=_svg(top + ROW_LABEL + 3), width=_svg(part["size"]), height=_svg(ROW_BAR))
        end = sum(part["size"] for part in parts)
        bars.append({"label": label, "shown_label": _cut(label), "total": shown_number(sum(values)), "parts": parts,
                     "label_y": _svg(top + ROW_LABEL - 2), "value_x": _svg(end + 5), "value_y": _svg(top + ROW_LABEL + ROW_BAR)})
    return {"bars": bars, "height": _svg(len(chart.rows) * ROW_HEIGHT)}


def layout(chart):
    """What the template draws: every bar's rectangles and labels in view-box units."""
    if chart.is_empty:
        return {"empty": True}
    drawn = _vertical_layout(chart) if chart.orientation == "vertical" else _horizontal_layout(chart)
    table = [(label, [shown_number(value) for value in values]) for label, values in chart.rows]
    return {**drawn, "empty": False, "width": _svg(WIDTH), "table": table}


def follow_ups_by_organization(rows):
    """Follow-ups of each organisation as one bar: the overdue part first, in red, then those still within their
    deadline. ``rows`` are (organisation name or None, open, overdue), ``open`` counting the overdue ones too.
    Here in core because the overview (oversight's panel) and the statistics page (movement's) both draw it."""
    series = (Series(str(_("Overdue")), "overdue"), Series(str(_("Open, within the deadline")), "open"))
    return stacked("follow-ups", _("Open follow-ups by organisation (top 10)"), series,
                   [(name or _("No organisation named"), [overdue, opened - overdue]) for name, opened, overdue in rows])

"""The movement's charts, built from ``queries.initiative_stats``: the same on the overview and the statistics page."""

from django.utils.translation import gettext as _

from danvan.core import charts
from danvan.core.exports import ExportHeading, PlainTable, charts_response
from danvan.movement.choices import LEVEL_KEYS, RecognitionLevel


def by_year(stats):
    return charts.vertical("by-year", _("Models registered by year"), list(stats["by_year"].items()), _("Models"))


def by_field(stats):
    pairs = sorted(((stats["field_names"][code], count) for code, count in stats["by_field"].items()), key=lambda pair: -pair[1])
    return charts.horizontal("by-field", _("Models by field"), pairs, _("Models"))


def by_level(stats):
    """Recognitions from the grassroots up."""
    levels = sorted(LEVEL_KEYS.items(), key=lambda item: -item[0])
    pairs = [(RecognitionLevel(level).label, stats["recognized_by_level"][key]) for level, key in levels]
    return charts.horizontal("by-level", _("Models recognised by level"), pairs, _("Models"))


def follow_ups(rows):
    """``rows`` as the statistics give them (another app's section): dicts of organisation, open, overdue."""
    return charts.follow_ups_by_organization([(row["organization"], row["open"], row["overdue"]) for row in rows])


def movement_charts(stats):
    return [by_year(stats), by_field(stats), by_level(stats)]


def ranking_table(ranking):
    """The subordinate units' ranking as the export writes it: the rate as a number of percent, one decimal."""
    headers = [_("Rank"), _("Unit"), _("Models registered"), _("Recognised"), _("Rate (%)")]
    rows = [(place, row.unit.choice_label, row.registered, row.recognised, round(row.rate, 1) if row.rate is not None else None)
            for place, row in enumerate(ranking, start=1)]
    return PlainTable(_("Ranking of the units below"), headers, rows)


def stats_workbook(unit, span, drawn, ranking):
    """The statistics page as .xlsx: the same charts, as Excel charts on their figures, and the ranking."""
    heading = ExportHeading(_("Statistics of the movement"), str(unit.choice_label if unit else _("The whole country")),
                            _("Years %(from)s–%(to)s") % {"from": span.from_year, "to": span.to_year})
    return charts_response(f"thong-ke-dan-van-kheo-{span.from_year}-{span.to_year}.xlsx", heading, drawn, [ranking_table(ranking)])

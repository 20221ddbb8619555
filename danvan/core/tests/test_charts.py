"""The chart mechanism: bars as tall as their figures, Vietnamese numbers, an empty chart that says so."""

import re

import pytest
from django.template import Context, Template
from django.utils import translation

from danvan.core import charts


def drawn(chart):
    with translation.override("vi"):
        return Template("{% load charts %}{% chart c %}").render(Context({"c": chart}))


def rects(html):
    return [dict(re.findall(r'(\w+)="([^"]*)"', rect)) for rect in re.findall(r"<rect [^>]*>", html)]


def test_a_vertical_chart_has_a_bar_per_year_as_tall_as_its_figure():
    html = drawn(charts.vertical("years", "Mô hình theo năm", [(2021, 10), (2022, 40), (2023, 0), (2024, 20)]))
    bars = rects(html)
    assert len(bars) == 3  # a zero draws no rectangle, its year is still labelled
    heights = [float(bar["height"]) for bar in bars]
    assert heights[0] * 4 == pytest.approx(heights[1]) and heights[2] * 2 == pytest.approx(heights[1])
    assert heights[1] == charts.VERTICAL_HEIGHT  # the largest fills the plot
    bottoms = {round(float(bar["y"]) + float(bar["height"]), 2) for bar in bars}
    assert bottoms == {charts.PLOT_TOP + charts.VERTICAL_HEIGHT}  # all stand on the axis
    assert ">2023<" in html and 'role="img"' in html and "<title id=\"chart-years-title\">Mô hình theo năm</title>" in html


def test_horizontal_bars_are_as_long_as_their_figures_and_numbers_are_written_as_in_vietnamese():
    html = drawn(charts.horizontal("fields", "Theo lĩnh vực", [("Kinh tế", 1234), ("Văn hóa - xã hội", 617)]))
    bars = rects(html)
    assert float(bars[0]["width"]) == pytest.approx(2 * float(bars[1]["width"]))
    assert "1.234" in html and "617" in html and "1234" not in html
    assert "Văn hóa - xã hội" in html  # the label, and in the table for screen readers
    assert '<table class="chart-table">' in html and "<td>1.234</td>" in html


def test_stacked_bars_put_the_parts_end_to_end():
    chart = charts.stacked("follow-ups", "Kiến nghị", [charts.Series("Quá hạn", "overdue"), charts.Series("Còn hạn", "open")],
                           [("Hội Nông dân", [3, 1]), ("Đoàn Thanh niên", [0, 2])])
    bars = rects(drawn(chart))
    assert [bar["class"] for bar in bars] == ["bar tone-overdue", "bar tone-open", "bar tone-open"]
    first, second, third = (float(bar["width"]) for bar in bars)
    assert float(bars[1]["x"]) == pytest.approx(first) and first == pytest.approx(3 * second) and third == pytest.approx(2 * second)


@pytest.mark.parametrize("pairs", [[], [("2021", 0), ("2022", 0)]])
def test_a_chart_without_figures_says_so_instead_of_drawing_nothing(pairs):
    html = drawn(charts.vertical("empty", "Mô hình theo năm", pairs))
    assert "Chưa có số liệu" in html and "<svg" not in html and "Mô hình theo năm" in html


def test_a_long_label_is_cut_in_the_drawing_but_whole_in_the_table():
    name = "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Bình An, huyện Châu Thành"
    html = drawn(charts.horizontal("long", "Theo tổ chức", [(name, 3)]))
    assert f"<th scope=\"row\">{name}</th>" in html
    assert re.search(r'class="chart-label"[^>]*>[^<]*…</text>', html)


def test_text_is_escaped():
    html = drawn(charts.horizontal("x", "<b>tiêu đề</b>", [("<script>", 1)]))
    assert "<script>" not in html and "<b>" not in html

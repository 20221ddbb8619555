from django import template

from danvan.core import charts

register = template.Library()


@register.inclusion_tag("core/_chart.html")
def chart(the_chart):
    """``{% chart some_chart %}``: a ``danvan.core.charts.Chart`` as inline SVG with its table of figures."""
    return {"chart": the_chart, "drawn": charts.layout(the_chart)}

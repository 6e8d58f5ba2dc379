"""A chart laid out: the native chart filling the area above its caption, its text in the
`chart` role."""

from __future__ import annotations

from deck.kinds.chart.alt import describe
from deck.kinds.chart.spec import SERIES_COLORS, Chart
from deck.layout.blocks import Area, Body, Laid, caption_below
from deck.layout.fit import Fitter
from deck.layout.page import Chart as ChartElement
from deck.layout.page import Series
from deck.theme import Role

ROLES = {"chart": Role("chart labels, legend and axes", 16, 12)}


def lay_out(content: Chart, area: Area, fit: Fitter) -> Laid:
    """Return the chart filling the area above its caption, its labels in the `chart` role."""
    box, caption, problems = caption_below(content.caption, area, fit)
    style = fit.theme.text["chart"]
    chart = ChartElement(
        box,
        content.type,
        content.categories,
        tuple(Series(n, v) for n, v in content.series),
        content.log_scale,
        content.unit,
        style.size,
        style.font,
        style.color,
        "muted",
        SERIES_COLORS,
        alt=content.alt or describe(content),
        number_format=content.number_format,
        labels=content.labels,
        min=content.min,
        max=content.max,
        x=content.x,
    )
    return [Body((chart, *caption))], problems

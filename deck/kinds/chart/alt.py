"""A chart's alt text made from its data, for screen readers, when the outline gives none."""

from __future__ import annotations

ROUND = ("pie", "doughnut")  # the types whose labels are shares of the whole
_KINDS = {
    "bar": "Bar chart",
    "column": "Column chart",
    "stacked-bar": "Stacked bar chart",
    "stacked-column": "Stacked column chart",
    "line": "Line chart",
    "area": "Area chart",
    "pie": "Pie chart",
    "doughnut": "Doughnut chart",
    "scatter": "Scatter chart",
}
ALT_CHARS = 500  # a generated description is cut here


def describe(chart) -> str:
    """Return a description of the chart for screen readers, from its data: its type, scale
    and unit, then each category's value (per series when there are several), e.g.
    `Bar chart, log scale: NRM 70M; ChatGPT 175B`."""
    head = _KINDS[chart.type] + (", log scale" if chart.log_scale else "") + (f" ({chart.unit})" if chart.unit else "")
    if len(chart.series) == 1:
        values = chart.series[0][1]
        total = sum(values) if chart.type in ROUND else 0
        body = "; ".join(
            f"{c} {_figure(v)}" + (f" ({round(100 * v / total)}%)" if total else "")
            for c, v in zip(chart.categories, values)
        )
    else:
        body = "; ".join(
            f"{name}: " + ", ".join(f"{c} {_figure(v)}" for c, v in zip(chart.categories, values))
            for name, values in chart.series
        )
    text = f"{head}: {body}"
    return text if len(text) <= ALT_CHARS else text[: ALT_CHARS - 1] + "…"


def _figure(value: float) -> str:
    """Return a value as a reader would say it: 175B, 70M, 12,500, 1.5."""
    for scale, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M")):
        if abs(value) >= scale:
            return f"{value / scale:.3g}{suffix}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:.3g}"

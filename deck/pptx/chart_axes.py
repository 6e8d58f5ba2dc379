"""A chart's axes: scaling, gridlines, the value axis's title and the number formats of its
ticks and data labels, all from the laid-out chart and the theme."""

from __future__ import annotations

import copy

from lxml import etree

from deck.layout.metrics import is_east_asian
from deck.layout.page import Chart
from deck.pptx.chart_order import AFTER, insert
from deck.pptx.text import el, outline, qn, sub
from deck.theme import Theme

HORIZONTAL = ("bar", "stacked-bar")  # the value axis runs along the bottom


def format_axes(plot_area: etree._Element, chart: Chart, theme: Theme, text) -> None:
    rule = outline(chart.grid_color, theme.rule_width)
    for axis in plot_area:
        if axis.tag not in (qn("c:catAx"), qn("c:valAx")):
            continue
        insert(axis, el("c:spPr", None, copy.deepcopy(rule)), AFTER["axis"][8:])
        insert(axis, text(), AFTER["axis"][9:])
        if not _is_value_axis(axis, chart):
            if chart.kind in HORIZONTAL and axis.tag == qn("c:catAx"):  # bars run top down in the order typed
                axis.find(f"{qn('c:scaling')}/{qn('c:orientation')}").set("val", "maxMin")
            continue
        if chart.kind in HORIZONTAL:  # … and the value axis stays below them
            axis.find(qn("c:crosses")).set("val", "max")
        scaling = axis.find(qn("c:scaling"))
        for child in list(scaling):
            scaling.remove(child)
        if chart.log_scale:
            sub(scaling, "c:logBase", {"val": "10"})
        sub(scaling, "c:orientation", {"val": "minMax"})
        if chart.max is not None:
            sub(scaling, "c:max", {"val": f"{chart.max:.15g}"})
        low = chart.min
        if low is None and chart.max is not None and not chart.log_scale:
            low = 0.0 if min(v for s in chart.series for v in s.values) >= 0 else None  # as Excel would
        if low is not None:
            sub(scaling, "c:min", {"val": f"{low:.15g}"})
        grid = axis.find(qn("c:majorGridlines"))
        if grid is None:
            grid = insert(axis, el("c:majorGridlines"), AFTER["axis"][1:])
        grid.append(el("c:spPr", None, copy.deepcopy(rule)))
        if chart.unit:
            # a CJK title is set horizontally: rotated, its characters would lie on their side
            upright = chart.kind in HORIZONTAL or any(is_east_asian(ch) for ch in chart.unit)
            insert(axis, _axis_title(chart.unit, text, vertical=not upright), AFTER["axis"][3:])
        insert(
            axis,
            el("c:numFmt", {"formatCode": number_format(chart, labels=False), "sourceLinked": "0"}),
            AFTER["axis"][4:],
        )


def _is_value_axis(axis: etree._Element, chart: Chart) -> bool:
    """Whether `axis` shows the series' values: the value axis, or a scatter's vertical one
    (its other value axis, along the bottom, carries the x values)."""
    if axis.tag != qn("c:valAx"):
        return False
    return chart.kind != "scatter" or axis.find(qn("c:axPos")).get("val") in ("l", "r")


def _axis_title(unit: str, text, vertical: bool) -> etree._Element:
    rich_source = text(rotate=vertical)
    rich = el("c:rich", None, *list(rich_source))
    p = rich.find(qn("a:p"))
    p.remove(p.find(qn("a:endParaRPr")))
    rpr = copy.deepcopy(p.find(f"{qn('a:pPr')}/{qn('a:defRPr')}"))
    rpr.tag = qn("a:rPr")
    sub(p, "a:r").extend([rpr, el("a:t")])
    p[-1][-1].text = unit
    return el("c:title", None, el("c:tx", None, rich), el("c:overlay", {"val": "0"}))


def number_format(chart: Chart, labels: bool) -> str:
    """Return the chart's own `number_format`, else a number format that reads well:
    thousands separators where the numbers are whole (or, on an axis, where the ticks will
    be), else Excel's General; millions and billions shortened to M and B (175000000000 →
    175B), with one decimal where needed."""
    if chart.number_format:
        return chart.number_format
    values = [float(v) for s in chart.series for v in s.values]
    if labels:
        small = "#,##0" if all(v.is_integer() for v in values) else "General"
    elif chart.log_scale:
        small = "#,##0" if min(values) >= 1 else "General"
    else:
        small = "#,##0" if max(abs(v) for v in values) >= 10 else "General"
    if max(values) < 1e6:
        return small
    whole = {scale: all((v / scale).is_integer() for v in values if v >= scale) for scale in (1e6, 1e9)}
    if not labels:  # ticks: powers of ten on a log axis, arbitrary steps on a linear one
        whole = {scale: chart.log_scale for scale in whole}
    b, m = ("#,##0" if whole[s] else "#,##0.0" for s in (1e9, 1e6))
    return f'[>=1000000000]{b},,,"B";[>=1000000]{m},,"M";{small}'

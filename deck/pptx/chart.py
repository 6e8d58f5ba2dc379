"""Chart XML finishing: theme colours, text, axes, labels and legend on python-pptx's chartSpace.

Works on the `c:chartSpace` element in place with lxml only. Every colour is a scheme
colour from the laid-out chart's roles, every text property the chart's size, font and
colour; the axis ids python-pptx writes (negative, which the schema forbids) are replaced
with small positive ones in order of appearance.
"""

from __future__ import annotations

import copy

from lxml import etree

from deck.layout.metrics import is_east_asian
from deck.layout.page import Chart
from deck.pptx.text import el, no_fill, outline, qn, run_props, solid_fill, sub
from deck.theme import Theme
from deck.units import EMU_PER_PT

_AXIS_ID_BASE = 500_000_000
ROUND = ("pie", "doughnut")  # no axes: a slice per category
_HORIZONTAL = ("bar", "stacked-bar")  # the value axis runs along the bottom
# Where data labels sit, per chart type (a doughnut's and an area's cannot be placed).
_LABEL_POSITION = {
    "bar": "outEnd",
    "column": "outEnd",
    "stacked-bar": "ctr",
    "stacked-column": "ctr",
    "line": "t",
    "scatter": "t",
    "pie": "outEnd",
}
# Children that may follow the element being inserted, per parent (the schema's order).
_AFTER = {
    "ser": (
        "c:invertIfNegative",
        "c:pictureOptions",
        "c:marker",
        "c:explosion",
        "c:dPt",
        "c:dLbls",
        "c:trendline",
        "c:errBars",
        "c:xVal",
        "c:cat",
        "c:yVal",
        "c:val",
        "c:smooth",
        "c:shape",
        "c:extLst",
    ),
    "plot": (
        "c:gapWidth",
        "c:overlap",
        "c:serLines",
        "c:dropLines",
        "c:hiLowLines",
        "c:upDownBars",
        "c:marker",
        "c:smooth",
        "c:firstSliceAng",
        "c:axId",
        "c:extLst",
    ),
    "axis": (
        "c:majorGridlines",
        "c:minorGridlines",
        "c:title",
        "c:numFmt",
        "c:majorTickMark",
        "c:minorTickMark",
        "c:tickLblPos",
        "c:spPr",
        "c:txPr",
        "c:crossAx",
        "c:crosses",
        "c:crossesAt",
        "c:crossBetween",
        "c:auto",
        "c:lblAlgn",
        "c:lblOffset",
        "c:majorUnit",
        "c:minorUnit",
        "c:dispUnits",
        "c:noMultiLvlLbl",
        "c:extLst",
    ),
    "space": (
        "c:roundedCorners",
        "c:style",
        "c:clrMapOvr",
        "c:pivotSource",
        "c:protection",
        "c:chart",
        "c:spPr",
        "c:txPr",
        "c:externalData",
        "c:printSettings",
        "c:userShapes",
        "c:extLst",
    ),
}


def format_chart(space: etree._Element, chart: Chart, theme: Theme, lang: str) -> None:
    """Finish python-pptx's `space` (c:chartSpace) for laid-out `chart`, in place."""
    _fix_axis_ids(space)
    _insert(space, el("c:lang", {"val": lang}), _AFTER["space"])
    _insert(space, el("c:roundedCorners", {"val": "0"}), _AFTER["space"][1:])
    _insert(space.find(qn("c:chart")), el("c:autoTitleDeleted", {"val": "1"}), ("c:pivotFmts", "c:plotArea"))
    plot_area = space.find(f"{qn('c:chart')}/{qn('c:plotArea')}")
    plot = plot_area[0] if plot_area[0].tag != qn("c:layout") else plot_area[1]
    text = _text_props(chart, theme, lang)
    for n, ser in enumerate(plot.iter(qn("c:ser"))):
        _color_series(ser, n, chart, theme)
    if chart.kind in ("bar", "column", "stacked-bar", "stacked-column"):
        _insert(plot, el("c:varyColors", {"val": "0"}), ("c:ser",) + _AFTER["plot"])
        _insert(plot, el("c:gapWidth", {"val": "60"}), _AFTER["plot"][1:])
    shown = label_kind(chart)
    if shown:
        number_format = "0%" if shown == "percent" else _number_format(chart, labels=True)
        on_fill = chart.kind in ("stacked-bar", "stacked-column", "doughnut")
        labels = _labels(text, number_format, shown, _LABEL_POSITION.get(chart.kind), on_fill)
        _insert(plot, labels, _AFTER["plot"])
    elif plot.find(qn("c:dLbls")) is not None:
        plot.remove(plot.find(qn("c:dLbls")))
    if chart.kind in ROUND:
        _legend(space, "r", text)
    else:
        if len(chart.series) > 1:
            _legend(space, "b", text)
        _format_axes(plot_area, chart, theme, text)
    plot_area.append(el("c:spPr", None, no_fill(), outline(None, 0)))
    _insert(space, el("c:spPr", None, no_fill(), outline(None, 0)), _AFTER["space"][6:])
    old = space.find(qn("c:txPr"))
    old.getparent().replace(old, text())


def embed_workbook(space: etree._Element, rid: str) -> None:
    """Point chart `space` at its embedded workbook, relationship `rid` (not updated on open)."""
    data = el("c:externalData", {"r:id": rid})
    sub(data, "c:autoUpdate", {"val": "0"})
    _insert(space, data, _AFTER["space"][9:])


def _fix_axis_ids(space: etree._Element) -> None:
    """Renumber c:axId / c:crossAx values to positive ids in order of first appearance."""
    new: dict[str, str] = {}
    for node in space.iter(qn("c:axId"), qn("c:crossAx")):
        old = node.get("val")
        new.setdefault(old, str(_AXIS_ID_BASE + len(new) + 1))
        node.set("val", new[old])


def _text_props(chart: Chart, theme: Theme, lang: str):
    """Return a factory of `c:txPr` elements carrying the chart's size, font and colour (or
    palette role `color`)."""

    def make(rotate: bool = False, color: str | None = None) -> etree._Element:
        body_pr = el("a:bodyPr", {"rot": "-5400000", "vert": "horz"} if rotate else None)
        p = el(
            "a:p",
            None,
            el(
                "a:pPr",
                None,
                run_props(
                    "a:defRPr", lang=lang, size=chart.size, color=color or chart.color, font=chart.font, theme=theme
                ),
            ),
        )
        sub(p, "a:endParaRPr", {"lang": lang})
        return el("c:txPr", None, body_pr, el("a:lstStyle"), p)

    return make


def _color_series(ser: etree._Element, n: int, chart: Chart, theme: Theme) -> None:
    colors = chart.colors
    role = colors[n % len(colors)]
    if chart.kind in ("line", "scatter"):
        width = 2 * theme.rule_width
        line = el("a:ln", {"w": str(width), "cap": "rnd"}, solid_fill(role), el("a:round"))
        if chart.kind == "scatter":  # points only
            line = el("a:ln", None, el("a:noFill"))
        _insert(ser, el("c:spPr", None, line), _AFTER["ser"])
        marker = el(
            "c:marker",
            None,
            el("c:symbol", {"val": "circle"}),
            el("c:size", {"val": str(max(2, min(72, round(chart.size / EMU_PER_PT / 2))))}),
            el("c:spPr", None, solid_fill(role), outline(role, theme.rule_width)),
        )
        _insert(ser, marker, _AFTER["ser"][3:])
        return
    _insert(ser, el("c:spPr", None, solid_fill(role), outline(None, 0)), _AFTER["ser"])
    if chart.kind in ROUND:
        for i in range(len(chart.categories)):
            point = el(
                "c:dPt",
                None,
                el("c:idx", {"val": str(i)}),
                el("c:bubble3D", {"val": "0"}),
                el("c:spPr", None, solid_fill(colors[i % len(colors)]), outline("background", theme.rule_width)),
            )
            _insert(ser, point, _AFTER["ser"][5:], replace=False)


def label_kind(chart: Chart) -> str | None:
    """Return what the chart's data labels show — 'value', 'percent' or 'category' — or None
    for no labels: as the chart says, else percentages on a pie or doughnut and values on a
    one-series bar or column."""
    if chart.labels:
        return None if chart.labels == "none" else chart.labels
    if chart.kind in ROUND:
        return "percent"
    return "value" if chart.kind in ("bar", "column") and len(chart.series) == 1 else None


def _labels(text, number_format: str, shown: str, position: str | None, on_fill: bool) -> etree._Element:
    """Return chart-wide `c:dLbls` showing values, percentages or category names, at
    `position` (None: where the chart type puts them); labels drawn on the series' fill
    (`on_fill`: in a stacked segment, on a doughnut's ring) take the background colour."""
    labels = el(
        "c:dLbls",
        None,
        el("c:numFmt", {"formatCode": number_format, "sourceLinked": "0"}),
        el("c:spPr", None, no_fill() if on_fill or shown == "percent" else solid_fill("background"), outline(None, 0)),
        text(color="background") if on_fill else text(),
    )
    if position:
        sub(labels, "c:dLblPos", {"val": position})
    for flag, on in (
        ("showLegendKey", False),
        ("showVal", shown == "value"),
        ("showCatName", shown in ("category", "percent")),  # a pie's slices are labelled with their category
        ("showSerName", False),
        ("showPercent", shown == "percent"),
        ("showBubbleSize", False),
    ):
        sub(labels, f"c:{flag}", {"val": "1" if on else "0"})
    if shown == "percent":
        sub(labels, "c:showLeaderLines", {"val": "1"})
    return labels


def _legend(space: etree._Element, position: str, text) -> None:
    chart = space.find(qn("c:chart"))
    old = chart.find(qn("c:legend"))
    if old is not None:
        chart.remove(old)
    legend = el("c:legend", None, el("c:legendPos", {"val": position}), el("c:overlay", {"val": "0"}), text())
    chart.find(qn("c:plotArea")).addnext(legend)


def _format_axes(plot_area: etree._Element, chart: Chart, theme: Theme, text) -> None:
    rule = outline(chart.grid_color, theme.rule_width)
    for axis in plot_area:
        if axis.tag not in (qn("c:catAx"), qn("c:valAx")):
            continue
        _insert(axis, el("c:spPr", None, copy.deepcopy(rule)), _AFTER["axis"][8:])
        _insert(axis, text(), _AFTER["axis"][9:])
        if not _is_value_axis(axis, chart):
            if chart.kind in _HORIZONTAL and axis.tag == qn("c:catAx"):  # bars run top down in the order typed
                axis.find(f"{qn('c:scaling')}/{qn('c:orientation')}").set("val", "maxMin")
            continue
        if chart.kind in _HORIZONTAL:  # … and the value axis stays below them
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
            grid = _insert(axis, el("c:majorGridlines"), _AFTER["axis"][1:])
        grid.append(el("c:spPr", None, copy.deepcopy(rule)))
        if chart.unit:
            # a CJK title is set horizontally: rotated, its characters would lie on their side
            upright = chart.kind in _HORIZONTAL or any(is_east_asian(ch) for ch in chart.unit)
            _insert(axis, _axis_title(chart.unit, text, vertical=not upright), _AFTER["axis"][3:])
        _insert(
            axis,
            el("c:numFmt", {"formatCode": _number_format(chart, labels=False), "sourceLinked": "0"}),
            _AFTER["axis"][4:],
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


def _number_format(chart: Chart, labels: bool) -> str:
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


def _insert(
    parent: etree._Element, child: etree._Element, successors: tuple[str, ...], replace: bool = True
) -> etree._Element:
    """Insert `child` into `parent` before the first child named in `successors` (or at
    the end); with `replace`, it replaces an existing element of the same tag instead."""
    old = parent.find(child.tag) if replace else None
    if old is not None:
        parent.replace(old, child)
        return child
    names = {qn(s) for s in successors}
    for node in parent:
        if node.tag in names:
            node.addprevious(child)
            return child
    parent.append(child)
    return child

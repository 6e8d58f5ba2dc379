"""Chart XML finishing: theme colours, text, axes, labels and legend on python-pptx's chartSpace.

Works on the `c:chartSpace` element in place with lxml only. Every colour is a scheme
colour from the laid-out chart's roles, every text property the chart's size, font and
colour; the axis ids python-pptx writes (negative, which the schema forbids) are replaced
with small positive ones in order of appearance. The axes are chart_axes.py's; where each
element goes, chart_order.py's.
"""

from __future__ import annotations

from lxml import etree

from deck.layout.page import Chart
from deck.pptx.chart_axes import format_axes, number_format
from deck.pptx.chart_order import AFTER, insert
from deck.pptx.text import el, no_fill, outline, qn, run_props, solid_fill, sub
from deck.theme import Theme
from deck.units import EMU_PER_PT

_AXIS_ID_BASE = 500_000_000
ROUND = ("pie", "doughnut")  # no axes: a slice per category
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


def format_chart(space: etree._Element, chart: Chart, theme: Theme, lang: str) -> None:
    """Finish python-pptx's `space` (c:chartSpace) for laid-out `chart`, in place."""
    _fix_axis_ids(space)
    insert(space, el("c:lang", {"val": lang}), AFTER["space"])
    insert(space, el("c:roundedCorners", {"val": "0"}), AFTER["space"][1:])
    insert(space.find(qn("c:chart")), el("c:autoTitleDeleted", {"val": "1"}), ("c:pivotFmts", "c:plotArea"))
    plot_area = space.find(f"{qn('c:chart')}/{qn('c:plotArea')}")
    plot = plot_area[0] if plot_area[0].tag != qn("c:layout") else plot_area[1]
    text = _text_props(chart, theme, lang)
    for n, ser in enumerate(plot.iter(qn("c:ser"))):
        _color_series(ser, n, chart, theme)
    if chart.kind in ("bar", "column", "stacked-bar", "stacked-column"):
        insert(plot, el("c:varyColors", {"val": "0"}), ("c:ser",) + AFTER["plot"])
        insert(plot, el("c:gapWidth", {"val": "60"}), AFTER["plot"][1:])
    shown = label_kind(chart)
    if shown:
        fmt = "0%" if shown == "percent" else number_format(chart, labels=True)
        on_fill = chart.kind in ("stacked-bar", "stacked-column", "doughnut")
        labels = _labels(text, fmt, shown, _LABEL_POSITION.get(chart.kind), on_fill)
        insert(plot, labels, AFTER["plot"])
    elif plot.find(qn("c:dLbls")) is not None:
        plot.remove(plot.find(qn("c:dLbls")))
    if chart.kind in ROUND:
        _legend(space, "r", text)
    else:
        if len(chart.series) > 1:
            _legend(space, "b", text)
        format_axes(plot_area, chart, theme, text)
    plot_area.append(el("c:spPr", None, no_fill(), outline(None, 0)))
    insert(space, el("c:spPr", None, no_fill(), outline(None, 0)), AFTER["space"][6:])
    old = space.find(qn("c:txPr"))
    old.getparent().replace(old, text())


def embed_workbook(space: etree._Element, rid: str) -> None:
    """Point chart `space` at its embedded workbook, relationship `rid` (not updated on open)."""
    data = el("c:externalData", {"r:id": rid})
    sub(data, "c:autoUpdate", {"val": "0"})
    insert(space, data, AFTER["space"][9:])


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
        insert(ser, el("c:spPr", None, line), AFTER["ser"])
        marker = el(
            "c:marker",
            None,
            el("c:symbol", {"val": "circle"}),
            el("c:size", {"val": str(max(2, min(72, round(chart.size / EMU_PER_PT / 2))))}),
            el("c:spPr", None, solid_fill(role), outline(role, theme.rule_width)),
        )
        insert(ser, marker, AFTER["ser"][3:])
        return
    insert(ser, el("c:spPr", None, solid_fill(role), outline(None, 0)), AFTER["ser"])
    if chart.kind in ROUND:
        for i in range(len(chart.categories)):
            point = el(
                "c:dPt",
                None,
                el("c:idx", {"val": str(i)}),
                el("c:bubble3D", {"val": "0"}),
                el("c:spPr", None, solid_fill(colors[i % len(colors)]), outline("background", theme.rule_width)),
            )
            insert(ser, point, AFTER["ser"][5:], replace=False)


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

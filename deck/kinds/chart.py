"""The `chart` kind: a native, editable bar, column, line or pie chart."""

from __future__ import annotations

from dataclasses import dataclass

from deck import model as m
from deck.fields import INVALID, Bool, Choice, Field, ListOf, MapOf, Number, Record, plural
from deck.kinds.base import CAPTION, Kind, plain_text
from deck.layout.blocks import Area, Body, Laid, caption_below
from deck.layout.fit import Fitter
from deck.layout.page import Chart as ChartElement
from deck.layout.page import Series
from deck.problems import Code, cut
from deck.theme import Role


@dataclass(frozen=True)
class Chart:
    type: str  # bar | column | line | pie
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]
    log_scale: bool
    unit: str | None
    caption: m.Rich | None
    alt: str | None = None


SERIES_COLORS = ("primary", "accent", "series3", "series4", "series5", "series6")
MAX_SERIES = len(SERIES_COLORS)  # a pie's slices take these colours too
_MANY_CATEGORIES = "group categories, or show the data as a `table`"

SPEC = Record(
    "chart",
    {
        "type": Field(Choice(("bar", "column", "line", "pie"), "the chart type"), True, "bar, column, line or pie"),
        "categories": Field(
            ListOf(
                plain_text("a category", 80),
                1,
                50,
                doc="the category labels",
                shape='e.g. `categories: ["2022", "2023"]`',
                noun="category",
                many=_MANY_CATEGORIES,
            ),
            True,
            "the category labels",
        ),
        "series": Field(
            MapOf(
                ListOf(
                    Number(),
                    1,
                    50,
                    doc="one number per category",
                    shape="e.g. `[120, 340]`",
                    noun="value",
                    many=_MANY_CATEGORIES,
                ),
                "the series as a mapping of name to numbers",
                "series",
                1,
                MAX_SERIES,
                "`series: {Users: [120, 340]}`",
                f"split them over two charts (the theme has {MAX_SERIES} series colours)",
            ),
            True,
            "series name → one number per category",
        ),
        "log_scale": Field(Bool(), False, "a logarithmic value axis"),
        "unit": Field(plain_text("the values' unit", 40), False, "the values' unit, shown on the axis"),
        "caption": CAPTION,
        "alt": Field(
            plain_text("alt text describing the chart", 500),
            False,
            "alt text: what the chart shows, for screen readers (default: its type and values)",
        ),
    },
    extra_schema={
        "if": {"properties": {"type": {"const": "pie"}}},
        "then": {
            "properties": {
                "series": {"minProperties": 1, "maxProperties": 1},
                "log_scale": {"const": False},
                "categories": {"maxItems": MAX_SERIES},
            }
        },
    },
)

ROLES = {"chart": Role("chart labels, legend and axes", 16, 12)}


def _build(value, node, ctx, folder):
    kind, cats, series = value["type"], value["categories"], value["series"]
    log = value.get("log_scale", False)
    ok = True
    for name, (where, values) in series.items():
        if values is INVALID:
            ok = False
            continue
        if len(values) != len(cats):
            ctx.error(
                where,
                "K221",
                f"series `{cut(name, 30)}` has {plural(len(values), 'value')} but there "
                f"{'is' if len(cats) == 1 else 'are'} {len(cats)} categor{'y' if len(cats) == 1 else 'ies'}; "
                "give one value per category",
            )
            ok = False
        if log and any(v <= 0 for v in values):
            ctx.error(
                where,
                "K222",
                f"series `{cut(name, 30)}` has a value ≤ 0, which a log scale cannot show; "
                "remove `log_scale` or use positive values",
            )
            ok = False
        if kind == "pie" and any(v < 0 for v in values):
            ctx.error(where, "K223", "a pie cannot show negative values")
            ok = False
        elif kind == "pie" and not any(values):
            ctx.error(
                where,
                "K130",
                f"every value of series `{cut(name, 30)}` is 0, so the pie has no slices to draw; "
                "give the shares, or show the zeros as a `table`",
            )
            ok = False
    where = node.where
    if kind == "pie" and len(series) != 1:
        ctx.error(
            where, "K224", f"a pie chart has exactly one series, got {len(series)}; use `column` to compare series"
        )
        ok = False
    if kind == "pie" and len(cats) > MAX_SERIES:
        ctx.error(
            where,
            "K225",
            f"a pie chart shows at most {MAX_SERIES} slices (one colour each), got {len(cats)}; "
            "group the small ones as one category (e.g. `Other`), or use `bar`",
        )
        ok = False
    if kind == "pie" and log:
        ctx.error(where, "K226", "a pie chart cannot have a log scale; remove `log_scale` or use `bar`/`column`")
        ok = False
    if not ok:
        return INVALID
    return Chart(
        kind,
        tuple(c for c in cats),
        tuple((n, v) for n, (_, v) in series.items()),
        log,
        value.get("unit"),
        value.get("caption"),
        value.get("alt"),
    )


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
    )
    return [Body((chart, *caption))], problems


_KINDS = {"bar": "Bar chart", "column": "Column chart", "line": "Line chart", "pie": "Pie chart"}
ALT_CHARS = 500  # a generated description is cut here


def describe(chart: Chart) -> str:
    """Return a description of the chart for screen readers, from its data: its type, scale
    and unit, then each category's value (per series when there are several), e.g.
    `Bar chart, log scale: NRM 70M; ChatGPT 175B`."""
    head = _KINDS[chart.type] + (", log scale" if chart.log_scale else "") + (f" ({chart.unit})" if chart.unit else "")
    if len(chart.series) == 1:
        values = chart.series[0][1]
        total = sum(values) if chart.type == "pie" else 0
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


_PIE = "- title: Share\n  chart:\n    type: pie\n    categories: [a, b]\n    series:\n"
CODES = {
    "K221": Code(
        "series-length-mismatch",
        "a series has more or fewer values than categories",
        "A chart series gives one number for each category, in the order of `categories`.",
        "- title: Users\n  chart:\n    type: column\n    categories: ['2023', '2024']\n"
        "    series:\n      Users: [120]\n  notes: n",
        "Give the series one value per category.",
    ),
    "K222": Code(
        "log-scale-not-positive",
        "a chart with `log_scale` has a value of zero or below",
        "A logarithmic axis can only show positive numbers.",
        "- title: Growth\n  chart:\n    type: line\n    categories: [a, b]\n    log_scale: true\n"
        "    series:\n      Size: [0, 10]\n  notes: n",
        "Remove `log_scale`, or use positive values.",
    ),
    "K223": Code(
        "pie-negative-value",
        "a pie chart has a negative value",
        "A pie shows shares of a whole; a negative share cannot be drawn.",
        _PIE + "      Share: [3, -1]\n  notes: n",
        "Use a `bar` or `column` chart for values below zero.",
    ),
    "K224": Code(
        "pie-series-count",
        "a pie chart has more than one series",
        "A pie shows one series: the shares of its categories.",
        _PIE + "      A: [1, 2]\n      B: [3, 4]\n  notes: n",
        "Keep one series, or use `column` to compare series.",
    ),
    "K225": Code(
        "pie-too-many-slices",
        f"a pie chart has more than {MAX_SERIES} slices",
        f"Each slice of a pie takes one of the theme's {MAX_SERIES} series colours.",
        "- title: Share\n  chart:\n    type: pie\n    categories: [a, b, c, d, e, f, g]\n"
        "    series:\n      Share: [1, 1, 1, 1, 1, 1, 1]\n  notes: n",
        "Group the small slices as one category (e.g. `Other`), or use `bar`.",
    ),
    "K130": Code(
        "pie-all-zero",
        "every value of a pie chart is zero",
        "A pie shows each value as its share of the total. When every value is 0 the total is 0: there "
        "are no shares, and PowerPoint draws an empty circle, or nothing.",
        _PIE + "      Share: [0, 0]\n  notes: n",
        "Give the real shares; to show that everything is zero, use a `table` or say it in the text.",
    ),
    "K226": Code(
        "pie-log-scale",
        "a pie chart has `log_scale`",
        "A pie has no value axis, so it cannot have a logarithmic one.",
        _PIE.replace("    series:", "    log_scale: true\n    series:") + "      Share: [1, 2]\n  notes: n",
        "Remove `log_scale`, or use `bar` or `column`.",
    ),
}

KIND = Kind(
    SPEC,
    _build,
    lay_out,
    "a native, editable chart",
    "the chart as `{type: …, categories: […], series: {…}}`",
    roles=ROLES,
    codes=CODES,
)

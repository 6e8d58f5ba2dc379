"""The `chart` kind: a native, editable chart (bar, column, their stacked forms, line, area,
pie, doughnut, scatter) with its number format, data labels and value-axis range."""

from __future__ import annotations

import math

from deck import model as m
from deck.fields import INVALID, Bool, Choice, Field, ListOf, MapOf, Number, Record, plural
from deck.frozen import frozen
from deck.kinds.base import CAPTION, Kind, plain_text
from deck.kinds.chart_alt import ROUND, describe  # ROUND: shares of a whole, no axes
from deck.layout.blocks import Area, Body, Laid, caption_below
from deck.layout.fit import Fitter
from deck.layout.page import Chart as ChartElement
from deck.layout.page import Series
from deck.problems import Code, cut
from deck.source.located import Map, Seq
from deck.theme import Role


@frozen
class Chart:
    type: str  # one of TYPES
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]
    log_scale: bool
    unit: str | None
    caption: m.Rich | None
    alt: str | None = None
    number_format: str | None = None  # an Excel number format code for values
    labels: str | None = None  # value | percent | category | none (None: the type's default)
    min: float | None = None  # the value axis's range (None: automatic)
    max: float | None = None
    x: tuple[float, ...] = ()  # a scatter's x values (its categories read as numbers)


TYPES = ("bar", "column", "stacked-bar", "stacked-column", "line", "area", "pie", "doughnut", "scatter")
LABELS = ("value", "percent", "category", "none")


SERIES_COLORS = ("primary", "accent", "series3", "series4", "series5", "series6")
MAX_SERIES = len(SERIES_COLORS)  # a pie's slices take these colours too
_MANY_CATEGORIES = "group categories, or show the data as a `table`"

SPEC = Record(
    "chart",
    {
        "type": Field(Choice(TYPES, "the chart type"), True, ", ".join(TYPES[:-1]) + " or scatter"),
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
        "number_format": Field(
            plain_text("an Excel number format code", 60),
            False,
            'the values\' Excel number format, e.g. `"#,##0"`, `"0.0%"` or `"#,##0,\\"k\\""` (axis and labels)',
        ),
        "labels": Field(
            Choice(LABELS, "what the data labels show"),
            False,
            "data labels: value, percent (pie, doughnut), category or none (default: percent on a pie or "
            "doughnut, values on a one-series bar or column, else none)",
        ),
        "min": Field(Number("the value axis's lowest value"), False, "the value axis's lowest value"),
        "max": Field(Number("the value axis's highest value"), False, "the value axis's highest value"),
        "caption": CAPTION,
        "alt": Field(
            plain_text("alt text describing the chart", 500),
            False,
            "alt text: what the chart shows, for screen readers (default: its type and values)",
        ),
    },
    extra_schema={
        "if": {"properties": {"type": {"enum": list(ROUND)}}},
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
    round_ = kind in ROUND
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
        if round_ and any(v < 0 for v in values):
            ctx.error(where, "K223", f"a {kind} chart cannot show negative values")
            ok = False
        elif round_ and not any(values):
            ctx.error(
                where,
                "K130",
                f"every value of series `{cut(name, 30)}` is 0, so the {kind} has no slices to draw; "
                "give the shares, or show the zeros as a `table`",
            )
            ok = False
    where = node.where
    if round_ and len(series) != 1:
        ctx.error(
            where, "K224", f"a {kind} chart has exactly one series, got {len(series)}; use `column` to compare series"
        )
        ok = False
    if round_ and len(cats) > MAX_SERIES:
        ctx.error(
            where,
            "K225",
            f"a {kind} chart shows at most {MAX_SERIES} slices (one colour each), got {len(cats)}; "
            "group the small ones as one category (e.g. `Other`), or use `bar`",
        )
        ok = False
    if round_ and log:
        ctx.error(where, "K226", f"a {kind} chart cannot have a log scale; remove `log_scale` or use `bar`/`column`")
        ok = False
    x = _x_values(kind, cats, node, ctx)
    ok = ok and x is not INVALID
    ok = _range_ok(value, kind, log, node, ctx) and ok
    if value.get("labels") == "percent" and not round_:
        ctx.error(
            _key_where(node, "labels"),
            "K229",
            f"percent labels show each slice's share of a pie or doughnut; a {kind} chart has no whole to "
            "share: use `labels: value`, or a `number_format` with %",
        )
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
        value.get("number_format"),
        value.get("labels"),
        value.get("min"),
        value.get("max"),
        x,
    )


def _key_where(node, key: str):
    found = node.key_node(key) if isinstance(node, Map) else None
    return found.where if found is not None else node.where


def _x_values(kind: str, cats: tuple[str, ...], node, ctx):
    """Return a scatter chart's categories read as numbers (its x values), else (); INVALID
    after a located error for each category that is not a number."""
    if kind != "scatter":
        return ()
    items = node.get("categories").items if isinstance(node, Map) and isinstance(node.get("categories"), Seq) else ()
    out = []
    for text, item in zip(cats, items):
        try:
            number = float(text.replace("_", "")) if len(text) < 60 else math.nan
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            ctx.error(
                item.where,
                "K227",
                f"a scatter chart's categories are its x values, so each is a number; got `{cut(text, 30)}` "
                "(write digits only, e.g. `1.5` or `2e9`; for named categories use `line` or `column`)",
            )
            out.append(INVALID)
        else:
            out.append(number)
    return INVALID if INVALID in out else tuple(out)


def _range_ok(value, kind: str, log: bool, node, ctx) -> bool:
    """Check the value axis's `min` and `max`: an axis to set, min below max, above 0 on a log scale."""
    low, high = value.get("min"), value.get("max")
    if low is None and high is None:
        return True
    key = "min" if low is not None else "max"
    if kind in ROUND:
        ctx.error(_key_where(node, key), "K228", f"a {kind} chart has no value axis; remove `min` and `max`")
        return False
    if low is not None and high is not None and low >= high:
        ctx.error(_key_where(node, "max"), "K228", f"`max` ({high:g}) must be above `min` ({low:g})")
        return False
    if log and low is not None and low <= 0:
        ctx.error(_key_where(node, "min"), "K228", f"a log scale starts above 0; got `min: {low:g}`")
        return False
    return True


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
    "K227": Code(
        "scatter-category-not-a-number",
        "a scatter chart's category is not a number",
        "A scatter chart places each point by two numbers: its `categories` are the x values, and each "
        "series gives the y values, one per category.",
        "- title: Cost and size\n  chart:\n    type: scatter\n    categories: [small, 2.5]\n"
        "    series:\n      Cost: [1, 4]\n  notes: n",
        "Write each category as a number (`1.5`, `2e9`); for named categories use `line` or `column`.",
    ),
    "K228": Code(
        "chart-axis-range",
        "a chart's `min` or `max` cannot be used",
        "`min` and `max` set the value axis's range: `min` below `max`, above 0 on a log scale, and only "
        "on a chart with a value axis (not a pie or doughnut).",
        "- title: Growth\n  chart:\n    type: column\n    categories: [a, b]\n    min: 10\n    max: 5\n"
        "    series:\n      Size: [6, 8]\n  notes: n",
        "Set `min` below `max` (or leave one out for an automatic end), or remove both.",
    ),
    "K229": Code(
        "chart-percent-labels",
        "percent labels on a chart that is not a pie or doughnut",
        "`labels: percent` shows each slice's share of the whole, which only a pie or a doughnut has.",
        "- title: Users\n  chart:\n    type: column\n    categories: [a, b]\n    labels: percent\n"
        "    series:\n      Users: [6, 8]\n  notes: n",
        'Use `labels: value`; to show values that are percentages, give `number_format: "0%"`.',
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

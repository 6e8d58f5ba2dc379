"""What a chart slide is and how it is written: the Chart model, its types, label kinds and
series colours, and the fields of `chart:`."""

from __future__ import annotations

from deck import model as m
from deck.fields import Bool, Choice, Field, ListOf, MapOf, Number, Record
from deck.frozen import frozen
from deck.kinds.base import CAPTION, plain_text
from deck.kinds.chart.alt import ROUND  # shares of a whole, no axes


@frozen
class Chart:
    """A chart slide's content, its values checked against its type."""

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

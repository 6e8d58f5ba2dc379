"""Problem codes only the `chart` kind reports (K221–K229, K130), with their explanations."""

from __future__ import annotations

from deck.kinds.chart.spec import MAX_SERIES
from deck.problems import Code

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

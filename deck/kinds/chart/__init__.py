"""The `chart` kind: a native, editable chart (bar, column, their stacked forms, line, area,
pie, doughnut, scatter) with its number format, data labels and value-axis range.

A package, as the kind has four parts: its model and fields (spec.py), the checks of its values
against its type (check.py, with codes.py), its layout (layout.py) and its generated alt
text (alt.py)."""

from __future__ import annotations

from deck.kinds.base import Kind
from deck.kinds.chart.check import build
from deck.kinds.chart.codes import CODES
from deck.kinds.chart.layout import ROLES, lay_out
from deck.kinds.chart.spec import SPEC

KIND = Kind(
    SPEC,
    build,
    lay_out,
    "a native, editable chart",
    "the chart as `{type: …, categories: […], series: {…}}`",
    roles=ROLES,
    codes=CODES,
)

"""The workbook embedded in each chart: the chart's data as plain cells, never formulas or links.

Laid out as python-pptx's chart XML refers to it (Sheet1: categories in column A from row 2,
one column per series from B, the series name in row 1; a scatter chart's series one table
under another, x values in A and y values in B under the series name, a blank row between).
Values carry the chart's number format, so the data reads in Excel as on the chart. Every text cell is written as a
string, whatever it starts with (`=`, `+`, `-`, `@`, a tab) or looks like (a URL), so that no
outline can plant a live formula or hyperlink in a spreadsheet a reader opens; numbers are
written as numbers.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from xlsxwriter import Workbook

_SAFE = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}


def category_workbook(
    categories: Sequence[str], series: Sequence[tuple[str, Sequence[float]]], number_format: str | None = None
) -> bytes:
    """Return the .xlsx bytes holding `categories` and each `(name, values)` series, values in
    `number_format` (default General) (data only; the package repacks it with fixed dates)."""
    out = io.BytesIO()
    book = Workbook(out, _SAFE)
    sheet = book.add_worksheet()
    general = book.add_format({"num_format": "General"})
    values_format = book.add_format({"num_format": number_format or "General"})
    sheet.set_column(0, 0, 10)
    for row, name in enumerate(categories, 1):
        sheet.write_string(row, 0, name, general)
    for col, (name, values) in enumerate(series, 1):
        sheet.write_string(0, col, name)
        for row, value in enumerate(values, 1):
            sheet.write_number(row, col, value, values_format)
    book.close()
    return out.getvalue()


def xy_workbook(
    x: Sequence[float], series: Sequence[tuple[str, Sequence[float]]], number_format: str | None = None
) -> bytes:
    """Return the .xlsx bytes of a scatter chart: per series, its name over its y values in
    column B beside the x values in column A, the series one under another with a blank row."""
    out = io.BytesIO()
    book = Workbook(out, _SAFE)
    sheet = book.add_worksheet()
    general = book.add_format({"num_format": "General"})
    values_format = book.add_format({"num_format": number_format or "General"})
    top = 0
    for name, values in series:
        sheet.write_string(top, 1, name)
        for row, (x_value, y_value) in enumerate(zip(x, values), top + 1):
            sheet.write_number(row, 0, x_value, general)
            sheet.write_number(row, 1, y_value, values_format)
        top += len(values) + 2
    book.close()
    return out.getvalue()

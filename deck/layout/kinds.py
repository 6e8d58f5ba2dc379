"""The registry of kind layouts: content key → function(content, area, fitter) → bodies."""

from __future__ import annotations

from collections.abc import Callable

from deck.layout.area import Area, Body
from deck.layout.text_kinds import TooBig, continue_paragraphs, lay_bullets, lay_columns, lay_quote, lay_text
from deck.layout.visual_kinds import lay_chart, lay_image, lay_stats, lay_steps, lay_table, lay_timeline

__all__ = ["LAYOUTS", "Area", "Body", "TooBig", "continue_paragraphs"]

LAYOUTS: dict[str, Callable[..., list[Body]]] = {
    "bullets": lay_bullets,
    "text": lay_text,
    "columns": lay_columns,
    "quote": lay_quote,
    "image": lay_image,
    "table": lay_table,
    "chart": lay_chart,
    "timeline": lay_timeline,
    "steps": lay_steps,
    "stats": lay_stats,
}

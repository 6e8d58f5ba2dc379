"""The `quote` kind: a pull quote beside an accent bar, with who said it."""

from __future__ import annotations

from deck import model as m
from deck.fields import Field, Record
from deck.frozen import frozen
from deck.kinds.base import Kind, inline_text, plain_text
from deck.layout.blocks import Area, Body, Laid, frames_shrunk
from deck.layout.fit import Fitter, Para, plain, runs_of
from deck.layout.page import Box, Shape
from deck.theme import Role


@frozen
class Quote:
    text: m.Rich
    by: str | None


SPEC = Record(
    "quote",
    {
        "text": Field(inline_text("the quoted words", 600), True, "the quoted words"),
        "by": Field(plain_text("who said or wrote it", 160), False, "who said or wrote it"),
    },
)

ROLES = {
    "quote": Role("pull-quote text", 32, 22, font="heading"),
    "attribution": Role("who said the quote", 20, 16, color="muted"),
}


def lay_out(content: Quote, area: Area, fit: Fitter) -> Laid:
    """Return the quote, shrunk if needed, centred beside a bar; an error when even the
    minimum size does not fit."""
    t, box = fit.theme, area.box
    problems = fit.coverage(content.text, content.text.where)
    mark_w = fit.size("quote") * 2
    text_box = Box(box.x + mark_w, box.y, box.w - mark_w, box.h)
    by = [Para(plain("— " + content.by), "attribution", align="right")] if content.by else []
    paras = [Para(runs_of(content.text), "quote")] + by
    frame = fit.fit(paras, text_box, name="Quote", anchor="middle", slot="quote")
    if frame is None:
        error = area.where.error("L106", "the quote does not fit on the slide even at the smallest size; shorten it")
        return [Body(())], [*problems, error]
    problems += frames_shrunk([frame], area.where, fit, "the quote")
    bar = Shape(
        Box(box.x + mark_w // 2, box.y + box.h // 6, t.rule_width * 3, box.h * 2 // 3),
        "rect",
        fill="accent",
        name="Quote Bar",
    )
    return [Body((frame, bar))], problems


KIND = Kind(
    SPEC,
    lambda value, node, ctx, folder: Quote(value["text"], value.get("by")),
    lay_out,
    "a pull quote",
    "the quote as `{text: …, by: …}`",
    roles=ROLES,
)

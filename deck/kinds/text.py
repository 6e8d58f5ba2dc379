"""The `text` kind: a title and a paragraph or two, shrunk to fit (it never continues)."""

from __future__ import annotations

from deck import model as m
from deck.frozen import frozen
from deck.kinds.base import Kind, inline_text, split_paragraphs
from deck.layout.blocks import Area, Body, Laid, frames_shrunk
from deck.layout.fit import Fitter, Para, runs_of
from deck.problems import Problem


@frozen
class Text:
    paragraphs: tuple[m.Rich, ...]


def lay_out(content: Text, area: Area, fit: Fitter) -> Laid:
    """Return the paragraphs in one frame, shrunk if needed; an error when even the minimum
    size does not fit."""
    paras = [Para(runs_of(p), "body") for p in content.paragraphs]
    problems: list[Problem] = []
    for p in content.paragraphs:
        problems += fit.coverage(p, p.where)
    frame = fit.fit(paras, area.box, name="Body", slot="body", grow=True)
    if frame is None:
        error = area.where.error(
            "L106",
            "the text does not fit on the slide even at the smallest size; shorten it, or "
            "use `bullets`, which continue on a new slide",
        )
        return [Body(())], [*problems, error]
    return [Body((frame,))], problems + frames_shrunk([frame], area.where, fit, "the text")


KIND = Kind(
    inline_text("a paragraph or two (blank line between paragraphs)", 3000),
    lambda value, node, ctx, folder: Text(split_paragraphs(value)),
    lay_out,
    "title and a paragraph or two",
    "a paragraph or two",
)

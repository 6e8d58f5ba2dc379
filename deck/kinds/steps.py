"""The `steps` kind: a process of two to six steps, as cards left to right joined by arrows."""

from __future__ import annotations

from deck import model as m
from deck.fields import Field, ListOf, Record
from deck.frozen import frozen
from deck.kinds.base import Kind, inline_text, plain_text
from deck.layout.blocks import Area, Body, Laid, sizes_shrunk, uniform_sizes
from deck.layout.fit import Fitter, Para, runs_of
from deck.layout.page import Box, Run, Shape
from deck.problems import Problem


@frozen
class Step:
    title: str
    text: m.Rich


@frozen
class Steps:
    steps: tuple[Step, ...]


SPEC = ListOf(
    Record(
        "step",
        {
            "title": Field(plain_text("the step's name", 60), True, "the step's name"),
            "text": Field(inline_text("what the step does", 300), True, "what the step does"),
        },
    ),
    2,
    6,
    doc="a list of steps",
    noun="step",
    few="add another step, or make this a `text` slide",
    many="merge steps, or split the process over two slides",
)


def lay_out(content: Steps, area: Area, fit: Fitter) -> Laid:
    """Return the steps as numbered cards of one size (each card and its text one group),
    joined by arrows; an error when even the minimum sizes do not fit."""
    t, box = fit.theme, area.box
    n = len(content.steps)
    arrow = t.gap * 2
    cw = (box.w - (n - 1) * arrow) // n
    pad = t.gap // 2
    cols = [
        ([Para((Run(f"{i + 1}", color="accent"), Run(f" {s.title}")), "heading")], [Para(runs_of(s.text), "small")])
        for i, s in enumerate(content.steps)
    ]
    problems: list[Problem] = []
    for s in content.steps:
        problems += fit.coverage(s.title, area.where)
        problems += fit.coverage(s.text, s.text.where)
    inner_w = cw - 2 * pad
    roles = ["heading", "small"]

    def fits(s, whole, phrased=False):  # with `phrased`, display text takes the lines it needs at phrases
        head_h = max(fit.height(a, s, inner_w, fit.inset("heading"), whole, phrased=phrased) for a, _ in cols)
        text_h = (fit.height(b, s, inner_w, fit.inset("small"), whole, phrased=phrased) for _, b in cols)
        return all(head_h + h <= box.h - 2 * pad for h in text_h)

    least = {r: fit.size(r, 99) for r in roles}
    widths = {r: inner_w - 2 * fit.inset(r) for r in roles}
    # what breaks between phrases at no size: the headings and texts left to break where they must
    never = [p for a, b in cols for p in (a[0], b[0]) if not fit.phrased(p, least[p.role], widths[p.role])]

    def phrased(s, whole):  # every heading and text breaks between phrases, or cannot at any size
        paras = [p for a, b in cols for p in (a[0], b[0]) if p not in never]
        return all(fit.phrased(p, s[p.role], widths[p.role]) for p in paras) and fits(s, whole, True)

    plain = uniform_sizes(fit, roles, fits)
    if plain is None:
        error = area.where.error("L106", "the steps do not fit even at the smallest size; shorten their text")
        return [Body(())], [*problems, error]
    # set smaller where that breaks every card's text between phrases, the headings alone if
    # that is enough (a typesetting choice: only shrinking the text needs to fit is warned about)
    sizes = _headings_smaller(fit, plain, phrased) or uniform_sizes(fit, roles, phrased) or plain
    problems += sizes_shrunk(plain, area.where, fit, "the steps")
    # display text breaks between phrases (deck.layout.phrases): the cards take the lines it needs
    room = fits(sizes, False, True)
    head_h = max(fit.height(a, sizes, inner_w, fit.inset("heading"), phrased=room) for a, _ in cols)
    text_h = max(fit.height(b, sizes, inner_w, fit.inset("small"), phrased=room) for _, b in cols)
    card_h = max(head_h + text_h + 2 * pad, box.h // 2)
    top = box.y + (box.h - card_h) // 2
    elements: list = []
    for i, (head, text) in enumerate(cols):
        x = box.x + i * (cw + arrow)
        group = f"Step {i + 1} Group"
        elements.append(
            Shape(Box(x, top, cw, card_h), "round_rect", fill="surface", name=f"Step {i + 1} Card", group=group)
        )
        head_box = Box(x + pad, top + pad, inner_w, head_h)
        elements.append(fit.frame(head, head_box, sizes, name=f"Step {i + 1} Title", group=group))
        text_box = Box(x + pad, top + pad + head_h, inner_w, card_h - 2 * pad - head_h)
        elements.append(fit.frame(text, text_box, sizes, name=f"Step {i + 1}", group=group))
        if i < n - 1:
            elements.append(
                Shape(
                    Box(x + cw + arrow // 4, top + card_h // 2 - arrow // 2, arrow // 2, arrow),
                    "chevron",
                    fill="primary",
                    name=f"Step {i + 1} Arrow",
                )
            )
    return [Body(tuple(elements))], problems


def _headings_smaller(fit: Fitter, sizes: dict[str, int], phrased) -> dict[str, int] | None:
    """Return `sizes` with the heading size stepped down (never below its minimum) to the first
    at which `phrased(sizes, True)` holds, or None."""
    for k in range(fit.max_steps(["heading"]) + 1):
        trial = {**sizes, "heading": min(sizes["heading"], fit.size("heading", k))}
        if phrased(trial, True):
            return trial
    return None


KIND = Kind(
    SPEC,
    lambda value, node, ctx, folder: Steps(tuple(Step(s["title"], s["text"]) for s in value)),
    lay_out,
    "a process, left to right",
    "the steps below it, each `- {title: …, text: …}`",
)

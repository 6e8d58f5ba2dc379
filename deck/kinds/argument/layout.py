"""An argument map laid out: the claim boxed on top, linked to its reasons' cards side by side,
the conclusion under them; its text roles with their defaults."""

from __future__ import annotations

from deck.frozen import replace
from deck.kinds.argument.spec import Argument
from deck.layout.blocks import Area, Body, Laid, sizes_shrunk, uniform_sizes
from deck.layout.fit import Fitter, Para, plain, runs_of
from deck.layout.page import Box, Run, Shape
from deck.problems import Problem
from deck.theme import Role

ROLES = {
    "argument_claim": Role("an argument map's claim", 26, 18, font="heading", color="primary", bold=True),
    "argument_reason": Role("a reason on an argument map", 22, 16, font="heading", color="text", bold=True),
    "argument_evidence": Role("evidence under a reason on an argument map", 18, 14, color="text"),
    "argument_conclusion": Role("an argument map's conclusion", 20, 16, color="text"),
    "argument_mark": Role("a revisited map's mark on a reason (covered, still to come)", 16, 12, color="accent"),
}


def lay_out(content: Argument, area: Area, fit: Fitter) -> Laid:
    """Return the map: the claim in a box on top, linked to the reasons' cards side by side
    below it (label, reason, then the evidence as bullets; on a revisit each card starts with
    its mark, covered cards filled and outlined in the accent, the others outlined only), and
    the conclusion boxed under them; all text at one size per role, no box over another; an
    error when even the minimum sizes do not fit."""
    t, box = fit.theme, area.box
    n = len(content.reasons)
    pad, link_h = t.gap // 2, t.gap * 2
    cw = (box.w - (n - 1) * t.gap) // n
    problems: list[Problem] = []
    for rich in (content.claim, content.conclusion, *(x for r in content.reasons for x in (r.text, *r.evidence))):
        if rich is not None:
            problems += fit.coverage(rich, rich.where)
    claim = [Para(runs_of(content.claim), "argument_claim", align="center")]
    conclusion = (
        [Para(runs_of(content.conclusion), "argument_conclusion", align="center")] if content.conclusion else []
    )
    status = {label: (done, mark) for label, done, mark in content.status or ()}
    cards = []
    for r in content.reasons:
        head = Para((Run(r.label + " ", color="accent"), *runs_of(r.text)), "argument_reason")
        mark = [Para(plain(status[r.label][1]), "argument_mark")] if r.label in status else []
        cards.append(mark + [head] + [Para(runs_of(e), "argument_evidence", level=1) for e in r.evidence])
    roles = ["argument_claim", "argument_reason", "argument_evidence"] + (["argument_conclusion"] if conclusion else [])
    roles += ["argument_mark"] if status else []

    def heights(s, whole=False):
        claim_h = fit.height(claim, s, box.w, pad, whole)
        card_h = max(fit.height(c, s, cw, pad, whole) for c in cards)
        end_h = fit.height(conclusion, s, box.w, pad, whole) if conclusion else 0
        return claim_h, card_h, end_h

    def fits(s, whole):
        claim_h, card_h, end_h = heights(s, whole)
        return claim_h + link_h + card_h + (t.gap + end_h if end_h else 0) <= box.h

    sizes = uniform_sizes(fit, roles, fits)
    if sizes is None:
        error = area.where.error(
            "L106", "the argument map does not fit even at the smallest size; shorten the claim, reasons or evidence"
        )
        return [Body(())], [*problems, error]
    problems += sizes_shrunk(sizes, area.where, fit, "the argument map")
    claim_h, card_h, end_h = heights(sizes)
    total = claim_h + link_h + card_h + (t.gap + end_h if end_h else 0)
    y = box.y + (box.h - total) // 2
    line = t.rule_width * 2
    elements: list = [
        Shape(
            Box(box.x, y, box.w, claim_h),
            "round_rect",
            line="primary",
            line_width=line,
            name="Claim Box",
            group="Claim",
        ),
        fit.frame(claim, Box(box.x, y, box.w, claim_h), sizes, name="Claim", anchor="middle", inset=pad, group="Claim"),
    ]
    top, mid = y + claim_h, y + claim_h + link_h // 2
    centres = [box.x + i * (cw + t.gap) + cw // 2 for i in range(n)]
    links = [Shape(Box(box.x + box.w // 2, top, 0, link_h // 2), "line", line="muted", line_width=line, name="Link")]
    if n > 1:
        links.append(
            Shape(Box(centres[0], mid, centres[-1] - centres[0], 0), "line", line="muted", line_width=line, name="Link")
        )
    links += [Shape(Box(c, mid, 0, link_h // 2), "line", line="muted", line_width=line, name="Link") for c in centres]
    elements += [replace(s, name=f"Link {i + 1}", group="Links") for i, s in enumerate(links)]
    card_y = top + link_h
    for i, (r, paras) in enumerate(zip(content.reasons, cards)):
        x, group = box.x + i * (cw + t.gap), f"Reason {r.label}"
        done = status.get(r.label, (None,))[0]
        fill = None if done is False else "surface"
        outline = "accent" if done else ("muted" if done is False else None)
        card = Shape(
            Box(x, card_y, cw, card_h), "round_rect", fill=fill, line=outline, line_width=line, name=f"{group} Card"
        )
        elements.append(replace(card, group=group))
        elements.append(fit.frame(paras, Box(x, card_y, cw, card_h), sizes, name=group, inset=pad, group=group))
    if conclusion:
        end = Box(box.x, card_y + card_h + t.gap, box.w, end_h)
        elements.append(Shape(end, "rect", fill="surface", name="Conclusion Box", group="Conclusion"))
        elements.append(
            fit.frame(conclusion, end, sizes, name="Conclusion", anchor="middle", inset=pad, group="Conclusion")
        )
    return [Body(tuple(elements))], problems

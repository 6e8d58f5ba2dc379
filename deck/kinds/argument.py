"""The `argument` kind: a claim, the reasons for it and their evidence, drawn as a map; the
same map revisited later with the reasons already supported marked; and the check of every
slide's `supports:` against the arguments (deck.kinds.parse reads that key)."""

from __future__ import annotations

from dataclasses import replace

from deck import model as m
from deck.fields import Ctx, Either, Field, ListOf, Record, Text, suggest
from deck.frozen import frozen
from deck.kinds.base import Kind, inline_text
from deck.layout.blocks import Area, Body, Laid, sizes_shrunk, uniform_sizes
from deck.layout.fit import Fitter, Para, plain, runs_of
from deck.layout.frame import words
from deck.layout.page import Box, Run, Shape
from deck.problems import Code, Problem, Where, cut
from deck.source.located import Map
from deck.theme import Role


@frozen
class Reason:
    label: str
    text: m.Rich
    evidence: tuple[m.Rich, ...]


@frozen
class Argument:
    """An argument map. `number` is its place among the deck's arguments; `status` is None
    where it is first shown, and on a revisit the mark of each reason by label (the deck's
    words for covered / still to come), set when the deck is linked."""

    claim: m.Rich
    reasons: tuple[Reason, ...]
    conclusion: m.Rich | None
    number: int = 0
    status: tuple[tuple[str, bool, str], ...] | None = None  # (label, covered, mark) on a revisit


@frozen
class Revisit:
    """`argument: {revisit: <id>}` as read, before the deck is linked."""

    target: str
    where: Where
    conclusion: m.Rich | None


_LABEL = Text(doc="a short label without dots or spaces, e.g. `A`", max_chars=8, pattern=r"^[^.\s]+$")

REASON = Record(
    "reason",
    {
        "label": Field(_LABEL, True, "a short label naming the reason, e.g. `A`; `supports: <id>.A` refers to it"),
        "text": Field(inline_text("the reason, in one line", 160), True, "the reason, in one line"),
        "evidence": Field(
            ListOf(
                inline_text("a piece of evidence", 160),
                1,
                5,
                doc="the evidence for the reason",
                noun="piece of evidence",
                many="keep the strongest evidence on the map; show the rest on the slides that support it",
            ),
            False,
            "the evidence for the reason, one short line each",
        ),
    },
)

FULL = Record(
    "argument",
    {
        "claim": Field(inline_text("the claim", 240), True, "the claim the reasons support"),
        "reasons": Field(
            ListOf(
                REASON,
                1,
                4,
                doc="the reasons for the claim",
                noun="reason",
                shape="one `- {label: A, text: …}` line each",
                many="group the reasons under at most four, or split the argument in two",
            ),
            True,
            "the reasons for the claim, each `- {label: A, text: …, evidence: […]}`",
        ),
        "conclusion": Field(inline_text("what follows", 200), False, "what follows, shown under the reasons"),
    },
)

REVISIT = Record(
    "argument revisit",
    {
        "revisit": Field(
            Text(doc="the id of an earlier argument slide", located=True, max_chars=80),
            True,
            "the id of an earlier `argument` slide: its map is shown again, each reason marked "
            "covered when a slide before this one supports it",
        ),
        "conclusion": Field(inline_text("what follows now", 200), False, "a conclusion shown instead of the first one"),
    },
)

SPEC = Either(
    (
        (lambda node: isinstance(node, Map) and node.get("revisit") is not None, REVISIT),
        (lambda node: isinstance(node, Map), FULL),
    ),
    doc="an argument (`claim`, `reasons`, optional `conclusion`) or `{revisit: <argument slide id>}`",
)

ROLES = {
    "argument_claim": Role("an argument map's claim", 26, 18, font="heading", color="primary", bold=True),
    "argument_reason": Role("a reason on an argument map", 22, 16, font="heading", color="text", bold=True),
    "argument_evidence": Role("evidence under a reason on an argument map", 18, 14, color="text"),
    "argument_conclusion": Role("an argument map's conclusion", 20, 16, color="text"),
    "argument_mark": Role("a revisited map's mark on a reason (covered, still to come)", 16, 12, color="accent"),
}

CODES = {
    "K241": Code(
        "duplicate-reason-label",
        "two reasons of one argument have the same label",
        "A reason's `label` names it for `supports: <id>.<label>` and for the progress marker, so "
        "each reason of an argument has its own.",
        "- title: Map\n  argument:\n    claim: C\n    reasons:\n      - {label: A, text: one}\n"
        "      - {label: A, text: two}\n  notes: n",
        "Give each reason its own label: `A`, `B`, `C` ….",
    ),
    "K242": Code(
        "unknown-argument",
        "`supports` or `revisit` names no argument slide",
        "`supports: <id>.<label>` and `argument: {revisit: <id>}` name an argument by the `id` of the "
        "slide that shows it (an `argument` slide with a `claim`). The message suggests the nearest id.",
        "slides:\n  - title: Map\n    id: thesis-1\n    argument: {claim: C, reasons: [{label: A, text: r}]}\n"
        "    notes: n\n  - title: Scale\n    text: 175B\n    supports: thesis1.A\n    notes: n",
        "Write the id of the argument slide (add `id:` to it if it has none).",
    ),
    "K243": Code(
        "unknown-reason",
        "`supports` names a reason the argument does not have",
        "After the argument's id, `supports` names one of its reasons by its `label`.",
        "slides:\n  - title: Map\n    id: thesis-1\n    argument: {claim: C, reasons: [{label: A, text: r}]}\n"
        "    notes: n\n  - title: Scale\n    text: 175B\n    supports: thesis-1.B\n    notes: n",
        "Write one of the labels the message lists, or add the reason to the argument.",
    ),
    "K244": Code(
        "revisit-before-argument",
        "a map is revisited before the argument is shown",
        "A revisit shows an argument's map again with the reasons supported so far marked; it comes "
        "after the argument slide it names, and names a first showing, not another revisit.",
        "slides:\n  - title: Again\n    argument: {revisit: thesis-1}\n    notes: n\n"
        "  - title: Map\n    id: thesis-1\n    argument: {claim: C, reasons: [{label: A, text: r}]}\n    notes: n",
        "Move the revisit after the argument slide, or name the argument slide itself.",
    ),
}


def build(value, node, ctx: Ctx, folder) -> Argument | Revisit:
    if "revisit" in value:
        target, where = value["revisit"]
        return Revisit(target.strip(), where, value.get("conclusion"))
    reasons = []
    seen: set[str] = set()
    for item, item_node in zip(value["reasons"], node.get("reasons").items):
        if item["label"] in seen:
            ctx.error(
                item_node.get("label").where,
                "K241",
                f"reason label `{cut(item['label'])}` is already used in this argument; give each reason its own label",
            )
        seen.add(item["label"])
        reasons.append(Reason(item["label"], item["text"], tuple(item.get("evidence") or ())))
    return Argument(value["claim"], tuple(reasons), value.get("conclusion"))


def link(entries: list, ctx: Ctx, language: str) -> list:
    """Return the entries with each argument numbered (visible ones, in order), each `supports`
    checked and given its argument's number, and each revisit replaced by its argument with
    the reasons supported before it marked; an argument slide supports its own claim (so its
    footer names the argument too)."""
    arguments: dict[str, m.Slide] = {}
    numbers: dict[str, int] = {}  # by slide key: arguments without an id are numbered too
    for entry in entries:
        if isinstance(entry, m.Slide) and isinstance(entry.content, Argument):
            if entry.id:
                arguments[entry.id] = entry
            if not entry.hidden:
                numbers[entry.key] = len(numbers) + 1
    said = words(language)
    covered: dict[str, set[str]] = {}
    shown: set[str] = set()
    out = []
    for entry in entries:
        if not isinstance(entry, m.Slide):
            out.append(entry)
            continue
        owner = entry.key  # the argument a map shows: its own, or the one it revisits
        if isinstance(entry.content, Argument):
            shown.add(entry.key)
            entry = replace(entry, content=replace(entry.content, number=numbers.get(entry.key, 0)))
        elif isinstance(entry.content, Revisit):
            owner = entry.content.target
            entry = _revisit(entry, arguments, shown, covered, said, numbers, ctx)
        if isinstance(entry.content, Argument) and entry.supports is None:  # a map marks its own claim
            entry = replace(entry, supports=m.Support(owner, None, entry.where, entry.content.number))
        elif entry.supports is not None:
            entry = _support(entry, arguments, numbers, covered, ctx)
        out.append(entry)
    return out


def _revisit(slide: m.Slide, arguments, shown, covered, said, numbers, ctx: Ctx) -> m.Slide:
    visit = slide.content
    first = arguments.get(visit.target)
    if first is None:
        hint = suggest(visit.target, arguments) if arguments else "; no slide with an `id` shows an argument"
        ctx.error(visit.where, "K242", f"no argument slide has the id `{cut(visit.target)}`{hint}")
        return slide
    if visit.target not in shown:
        ctx.error(
            visit.where,
            "K244",
            f"argument slide `{cut(visit.target)}` comes after this revisit (line {first.where.line}); "
            "a revisit shows the map again, so move it after the argument slide",
        )
        return slide
    argument = first.content
    done = covered.get(visit.target, set())
    status = tuple(
        (r.label, r.label in done, said["covered"] if r.label in done else said["to_come"]) for r in argument.reasons
    )
    content = replace(
        argument, number=numbers.get(visit.target, 0), status=status, conclusion=visit.conclusion or argument.conclusion
    )
    return replace(slide, content=content)


def _support(slide: m.Slide, arguments, numbers, covered, ctx: Ctx) -> m.Slide:
    sup = slide.supports
    whole = f"{sup.argument}.{sup.reason}"
    if sup.reason is not None and whole in arguments:  # an id with a dot in it: the claim
        sup = replace(sup, argument=whole, reason=None)
    first = arguments.get(sup.argument)
    if first is None:
        hint = suggest(sup.argument, arguments) if arguments else "; give the argument slide an `id`"
        ctx.error(sup.where, "K242", f"`supports` names no argument slide `{cut(sup.argument)}`{hint}")
        return slide
    labels = [r.label for r in first.content.reasons]
    if sup.reason is not None and sup.reason not in labels:
        ctx.error(
            sup.where,
            "K243",
            f"argument `{sup.argument}` has no reason `{cut(sup.reason)}`{suggest(sup.reason, labels)}",
        )
        return slide
    if not slide.hidden and sup.reason is not None:
        covered.setdefault(sup.argument, set()).add(sup.reason)
    return replace(slide, supports=replace(sup, number=numbers.get(first.key, 0)))


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


KIND = Kind(
    SPEC,
    build,
    lay_out,
    "an argument map: a claim, its reasons and their evidence",
    "the argument below it: `claim: …` and `reasons:`, or `revisit: <argument slide id>`",
    roles=ROLES,
    codes=CODES,
    link=link,
)

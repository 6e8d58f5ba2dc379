"""Arguments linked across the deck once every slide is read: each numbered, each slide's
`supports:` checked against them (deck.kinds.parse reads that key), and each revisit replaced
by its argument's map with the reasons supported so far marked."""

from __future__ import annotations

from deck import model as m
from deck.fields import Ctx, suggest
from deck.frozen import replace
from deck.kinds.argument.spec import Argument, Revisit
from deck.layout.frame import words
from deck.problems import cut


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

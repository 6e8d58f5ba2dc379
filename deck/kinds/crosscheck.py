"""Checks across the slides once all are read: ids well-formed, unique and not an automatic
slide's; every cited key defined; every reference cited on a visible slide."""

from __future__ import annotations

import re

from deck import model as m
from deck.fields import INVALID, Ctx, suggest
from deck.problems import cut
from deck.source.located import Map, Node, Scalar, Seq

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")

RESERVED_IDS = frozenset({"title", "agenda", "references"})  # the automatic slides' keys


def check_ids(slides: list[m.Entry], ctx: Ctx) -> None:
    """Record an error for each slide id that is malformed, an automatic slide's, or used before."""
    seen: dict[str, m.Entry] = {}
    for slide in slides:
        if slide.id is None:
            continue
        if not _ID.match(slide.id):
            ctx.error(
                slide.where,
                "K114",
                f"slide id `{cut(slide.id)}` may hold only letters, digits, `-`, `_` "
                "and `.`, starting with a letter or digit",
            )
        elif slide.id in RESERVED_IDS:
            ctx.error(
                slide.where,
                "K115",
                f"slide id `{slide.id}` is the name of the automatic {slide.id} slide; choose another id",
            )
        elif slide.id in seen:
            ctx.error(
                slide.where,
                "K116",
                f"slide id `{cut(slide.id)}` is already used by the slide at line "
                f"{seen[slide.id].where.line}; ids must be unique",
            )
        else:
            seen[slide.id] = slide


def cited_keys(node: Node) -> set[str]:
    """Return the keys under `cite:` of a slide that could not be read, as far as they can be read."""
    cite = node.get("cite") if isinstance(node, Map) else None
    return {item.text for item in cite.items if isinstance(item, Scalar)} if isinstance(cite, Seq) else set()


def check_references(slides, visible, refs: dict, unread: set[str], ctx: Ctx) -> tuple[m.Reference, ...]:
    """Check every cite key; return the cited references in order of first citation. A reference
    that only a slide with errors cites is not said to be never cited: that slide may be visible
    once it is fixed."""
    order: list[str] = []
    for slide in slides:
        for cite in slide.cite if isinstance(slide, m.Slide) else ():
            key, where = cite.key, cite.where
            if key not in refs:
                hint = suggest(key, refs) if refs else "; define it under top-level `references:`"
                ctx.error(where, "K117", f"unknown reference `{cut(key, 40)}`{hint}")
            elif slide in visible and key not in order:
                order.append(key)
    for key, (where, _) in refs.items():
        if key not in order and key not in unread:
            ctx.warn(
                where,
                "K118",
                f"reference `{cut(key, 40)}` is never cited on a visible slide, so it is left "
                "out; cite it with `cite: [" + cut(key, 40) + "]` or remove it",
            )
    return tuple(m.Reference(k, refs[k][1]) for k in order if refs[k][1] is not INVALID)

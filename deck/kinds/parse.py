"""Check a located outline against the format and build the frozen Deck, collecting every problem.

The slide frame is read here: the top-level keys, each entry of `slides` (a section divider,
or a slide of one kind with its title, notes, takeaway, citations and source), then the checks
across slides (deck.kinds.crosscheck). The keys are the fields of deck.kinds.frame; each
kind's content is read by its module, found in the registry passed in."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from deck import model as m
from deck.fields import INVALID, Ctx, read_field, suggest
from deck.kinds.base import Kind
from deck.kinds.crosscheck import check_ids, check_references, cited_keys
from deck.kinds.frame import (
    COMMON,
    MAX_SLIDES,
    SECTION,
    SECTION_FIELD,
    SECTION_KEYS,
    TITLE,
    TOP,
    kind_field,
    read_language,
)
from deck.kinds.notes import split_notes
from deck.kinds.wayfinding import read_supports
from deck.problems import Problem, cut
from deck.source.located import Map, Node, Scalar, Seq, kind_name

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any


def read_deck(root: Node, path: Path, shown: str, kinds: Mapping[str, Kind]) -> tuple[m.Deck | None, list[Problem]]:
    """Return the Deck of outline `root` (None if it has errors) and every problem found;
    `kinds` is the registry of slide kinds (content key → Kind)."""
    ctx = Ctx(folder=path.parent)
    if not isinstance(root, Map):
        ctx.error(root.where, "F101", f"an outline is a mapping with `title` and `slides`, got {kind_name(root)}")
        return None, ctx.problems
    top: dict[str, Any] = {}
    for key, value in root.entries:
        if key.text not in TOP:
            ctx.error(key.where, "F104", f"unknown top-level key `{cut(key.text, 40)}`{suggest(key.text, TOP)}")
        elif key.text != "slides":
            top[key.text] = read_field(key.text, TOP[key.text], value, ctx)
    for name in ("title", "slides"):
        if root.get(name) is None:
            ctx.error(root.where, "F105", f"the outline is missing `{name}` ({TOP[name].doc})")
    language = read_language(top.get("language"), ctx)
    refs = top.get("references") if top.get("references") not in (None, INVALID) else {}
    slides_node = root.get("slides")
    slides: list[m.Slide] = []
    unread: set[str] = set()  # keys cited by slides that could not be read
    if slides_node is not None:
        if not isinstance(slides_node, Seq) or not slides_node.items:
            got = "an empty list" if isinstance(slides_node, Seq) else kind_name(slides_node)
            ctx.error(
                slides_node.where,
                "K104",
                f"`slides` is a list of slides, each item starting with `- ` (e.g. `- title: Intro`), got {got}",
            )
        elif len(slides_node.items) > MAX_SLIDES:
            ctx.error(
                slides_node.where,
                "K105",
                f"expected at most {MAX_SLIDES:,} slides, got "
                f"{len(slides_node.items):,}; split the talk into several outlines",
            )
        else:
            for node in slides_node.items:
                entry = parse_entry(node, ctx, path.parent, kinds)
                if entry is not None:
                    slides.append(entry)
                else:
                    unread |= cited_keys(node)
    check_ids(slides, ctx)
    for kind in kinds.values():
        if kind.link is not None:
            slides = kind.link(slides, ctx, language)
    visible = tuple(s for s in slides if not s.hidden)
    references = check_references(slides, visible, refs, unread, ctx)
    if any(p.is_error for p in ctx.problems) or INVALID in top.values():
        return None, ctx.problems
    deck = m.Deck(
        top["title"],
        top.get("subtitle"),
        top.get("author"),
        top.get("date"),
        language,
        top.get("theme") or "default",
        references,
        visible,
        path,
        root.where,
        top.get("agenda") or "true",
    )
    return deck, ctx.problems


def parse_entry(node: Node, ctx: Ctx, folder: Path, kinds: Mapping[str, Kind]) -> m.Entry | None:
    """Return one entry of `slides` (a slide, or a section divider), or None after recording
    why it is wrong."""
    keys = (SECTION, *kinds)  # the content keys: exactly one says what the entry is
    if not isinstance(node, Map):
        hint = " (YAML read `…: …` as one)" if isinstance(node, Scalar) else ""
        ctx.error(
            node.where,
            "F101",
            f"expected a slide: a mapping with `title` and one content key "
            f"({', '.join(keys)}), got {kind_name(node)}{hint}",
        )
        return None
    content_keys = [k for k in node.keys() if k in keys]
    if not content_keys:
        unknown = [k for k in node.entries if k[0].text not in keys and k[0].text not in COMMON]
        if not unknown:
            ctx.error(
                node.where,
                "K107",
                "this slide has no content; add one content key: " + ", ".join(f"`{k}`" for k in keys),
            )
    for extra in content_keys[1:]:
        ctx.error(
            node.key_node(extra).where,
            "K108",
            f"a slide has exactly one content key, and this one already "
            f"has `{content_keys[0]}`; move `{extra}` to a slide of its own",
        )
    key = content_keys[0] if content_keys else None
    values = _frame_fields(node, ctx, keys, SECTION_KEYS if key == SECTION else tuple(COMMON))
    if key is None:
        return None
    if key == SECTION:
        return _section(node, values, ctx)
    return _slide(node, key, kinds[key], values, ctx, folder)


def _frame_fields(node: Map, ctx: Ctx, keys: tuple[str, ...], allowed: tuple[str, ...]) -> dict[str, Any]:
    """Read the frame's keys of an entry (all but its content key); `allowed` are those this
    entry takes (a section divider takes fewer)."""
    values: dict[str, Any] = {}
    for key, value in node.entries:
        name = key.text
        if name in keys:
            continue
        if name not in COMMON:
            ctx.error(key.where, "F104", f"unknown key `{cut(name, 40)}` in a slide{suggest(name, [*COMMON, *keys])}")
            continue
        if name not in allowed:
            ctx.error(
                key.where,
                "K110",
                f"a `{SECTION}` slide takes only "
                f"{', '.join(f'`{k}`' for k in sorted(allowed))}; "
                f"remove `{name}` (the section's name is its title)",
            )
            continue
        values[name] = read_field(name, TITLE if name == "title" else COMMON[name], value, ctx)
    return values


def _section(node: Map, values: dict[str, Any], ctx: Ctx) -> m.Section | None:
    name = read_field(SECTION, SECTION_FIELD, node.get(SECTION), ctx)
    if name is INVALID or INVALID in values.values():
        return None
    notes = values.get("notes")
    return m.Section(
        name,
        split_notes(notes) if notes else (),
        values["id"][0] if values.get("id") else None,
        values.get("hidden", False),
        node.where,
        values["background"]["image"][0] if values.get("background") else None,
    )


def _slide(node: Map, key: str, kind: Kind, values: dict[str, Any], ctx: Ctx, folder: Path) -> m.Slide | None:
    if "title" not in values:
        ctx.error(node.where, "F105", f"this `{key}` slide has no `title`; add `title: …`")
    content = read_field(key, kind_field(kind), node.get(key), ctx)
    if content is not INVALID:
        content = kind.build(content, node.get(key), ctx, folder)
    hidden = values.get("hidden", False)
    if content is INVALID or INVALID in values.values():
        return None
    if "notes" not in values and not hidden:
        ctx.warn(node.where, "K112", f"this `{key}` slide has no speaker notes; add `notes:` with what you will say")
    notes = values.get("notes")
    return m.Slide(
        key,
        content,
        values.get("title"),
        split_notes(notes) if notes else (),
        values.get("takeaway"),
        tuple(m.Cite(k, w) for k, w in values.get("cite") or ()),
        values.get("source"),
        values["id"][0] if values.get("id") else None,
        hidden,
        node.where,
        read_supports(values.get("supports"), ctx),
        values.get("subsection"),
        values["background"]["image"][0] if values.get("background") else None,
    )

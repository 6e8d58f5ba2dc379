"""Check a located outline against the format and build the frozen Deck, collecting every problem."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from deck import model as m
from deck.fields import INVALID, Bool, Ctx, Field, ListOf, MapOf, Record, Text, read_field, suggest
from deck.kinds.registry import KINDS
from deck.problems import Problem, cut
from deck.source.located import Map, Node, Scalar, Seq, kind_name

_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")

COMMON: dict[str, Field] = {
    "title": Field(
        Text(doc="the slide's title", max_chars=200),
        False,
        "the slide's title (plain text); required except on `section`",
    ),
    "notes": Field(
        Text(doc="speaker notes", inline=True, max_chars=20000),
        False,
        "speaker notes: what you will say (inline marks allowed)",
    ),
    "takeaway": Field(
        Text(doc="one line stating what the slide shows", inline=True, max_chars=200),
        False,
        "one line stating what the slide shows, set apart under the body",
    ),
    "cite": Field(
        ListOf(
            Text(doc="a reference key", located=True, max_chars=100),
            1,
            30,
            doc="the reference keys this slide cites",
            noun="reference key",
            shape="e.g. `cite: [nrm]`",
            few="write the keys this slide cites, e.g. `cite: [nrm]`, or remove the line",
            many="cite fewer references on one slide",
        ),
        False,
        "reference keys (from top-level `references`) this slide cites",
        "the reference keys, e.g. `[nrm]`",
    ),
    "source": Field(
        Text(doc="where in the source, e.g. `§1.2`", max_chars=120),
        False,
        "where in the source this comes from, e.g. `§1.2`; shown small",
    ),
    "id": Field(
        Text(doc="a stable name for the slide", located=True, max_chars=80),
        False,
        "a stable name for the slide (letters, digits, `-`, `_`, `.`)",
    ),
    "hidden": Field(Bool(doc="`true` or `false`"), False, "true: validate the slide, then leave it out"),
}
SECTION_KEYS = {"section", "notes", "id", "hidden"}
TITLE = Field(COMMON["title"].spec, True, COMMON["title"].doc)  # on every slide but a section
MAX_SLIDES = 1000

TOP: dict[str, Field] = {
    "title": Field(Text(doc="the talk's title", max_chars=200), True, "the talk's title"),
    "subtitle": Field(Text(doc="a subtitle", max_chars=300), False, "a subtitle"),
    "author": Field(Text(doc="the author", max_chars=200), False, "who gives the talk"),
    "date": Field(Text(doc="the date, as text", max_chars=60), False, "the date, as text as typed"),
    "language": Field(
        Text(doc="a BCP 47 language tag", located=True, max_chars=35, pattern=_LANG.pattern),
        False,
        "a BCP 47 tag such as `en`, `zh-CN`; default `en`",
    ),
    "theme": Field(
        Text(doc="a built-in theme name or a theme file path", max_chars=300),
        False,
        "a built-in theme name (`default`, `dark`) or a path to a theme file",
    ),
    "references": Field(
        MapOf(
            Text(doc="the citation", inline=True, max_chars=600),
            "the references as a mapping of key to citation",
            "reference",
            1,
            500,
            "`nrm: Shang et al. 2015`",
        ),
        False,
        "reference key → citation text; cited ones are listed at the end",
    ),
    "slides": Field(ListOf(Record("slide"), 1, MAX_SLIDES), True, "the slides, in order"),
}


def parse_deck(root: Node, path: Path, shown: str) -> tuple[m.Deck | None, list[Problem]]:
    """Return the Deck of outline `root` (None if it has errors) and every problem found."""
    ctx = Ctx(folder=path.parent)
    if not isinstance(root, Map):
        ctx.error(root.where, f"an outline is a mapping with `title` and `slides`, got {kind_name(root)}")
        return None, ctx.problems
    top: dict[str, Any] = {}
    for key, value in root.entries:
        if key.text not in TOP:
            ctx.error(key.where, f"unknown top-level key `{cut(key.text, 40)}`{suggest(key.text, TOP)}")
        elif key.text != "slides":
            top[key.text] = read_field(key.text, TOP[key.text], value, ctx)
    for name in ("title", "slides"):
        if root.get(name) is None:
            ctx.error(root.where, f"the outline is missing `{name}` ({TOP[name].doc})")
    language = _language(top.get("language"), ctx)
    refs = top.get("references") if top.get("references") not in (None, INVALID) else {}
    slides_node = root.get("slides")
    slides: list[m.Slide] = []
    if slides_node is not None:
        if not isinstance(slides_node, Seq) or not slides_node.items:
            got = "an empty list" if isinstance(slides_node, Seq) else kind_name(slides_node)
            ctx.error(
                slides_node.where,
                f"`slides` is a list of slides, each item starting with `- ` (e.g. `- title: Intro`), got {got}",
            )
        elif len(slides_node.items) > MAX_SLIDES:
            ctx.error(
                slides_node.where,
                f"expected at most {MAX_SLIDES:,} slides, got "
                f"{len(slides_node.items):,}; split the talk into several outlines",
            )
        else:
            slides = [s for s in (parse_slide(n, ctx, path.parent) for n in slides_node.items) if s]
    _check_ids(slides, ctx)
    visible = tuple(s for s in slides if not s.hidden)
    references = _references(slides, visible, refs, ctx)
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
    )
    return deck, ctx.problems


def parse_slide(node: Node, ctx: Ctx, folder: Path) -> m.Slide | None:
    """Return one slide, or None after recording why it is wrong."""
    if not isinstance(node, Map):
        hint = " (YAML read `…: …` as one)" if isinstance(node, Scalar) else ""
        ctx.error(
            node.where,
            f"expected a slide: a mapping with `title` and one content key "
            f"({', '.join(KINDS)}), got {kind_name(node)}{hint}",
        )
        return None
    content_keys = [k for k in node.keys() if k in KINDS]
    if not content_keys:
        unknown = [k for k in node.entries if k[0].text not in KINDS and k[0].text not in COMMON]
        if not unknown:
            ctx.error(
                node.where, "this slide has no content; add one content key: " + ", ".join(f"`{k}`" for k in KINDS)
            )
    for extra in content_keys[1:]:
        ctx.error(
            node.key_node(extra).where,
            f"a slide has exactly one content key, and this one already "
            f"has `{content_keys[0]}`; move `{extra}` to a slide of its own",
        )
    kind = content_keys[0] if content_keys else None
    values: dict[str, Any] = {}
    for key, value in node.entries:
        name = key.text
        if name in KINDS:
            continue
        if name not in COMMON:
            ctx.error(key.where, f"unknown key `{cut(name, 40)}` in a slide{suggest(name, [*COMMON, *KINDS])}")
            continue
        if kind == "section" and name not in SECTION_KEYS:
            ctx.error(
                key.where,
                "a `section` slide takes only "
                f"{', '.join(f'`{k}`' for k in sorted(SECTION_KEYS - {'section'}))}; "
                f"remove `{name}` (the section's name is its title)",
            )
            continue
        field = COMMON[name] if name != "title" or kind == "section" else TITLE
        values[name] = read_field(name, field, value, ctx)
    if kind is None:
        return None
    if kind != "section" and "title" not in values:
        ctx.error(node.where, f"this `{kind}` slide has no `title`; add `title: …`")
    content = read_field(kind, Field(KINDS[kind].spec, True, KINDS[kind].doc, KINDS[kind].write), node.get(kind), ctx)
    if content is not INVALID:
        content = KINDS[kind].build(content, node.get(kind), ctx, folder)
    hidden = values.get("hidden", False)
    if content is INVALID or INVALID in values.values():
        return None
    if kind != "section" and "notes" not in values and not hidden:
        ctx.warn(node.where, f"this `{kind}` slide has no speaker notes; add `notes:` with what you will say")
    notes = values.get("notes")
    return m.Slide(
        kind,
        content,
        values.get("title") if kind != "section" else content.name,
        _split_notes(notes) if notes else (),
        values.get("takeaway"),
        tuple(m.Cite(k, w) for k, w in values.get("cite") or ()),
        values.get("source"),
        values["id"][0] if values.get("id") else None,
        hidden,
        node.where,
    )


def _split_notes(rich: m.Rich) -> tuple[m.Rich, ...]:
    from deck.kinds.registry import _paragraphs

    return _paragraphs(rich, Ctx())


def _language(value, ctx: Ctx) -> str:
    if value in (None, INVALID):
        return "en"
    text, where = value
    if not _LANG.match(text):
        ctx.error(where, f"`language` is a BCP 47 tag such as `en`, `zh-CN` or `en-GB`, got `{cut(text)}`")
        return "en"
    return text


RESERVED_IDS = frozenset({"title", "agenda", "references"})  # the automatic slides' keys


def _check_ids(slides: list[m.Slide], ctx: Ctx) -> None:
    seen: dict[str, m.Slide] = {}
    for slide in slides:
        if slide.id is None:
            continue
        if not _ID.match(slide.id):
            ctx.error(
                slide.where,
                f"slide id `{cut(slide.id)}` may hold only letters, digits, `-`, `_` "
                "and `.`, starting with a letter or digit",
            )
        elif slide.id in RESERVED_IDS:
            ctx.error(
                slide.where, f"slide id `{slide.id}` is the name of the automatic {slide.id} slide; choose another id"
            )
        elif slide.id in seen:
            ctx.error(
                slide.where,
                f"slide id `{cut(slide.id)}` is already used by the slide at line "
                f"{seen[slide.id].where.line}; ids must be unique",
            )
        else:
            seen[slide.id] = slide


def _references(slides, visible, refs: dict, ctx: Ctx) -> tuple[m.Reference, ...]:
    """Check every cite key; return the cited references in order of first citation."""
    order: list[str] = []
    for slide in slides:
        for cite in slide.cite:
            key, where = cite.key, cite.where
            if key not in refs:
                hint = suggest(key, refs) if refs else "; define it under top-level `references:`"
                ctx.error(where, f"unknown reference `{cut(key, 40)}`{hint}")
            elif slide in visible and key not in order:
                order.append(key)
    for key, (where, _) in refs.items():
        if key not in order:
            ctx.warn(
                where,
                f"reference `{cut(key, 40)}` is never cited on a visible slide, so it is left "
                "out; cite it with `cite: [" + cut(key, 40) + "]` or remove it",
            )
    return tuple(m.Reference(k, refs[k][1]) for k in order if refs[k][1] is not INVALID)

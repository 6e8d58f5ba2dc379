"""Check a located outline against the format and build the frozen Deck, collecting every problem.

The slide frame is read here: the top-level keys, each entry of `slides` (a section divider,
or a slide of one kind with its title, notes, takeaway, citations and source), ids and
references. Each kind's content is read by its module, found in the registry passed in."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from deck import model as m
from deck.fields import INVALID, Bool, Ctx, Field, ListOf, MapOf, Record, Text, read_field, suggest
from deck.fields.pictures import ImagePath
from deck.kinds.base import Kind
from deck.kinds.notes import split_notes
from deck.kinds.wayfinding import AGENDA, WAYFINDING, read_supports
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
        "speaker notes: what you will say; a blank line starts a paragraph, a `- ` line a list "
        "item (inline marks allowed)",
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
    **WAYFINDING,
    "background": Field(
        Record("background", {"image": Field(ImagePath(), True, "the picture, relative to the outline")}),
        False,
        "a picture behind this slide, filling it; veiled in the theme's background colour where text "
        "would fall below WCAG AA",
        "`{image: assets/photo.jpg}`",
    ),
}
TITLE = Field(COMMON["title"].spec, True, COMMON["title"].doc)  # on every slide but a section

# A section divider is an entry of `slides` beside the slides of each kind: its key holds the
# section's name, and it takes only these keys of the frame.
SECTION = "section"
SECTION_FIELD = Field(
    Text(doc="the section's name", max_chars=120),
    True,
    "a section divider; also feeds the agenda and the footer",
    "the section's name",
)
SECTION_KEYS = ("notes", "id", "hidden", "background")
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
        Text(doc="a built-in theme name, a theme file path, or a company template (.pptx, .potx)", max_chars=300),
        False,
        "a built-in theme name (`default`, `dark`), a path to a theme file, or a company template (.pptx, .potx)",
    ),
    "agenda": AGENDA,
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
    language = _language(top.get("language"), ctx)
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
                    unread |= _cited_keys(node)
    _check_ids(slides, ctx)
    for kind in kinds.values():
        if kind.link is not None:
            slides = kind.link(slides, ctx, language)
    visible = tuple(s for s in slides if not s.hidden)
    references = _references(slides, visible, refs, unread, ctx)
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


def kind_field(kind: Kind) -> Field:
    """Return the field of a kind's content key: required, read by the kind's spec."""
    return Field(kind.spec, True, kind.doc, kind.write)


def _language(value, ctx: Ctx) -> str:
    if value in (None, INVALID):
        return "en"
    text, where = value
    if not _LANG.match(text):
        ctx.error(where, "K113", f"`language` is a BCP 47 tag such as `en`, `zh-CN` or `en-GB`, got `{cut(text)}`")
        return "en"
    primary, _, rest = text.partition("-")
    if primary.lower() in _COUNTRY_NOT_LANGUAGE:
        better = _COUNTRY_NOT_LANGUAGE[primary.lower()] + ("-" + rest if rest else "")
        ctx.error(
            where,
            "K113",
            f"`{cut(text)}` starts with a country code, not a language; did you mean `{better}`? "
            "(BCP 47 tags start with the language: `ja`, `ko`, `zh-CN`, `zh-TW`)",
        )
        return "en"
    return text


# Country codes often typed where a language code belongs, and the language meant.
_COUNTRY_NOT_LANGUAGE = {"jp": "ja", "kr": "ko", "cn": "zh-CN", "tw": "zh-TW", "hk": "zh-HK", "gr": "el", "dk": "da"}


RESERVED_IDS = frozenset({"title", "agenda", "references"})  # the automatic slides' keys


def _check_ids(slides: list[m.Entry], ctx: Ctx) -> None:
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


def _cited_keys(node: Node) -> set[str]:
    """Return the keys under `cite:` of a slide that could not be read, as far as they can be read."""
    cite = node.get("cite") if isinstance(node, Map) else None
    return {item.text for item in cite.items if isinstance(item, Scalar)} if isinstance(cite, Seq) else set()


def _references(slides, visible, refs: dict, unread: set[str], ctx: Ctx) -> tuple[m.Reference, ...]:
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

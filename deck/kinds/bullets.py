"""The `bullets` kind: a title and a two-level bullet list that continues over slides when long."""

from __future__ import annotations

import re

from deck import model as m
from deck.fields import INVALID, Ctx, Either, Field, ListOf, Record, Spec, is_map, is_scalar
from deck.fields.base import is_blank
from deck.fields.inline import parse_inline
from deck.frozen import frozen
from deck.kinds.base import Kind, inline_text
from deck.layout.blocks import Area, Body, Laid, TooBig, continue_paragraphs, frames_shrunk
from deck.layout.fit import Fitter, Para, runs_of
from deck.problems import Code, Problem, Where, cut
from deck.source.located import Node, Scalar

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any


@frozen
class Item:
    text: m.Rich
    children: tuple[m.Rich, ...] = ()


@frozen
class Bullets:
    items: tuple[Item, ...]


class BulletsSpec(Spec):
    """A list of items (text, or {text, bullets}) or one Markdown-list block string."""

    doc = "a list of bullets, or a Markdown list block (`- item`, sub-items indented by two spaces)"
    empty_is_missing = True
    item = Record(
        "bullet with sub-bullets",
        {
            "text": Field(inline_text("the bullet's text"), True, "the bullet's text"),
            "bullets": Field(
                ListOf(
                    inline_text("a sub-bullet"), 1, 12, noun="sub-bullet", many="split them over more bullets or slides"
                ),
                True,
                "its sub-bullets (text)",
            ),
        },
    )
    items = ListOf(
        Either(
            (
                (lambda n: is_map(n) and bool({"text", "bullets"} & set(n.keys())), item),
                (lambda n: is_scalar(n) or is_map(n), inline_text("a bullet")),
            ),
            "a bullet: text, or `{text, bullets}`",
        ),
        1,
        60,
        noun="bullet",
        few="write the bullets below `bullets:`, one per line starting with `- `",
    )

    def expected(self) -> str:
        return self.doc

    def read(self, node: Node, ctx: Ctx) -> Any:
        if isinstance(node, Scalar) and not is_blank(node):
            if node.style not in ("|", ">") and "\n" not in node.text.strip() and not _MD_ITEM.match(node.text):
                return ctx.error(
                    node.where,
                    "K201",
                    f"expected the bullets as a list, got `{cut(node.text, 40)}`; write "
                    "each bullet on its own line below `bullets:`, starting with `- `",
                )
            return _markdown_list(node, ctx)
        value = self.items.read(node, ctx)
        if value is INVALID:
            return INVALID
        return tuple(Item(v["text"], v["bullets"]) if isinstance(v, dict) else Item(v) for v in value)

    def schema(self) -> dict:
        return {"anyOf": [self.items.schema(), {"type": "string", "pattern": r"^\s*[-*] "}], "description": self.doc}


_MD_ITEM = re.compile(r"^( *)[-*] (.*)$")


def _markdown_list(node: Scalar, ctx: Ctx) -> Any:
    """Read a block string of `- item` lines (sub-items indented) into items.

    A line that does not start with `- ` continues the item above it (joined with a space
    between Latin words, with nothing between CJK characters).
    """
    first = node.where.line + (1 if node.style in ("|", ">") else 0)
    raw: list[tuple[Where, list[str], list[tuple[Where, list[str]]]]] = []
    ok = True
    for index, line in enumerate(node.text.split("\n")):
        if not line.strip():
            continue
        where = Where(node.where.path, first + index, node.where.column)
        match = _MD_ITEM.match(line)
        if not match:
            if raw:
                target = raw[-1][2][-1][1] if raw[-1][2] else raw[-1][1]
                target.append(line.strip())
                continue
            ctx.error(
                where,
                "K202",
                f"expected a Markdown list item `- text`, got `{cut(line.strip(), 40)}`; "
                "start every bullet with `- ` (sub-bullets indented by two spaces)",
            )
            ok = False
            continue
        indent, body = len(match.group(1)), match.group(2).strip()
        if indent == 0:
            raw.append((where, [body], []))
        elif raw:
            raw[-1][2].append((where, [body]))
        else:
            ctx.error(where, "K203", "a sub-bullet comes before any bullet; remove its indentation")
            ok = False
    if not ok:
        return INVALID

    def rich(where: Where, parts: list[str]) -> m.Rich:
        value, problems = parse_inline(_join_lines(parts), where)
        ctx.problems.extend(problems)
        return value

    return tuple(Item(rich(w, t), tuple(rich(cw, ct) for cw, ct in subs)) for w, t, subs in raw)


def _join_lines(parts: list[str]) -> str:
    out = parts[0]
    for part in parts[1:]:
        out += (" " if out[-1:].isascii() and part[:1].isascii() else "") + part
    return out


def lay_out(content: Bullets, area: Area, fit: Fitter) -> Laid:
    """Return the bullets as one frame (shrunk if needed), or several when even the minimum
    sizes do not fit; an error when one bullet alone cannot fit."""
    paras: list[Para] = []
    problems: list[Problem] = []
    for item in content.items:
        paras.append(Para(runs_of(item.text), "body", 1))
        problems += fit.coverage(item.text, item.text.where)
        for child in item.children:
            paras.append(Para(runs_of(child), "body2", 2))
            problems += fit.coverage(child, child.where)
    try:
        frames = continue_paragraphs(paras, area.box, fit, "Body", slot="body")
    except TooBig:
        error = area.where.error("L107", "one bullet is too long to fit on a slide even at the smallest size; split it")
        return [Body(())], [*problems, error]
    problems += frames_shrunk(frames, area.where, fit, "the bullets")
    return [Body((f,)) for f in frames], problems


CODES = {
    "K201": Code(
        "bullets-not-a-list",
        "`bullets:` holds one line of text instead of a list",
        "The bullets of a slide are a list: each bullet on its own line below `bullets:`, starting "
        "with `- `. A single line of text after the key is not a list (and a `- ` on the same line as "
        "the key makes YAML read the rest as text).",
        "- title: Results\n  bullets: faster, cheaper\n  notes: n",
        "Write each bullet on its own line below `bullets:`, starting with `- `; or use `text:` for a paragraph.",
    ),
    "K202": Code(
        "markdown-list-item",
        "a line of a Markdown bullet block does not start with `- `",
        "`bullets:` may be a block string of Markdown list items. Its first line must be an item "
        "(`- text`); later lines that are not items continue the item above them.",
        "- title: Results\n  bullets: |\n    faster\n    - cheaper\n  notes: n",
        "Start every bullet with `- `; indent sub-bullets by two spaces.",
    ),
    "K203": Code(
        "sub-bullet-first",
        "a Markdown bullet block starts with an indented (sub-)item",
        "In a Markdown bullet block, an indented item is a sub-bullet of the item above it; the "
        "first item has nothing above it.",
        '- title: Results\n  bullets: "  - cheaper\\n- faster"\n  notes: n',
        "Remove the indentation of the first item.",
    ),
}

KIND = Kind(
    BulletsSpec(),
    lambda value, node, ctx, folder: Bullets(value),
    lay_out,
    "title and a bullet list, two levels",
    "the bullets below it, one per line starting with `- `",
    codes=CODES,
)

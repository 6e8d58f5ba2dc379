"""Validators of single values: text exactly as typed, numbers, booleans and choices."""

from __future__ import annotations

import math
import unicodedata

from deck.fields.base import Ctx, Spec, is_nothing, show, spaces
from deck.frozen import frozen
from deck.problems import cut
from deck.source.located import Map, Node, Scalar, Seq, kind_name

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any


def _mapping_instead_of_text(node: Map, what: str) -> tuple[str, str]:
    """Return the code and message for a mapping where text was expected."""
    if node.flow or not node.entries:
        return "F101", f"expected {what}, got a mapping (`{{…}}`); write it as text, in quotes if it starts with `{{`"
    shown = f"`{cut(node.entries[0][0].text, 30)}: …`"
    return "F102", (
        f"expected text, but YAML read {shown} as a mapping because of the `: `; "
        "put the whole text in quotes, or in Chinese use the full-width `：`"
    )


@frozen
class Text(Spec):
    """Text exactly as typed; `inline` parses marks into a Rich value."""

    doc: str = ""
    inline: bool = False
    max_chars: int = 2000
    example: str | None = None
    located: bool = False  # return (text, where) so later checks can point at it
    pattern: str | None = None  # a regular expression the schema states (the reader checks it itself)
    empty_is_missing = True

    def expected(self) -> str:
        return self.doc or "text"

    def read(self, node: Node, ctx: Ctx) -> Any:
        what = self.doc or "text"
        if isinstance(node, Map):
            return ctx.error(node.where, *_mapping_instead_of_text(node, what))
        if isinstance(node, Seq):
            how = (
                "one line of text"
                if self.max_chars <= 300
                else "one text (for several lines, write `|` after the key and indent the lines below it)"
            )
            return ctx.error(node.where, "F101", f"expected {what}, got a list; write it as {how}")
        if not isinstance(node, Scalar):
            return ctx.error(node.where, "F101", f"expected {what}, got {kind_name(node)}")
        if is_nothing(node):
            return ctx.error(node.where, "F103", f"expected {what}, got nothing; write the text")
        text = node.text.strip() if node.style in ("|", ">") else node.text
        if not text.strip():
            return ctx.error(node.where, "F103", f"expected {what}, got {spaces(text)}; write the text")
        if len(text) > self.max_chars:
            return ctx.error(
                node.where,
                "F108",
                f"this text is {len(text):,} characters long, more than the "
                f"{self.max_chars:,} {what} may have; shorten it or split it",
            )
        if node.comment is not None:
            where, comment = node.comment
            ctx.warn(
                where,
                "F113",
                f"YAML read `{cut(comment, 30)}` as a comment, so this value ends at "
                f"`{cut(text, 30)}`; quote the value to keep the rest (a comment meant as one takes "
                "two spaces before `#`)",
            )
        if not self.inline:
            if invisible(text):
                return ctx.error(node.where, "F120", _invisible_message(what, text))
            return (text, node.where) if self.located else text
        rich, problems = ctx.parse_inline(text, node.where)
        spans = rich.spans
        shown = spans[0].text if len(spans) == 1 else "".join(span.text for span in spans)
        if invisible(shown):
            return ctx.error(node.where, "F120", _invisible_message(what, shown))
        ctx.problems.extend(problems)
        return rich

    def schema(self) -> dict:
        out: dict = {
            "type": ["string", "number", "boolean"],
            "maxLength": self.max_chars,
            "pattern": self.pattern or _VISIBLE,
            "description": self.doc,
        }
        if self.pattern:
            out["type"] = "string"
        if self.example:
            out["examples"] = [self.example]
        return out


# Characters that show nothing on their own, beyond white space and format characters (Cf:
# zero-width spaces and joiners, the byte order mark, direction marks, the soft hyphen): the
# Hangul fillers, variation selectors, the combining grapheme joiner and the blank braille cell.
_INVISIBLE = frozenset("\u115f\u1160\u3164\uffa0\u034f\u2800" + "".join(map(chr, range(0xFE00, 0xFE10))))


# The schema's version (for editors): at least one character that is neither white space nor
# one of the usual invisible ones (a JSON Schema pattern cannot name a Unicode category).
_VISIBLE = (
    r"[^\s\u00ad\u034f\u061c\u115f\u1160\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    r"\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0]"
)


def invisible(text: str) -> bool:
    """True when no character of `text` would show on a slide (nothing, white space, zero-width
    and format characters, Hangul fillers…): a title of them looks blank."""
    for c in text:  # a loop, not all(…): most text shows its first character
        if not (c.isspace() or c in _INVISIBLE or unicodedata.category(c) == "Cf"):
            return False
    return True


def _invisible_message(what: str, text: str) -> str:
    chars = [c for c in dict.fromkeys(text) if c != " "]
    if not chars:
        return f"expected {what}, got only inline marks and no text; write the text"
    names = [f"U+{ord(c):04X} {unicodedata.name(c, 'a format character')}" for c in chars]
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    return (
        f"expected {what}, got only invisible characters ({shown}), so it would look blank; "
        "write the text (these often come from text pasted from a web page or a chat)"
    )


def number_in(text: str, longest: int = 400) -> float | None:
    """Return the finite number `text` writes as a number field reads it (`_` left out, so
    `175_000` is 175000), or None; text of `longest` characters or more is not read."""
    try:
        value = float(text.replace("_", "")) if len(text) < longest else math.nan
    except ValueError:
        return None
    return value if math.isfinite(value) else None


@frozen
class Number(Spec):
    doc: str = "a number"
    empty_is_missing = True

    def expected(self) -> str:
        return "a number"

    def read(self, node: Node, ctx: Ctx) -> Any:
        if isinstance(node, Scalar) and not node.is_null:
            value = number_in(node.text)
            if value is not None:
                return value
        return ctx.error(
            node.where,
            "F109",
            f"expected a number, got {show(node)}; write digits only, e.g. `175000000000` or `1.75e11`",
        )

    def schema(self) -> dict:
        return {"type": "number", "description": self.doc}


@frozen
class Bool(Spec):
    doc: str = "true or false"
    empty_is_missing = True

    def expected(self) -> str:
        return "true or false"

    def read(self, node: Node, ctx: Ctx) -> Any:
        if isinstance(node, Scalar) and node.text.lower() in ("true", "false"):
            return node.text.lower() == "true"
        return ctx.error(node.where, "F110", f"expected true or false, got {show(node)}")

    def schema(self) -> dict:
        return {"type": "boolean", "description": self.doc}


@frozen
class Choice(Spec):
    options: tuple[str, ...] = ()
    doc: str = ""
    empty_is_missing = True

    def expected(self) -> str:
        return "one of " + ", ".join(f"`{o}`" for o in self.options)

    def read(self, node: Node, ctx: Ctx) -> Any:
        if isinstance(node, Scalar) and node.text in self.options:
            return node.text
        import difflib  # only a value not among the options needs it

        close = (
            difflib.get_close_matches(node.text, self.options, n=1)
            if isinstance(node, Scalar) and len(node.text) < 100
            else []
        )
        hint = f"; did you mean `{close[0]}`?" if close else ""
        return ctx.error(node.where, "F111", f"expected {self.expected()}, got {show(node)}{hint}")

    def schema(self) -> dict:
        return {"enum": list(self.options), "description": self.doc}

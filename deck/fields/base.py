"""What every validator shares: the problem-collecting context, the Spec protocol, and how values are shown."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from deck.fields.inline import parse_inline
from deck.frozen import replace
from deck.model import Rich, Span
from deck.problems import Problem, Where, cut
from deck.source.located import Map, Node, Scalar, kind_name

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any


class _Invalid:
    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()  # a value that failed; its problem is already recorded


class Ctx:
    """What validators share while reading one file: the problems found so far, the folder
    that relative paths in it start from, the pictures already checked (so that a picture
    used on many slides is opened once: `(resolved path, size, mtime in ns)` → what was found,
    see `deck.fields.pictures`), and the inline texts already parsed (text repeated through
    YAML aliases is parsed once: text → its spans and problems)."""

    def __init__(
        self,
        problems: list[Problem] | None = None,
        folder: Path | None = None,
        pictures: dict[tuple[str, int, int], Any] | None = None,
        inline: dict[str, tuple[tuple[Span, ...], list[Problem]]] | None = None,
    ):
        self.problems = [] if problems is None else problems
        self.folder = folder
        self.pictures = {} if pictures is None else pictures
        self.inline = {} if inline is None else inline

    def parse_inline(self, text: str, where: Where) -> tuple[Rich, list[Problem]]:
        """`deck.fields.inline.parse_inline(text, where)`, parsed once per distinct text."""
        known = self.inline.get(text)
        if known is None:
            rich, problems = parse_inline(text, where)
            self.inline[text] = (rich.spans, problems)
            return rich, problems
        spans, problems = known  # every problem of a text is located at the text
        return Rich(spans, where), [replace(p, path=where.path, line=where.line, column=where.column) for p in problems]

    def error(self, where: Where, code: str, message: str) -> Any:
        """Record the error `code` at `where`; return INVALID."""
        self.problems.append(where.error(code, message))
        return INVALID

    def warn(self, where: Where, code: str, message: str) -> None:
        """Record the warning `code` at `where`."""
        self.problems.append(where.warning(code, message))


class Spec:
    """Reads a located node into a plain value, or records a problem and returns INVALID.

    `empty_is_missing`: a key whose value is nothing (`key:`) or blank text gets the field's
    "write it or remove the line" message instead of the spec's own.
    """

    doc: str = ""
    empty_is_missing: bool = False

    def read(self, node: Node, ctx: Ctx) -> Any:
        raise NotImplementedError

    def schema(self) -> dict:
        raise NotImplementedError

    def expected(self) -> str:
        raise NotImplementedError


def is_map(node: Node) -> bool:
    return isinstance(node, Map)


def is_scalar(node: Node) -> bool:
    return isinstance(node, Scalar) and not is_nothing(node)


def is_nothing(node: Node) -> bool:
    """True for a value written as nothing at all (`key:`, `- `) or as `null` / `~`."""
    return isinstance(node, Scalar) and node.is_null and not node.style


def is_blank(node: Node) -> bool:
    """True for nothing, or for text that is empty or only spaces (`""`)."""
    return is_nothing(node) or (isinstance(node, Scalar) and not node.text.strip())


def plural(n: int, noun: str) -> str:
    """Return `n noun`, the noun in English plural when n is not 1 (`1 category`, `2 categories`)."""
    return f"{n} {noun if n == 1 else nouns(noun)}"


def nouns(noun: str) -> str:
    """Return the English plural of `noun` (`category` → `categories`, `series` stays)."""
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun if noun.endswith("series") else noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    return noun + "s"


def show(node: Node) -> str:
    """Return how a message names what was written: `` `text` ``, a list, nothing (null)…"""
    if isinstance(node, Scalar) and not node.is_null:
        return f"`{cut(node.text, 40)}`" if node.text.strip() else "an empty string"
    return kind_name(node)


def suggest(word: str, options) -> str:
    """Return `; did you mean `x`?` for the option closest to `word`, else the list of options."""
    import difflib  # only a mistyped key or value needs it

    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6) if len(word) < 100 else []
    if not close:
        close = [o for o in options if o.lower() == word.lower()]
    if close:
        return f"; did you mean `{close[0]}`?"
    return "; expected one of " + ", ".join(f"`{o}`" for o in options)


def empty_value(name: str, what: str, node: Node, required: bool) -> str:
    """The message for key `name` written with nothing (or blank text) as its value."""
    if is_nothing(node):
        said = "has nothing after it"
    else:
        said = f"holds {spaces(node.text)}" if node.text else "is empty"
    return f"`{name}:` {said}; write {what}" + ("" if required else ", or remove the line")


def spaces(text: str) -> str:
    """Return how a message names blank `text`: `an empty string`, `only spaces`, or the white
    space one cannot tell from a space by its code point (`only white space (U+3000 …)`)."""
    wide = sorted({c for c in text if c not in " \t\r\n"})
    if wide:
        names = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'a space')}" for c in wide[:3])
        return f"only white space ({names})"
    return "only spaces" if text else "an empty string"

"""YAML values that remember where they were written: the loader's output, the parser's input."""

from __future__ import annotations

from deck.frozen import field, frozen
from deck.problems import Where


@frozen
class Node:
    """Base of located values; `where` is the first character of the value in the source."""

    where: Where


@frozen
class Scalar(Node):
    """A scalar exactly as typed: `text` is the raw string before any type resolution.

    `style` is '' for plain scalars, or one of `'`, `"`, `|`, `>` as written.
    `tag` is the core-schema tag YAML resolved it to (`str`, `int`, `float`, `bool`, `null`).
    `comment` is `(where, text)` of a comment one space after a plain value (`Use C # here`):
    YAML ends the value there, which in a text is rarely what the writer meant.
    """

    text: str
    style: str = ""
    tag: str = "str"
    comment: tuple[Where, str] | None = None

    @property
    def is_null(self) -> bool:
        return self.tag == "null"


@frozen
class Seq(Node):
    """A sequence of located values."""

    items: tuple[Node, ...] = ()


@frozen
class Map(Node):
    """A mapping; keys are located scalars, in source order, without duplicates."""

    entries: tuple[tuple[Scalar, Node], ...] = ()
    flow: bool = False  # written in braces, `{a: 1}`
    _index: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for key, value in self.entries:
            self._index.setdefault(key.text, (key, value))

    def get(self, key: str) -> Node | None:
        """Return the value under `key`, or None when absent."""
        hit = self._index.get(key)
        return hit[1] if hit else None

    def key_node(self, key: str) -> Scalar | None:
        """Return the located key `key`, or None when absent."""
        hit = self._index.get(key)
        return hit[0] if hit else None

    def keys(self) -> list[str]:
        return [k.text for k, _ in self.entries]


def kind_name(node: Node) -> str:
    """Return what a user would call this node's type: 'a mapping', 'a list', 'text', 'nothing'."""
    if isinstance(node, Map):
        return "a mapping"
    if isinstance(node, Seq):
        return "a list"
    if isinstance(node, Scalar) and node.is_null:
        return "nothing (null)"
    if isinstance(node, Scalar) and node.tag in ("int", "float") and not node.style:
        return "a number"
    return "text"

"""A mapping's keys checked as YAML gives them: names written as text, not too long, no merge
keys, no key twice; the located Map built from the rest."""

from __future__ import annotations

from deck.problems import Problem, Where, cut
from deck.source.located import Map, Node, Scalar


def checked_map(where: Where, items: list[Node], flow: bool, key_chars: int, problems: list[Problem]) -> Map:
    """Return the Map of `items` (key, value, key, value, …) located at `where`, each key that
    cannot be used left out with its problem added to `problems`; `key_chars` is the longest
    key allowed."""
    entries: list[tuple[Scalar, Node]] = []
    seen: dict[str, Scalar] = {}
    for key, value in zip(items[0::2], items[1::2]):
        if not isinstance(key, Scalar) or key.text == "":
            problems.append(key.where.error("S127", "a key must be a name written as text, like `title:`"))
            continue
        if len(key.text) > key_chars:
            problems.append(
                key.where.error(
                    "S110",
                    f"this key is {len(key.text):,} characters long, more than the {key_chars} a "
                    "key may have; if it is text, YAML read it as a key because of a `: ` (quote the text)",
                )
            )
            continue
        if key.text == "<<" and not key.style:
            problems.append(
                key.where.error("S128", "YAML merge keys (`<<`) are not supported in an outline; write the keys out")
            )
            continue
        if key.text in seen:
            problems.append(
                key.where.error(
                    "S129",
                    f"duplicate key `{cut(key.text)}` (first at line {seen[key.text].where.line}); keep one of them",
                )
            )
            continue
        seen[key.text] = key
        entries.append((key, value))
    return Map(where, tuple(entries), flow)

"""Validators of lists, mappings and records (each also states its JSON Schema); the import point of every validator."""

from __future__ import annotations

from collections.abc import Callable

from deck.fields.base import (
    INVALID,
    Ctx,
    Spec,
    empty_value,
    is_blank,
    is_map,
    is_nothing,
    is_scalar,
    nouns,
    plural,
    show,
    suggest,
)
from deck.fields.scalars import Bool, Choice, Number, Text
from deck.frozen import field, frozen
from deck.problems import cut
from deck.source.located import Map, Node, Seq

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "INVALID",
    "Bool",
    "Choice",
    "Ctx",
    "Either",
    "Field",
    "ListOf",
    "MapOf",
    "Number",
    "Record",
    "Spec",
    "Text",
    "is_map",
    "is_nothing",
    "is_scalar",
    "nouns",
    "plural",
    "read_field",
    "show",
    "suggest",
]


@frozen
class ListOf(Spec):
    """A list of `item`s, `min_items` to `max_items` long. `noun` names one item in messages;
    `few` and `many` say how to fix a list that is too short or too long."""

    item: Spec = None  # type: ignore[assignment]
    min_items: int = 1
    max_items: int = 500
    doc: str = ""
    noun: str = "item"
    few: str = ""
    many: str = "split them over more slides"
    shape: str = "`[a, b]`, or one `- ` line each"  # how a list is written, in messages
    empty_is_missing = True

    def expected(self) -> str:
        return self.doc or f"a list of {nouns(self.noun)}"

    def read(self, node: Node, ctx: Ctx) -> Any:
        if not isinstance(node, Seq):
            what = f"{self.doc} as a list" if self.doc else f"a list of {nouns(self.noun)}"
            return ctx.error(node.where, "F101", f"expected {what} ({self.shape}), got {show(node)}")
        n, low, high = len(node.items), self.min_items, self.max_items
        if n < low or n > high:
            if high - low <= 1:
                need = f"{low} or {plural(high, self.noun)}" if high > low else f"exactly {plural(low, self.noun)}"
            else:
                need = f"at least {plural(low, self.noun)}" if n < low else f"at most {plural(high, self.noun)}"
            got = "an empty list" if n == 0 else str(n)
            if n > high:
                fix = self.many
            elif self.few:
                fix = self.few
            elif n == 0:
                fix = f"write the {nouns(self.noun)} ({self.shape})"
            else:
                fix = f"add {plural(low - n, 'more ' + self.noun)}"
            return ctx.error(node.where, "F106" if n < low else "F107", f"expected {need}, got {got}; {fix}")
        values = []
        for item in node.items:
            if is_nothing(item):
                values.append(
                    ctx.error(item.where, "F103", f"this {self.noun} is empty; write it, or remove the empty item")
                )
            else:
                values.append(self.item.read(item, ctx))
        return INVALID if any(v is INVALID for v in values) else tuple(values)

    def schema(self) -> dict:
        out = {"type": "array", "items": self.item.schema(), "minItems": self.min_items, "maxItems": self.max_items}
        if self.doc:
            out["description"] = self.doc
        return out


@frozen
class MapOf(Spec):
    """A mapping of free keys (text) to values of one spec, in source order; `min_items` to
    `max_items` entries, each a `noun`. `example` shows one written out."""

    value: Spec = None  # type: ignore[assignment]
    doc: str = ""
    noun: str = "entry"
    min_items: int = 1
    max_items: int = 1000
    example: str = "`key: value`"
    many: str = "split them over more slides"
    empty_is_missing = True

    def expected(self) -> str:
        return self.doc or "a mapping"

    def read(self, node: Node, ctx: Ctx) -> Any:
        if not isinstance(node, Map):
            return ctx.error(node.where, "F101", f"expected {self.expected()}, e.g. {self.example}, got {show(node)}")
        n = len(node.entries)
        if n < self.min_items:
            return ctx.error(
                node.where,
                "F106",
                f"expected at least {plural(self.min_items, self.noun)}, got an empty "
                f"mapping; write {nouns(self.noun)} as `name: value`, e.g. {self.example}",
            )
        if n > self.max_items:
            return ctx.error(
                node.where, "F107", f"expected at most {plural(self.max_items, self.noun)}, got {n}; {self.many}"
            )
        out = {}
        for key, value in node.entries:
            if is_nothing(value):
                out[key.text] = (
                    key.where,
                    ctx.error(
                        value.where,
                        "F103",
                        f"{self.noun} `{cut(key.text, 40)}` has nothing after it; write its value, e.g. {self.example}",
                    ),
                )
                continue
            out[key.text] = (key.where, self.value.read(value, ctx))
        return out

    def schema(self) -> dict:
        return {
            "type": "object",
            "additionalProperties": self.value.schema(),
            "minProperties": self.min_items,
            "maxProperties": self.max_items,
            "description": self.doc,
        }


@frozen
class Field:
    """A key of a Record: its spec, whether it is required, what it means (`doc`, also the
    schema's description) and what to write when it is left empty (`write`, default: `doc`)."""

    spec: Spec
    required: bool = False
    doc: str = ""
    write: str = ""


def read_field(name: str, f: Field, node: Node, ctx: Ctx) -> Any:
    """Read the value of key `name` by its field; a key with nothing after it says how to fix that."""
    if f.spec.empty_is_missing and is_blank(node):
        what = f.write or f.spec.doc or f.doc or f.spec.expected()
        return ctx.error(node.where, "F103", empty_value(name, what, node, f.required))
    return f.spec.read(node, ctx)


@frozen
class Record(Spec):
    """A mapping with known keys; unknown keys get a did-you-mean."""

    name: str = "mapping"
    fields: dict[str, Field] = field(default_factory=dict)
    extra_schema: dict = field(default_factory=dict)  # cross-field rules the schema can state
    empty_is_missing = True

    def expected(self) -> str:
        article = "an" if self.name[:1] in "aeiou" else "a"
        return f"{article} {self.name} (a mapping with {', '.join(f'`{k}`' for k in self.fields)})"

    def read(self, node: Node, ctx: Ctx) -> Any:
        if not isinstance(node, Map):
            return ctx.error(node.where, "F101", f"expected {self.expected()}, got {show(node)}")
        out: dict[str, Any] = {}
        for key, value in node.entries:
            if key.text not in self.fields:
                ctx.error(
                    key.where,
                    "F104",
                    f"unknown key `{cut(key.text, 40)}` in {self.name}{suggest(key.text, self.fields)}",
                )
                continue
            out[key.text] = read_field(key.text, self.fields[key.text], value, ctx)
        for name, f in self.fields.items():
            if f.required and name not in out and name not in node.keys():
                ctx.error(
                    node.where,
                    "F105",
                    f"{self.name} is missing `{name}` ({f.doc or f.spec.expected()}); add `{name}: …`",
                )
                out[name] = INVALID
        return INVALID if any(v is INVALID for v in out.values()) else out

    def schema(self) -> dict:
        props = {}
        for name, f in self.fields.items():
            sub = dict(f.spec.schema())
            if f.doc:
                sub["description"] = f.doc
            props[name] = sub
        out = {"type": "object", "properties": props, "additionalProperties": False}
        required = [n for n, f in self.fields.items() if f.required]
        if required:
            out["required"] = required
        return {**out, **self.extra_schema}


@frozen
class Either(Spec):
    """The first spec whose shape matches the node (by node type) reads it."""

    options: tuple[tuple[Callable[[Node], bool], Spec], ...] = ()
    doc: str = ""
    empty_is_missing = True

    def expected(self) -> str:
        return " or ".join(s.expected() for _, s in self.options)

    def read(self, node: Node, ctx: Ctx) -> Any:
        for test, spec in self.options:
            if test(node):
                return spec.read(node, ctx)
        return ctx.error(node.where, "F101", f"expected {self.doc or self.expected()}, got {show(node)}")

    def schema(self) -> dict:
        return {"anyOf": [s.schema() for _, s in self.options], "description": self.doc}

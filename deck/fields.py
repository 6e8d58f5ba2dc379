"""Small validators for located values; each also states its JSON Schema, so one definition
serves both `deck check` and `deck schema`."""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass, field
from typing import Any, Callable

from .inline import parse_inline
from .located import Map, Node, Scalar, Seq, kind_name
from .problems import Problem, Where, cut


class _Invalid:
    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()  # a value that failed; its problem is already recorded


@dataclass
class Ctx:
    """What validators share while reading one file: the problems found so far."""

    problems: list[Problem] = field(default_factory=list)

    def error(self, where: Where, message: str) -> Any:
        self.problems.append(where.error(message))
        return INVALID

    def warn(self, where: Where, message: str) -> None:
        self.problems.append(where.warning(message))


class Spec:
    """Reads a located node into a plain value, or records a problem and returns INVALID."""

    doc: str = ""

    def read(self, node: Node, ctx: Ctx) -> Any:
        raise NotImplementedError

    def schema(self) -> dict:
        raise NotImplementedError

    def expected(self) -> str:
        raise NotImplementedError


def _mapping_instead_of_text(node: Map) -> str:
    key, value = node.entries[0] if node.entries else (None, None)
    shown = f"`{cut(key.text, 30)}: …`" if key is not None else "`…: …`"
    return (f"expected text, but YAML read {shown} as a mapping because of the `: `; "
            "put the whole text in quotes, or in Chinese use the full-width `：`")


@dataclass
class Text(Spec):
    """Text exactly as typed; `inline` parses marks into a Rich value."""

    doc: str = ""
    inline: bool = False
    max_chars: int = 2000
    example: str | None = None
    located: bool = False  # return (text, where) so later checks can point at it
    pattern: str | None = None  # a regular expression the schema states (the reader checks it itself)

    def expected(self) -> str:
        return "text"

    def read(self, node: Node, ctx: Ctx) -> Any:
        if isinstance(node, Map):
            return ctx.error(node.where, _mapping_instead_of_text(node))
        if not isinstance(node, Scalar):
            return ctx.error(node.where, f"expected {self.doc or 'text'}, got {kind_name(node)}")
        if node.is_null and not node.style:
            return ctx.error(node.where, f"expected {self.doc or 'text'}, got nothing; write the text "
                             "or remove the key")
        text = node.text.strip() if node.style in ("|", ">") else node.text
        if not text.strip():
            return ctx.error(node.where, f"expected {self.doc or 'text'}, got an empty string")
        if len(text) > self.max_chars:
            return ctx.error(node.where, f"this text is {len(text):,} characters long, more than the "
                             f"{self.max_chars:,} a slide can show; shorten it or split it")
        if self.located:
            return text, node.where
        if not self.inline:
            return text
        rich, problems = parse_inline(text, node.where)
        ctx.problems.extend(problems)
        return rich

    def schema(self) -> dict:
        out: dict = {"type": ["string", "number", "boolean"], "description": self.doc}
        if self.pattern:
            out = {"type": "string", "pattern": self.pattern, "description": self.doc}
        if self.example:
            out["examples"] = [self.example]
        return out


@dataclass
class Number(Spec):
    doc: str = "a number"

    def expected(self) -> str:
        return "a number"

    def read(self, node: Node, ctx: Ctx) -> Any:
        if isinstance(node, Scalar) and not node.is_null:
            try:
                value = float(node.text.replace("_", ""))
            except ValueError:
                value = math.nan
            if math.isfinite(value):
                return value
        return ctx.error(node.where, f"expected a number, got {_show(node)}; write digits only, "
                         "e.g. `175000000000` or `1.75e11`")

    def schema(self) -> dict:
        return {"type": "number", "description": self.doc}


@dataclass
class Bool(Spec):
    doc: str = "true or false"

    def expected(self) -> str:
        return "true or false"

    def read(self, node: Node, ctx: Ctx) -> Any:
        if isinstance(node, Scalar) and node.text.lower() in ("true", "false"):
            return node.text.lower() == "true"
        return ctx.error(node.where, f"expected true or false, got {_show(node)}")

    def schema(self) -> dict:
        return {"type": "boolean", "description": self.doc}


@dataclass
class Choice(Spec):
    options: tuple[str, ...] = ()
    doc: str = ""

    def expected(self) -> str:
        return "one of " + ", ".join(f"`{o}`" for o in self.options)

    def read(self, node: Node, ctx: Ctx) -> Any:
        if isinstance(node, Scalar) and node.text in self.options:
            return node.text
        close = difflib.get_close_matches(node.text, self.options, n=1) if isinstance(node, Scalar) else []
        hint = f"; did you mean `{close[0]}`?" if close else ""
        return ctx.error(node.where, f"expected {self.expected()}, got {_show(node)}{hint}")

    def schema(self) -> dict:
        return {"enum": list(self.options), "description": self.doc}


@dataclass
class ListOf(Spec):
    item: Spec = None  # type: ignore[assignment]
    min_items: int = 1
    max_items: int = 500
    doc: str = ""

    def expected(self) -> str:
        return f"a list of {self.item.expected()}"

    def read(self, node: Node, ctx: Ctx) -> Any:
        if not isinstance(node, Seq):
            return ctx.error(node.where, f"expected {self.doc or self.expected()} (items start with "
                             f"`- `), got {_show(node)}")
        what = f" ({self.doc})" if self.doc else ""
        if len(node.items) < self.min_items:
            return ctx.error(node.where, f"expected at least {plural(self.min_items, 'item')}{what}, "
                             f"got {len(node.items)}")
        if len(node.items) > self.max_items:
            return ctx.error(node.where, f"expected at most {plural(self.max_items, 'item')}{what}, got "
                             f"{len(node.items)}; split it over more slides")
        values = [self.item.read(item, ctx) for item in node.items]
        return INVALID if any(v is INVALID for v in values) else tuple(values)

    def schema(self) -> dict:
        out = {"type": "array", "items": self.item.schema(), "minItems": self.min_items,
               "maxItems": self.max_items}
        if self.doc:
            out["description"] = self.doc
        return out


@dataclass
class MapOf(Spec):
    """A mapping of free keys (text) to values of one spec, in source order."""

    value: Spec = None  # type: ignore[assignment]
    doc: str = ""

    def expected(self) -> str:
        return "a mapping"

    def read(self, node: Node, ctx: Ctx) -> Any:
        if not isinstance(node, Map):
            return ctx.error(node.where, f"expected {self.doc or 'a mapping of key: value'}, got {_show(node)}")
        out = {}
        for key, value in node.entries:
            out[key.text] = (key.where, self.value.read(value, ctx))
        return out

    def schema(self) -> dict:
        return {"type": "object", "additionalProperties": self.value.schema(), "description": self.doc}


@dataclass
class Field:
    spec: Spec
    required: bool = False
    doc: str = ""


@dataclass
class Record(Spec):
    """A mapping with known keys; unknown keys get a did-you-mean."""

    name: str = "mapping"
    fields: dict[str, Field] = field(default_factory=dict)
    extra_schema: dict = field(default_factory=dict)  # cross-field rules the schema can state

    def expected(self) -> str:
        return f"a {self.name} (a mapping with {', '.join(f'`{k}`' for k in self.fields)})"

    def read(self, node: Node, ctx: Ctx) -> Any:
        if not isinstance(node, Map):
            return ctx.error(node.where, f"expected {self.expected()}, got {_show(node)}")
        out: dict[str, Any] = {}
        for key, value in node.entries:
            if key.text not in self.fields:
                ctx.error(key.where, f"unknown key `{cut(key.text, 40)}` in {self.name}"
                          f"{_suggest(key.text, self.fields)}")
                continue
            out[key.text] = self.fields[key.text].spec.read(value, ctx)
        for name, f in self.fields.items():
            if f.required and name not in out and name not in node.keys():
                ctx.error(node.where, f"{self.name} is missing `{name}` ({f.doc or f.spec.expected()})")
                out[name] = INVALID
        return out

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


@dataclass
class Either(Spec):
    """The first spec whose shape matches the node (by node type) reads it."""

    options: tuple[tuple[Callable[[Node], bool], Spec], ...] = ()
    doc: str = ""

    def expected(self) -> str:
        return " or ".join(s.expected() for _, s in self.options)

    def read(self, node: Node, ctx: Ctx) -> Any:
        for test, spec in self.options:
            if test(node):
                return spec.read(node, ctx)
        return ctx.error(node.where, f"expected {self.doc or self.expected()}, got {_show(node)}")

    def schema(self) -> dict:
        return {"anyOf": [s.schema() for _, s in self.options], "description": self.doc}


def is_map(node: Node) -> bool:
    return isinstance(node, Map)


def is_seq(node: Node) -> bool:
    return isinstance(node, Seq)


def is_scalar(node: Node) -> bool:
    return isinstance(node, Scalar) and not (node.is_null and not node.style)


def plural(n: int, noun: str) -> str:
    """Return `n noun` with an English plural `s` when n is not 1."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _show(node: Node) -> str:
    if isinstance(node, Scalar) and not node.is_null:
        return f"`{cut(node.text, 40)}`"
    return kind_name(node)


def _suggest(word: str, options) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    if not close:
        close = [o for o in options if o.lower() == word.lower()]
    if close:
        return f"; did you mean `{close[0]}`?"
    return "; expected one of " + ", ".join(f"`{o}`" for o in options)

"""JSON Schemas of the outline and theme formats, generated from the validators' own specs."""

from __future__ import annotations

from deck.fields import Field
from deck.kinds import KINDS
from deck.kinds.frame import COMMON, SECTION, SECTION_FIELD, SECTION_KEYS, TOP, kind_field
from deck.theme.load import THEME

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def slide_schema() -> dict:
    """An entry of `slides` is a section divider or a slide of one kind: its content key is
    required, other content keys forbidden."""
    variants = [_entry(SECTION, SECTION_FIELD, SECTION_KEYS, [SECTION])]
    variants += [_entry(name, kind_field(kind), tuple(COMMON), [name, "title"]) for name, kind in KINDS.items()]
    return {"oneOf": variants}


def _entry(key: str, content: Field, keys: tuple[str, ...], required: list[str]) -> dict:
    props = {k: _field(COMMON[k]) for k in COMMON if k in keys}
    props[key] = {**content.spec.schema(), "description": content.doc}
    return {"title": key, "type": "object", "properties": props, "required": required, "additionalProperties": False}


def outline_schema() -> dict:
    """Return the JSON Schema of an outline (for yaml-language-server and other editors)."""
    props = {k: _field(f) for k, f in TOP.items() if k != "slides"}
    props["slides"] = {"type": "array", "minItems": 1, "items": slide_schema(), "description": TOP["slides"].doc}
    return {
        "$schema": DRAFT,
        "title": "deck outline",
        "type": "object",
        "properties": props,
        "required": [k for k, f in TOP.items() if f.required],
        "additionalProperties": False,
    }


def theme_schema() -> dict:
    """Return the JSON Schema of a theme file."""
    out = THEME.schema()
    out.pop("required", None)  # a theme that `extends` a built-in may give any subset
    return {
        "$schema": DRAFT,
        "title": "deck theme",
        **out,
        "anyOf": [{"required": ["extends"]}, {"required": [k for k, f in THEME.fields.items() if f.required]}],
    }


def _field(f) -> dict:
    out = dict(f.spec.schema())
    if f.doc:
        out["description"] = f.doc
    return out

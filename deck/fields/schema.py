"""JSON Schemas of the outline and theme formats, generated from the validators' own specs."""

from __future__ import annotations

from deck.kinds.parse import COMMON, SECTION_KEYS, TOP
from deck.kinds.registry import KINDS
from deck.theme.load import THEME

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def slide_schema() -> dict:
    """A slide is one of the kinds: its content key is required, other kinds' keys forbidden."""
    variants = []
    for name, kind in KINDS.items():
        keys = SECTION_KEYS if name == "section" else set(COMMON) | {name}
        props = {k: _field(COMMON[k]) for k in COMMON if k in keys}
        props[name] = {**kind.spec.schema(), "description": kind.doc}
        required = [name] + (["title"] if name != "section" else [])
        variants.append(
            {"title": name, "type": "object", "properties": props, "required": required, "additionalProperties": False}
        )
    return {"oneOf": variants}


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

"""Themes: the built-in registry and reading theme files (YAML) into a checked Theme."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from deck.fields import INVALID, Bool, Choice, Ctx, Field, Number, Record, Spec, Text
from deck.kinds import KINDS
from deck.problems import Problem, Where, cut, display_path
from deck.source.located import Map, Node, Scalar
from deck.source.reader import load_yaml
from deck.theme import BASE_ROLES, BODY_POINTS, FONT_ROLES, PALETTE_SLOTS, Face, Footer, Role, TextStyle, Theme
from deck.units import EMU_PER_PT

HERE = Path(__file__).parent / "builtin"
BUILTIN: dict[str, Path] = {"default": HERE / "default.yaml", "dark": HERE / "dark.yaml"}
SLIDE_SIZES = {"16:9": (12_192_000, 6_858_000), "4:3": (9_144_000, 6_858_000)}
_HEX = re.compile(r"^#?([0-9A-Fa-f]{6})$")

# The text roles the slide kinds add (deck.kinds), with their defaults: a theme may name them or not.
KIND_ROLES: dict[str, Role] = {name: role for kind in KINDS.values() for name, role in kind.roles.items()}
TEXT_ROLES = (*BASE_ROLES, *KIND_ROLES)  # every role a Theme has


class Colour(Spec):
    doc = 'a colour as six hex digits, e.g. "1D56A0"'

    def expected(self) -> str:
        return self.doc

    def read(self, node: Node, ctx: Ctx) -> Any:
        if isinstance(node, Scalar) and (m := _HEX.match(node.text)):
            return m.group(1).upper()
        if isinstance(node, Scalar) and node.is_null:
            return ctx.error(
                node.where,
                "T102",
                'expected a colour, got nothing; an unquoted `#` starts a YAML comment, so quote it: "#1D56A0"',
            )
        shown = cut(node.text) if isinstance(node, Scalar) else "a structure"
        return ctx.error(node.where, "T102", f'expected a colour as six hex digits such as "1D56A0", got `{shown}`')

    def schema(self) -> dict:
        return {"type": ["string", "number"], "pattern": "^#?[0-9A-Fa-f]{6}$", "description": self.doc}


class Points(Number):
    def __init__(self, doc: str, low: float, high: float):
        super().__init__(doc)
        self.low, self.high = low, high

    def read(self, node: Node, ctx: Ctx) -> Any:
        value = super().read(node, ctx)
        if value is not INVALID and not self.low <= value <= self.high:
            return ctx.error(
                node.where, "T103", f"expected {self.doc} between {self.low:g} and {self.high:g}, got {value:g}"
            )
        return value

    def schema(self) -> dict:
        return {"type": "number", "minimum": self.low, "maximum": self.high, "description": self.doc}


def _face() -> Record:
    return Record(
        "font",
        {
            "latin": Field(Text(doc="Latin typeface", max_chars=80), True, "typeface for Latin text"),
            "ea": Field(Text(doc="East Asian typeface", max_chars=80), True, "typeface for CJK text"),
        },
    )


def _style(required: bool = True) -> Record:
    """A text role's style; a kind's role may leave out any key (its default fills it)."""
    return Record(
        "text role",
        {
            "size": Field(Points("a size in points", 6, 120), required, "size in points"),
            "min": Field(Points("a size in points", 6, 120), required, "smallest size the fitter may use"),
            "font": Field(Choice(FONT_ROLES, "a font role"), required, "heading, body or code"),
            "color": Field(Choice(tuple(PALETTE_SLOTS), "a palette role"), required, "a palette role"),
            "bold": Field(Bool(), False, "bold"),
            "italic": Field(Bool(), False, "italic"),
        },
    )


def _roles() -> dict[str, Field]:
    fields = {k: Field(_style(), True, f"the {k} role") for k in BASE_ROLES}
    for name, role in KIND_ROLES.items():
        fields[name] = Field(
            _style(required=False),
            False,
            f"the {name} role ({role.doc}); default {role.size:g} pt (min {role.min:g}) for a "
            f"{BODY_POINTS} pt body, scaled with `body`, {role.font} font, {role.color}"
            + (", bold" if role.bold else ""),
        )
    return fields


THEME = Record(
    "theme",
    {
        "name": Field(Text(doc="the theme's name", max_chars=60), True, "the theme's name"),
        "extends": Field(
            Choice(tuple(BUILTIN), "a built-in theme"), False, "a built-in theme whose values this file overrides"
        ),
        "slide": Field(
            Record("slide", {"size": Field(Choice(tuple(SLIDE_SIZES), "the slide size"), True, "16:9 or 4:3")}),
            True,
            "slide size",
        ),
        "palette": Field(
            Record("palette", {k: Field(Colour(), True, f"the {k} colour") for k in PALETTE_SLOTS}),
            True,
            "the colours, by role",
        ),
        "fonts": Field(
            Record("fonts", {k: Field(_face(), True, f"{k} typefaces") for k in FONT_ROLES}),
            True,
            "typefaces for headings, body and code",
        ),
        "text": Field(
            Record("text roles", _roles()),
            True,
            "size, minimum, font, colour and weight of each text role; the roles of slide kinds "
            "may be left out (their defaults follow `body`)",
        ),
        "line_spacing": Field(Points("a multiple of the font size", 1.0, 2.5), True, "line pitch ÷ font size"),
        "paragraph_spacing": Field(
            Points("a multiple of the font size", 0, 3), True, "space before a paragraph ÷ its font size"
        ),
        "margins": Field(
            Record(
                "margins",
                {
                    k: Field(Points("points", 0, 200), True, f"{k} margin in points")
                    for k in ("left", "right", "top", "bottom")
                },
            ),
            True,
            "slide margins",
        ),
        "gap": Field(Points("points", 0, 100), True, "space between boxes, points"),
        "rule_width": Field(Points("points", 0.25, 12), True, "width of rules and outlines, points"),
        "safety": Field(
            Points("a fraction of a line's width", 0, 0.3),
            True,
            "share of each line kept free for viewers that substitute fonts",
        ),
        "footer": Field(
            Record(
                "footer",
                {
                    "slide_number": Field(Bool(), True, "show the slide number"),
                    "section": Field(Bool(), True, "show the current section's name"),
                    "text": Field(Text(doc="free footer text", max_chars=120), False, "free text"),
                },
            ),
            True,
            "what the footer shows",
        ),
    },
)


@lru_cache(maxsize=8)
def load_builtin(name: str) -> Theme:
    """Return built-in theme `name`; a broken built-in theme is a bug and raises."""
    theme, problems = load_theme(name, None)
    if theme is None:
        raise RuntimeError("built-in theme is broken: " + "; ".join(p.format() for p in problems))
    return theme


def load_theme(ref: str, folder: Path | None) -> tuple[Theme | None, list[Problem]]:
    """Return the theme named `ref` (built-in name, or a path relative to `folder`) and problems."""
    if ref in BUILTIN:
        path, shown = BUILTIN[ref], f"<built-in theme {ref}>"
    else:
        path = (folder or Path.cwd()) / ref
        shown = display_path(path)
        if not path.is_file():
            names = ", ".join(BUILTIN)
            return None, [
                Where(shown).error(
                    "T101",
                    f"no theme `{cut(ref)}`: not a built-in theme ({names}) "
                    "and no such file; name a built-in theme or a .yaml theme file",
                )
            ]
    node, problems = load_yaml(path, shown)
    if node is None:
        return None, problems
    if isinstance(node, Map) and isinstance(node.get("extends"), Scalar) and node.get("extends").text in BUILTIN:
        base, _ = load_yaml(BUILTIN[node.get("extends").text], f"<built-in theme {node.get('extends').text}>")
        node = _overlay(base, node)
    ctx = Ctx(problems)
    values = THEME.read(node, ctx)
    if values is INVALID or any(p.is_error for p in ctx.problems):
        return None, ctx.problems
    return _build(values, node, ctx), ctx.problems


def _overlay(base: Node, top: Node) -> Node:
    """Return `top` laid over `base`: mappings merge key by key, anything else replaces."""
    if not (isinstance(base, Map) and isinstance(top, Map)):
        return top
    entries = []
    for key, value in base.entries:
        over = top.get(key.text)
        entries.append((top.key_node(key.text), _overlay(value, over)) if over is not None else (key, value))
    entries += [(k, v) for k, v in top.entries if base.get(k.text) is None]
    return Map(top.where, tuple(entries))


def _pt(value: float) -> int:
    return round(value * EMU_PER_PT)


def _half_pt(value: float) -> int:
    return round(value * 2) * EMU_PER_PT // 2


def _with_defaults(text: dict[str, dict]) -> dict[str, dict]:
    """Return the theme's text roles with each kind role it leaves out filled from the kind's
    default, sizes scaled by the theme's body size. A kind role it names may leave out `size`,
    `min`, `font` or `color` (the default fills them); `bold` and `italic` are false unless
    given, as for every role."""
    scale = text["body"]["size"] / BODY_POINTS
    out = dict(text)
    for name, role in KIND_ROLES.items():
        given = text.get(name)
        if given is None:
            given = {"bold": role.bold, "italic": role.italic}
        size = given.get("size", role.size * scale)
        out[name] = {"size": size, "min": min(role.min * scale, size), "font": role.font, "color": role.color, **given}
    return out


def _build(v: dict, node: Map, ctx: Ctx) -> Theme | None:
    width, height = SLIDE_SIZES[v["slide"]["size"]]
    styles = {}
    for role, s in _with_defaults(v["text"]).items():
        if s["min"] > s["size"]:
            role_node = node.get("text").get(role)
            ctx.error(
                role_node.where,
                "T104",
                f"text role `{role}` has `min` {s['min']:g} above its `size` "
                f"{s['size']:g}; the minimum must not exceed the size",
            )
        styles[role] = TextStyle(
            _half_pt(s["size"]), _half_pt(s["min"]), s["font"], s["color"], s.get("bold", False), s.get("italic", False)
        )
    if any(p.is_error for p in ctx.problems):
        return None
    m = v["margins"]
    f = v["footer"]
    return Theme(
        name=v["name"],
        width=width,
        height=height,
        palette=dict(v["palette"]),
        fonts={k: Face(x["latin"], x["ea"]) for k, x in v["fonts"].items()},
        text=styles,
        line_spacing=v["line_spacing"],
        paragraph_spacing=v["paragraph_spacing"],
        margin_left=_pt(m["left"]),
        margin_right=_pt(m["right"]),
        margin_top=_pt(m["top"]),
        margin_bottom=_pt(m["bottom"]),
        gap=_pt(v["gap"]),
        footer=Footer(f["slide_number"], f["section"], f.get("text") or ""),
        safety=v["safety"],
        rule_width=_pt(v["rule_width"]),
    )

"""The theme file's format: its keys and their checks (colours, sizes in points, text roles)."""

from __future__ import annotations

import re

from deck.fields import INVALID, Bool, Choice, Ctx, Field, Number, Record, Spec, Text
from deck.fields.pictures import ImagePath
from deck.kinds import KINDS
from deck.problems import cut
from deck.source.located import Map, Node, Scalar
from deck.theme.model import BASE_ROLES, BODY_POINTS, FONT_ROLES, PALETTE_SLOTS, Role

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any

SLIDE_SIZES = {"16:9": (12_192_000, 6_858_000), "4:3": (9_144_000, 6_858_000)}  # EMU
LOGO_POSITIONS = ("top-right", "top-left")
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
            "max": Field(
                Points("a size in points", 6, 120),
                False,
                "largest size body text grows to on a slide that holds little (default: `size`)",
            ),
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
            Text(doc="a built-in theme name or a theme file path", max_chars=300),
            False,
            "the theme whose values this file overrides: a built-in theme (`default`, `dark`) or a theme "
            "file, relative to this file and inside the outline's folder",
        ),
        "template": Field(
            Text(doc="a .pptx or .potx file path", max_chars=300),
            False,
            "a company's template (.pptx or .potx), relative to this file and inside the outline's folder: "
            "its masters, layouts, colours, fonts and art; this file's own keys override what it gives",
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
        "logo": Field(
            Record(
                "logo",
                {
                    "path": Field(ImagePath(doc="a path relative to the theme file"), True, "the logo's picture"),
                    "alt": Field(Text(doc="the logo's alt text", max_chars=200), True, "alt text, e.g. the name"),
                    "position": Field(
                        Choice(LOGO_POSITIONS, "the logo's corner"),
                        False,
                        "top-right (default) or top-left: in the top margin, above every title",
                    ),
                    "height": Field(
                        Points("a height in points", 4, 200),
                        False,
                        "the logo's height in points (default: 3/5 of the top margin; at most the top margin)",
                    ),
                },
            ),
            False,
            "a logo on the slide master: on every slide, and on slides added later in PowerPoint",
        ),
        "background": Field(
            Record(
                "background",
                {"image": Field(ImagePath(doc="a path relative to the theme file"), True, "the picture")},
            ),
            False,
            "a picture behind every slide, filling it (cropped to the slide's shape); veiled in the "
            "background colour where text would fall below WCAG AA",
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


def min_above_size(node: Node, ctx: Ctx) -> None:
    """Record T104 at each text role of theme `node` whose `min` is above its `size`, T105 at
    each whose `max` is below it (a kind's
    role that leaves one out takes its default, scaled with `body`), whatever else is wrong:
    only sizes that are themselves valid are compared."""
    text = node.get("text") if isinstance(node, Map) else None
    if not isinstance(text, Map):
        return
    body = text.get("body")
    body_size = _points(body.get("size") if isinstance(body, Map) else None)
    scale = (body_size if body_size is not INVALID else BODY_POINTS) / BODY_POINTS
    for name in TEXT_ROLES:
        role = text.get(name)
        if not isinstance(role, Map):
            continue
        size, low = _points(role.get("size")), _points(role.get("min"))
        default = KIND_ROLES.get(name)
        if default is not None and role.get("size") is None:
            size = default.size * scale
        if size is INVALID or low is INVALID:
            continue
        if low > size:
            ctx.error(
                role.where,
                "T104",
                f"text role `{name}` has `min` {low:g} above its `size` {size:g}; the minimum must not exceed the size",
            )
        high = _points(role.get("max")) if role.get("max") is not None else INVALID
        if high is not INVALID and high < size:
            ctx.error(
                role.get("max").where,
                "T105",
                f"text role `{name}` has `max` {high:g} below its `size` {size:g}; "
                "the maximum must be at least the size",
            )


def _points(node: Node | None) -> Any:
    """A size in points as the theme reads it, or INVALID (its problem is recorded elsewhere)."""
    return INVALID if node is None else Points("a size in points", 6, 120).read(node, Ctx())


def logo_fits(theme, node: Node, ctx: Ctx) -> None:
    """Record T141 when the theme's logo is taller than the top margin it sits in, T142 when
    it is wider than a third of the slide (located at its `height`, else the logo)."""
    logo = theme.logo
    if logo is None:
        return
    at = node.get("logo")
    where = (at.get("height") or at).where if isinstance(at, Map) else node.where
    emu_per_pt = 12_700
    if logo.height > theme.margin_top:
        ctx.error(
            where,
            "T141",
            f"the logo is {logo.height / emu_per_pt:g} pt high but the top margin it sits in is "
            f"{theme.margin_top / emu_per_pt:g} pt; lower `height`, or raise `margins.top`",
        )
    elif logo.width * 3 > theme.width:
        ctx.error(
            where,
            "T142",
            f"at {logo.height / emu_per_pt:g} pt high the logo is {logo.width / emu_per_pt:.0f} pt wide, more than a "
            f"third of the slide; lower `height`, or use a narrower logo",
        )

"""A theme on a company's template: the template's colours, fonts, type sizes and margins
taken over into the theme's values wherever no theme file wrote the key itself, and the
template's slide size and master carried by the Theme.

What comes from where:
- palette: the colour the template's master maps each role's slot to (text = tx1, background
  = bg1, muted = tx2, surface = bg2, primary … = accent1 …, link = hlink);
- fonts: heading = the font scheme's major Latin face, body = its minor one; the East Asian
  face of each when the scheme names one (else the base theme's);
- text sizes: title, body and body2 from the content layout's title and body placeholders
  (else the master's text styles); the other roles', every minimum and the gap the base
  theme's, scaled to the template's slide size (a 10-inch slide sets them at 3/4); so text on
  a template with large type may still shrink to fit. The roles the slide kinds add and no
  theme file names take their sizes from the body's, as on any theme, but their minimums
  from the slide's size too (a template's large body type would otherwise raise the floor
  its maps and cards may shrink to above what its own body text shrinks to);
- margins: the edges of the master's title, body and footer placeholders.
"""

from __future__ import annotations

from deck.frozen import replace
from deck.theme.files import written
from deck.theme.model import BODY_POINTS, PALETTE_SLOTS, Theme
from deck.theme.spec import KIND_ROLES
from deck.units import EMU_PER_PT

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start-up
if TYPE_CHECKING:  # a company template's reading: imported only for a deck on one
    from deck.theme.template import Template

TEMPLATE_SUFFIXES = (".pptx", ".potx")
_MAPPED = {"dk1": "tx1", "lt1": "bg1", "dk2": "tx2", "lt2": "bg2"}


def is_template(ref: str) -> bool:
    """Whether theme reference `ref` names a template file (.pptx or .potx) rather than a theme."""
    return ref.lower().endswith(TEMPLATE_SUFFIXES)


def take_over(values: dict, node, template: Template) -> dict:
    """Return checked theme `values` with what `template` gives in every key a theme file
    did not write (`node` says which it did)."""
    v = {k: (dict(x) if isinstance(x, dict) else x) for k, x in values.items()}
    palette = dict(v["palette"])
    for role, slot in PALETTE_SLOTS.items():
        color = _color(template, _MAPPED.get(slot, slot))
        if color and written(node, "palette", role) is None:
            palette[role] = color
    v["palette"] = palette
    fonts = dict(v["fonts"])
    for role, key in (("heading", "major"), ("body", "minor")):
        if written(node, "fonts", role) is None and template.fonts.get(key):
            fonts[role] = {
                **fonts[role],
                "latin": template.fonts[key],
                "ea": template.fonts[f"{key}_ea"] or fonts[role]["ea"],
            }
    v["fonts"] = fonts
    master = template.master
    scale = slide_scale(template)
    text = {}
    for role, style in v["text"].items():
        style = dict(style)
        if scale != 1 and written(node, "text", role) is None:  # sizes follow the slide's size
            style["size"], style["min"] = (_half(style[k] * scale) for k in ("size", "min"))
            if style.get("max"):
                style["max"] = _half(style["max"] * scale)
        text[role] = style
    from deck.theme.placeholders import content_layout

    found = content_layout(master, template.width, template.height)
    title_levels, body_levels = (found[0].levels, found[1].levels) if found else ((), ())
    title_level = title_levels[0] if title_levels else master.title_style
    body1, body2 = body_levels[:2] if len(body_levels) >= 2 else master.body_style[:2]
    hints = template.size_hints  # a master without text styles: its own text's sizes
    known = body1.size > 0 and body2.size > 0  # -1: a size no style states
    body2_hint = (hints["body"] * body2.size // body1.size if known else hints["body"]) if "body" in hints else None
    for role, level, hint in (
        ("title", title_level, hints.get("title")),
        ("body", body1, hints.get("body")),
        ("body2", body2, body2_hint),
    ):
        if written(node, "text", role, "size") is None and role in text:
            stated = level.size if level.size > 0 else 18 * EMU_PER_PT  # PowerPoint's default
            size = round(min(max((hint or stated) / EMU_PER_PT, 8), 120) * 2) / 2
            most = text[role].get("max")
            grown = {"max": round(most * size / text[role]["size"] * 2) / 2} if most else {}
            text[role] = {**text[role], "size": size, "min": min(text[role]["min"], size), **grown}
    for name, role in KIND_ROLES.items():
        if name not in text:  # as deck.theme.load fills it, but with the slide's minimum
            size = role.size * text["body"]["size"] / BODY_POINTS
            low = min(_half(role.min * scale), size)
            text[name] = {"size": size, "min": low, "font": role.font, "color": role.color}
            text[name].update(bold=role.bold, italic=role.italic)
    v["text"] = text
    if written(node, "gap") is None:
        v["gap"] = _half(v["gap"] * scale)
    margins = _margins(template)
    if margins and written(node, "margins") is None:
        v["margins"] = margins
    return v


def slide_scale(template: Template) -> float:
    """Return how large the template's slides are against deck's 16:9 slide (13.33 × 7.5 in),
    by the narrower of width and height, within 0.5 to 1.5: a theme's sizes in points are
    for that slide, and text on a smaller slide is set smaller, as it is projected alike."""
    return min(max(min(template.width / 12_192_000, template.height / 6_858_000), 0.5), 1.5)


def _half(points: float) -> float:
    """`points` to the nearest half point, at least 6 (the smallest size a theme allows)."""
    return max(round(points * 2) / 2, 6)


def on_template(theme: Theme, template: Template) -> Theme:
    """Return `theme` laid on `template`: its slide size and master."""
    return replace(theme, width=template.width, height=template.height, template=template)


def _color(template: Template, name: str) -> str | None:
    try:
        return template.role_color(name)
    except KeyError:
        return None


def _margins(template: Template) -> dict[str, float] | None:
    """Return the margins (points) the master's title, body and footer placeholders leave."""
    phs = {p.type: p for p in template.master.placeholders}
    width, height = template.width, template.height
    from deck.theme.placeholders import content_layout

    found = content_layout(template.master, width, height)
    boxes = list(found) if found else [p for kind, p in phs.items() if kind in ("title", "body")]
    if not boxes:
        return None
    left = min(p.x for p in boxes)
    right = width - max(p.x + p.w for p in boxes)
    top = min(p.y for p in boxes)
    footers = [p for kind, p in phs.items() if kind in ("dt", "ftr", "sldNum")]
    bottom = height - max(p.y + p.h for p in (footers or boxes))
    return {
        side: min(max(value / EMU_PER_PT, 0), 200)
        for side, value in (("left", left), ("right", right), ("top", top), ("bottom", bottom))
    }

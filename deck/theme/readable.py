"""Whether a theme's slides read well: WCAG AA contrast, readable sizes and typefaces deck can
measure; warnings at the theme file's keys (errors under --strict, like every warning)."""

from __future__ import annotations

from deck.layout.metrics import known_family, measured_family
from deck.problems import Problem, cut
from deck.source.located import Node
from deck.theme.contrast import AA, contrast, low_contrast
from deck.theme.files import place, written
from deck.theme.model import FONT_ROLES, Theme
from deck.units import EMU_PER_PT

# (text role, key, least points, what it keeps readable): the sizes SPEC §4 asks of every theme.
LEAST = (
    ("body", "size", 20, "body text"),
    ("body", "min", 16, "shrunk body text"),
    ("footer", "min", 10, "the footer"),
    ("source", "min", 10, "sources"),
)


def readability(theme: Theme, node: Node) -> list[Problem]:
    """Return warnings for `theme`, read from located `node`: each pair of palette roles whose
    text falls below AA contrast, each size below LEAST, each typeface without metrics."""
    return [*_contrast(theme, node), *_sizes(theme, node), *_typefaces(theme, node)]


def _contrast(theme: Theme, node: Node) -> list[Problem]:
    uses: dict[tuple[str, str], list[str]] = {}
    for what, fg, bg, _ in low_contrast(theme):
        uses.setdefault((fg, bg), []).append(what)
    out = []
    p = theme.palette
    for (fg, bg), whats in uses.items():
        roles = dict.fromkeys(w.removesuffix(" in a card") for w in whats if w.removesuffix(" in a card") in theme.text)
        candidates = [("palette", fg), ("palette", bg), *(("text", role, "color") for role in roles)]
        where = next((w for keys in candidates if (w := written(node, *keys))), None) or place(node, "palette")
        shown = ", ".join(whats[:5]) + (f" and {len(whats) - 5} more" if len(whats) > 5 else "")
        out.append(
            where.warning(
                "T118",
                f"`{fg}` ({p[fg]}) on `{bg}` ({p[bg]}) has a contrast of {contrast(p[fg], p[bg]):.2f}:1, below "
                f"the {AA:g}:1 that WCAG AA asks of text ({shown}); darken or lighten one of the two colours",
            )
        )
    return out


def _sizes(theme: Theme, node: Node) -> list[Problem]:
    out = []
    for role, key, least, what in LEAST:
        style = theme.text[role]
        points = (style.size if key == "size" else style.min_size) / EMU_PER_PT
        if points < least:
            out.append(
                place(node, "text", role, key).warning(
                    "T119",
                    f"text role `{role}` has `{key}` {points:g} pt, below the {least} pt that keeps {what} "
                    f"readable; make it at least {least}",
                )
            )
    return out


def _typefaces(theme: Theme, node: Node) -> list[Problem]:
    out = []
    for role in FONT_ROLES:
        face = theme.fonts[role]
        for key, east_asian in (("latin", False),):  # East Asian text is measured at 1 em in any face
            name = getattr(face, key)
            measured = known_family(name, east_asian)
            if measured_family(name) is None:
                out.append(
                    place(node, "fonts", role, key).warning(
                        "T120",
                        f"deck has no metrics for typeface `{cut(name, 40)}`, so it measures this text as "
                        f"{measured}; where viewers have `{cut(name, 40)}`, lines may break differently and "
                        "text overflow; use a typeface deck measures, or keep `safety` generous",
                    )
                )
    return out

"""Whether a theme leaves room for the smallest talk: a probe deck of one-letter texts laid out
in it; when it does not fit, the theme file's key to blame, not the outline."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

from deck import model as m
from deck.frozen import replace
from deck.kinds import KINDS, parse_deck
from deck.layout import lay_out
from deck.problems import Problem
from deck.source.located import Node
from deck.source.reader import load_yaml_bytes
from deck.theme.files import written
from deck.theme.model import Theme
from deck.units import EMU_PER_PT

# The least a talk holds: its title, a section (and so the agenda) and a slide with one bullet.
PROBE = "title: W\nslides:\n  - section: W\n  - title: W\n    bullets: [W]\n"
_WHAT = {"L101": "a one-letter slide title", "L102": "a one-letter talk title", "L104": "a one-letter section name"}
_ROLES = ("deck_title", "section", "title", "body", "footer")  # the text roles the probe sets


def room(theme: Theme, node: Node, standard: Callable[[], Theme]) -> list[Problem]:
    """Return an error (T117) when the smallest talk does not fit `theme` (read from located
    `node`), at the theme file's key whose value, set back to the `standard` theme's, makes it
    fit; or nothing when it fits."""
    failed = _misfits(theme)
    if not failed:
        return []
    what = _WHAT.get(failed[0].code, "a one-letter bullet")
    inner = (
        f"the margins leave {_pt(theme.width - theme.margin_left - theme.margin_right):g} × "
        f"{_pt(theme.height - theme.margin_top - theme.margin_bottom):g} pt of the "
        f"{_pt(theme.width):g} × {_pt(theme.height):g} pt slide"
    )
    suspects = [(keys, hint, fixed) for keys, hint, fixed in _suspects(theme, standard()) if written(node, *keys)]
    blamed = next(((keys, hint) for keys, hint, fixed in suspects if not _misfits(fixed)), None)
    if blamed is None:
        where = written(node, *suspects[0][0]) if suspects else node.where
        hint = f"{inner}; make the margins or the sizes smaller"
    else:
        where, hint = written(node, *blamed[0]), blamed[1].format(inner=inner)
    message = f"this theme leaves no room for {what}, even at its smallest sizes: {hint}"
    return [where.error("T117", message)]


def _pt(emu: int) -> float:
    return emu / EMU_PER_PT


def _misfits(theme: Theme) -> list[Problem]:
    """The errors of laying out the probe deck in `theme` (none: it fits)."""
    _, problems = lay_out(_probe(), theme, KINDS, "2000-01-01T00:00:00Z")
    return [p for p in problems if p.is_error]


@lru_cache(maxsize=1)
def _probe() -> m.Deck:
    node, _ = load_yaml_bytes(PROBE.encode(), "<probe>")
    deck, problems = parse_deck(node, Path("probe.yaml"), "<probe>")
    if deck is None:
        raise RuntimeError("the probe deck is broken: " + "; ".join(p.format() for p in problems))
    return deck


def _suspects(theme: Theme, std: Theme) -> Iterator[tuple[tuple[str, ...], str, Theme]]:
    """Yield `(theme keys, hint, the theme with those keys' values as in std)`, likeliest culprit
    first; a hint may hold `{inner}`, the room the margins leave."""
    margins = {k: getattr(std, k) for k in ("margin_left", "margin_right", "margin_top", "margin_bottom")}
    yield ("margins",), "{inner}; make the margins smaller", replace(theme, **margins)
    for role in _ROLES:
        least = theme.text[role].min_size / EMU_PER_PT
        hint = f"`{role}` is too large for the slide even at its `min` of {least:g} pt; lower its `size` and `min`"
        yield ("text", role), hint, replace(theme, text={**theme.text, role: std.text[role]})
    for key in ("line_spacing", "paragraph_spacing", "gap"):
        value = getattr(theme, key)
        shown = f"{value / EMU_PER_PT:g} pt" if key == "gap" else f"{value:g}"
        yield (key,), f"`{key}` of {shown} is too large; make it smaller", replace(theme, **{key: getattr(std, key)})
    wide = replace(theme, width=std.width, height=std.height)
    yield ("slide",), "{inner}; use the 16:9 slide, or smaller sizes", wide

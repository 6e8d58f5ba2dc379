"""The `argument` kind: a claim, the reasons for it and their evidence, drawn as a map; the
same map revisited later with the reasons already supported marked; and the check of every
slide's `supports:` against the arguments (deck.kinds.parse reads that key).

A package, as the kind has four parts: its model and fields (spec.py), its link across the
deck (link.py), its map's layout (layout.py) and its codes (codes.py)."""

from __future__ import annotations

from deck.kinds.argument.codes import CODES
from deck.kinds.argument.layout import ROLES, lay_out
from deck.kinds.argument.link import link
from deck.kinds.argument.spec import SPEC, build
from deck.kinds.base import Kind

KIND = Kind(
    SPEC,
    build,
    lay_out,
    "an argument map: a claim, its reasons and their evidence",
    "the argument below it: `claim: …` and `reasons:`, or `revisit: <argument slide id>`",
    roles=ROLES,
    codes=CODES,
    link=link,
)

"""A template master's layouts read into the format-free Layout: vertical-text layouts left
out, names made unique, each placeholder resolved over the master's (deck.theme.placeholders)
with its insets (per side) recorded, and placeholders numbered alike reported."""

from __future__ import annotations

from deck.frozen import frozen
from deck.theme.model import Layout, Placeholder
from deck.theme.package import NS, Package
from deck.theme.placeholders import (
    DEFAULT_INSETS,
    FOOTERS,
    TITLES,
    Raw,
    master_kind,
    merge,
    placeholder,
    placeholders,
    shape,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start-up
if TYPE_CHECKING:
    from lxml import etree

Insets = dict[tuple[str, int, str], tuple[int, int, int, int]]  # (layout name, idx, type) → l, t, r, b


@frozen
class Styles:
    """A master's text styles as levels: its title style, body style and other style."""

    title: tuple[dict, ...]
    body: tuple[dict, ...]
    other: tuple[dict, ...]

    def base(self, ph_type: str) -> tuple[dict, ...]:
        """Return the style a placeholder of `ph_type` starts from."""
        return self.title if ph_type in TITLES else self.other if ph_type in FOOTERS else self.body


def master_placeholders(root: etree._Element, styles: Styles, insets: Insets) -> tuple[list[Raw], list[Placeholder]]:
    """Return the master's placeholders as read and as resolved (its insets go into `insets`
    under layout name '')."""
    raws = [shape(sp) for sp in placeholders(root)]
    resolved = []
    for raw in raws:
        resolved.append(placeholder(raw, None, styles.base(raw.type), "heading" if raw.type in TITLES else "body"))
        insets[("", resolved[-1].idx, raw.type)] = raw.insets or DEFAULT_INSETS
    return raws, resolved


def read_layouts(
    package: Package, parts: list[str], master: list[Raw], styles: Styles, insets: Insets, warnings: list
) -> tuple[list[Layout], list[str]]:
    """Return the layouts of `parts` (in order, vertical-text ones left out) and the parts
    kept; each placeholder's insets go into `insets`, and a T136 warning into `warnings`
    where a layout numbers two placeholders alike (deck fills the first)."""
    by_kind = {master_kind(r.type): r for r in reversed(master)}
    layouts, names, duplicated, kept = [], {}, {}, []
    for n, part in enumerate(parts, 1):
        root = package.xml(part)
        if any(ph.get("orient") == "vert" for ph in root.iterfind(".//p:nvPr/p:ph", NS)):
            continue  # vertical text (Title and Vertical Text …): never a slide's layout
        kept.append(part)
        csld = root.find("p:cSld", NS)
        name = (csld.get("name") if csld is not None else "") or f"Layout {n}"
        if name in names:
            names[name] += 1
            name = f"{name} ({names[name]})"
        names.setdefault(name, 1)
        phs, idxs = [], {}
        for raw in (shape(sp) for sp in placeholders(root)):
            # PowerPoint finds a slide's placeholder by idx (idx 0 also by type: a title)
            key = (raw.idx, master_kind(raw.type) if raw.idx == 0 else "")
            if key in idxs:
                duplicated.setdefault(name, raw.idx)
                continue
            idxs[key] = raw.type
            parent = by_kind.get(master_kind(raw.type))
            base = styles.base(raw.type)
            if parent is not None:
                base = merge(base, parent.levels)
            ph = placeholder(raw, parent, base, "heading" if raw.type in TITLES else "body")
            if ph.w <= 0 or ph.h <= 0:
                continue
            phs.append(ph)
            insets[(name, ph.idx, ph.type)] = raw.insets or (parent.insets if parent else None) or DEFAULT_INSETS
        layouts.append(Layout(name, root.get("type", "cust"), tuple(phs)))
    if duplicated:
        shown = ", ".join(f"`{n}` (idx {i})" for n, i in list(duplicated.items())[:4])
        more = f" and {len(duplicated) - 4} more" if len(duplicated) > 4 else ""
        warnings.append(
            ("T136", f"numbers two placeholders of a layout alike in {shown}{more}; deck fills only the first")
        )
    return layouts, kept

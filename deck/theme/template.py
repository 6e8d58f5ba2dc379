"""A company's template (.pptx or .potx) read into the format-free Master, with what the
output copies from it: a slide master (the one its first slide uses, else the first), its
layouts, its theme part and the pictures and other parts they use (master art, logos,
background images), as they are but for hanging punctuation, which is turned off. The
template's own slides, notes and handouts are left behind.

Placeholders are read as PowerPoint resolves them: a layout's placeholder takes its box,
anchor and insets from its own shape, else from the master's placeholder of its kind (title
for title and ctrTitle; date, footer and slide number for theirs; body for the rest), and its
paragraph levels from its own list style over the master placeholder's over the master's text
styles. Levels carry no theme role (a template names none) and no exact line pitch or space
before (a template states them in ways deck does not; the slides always write their own).

The reading goes by stage: the package (deck.theme.package), the master chosen and its text
styles (here), its layouts (deck.theme.layouts). Reading never raises for a bad file:
`read_template` returns the problems it found as (code, message) pairs, and None when the
file cannot serve as a template.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from deck.frozen import frozen
from deck.theme.art import Drawn, covered, drawn
from deck.theme.contrast import contrast
from deck.theme.layouts import Insets, Styles, master_placeholders, read_layouts
from deck.theme.model import Master
from deck.theme.package import NS, RT, Package, Part, Unusable
from deck.theme.placeholders import TITLES, content_layout, finished, levels, pictures, scheme, size_hints

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start-up
if TYPE_CHECKING:  # lxml is imported when a template is read: a build without one never loads it
    from lxml import etree

__all__ = ["NS", "Part", "Template", "read_template"]


@frozen
class Template:
    """A template read: its file and a digest of its bytes, slide size (EMU), the first
    master as data (layouts named uniquely, in the master's order) with each layout's part,
    the colour scheme (slot → RRGGBB), the colour map (bg1, tx1 … → slot), the font scheme
    ('major', 'minor', 'major_ea', 'minor_ea' → typeface, '' where it names none), each
    placeholder's insets (l, t, r, b) by (layout name, idx, type), and the parts to copy."""

    path: Path
    digest: str
    width: int
    height: int
    master: Master
    master_part: str
    layout_parts: tuple[str, ...]
    colors: dict[str, str]
    color_map: dict[str, str]
    fonts: dict[str, str]
    insets: Insets
    parts: tuple[Part, ...]
    theme_part: str
    size_hints: dict[str, int]  # 'title', 'body' → EMU, where the master states no text style sizes
    art: tuple[tuple[int, int, int, int], ...] = ()  # x, y, w, h of the master's pictures (logos)
    drawn: tuple[Drawn, ...] = ()  # the master's filled shapes: polygon (EMU) and solid fill

    def obstacles(self, box: tuple[int, int, int, int]) -> list[tuple[int, int, int, int]]:
        """Return the boxes (x, y, w, h EMU) of the master's art within `box`: each picture,
        and the part of each drawn shape inside it; left out are art covering a quarter of the
        box or more (its background) and shapes in a colour hardly apart from the slide's
        background (a texture such as a pale honeycomb, meant to lie under text)."""
        found = [a for a in self.art if a[0] < box[0] + box[2] and box[0] < a[0] + a[2]]
        found = [a for a in found if a[1] < box[1] + box[3] and box[1] < a[1] + a[3]]
        found += [c for c in (covered(p, box) for p, fill in self.drawn if not self._faint(fill)) if c is not None]
        return [a for a in found if a[2] * a[3] * 4 <= box[2] * box[3]]

    def _faint(self, fill: str) -> bool:
        """Whether solid fill `fill` (RRGGBB or a scheme name) is within 1.5:1 of the background."""
        try:
            color = fill if re.fullmatch("[0-9A-F]{6}", fill) else self.role_color(fill)
            return contrast(color, self.role_color("bg1")) < 1.5
        except (KeyError, ValueError):
            return False

    def role_color(self, slot: str) -> str:
        """Return the colour (RRGGBB) of colour-map name or scheme slot `slot`."""
        return self.colors[self.color_map.get(slot, slot)]


def read_template(path: Path) -> tuple[Template | None, list[tuple[str, str]]]:
    """Return the template at `path` and the problems found, (code, message) each: errors
    (T130–T134) leave it None; T135–T138 are warnings about a usable template."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [("T130", f"cannot be read ({exc.strerror or exc})")]
    template, problems = _read_once(path, data)
    return template, list(problems)


@lru_cache(maxsize=4)
def _read_once(path: Path, data: bytes) -> tuple[Template | None, tuple[tuple[str, str], ...]]:
    """`read_template` of `data`, once per path and content: watch mode, `deck serve` and a
    test run read the same template again and again; a changed file is read anew. (The
    template is frozen, so one value serves every build.)"""
    warnings: list[tuple[str, str]] = []
    try:
        return _read(path, data, warnings), tuple(warnings)
    except Unusable as bad:
        return None, ((bad.code, bad.message),)


def _read(path: Path, data: bytes, warnings: list[tuple[str, str]]) -> Template:
    package = Package(data)
    main = package.main_part()
    pres = package.xml(main)
    size = pres.find("p:sldSz", NS)
    width, height = (int(size.get("cx", "0")), int(size.get("cy", "0"))) if size is not None else (0, 0)
    if width <= 0 or height <= 0:
        raise Unusable("T131", "has no slide size (p:sldSz) in its presentation part")
    rels = package.rels(main)
    masters = [
        rels[el.get(f"{{{NS['r']}}}id")][1]
        for el in pres.iterfind("p:sldMasterIdLst/p:sldMasterId", NS)
        if el.get(f"{{{NS['r']}}}id") in rels
    ]
    if not masters:
        raise Unusable("T132", "has no slide master; save it from PowerPoint as a template (.potx)")
    used = _used_master(package, pres, rels, masters)
    clutter = {m: _art_over_body(package, m) for m in masters}
    chosen = min(masters, key=lambda m: (clutter[m], m != used, masters.index(m)))
    if len(masters) > 1:
        which = (
            "the one whose art leaves its body box clearest"
            if clutter[chosen] < clutter[used]
            else "the one its first slide uses"
            if chosen != masters[0]
            else "the first"
        )
        warnings.append(("T137", f"has {len(masters)} slide masters; deck uses {which}, `{chosen}`"))
    digest = hashlib.sha256(data).hexdigest()[:16]
    return _master(package, chosen, path, digest, (width, height), warnings)


def _used_master(package: Package, pres: etree._Element, rels: dict, masters: list[str]) -> str:
    """Return the master the template's first slide is laid on, else its first master."""
    first = pres.find("p:sldIdLst/p:sldId", NS)
    slide = rels.get(first.get(f"{{{NS['r']}}}id")) if first is not None else None
    if slide is None:
        return masters[0]
    layout = next((t for k, t in package.rels(slide[1]).values() if k == RT + "slideLayout"), None)
    master = next((t for k, t in package.rels(layout).values() if k == RT + "slideMaster"), None) if layout else None
    return master if master in masters else masters[0]


def _art_over_body(package: Package, part: str) -> int:
    """Return how much (EMU²) of master `part`'s body placeholder its own drawn art covers,
    by the boxes of its shapes and pictures that are no placeholders (LibreOffice's templates
    keep a title page and content pages as masters, the title one covered in art)."""
    tree = package.xml(part).find("p:cSld/p:spTree", NS)
    boxes, body = [], None
    for el in tree if tree is not None else ():
        ph = el.find(".//p:nvPr/p:ph", NS)
        found = [el.find(f"p:spPr/a:xfrm/{k}", NS) for k in ("a:off", "a:ext")]
        if any(x is None for x in found):
            continue
        (off, ext) = found
        box = tuple(
            int(v) if v.lstrip("-").isdigit() else 0 for v in (off.get("x"), off.get("y"), ext.get("cx"), ext.get("cy"))
        )
        if ph is None:
            boxes.append(box)
        elif ph.get("type", "obj") in ("body", "obj") and body is None:
            body = box
    if body is None:
        return 0
    bx, by, bw, bh = body
    return sum(
        max(0, min(x + w, bx + bw) - max(x, bx)) * max(0, min(y + h, by + bh) - max(y, by)) for x, y, w, h in boxes
    )


def _master(package: Package, part: str, path: Path, digest: str, size: tuple[int, int], warnings: list) -> Template:
    """Return the template laid on master `part`: its layouts, styles, schemes and parts."""
    root = package.xml(part)
    rels = package.rels(part)
    layout_parts = [
        rels[el.get(f"{{{NS['r']}}}id")][1]
        for el in root.iterfind("p:sldLayoutIdLst/p:sldLayoutId", NS)
        if el.get(f"{{{NS['r']}}}id") in rels
    ]
    if not layout_parts:
        raise Unusable("T133", "has a slide master without layouts; add at least Title and Content and Title Only")
    theme_part = next((t for k, t in rels.values() if k == RT + "theme"), None)
    if theme_part is None:
        raise Unusable("T131", "has a slide master without a theme part")
    found = root.find("p:txStyles", NS)
    styles = Styles(
        *(
            levels(found.find(f"p:{n}", NS) if found is not None else None)
            for n in ("titleStyle", "bodyStyle", "otherStyle")
        )
    )
    insets: Insets = {}
    raws, master_phs = master_placeholders(root, styles, insets)
    layouts, kept = read_layouts(package, layout_parts, raws, styles, insets, warnings)
    if not any(p.type in TITLES for layout in layouts for p in layout.placeholders):
        raise Unusable("T134", "has no title placeholder on any layout; deck puts every slide's title in one")
    colors, fonts = scheme(package.xml(theme_part))
    cmap = root.find("p:clrMap", NS)
    master = Master(
        tuple(p for p in master_phs if p.w > 0 and p.h > 0),
        finished(styles.title, "heading")[0],
        finished(styles.body, "body"),
        finished(styles.other, "body")[0],
        tuple(layouts),
    )
    art = pictures(root)
    shapes = drawn(root)
    sized = any("size" in level for style in (styles.title, styles.body) for level in style)
    template = Template(
        path,
        digest,
        *size,
        master,
        part,
        tuple(kept),
        colors,
        dict(cmap.attrib) if cmap is not None else {},
        fonts,
        insets,
        package.copied([part, *layout_parts]),
        theme_part,
        {} if sized else size_hints(root),
        art,
        shapes,
    )
    warnings += _art_over_text(template)
    return template


def _art_over_text(template: Template) -> list[tuple[str, str]]:
    """Return a T138 warning where the master's art (a logo, drawn shapes; not a background)
    lies over the content layout's title or body placeholder: deck keeps slide text clear of it."""
    found = content_layout(template.master, template.width, template.height)
    over = [kind for kind, p in zip(("title", "body"), found or ()) if template.obstacles((p.x, p.y, p.w, p.h))]
    if not over:
        return []
    return [
        (
            "T138",
            f"has art on its master (a picture or drawn shapes) over its {' and '.join(over)} placeholder; "
            "deck keeps slide text clear of it, in a smaller box",
        )
    ]

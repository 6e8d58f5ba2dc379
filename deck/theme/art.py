"""A template master's drawn art: its filled shapes that are no placeholders (LibreOffice's
templates draw their triangles, waves and combs so) read as polygons in EMU, and the part of a
box one covers. Pictures (logos) are read by deck.theme.placeholders.pictures."""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start-up
if TYPE_CHECKING:  # the elements come from deck.theme.template, which imports lxml when it reads
    from lxml import etree

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
}
Polygon = tuple[tuple[int, int], ...]
Drawn = tuple[Polygon, str]  # a shape's outline and its solid fill: RRGGBB, a scheme slot, or ''
_FILLS = ("a:solidFill", "a:gradFill", "a:blipFill", "a:pattFill")


def drawn(root: etree._Element) -> tuple[Drawn, ...]:
    """Return the filled shapes on a master's own tree, placeholders left out, each as its
    polygon (EMU) — a custom geometry of straight lines as drawn, anything else (curves, preset
    shapes, rotated shapes) as its box — and its solid fill ('' for another fill)."""
    tree = root.find("p:cSld/p:spTree", NS)
    out = []
    for sp in tree.iterfind("p:sp", NS) if tree is not None else ():
        props = sp.find("p:spPr", NS)
        if sp.find(".//p:nvPr/p:ph", NS) is not None or props is None:
            continue
        if not any(props.find(f, NS) is not None for f in _FILLS):
            continue
        xfrm = props.find("a:xfrm", NS)
        off, ext = (xfrm.find("a:off", NS), xfrm.find("a:ext", NS)) if xfrm is not None else (None, None)
        if off is None or ext is None:
            continue
        x, y, w, h = (_int(e.get(k)) for e, k in ((off, "x"), (off, "y"), (ext, "cx"), (ext, "cy")))
        if w <= 0 or h <= 0:
            continue
        solid = props.find("a:solidFill/*", NS)
        fill = (solid.get("val") or "").upper() if solid is not None and solid.get("val") else ""
        fill = fill if solid is None or not solid.tag.endswith("schemeClr") else fill.lower()
        box = ((x, y), (x + w, y), (x + w, y + h), (x, y + h))
        lines = None if xfrm.get("rot") else _straight(props.find("a:custGeom/a:pathLst", NS))
        if lines is None:
            out.append((box, fill))
            continue
        fx, fy = xfrm.get("flipH") == "1", xfrm.get("flipV") == "1"
        pw, ph, points = lines
        polygon = tuple(
            (x + round((pw - px if fx else px) * w / pw), y + round((ph - py if fy else py) * h / ph))
            for px, py in points
        )
        out.append((polygon, fill))
    return tuple(out)


def _straight(paths: etree._Element | None) -> tuple[int, int, list[tuple[int, int]]] | None:
    """Return a path list of one path of straight lines as (width, height, points), else None."""
    if paths is None or len(paths) != 1:
        return None
    path = paths[0]
    pw, ph = _int(path.get("w")), _int(path.get("h"))
    points = []
    for step in path:
        name = step.tag.rsplit("}", 1)[-1]
        if name in ("moveTo", "lnTo"):
            pt = step.find("a:pt", NS)
            points.append((_int(pt.get("x")), _int(pt.get("y"))))
        elif name != "close":
            return None
    return (pw, ph, points) if pw > 0 and ph > 0 and len(points) >= 3 else None


def covered(polygon: Polygon, box: tuple[int, int, int, int]) -> tuple[int, int, int, int] | None:
    """Return the bounding box (x, y, w, h EMU) of the part of `polygon` inside `box`, or None
    where they do not meet (Sutherland–Hodgman clipping against the box's four edges)."""
    x0, y0 = box[0], box[1]
    x1, y1 = x0 + box[2], y0 + box[3]
    points = list(polygon)
    for inside, cut in (
        (lambda p: p[0] >= x0, lambda a, b: _at_x(a, b, x0)),
        (lambda p: p[0] <= x1, lambda a, b: _at_x(a, b, x1)),
        (lambda p: p[1] >= y0, lambda a, b: _at_y(a, b, y0)),
        (lambda p: p[1] <= y1, lambda a, b: _at_y(a, b, y1)),
    ):
        kept = []
        for i, p in enumerate(points):
            q = points[i - 1]
            if inside(p):
                if not inside(q):
                    kept.append(cut(q, p))
                kept.append(p)
            elif inside(q):
                kept.append(cut(q, p))
        points = kept
        if not points:
            return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    w, h = max(xs) - min(xs), max(ys) - min(ys)
    return (min(xs), min(ys), w, h) if w > 0 and h > 0 else None


def _at_x(a, b, x):
    return (x, round(a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0])))


def _at_y(a, b, y):
    return (round(a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1])), y)


def _int(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return 0

"""A company's template (.pptx or .potx) read into the format-free Master, with what the
output copies from it: the first slide master, its layouts, its theme part and the pictures
and other parts they use (master art, logos, background images). The template's own slides,
notes and handouts are left behind.

Placeholders are read as PowerPoint resolves them: a layout's placeholder takes its box,
anchor and insets from its own shape, else from the master's placeholder of its kind (title
for title and ctrTitle; date, footer and slide number for theirs; body for the rest), and its
paragraph levels from its own list style over the master placeholder's over the master's text
styles. Levels carry no theme role (a template names none) and no exact line pitch or space
before (a template states them in ways deck does not; the slides always write their own).

Reading never raises for a bad file: `read_template` returns the problems it found as
(code, message) pairs, and None when the file cannot serve as a template.
"""

from __future__ import annotations

import hashlib
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from deck.theme.model import Layout, Level, Master, Placeholder

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_DOC = _RT + "officeDocument"
_LEFT_BEHIND = {_RT + k for k in ("slide", "notesSlide", "notesMaster", "handoutMaster", "slideMaster")}
_PRESENTATION_TYPES = {
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml",
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml",
}
_ANCHORS = {"t": "top", "ctr": "middle", "b": "bottom", "just": "top", "dist": "top"}
_ALIGN = {"l": "left", "ctr": "center", "r": "right"}
_TITLES, _FOOTERS = ("title", "ctrTitle"), ("dt", "ftr", "sldNum")
_SCHEME_ROLES = {
    "tx1": "text",
    "bg1": "background",
    "tx2": "muted",
    "bg2": "surface",
    "dk1": "text",
    "lt1": "background",
    "dk2": "muted",
    "lt2": "surface",
    "accent1": "primary",
    "accent2": "accent",
    **{f"accent{n}": f"series{n}" for n in range(3, 7)},
    "hlink": "link",
    "folHlink": "visited",
}
DEFAULT_INSETS = (91440, 45720, 91440, 45720)  # l, t, r, b: DrawingML's default
MAX_BYTES = 64 * 1024 * 1024  # a template's parts, uncompressed, read at most
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


@dataclass(frozen=True)
class Part:
    """A part the output copies: its name, content type, bytes and relationships part."""

    name: str
    content_type: str
    blob: bytes
    rels: bytes | None


@dataclass(frozen=True)
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
    insets: dict[tuple[str, int, str], tuple[int, int, int, int]]
    parts: tuple[Part, ...]
    theme_part: str

    def role_color(self, slot: str) -> str:
        """Return the colour (RRGGBB) of colour-map name or scheme slot `slot`."""
        return self.colors[self.color_map.get(slot, slot)]


class _Bad(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message


def read_template(path: Path) -> tuple[Template | None, list[tuple[str, str]]]:
    """Return the template at `path` and the problems found, (code, message) each: errors
    (T130–T134) leave it None; T135–T138 are warnings about a usable template."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [("T130", f"cannot be read ({exc.strerror or exc})")]
    warnings: list[tuple[str, str]] = []
    try:
        return _Reader(path, data, warnings).template(), warnings
    except _Bad as bad:
        return None, [(bad.code, bad.message)]


class _Reader:
    def __init__(self, path: Path, data: bytes, warnings: list[tuple[str, str]]):
        import io

        self.path, self.data, self.warnings = path, data, warnings
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            names = self.zip.namelist()
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise _Bad("T130", f"is not a zip file ({exc}), so not a .pptx or .potx") from None
        if sum(i.file_size for i in self.zip.infolist()) > MAX_BYTES:
            raise _Bad("T130", f"unpacks to more than {MAX_BYTES // 2**20} MB; a template is far smaller")
        self.names = set(names)
        self.types = self._content_types()

    def template(self) -> Template:
        main = self._main_part()
        pres = self._xml(main)
        size = pres.find("p:sldSz", NS)
        width, height = (int(size.get("cx", "0")), int(size.get("cy", "0"))) if size is not None else (0, 0)
        if width <= 0 or height <= 0:
            raise _Bad("T131", "has no slide size (p:sldSz) in its presentation part")
        rels = self._rels(main)
        masters = [
            rels[el.get(f"{{{NS['r']}}}id")][1]
            for el in pres.iterfind("p:sldMasterIdLst/p:sldMasterId", NS)
            if el.get(f"{{{NS['r']}}}id") in rels
        ]
        if not masters:
            raise _Bad("T132", "has no slide master; save it from PowerPoint as a template (.potx)")
        if len(masters) > 1:
            self.warnings.append(("T137", f"has {len(masters)} slide masters; deck uses the first, `{masters[0]}`"))
        return self._master(masters[0], width, height)

    # -- package ---------------------------------------------------------------------------

    def _content_types(self) -> tuple[dict[str, str], dict[str, str]]:
        if "[Content_Types].xml" not in self.names:
            raise _Bad("T130", "has no [Content_Types].xml, so it is not an Office file")
        root = self._xml("[Content_Types].xml")
        defaults = {d.get("Extension", "").lower(): d.get("ContentType", "") for d in root.iterfind("ct:Default", NS)}
        overrides = {
            o.get("PartName", "").lstrip("/"): o.get("ContentType", "") for o in root.iterfind("ct:Override", NS)
        }
        return defaults, overrides

    def content_type(self, name: str) -> str:
        defaults, overrides = self.types
        return overrides.get(name) or defaults.get(posixpath.splitext(name)[1][1:].lower(), "")

    def _main_part(self) -> str:
        main = next((target for kind, target in self._rels("").values() if kind == _DOC), None)
        if main is None or self.content_type(main) not in _PRESENTATION_TYPES:
            what = self.content_type(main) if main else "no main document"
            raise _Bad("T130", f"is not a presentation (its main part is {what or 'of no known type'})")
        return main

    def _xml(self, name: str) -> etree._Element:
        if name not in self.names:
            raise _Bad("T131", f"lacks its part `{name}`")
        try:
            return etree.fromstring(self.zip.read(name), _PARSER)
        except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, ValueError) as exc:
            raise _Bad("T131", f"has a part that is not well-formed XML (`{name}`: {exc})") from None

    def _rels_name(self, name: str) -> str:
        folder, base = posixpath.split(name)
        return posixpath.join(folder, "_rels", base + ".rels") if name else "_rels/.rels"

    def _rels(self, name: str) -> dict[str, tuple[str, str]]:
        """Return {rId: (type, target part)} of part `name` ('' for the package), internal only."""
        rels_name = self._rels_name(name)
        if rels_name not in self.names:
            return {}
        out = {}
        for rel in self._xml(rels_name).iterfind("pr:Relationship", NS):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            full = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(posixpath.dirname(name), target))
            )
            out[rel.get("Id", "")] = (rel.get("Type", ""), full)
        return out

    def _copied(self, start: list[str]) -> tuple[Part, ...]:
        """Return the parts reachable from `start` through relationships, slides, notes,
        handouts and other masters left behind, in a fixed order."""
        seen, order, queue = set(start), [], list(start)
        while queue:
            name = queue.pop(0)
            order.append(name)
            for kind, target in self._rels(name).values():
                if target in seen or kind in _LEFT_BEHIND or target not in self.names:
                    continue
                seen.add(target)
                queue.append(target)
        rels = {n: self._rels_name(n) for n in order}
        return tuple(
            Part(n, self.content_type(n), self.zip.read(n), self.zip.read(rels[n]) if rels[n] in self.names else None)
            for n in order
        )

    # -- master and layouts ----------------------------------------------------------------

    def _master(self, part: str, width: int, height: int) -> Template:
        root = self._xml(part)
        rels = self._rels(part)
        layout_parts = [
            rels[el.get(f"{{{NS['r']}}}id")][1]
            for el in root.iterfind("p:sldLayoutIdLst/p:sldLayoutId", NS)
            if el.get(f"{{{NS['r']}}}id") in rels
        ]
        if not layout_parts:
            raise _Bad("T133", "has a slide master without layouts; add at least Title and Content and Title Only")
        theme_part = next((t for k, t in rels.values() if k == _RT + "theme"), None)
        if theme_part is None:
            raise _Bad("T131", "has a slide master without a theme part")
        styles = root.find("p:txStyles", NS)
        title_style = _levels(styles.find("p:titleStyle", NS) if styles is not None else None)
        body_style = _levels(styles.find("p:bodyStyle", NS) if styles is not None else None)
        other_style = _levels(styles.find("p:otherStyle", NS) if styles is not None else None)
        master_shapes = [_shape(sp) for sp in _placeholders(root)]
        insets: dict[tuple[str, int, str], tuple[int, int, int, int]] = {}
        master_phs = []
        for raw in master_shapes:
            base = title_style if raw.type in _TITLES else other_style if raw.type in _FOOTERS else body_style
            master_phs.append(_placeholder(raw, None, base, "heading" if raw.type in _TITLES else "body"))
            insets[("", master_phs[-1].idx, raw.type)] = raw.insets or DEFAULT_INSETS
        by_kind = {_kind(r.type): r for r in reversed(master_shapes)}
        layouts, names = [], {}
        for n, lp in enumerate(layout_parts, 1):
            lroot = self._xml(lp)
            csld = lroot.find("p:cSld", NS)
            name = (csld.get("name") if csld is not None else "") or f"Layout {n}"
            if name in names:
                names[name] += 1
                name = f"{name} ({names[name]})"
            names.setdefault(name, 1)
            phs, idxs = [], {}
            for raw in (_shape(sp) for sp in _placeholders(lroot)):
                if raw.idx in idxs and raw.idx != 0:
                    self.warnings.append(
                        (
                            "T136",
                            f"layout `{name}` numbers two placeholders idx {raw.idx} ({idxs[raw.idx]} and "
                            f"{raw.type}); deck fills only the first",
                        )
                    )
                    continue
                idxs[raw.idx] = raw.type
                parent = by_kind.get(_kind(raw.type))
                base = title_style if raw.type in _TITLES else other_style if raw.type in _FOOTERS else body_style
                if parent is not None:
                    base = _merge(base, parent.levels)
                ph = _placeholder(raw, parent, base, "heading" if raw.type in _TITLES else "body")
                if ph.w <= 0 or ph.h <= 0:
                    continue
                phs.append(ph)
                insets[(name, ph.idx, ph.type)] = raw.insets or (parent.insets if parent else None) or DEFAULT_INSETS
            layouts.append(Layout(name, lroot.get("type", "cust"), tuple(phs)))
        if not any(p.type in _TITLES for layout in layouts for p in layout.placeholders):
            raise _Bad("T134", "has no title placeholder on any layout; deck puts every slide's title in one")
        theme = self._xml(theme_part)
        colors, fonts = _scheme(theme)
        cmap = root.find("p:clrMap", NS)
        color_map = dict(cmap.attrib) if cmap is not None else {}
        master = Master(
            tuple(p for p in master_phs if p.w > 0 and p.h > 0),
            _finished(title_style, "heading")[0],
            _finished(body_style, "body"),
            _finished(other_style, "body")[0],
            tuple(layouts),
        )
        return Template(
            self.path,
            hashlib.sha256(self.data).hexdigest()[:16],
            width,
            height,
            master,
            part,
            tuple(layout_parts),
            colors,
            color_map,
            fonts,
            insets,
            self._copied([part, *layout_parts]),
            theme_part,
        )


@dataclass(frozen=True)
class _Raw:
    type: str
    idx: int
    name: str
    box: tuple[int, int, int, int] | None
    anchor: str | None
    insets: tuple[int, int, int, int] | None
    levels: tuple[dict, ...]


def _kind(ph_type: str) -> str:
    return "title" if ph_type in _TITLES else ph_type if ph_type in _FOOTERS else "body"


def _placeholders(root: etree._Element) -> list[etree._Element]:
    tree = root.find("p:cSld/p:spTree", NS)
    if tree is None:
        return []
    return [el for el in tree if el.find(".//p:nvPr/p:ph", NS) is not None]


def _shape(el: etree._Element) -> _Raw:
    ph = el.find(".//p:nvPr/p:ph", NS)
    ph_type = ph.get("type", "obj")
    try:
        idx = int(ph.get("idx", "0"))
    except ValueError:
        idx = 0
    c_nv = el.find(".//p:cNvPr", NS)
    name = c_nv.get("name", "") if c_nv is not None else ""
    off, ext = el.find("p:spPr/a:xfrm/a:off", NS), el.find("p:spPr/a:xfrm/a:ext", NS)
    box = None
    if off is not None and ext is not None:
        box = tuple(_int(x.get(k)) for x, k in ((off, "x"), (off, "y"), (ext, "cx"), (ext, "cy")))
    body_pr = el.find("p:txBody/a:bodyPr", NS)
    anchor = insets = None
    if body_pr is not None:
        anchor = _ANCHORS.get(body_pr.get("anchor", ""))
        sides = [body_pr.get(f"{s}Ins") for s in "ltrb"]
        if any(s is not None for s in sides):
            insets = tuple(_int(s) if s is not None else d for s, d in zip(sides, DEFAULT_INSETS))
    return _Raw(ph_type, idx, name, box, anchor, insets, _levels(el.find("p:txBody/a:lstStyle", NS)))


def _int(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return 0


def _levels(style: etree._Element | None) -> tuple[dict, ...]:
    """Return the nine list levels of a text style or list style as dicts of what they set."""
    out = []
    for n in range(1, 10):
        lvl = style.find(f"a:lvl{n}pPr", NS) if style is not None else None
        out.append(_level(lvl) if lvl is not None else {})
    return tuple(out)


def _level(lvl: etree._Element) -> dict:
    got: dict = {}
    if lvl.get("marL") is not None:
        got["margin"] = _int(lvl.get("marL"))
    if lvl.get("indent") is not None:
        got["indent"] = _int(lvl.get("indent"))
    if lvl.get("algn") in _ALIGN:
        got["align"] = _ALIGN[lvl.get("algn")]
    if lvl.find("a:buNone", NS) is not None:
        got["bullet"] = None
    char = lvl.find("a:buChar", NS)
    if char is not None:
        got["bullet"] = char.get("char", "\u2022")
    rpr = lvl.find("a:defRPr", NS)
    if rpr is not None:
        if rpr.get("sz"):
            got["size"] = _int(rpr.get("sz")) * 127
        for attr, key in (("b", "bold"), ("i", "italic")):
            if rpr.get(attr) is not None:
                got[key] = rpr.get(attr) in ("1", "true")
        scheme = rpr.find("a:solidFill/a:schemeClr", NS)
        if scheme is not None and scheme.get("val") in _SCHEME_ROLES:
            got["color"] = _SCHEME_ROLES[scheme.get("val")]
        elif rpr.find("a:solidFill", NS) is not None:
            got["color"] = None  # a literal colour: deck writes its own where the text needs one
        latin = rpr.find("a:latin", NS)
        if latin is not None and latin.get("typeface", "").startswith("+mj"):
            got["font"] = "heading"
        elif latin is not None and latin.get("typeface", "").startswith("+mn"):
            got["font"] = "body"
        elif latin is not None:
            got["font"] = None  # a named face: deck writes its own font where it sets one
    return got


def _merge(under: tuple[dict, ...], over: tuple[dict, ...]) -> tuple[dict, ...]:
    return tuple({**u, **o} for u, o in zip(under, over))


def _finished(levels: tuple[dict, ...], font: str) -> tuple[Level, ...]:
    """Return dict levels as Levels: what a level leaves unset takes PowerPoint's default
    (18 pt, left, no bullet, text colour); unknown line pitch and space before are -1, so
    that a slide always states its own."""
    out = []
    for d in levels:
        out.append(
            Level(
                role=None,
                size=d.get("size") or 18 * 12700,
                line_pitch=-1,
                space_before=-1,
                margin=d.get("margin", 0),
                indent=d.get("indent", 0),
                bullet=d.get("bullet"),
                bullet_color=None,
                align=d.get("align", "left"),
                font=d.get("font") or "",
                color=d.get("color") or "",
                bold=d.get("bold", False),
                italic=d.get("italic", False),
            )
        )
    return tuple(out)


def _placeholder(raw: _Raw, parent: _Raw | None, base: tuple[dict, ...], font: str) -> Placeholder:
    box = raw.box or (parent.box if parent else None) or (0, 0, 0, 0)
    anchor = raw.anchor or (parent.anchor if parent else None) or ("middle" if raw.type in _TITLES else "top")
    insets = raw.insets or (parent.insets if parent else None) or DEFAULT_INSETS
    inset = insets[0] if len(set(insets)) == 1 else -1  # -1: the sides differ (Template.insets has them)
    levels = () if raw.type == "pic" else _finished(_merge(base, raw.levels), font)
    return Placeholder(raw.type, raw.idx, raw.name, *box, anchor, inset, levels)


def _scheme(theme: etree._Element) -> tuple[dict[str, str], dict[str, str]]:
    """Return the theme part's colour scheme (slot → RRGGBB) and font scheme."""
    colors: dict[str, str] = {}
    scheme = theme.find("a:themeElements/a:clrScheme", NS)
    for slot in scheme if scheme is not None else ():
        if not isinstance(slot.tag, str):
            continue
        name = etree.QName(slot).localname
        srgb, system = slot.find("a:srgbClr", NS), slot.find("a:sysClr", NS)
        value = srgb.get("val") if srgb is not None else system.get("lastClr") if system is not None else None
        if value and len(value) == 6:
            colors[name] = value.upper()
    fonts = {}
    for key, tag in (("major", "a:majorFont"), ("minor", "a:minorFont")):
        font = theme.find(f"a:themeElements/a:fontScheme/{tag}", NS)
        latin = font.find("a:latin", NS) if font is not None else None
        ea = font.find("a:ea", NS) if font is not None else None
        fonts[key] = latin.get("typeface", "") if latin is not None else ""
        fonts[f"{key}_ea"] = ea.get("typeface", "") if ea is not None else ""
        if font is not None:
            hans = font.find("a:font[@script='Hans']", NS)
            if not fonts[f"{key}_ea"] and hans is not None:
                fonts[f"{key}_ea"] = hans.get("typeface", "")
    return colors, fonts

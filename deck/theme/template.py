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

Reading never raises for a bad file: `read_template` returns the problems it found as
(code, message) pairs, and None when the file cannot serve as a template.
"""

from __future__ import annotations

import hashlib
import posixpath
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # lxml is imported when a template is read: a build without one never loads it
    from lxml import etree

from deck.frozen import frozen
from deck.theme.model import Layout, Master
from deck.theme.placeholders import (
    DEFAULT_INSETS,
    FOOTERS,
    TITLES,
    finished,
    levels,
    master_kind,
    merge,
    pictures,
    placeholder,
    placeholders,
    scheme,
    shape,
    size_hints,
)

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
MAX_BYTES = 64 * 1024 * 1024  # a template's parts, uncompressed, read at most


@frozen
class Part:
    """A part the output copies: its name, content type, bytes and relationships part."""

    name: str
    content_type: str
    blob: bytes
    rels: bytes | None


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
    insets: dict[tuple[str, int, str], tuple[int, int, int, int]]
    parts: tuple[Part, ...]
    theme_part: str
    size_hints: dict[str, int]  # 'title', 'body' → EMU, where the master states no text style sizes
    art: tuple[tuple[int, int, int, int], ...] = ()  # x, y, w, h of the master's pictures (logos)

    def role_color(self, slot: str) -> str:
        """Return the colour (RRGGBB) of colour-map name or scheme slot `slot`."""
        return self.colors[self.color_map.get(slot, slot)]


def _unhung(name: str, blob: bytes) -> bytes:
    """Return a master's or layout's XML with hanging punctuation turned off: deck measures
    lines without it (a full-width comma hung past the line's end would leave its box);
    every other part as it is."""
    if name.startswith(("ppt/slideMasters/", "ppt/slideLayouts/")) and name.endswith(".xml"):
        return blob.replace(b'hangingPunct="1"', b'hangingPunct="0"')
    return blob


def _sized(*styles: tuple[dict, ...]) -> bool:
    return any("size" in level for style in styles for level in style)


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
        chosen = self._used_master(pres, rels, masters)
        if len(masters) > 1:
            which = "the one its first slide uses" if chosen != masters[0] else "the first"
            self.warnings.append(("T137", f"has {len(masters)} slide masters; deck uses {which}, `{chosen}`"))
        return self._master(chosen, width, height)

    def _used_master(self, pres: etree._Element, rels: dict, masters: list[str]) -> str:
        """Return the master the template's first slide is laid on, else its first master."""
        first = pres.find("p:sldIdLst/p:sldId", NS)
        slide = rels.get(first.get(f"{{{NS['r']}}}id")) if first is not None else None
        if slide is None:
            return masters[0]
        layout = next((t for k, t in self._rels(slide[1]).values() if k == _RT + "slideLayout"), None)
        master = next((t for k, t in self._rels(layout).values() if k == _RT + "slideMaster"), None) if layout else None
        return master if master in masters else masters[0]

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
        from lxml import etree

        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        if name not in self.names:
            raise _Bad("T131", f"lacks its part `{name}`")
        try:
            return etree.fromstring(self.zip.read(name), parser)
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
            Part(
                n,
                self.content_type(n),
                _unhung(n, self.zip.read(n)),
                self.zip.read(rels[n]) if rels[n] in self.names else None,
            )
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
        title_style = levels(styles.find("p:titleStyle", NS) if styles is not None else None)
        body_style = levels(styles.find("p:bodyStyle", NS) if styles is not None else None)
        other_style = levels(styles.find("p:otherStyle", NS) if styles is not None else None)
        master_shapes = [shape(sp) for sp in placeholders(root)]
        insets: dict[tuple[str, int, str], tuple[int, int, int, int]] = {}
        master_phs = []
        for raw in master_shapes:
            base = title_style if raw.type in TITLES else other_style if raw.type in FOOTERS else body_style
            master_phs.append(placeholder(raw, None, base, "heading" if raw.type in TITLES else "body"))
            insets[("", master_phs[-1].idx, raw.type)] = raw.insets or DEFAULT_INSETS
        by_kind = {master_kind(r.type): r for r in reversed(master_shapes)}
        layouts, names, duplicated, kept = [], {}, {}, []
        for n, lp in enumerate(layout_parts, 1):
            lroot = self._xml(lp)
            if any(ph.get("orient") == "vert" for ph in lroot.iterfind(".//p:nvPr/p:ph", NS)):
                continue  # vertical text (Title and Vertical Text …): never a slide's layout
            kept.append(lp)
            csld = lroot.find("p:cSld", NS)
            name = (csld.get("name") if csld is not None else "") or f"Layout {n}"
            if name in names:
                names[name] += 1
                name = f"{name} ({names[name]})"
            names.setdefault(name, 1)
            phs, idxs = [], {}
            for raw in (shape(sp) for sp in placeholders(lroot)):
                # PowerPoint finds a slide's placeholder by idx (idx 0 also by type: a title)
                key = (raw.idx, master_kind(raw.type) if raw.idx == 0 else "")
                if key in idxs:
                    duplicated.setdefault(name, raw.idx)
                    continue
                idxs[key] = raw.type
                parent = by_kind.get(master_kind(raw.type))
                base = title_style if raw.type in TITLES else other_style if raw.type in FOOTERS else body_style
                if parent is not None:
                    base = merge(base, parent.levels)
                ph = placeholder(raw, parent, base, "heading" if raw.type in TITLES else "body")
                if ph.w <= 0 or ph.h <= 0:
                    continue
                phs.append(ph)
                insets[(name, ph.idx, ph.type)] = raw.insets or (parent.insets if parent else None) or DEFAULT_INSETS
            layouts.append(Layout(name, lroot.get("type", "cust"), tuple(phs)))
        if duplicated:
            shown = ", ".join(f"`{n}` (idx {i})" for n, i in list(duplicated.items())[:4])
            more = f" and {len(duplicated) - 4} more" if len(duplicated) > 4 else ""
            self.warnings.append(
                ("T136", f"numbers two placeholders of a layout alike in {shown}{more}; deck fills only the first")
            )
        if not any(p.type in TITLES for layout in layouts for p in layout.placeholders):
            raise _Bad("T134", "has no title placeholder on any layout; deck puts every slide's title in one")
        theme = self._xml(theme_part)
        colors, fonts = scheme(theme)
        cmap = root.find("p:clrMap", NS)
        color_map = dict(cmap.attrib) if cmap is not None else {}
        master = Master(
            tuple(p for p in master_phs if p.w > 0 and p.h > 0),
            finished(title_style, "heading")[0],
            finished(body_style, "body"),
            finished(other_style, "body")[0],
            tuple(layouts),
        )
        return Template(
            self.path,
            hashlib.sha256(self.data).hexdigest()[:16],
            width,
            height,
            master,
            part,
            tuple(kept),
            colors,
            color_map,
            fonts,
            insets,
            self._copied([part, *layout_parts]),
            theme_part,
            {} if _sized(title_style, body_style) else size_hints(root),
            pictures(root),
        )

"""Company templates for the tests: the real ones committed under tests/templates/ and hostile
ones built here from python-pptx's default template (renumbered placeholders, layouts renamed
in German and Chinese, no Two Content, a logo on the master, the .potx content type, an odd
slide size, and broken files), each a function writing a .pptx."""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pptx
from lxml import etree

HERE = Path(__file__).parent / "templates"
PYTHON_PPTX = Path(pptx.__file__).parent / "templates" / "default.pptx"
REAL = {
    "python-pptx": PYTHON_PPTX,
    "pandoc": HERE / "pandoc-reference.pptx",  # pandoc --print-default-data-file reference.pptx
    "lo-focus": HERE / "Focus.pptx",  # LibreOffice's Focus.otp, soffice --convert-to pptx
    "lo-blue-curve": HERE / "Blue_Curve.pptx",
    "lo-beehive": HERE / "Beehive.pptx",
}
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
LAYOUT = "ppt/slideLayouts/slideLayout{}.xml"  # python-pptx's: 1 Title Slide, 2 Title and Content,
# 3 Section Header, 4 Two Content, 5 Comparison, 6 Title Only, 7 Blank, 8 Content with Caption,
# 9 Picture with Caption, 10 Title and Vertical Text, 11 Vertical Title and Text
MASTER = "ppt/slideMasters/slideMaster1.xml"


def edited(target: Path, edit: Callable[[dict[str, bytes]], None], source: Path = PYTHON_PPTX) -> Path:
    """Write `source` with its parts changed by `edit` (a dict of name → bytes) to `target`."""
    with zipfile.ZipFile(source) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    edit(parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, blob in parts.items():
            z.writestr(name, blob)
    target.write_bytes(out.getvalue())
    return target


def _sub(parts: dict[str, bytes], name: str, old: str, new: str, count: int = 0) -> None:
    text = parts[name].decode()
    assert old in text, (name, old)
    parts[name] = text.replace(old, new, count or -1).encode()


def renumbered(target: Path) -> Path:
    """Body placeholders numbered 13, 14/15 and 4/13/14/15, as real templates do."""

    def edit(parts):
        _sub(parts, LAYOUT.format(2), 'idx="1"', 'idx="13"')
        _sub(parts, LAYOUT.format(4), 'idx="2"', 'idx="15"')
        _sub(parts, LAYOUT.format(4), 'idx="1"', 'idx="14"')
        for old, new in (("4", "15"), ("3", "14"), ("2", "13"), ("1", "4")):
            _sub(parts, LAYOUT.format(5), f'idx="{old}"', f'idx="{new}"')

    return edited(target, edit)


RENAMED = {
    1: "标题幻灯片",
    2: "Titel und Inhalt",
    3: "Abschnittsüberschrift",
    4: "Zwei Inhalte",
    5: "比较",
    6: "Nur Titel",
    7: "Leer",
}


def renamed(target: Path) -> Path:
    """Layouts named in German and Chinese."""

    def edit(parts):
        for n, name in RENAMED.items():
            parts[LAYOUT.format(n)] = re.sub(
                rb'<p:cSld name="[^"]*"', f'<p:cSld name="{name}"'.encode(), parts[LAYOUT.format(n)]
            )

    return edited(target, edit)


def without_layouts(target: Path, numbers: tuple[int, ...]) -> Path:
    """The template with layouts `numbers` taken off its master."""

    def edit(parts):
        rels = etree.fromstring(parts["ppt/slideMasters/_rels/slideMaster1.xml.rels"])
        gone = {}
        for rel in list(rels):
            m = re.search(r"slideLayout(\d+)\.xml$", rel.get("Target"))
            if m and int(m.group(1)) in numbers:
                gone[rel.get("Id")] = True
                rels.remove(rel)
        parts["ppt/slideMasters/_rels/slideMaster1.xml.rels"] = etree.tostring(rels)
        master = etree.fromstring(parts[MASTER])
        for el in master.iter(f"{{{P}}}sldLayoutId"):
            if el.get(f"{{{R}}}id") in gone:
                el.getparent().remove(el)
        parts[MASTER] = etree.tostring(master)

    return edited(target, edit)


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A plain PNG of one colour."""
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


LOGO_RGB = (200, 30, 90)


LOGO_BOX = (8_000_000, 100_000, 900_000, 450_000)  # x, y, w, h of with_logo's picture (top right)
BODY_LOGO_BOX = (7_500_000, 5_500_000, 1_100_000, 550_000)  # logo_in_body's: the body's bottom right


def with_logo(target: Path, box: tuple[int, int, int, int] = LOGO_BOX) -> Path:
    """A logo picture on the slide master (top right, or at `box`), with its image part."""

    def edit(parts):
        parts["ppt/media/logo1.png"] = png(40, 20, LOGO_RGB)
        _sub(
            parts,
            "[Content_Types].xml",
            "<Default ",
            '<Default Extension="png" ContentType="image/png"/><Default ',
            1,
        )
        _sub(
            parts,
            "ppt/slideMasters/_rels/slideMaster1.xml.rels",
            "</Relationships>",
            f'<Relationship Id="rIdLogo" Type="{R}/image" Target="../media/logo1.png"/></Relationships>',
        )
        pic = (
            '<p:pic><p:nvPicPr><p:cNvPr id="99" name="Company Logo" descr="Company logo"/><p:cNvPicPr/><p:nvPr/>'
            '</p:nvPicPr><p:blipFill><a:blip r:embed="rIdLogo"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
            f'<p:spPr><a:xfrm><a:off x="{box[0]}" y="{box[1]}"/><a:ext cx="{box[2]}" cy="{box[3]}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>'
        )
        _sub(parts, MASTER, "</p:spTree>", pic + "</p:spTree>", 1)

    return edited(target, edit)


def dark(target: Path) -> Path:
    """A dark master: its colour map puts the background on dk1 and the text on lt1."""

    def edit(parts):
        _sub(parts, MASTER, 'bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2"', 'bg1="dk1" tx1="lt1" bg2="dk2" tx2="lt2"')

    return edited(target, edit)


def as_potx(target: Path) -> Path:
    """The template's content type (.potx) for the presentation part."""

    def edit(parts):
        _sub(parts, "[Content_Types].xml", "presentationml.presentation.main+xml", "presentationml.template.main+xml")

    return edited(target, edit)


def sized(target: Path, cx: int, cy: int) -> Path:
    """Slides of `cx` × `cy` EMU."""

    def edit(parts):
        parts["ppt/presentation.xml"] = re.sub(
            rb"<p:sldSz [^>]*/>", f'<p:sldSz cx="{cx}" cy="{cy}"/>'.encode(), parts["ppt/presentation.xml"]
        )

    return edited(target, edit)


def no_master(target: Path) -> Path:
    def edit(parts):
        parts["ppt/presentation.xml"] = re.sub(
            rb"<p:sldMasterIdLst>.*?</p:sldMasterIdLst>", b"", parts["ppt/presentation.xml"], flags=re.S
        )

    return edited(target, edit)


def no_layouts(target: Path) -> Path:
    return without_layouts(target, tuple(range(1, 12)))


def no_title(target: Path) -> Path:
    """No title placeholder on any layout (nor on the master)."""

    def edit(parts):
        for name in [MASTER] + [LAYOUT.format(n) for n in range(1, 12)]:
            root = etree.fromstring(parts[name])
            for ph in list(root.iter(f"{{{P}}}ph")):
                if ph.get("type") in ("title", "ctrTitle"):
                    sp = next(a for a in ph.iterancestors() if a.tag == f"{{{P}}}sp")
                    sp.getparent().remove(sp)
            parts[name] = etree.tostring(root)

    return edited(target, edit)


WIDE_INSETS = (1_371_600, 91_440, 914_400, 228_600)  # l, t, r, b of wide_insets' content placeholder


def wide_insets(target: Path) -> Path:
    """Title and Content's body placeholder with insets of its own, unlike on every side."""

    def edit(parts):
        name = LAYOUT.format(2)
        text = parts[name].decode()
        at = text.index('name="Content Placeholder 2"')
        l, t, r, b = WIDE_INSETS
        body = f'<a:bodyPr lIns="{l}" tIns="{t}" rIns="{r}" bIns="{b}"/>'
        parts[name] = (text[:at] + text[at:].replace("<a:bodyPr/>", body, 1)).encode()

    return edited(target, edit)


def not_a_presentation(target: Path) -> Path:
    """A zip that is a Word document."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{R}/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        z.writestr("word/document.xml", "<w:document xmlns:w='urn:x'/>")
    target.write_bytes(out.getvalue())
    return target


def not_a_zip(target: Path) -> Path:
    target.write_bytes(b"This is a text file named like a template.\n")
    return target


HOSTILE = {
    "renumbered": renumbered,
    "renamed": renamed,
    "no-two-content": lambda p: without_layouts(p, (4, 5)),
    "logo": with_logo,
    "logo-in-body": lambda p: with_logo(p, BODY_LOGO_BOX),
    "potx": as_potx,
    "16-9": lambda p: sized(p, 12_192_000, 6_858_000),
    "dark": dark,
    "wide-insets": wide_insets,
}
CORPUS = sorted(REAL) + sorted(HOSTILE)  # the templates every talk is built on


def template_file(name: str, folder: Path) -> Path:
    """Return corpus template `name` (a real one or a hostile one) copied or built into `folder`."""
    if name in REAL:
        target = folder / f"{name}.pptx"
        target.write_bytes(REAL[name].read_bytes())
        return target
    suffix = ".potx" if name == "potx" else ".pptx"
    return HOSTILE[name](folder / f"{name}{suffix}")

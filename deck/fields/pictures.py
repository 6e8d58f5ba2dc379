"""Pictures named by an outline: resolved safely inside its folder and checked by opening them."""

from __future__ import annotations

import re
import struct
import warnings
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from deck.fields.base import INVALID, Ctx
from deck.fields.scalars import Text
from deck.problems import Where, cut
from deck.source import paths
from deck.source.located import Node
from deck.source.paths import find_inside

SUPPORTED = ("PNG", "JPEG", "GIF", "BMP")
MAX_BYTES = 50_000_000
MAX_PIXELS = 60_000_000  # decoded, that is 240 MB; a 4K photo has 8.3 million
_ROTATED = {5, 6, 7, 8}  # EXIF orientations that swap width and height
# What a file that is not one of SUPPORTED most likely is, by its first bytes, and what to do.
_SNIFF = (
    (
        re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg", re.S | re.I),
        "an SVG drawing",
        "convert it to PNG (e.g. `rsvg-convert -w 2560 in.svg -o out.png`, or export from your editor)",
    ),
    (re.compile(rb"^%PDF-"), "a PDF", "convert the page to PNG (e.g. `pdftoppm -png -r 300 -singlefile in.pdf out`)"),
    (re.compile(rb"^%!PS"), "a PostScript/EPS file", "convert it to PNG"),
    (re.compile(rb"^RIFF....WEBP", re.S), "a WebP picture", "convert it to PNG or JPEG"),
    (re.compile(rb"^....ftyp(heic|heix|mif1|avif)", re.S), "a HEIC/AVIF picture", "convert it to JPEG"),
    (re.compile(rb"^(II\*\0|MM\0\*)"), "a TIFF picture", "convert it to PNG"),
)


@dataclass
class ImagePath(Text):
    """A picture's path, relative to the outline; reads as `(resolved path, (w, h) pixels)`
    after `read_image`'s checks (needs `ctx.folder`)."""

    doc: str = "a path relative to the outline"
    max_chars: int = 500

    def read(self, node: Node, ctx: Ctx) -> Any:
        text = super().read(node, ctx)
        if text is INVALID:
            return INVALID
        return read_image(ctx.folder or Path.cwd(), text if isinstance(text, str) else str(text), node.where, ctx)

    def schema(self) -> dict:
        return {**super().schema(), "type": "string", "pattern": r"^(?![/\\]|[A-Za-z]:)\S"}


def read_image(folder: Path, rel: str, where: Where, ctx: Ctx) -> Any:
    """Return `(resolved path, (width, height) in pixels after EXIF rotation)` or INVALID.

    The path must be relative and stay inside `folder` after resolving `..` and symlinks; the
    file must open (by its content, not its name) as PNG, JPEG, GIF or BMP within MAX_BYTES and
    MAX_PIXELS.
    """
    shown = cut(rel)
    found = find_inside(folder, rel)
    if found.refused == paths.URL:
        return ctx.error(
            where,
            "P101",
            f"image path `{shown}` is a web address; deck does not download pictures: save "
            "it into the outline's folder (e.g. `assets/`) and name it from there",
        )
    if found.refused == paths.ABSOLUTE:
        return ctx.error(
            where,
            "P102",
            f"image path `{shown}` is absolute; write it relative to the outline's folder, e.g. `assets/figure.png`",
        )
    if found.refused == paths.BACKSLASH:
        return ctx.error(
            where,
            "P103",
            f"image path `{shown}` uses `\\`; write it with `/` (e.g. `assets/figure.png`), "
            "which works on every system",
        )
    if found.refused == paths.UNFOLLOWABLE:  # a symlink loop, a name too long for the system
        return ctx.error(
            where,
            "P104",
            f"image path `{shown}` cannot be followed ({cut(found.detail, 60)}); "
            "name a picture file inside the outline's folder",
        )
    if found.refused == paths.OUTSIDE:
        return ctx.error(
            where,
            "P105",
            f"image path `{shown}` leads outside the outline's folder; copy the "
            "picture into the folder (e.g. `assets/`) and name it from there",
        )
    if found.refused == paths.MISSING:
        return ctx.error(
            where,
            "P106",
            f"no picture at `{shown}`; check the name, and that the path is relative to the outline's folder",
        )
    return _open(found.path, shown, where, ctx)


def _open(path: Path, shown: str, where: Where, ctx: Ctx) -> Any:
    from PIL import Image, UnidentifiedImageError

    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return ctx.error(
                where,
                "P107",
                f"`{shown}` is {size:,} bytes, more than the {MAX_BYTES:,} a picture may "
                "have; export a smaller PNG or JPEG",
            )
        with path.open("rb") as handle:
            head = handle.read(512)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path, formats=SUPPORTED) as img:
                fmt = img.format or ""
                width, height = img.size
                if width * height > MAX_PIXELS:
                    return _too_many_pixels(f"{width}×{height} pixels", shown, where, ctx)
                orientation = img.getexif().get(0x0112, 1) if fmt == "JPEG" else 1
                _decode(img, fmt)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return _too_many_pixels("over 89 million pixels", shown, where, ctx)
    except UnidentifiedImageError:
        kind, fix = next(
            ((k, f) for pattern, k, f in _SNIFF if pattern.match(head)),
            ("not a picture deck can read", "use PNG or JPEG"),
        )
        what = f"is {kind}" if kind.startswith("a") else f"is {kind} (whatever its name says)"
        return ctx.error(where, "P109", f"`{shown}` {what}; {fix}")
    except (OSError, ValueError, SyntaxError, EOFError, zlib.error) as exc:  # a damaged file
        return ctx.error(
            where, "P110", f"`{shown}` cannot be read as a picture ({cut(exc, 80)}); re-export it as PNG or JPEG"
        )
    if fmt not in SUPPORTED:  # Pillow's JPEG plugin opens multi-picture files as MPO
        return ctx.error(where, "P111", f"`{shown}` is a {fmt or 'unknown'} picture; save it as a plain PNG or JPEG")
    if orientation in _ROTATED:
        width, height = height, width
    return path, (width, height)


def _decode(img, fmt: str) -> None:
    """Read the picture's data through, so a damaged file fails here, located, and not when the
    deck is rendered. Raises Pillow's or zlib's error. A PNG's data is inflated and thrown away
    (its checksums checked too); a JPEG is decoded at 1/8 scale; GIF and BMP are decoded."""
    if fmt == "PNG":
        data = Path(img.filename).read_bytes()
        img.verify()
        inflate, pos, size = zlib.decompressobj(), 8, 0
        while pos + 8 <= len(data):
            length, kind = struct.unpack(">I4s", data[pos : pos + 8])
            if kind == b"IDAT":
                chunk = data[pos + 8 : pos + 8 + length]
                while chunk:
                    size += len(inflate.decompress(chunk, 1 << 20))
                    chunk = inflate.unconsumed_tail
            pos += 12 + length
        if size < _png_data_size(*struct.unpack(">IIBBxxB", data[16:29])):
            raise OSError("its picture data is cut short")
        return
    if fmt == "JPEG":
        img.draft("RGB", (max(1, img.size[0] // 8), max(1, img.size[1] // 8)))
    img.load()


def _png_data_size(width: int, height: int, depth: int, colour: int, interlaced: int) -> int:
    """Bytes a PNG's data inflates to: each row (of each Adam7 pass) a filter byte and its pixels."""
    bits = depth * {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}.get(colour, 1)
    passes = (
        ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2))
        if interlaced
        else ((0, 0, 1, 1),)
    )
    total = 0
    for x0, y0, dx, dy in passes:
        w, h = (width - x0 + dx - 1) // dx, (height - y0 + dy - 1) // dy
        total += h * (1 + (w * bits + 7) // 8) if w > 0 and h > 0 else 0
    return total


def _too_many_pixels(what: str, shown: str, where: Where, ctx: Ctx) -> Any:
    return ctx.error(
        where,
        "P108",
        f"`{shown}` claims {what}, more than the {MAX_PIXELS:,} a picture may have "
        "(a decompression bomb?); scale it down, e.g. to 2560 pixels across",
    )

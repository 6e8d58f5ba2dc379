"""Pictures named by an outline: resolved safely inside its folder and checked by opening them."""

from __future__ import annotations

import re
import struct
import warnings
import zlib
from pathlib import Path

from deck.fields.base import INVALID, Ctx
from deck.fields.scalars import Text
from deck.frozen import frozen
from deck.problems import Where, cut
from deck.source import paths
from deck.source.located import Node
from deck.source.paths import find_inside

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any

SUPPORTED = ("PNG", "JPEG", "GIF", "BMP")
MAX_BYTES = 50_000_000
MAX_PIXELS = 60_000_000  # decoded, that is 240 MB; a 4K photo has 8.3 million
_ROTATED = {5, 6, 7, 8}  # EXIF orientations that swap width and height
_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")  # how PNG, JPEG and GIF begin
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


@frozen
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
    path = found.path
    try:
        stat = path.stat()
    except OSError as exc:  # removed or made unreadable since it was found
        return ctx.error(
            where, "P110", f"`{shown}` cannot be read as a picture ({cut(exc.strerror or exc, 60)}); check the file"
        )
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key not in ctx.pictures:  # each picture is opened and decoded once per build, however often it is used
        ctx.pictures[key] = _open(path, stat.st_size)
    opened = ctx.pictures[key]
    if isinstance(opened, _Refused):
        return ctx.error(where, opened.code, f"`{shown}` {opened.text}")
    return opened


@frozen
class _Refused:
    """Why a picture file cannot be used: a code and the message after the picture's name."""

    code: str
    text: str


def _open(path: Path, size: int) -> tuple[Path, tuple[int, int]] | _Refused:
    """Return `(path, (width, height))` of the picture at `path` (`size` bytes), after decoding
    all of it, or why it is refused."""
    from PIL import Image, UnidentifiedImageError

    if size > MAX_BYTES:
        return _Refused(
            "P107", f"is {size:,} bytes, more than the {MAX_BYTES:,} a picture may have; export a smaller PNG or JPEG"
        )
    try:
        with path.open("rb") as handle:
            head = handle.read(512)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path, formats=SUPPORTED) as img:
                fmt = img.format or ""
                width, height = img.size
                if width * height > MAX_PIXELS:
                    return _too_many_pixels(f"{width}×{height} pixels")
                orientation = img.getexif().get(0x0112, 1) if fmt == "JPEG" else 1
                _decode(img, fmt, path)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return _too_many_pixels("over 89 million pixels")
    except UnidentifiedImageError:
        if head.startswith(_SIGNATURES):  # one of ours, but Pillow could not read its header
            return _Refused("P110", "cannot be read as a picture (its header is damaged); re-export it as PNG or JPEG")
        kind, fix = next(
            ((k, f) for pattern, k, f in _SNIFF if pattern.match(head)),
            ("not a picture deck can read", "use PNG or JPEG"),
        )
        what = f"is {kind}" if kind.startswith("a") else f"is {kind} (whatever its name says)"
        return _Refused("P109", f"{what}; {fix}")
    except (OSError, ValueError, SyntaxError, EOFError, zlib.error) as exc:  # a damaged file
        return _Refused("P110", f"cannot be read as a picture ({cut(exc, 80)}); re-export it as PNG or JPEG")
    if fmt not in SUPPORTED:  # Pillow's JPEG plugin opens multi-picture files as MPO
        return _Refused("P111", f"is a {fmt or 'unknown'} picture; save it as a plain PNG or JPEG")
    if orientation in _ROTATED:
        width, height = height, width
    return path, (width, height)


def _decode(img, fmt: str, path: Path) -> None:
    """Read the picture's data through, so a damaged file fails here, located, and not when the
    deck is rendered. Raises Pillow's, zlib's or our OSError. A PNG's chunks are walked once:
    every checksum checked, its data inflated (and thrown away) and measured. A JPEG's scans are
    measured against the size its header claims, then it is decoded whole, as GIF and BMP are."""
    if fmt == "PNG":
        _check_png(path.read_bytes())
        return
    if fmt == "JPEG":
        _check_jpeg(path.read_bytes())
    img.load()


_CHUNK_HEAD, _CHECKSUM = struct.Struct(">I4s"), struct.Struct(">I")


def _check_png(data: bytes) -> None:
    """Raise OSError if a chunk's checksum is wrong, the file ends before its last chunk, or its
    picture data inflates to less than its size needs."""
    view, inflate, pos, size, n = memoryview(data), zlib.decompressobj(), 8, 0, len(data)
    head, checksum, crc32 = _CHUNK_HEAD.unpack_from, _CHECKSUM.unpack_from, zlib.crc32
    while True:
        if pos + 12 > n:
            raise OSError("the file is cut short")
        length, kind = head(data, pos)
        end = pos + 8 + length
        if end + 4 > n:
            raise OSError("the file is cut short")
        if crc32(view[pos + 4 : end]) != checksum(data, end)[0]:
            raise OSError(f"the checksum of its {kind.decode('latin-1')!r} chunk is wrong")
        if kind == b"IDAT":
            chunk = view[pos + 8 : end]
            while chunk:
                size += len(inflate.decompress(chunk, 1 << 20))
                chunk = inflate.unconsumed_tail
        elif kind == b"IEND":
            break
        pos = end + 4
    if size < _png_data_size(*struct.unpack(">IIBBxxB", data[16:29])):
        raise OSError("its picture data is cut short")


_MARKER = re.compile(rb"\xff(?![\x00\xd0-\xd7])")  # in a scan's data, where the next marker starts
_HUFFMAN_FRAMES = {0xC0, 0xC1, 0xC2}  # baseline, extended and progressive DCT with Huffman coding
_OTHER_FRAMES = {0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}  # lossless, hierarchical, arithmetic


def _check_jpeg(data: bytes) -> None:
    """Raise OSError when a JPEG's scans hold less data than the size its header claims needs.

    libjpeg fills the part of a picture its data does not reach with grey, without an error, so
    a 16×16 picture whose header says 7000×8000 would decode. In a Huffman-coded JPEG each 8×8
    block of a scan that codes DC coefficients (every picture has one) takes at least one bit,
    so such a scan holds at least one byte per 8 blocks. Other codings are not measured.
    """
    frame = None  # (width, height, {component: (h, v)}) of the picture
    pos, n = 2, len(data)
    while pos + 4 <= n:
        if data[pos] != 0xFF:  # stray bytes between segments: libjpeg skips them, so do we
            pos = data.find(b"\xff", pos)
            if pos < 0:
                return
            continue
        marker = data[pos + 1]
        if marker == 0xFF or marker == 0x01 or 0xD0 <= marker <= 0xD8:  # fill byte, markers without a length
            pos += 1 if marker == 0xFF else 2
            continue
        if marker == 0xD9:  # the end of the picture
            return
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        segment = data[pos + 4 : pos + 2 + length]
        pos += 2 + length
        if marker in _OTHER_FRAMES:
            return
        if marker in _HUFFMAN_FRAMES and len(segment) >= 6:
            height, width = struct.unpack_from(">HH", segment, 1)
            parts = segment[6 : 6 + 3 * segment[5]]
            frame = (
                width,
                height,
                {parts[i]: (parts[i + 1] >> 4, parts[i + 1] & 15) for i in range(0, len(parts) - 2, 3)},
            )
        if marker == 0xDA and segment:
            scan = [segment[1 + 2 * i] for i in range(segment[0]) if 1 + 2 * i < len(segment)]
            ends = _MARKER.search(data, pos)
            stop = ends.start() if ends else n
            first = segment[1 + 2 * segment[0]] if 1 + 2 * segment[0] < len(segment) else 1
            if frame and first == 0 and (stop - pos) * 8 < _blocks(frame, scan):
                raise OSError(f"its header claims {frame[0]}×{frame[1]} pixels, but its data holds far fewer")
            pos = stop


def _blocks(frame: tuple[int, int, dict[int, tuple[int, int]]], scan: list[int]) -> int:
    """Return the 8×8 blocks a scan of components `scan` codes in a picture of `frame`."""
    width, height, sampling = frame
    hmax = max((h for h, _ in sampling.values()), default=1) or 1
    vmax = max((v for _, v in sampling.values()), default=1) or 1
    factors = [sampling.get(c, (1, 1)) for c in scan]
    if len(factors) == 1:  # one component: its own blocks, not whole units of all components
        h, v = factors[0]
        return _up(_up(width * h, hmax), 8) * _up(_up(height * v, vmax), 8)
    return _up(width, 8 * hmax) * _up(height, 8 * vmax) * sum(h * v for h, v in factors)


def _up(a: int, b: int) -> int:
    """Return a / b rounded up."""
    return -(-a // b)


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


def _too_many_pixels(what: str) -> _Refused:
    return _Refused(
        "P108",
        f"claims {what}, more than the {MAX_PIXELS:,} a picture may have "
        "(a decompression bomb?); scale it down, e.g. to 2560 pixels across",
    )

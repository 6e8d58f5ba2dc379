"""Pictures as stored in the .pptx: upright, no larger than their box needs, deterministic bytes.

A picture is stored at no more than PIXELS_PER_INCH across its largest box on the slide:
twice 96 dpi, so it stays sharp on a HiDPI screen or a 4K projector, and a picture that fills
a 16:9 slide (13.33 in) keeps 2560 px. A file more than SLACK times larger than that (per
side) is downsampled with Pillow (Lanczos); one within it is stored as it is, byte for byte,
unless it must be turned upright (a JPEG's EXIF orientation, which deck.images already
applied to the size the layout used) or is a BMP (stored as PNG: lossless and far smaller).
Re-encoded pictures carry no metadata but their colour profile: JPEG at JPEG_QUALITY with
optimised Huffman tables, everything else as PNG, so the same file gives the same bytes.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

from deck.frozen import frozen
from deck.units import EMU_PER_INCH

PIXELS_PER_INCH = 192  # 2 × 96 dpi
SLACK = 1.5  # a file up to 1.5× the pixels needed (per side) is kept as it is
JPEG_QUALITY = 90
_CONTENT_TYPES = {"png": "image/png", "jpeg": "image/jpeg", "gif": "image/gif", "bmp": "image/bmp"}
_EXTENSIONS = {"PNG": "png", "JPEG": "jpeg", "GIF": "gif", "BMP": "bmp"}
_ORIENTATION = 0x0112  # the EXIF tag


@frozen
class StoredPicture:
    """A picture's bytes as stored, their extension and content type, and pixel size."""

    blob: bytes
    ext: str
    content_type: str
    size: tuple[int, int]


def needed_pixels(width: int, height: int) -> tuple[int, int]:
    """Return the pixels a box `width` × `height` EMU needs at PIXELS_PER_INCH."""
    return (math.ceil(width * PIXELS_PER_INCH / EMU_PER_INCH), math.ceil(height * PIXELS_PER_INCH / EMU_PER_INCH))


def prepare_picture(path: Path, width: int, height: int) -> StoredPicture:
    """Return the picture at `path` as it is stored for a box of `width` × `height` EMU (its
    largest use): upright, downsampled when far larger than needed, else the file's bytes.

    Raises OSError (or Pillow's errors) if the file cannot be read: deck.images checked it
    when the outline was loaded, so that means it changed since.
    """
    from PIL import Image  # Pillow is imported only for decks with pictures

    data = path.read_bytes()
    with Image.open(io.BytesIO(data)) as img:
        fmt = img.format or ""
        ext = _EXTENSIONS.get(fmt, "png")
        orientation = img.getexif().get(_ORIENTATION, 1) if fmt == "JPEG" else 1
        w, h = img.size
        upright = (h, w) if orientation in (5, 6, 7, 8) else (w, h)
        need_w, need_h = needed_pixels(width, height)
        scale = min(1.0, max(need_w / upright[0], need_h / upright[1]))
        too_big = scale * SLACK < 1
        animated = getattr(img, "n_frames", 1) > 1
        if animated or (not too_big and orientation in (0, 1) and fmt != "BMP"):
            return StoredPicture(data, ext, _CONTENT_TYPES[ext], upright)
        target = (max(1, round(upright[0] * scale)), max(1, round(upright[1] * scale)))
        if too_big and fmt == "JPEG":  # decode at a reduced scale: faster, far less memory
            img.draft(img.mode, (target[1], target[0]) if upright != (w, h) else target)
        icc = img.info.get("icc_profile")
        picture = _upright(img, orientation)
        if too_big:
            picture = _resizable(picture).resize(target, Image.Resampling.LANCZOS)
        return _encode(picture, "jpeg" if fmt == "JPEG" else "png", icc)


def _upright(img, orientation: int):
    """Return `img` turned as its EXIF `orientation` says (2–8), else itself, loaded."""
    from PIL import Image

    ops = {
        2: [Image.Transpose.FLIP_LEFT_RIGHT],
        3: [Image.Transpose.ROTATE_180],
        4: [Image.Transpose.FLIP_TOP_BOTTOM],
        5: [Image.Transpose.TRANSPOSE],
        6: [Image.Transpose.ROTATE_270],
        7: [Image.Transpose.TRANSVERSE],
        8: [Image.Transpose.ROTATE_90],
    }.get(orientation, [])
    img.load()
    for op in ops:
        img = img.transpose(op)
    return img


def _resizable(img):
    """Return `img` in a mode Lanczos resampling supports (palette and 1-bit images
    converted, keeping any transparency)."""
    if img.mode in ("L", "LA", "RGB", "RGBA", "CMYK"):
        return img
    has_alpha = img.mode in ("PA", "La") or "transparency" in img.info
    return img.convert("RGBA" if has_alpha else "RGB")


def _encode(img, ext: str, icc: bytes | None) -> StoredPicture:
    out = io.BytesIO()
    extra = {"icc_profile": icc} if icc else {}
    if ext == "jpeg":
        if img.mode not in ("L", "RGB", "CMYK"):
            img = img.convert("RGB")
        img.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, **extra)
    else:
        img.save(out, "PNG", **extra)  # Pillow writes no time or text chunks unless asked
    return StoredPicture(out.getvalue(), ext, _CONTENT_TYPES[ext], img.size)

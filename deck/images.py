"""Pictures named by an outline: resolved safely inside its folder and checked by opening them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .fields import Ctx
from .problems import Where, cut

SUPPORTED = {"PNG": "PNG", "JPEG": "JPEG", "GIF": "GIF", "BMP": "BMP"}
MAX_BYTES = 50_000_000
MAX_PIXELS = 60_000_000
_ROTATED = {5, 6, 7, 8}  # EXIF orientations that swap width and height


def read_image(folder: Path, rel: str, where: Where, ctx: Ctx) -> Any:
    """Return `(resolved path, (width, height) in pixels after EXIF rotation)` or INVALID.

    The path must stay inside `folder` after resolving `..` and symlinks; the file must open
    as PNG, JPEG, GIF or BMP within the byte and pixel limits.
    """
    if Path(rel).is_absolute() or rel.startswith(("\\\\", "/")) or (len(rel) > 1 and rel[1] == ":"):
        return ctx.error(where, f"image path `{cut(rel)}` is absolute; write it relative to the "
                         "outline's folder, e.g. `assets/figure.png`")
    root = folder.resolve()
    path = (folder / rel).resolve()
    if not path.is_relative_to(root):
        return ctx.error(where, f"image path `{cut(rel)}` leads outside the outline's folder; copy the "
                         "picture into the folder (e.g. `assets/`) and name it from there")
    if not path.is_file():
        return ctx.error(where, f"no picture at `{cut(rel)}`; check the name, and that the path is "
                         "relative to the outline's folder")
    size = path.stat().st_size
    if size > MAX_BYTES:
        return ctx.error(where, f"the picture is {size:,} bytes, more than {MAX_BYTES:,}; export a "
                         "smaller PNG or JPEG")
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as img:
            fmt = img.format or ""
            width, height = img.size
            orientation = img.getexif().get(0x0112, 1) if fmt == "JPEG" else 1
    except UnidentifiedImageError:
        hint = " (an SVG or PDF? convert it to PNG first)" if path.suffix.lower() in (".svg", ".pdf", ".eps") else ""
        return ctx.error(where, f"`{cut(rel)}` is not a picture deck can read{hint}; use PNG or JPEG")
    except (OSError, Image.DecompressionBombError, ValueError) as exc:
        return ctx.error(where, f"`{cut(rel)}` cannot be read as a picture ({cut(exc, 80)}); "
                         "re-export it as PNG or JPEG")
    if fmt not in SUPPORTED:
        return ctx.error(where, f"`{cut(rel)}` is a {fmt or 'unknown'} picture; use PNG or JPEG")
    if width * height > MAX_PIXELS:
        return ctx.error(where, f"the picture is {width}×{height} pixels, more than {MAX_PIXELS:,} in all; "
                         "scale it down")
    if orientation in _ROTATED:
        width, height = height, width
    return path, (width, height)

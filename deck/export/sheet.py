"""The contact sheet: slide pictures in a numbered grid, one PNG (Pillow, no external program)."""

from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from deck.output.target import write_atomically


def contact_sheet(
    pngs: list[Path] | tuple[Path, ...],
    out: Path,
    *,
    columns: int = 4,
    thumb_width: int = 320,
    gap: int = 16,
    label_height: int = 22,
    background: tuple[int, int, int] = (240, 240, 240),
) -> Path:
    """Write a grid of slide thumbnails, numbered 1… below each, to `out` (PNG); return `out`.

    Sizes are pixels. Thumbnails are `thumb_width` wide with the first slide's aspect ratio;
    the grid has min(columns, len(pngs)) columns, `gap` between and around cells. The image is
    (c·thumb_width + (c+1)·gap) × (r·(thumb_height + label_height) + (r+1)·gap) for c columns
    and r rows. Output is deterministic (no metadata) and written atomically. Raises
    ValueError when `pngs` is empty and OSError when an image cannot be read or written.
    """
    from PIL import Image

    if not pngs:
        raise ValueError("contact_sheet needs at least one image")
    with Image.open(pngs[0]) as first:
        size = thumb_size(first.size, thumb_width)

    def of_file(png: Path):
        with Image.open(png) as im:
            return thumbnail(im, size)

    with ThreadPoolExecutor(2) as pool:  # Pillow decodes and scales without the GIL
        thumbs = list(pool.map(of_file, pngs))
    return sheet_of(thumbs, size, out, columns=columns, gap=gap, label_height=label_height, background=background)


def thumb_size(page: tuple[int, int], thumb_width: int = 320) -> tuple[int, int]:
    """The size in pixels of the thumbnails of pages `page` (width, height) big."""
    return thumb_width, max(1, round(thumb_width * page[1] / page[0]))


def thumbnail(image, size: tuple[int, int]):
    """Return a copy of the Pillow image `image` scaled to fit `size`, RGB."""
    from PIL import Image

    im = image.convert("RGB") if image.mode != "RGB" else image.copy()
    im.thumbnail(size, Image.Resampling.LANCZOS, reducing_gap=2.0)  # box-reduced first (halved, for 4x smaller)
    return im


def sheet_of(
    thumbs: list,
    size: tuple[int, int],
    out: Path,
    *,
    columns: int = 4,
    gap: int = 16,
    label_height: int = 22,
    background: tuple[int, int, int] = (240, 240, 240),
) -> Path:
    """Write the contact sheet of the thumbnails `thumbs` (from `thumbnail`, each fitted to
    `size`, pixels) to `out`, as `contact_sheet` does; return `out`."""
    from PIL import Image, ImageDraw, ImageFont

    if not thumbs:
        raise ValueError("contact_sheet needs at least one image")
    thumb_width, thumb_height = size
    cols = max(1, min(columns, len(thumbs)))
    rows = math.ceil(len(thumbs) / cols)
    cell_h = thumb_height + label_height
    sheet = Image.new("RGB", (cols * thumb_width + (cols + 1) * gap, rows * cell_h + (rows + 1) * gap), background)
    draw = ImageDraw.Draw(sheet)
    try:
        font = ImageFont.load_default(size=max(8, label_height * 3 // 5))
    except TypeError:  # Pillow < 10.1: only a small bitmap font
        font = ImageFont.load_default()
    for i, im in enumerate(thumbs):
        x = gap + (i % cols) * (thumb_width + gap)
        y = gap + (i // cols) * (cell_h + gap)
        sheet.paste(im, (x + (thumb_width - im.width) // 2, y + (thumb_height - im.height) // 2))
        draw.rectangle((x - 1, y - 1, x + thumb_width, y + thumb_height), outline=(190, 190, 190))
        left, top, right, bottom = draw.textbbox((0, 0), str(i + 1), font=font)
        draw.text(
            (x + (thumb_width - right - left) // 2, y + thumb_height + (label_height - bottom - top) // 2),
            str(i + 1),
            fill=(80, 80, 80),
            font=font,
        )
    out = Path(out)
    write_atomically(out, lambda f: sheet.save(f, format="PNG", compress_level=1))  # fast: a few percent larger
    return out

"""The pictures of an export: their names, the page count of LibreOffice's PDF, and the fast
PNG encoding of pdftoppm's uncompressed pages."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from deck.output.target import write_atomically

SLIDE_PNG = re.compile(r"slide-\d+\.png")


def png_names(pages: int) -> list[str]:
    """Return the names `export_pngs` gives `pages` pictures: `slide-NN.png`, numbers zero-padded
    to the page count's width (at least two digits)."""
    width = max(2, len(str(pages)))
    return [f"slide-{n:0{width}d}.png" for n in range(1, pages + 1)]


def page_count(pdf: Path) -> int | None:
    """The page count of a PDF as LibreOffice writes it (its page tree uncompressed), else None."""
    try:
        found = re.search(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf.read_bytes())
    except OSError:
        return None
    return int(found.group(1)) if found else None


def encode_pngs(pages: list[Path], dests: list[Path], sheet: Path | None = None) -> None:
    """Write each picture of `pages` to its `dests` as a PNG, atomically, two at a time (zlib
    releases the GIL); fast compression: the same pixels, files a few percent larger. With
    `sheet`, also write their contact sheet there (deck.export.sheet), from the pictures as
    they are read, not read again."""
    from PIL import Image

    from deck.export.sheet import sheet_of, thumb_size, thumbnail

    size = None
    if sheet is not None:
        with Image.open(pages[0]) as first:
            size = thumb_size(first.size)

    def encode(page: Path, dest: Path):
        with Image.open(page) as image:
            write_atomically(dest, lambda out: image.save(out, format="PNG", compress_level=1))
            return thumbnail(image, size) if size is not None else None

    with ThreadPoolExecutor(2) as pool:
        thumbs = list(pool.map(encode, pages, dests))
    if sheet is not None:
        sheet_of(thumbs, size, sheet)

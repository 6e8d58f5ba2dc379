"""Typefaces installed on this machine, measured with fontTools at build time: a template's
font that deck ships no metric table for (nor a stand-in) is measured from its own file when
the system has it. The font folders are indexed once per process by family name and style
(regular, bold, italic, bold-italic), each font read lazily: only its name, OS/2 and head
tables for the index, its cmap and advances when first measured.

A build measured this way depends on the fonts installed where it runs (as the viewer's
drawing does); without the font, deck falls back as deck.layout.metrics says, with a warning.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")
MAX_FILES = 20_000  # font files indexed at most (a folder of fonts is not a file system)


def font_dirs() -> list[Path]:
    """Return the folders this system keeps fonts in (those that exist)."""
    home = Path.home()
    if sys.platform == "darwin":
        dirs = [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts"]
    elif sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", "C:\\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        dirs = [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    else:
        data = os.environ.get("XDG_DATA_HOME") or str(home / ".local" / "share")
        dirs = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path(data) / "fonts", home / ".fonts"]
    return [d for d in dirs if d.is_dir()]


@cache
def _index() -> dict[tuple[str, str], tuple[str, int]]:
    """Return {(family lower case, style): (font file, index in its collection)}."""
    from fontTools.ttLib import TTCollection, TTFont

    found: dict[tuple[str, str], tuple[str, int]] = {}
    files = sorted(str(p) for d in font_dirs() for p in d.rglob("*") if p.suffix.lower() in _SUFFIXES)
    for path in files[:MAX_FILES]:
        try:
            collection = path.lower().endswith("c")
            fonts = TTCollection(path, lazy=True).fonts if collection else [TTFont(path, lazy=True)]
            for n, font in enumerate(fonts):
                for family in _families(font):
                    found.setdefault((family.lower(), _style(font)), (path, n))
        except Exception:
            continue
    return found


def _families(font) -> list[str]:
    """Return the family names a document may call `font` by: its legacy family (name 1, in
    which a family has only regular, bold, italic and bold italic) and, for a font of normal
    width and weight 400 or 700, its typographic family (name 16: "DejaVu Sans" for
    "DejaVu Sans Light" too, whose light face must not stand for the regular one)."""
    names = font["name"]
    out = [str(names.getDebugName(1) or "")]
    os2 = font["OS/2"] if "OS/2" in font else None
    typographic = names.getDebugName(16)
    if typographic and os2 is not None and os2.usWeightClass in (400, 700) and os2.usWidthClass == 5:
        out.append(str(typographic))
    return [f for f in out if f]


def _style(font) -> str:
    selection = font["OS/2"].fsSelection if "OS/2" in font else 0
    bold, italic = bool(selection & 0x20), bool(selection & 0x01)
    return {(False, False): "regular", (True, False): "bold", (False, True): "italic"}.get(
        (bold, italic), "bold-italic"
    )


def is_installed(family: str) -> bool:
    """Whether typeface `family` is installed (in any style)."""
    return any(name == family.lower() for name, _ in _index())


@cache
def installed_metrics(family: str, style: str) -> tuple[int, int, int, int, list[list[int]]] | None:
    """Return the metrics of installed typeface `family` in `style` — units per em, hhea
    ascender, descender (positive) and line gap, and [first, last, advance] ranges of the
    codepoints it maps (as deck/layout/fonts/*.json hold them) — or None."""
    where = _index().get((family.lower(), style))
    if where is None:
        return None
    from fontTools.ttLib import TTCollection, TTFont

    path, n = where
    try:
        font = TTCollection(path).fonts[n] if path.lower().endswith("c") else TTFont(path)
        cmap, hmtx, hhea = font.getBestCmap(), font["hmtx"], font["hhea"]
        ranges: list[list[int]] = []
        for cp in sorted(cmap):
            advance = hmtx[cmap[cp]][0]
            if ranges and ranges[-1][1] == cp - 1 and ranges[-1][2] == advance:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp, advance])
        metrics = (font["head"].unitsPerEm, hhea.ascent, abs(hhea.descent), hhea.lineGap)
    except Exception:
        return None
    return (*metrics, ranges)

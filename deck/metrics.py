"""Text measurement with real font metrics: per-script advance widths in EMU, coverage.

The metric tables in `deck/fonts/*.json` are made by `tools/make_metrics.py` from the font
files; this module reads only the tables (lazily, cached), never a font file.

How a typeface name finds its table: the name is looked up by family (`Noto Sans`,
`Noto Sans CJK SC`, `Noto Sans Mono CJK SC`, case-insensitive). A name with no table falls
back to the closest known face: a monospaced-looking name (`Mono`, `Code`, `Courier`,
`Consolas`, `Menlo`) to `Noto Sans Mono CJK SC`, any other East Asian face to
`Noto Sans CJK SC`, any other Latin face to `Noto Sans`. A viewer that has the named font
will then lay the text out with different widths: that is what the theme's safety margin is
for. An italic run is measured in the italic table where there is one, else upright (viewers
slant CJK glyphs without changing their advances).

Which face sets a character follows LibreOffice and PowerPoint: East Asian characters
(`is_east_asian`) in the East Asian typeface, the rest in the Latin typeface. "Weak"
characters — spaces, general punctuation such as “ ” — …, arrows, symbols — take the script
of the strong character before them (or after them, at the start of the text), as
LibreOffice's editing engine does. A character the chosen typeface lacks is measured in the
other typeface of the pair when that has it, else as `UNCOVERED_EM` em.

Kerning and ligatures are ignored (Noto Sans kerns a little: measured widths of Latin text
are then at most a few percent too wide, never too narrow for pairs like "AV"... except
where a viewer applies no kerning either). All widths are integer EMU.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from deck.theme import Face

FONTS_DIR = Path(__file__).parent / "fonts"

LATIN_FALLBACK = "Noto Sans"
EA_FALLBACK = "Noto Sans CJK SC"
MONO_FALLBACK = "Noto Sans Mono CJK SC"
_MONO_HINTS = ("mono", "code", "courier", "consolas", "menlo")

# A character no table covers is drawn by a viewer's fallback font (emoji fonts are about
# 1.25 em wide); it is measured this wide, in em, and reported by `uncovered`.
UNCOVERED_EM = 1.25

# Code point ranges a viewer sets in the East Asian typeface (inclusive).
_EAST_ASIAN_RANGES: tuple[tuple[int, int], ...] = (
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x2FDF),  # CJK Radicals Supplement, Kangxi Radicals
    (0x2FF0, 0x303F),  # Ideographic Description, CJK Symbols and Punctuation
    (0x3040, 0x31FF),  # Hiragana, Katakana, Bopomofo, Hangul Compat. Jamo, Kanbun, strokes
    (0x3200, 0x4DBF),  # Enclosed CJK, CJK Compatibility, Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xA000, 0xA4CF),  # Yi
    (0xA960, 0xA97F),  # Hangul Jamo Extended-A
    (0xAC00, 0xD7FF),  # Hangul Syllables, Jamo Extended-B
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0xFE10, 0xFE1F),  # Vertical Forms
    (0xFE30, 0xFE4F),  # CJK Compatibility Forms
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
    (0x1B000, 0x1B16F),  # Kana Supplement, Extended-A, Small Kana Extension
    (0x1F200, 0x1F2FF),  # Enclosed Ideographic Supplement
    (0x20000, 0x3134F),  # Extensions B–G, Compatibility Ideographs Supplement
)
_EA_STARTS = tuple(r[0] for r in _EAST_ASIAN_RANGES)


def is_east_asian(ch: str) -> bool:
    """Return True if viewers set `ch` (one character) in the East Asian typeface."""
    cp = ord(ch)
    i = bisect_right(_EA_STARTS, cp) - 1
    return i >= 0 and cp <= _EAST_ASIAN_RANGES[i][1]


def is_weak(ch: str) -> bool:
    """Return True if `ch` takes the script of its neighbours (spaces, general punctuation,
    symbols from U+2000 on that are not letters)."""
    cp = ord(ch)
    if cp in (0x20, 0xA0, 0x09):
        return True
    if cp < 0x2000 or is_east_asian(ch):
        return False
    return not unicodedata.category(ch).startswith("L")


@dataclass(frozen=True)
class FontTable:
    """One font's metrics: font units, run-length advance ranges sorted by first codepoint."""

    family: str
    style: str
    units_per_em: int
    ascender: int  # hhea, font units, positive
    descender: int  # hhea, font units, positive (distance below the baseline)
    line_gap: int
    avg_width: int
    firsts: tuple[int, ...]
    lasts: tuple[int, ...]
    widths: tuple[int, ...]

    def advance(self, cp: int) -> int | None:
        """Return the advance of codepoint `cp` in font units, or None if not covered."""
        i = bisect_right(self.firsts, cp) - 1
        if i >= 0 and cp <= self.lasts[i]:
            return self.widths[i]
        return None


def _slug(family: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", family.lower()).strip("-")


def _style(bold: bool, italic: bool) -> str:
    return {(False, False): "regular", (True, False): "bold",
            (False, True): "italic", (True, True): "bold-italic"}[(bold, italic)]


@lru_cache(maxsize=None)
def _read(stem: str) -> FontTable | None:
    path = FONTS_DIR / f"{stem}.json"
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="ascii"))
    ranges = data["advances"]
    return FontTable(
        family=data["family"],
        style=data["style"],
        units_per_em=data["unitsPerEm"],
        ascender=data["hhea"]["ascender"],
        descender=abs(data["hhea"]["descender"]),
        line_gap=data["hhea"]["lineGap"],
        avg_width=data["avgCharWidth"],
        firsts=tuple(r[0] for r in ranges),
        lasts=tuple(r[1] for r in ranges),
        widths=tuple(r[2] for r in ranges),
    )


def known_family(family: str, east_asian: bool) -> str:
    """Return the family whose table measures typeface `family` (itself, or its fallback)."""
    if _read(f"{_slug(family)}-regular") is not None:
        return family
    if any(hint in family.lower() for hint in _MONO_HINTS):
        return MONO_FALLBACK
    return EA_FALLBACK if east_asian else LATIN_FALLBACK


@lru_cache(maxsize=None)
def font_table(family: str, bold: bool = False, italic: bool = False,
               east_asian: bool = False) -> FontTable:
    """Return the metric table for typeface `family` in the given style.

    Falls back to the closest known family (see the module docstring), to the upright
    style when there is no italic table, and to regular when there is no bold table.
    Raises FileNotFoundError only if deck/fonts/ lacks the fallback tables themselves.
    """
    slug = _slug(known_family(family, east_asian))
    for stem in (f"{slug}-{_style(bold, italic)}", f"{slug}-{_style(bold, False)}",
                 f"{slug}-regular"):
        table = _read(stem)
        if table is not None:
            return table
    raise FileNotFoundError(f"no metric table {slug}-regular.json in {FONTS_DIR}")


def _units(cp: int, primary: FontTable, secondary: FontTable) -> float:
    """Advance of `cp` in em (primary face, else secondary, else UNCOVERED_EM)."""
    adv = primary.advance(cp)
    if adv is not None:
        return adv / primary.units_per_em
    adv = secondary.advance(cp)
    if adv is not None:
        return adv / secondary.units_per_em
    return UNCOVERED_EM


def _tables(face: Face, bold: bool, italic: bool) -> tuple[FontTable, FontTable]:
    return (font_table(face.latin, bold, italic, False), font_table(face.ea, bold, italic, True))


def resolve_scripts(text: str) -> list[bool]:
    """Return, per character of `text`, True where a viewer sets it in the East Asian face.

    Weak characters (`is_weak`) take the script of the last strong character before them,
    or, at the start, of the first strong character after them; all-weak text is Latin.
    """
    strong = [None if is_weak(ch) else is_east_asian(ch) for ch in text]
    first = next((s for s in strong if s is not None), False)
    out: list[bool] = []
    current = first
    for s in strong:
        if s is not None:
            current = s
        out.append(current)
    return out


def char_advance(ch: str, face: Face, size: int, bold: bool = False, italic: bool = False,
                 east_asian: bool | None = None) -> int:
    """Return the advance width of one character in EMU at font size `size` (EMU).

    The character is measured in face.ea if `east_asian` (default: `is_east_asian(ch)`),
    else in face.latin; missing there, in the other face; missing in both, UNCOVERED_EM em.
    """
    latin, ea = _tables(face, bold, italic)
    if east_asian is None:
        east_asian = is_east_asian(ch)
    primary, secondary = (ea, latin) if east_asian else (latin, ea)
    return round(_units(ord(ch), primary, secondary) * size)


def advances(text: str, face: Face, size: int, bold: bool = False, italic: bool = False,
             scripts: Sequence[bool] | None = None) -> list[float]:
    """Return each character's advance in EMU, unrounded.

    `scripts` says per character whether it is set in the East Asian face (default:
    `resolve_scripts(text)`; pass it when `text` is one run of a longer paragraph).
    """
    latin, ea = _tables(face, bold, italic)
    if scripts is None:
        scripts = resolve_scripts(text)
    return [
        _units(ord(ch), ea, latin) * size if east else _units(ord(ch), latin, ea) * size
        for ch, east in zip(text, scripts)
    ]


def text_width(text: str, face: Face, size: int, bold: bool = False, italic: bool = False) -> int:
    """Return the width of `text` set on one line, in EMU, at font size `size` (EMU).

    Control characters such as '\\n' count as zero width. Kerning is ignored.
    """
    visible = "".join(ch for ch in text if not unicodedata.category(ch).startswith("C"))
    return round(sum(advances(visible, face, size, bold, italic)))


def uncovered(text: str, faces: Iterable[Face]) -> list[str]:
    """Return the distinct characters of `text` that no typeface of `faces` covers, in order.

    Whitespace, control and format characters and variation selectors are ignored. Faces
    without a table are judged by their fallback table (see the module docstring).
    """
    tables = []
    for face in faces:
        tables.extend(_tables(face, False, False))
    out: list[str] = []
    for ch in dict.fromkeys(text):
        cp = ord(ch)
        if ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf") or 0xFE00 <= cp <= 0xFE0F:
            continue
        if all(t.advance(cp) is None for t in tables):
            out.append(ch)
    return out


def line_height(face: Face, size: int, bold: bool = False) -> int:
    """Return the natural (single-spaced) line height in EMU for text in `face` at `size`:
    the larger hhea ascender plus the larger descender plus line gap of its two typefaces."""
    latin, ea = _tables(face, bold, False)
    ascent = max(t.ascender / t.units_per_em for t in (latin, ea))
    descent = max((t.descender + t.line_gap) / t.units_per_em for t in (latin, ea))
    return round((ascent + descent) * size)

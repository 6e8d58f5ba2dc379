"""Text measurement with real font metrics: per-script advance widths in EMU, coverage.

The metric tables in deck/layout/fonts/*.json are made by tools/make_metrics.py from the font
files; this module reads those tables (lazily, cached), and only for a typeface with neither a
table nor a stand-in, the installed font's own file (deck.layout.installed, fontTools).

Which table measures a typeface: the family name is looked up case-insensitively among the
tables (`Noto Sans`, `Noto Sans CJK SC`, `JP`, `KR`, `TC`, `HK`, `Noto Sans Mono CJK` in
the same regions, and the open families
metric-compatible with common Office fonts: Carlito, Caladea, Liberation Sans, Serif and
Mono), then among STAND_INS (Calibri is measured as Carlito, Arial as Liberation Sans …:
the same advance widths, which is also what LibreOffice draws them with), then among the
fonts installed on this machine. A name with no table falls
back to the closest known face: a monospaced-looking name (`Mono`, `Code`, `Courier`,
`Consolas`, `Menlo`) to `Noto Sans Mono CJK SC`, any other East Asian typeface to
`Noto Sans CJK SC`, any other Latin typeface to `Noto Sans`. A viewer that has the named font
lays the text out with its own widths: the theme's safety margin is there for that. Italic is
measured in the italic table where there is one, else upright (viewers slant CJK glyphs
without changing their advances). Each CJK table holds its region's forms (the 'locl' forms
of its language): SC the Simplified Chinese ones viewers use for zh-CN text, JP, KR, TC and
HK those of Japanese, Korean and traditional Chinese text; a deck is measured in the region
of its language (deck.theme.model.Face.regional).

Which face sets a character follows LibreOffice and PowerPoint: East Asian characters
(`is_east_asian`) in the East Asian typeface, the rest in the Latin one. "Weak" characters
(`is_weak`: spaces, general punctuation such as “ ” — …, arrows, symbols) take the script
of the strong character before them, or at the start of the text of the first strong one
after them. A character missing from its face is measured in the other face of the pair,
else at 1 em if it is a wide East Asian one, else as UNCOVERED_EM em. No space is added
where the script changes between East Asian and Latin text: PowerPoint adds none, and
deck's LibreOffice export turns LibreOffice's off (deck.export.office), so the gap is the
space typed, if any.

Kerning and ligatures are ignored (LibreOffice and PowerPoint do not kern these runs unless
asked). All lengths are integer EMU unless a function says otherwise.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from pathlib import Path

from deck.frozen import frozen
from deck.layout.installed import installed_metrics
from deck.theme import Face

FONTS_DIR = Path(__file__).parent / "fonts"

LATIN_FALLBACK = "Noto Sans"
EA_FALLBACK = "Noto Sans CJK SC"
MONO_FALLBACK = "Noto Sans Mono CJK SC"
_MONO_HINTS = ("mono", "code", "courier", "consolas", "menlo")
# Office fonts and the open family with the same advance widths that measures (and, in
# LibreOffice, draws) them; keys lower case.
STAND_INS = {
    "calibri": "Carlito",
    "cambria": "Caladea",
    "arial": "Liberation Sans",
    "helvetica": "Liberation Sans",
    "times new roman": "Liberation Serif",
    "times": "Liberation Serif",
    "courier new": "Liberation Mono",
    "courier": "Liberation Mono",
}

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


@lru_cache(maxsize=8192)
def is_east_asian(ch: str) -> bool:
    """Return True if viewers set `ch` (one character) in the East Asian typeface."""
    cp = ord(ch)
    i = bisect_right(_EA_STARTS, cp) - 1
    return i >= 0 and cp <= _EAST_ASIAN_RANGES[i][1]


@lru_cache(maxsize=8192)
def is_weak(ch: str) -> bool:
    """Return True if `ch` takes its script from its neighbours: spaces, line breaks,
    combining marks, and non-letters from U+2000 on outside the East Asian blocks (general
    punctuation, symbols, arrows, emoji). ASCII and Latin-1 punctuation are Latin."""
    cp = ord(ch)
    if cp in (0x09, 0x0A, 0x20, 0xA0):
        return True
    if is_east_asian(ch):
        return False
    category = unicodedata.category(ch)
    return category in ("Mn", "Me") or (cp >= 0x2000 and not category.startswith("L"))


@lru_cache(maxsize=8192)
def _strength(ch: str) -> bool | None:
    """None for a weak character, else whether it is East Asian (one cached call per character)."""
    return None if is_weak(ch) else is_east_asian(ch)


def resolve_scripts(text: str) -> list[bool]:
    """Return, per character of `text`, True where a viewer sets it in the East Asian face.

    Weak characters take the script of the last strong character before them, or, at the
    start, of the first strong character after them; text with no strong character is Latin.
    """
    strong = list(map(_strength, text))
    current = False
    for s in strong:  # the first strong character's script (a loop: most text starts with one)
        if s is not None:
            current = s
            break
    out: list[bool] = []
    for s in strong:
        if s is not None:
            current = s
        out.append(current)
    return out


@frozen(eq=False)  # compared and hashed by identity: one per table file
class FontTable:
    """One font's metrics: font units, run-length advance ranges sorted by first codepoint."""

    family: str
    style: str
    units_per_em: int
    ascender: int  # hhea, font units, positive
    descender: int  # hhea, font units, positive (below the baseline)
    line_gap: int
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


@cache
def _installed(family: str, style: str) -> FontTable | None:
    """Return the table of installed typeface `family` in `style`, measured from its file."""
    found = installed_metrics(family, style)
    if found is None:
        return None
    upem, ascender, descender, line_gap, ranges = found
    return FontTable(
        family,
        style,
        upem,
        ascender,
        descender,
        line_gap,
        tuple(r[0] for r in ranges),
        tuple(r[1] for r in ranges),
        tuple(r[2] for r in ranges),
    )


@cache
def _read(stem: str) -> FontTable | None:
    path = FONTS_DIR / f"{stem}.json"
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="ascii"))
    ranges = data["advances"]  # {first, last, width}: one list per column (tools/make_metrics.py)
    return FontTable(
        family=data["family"],
        style=data["style"],
        units_per_em=data["unitsPerEm"],
        ascender=data["hhea"]["ascender"],
        descender=abs(data["hhea"]["descender"]),
        line_gap=data["hhea"]["lineGap"],
        firsts=tuple(ranges["first"]),
        lasts=tuple(ranges["last"]),
        widths=tuple(ranges["width"]),
    )


def measured_family(family: str) -> str | None:
    """Return the family whose table measures typeface `family` with its own widths: itself
    or its stand-in (STAND_INS); None when deck has no table for it."""
    if _read(f"{_slug(family)}-regular") is not None:
        return family
    stand_in = STAND_INS.get(family.strip().lower())
    if stand_in and _read(f"{_slug(stand_in)}-regular") is not None:
        return stand_in
    return family if family.strip() and _installed(family, "regular") is not None else None


def known_family(family: str, east_asian: bool) -> str:
    """Return the family whose table measures typeface `family`: itself, its stand-in, or
    its fallback."""
    measured = measured_family(family)
    if measured is not None:
        return measured
    if any(hint in family.lower() for hint in _MONO_HINTS):
        return MONO_FALLBACK
    return EA_FALLBACK if east_asian else LATIN_FALLBACK


@cache
def font_table(family: str, bold: bool = False, italic: bool = False, east_asian: bool = False) -> FontTable:
    """Return the metric table for typeface `family` in the given style.

    Falls back to the closest known family (see the module docstring), to upright when there
    is no italic table, and to regular when there is no bold one. Raises FileNotFoundError
    only if deck/layout/fonts/ lacks the fallback tables themselves (a broken installation).
    """
    known = known_family(family, east_asian)
    slug = _slug(known)
    weight = "bold" if bold else "regular"
    styles = ([f"{weight}-italic" if bold else "italic"] if italic else []) + [weight, "regular"]
    for style in styles:
        table = _read(f"{slug}-{style}")
        if table is None and _read(f"{slug}-regular") is None:  # no shipped table: the installed font
            table = _installed(known, style)
        if table is not None:
            return table
    raise FileNotFoundError(f"no metric table {slug}-regular.json in {FONTS_DIR}")


@lru_cache(maxsize=65536)
def _em(cp: int, primary: FontTable, secondary: FontTable) -> float:
    """Advance of `cp` in em: in the primary face, else the secondary, else 1 em for a wide
    East Asian character (every CJK face a viewer falls back to sets it full width: a
    template may name an East Asian face without CJK glyphs), else UNCOVERED_EM."""
    for table in (primary, secondary):
        adv = table.advance(cp)
        if adv is not None:
            return adv / table.units_per_em
    ch = chr(cp)
    return 1.0 if is_east_asian(ch) and unicodedata.east_asian_width(ch) in "WF" else UNCOVERED_EM


def _tables(face: Face, bold: bool, italic: bool) -> tuple[FontTable, FontTable]:
    return font_table(face.latin, bold, italic, False), font_table(face.ea, bold, italic, True)


def char_advance(
    ch: str, face: Face, size: int, bold: bool = False, italic: bool = False, east_asian: bool | None = None
) -> int:
    """Return the advance of one character in EMU at font size `size` (EMU).

    Measured in face.ea if `east_asian` (default: `is_east_asian(ch)`), else in face.latin;
    missing there, in the other face; missing in both, UNCOVERED_EM em. '\\n' is 0 wide.
    """
    if ch == "\n":
        return 0
    latin, ea = _tables(face, bold, italic)
    if east_asian is None:
        east_asian = is_east_asian(ch)
    primary, secondary = (ea, latin) if east_asian else (latin, ea)
    return round(_em(ord(ch), primary, secondary) * size)


def advances(
    text: str, face: Face, size: int, bold: bool = False, italic: bool = False, scripts: Sequence[bool] | None = None
) -> list[float]:
    """Return each character's advance in EMU, unrounded, without script gaps ('\\n': 0).

    `scripts` says per character whether it is set in the East Asian face (default:
    `resolve_scripts(text)`; pass it when `text` is one run of a longer paragraph).
    """
    latin, ea = _tables(face, bold, italic)
    if scripts is None:
        scripts = resolve_scripts(text)
    in_latin, in_ea = _ems_by_character(latin, ea)
    ems = [(in_ea if east else in_latin).get(ch) for ch, east in zip(text, scripts)]
    if None in ems:  # characters not measured before in these faces
        for i, (ch, east) in enumerate(zip(text, scripts)):
            if ems[i] is None:
                known = in_ea if east else in_latin
                ems[i] = known[ch] = 0.0 if ch == "\n" else _em(ord(ch), *((ea, latin) if east else (latin, ea)))
    return ems if size == 1 else [em * size for em in ems]  # em * 1 is em


@cache
def _ems_by_character(latin: FontTable, ea: FontTable) -> tuple[dict[str, float], dict[str, float]]:
    """Return, for a pair of tables, memos of each character's advance in em (`_em`) set in
    the Latin face and in the East Asian one, filled as characters are measured: a
    dictionary look-up per character rather than a cached call (perf, issue 15)."""
    return {}, {}


def text_width(text: str, face: Face, size: int, bold: bool = False, italic: bool = False) -> int:
    """Return the width in EMU of `text` set on one line at font size `size` (EMU).
    Trailing spaces count; line breaks ('\\n') are 0 wide."""
    return round(sum(advances(text, face, size, bold, italic, resolve_scripts(text))))


def uncovered(text: str, faces: Iterable[Face]) -> list[str]:
    """Return the distinct characters of `text` that no typeface of `faces` covers, in order
    of appearance. Whitespace, control and format characters and variation selectors are
    ignored. Faces without a table are judged by their fallback table (module docstring)."""
    tables = [table for face in faces for table in _tables(face, False, False)]
    out: list[str] = []
    for ch in dict.fromkeys(text):
        cp = ord(ch)
        if ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf") or 0xFE00 <= cp <= 0xFE0F:
            continue
        if all(table.advance(cp) is None for table in tables):
            out.append(ch)
    return out


def line_height(face: Face, size: int, bold: bool = False) -> int:
    """Return the natural (single-spaced) line height in EMU of text in `face` at `size`:
    the larger hhea ascender plus the larger descender and line gap of its two typefaces.
    (deck writes exact line spacing, so this matters only for choosing that spacing.)"""
    latin, ea = _tables(face, bold, False)
    ascent = max(t.ascender / t.units_per_em for t in (latin, ea))
    descent = max((t.descender + t.line_gap) / t.units_per_em for t in (latin, ea))
    return round((ascent + descent) * size)

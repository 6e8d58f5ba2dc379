"""Build the font metric tables in deck/layout/fonts/ from installed font files (run by hand, rarely).

    .venv/bin/python tools/make_metrics.py [--fonts-dir DIR ...] [--out deck/layout/fonts]

Each table is one JSON file per family and style (e.g. `noto-sans-cjk-sc-bold.json`):

    family, style, source (file name and version), unitsPerEm,
    hhea {ascender, descender, lineGap}, typo {ascender, descender, lineGap},
    win {ascent, descent}, avgCharWidth (OS/2 xAvgCharWidth),
    language: the OpenType language whose 'locl' forms the advances are of ("" for none),
    advances: {first: [...], last: [...], width: [...]}  ranges of consecutive codepoints
               that all have a glyph and share one advance width (font units), sorted by
               `first`: range i runs from first[i] to last[i] and has advance width[i]. Three
               flat lists, not a list of triples: deck reads them in half the time.

A codepoint is covered by the font exactly when it falls in one of the ranges. The output is
deterministic (sorted keys, no timestamps), so rebuilding from the same fonts changes nothing.
deck reads only these tables; it never needs the fonts themselves.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from fontTools.ttLib import TTCollection, TTFont

# (table stem, family name as the font's name table spells it, style, file name, language).
# For a collection (.ttc) the font whose family name matches is picked. `language` is the
# OpenType language system whose 'locl' substitutions a viewer applies to text in that
# language (zh-CN text gets Simplified Chinese forms: a full-width em dash, for one; Korean
# text proportional quotes and a narrow middle dot).
SOURCES: tuple[tuple[str, str, str, str, str], ...] = (
    ("noto-sans-regular", "Noto Sans", "regular", "NotoSans-Regular.ttf", ""),
    ("noto-sans-bold", "Noto Sans", "bold", "NotoSans-Bold.ttf", ""),
    ("noto-sans-italic", "Noto Sans", "italic", "NotoSans-Italic.ttf", ""),
    ("noto-sans-bold-italic", "Noto Sans", "bold-italic", "NotoSans-BoldItalic.ttf", ""),
    ("noto-sans-cjk-sc-regular", "Noto Sans CJK SC", "regular", "NotoSansCJK-Regular.ttc", "ZHS"),
    ("noto-sans-cjk-sc-bold", "Noto Sans CJK SC", "bold", "NotoSansCJK-Bold.ttc", "ZHS"),
    ("noto-sans-mono-cjk-sc-regular", "Noto Sans Mono CJK SC", "regular", "NotoSansCJK-Regular.ttc", "ZHS"),
    ("noto-sans-mono-cjk-sc-bold", "Noto Sans Mono CJK SC", "bold", "NotoSansCJK-Bold.ttc", "ZHS"),
    # The regional faces a deck in that language is set in (deck.theme.model.Face.regional):
    # Japanese, Korean, and traditional Chinese of Taiwan and of Hong Kong.
    ("noto-sans-cjk-jp-regular", "Noto Sans CJK JP", "regular", "NotoSansCJK-Regular.ttc", "JAN"),
    ("noto-sans-cjk-jp-bold", "Noto Sans CJK JP", "bold", "NotoSansCJK-Bold.ttc", "JAN"),
    ("noto-sans-mono-cjk-jp-regular", "Noto Sans Mono CJK JP", "regular", "NotoSansCJK-Regular.ttc", "JAN"),
    ("noto-sans-mono-cjk-jp-bold", "Noto Sans Mono CJK JP", "bold", "NotoSansCJK-Bold.ttc", "JAN"),
    ("noto-sans-cjk-kr-regular", "Noto Sans CJK KR", "regular", "NotoSansCJK-Regular.ttc", "KOR"),
    ("noto-sans-cjk-kr-bold", "Noto Sans CJK KR", "bold", "NotoSansCJK-Bold.ttc", "KOR"),
    ("noto-sans-mono-cjk-kr-regular", "Noto Sans Mono CJK KR", "regular", "NotoSansCJK-Regular.ttc", "KOR"),
    ("noto-sans-mono-cjk-kr-bold", "Noto Sans Mono CJK KR", "bold", "NotoSansCJK-Bold.ttc", "KOR"),
    ("noto-sans-cjk-tc-regular", "Noto Sans CJK TC", "regular", "NotoSansCJK-Regular.ttc", "ZHT"),
    ("noto-sans-cjk-tc-bold", "Noto Sans CJK TC", "bold", "NotoSansCJK-Bold.ttc", "ZHT"),
    ("noto-sans-mono-cjk-tc-regular", "Noto Sans Mono CJK TC", "regular", "NotoSansCJK-Regular.ttc", "ZHT"),
    ("noto-sans-mono-cjk-tc-bold", "Noto Sans Mono CJK TC", "bold", "NotoSansCJK-Bold.ttc", "ZHT"),
    ("noto-sans-cjk-hk-regular", "Noto Sans CJK HK", "regular", "NotoSansCJK-Regular.ttc", "ZHH"),
    ("noto-sans-cjk-hk-bold", "Noto Sans CJK HK", "bold", "NotoSansCJK-Bold.ttc", "ZHH"),
    ("noto-sans-mono-cjk-hk-regular", "Noto Sans Mono CJK HK", "regular", "NotoSansCJK-Regular.ttc", "ZHH"),
    ("noto-sans-mono-cjk-hk-bold", "Noto Sans Mono CJK HK", "bold", "NotoSansCJK-Bold.ttc", "ZHH"),
    # Open families metric-compatible with common Office fonts (deck.layout.metrics.STAND_INS).
    ("carlito-regular", "Carlito", "regular", "Carlito-Regular.ttf", ""),
    ("carlito-bold", "Carlito", "bold", "Carlito-Bold.ttf", ""),
    ("carlito-italic", "Carlito", "italic", "Carlito-Italic.ttf", ""),
    ("carlito-bold-italic", "Carlito", "bold-italic", "Carlito-BoldItalic.ttf", ""),
    ("caladea-regular", "Caladea", "regular", "Caladea-Regular.ttf", ""),
    ("caladea-bold", "Caladea", "bold", "Caladea-Bold.ttf", ""),
    ("caladea-italic", "Caladea", "italic", "Caladea-Italic.ttf", ""),
    ("caladea-bold-italic", "Caladea", "bold-italic", "Caladea-BoldItalic.ttf", ""),
    ("liberation-sans-regular", "Liberation Sans", "regular", "LiberationSans-Regular.ttf", ""),
    ("liberation-sans-bold", "Liberation Sans", "bold", "LiberationSans-Bold.ttf", ""),
    ("liberation-sans-italic", "Liberation Sans", "italic", "LiberationSans-Italic.ttf", ""),
    ("liberation-sans-bold-italic", "Liberation Sans", "bold-italic", "LiberationSans-BoldItalic.ttf", ""),
    ("liberation-serif-regular", "Liberation Serif", "regular", "LiberationSerif-Regular.ttf", ""),
    ("liberation-serif-bold", "Liberation Serif", "bold", "LiberationSerif-Bold.ttf", ""),
    ("liberation-serif-italic", "Liberation Serif", "italic", "LiberationSerif-Italic.ttf", ""),
    ("liberation-serif-bold-italic", "Liberation Serif", "bold-italic", "LiberationSerif-BoldItalic.ttf", ""),
    ("liberation-mono-regular", "Liberation Mono", "regular", "LiberationMono-Regular.ttf", ""),
    ("liberation-mono-bold", "Liberation Mono", "bold", "LiberationMono-Bold.ttf", ""),
    ("liberation-mono-italic", "Liberation Mono", "italic", "LiberationMono-Italic.ttf", ""),
    ("liberation-mono-bold-italic", "Liberation Mono", "bold-italic", "LiberationMono-BoldItalic.ttf", ""),
)

DEFAULT_DIRS = (
    Path("/usr/share/fonts/truetype/noto"),
    Path("/usr/share/fonts/opentype/noto"),
    Path("/usr/share/fonts/truetype/crosextra"),
    Path("/usr/share/fonts/truetype/liberation2"),
)


def family_name(font: TTFont) -> str:
    """Return the font's family name (name ID 16 if present, else name ID 1)."""
    name = font["name"]
    return str(name.getDebugName(16) or name.getDebugName(1))


def open_font(path: Path, family: str, collections: dict[Path, TTCollection] | None = None) -> TTFont:
    """Open `path`; for a collection, return the member whose family is `family`. Tables are
    read lazily, when first used. A collection is opened once per `collections` (a cache the
    caller keeps), its members sharing the tables the file shares between them: in Noto CJK the
    ten faces have one set of glyphs (CFF) and advances (hmtx), read once instead of ten times.

    Raises LookupError when no member of the collection has that family name.
    """
    if path.suffix.lower() == ".ttc":
        if collections is None:
            collections = {}
        if path not in collections:
            collections[path] = _shared_collection(path)
        for font in collections[path].fonts:
            if family_name(font) == family:
                return font
        raise LookupError(f"{path}: no font with family name {family!r}")
    font = TTFont(str(path), lazy=True)
    if family_name(font) != family:
        raise LookupError(f"{path}: family is {family_name(font)!r}, expected {family!r}")
    return font


def _shared_collection(path: Path) -> TTCollection:
    """Open the collection at `path` with the tables its members share read once. A CFF font's
    glyph order is its CFF table's, which fontTools hands out to one font only: members that
    share the table are given the order of the first that read it."""
    collection = TTCollection(str(path), shareTables=True, lazy=True)
    orders: dict[int, list[str]] = {}
    for font in collection.fonts:
        if "CFF " not in font:
            continue
        offset = font.reader.tables["CFF "].offset
        if offset in orders:
            font.setGlyphOrder(orders[offset])
        else:
            orders[offset] = font.getGlyphOrder()
    return collection


def locl_map(font: TTFont, language: str, script: str = "hani") -> dict[str, str]:
    """Return the single-glyph 'locl' substitutions of `script`/`language` (may be empty)."""
    if not language or "GSUB" not in font:
        return {}
    gsub = font["GSUB"].table
    lookups: list[int] = []
    for record in gsub.ScriptList.ScriptRecord:
        if record.ScriptTag != script:
            continue
        for lang in record.Script.LangSysRecord:
            if lang.LangSysTag.strip() == language:
                for index in lang.LangSys.FeatureIndex:
                    feature = gsub.FeatureList.FeatureRecord[index]
                    if feature.FeatureTag == "locl":
                        lookups.extend(feature.Feature.LookupListIndex)
    mapping: dict[str, str] = {}
    for index in lookups:
        for sub in gsub.LookupList.Lookup[index].SubTable:
            sub = getattr(sub, "ExtSubTable", sub)
            if sub.LookupType == 1:
                mapping.update(sub.mapping)
    return mapping


def advance_ranges(font: TTFont, language: str = "") -> list[list[int]]:
    """Return [[first, last, advance], ...] for every mapped codepoint, run-length encoded,
    after the 'locl' substitutions of `language` (an OpenType language tag, or "")."""
    cmap = font.getBestCmap()
    metrics = font["hmtx"].metrics  # glyph name: (advance, left side bearing)
    locl = locl_map(font, language)
    ranges: list[list[int]] = []
    last = [-2, -2, None]  # the range being extended
    for cp, glyph in sorted(cmap.items()):
        glyph = locl.get(glyph, glyph)
        if glyph == ".notdef":
            continue
        advance = metrics[glyph][0]
        if last[1] == cp - 1 and last[2] == advance:
            last[1] = cp
        else:
            last = [cp, cp, advance]
            ranges.append(last)
    return ranges


def table_for(font: TTFont, family: str, style: str, source: str, language: str = "") -> dict:
    """Return the metric table of `font` as a JSON-ready dict."""
    hhea, os2 = font["hhea"], font["OS/2"]
    version = str(font["name"].getDebugName(5) or "").split(";")[0]
    return {
        "family": family,
        "style": style,
        "source": f"{source} ({version})",
        "unitsPerEm": font["head"].unitsPerEm,
        "hhea": {"ascender": hhea.ascent, "descender": hhea.descent, "lineGap": hhea.lineGap},
        "typo": {
            "ascender": os2.sTypoAscender,
            "descender": os2.sTypoDescender,
            "lineGap": os2.sTypoLineGap,
        },
        "win": {"ascent": os2.usWinAscent, "descent": os2.usWinDescent},
        "avgCharWidth": os2.xAvgCharWidth,
        "language": language,
        "advances": columns(advance_ranges(font, language)),
    }


def columns(ranges: list[list[int]]) -> dict[str, list[int]]:
    """Return [first, last, advance] ranges as the table holds them: one list per column."""
    return {"first": [r[0] for r in ranges], "last": [r[1] for r in ranges], "width": [r[2] for r in ranges]}


def find_file(name: str, dirs: list[Path]) -> Path:
    """Return the first `dirs/name` that exists; FileNotFoundError if none does."""
    for folder in dirs:
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(f"{name} not found in {', '.join(map(str, dirs))}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fonts-dir", action="append", type=Path, help="where the fonts are")
    parser.add_argument("--out", type=Path, default=Path(__file__).parents[1] / "deck" / "layout" / "fonts")
    args = parser.parse_args(argv)
    dirs = args.fonts_dir or list(DEFAULT_DIRS)
    args.out.mkdir(parents=True, exist_ok=True)
    total, collections = 0, {}
    for stem, family, style, file_name, language in SOURCES:
        path = find_file(file_name, dirs)
        table = table_for(open_font(path, family, collections), family, style, file_name, language)
        text = json.dumps(table, sort_keys=True, separators=(",", ":"), ensure_ascii=True) + "\n"
        target = args.out / f"{stem}.json"
        target.write_text(text, encoding="ascii")
        total += len(text)
        print(f"{target}: {len(table['advances']['first'])} ranges, {len(text):,} bytes")
    print(f"total {total:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())

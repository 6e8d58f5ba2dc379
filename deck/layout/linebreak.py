"""Predict where a viewer breaks a paragraph into lines, from the runs, fonts and box width.

The paragraphs are written with eaLnBrk="1", latinLnBrk="0" and hangingPunct="0". This
module follows LibreOffice Impress 7.4, checked against its PDF output by
tools/check_wrap_vs_libreoffice.py, and errs towards more lines where viewers differ:

- Characters are measured per script (deck.metrics), in whole pixels of a 600 dpi device as
  LibreOffice does, without kerning, and with no space added where the script changes (deck's
  export turns LibreOffice's off; PowerPoint adds none). LibreOffice kerns (narrower), so it
  holds as much on a line as predicted, or more.
  "——" in a CJK font is one glyph and is never split.
- A line takes characters while their right edge stays inside the box; a space that does
  not fit hangs, and the line breaks after it.
- If the last character that fits is East Asian, the line breaks before the one that does
  not, moved back while that would start a line with a closing mark (NO_START: ，。、」）…
  small kana ...) or end one with an opening mark (NO_END: 「（《“ ...): kinsoku, with
  nothing hanging outside the box. NO_START adds PowerPoint's …‥・ー small kana to
  LibreOffice's zh-CN list.
- If it is Latin or Korean (between two Hangul syllables: LibreOffice and PowerPoint break
  Korean between words, at spaces), the line breaks at the last line-break opportunity of UAX #14 as
  LibreOffice applies it: after spaces, hyphens and dashes, between CJK and Latin text, never
  inside a word, a number, "(x" or "a/b".
- With no opportunity on the line (a token wider than the line, a long URL), the line is cut
  before the character that overflows. '\n' in a run is a forced line break.

The text is never changed: `wrap` only reports the lines a viewer is expected to show.
"""

from __future__ import annotations

import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate

from deck.layout.metrics import advances, resolve_scripts
from deck.layout.page import Run
from deck.theme import Face
from deck.units import EMU_PER_INCH

# LibreOffice lays text out on a 600 dpi reference device: font sizes and glyph advances
# are whole pixels of it.
EMU_PER_DEVICE_PIXEL = EMU_PER_INCH // 600

# Never at the start of a line: LibreOffice's zh-CN list, plus Japanese small kana, prolonged
# sound and iteration marks, ellipses and middle dots (PowerPoint keeps these off line starts).
NO_START = frozenset(
    ":!),.:;?]}¢'\"、。〉》」』】〕〗〞︰︱︳﹐､﹒﹔﹕﹖﹗﹚﹜﹞！），．：；？｜｝︴︶︸︺︼︾﹀﹂﹄﹏～￠々‖•·ˇˉ―′’”"
    "%％〙〛〟…‥・ー゛゜ゝゞヽヾ〻ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶｧｨｩｪｫｬｭｮｯｰ"
)
# Never at the end of a line: LibreOffice's zh-CN list.
NO_END = frozenset("([{£¥'\"‵〈《「『【〔〖（［｛￡￥〝︵︷︹︻︽︿﹁﹃﹙﹛﹝“‘〘〚｢")

# Unicode line-breaking classes (UAX #14) of the characters that are not letters or CJK.
_CLASSES = {
    "SP": " ",
    "GL": "\u00a0\u202f\u2007\u2011\u0f0c",
    "WJ": "\u2060\ufeff",
    "ZW": "\u200b",
    "BA": "\t|\u00ad\u2010\u2012\u2013\u3000\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a",
    "HY": "-",
    "B2": "\u2014",
    "CL": "}、。，．）」』》〉】〕〗〙〛｝］｣〞〟︰﹐﹒﹚﹜﹞",
    "CP": ")]",
    "OP": "([{（［｛「『《〈【〔〖〘〚｢〝¡¿",
    "QU": "\"'«»‘’‚‛“”„‟‹›",
    "EX": "!?！？",
    "IS": ",.:;",
    "NS": "：；・々ー〜ゝゞヽヾ‼⁇⁈⁉",
    "IN": "…‥",
    "SY": "/",
    "PR": "$+\\£¥€₩±№￥＄",
    "PO": "%‰′″°¢℃％",
}
_CLASS_OF = {ch: cls for cls, chars in _CLASSES.items() for ch in chars}


def line_break_class(ch: str) -> str:
    """Return the UAX #14 class of `ch`, simplified (ID for CJK, AL for other letters)."""
    cls = _CLASS_OF.get(ch)
    if cls:
        return cls
    if ch.isdigit() and ord(ch) < 0xFF00:
        return "NU"
    cat = unicodedata.category(ch)
    if cat in ("Mn", "Mc", "Me"):
        return "CM"
    if is_hangul(ch):
        return "AL"  # Korean breaks between words, at spaces, not between syllables
    if unicodedata.east_asian_width(ch) in ("W", "F") or ord(ch) >= 0x1F000:
        return "ID"
    return "AL"


def is_hangul(ch: str) -> bool:
    """Return True for a Hangul syllable or jamo: Korean text is broken between words."""
    return "\uac00" <= ch <= "\ud7af" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f"


def uax14_break(text: str, p: int) -> bool:
    """Return True if UAX #14 allows a line break before text[p] (0 < p < len(text))."""
    a, b = line_break_class(text[p - 1]), line_break_class(text[p])
    if b in ("SP", "ZW", "CM", "WJ") or a in ("WJ", "GL"):
        return False
    if a == "ZW":
        return True
    if b == "GL" and a not in ("SP", "BA", "HY"):
        return False
    if b in ("CL", "CP", "EX", "IS", "SY"):
        return False
    q = p - 1
    while q > 0 and text[q] == " ":
        q -= 1
    before = line_break_class(text[q])  # the class before any spaces
    if before == "OP" or (before == "QU" and b == "OP"):
        return False
    if (before in ("CL", "CP") and b == "NS") or (before == b == "B2"):
        return False
    if a == "SP":
        return True
    if "QU" in (a, b) or b in ("BA", "HY", "NS", "IN"):
        return False
    if (a, b) in _NO_BREAK_PAIRS:
        return False
    return True


# Pairs never broken (UAX #14 rules 22–30 as LibreOffice 7.4's rules apply them: a hyphen
# may break before a digit, "/" never before a letter, a letter never before any "(").
_NO_BREAK_PAIRS = frozenset(
    {
        ("AL", "NU"),
        ("NU", "AL"),
        ("PR", "ID"),
        ("ID", "PO"),
        ("PR", "AL"),
        ("PO", "AL"),
        ("AL", "PR"),
        ("CL", "PO"),
        ("CP", "PO"),
        ("NU", "PO"),
        ("CL", "PR"),
        ("CP", "PR"),
        ("NU", "PR"),
        ("PO", "OP"),
        ("PR", "OP"),
        ("PO", "NU"),
        ("PR", "NU"),
        ("IS", "NU"),
        ("NU", "NU"),
        ("SY", "NU"),
        ("SY", "AL"),
        ("AL", "AL"),
        ("IS", "AL"),
        ("AL", "OP"),
        ("NU", "OP"),
        ("CL", "AL"),
        ("CL", "NU"),
        ("CP", "AL"),
        ("CP", "NU"),
    }
)


def kinsoku_break(text: str, p: int) -> int:
    """Return the break position at or before `p` that starts no line with a NO_START
    character or a space and ends none with a NO_END one (may be 0: no such break)."""
    while p > 0 and (text[p] in NO_START or text[p] == " " or text[p - 1] in NO_END):
        p -= 1
    return p


@lru_cache(maxsize=1024)
def _ems(
    runs: tuple[Run, ...], face: Face, bold: bool, italic: bool, code: Face | None
) -> tuple[str, tuple[bool, ...], array, tuple[int, ...]]:
    """Return the paragraph's text; per character, whether it is set in the East Asian face and
    its advance in em; and where its forced lines end ('\\n' positions, then its length).
    Cached apart from the size: the fitter measures the same paragraph at several sizes."""
    text = "".join(run.text for run in runs)
    scripts = resolve_scripts(text)
    ems = array("d")
    for run in runs:
        run_face = code if (run.code and code is not None) else face
        part = scripts[len(ems) : len(ems) + len(run.text)]
        ems.extend(advances(run.text, run_face, 1, bold or run.bold, italic or run.italic, part))
    stops = (tuple(i for i, ch in enumerate(text) if ch == "\n") if "\n" in text else ()) + (len(text),)
    return text, tuple(scripts), ems, stops


@lru_cache(maxsize=2048)
def _measure(
    runs: tuple[Run, ...], face: Face, size: int, bold: bool, italic: bool, code: Face | None
) -> tuple[str, tuple[bool, ...], array, tuple[int, ...]]:
    """Return the paragraph's text; per character, whether it is set in the East Asian face;
    the running sums of the characters' widths (EMU, whole numbers, measured in whole pixels
    of the reference device; the first 0, one more than the characters; doubles, exact for
    whole numbers below 2**53, in an array to keep the cache small); and where its forced
    lines end ('\\n' positions, then its length). Cached: the fitter measures the same
    paragraph at several widths."""
    text, scripts, ems, stops = _ems(runs, face, bold, italic, code)
    pixels = max(1, round(size / EMU_PER_DEVICE_PIXEL))
    widths = [round(em * pixels) * EMU_PER_DEVICE_PIXEL for em in ems]  # em * pixels: as advances(…, pixels)
    if "\u2014\u2014" in text:  # "——" is one glyph in CJK fonts: one unit
        for i in range(len(text) - 1, 0, -1):
            if _inside_dashes(text, scripts, i):
                widths[i - 1], widths[i] = widths[i - 1] + widths[i], 0.0
    return text, scripts, array("d", accumulate(widths, initial=0)), stops


def _inside_dashes(text: str, scripts: Sequence[bool], p: int) -> bool:
    """Return True if text[p] continues a run of em dashes set in the East Asian face."""
    return text[p] == text[p - 1] == "\u2014" and scripts[p] and scripts[p - 1]


def _line_end(text: str, scripts: Sequence[bool], sums: Sequence[float], start: int, stop: int, width: int) -> int:
    """Return where the line starting at `start` ends (the next line's first index). `sums`
    are the widths' running sums (`_measure`): the characters before index i fit while
    sums[i + 1] - sums[start] < width, the widths being whole numbers added exactly."""
    i = bisect_left(sums, sums[start] + width, start + 1) - 1  # the first that does not fit
    if i >= stop:
        return stop
    if text[i] == " ":
        return i + 1
    if i > 0 and scripts[i - 1] and not (is_hangul(text[i - 1]) and is_hangul(text[i])):
        brk = kinsoku_break(text, i)
        while brk > start and _inside_dashes(text, scripts, brk):
            brk = kinsoku_break(text, brk - 1)
    else:
        brk = next((p for p in range(i, start, -1) if uax14_break(text, p)), start)
    if brk > start:
        return brk
    end = max(i, start + 1)  # nothing fits: cut before the character that overflows
    while end < stop and _inside_dashes(text, scripts, end):
        end += 1  # never inside "——"
    return end


def wrap(
    runs: Sequence[Run],
    face: Face,
    size: int,
    width: int,
    *,
    bold: bool = False,
    italic: bool = False,
    code: Face | None = None,
) -> list[str]:
    """Return the lines a viewer shows for a paragraph of `runs` in a box `width` EMU wide.

    `face` is the paragraph's typefaces, `size` its font size in EMU, `bold`/`italic` the
    box's weight and slant (a run's own bold/italic adds to them); runs with code=True are
    measured in `code` (default: `face`). Lines lose their trailing spaces; '\\n' in a run
    forces a break; an empty paragraph is one empty line. A word wider than `width` is cut
    at the character that overflows, so every line holds at least one character.
    Raises ValueError if `width` or `size` is not positive.
    """
    if width <= 0 or size <= 0:
        raise ValueError(f"width and size must be positive, got {width} and {size} EMU")
    return list(_lines(tuple(runs), face, size, width, bold, italic, code))


@lru_cache(maxsize=1024)
def _lines(
    runs: tuple[Run, ...], face: Face, size: int, width: int, bold: bool, italic: bool, code: Face | None
) -> tuple[str, ...]:
    """`wrap`'s lines. Cached: fitting asks for the same paragraph at the same width again and
    again (its height, its narrowing, its phrases), six times in seven."""
    text, scripts, sums, stops = _measure(runs, face, size, bold, italic, code)
    lines: list[str] = []
    start = 0
    for stop in stops:
        if start == stop:
            lines.append("")
        while start < stop:
            end = _line_end(text, scripts, sums, start, stop, width)
            lines.append(text[start:end].rstrip(" "))
            start = end
        start = stop + 1
    return tuple(lines)


def count_lines(
    runs: Sequence[Run],
    face: Face,
    size: int,
    width: int,
    *,
    bold: bool = False,
    italic: bool = False,
    code: Face | None = None,
) -> int:
    """Return the number of lines `wrap` predicts (at least 1). Raises as `wrap` does."""
    if width <= 0 or size <= 0:
        raise ValueError(f"width and size must be positive, got {width} and {size} EMU")
    return len(_lines(tuple(runs), face, size, width, bold, italic, code))

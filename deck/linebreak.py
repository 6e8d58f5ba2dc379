"""Predict where a viewer breaks a paragraph into lines, from the runs, fonts and box width.

The paragraphs are written with eaLnBrk="1", latinLnBrk="0" and hangingPunct="0", and this
module predicts what LibreOffice Impress and PowerPoint do with them:

- CJK text may break between any two characters, except that a closing mark (，。、」）…
  small kana, ")" "," "%" …) never starts a line and an opening mark (「（《“ "(" …) never
  ends one (kinsoku); nothing hangs outside the box, so when a closing mark would start a line
  the character before it moves down with it.
- Latin text breaks after spaces and after a hyphen or dash; a break is allowed between a CJK
  character and a Latin one, both ways; a Latin word is split only when it alone is longer
  than the line, at the character that overflows.
- '\\n' in a run is a forced line break; spaces at the end of a line take no width.

The text is never changed: `wrap` only reports the lines a viewer is expected to show.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from deck.metrics import advances, is_east_asian, resolve_scripts
from deck.page import Run
from deck.theme import Face

# Characters that never start a line (closing marks, small kana, iteration marks, ...).
NO_START = frozenset(
    "!%),.:;?]}¢°'\"’”‰′″℃、。〃〆〉》」』】〕〗〙〛〞〟︰︱︳︶︸︺︼︾﹀﹂﹄﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞"
    "！％），．：；？］｝｡｣､･ｰ～￠…‥・々ー゛゜ゝゞヽヾ‖•·ˇˉ―"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "ｧｨｩｪｫｬｭｮｯ"
)
# Characters that never end a line (opening marks, currency signs that lead a number).
NO_END = frozenset("([{£¥$'\"‘“‵〈《「『【〔〖〘〚〝（［｛｢￡￥＄︵︷︹︻︽︿﹁﹃﹙﹛﹝")
SPACES = frozenset(" \t\u3000")
# Hyphens and dashes a Latin line may break after.
BREAK_AFTER = frozenset("-\u2010\u2013\u2014/")
DASH_PAIRS = frozenset("\u2014\u2026\u2025\u2015")  # —— …… ‥‥ ―― stay together


@dataclass(frozen=True)
class _Char:
    ch: str
    width: float  # EMU, unrounded
    east_asian: bool  # a strong East Asian character


def _measure(runs: Sequence[Run], face: Face, size: int, bold: bool, italic: bool,
             code: Face | None) -> list[_Char]:
    """Return the paragraph's characters with their widths, scripts resolved in context."""
    scripts = resolve_scripts("".join(run.text for run in runs))
    out: list[_Char] = []
    for run in runs:
        run_face = code if (run.code and code is not None) else face
        run_scripts = scripts[len(out):len(out) + len(run.text)]
        widths = advances(run.text, run_face, size, bold or run.bold, italic or run.italic,
                          run_scripts)
        out.extend(_Char(ch, w, is_east_asian(ch)) for ch, w in zip(run.text, widths))
    return out


def can_break(before: str, after: str) -> bool:
    """Return True if a line may end after character `before` and the next start with `after`.

    Spaces are handled by the caller (a line breaks after a run of spaces).
    """
    if after in SPACES or after == "\u00a0" or before == "\u00a0":
        return False
    if after in NO_START or before in NO_END:
        return False
    if before in SPACES:
        return True
    if before == after and before in DASH_PAIRS:
        return False
    if is_east_asian(before) or is_east_asian(after):
        return True
    if before in BREAK_AFTER:
        return not after.isdigit()
    return after == "\u2014"


def _break_line(chars: list[_Char], start: int, width: int) -> int:
    """Return where the line starting at `start` ends (index of the next line's first char).

    At least one character goes on every line.
    """
    total = 0.0
    i = start
    n = len(chars)
    while i < n:
        if chars[i].ch not in SPACES and total + chars[i].width > width:
            break
        total += chars[i].width
        i += 1
    if i >= n:
        return n
    # chars[i] overflows. Spaces before it hang; find the last allowed break at or before i.
    for b in range(i, start, -1):
        if can_break(chars[b - 1].ch, chars[b].ch):
            return b
    return max(i, start + 1)


def _lines(chars: list[_Char], width: int) -> list[str]:
    lines: list[str] = []
    start = 0
    while start < len(chars):
        end = _break_line(chars, start, width)
        lines.append("".join(c.ch for c in chars[start:end]).rstrip(" \t"))
        start = end
    return lines or [""]


def wrap(runs: Sequence[Run], face: Face, size: int, width: int, *, bold: bool = False,
         italic: bool = False, code: Face | None = None) -> list[str]:
    """Return the lines a viewer shows for a paragraph of `runs` in a box `width` EMU wide.

    `face` is the paragraph's typefaces, `size` its font size in EMU, `bold`/`italic` the
    box's weight and slant (a run's own bold/italic adds to them); runs with code=True are
    measured in `code` (default: `face`). Lines lose their trailing spaces; '\\n' in a run
    forces a break (an empty paragraph is one empty line). A word wider than `width`
    is split at the character that overflows, so every line holds at least one character.
    Raises ValueError if width is not positive.
    """
    if width <= 0:
        raise ValueError(f"line width must be positive, got {width} EMU")
    chars = _measure(runs, face, size, bold, italic, code)
    lines: list[str] = []
    start = 0
    for i, c in enumerate(chars + [_Char("\n", 0.0, False)]):
        if c.ch == "\n":
            lines.extend(_lines(chars[start:i], width))
            start = i + 1
    return lines


def count_lines(runs: Sequence[Run], face: Face, size: int, width: int, *, bold: bool = False,
                italic: bool = False, code: Face | None = None) -> int:
    """Return the number of lines `wrap` predicts (at least 1)."""
    return len(wrap(runs, face, size, width, bold=bold, italic=italic, code=code))

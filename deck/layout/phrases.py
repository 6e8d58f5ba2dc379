"""Where display text may break, and how its lines are chosen: BudouX phrases, balance, no lone
last character.

A viewer breaks Chinese and Japanese between any two characters (kinsoku aside), so a short
heading can break inside a word ("逐步解/码") and a paragraph can end with one character alone
on its last line ("…数据压/缩"). The text is never changed to prevent it; the layout chooses how
wide each paragraph's lines are (`Paragraph.narrow`, written as the paragraph's right margin):

- display text (a paragraph of at most DISPLAY_CHARS characters without a bullet: titles,
  headings, card, timeline and stat labels) takes the narrowest width at which it keeps its
  line count and every break falls between BudouX phrases (Chinese, Japanese) or words
  (`balance`); failing phrases, the narrowest width that keeps the count, so its lines are
  balanced, as CSS `text-wrap: balance` does;
- a leading number label ("3 " before a step's title) is never left alone on a line;
- display text that no width breaks between phrases, in one run, is broken by hand between
  phrases (`phrase_lines`: a line break, `a:br`, written between two phrases; the text is
  otherwise unchanged) where that takes no more lines than its box has room for;
- any other paragraph whose last line would hold a single CJK character (punctuation aside)
  is narrowed by up to MAX_PULL_EM ems until its last line holds two, keeping its line count,
  and still two with SLACK_EM more room (a viewer that kerns sets lines a little narrower).

The width is only chosen where the measurement (deck.layout.linebreak) shows the same number of
lines with and without the theme's safety margin as before, so fitting is never undone.
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path

from deck.layout.linebreak import NO_END, NO_START
from deck.layout.metrics import is_east_asian

DISPLAY_CHARS = 40  # paragraphs up to this long are display text
MAX_PULL_EM = 4  # a paragraph is narrowed by at most this many ems to end with two characters
SLACK_EM = 0.25  # … and keeps them when a viewer sets its lines this much narrower than measured
STEPS = 24  # display text tries this many widths between its box's and half of it
_NUMBER = re.compile(r"\s*\d{1,3}[.:)]?\s*")  # a leading number label, as a step's "3 "
_KANJI = "\u3005\u4e00-\u9fff"
# a word of two kanji; compiled (by re, 2 ms for its three classes) only when Japanese text needs it
_TWO_KANJI = f"(?<![{_KANJI}])[{_KANJI}]{{2}}(?![{_KANJI}])"


def kerned(width: int, size: int) -> int:
    """Return the line width a viewer that kerns may fill where `width` is measured: SLACK_EM
    more at `size`."""
    return width + round(SLACK_EM * size)


def is_cjk_letter(ch: str) -> bool:
    return is_east_asian(ch) and unicodedata.category(ch).startswith("L")


def lone_last(line: str) -> bool:
    """Return True if `line`, a paragraph's last, holds a single CJK letter (punctuation aside)."""
    found = None
    for ch in line:  # the characters other than punctuation, symbols and spaces: stop at the second
        if unicodedata.category(ch)[0] not in "PSZ":
            if found is not None:
                return False
            found = ch
    return found is not None and is_cjk_letter(found)


def is_display(text: str, level: int) -> bool:
    return level == 0 and 0 < len(text.strip()) <= DISPLAY_CHARS and "\n" not in text


# BudouX's features: the characters (U), pairs (B) and triples (T) around a possible break
_FEATURES = ("UW1", "UW2", "UW3", "UW4", "UW5", "UW6", "BW1", "BW2", "BW3", "TW1", "TW2", "TW3", "TW4")


@cache
def _model(japanese: bool) -> tuple[float, tuple[dict[str, int], ...]]:
    """BudouX's model for Japanese or Simplified Chinese: its base score and its feature
    tables (_FEATURES), read from the budoux package's own file when first needed, without
    importing budoux (whose HTML tools a build never uses)."""
    folder = Path(importlib.util.find_spec("budoux").origin).parent / "models"
    model = json.loads((folder / ("ja.json" if japanese else "zh-hans.json")).read_text(encoding="utf-8"))
    base = -sum(sum(group.values()) for group in model.values()) * 0.5
    return base, tuple(model.get(name, {}) for name in _FEATURES)


def _budoux_starts(text: str, japanese: bool) -> list[int]:
    """Return where BudouX's phrases of `text` start: `budoux.Parser.parse`'s scores, added in
    its order, without building the phrases."""
    base, (uw1, uw2, uw3, uw4, uw5, uw6, bw1, bw2, bw3, tw1, tw2, tw3, tw4) = _model(japanese)
    n, starts = len(text), [0]
    for i in range(1, n):
        score = base
        if i > 2:
            score += uw1.get(text[i - 3], 0)
        if i > 1:
            score += uw2.get(text[i - 2], 0)
        score += uw3.get(text[i - 1], 0)
        score += uw4.get(text[i], 0)
        if i + 1 < n:
            score += uw5.get(text[i + 1], 0)
        if i + 2 < n:
            score += uw6.get(text[i + 2], 0)
        if i > 1:
            score += bw1.get(text[i - 2 : i], 0)
        score += bw2.get(text[i - 1 : i + 1], 0)
        if i + 1 < n:
            score += bw3.get(text[i : i + 2], 0)
        if i > 2:
            score += tw1.get(text[i - 3 : i], 0)
        if i > 1:
            score += tw2.get(text[i - 2 : i + 1], 0)
        if i + 1 < n:
            score += tw3.get(text[i - 1 : i + 2], 0)
        if i + 2 < n:
            score += tw4.get(text[i : i + 3], 0)
        if score > 0:
            starts.append(i)
    return starts


@cache
def phrase_starts(text: str) -> frozenset[int] | None:
    """Return the positions where a BudouX phrase of `text` starts (Chinese, or Japanese where
    the text has kana), or None for text without Chinese characters or kana (or with Hangul)."""
    if not any(is_cjk_letter(ch) for ch in text) or any("\uac00" <= ch <= "\ud7af" for ch in text):
        return None
    japanese = any("\u3040" <= ch <= "\u30ff" for ch in text)
    starts = set(_budoux_starts(text, japanese))
    if japanese:
        starts = mend_two_kanji_words(text, starts)
    # never inside a Latin word or number, nor where kinsoku forbids a break
    return frozenset(p for p in starts if p == 0 or may_break(text, p))


def mend_two_kanji_words(text: str, starts: set[int]) -> set[int]:
    """Return BudouX's phrase `starts` in Japanese `text` with its one known slip mended: a
    two-kanji word between katakana split in half ("チャンク分|割プリフィル"). There the phrase
    starts move to the word's edges beside katakana ("チャンク|分割|プリフィル")."""
    out = set(starts)
    for run in re.finditer(_TWO_KANJI, text):
        a, b = run.span()
        if a + 1 in out:
            out.discard(a + 1)
            out |= {p for p in (a, b) if 0 < p < len(text) and _katakana(text[p - 1]) != _katakana(text[p])}
    return out


def _katakana(ch: str) -> bool:
    return "\u30a0" <= ch <= "\u30ff"


def may_break(text: str, p: int) -> bool:
    """Return True unless a break before text[p] splits a Latin word, breaks kinsoku or
    leaves a leading number alone on its line (a step's "3 " before its title)."""
    latin_word = _latin(text[p - 1]) and _latin(text[p])
    return not latin_word and text[p] not in NO_START and text[p - 1] not in NO_END and not after_number(text, p)


def after_number(text: str, p: int) -> bool:
    """Return True if text[:p] is only a short number (a label such as "3 " or "12."): a line
    holding it alone reads as a stray figure, so display text never breaks there."""
    return _NUMBER.fullmatch(text[:p]) is not None


def breaks(text: str, lines: list[str]) -> list[int]:
    """Return where each line after the first starts in `text` (lines lose trailing spaces)."""
    out, p = [], 0
    for n, line in enumerate(lines):
        start = text.index(line, p) if line else p
        if n:
            out.append(start)
        p = start + len(line)
    return out


def at_phrases(text: str, starts: list[int]) -> bool:
    """Return True if every line start falls between phrases: after a space, at a BudouX phrase
    start, or between two characters that are not CJK (Latin text breaks between words)."""
    if not starts:  # one line: its phrases need not be found
        return True
    phrases = phrase_starts(text)
    return phrases is None or all(
        not after_number(text, p)
        and (p in phrases or text[p - 1] == " " or not (is_east_asian(text[p - 1]) or is_east_asian(text[p])))
        for p in starts
    )


def split_words(text: str, starts: list[int]) -> int:
    """Return how many line starts fall inside a Latin word or number."""
    return sum(_latin(text[p - 1]) and _latin(text[p]) for p in starts)


def _latin(ch: str) -> bool:
    return ch.isalnum() and not is_east_asian(ch)


def choose_narrowing(
    text: str,
    level: int,
    width: int,
    size: int,
    wrap: Callable[[int], list[str]],
    safe: Callable[[int], int],
    spare: int = 0,
) -> int:
    """Return how much narrower (EMU) than `width` the paragraph's lines should be set.

    `wrap(w)` returns its lines at line width w as a viewer shows them; `safe(w)` its line
    count with the theme's safety margin (what fitting counted). Display text may take up to
    `spare` more lines (its box has room) to break between phrases. No width is taken that
    splits more Latin words than the full width does. Returns 0 where nothing is better or
    nothing keeps the counts."""
    lines = wrap(width)
    if len(lines) < 2:
        return 0
    n, n_safe = len(lines), safe(width)
    splits = split_words(text, breaks(text, lines))

    def keeps(w: int, more: int = 0) -> list[str] | None:
        got = wrap(w)
        if len(got) != n + more or safe(w) > n_safe + more:
            return None
        return got if split_words(text, breaks(text, got)) <= splits else None

    if is_display(text, level):
        for more in range(spare + 1):
            phrased, balanced = _narrowest(text, width, n + more, lambda w, more=more: keeps(w, more), wrap, size)
            if phrased is not None:
                return width - phrased
            if not more:
                if at_phrases(text, breaks(text, lines)) and not lone_last(lines[-1]):
                    return 0
                fallback = balanced
        return width - fallback if fallback is not None else 0
    if not lone_last(lines[-1]) and not lone_last(wrap(kerned(width, size))[-1]):
        return 0
    for k in range(1, 2 * MAX_PULL_EM + 1):
        w = width - k * size // 2
        if w < width // 2:
            break
        got = keeps(w)
        # a viewer that kerns sets a line a little narrower than measured: with SLACK_EM more
        # room, the last line must still hold more than one character
        if got is not None and not lone_last(got[-1]) and not lone_last(wrap(kerned(w, size))[-1]):
            return width - w
    return 0


def _narrowest(text: str, width: int, n: int, keeps, wrap, size: int) -> tuple[int | None, int | None]:
    """Return the narrowest line widths (of STEPS down to half of `width`) at which the text
    keeps `n` lines (`keeps`) with no lone last character: breaking between phrases, and at all
    (where it can, between words: `at_words`). Phrases and words count only where a viewer
    with SLACK_EM more room (it kerns) breaks the lines at the same places."""
    balanced = worded = phrased = None
    for k in range(1, STEPS + 1):
        w = width - round(k * width / (2 * STEPS))
        got = keeps(w)
        if got is None:
            if len(wrap(w)) > n:
                break
            continue
        if not lone_last(got[-1]):
            balanced = w
            starts = breaks(text, got)
            if at_words(text, starts) and wrap(kerned(w, size)) == got:
                worded = w
                if at_phrases(text, starts):
                    phrased = w
    return phrased, worded if worded is not None else balanced


def at_words(text: str, starts: list[int]) -> bool:
    """Return True if every line start falls between words: at a phrase, or where Japanese
    changes script between katakana and kanji inside a phrase (a compound's words: 連続|バッチ|
    処理, ページング|注意機構). Display text with a phrase wider than its line breaks there."""
    return all(at_phrases(text, [p]) or (_compound_seam(text, p) and may_break(text, p)) for p in starts)


def _compound_seam(text: str, p: int) -> bool:
    """Return True if text[p - 1] and text[p] are a katakana and a kanji, in either order."""
    a, b = text[p - 1], text[p]
    return (_katakana(a) and _kanji(b)) or (_kanji(a) and _katakana(b))


def _kanji(ch: str) -> bool:
    return ch == "\u3005" or "\u4e00" <= ch <= "\u9fff"


def phrase_lines(text: str, fits: Callable[[str], bool]) -> list[str] | None:
    """Return `text` packed into lines phrase by phrase (BudouX phrases, and words after
    spaces), each as long as `fits` allows; None for text without phrases or with a phrase
    that fits no line."""
    phrases = phrase_starts(text)
    if phrases is None:
        return None
    spaces = {i + 1 for i, ch in enumerate(text) if ch == " " and not after_number(text, i + 1)}
    cuts = sorted(phrases | spaces | {len(text)})
    lines, start, end = [], 0, 0
    for cut in cuts[1:]:
        if fits(text[start:cut]):
            end = cut
            continue
        if end == start:
            return None  # one phrase is longer than the line
        lines.append(text[start:end])
        start = end
        if not fits(text[start:cut]):
            return None
        end = cut
    lines.append(text[start:])
    return lines

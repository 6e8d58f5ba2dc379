"""The language of each stretch of a run's text: its script, read against the deck's language.

A run keeps the deck's language for the deck's own script; another script gets its own
language, and `altLang` the deck's, as PowerPoint marks text typed in a second language:
kana (and the Han written with it) is Japanese, Hangul Korean, Han in a deck that is not
Chinese, Japanese or Korean takes the theme's East Asian language, and Latin letters in a CJK
deck are English. Spaces, digits and punctuation go with the text before them (or after,
at the start). Screen readers read each stretch in its language; PowerPoint draws it with
the font scheme's face for that script.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

# The scripts by code point, as inclusive ranges: a character is classed by one comparison
# per range rather than by regular expressions, whose classes this large take Python tens of
# milliseconds to compile at every start.
_HAN = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F))
_KANA = ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9D))
_HANGUL = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF))
_CJK_MARKS = ((0x3000, 0x303F), (0xFF01, 0xFF0F), (0xFF1A, 0xFF20), (0xFF3B, 0xFF40), (0xFF5B, 0xFF65))  # punctuation
_CLASSED = sorted(
    [(lo, hi, "H") for lo, hi in _HAN]
    + [(lo, hi, "K") for lo, hi in _KANA]
    + [(lo, hi, "G") for lo, hi in _HANGUL]
    + [(lo, hi, "M") for lo, hi in _CJK_MARKS]
)
_STARTS = tuple(lo for lo, _, _ in _CLASSED)
# A stretch of East Asian text (its punctuation inside it), or of letters of another script,
# over the text's classes (`_class`): Han or kana, Hangul, marks, other letters.
_STRETCH = re.compile("[HK][HKM]*|G[GM]*|L+")
_CJK_LANGUAGES = ("zh", "ja", "ko")


def language_runs(text: str, deck: str, east_asian: str) -> tuple[tuple[str, str], ...]:
    """Return `text` as (piece, language) stretches, in order, joined back to `text`: the
    deck's language `deck` for its own script, the script's language for others
    (`east_asian` for Han in a deck that is not CJK). Stretches of one language merge."""
    return _runs(text, deck, east_asian)


@lru_cache(maxsize=4096)
def _runs(text: str, deck: str, east_asian: str) -> tuple[tuple[str, str], ...]:
    cjk_deck = deck.split("-")[0].lower() in _CJK_LANGUAGES
    pieces: list[list[str]] = []
    last = 0
    classes = "".join(map(_class, text))
    for match in _STRETCH.finditer(classes):
        lang = _language(match.group(), deck, cjk_deck, east_asian)
        gap, stretch = text[last : match.start()], text[match.start() : match.end()]
        if pieces and pieces[-1][1] == lang:
            pieces[-1][0] += gap + stretch
        elif pieces:
            pieces[-1][0] += gap
            pieces.append([stretch, lang])
        else:
            pieces.append([gap + stretch, lang])
        last = match.end()
    if not pieces:
        return ((text, deck),)
    pieces[-1][0] += text[last:]
    return tuple((piece, lang) for piece, lang in pieces)


def _language(classes: str, deck: str, cjk_deck: bool, east_asian: str) -> str:
    """The language of a stretch, given its characters' classes (`_class`)."""
    primary = deck.split("-")[0].lower()
    if classes[0] == "L":
        return "en-US" if cjk_deck else deck  # letters of an alphabet
    if "K" in classes:
        return deck if primary == "ja" else "ja-JP"
    if "G" in classes:
        return deck if primary == "ko" else "ko-KR"
    return deck if cjk_deck else east_asian


@lru_cache(maxsize=1 << 16)
def _class(ch: str) -> str:
    """Return the class of character `ch`: 'H' Han, 'K' kana, 'G' Hangul, 'M' CJK punctuation,
    'L' a letter of another script (a word character that is not a digit or '_', as `\\w` and
    `\\d` say), else 'o' (spaces, digits, other punctuation)."""
    cp = ord(ch)
    i = bisect_right(_STARTS, cp) - 1
    if i >= 0 and cp <= _CLASSED[i][1]:
        return _CLASSED[i][2]
    return "L" if ch.isalnum() and not ch.isdecimal() else "o"

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
from functools import lru_cache

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_KANA = "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9d"
_HANGUL = "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"
_CJK_MARKS = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"  # CJK punctuation
# A stretch of East Asian text (its punctuation inside it), or of letters of another script.
_STRETCH = re.compile(
    f"[{_HAN}{_KANA}][{_HAN}{_KANA}{_CJK_MARKS}]*|[{_HANGUL}][{_HANGUL}{_CJK_MARKS}]*|[^\\W\\d_{_HAN}{_KANA}{_HANGUL}{_CJK_MARKS}]+"
)
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
    for match in _STRETCH.finditer(text):
        lang = _language(match.group(), deck, cjk_deck, east_asian)
        gap = text[last : match.start()]
        if pieces and pieces[-1][1] == lang:
            pieces[-1][0] += gap + match.group()
        elif pieces:
            pieces[-1][0] += gap
            pieces.append([match.group(), lang])
        else:
            pieces.append([gap + match.group(), lang])
        last = match.end()
    if not pieces:
        return ((text, deck),)
    pieces[-1][0] += text[last:]
    return tuple((piece, lang) for piece, lang in pieces)


def _language(stretch: str, deck: str, cjk_deck: bool, east_asian: str) -> str:
    primary = deck.split("-")[0].lower()
    first = stretch[0]
    if re.match(f"[{_HAN}{_KANA}{_HANGUL}]", first) is None:
        return "en-US" if cjk_deck else deck  # letters of an alphabet
    if re.search(f"[{_KANA}]", stretch):
        return deck if primary == "ja" else "ja-JP"
    if re.search(f"[{_HANGUL}]", stretch):
        return deck if primary == "ko" else "ko-KR"
    return deck if cjk_deck else east_asian

"""How an outline's bytes become text: UTF-8 only, other encodings named when they are met, and
characters a slide cannot hold refused before YAML reads the text."""

from __future__ import annotations

import re

from deck.problems import Problem, Where
from deck.source.traps import bad_character, find_bad_character, line_col


def decode(data: bytes, shown: str) -> tuple[str, Problem | None]:
    """Return the text of an outline's bytes (UTF-8, a byte order mark dropped), or "" and the
    problem (located at the file `shown`) when they are in another encoding."""
    wide = wide_encoding(data)
    if wide:
        return "", Where(shown, 1, 1).error("S103", f"the file is {wide}; save it as UTF-8 in your editor")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = len(data[data.rfind(b"\n", 0, exc.start) + 1 : exc.start].decode("utf-8", "replace")) + 1
        return "", Where(shown, line, col).error(
            "S103",
            f"the file is not UTF-8 (byte 0x{data[exc.start]:02x} here); save it as UTF-8 in your editor",
        )


# How UTF-16 and UTF-32 text begins: a byte order mark, or (YAML 1.2 §5.2) a first character
# below U+0080 with its zero bytes; UTF-32 first, as its marks begin with UTF-16's.
_WIDE_STARTS = (
    ("UTF-32", re.compile(rb"^(\x00\x00\xfe\xff|\xff\xfe\x00\x00|\x00\x00\x00[\x01-\x7f]|[\x01-\x7f]\x00\x00\x00)")),
    ("UTF-16", re.compile(rb"^(\xfe\xff|\xff\xfe|\x00[\x01-\x7f]|[\x01-\x7f]\x00)")),
)


def wide_encoding(data: bytes) -> str | None:
    """Return `UTF-16` or `UTF-32` when `data` is text in that encoding (either byte order),
    else None. Told by a byte order mark, by the zero bytes of a first character below U+0080,
    or else by zero bytes in the same place of most 2 or 4 bytes (text that starts with, say,
    a Chinese character)."""
    named = next((name for name, pattern in _WIDE_STARTS if pattern.match(data)), None)
    sample = data[: min(len(data), 4096) // 4 * 4]
    if named or not sample or sample.count(0) * 8 < len(sample):
        return named
    units = len(sample) // 4
    zeros = [sample[i::4].count(0) for i in range(4)]  # zero bytes at each place of 4
    if (zeros[3] == units and zeros[2] * 2 >= units) or (zeros[0] == units and zeros[1] * 2 >= units):
        return "UTF-32"
    odd, even = zeros[1] + zeros[3], zeros[0] + zeros[2]
    return "UTF-16" if odd >= 9 * even or even >= 9 * odd else None


def check_characters(text: str, shown: str, most: int = 20) -> list[Problem]:
    """Return a located problem for each character an outline may not hold (at most `most`)."""
    problems = []
    index = find_bad_character(text, 0)
    while index >= 0 and len(problems) < most:
        line, col = line_col(text, index)
        problems.append(Where(shown, line, col).error("S104", bad_character(text[index])))
        index = find_bad_character(text, index + 1)
    return problems

"""Problems in user input as values with locations, and the exit statuses."""

from __future__ import annotations

import enum
import unicodedata
from pathlib import Path

from deck.frozen import frozen

ERROR = "error"
WARNING = "warning"

_CUT = 60  # longest piece of user text echoed inside a message


class Exit(enum.IntEnum):
    """Exit statuses of the CLI (SPEC §6); decided in one place, `deck.cli`."""

    OK = 0
    INPUT = 1  # the outline or theme has errors (or warnings under --strict)
    USAGE = 2  # wrong usage: unknown flag, missing file
    INTERNAL = 3  # a bug
    EXPORT = 4  # PDF/PNG export failed or unavailable; the .pptx was written
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT); nothing was written
    TERMINATED = 143  # SIGTERM (128 + 15); nothing was written


@frozen(order=True)
class Problem:
    """One thing wrong with the input, at `path:line:column` (1-based; 0 = whole file), with a
    stable `code` (see `deck.codes`; `deck explain CODE` prints its long form)."""

    path: str
    line: int
    column: int
    message: str
    level: str  # ERROR or WARNING
    code: str

    def format(self) -> str:
        """Return the one-line form `path:line:col: level[CODE]: message`."""
        return f"{self.path}:{self.line}:{self.column}: {self.level}[{self.code}]: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.level == ERROR


@frozen
class Code:
    """The long form of a problem code, printed by `deck explain CODE`: what is wrong, a small
    example that shows it, and how to fix it."""

    name: str  # kebab-case, e.g. `duplicate-key`
    summary: str  # one line
    explanation: str
    example: str  # a small input (or command) that has the problem
    fix: str


@frozen
class Where:
    """A location in a source file; `line` and `column` are 1-based."""

    path: str
    line: int = 0
    column: int = 0

    def error(self, code: str, message: str) -> Problem:
        """Return the error `code` here (`message` says what is wrong and how to fix it)."""
        return Problem(self.path, self.line, self.column, message, ERROR, code)

    def warning(self, code: str, message: str) -> Problem:
        """Return the warning `code` here (`message` says what is wrong and how to fix it)."""
        return Problem(self.path, self.line, self.column, message, WARNING, code)


def display_path(path: Path | str) -> str:
    """Return `path` as the user should see it: relative to the working folder when inside it."""
    p = Path(path)
    try:  # the folders resolved, the name kept: a symbolic link is shown as itself
        full = p.parent.resolve() / p.name if p.name not in ("", "..") else p.resolve()
        return str(full.relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # outside it; a link loop, a name too long
        return str(p)


def cut(value: object, limit: int = _CUT) -> str:
    """Return `value` as text short enough to echo in a message, marking any cut with `…`;
    control and format characters (escape sequences, bidi overrides) are shown as `\\xNN` or
    `\\uNNNN`, so that a message can never drive the terminal it is printed on."""
    text = "".join(_visible(c) for c in str(value).replace("\n", "⏎"))
    if len(text) > limit:
        return text[: limit - 1] + f"…(+{len(text) - limit + 1} chars)"
    return text


def _visible(char: str) -> str:
    if unicodedata.category(char) not in ("Cc", "Cf", "Zl", "Zp", "Cs"):
        return char
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def sort_problems(problems: list[Problem] | tuple[Problem, ...]) -> list[Problem]:
    """Return problems sorted by path, line, column, level, message, without duplicates."""
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.column, p.level, p.message))

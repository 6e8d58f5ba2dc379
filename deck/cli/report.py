"""What the command line prints about problems, and the exit status they mean (decided here only);
the usage errors of an outline or theme that cannot be used."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from deck.output.target import check_theme_option, unusable
from deck.problems import Exit, Problem


def missing(path: Path) -> int | None:
    """The usage error for an outline path that names no readable file (None when it does)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:  # a name too long, a link loop, a folder deck may not enter
        return report([unusable(path, exc)])
    if st is None or not stat.S_ISREG(st.st_mode):
        print(
            f"deck: error: no outline at {path}; give its path, or create one with `deck new {path}`", file=sys.stderr
        )
        return Exit.USAGE
    return None


def unusable_theme(theme: str | None) -> int | None:
    """The usage error for a `--theme` that is neither a built-in theme nor a file (None when fine)."""
    from deck.theme.load import BUILTIN

    refused = None if theme is None else check_theme_option(theme, tuple(BUILTIN))
    return None if refused is None else report([refused])


MAX_SHOWN = 200  # problems printed at most; the rest are counted

# Problems that are not about the input, by code: the exit status each one means (SPEC §6).
_EXIT_OF = {
    "O101": Exit.USAGE,  # the output cannot be replaced
    "O103": Exit.EXPORT,  # the export tool is missing
    "O104": Exit.EXPORT,
    "O105": Exit.EXPORT,
    "O106": Exit.EXPORT,
    **dict.fromkeys(("O110", "O111", "O112", "O113", "O114", "O115", "O116", "O118", "O119"), Exit.USAGE),
    "O120": Exit.INTERRUPTED,  # Ctrl-C
    "O121": Exit.TERMINATED,  # SIGTERM
}


def exit_status(problems: list[Problem], strict: bool = False) -> Exit:
    """Return the exit status the problems a command found mean; the one place it is decided.

    Errors in the outline or theme (and, when `strict`, warnings) → INPUT; an output that could
    not be replaced → USAGE; a failed export → EXPORT; with several, the first of these in this
    order; none → OK.
    """
    failing = [p for p in problems if p.is_error or strict]
    return min((_EXIT_OF.get(p.code, Exit.INPUT) for p in failing), default=Exit.OK)


def report(problems: list[Problem], strict: bool = False) -> Exit:
    """Print `problems` (sorted) to stderr, and for input errors a count; return the exit status."""
    for problem in problems[:MAX_SHOWN]:
        print(problem.format(), file=sys.stderr)
    if len(problems) > MAX_SHOWN:
        print(f"deck: … and {len(problems) - MAX_SHOWN} more problems not shown", file=sys.stderr)
    status = exit_status(problems, strict)
    if status == Exit.INPUT:
        n = sum(p.is_error for p in problems)
        w = len(problems) - n if strict else 0
        what = f"{n} error{'s' if n != 1 else ''}" + (f" and {w} warning{'s' if w != 1 else ''}" if w else "")
        print(f"deck: {what}; nothing was written", file=sys.stderr)
    return status

"""Stopping by a signal: SIGTERM raised where the program is, as Ctrl-C is, so that clean-ups
run; and the problem that says what was being made when it stopped."""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from deck.problems import Problem, Where, display_path

INTERRUPTED, TERMINATED = "O120", "O121"  # the problem codes: Ctrl-C (SIGINT) and SIGTERM


class Terminated(BaseException):
    """SIGTERM arrived (raised by the handler `on_sigterm` installs)."""


class Stopped(BaseException):
    """Ctrl-C or SIGTERM arrived while `path` was being made; `code` says which."""

    def __init__(self, path: Path, code: str):
        super().__init__(path, code)
        self.path, self.code = path, code


@contextmanager
def making(path: Path) -> Iterator[None]:
    """Name `path` as the file (or folder) being made, should a signal stop the program
    meanwhile: KeyboardInterrupt and Terminated leave the block as Stopped."""
    try:
        yield
    except KeyboardInterrupt:
        raise Stopped(path, INTERRUPTED) from None
    except Terminated:
        raise Stopped(path, TERMINATED) from None


def on_sigterm() -> Callable[[], object]:
    """Make SIGTERM raise Terminated (from the main thread only; elsewhere nothing changes);
    return a function that restores the previous handler."""

    def _raise(signum, frame):
        raise Terminated()

    try:
        previous = signal.signal(signal.SIGTERM, _raise)
    except ValueError:  # not the main thread: only it may set a handler (asked so, threading is not imported)
        return lambda: None
    return lambda: signal.signal(signal.SIGTERM, previous)


def stopped(stop: BaseException, where: Path) -> Problem:
    """Return the problem for a stop: O120 (Ctrl-C) or O121 (SIGTERM), located at the file that
    was being made (a Stopped), or at `where` when nothing was."""
    if isinstance(stop, Stopped):
        code, path, what = stop.code, stop.path, "this was not written, and is as it was"
    else:
        code = INTERRUPTED if isinstance(stop, KeyboardInterrupt) else TERMINATED
        path, what = where, "nothing was written"
    how = "Ctrl-C (SIGINT)" if code == INTERRUPTED else "SIGTERM"
    return Where(display_path(path)).error(code, f"stopped by {how}; {what}")

"""What an export returns and tells: `ExportResult`, its problems (located at the file that was
not made; a failed PDF export removes the old PDF deck wrote) and the progress lines printed on
stderr when it is a terminal."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from deck.frozen import frozen
from deck.output import written
from deck.problems import Problem, Where, display_path


@frozen
class ExportResult:
    """What an export wrote: `paths` in order on success; `problem` says what went wrong."""

    paths: tuple[Path, ...] = ()
    problem: Problem | None = None
    seconds: float = 0.0  # wall time spent in the external tool
    warnings: tuple[Problem, ...] = ()  # e.g. a PDF deck did not write, kept aside (O117)

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def path(self) -> Path:
        """The single (or first) file written; raises ValueError after a failed export."""
        if not self.paths:
            raise ValueError(f"nothing was exported: {self.problem and self.problem.message}")
        return self.paths[0]


def problem_at(target: Path, code: str, message: str) -> Problem:
    """An export problem, located at the file (or folder) that was not made."""
    return Where(display_path(target)).error(code, message)


def not_ours(path: Path) -> Problem:
    """The error O114: deck would write `path`, but a file it did not write is there."""
    return problem_at(
        path,
        "O114",
        "deck did not write this file (or it was changed since), so it will not replace it; move it "
        "away, or write the pictures to another folder with -o",
    )


def kept_warning(pdf: Path, kept: Path) -> Problem:
    """The warning O117: a PDF deck did not write was at `pdf`; it was kept as `kept`."""
    return Where(display_path(pdf)).warning(
        "O117",
        f"deck did not write the PDF that was here (or it was changed since); kept it as "
        f"{display_path(kept)} and wrote the new PDF in its place",
    )


def failed_pdf(pdf: Path, code: str, message: str, seconds: float = 0.0, progress: bool | None = False) -> ExportResult:
    """A failed PDF export (`code`, `message`), after removing the old PDF deck wrote at `pdf`,
    so it cannot pass for the new deck's (one deck did not write is left, and the message says so)."""
    say_done(progress, seconds, failed=True)
    try:
        if written.remove_own([pdf]):
            message += f"; removed the old {pdf.name} so it is not mistaken for this deck's"
        elif os.path.lexists(pdf):
            message += f"; left {pdf.name} as it was: deck did not write it, so it is not this deck's PDF"
    except OSError as e:
        message += f"; could not remove the old {pdf.name}: {e.strerror or e}"
    return ExportResult((), problem_at(pdf, code, message), seconds)


def looks_like_pdf(path: Path) -> bool:
    """Whether the file at `path` starts as a PDF does."""
    try:
        with path.open("rb") as f:
            return f.read(5) == b"%PDF-"
    except OSError:
        return False


def say(progress: bool | None, message: str) -> None:
    if progress if progress is not None else _stderr_is_terminal():
        print(message, end=" ", file=sys.stderr, flush=True)


def say_done(progress: bool | None, seconds: float, failed: bool = False) -> None:
    if progress if progress is not None else _stderr_is_terminal():
        print(f"{'failed' if failed else 'done'} ({seconds:.1f} s)", file=sys.stderr, flush=True)


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # replaced or closed stderr
        return False

"""`deck watch`: rebuild the deck in this warm process on every save of its outline, theme file or pictures."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from deck.frozen import frozen
from deck.layout.page import Picture
from deck.pipeline import Outcome, build_outline, default_output
from deck.problems import display_path

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start-up
if TYPE_CHECKING:
    from typing import TextIO

STEP_MS = 100  # a change is built once no further change has come for this long (an editor's save-rename)
POLL_MS = 1000  # between these waits, the files' stat is compared too: a change missed by events still counts


@frozen
class Job:
    """What to build: the outline, the output (None: `build/<stem>.pptx`), a theme override
    (a built-in name or a path relative to the working folder), and whether to export a PDF."""

    outline: Path
    output: Path | None = None
    theme: str | None = None
    pdf: bool = False


def rebuild(job: Job) -> tuple[Outcome, str]:
    """Build `job` once, in this process; return the outcome and its one-line report: time
    taken, slide count and the slides changed since the previous build, or why it failed."""
    start = time.perf_counter()
    outcome = build_outline(job.outline, job.output, job.theme, pdf=job.pdf)
    took = time.perf_counter() - start
    clock = time.strftime("%H:%M:%S")
    if outcome.output is None:
        target = display_path(job.output or default_output(job.outline))
        why = f"{len(outcome.errors)} error{'s' if len(outcome.errors) != 1 else ''}"
        return outcome, f"[{clock}] not built ({why}); {target} is left as it was; waiting for the next save"
    n = len(outcome.pages.pages)
    line = (
        f"[{clock}] built {display_path(outcome.output)}: {n} slide{'s' if n != 1 else ''} in {took:.2f} s; "
        f"{outcome.changes.summary()}"
    )
    if job.pdf:
        from deck.export import export_pdf

        result = export_pdf(outcome.output, outcome.output.with_suffix(".pdf"), progress=False)
        line += f"; PDF in {result.seconds:.1f} s" if result.ok else f"; no PDF: {result.problem.message}"
    return outcome, line


def watched_files(job: Job, outcome: Outcome, before: frozenset[Path] = frozenset()) -> frozenset[Path]:
    """Return the files a build of `job` reads (resolved): the outline, a theme file (or
    template) and the template it names, and the pictures. After a build that stopped early,
    the files of the last good build are kept."""
    files = {job.outline.resolve()}
    if job.theme is not None:
        files |= _theme_file(job.theme, Path.cwd())
    if outcome.deck is None:
        if job.theme is None:
            files |= _theme_file(_named_theme(job.outline), job.outline.parent)
        return frozenset(files | before)
    if job.theme is None:
        files |= _theme_file(outcome.deck.theme, job.outline.parent)
    if outcome.theme is not None and outcome.theme.template is not None:  # a theme file's template:
        files.add(outcome.theme.template.path.resolve())
    pages = outcome.pages.pages if outcome.pages is not None else ()
    files |= {e.path.resolve() for page in pages for e in page.elements if isinstance(e, Picture)}
    return frozenset(files)


def _theme_file(ref: str | None, base: Path) -> set[Path]:
    from deck.theme.load import BUILTIN

    return set() if ref is None or ref in BUILTIN else {(base / ref).resolve()}


def _named_theme(outline: Path) -> str | None:
    """The `theme:` an outline names, read even when the outline has other errors."""
    from deck.source.located import Map, Scalar
    from deck.source.reader import load_yaml

    node, _ = load_yaml(outline, str(outline))
    value = node.get("theme") if isinstance(node, Map) else None
    return value.text if isinstance(value, Scalar) else None


def watch(
    job: Job,
    out: TextIO | None = None,
    err: TextIO | None = None,
    stop: threading.Event | None = None,
    debug: bool = False,
    on_build: Callable[[Outcome, str], str] | None = None,
) -> int:
    """Build `job`, then rebuild it on every change of the files it reads until `stop` is set
    (SIGINT and SIGTERM set it when called from the main thread). Returns exit status 0.
    Problems go to `err`, one report line a build to `out`; a build's failure never ends the watch.
    `on_build(outcome, line)`, when given, is called after each build and returns the line to report."""
    import watchfiles

    out, err = out or sys.stdout, err or sys.stderr
    stop = stop or threading.Event()
    restore = _stop_on_signals(stop)
    try:
        files, state = _cycle(job, frozenset(), out, err, debug, on_build)
        _say(out, f"watching {_list(files)}… (Ctrl-C to stop)")
        while not stop.is_set():
            folders = sorted({f.parent for f in files if f.parent.is_dir()})
            if not folders:
                stop.wait(POLL_MS / 1000)
                files, state = _cycle(job, files, out, err, debug, on_build)
                continue
            watching = files
            for events in watchfiles.watch(
                *folders,
                watch_filter=lambda _, p, watching=watching: Path(p) in watching,
                recursive=False,
                step=STEP_MS,
                rust_timeout=POLL_MS,
                yield_on_timeout=True,
                stop_event=stop,
                raise_interrupt=False,
            ):
                if not events and _snapshot(files) == state:
                    continue
                files, state = _cycle(job, files, out, err, debug, on_build)
                if files != watching:
                    _say(out, f"now watching {_list(files)}")
                    break
            else:
                break
    finally:
        restore()
    _say(out, "stopped watching")
    return 0


def _cycle(job: Job, files: frozenset[Path], out: TextIO, err: TextIO, debug: bool, on_build=None):
    """Rebuild and report; return the files to watch and their state as of the build's start."""
    before = _snapshot(files | {job.outline.resolve()})
    try:
        outcome, line = rebuild(job)
        if on_build is not None:
            line = on_build(outcome, line)
    except Exception as exc:  # a bug in deck: say so in one line and keep watching
        if debug:
            traceback.print_exc(file=err)
        _say(
            err,
            f"deck: internal error ({type(exc).__name__}: {exc}); this is a bug in deck, please report "
            "it with the outline; still watching",
        )
        return files | {job.outline.resolve()}, before
    for problem in outcome.problems:
        _say(err, problem.format())
    _say(out, line)
    files = watched_files(job, outcome, files)
    now = _snapshot(files)
    return files, {f: before.get(f, now[f]) for f in files}


def _snapshot(files: frozenset[Path]) -> dict[Path, tuple[int, int, int] | None]:
    """Each file's (inode, size, mtime in ns), None when missing: a save that renames a new
    file into place changes the inode even when size and time look the same."""
    state = {}
    for f in files:
        try:
            st = os.stat(f)
            state[f] = (st.st_ino, st.st_size, st.st_mtime_ns)
        except OSError:
            state[f] = None
    return state


def _stop_on_signals(stop: threading.Event):
    """Make SIGINT and SIGTERM set `stop` (main thread only); return a function restoring the handlers."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
    return lambda: [signal.signal(sig, handler) for sig, handler in previous.items()]


def _list(files: frozenset[Path]) -> str:
    return ", ".join(sorted(display_path(f) for f in files))


def _say(stream: TextIO, line: str) -> None:
    print(line, file=stream, flush=True)

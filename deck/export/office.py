"""Export through LibreOffice: .pptx → PDF, written atomically (deck.output.target) and recorded
(deck.output.written), so only deck's own are removed; and the LibreOffice kept running by
`deck serve`.

The only module of the package that runs subprocesses: deck.export.raster runs pdftoppm through
`run` (what runs is found by deck.export.programs; results and progress lines are
deck.export.result's). Expected export failures (tool missing,
file not convertible, timeout) are returned as problems (codes O103–O106, located at the file
that was not made), never raised; the CLI decides the exit status. Progress lines go to stderr
only when it is a terminal.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from deck.export.programs import (
    executable,
    find_soffice,
    has_kept_profile,
    keep_profile,
    missing_soffice,
    seed_profile,
)
from deck.export.result import (
    ExportResult,
    failed_pdf,
    kept_warning,
    looks_like_pdf,
    say,
    say_done,
)
from deck.output import written
from deck.output.target import keep_aside, write_atomically

# Impress's PDF export writing only the notes pages (each a slide's picture over its notes).
_NOTES_PAGES = (
    'pdf:impress_pdf_Export:{"ExportNotesPages":{"type":"boolean","value":"true"},'
    '"ExportOnlyNotesPages":{"type":"boolean","value":"true"}}'
)
_NOISE = ("javaldx", "Warning: failed to launch")  # harmless lines soffice prints on stderr


def _soffice(exe: str, profile: Path, *args: str) -> list[str]:
    """The command line of headless LibreOffice `exe` running with the private profile folder
    `profile`, then `args`."""
    return [
        exe,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--nologo",
        "--nodefault",
        "--nolockcheck",
        *args,
    ]


class Office:
    """A headless LibreOffice started ahead of an export (`office_ahead`): its program and the
    private profile folder it runs with."""

    def __init__(self, exe: str, profile: Path):
        self.exe, self.profile = exe, profile


@contextmanager
def office_ahead(soffice: str | Path | None = None) -> Iterator[Office | None]:
    """Start a headless LibreOffice now, so that its start-up (about a second) overlaps the work
    done before an export, and yield it for `export_pdf(..., office=)`; it ends, with every
    process it started, when the block is left (also on an error or Ctrl-C).

    `export_pdf` then runs soffice with the same profile: LibreOffice's single-instance pipe
    hands the conversion to the instance started here, and the command returns when the PDF
    is written. That instance ends after one conversion; a second export with the same
    `office` starts LibreOffice itself, as without one. Yields None where starting ahead
    cannot help: no soffice, or no profile set up by an earlier export to start from (a cold
    export sets one up and keeps it)."""
    exe = executable(str(soffice)) if soffice is not None else find_soffice()
    if exe is None or not has_kept_profile(exe):
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="deck-soffice-", ignore_cleanup_errors=True) as tmp:
        profile = Path(tmp) / "profile"
        seed_profile(profile, exe)
        cmd = _soffice(exe, profile, "--invisible")
        proc = None
        try:
            proc = _start(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            yield Office(exe, profile)
        finally:
            if proc is not None:
                _kill(proc, os.name == "nt")  # its profile is thrown away: nothing to save


def export_pdf(
    pptx: Path,
    pdf: Path,
    *,
    timeout: float = 180,
    progress: bool | None = None,
    soffice: str | Path | None = None,
    notes_pages: bool = False,
    office: Office | None = None,
) -> ExportResult:
    """Convert `pptx` to `pdf` with headless LibreOffice; `timeout` in seconds. With
    `notes_pages`, the PDF is a handout: LibreOffice's notes pages, each slide's picture above
    its speaker notes, one portrait page per slide. With `office` (from `office_ahead`), the
    LibreOffice started there converts it.

    `soffice` overrides `find_soffice()`. Each call uses its own LibreOffice profile, so calls
    may run in parallel. The PDF is checked (exists, non-empty, starts with `%PDF-`), moved
    into place atomically and recorded as deck's (deck.output.written). A PDF at `pdf` that deck did
    not write (or that was changed since) is never destroyed: a new PDF moves it aside to
    `<stem>.edited-<n>.pdf` (a warning, O117); a failure leaves it where it is and says so. On
    failure the result carries a message, and an old PDF deck wrote is removed, so it cannot pass
    for the new deck's.
    """
    pptx, pdf = Path(pptx), Path(pdf)
    asked = str(soffice) if soffice is not None else None
    exe = office.exe if office is not None else executable(asked) if asked is not None else find_soffice()
    if exe is None:
        return failed_pdf(pdf, "O103", missing_soffice(asked))
    if not pptx.is_file():
        return failed_pdf(pdf, "O106", f"cannot export {pptx}: no such file")
    say(progress, f"exporting {'the handout' if notes_pages else 'PDF'} with LibreOffice…")
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="deck-soffice-", ignore_cleanup_errors=True) as tmp:
        work = Path(tmp)
        src = work / "in" / "deck.pptx"  # a private copy: no lock file beside the user's file
        src.parent.mkdir()
        try:
            shutil.copyfile(pptx, src)
        except OSError as e:
            return failed_pdf(pdf, "O106", f"cannot read {pptx}: {e.strerror or e}", 0.0, progress)
        profile = office.profile if office is not None else work / "profile"
        if office is None:
            seed_profile(profile, exe)
        to = _NOTES_PAGES if notes_pages else "pdf"
        cmd = _soffice(exe, profile, "--convert-to", to, "--outdir", str(work / "out"), str(src))
        code, err = run(cmd, timeout)
        seconds = time.monotonic() - start
        made = work / "out" / "deck.pdf"
        if code is None:
            return failed_pdf(
                pdf,
                "O104",
                f"LibreOffice did not finish converting {pptx} within {timeout:g} s and was stopped",
                seconds,
                progress,
            )
        if not looks_like_pdf(made):
            why = f"exit status {code}" + (f": {err}" if err else "")
            return failed_pdf(pdf, "O105", f"LibreOffice could not convert {pptx} to PDF ({why})", seconds, progress)
        if office is None:
            keep_profile(profile, exe)
        kept = None
        try:
            kept = keep_aside(pdf) if written.foreign([pdf]) else None
            with made.open("rb") as f:
                write_atomically(pdf, lambda out: shutil.copyfileobj(f, out))
            written.record([pdf])
        except BaseException as e:
            if kept is not None and not os.path.lexists(pdf):
                os.replace(kept, pdf)  # the person's PDF goes back where it was
            if not isinstance(e, OSError):
                raise
            return failed_pdf(pdf, "O106", f"cannot write {pdf}: {e.strerror or e}", seconds, progress)
    say_done(progress, seconds)
    warnings = () if kept is None else (kept_warning(pdf, kept),)
    return ExportResult((pdf,), None, seconds, warnings)


def run(cmd: list[str], timeout: float) -> tuple[int | None, str]:
    """Run `cmd` in its own process group; return (exit status or None on timeout, stderr).

    On timeout the whole group is killed: soffice is a launcher that starts soffice.bin.
    """
    windows = os.name == "nt"
    proc = _start(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(proc, windows)
        try:
            proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            pass  # a stray grandchild holds the pipes; it has been sent SIGKILL
        return None, ""
    except BaseException:  # Ctrl-C or SIGTERM: the tool (in its own session) would outlive deck
        _kill(proc, windows)
        raise
    lines = [ln.strip() for ln in err.decode("utf-8", "replace").splitlines()]
    lines = [ln for ln in lines if ln and not any(n in ln for n in _NOISE)]
    return proc.returncode, "; ".join(lines)[-300:]


def _kill(proc: subprocess.Popen, windows: bool) -> None:
    """Kill `proc` and every process it started."""
    if windows:
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], capture_output=True)
        return
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()


# The warm LibreOffice of `deck serve`: deck.export.warm decides when; the processes start and end here.

WORKER = Path(__file__).with_name("unoworker.py")


def start_listening_office(profile: Path, pipe: str) -> subprocess.Popen | None:
    """Start LibreOffice headless with its own profile folder (seeded as for `export_pdf`, so
    its pictures match the PDFs'), listening on the local pipe `pipe` (no network port); None
    when soffice is not installed. End it with `end_process`."""
    exe = find_soffice()
    if exe is None:
        return None
    seed_profile(profile, exe)
    cmd = _soffice(exe, profile, "--invisible", f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext")
    return _start(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def start_worker(python: str, pipe: str) -> subprocess.Popen:
    """Start unoworker.py with `python`, talking JSON lines on its stdin and stdout."""
    return _start(
        [python, str(WORKER), pipe],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        bufsize=1,
    )


def _start(cmd: list[str], **pipes) -> subprocess.Popen:
    """Start `cmd` in its own process group (so that it and what it starts can be ended
    together). Ctrl-C and SIGTERM are held while it starts: one arriving inside Popen would
    leave a program running that nothing knows of. A stop held so ends the program (and its
    group) and is raised once it is known."""
    windows = os.name == "nt"
    held: list[int] = []
    before = {}
    try:
        for stop in (signal.SIGINT, signal.SIGTERM):
            before[stop] = signal.signal(stop, lambda signum, frame: held.append(signum))
    except ValueError:  # not the main thread: only it may set a handler (as deck.output.stop asks)
        pass
    try:
        proc = subprocess.Popen(
            cmd,
            start_new_session=not windows,
            creationflags=subprocess.CREATE_NEW_PROCESS_GROUP if windows else 0,
            **pipes,
        )
    finally:
        for stop, handler in before.items():
            signal.signal(stop, handler if handler is not None else signal.SIG_DFL)
    if held:
        _kill(proc, windows)
        signal.raise_signal(held[0])  # to the handler restored: KeyboardInterrupt, deck's SIGTERM one
    return proc


def end_process(proc: subprocess.Popen | None, grace: float = 5.0) -> None:
    """End `proc` and the processes it started: wait up to `grace` seconds for it to finish on
    its own (a worker whose input was closed asks LibreOffice to quit), then SIGTERM its group,
    then SIGKILL it."""
    if proc is None:
        return
    windows = os.name == "nt"
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        if stream is not None:
            try:
                stream.close()
            except OSError:
                pass
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        pass
    if not windows:
        try:
            os.killpg(proc.pid, signal.SIGTERM)  # the group: soffice's launcher and soffice.bin
            proc.wait(timeout=grace)
        except (ProcessLookupError, PermissionError, subprocess.TimeoutExpired):
            pass
    _kill(proc, windows)

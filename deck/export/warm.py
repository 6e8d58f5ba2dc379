"""One LibreOffice kept running for a session (`deck serve`): converts a .pptx, or some of its
slides, to PDF without paying LibreOffice's start-up each time.

LibreOffice listens on a local pipe (never a network port); unoworker.py, run by a Python that
has LibreOffice's UNO bridge, converts on request. Both processes are started and ended by
deck.export.office, the only module that runs programs; this module decides when. A crashed
LibreOffice is restarted on the next conversion, which says so (`restarted`).
"""

from __future__ import annotations

import json
import queue
import secrets
import shutil
import threading
import time
from pathlib import Path

from deck.export.office import end_process, start_listening_office, start_worker
from deck.export.programs import UNO_PYTHON_ENV, find_soffice, uno_python
from deck.export.result import ExportResult, problem_at
from deck.frozen import frozen

START_SECONDS = 90  # LibreOffice's first start with a new profile, on a busy machine
CONVERT_SECONDS = 180


@frozen
class Converted:
    """A warm conversion's result, and whether LibreOffice had to be restarted for it."""

    result: ExportResult
    restarted: bool = False


class WarmOffice:
    """A LibreOffice started on first use and kept until `stop()`; thread-safe (one conversion
    at a time). `folder` is a private folder for its profile and copies of the decks."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.starts = 0  # how many times LibreOffice was started
        self.last_used: float | None = time.monotonic()  # when the last conversion ended; None during one
        self._lock = threading.Lock()
        self._office = self._worker = None
        self._replies: queue.Queue = queue.Queue()

    @property
    def running(self) -> bool:
        worker, office = self._worker, self._office  # read once: another thread may end them
        return worker is not None and office is not None and worker.poll() is None and office.poll() is None

    def convert(self, pptx: Path, pdf: Path, pages: list[int] | None = None) -> Converted:
        """Write the PDF of `pptx`'s slides `pages` (1-based, in this order's sorted form; None:
        all) to `pdf`. A LibreOffice that died since the last call is started again, and a
        conversion that fails is retried once in a fresh LibreOffice."""
        with self._lock:
            self.last_used = None
            try:
                return self._convert(pptx, pdf, pages)
            finally:
                self.last_used = time.monotonic()

    def _convert(self, pptx: Path, pdf: Path, pages: list[int] | None) -> Converted:
        restarted = self._worker is not None and not self.running
        for attempt in (1, 2):
            if not self.running:
                if (why := self._start()) is not None:
                    return Converted(ExportResult((), problem_at(pdf, "O103", why)), restarted)
            result = self._ask(pptx, pdf, pages)
            if result.ok or attempt == 2:
                return Converted(result, restarted)
            restarted = restarted or not self.running
            self._end()

        raise AssertionError("unreachable")

    def stop(self) -> bool:
        """End LibreOffice (if running); return whether it was running."""
        with self._lock:
            was = self._worker is not None
            self._end()
            return was

    def _start(self) -> str | None:
        """Start LibreOffice and the worker; return why not, or None when ready."""
        self._end()
        soffice = find_soffice()
        python = uno_python(soffice) if soffice else None
        if soffice is None or python is None:
            return "LibreOffice is needed to draw the slides, but " + (
                "soffice was not found" if soffice is None else "no Python with its UNO bridge was found"
            )
        self.starts += 1
        profile = self.folder / f"profile-{self.starts}"
        pipe = f"deck-{secrets.token_hex(8)}"
        self._office = start_listening_office(profile, pipe)
        self._worker = start_worker(python, pipe)
        self._replies = replies = queue.Queue()
        threading.Thread(target=_read_lines, args=(self._worker, replies), daemon=True).start()
        reply = self._reply(START_SECONDS)
        if reply.get("ready"):
            return None
        self._end()
        why = reply.get("error", "no answer")
        hint = (
            f"; {python} cannot import LibreOffice's Python bridge: install it (Debian: `apt-get install python3-uno`) "
            f"or set {UNO_PYTHON_ENV} to a Python that has it"
            if "uno" in why and "No module" in why
            else ""
        )
        return f"LibreOffice did not start for drawing the slides ({why}){hint}"

    def _ask(self, pptx: Path, pdf: Path, pages: list[int] | None) -> ExportResult:
        start = time.monotonic()
        copy = self.folder / "in" / "deck.pptx"  # a private copy: no lock file beside the user's file
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pptx, copy)
        request = {"pptx": str(copy.resolve()), "pdf": str(Path(pdf).resolve())}
        if pages:
            request["pages"] = ",".join(str(n) for n in sorted(set(pages)))
        try:
            self._worker.stdin.write(json.dumps(request) + "\n")
            self._worker.stdin.flush()
        except OSError as e:
            return ExportResult((), problem_at(pdf, "O105", f"LibreOffice is gone ({e.strerror or e})"))
        reply = self._reply(CONVERT_SECONDS)
        seconds = time.monotonic() - start
        if reply.get("ok") and Path(pdf).is_file():
            return ExportResult((Path(pdf),), None, seconds)
        why = reply.get("error", "no answer")
        return ExportResult((), problem_at(pdf, "O105", f"LibreOffice could not convert {pptx} ({why})"), seconds)

    def _reply(self, timeout: float) -> dict:
        try:
            line = self._replies.get(timeout=timeout)
        except queue.Empty:
            return {"error": f"no answer within {timeout:g} s"}
        if line is None:
            return {"error": "LibreOffice's worker ended"}
        try:
            return json.loads(line)
        except ValueError:
            return {"error": line.strip()[:300]}

    def _end(self) -> None:
        worker, office = self._worker, self._office
        self._worker = self._office = None
        end_process(worker, grace=5)  # its input closed, it asks LibreOffice to quit
        end_process(office, grace=5)


def _read_lines(worker, replies: queue.Queue) -> None:
    """Pass the worker's replies on; when it ends, the last other line it printed (the end of
    a traceback: e.g. no module named uno) as an error, or None."""
    last = None
    try:
        for line in worker.stdout:
            if line.startswith("{"):
                replies.put(line)
            elif line.strip():
                last = line.strip()
    except (OSError, ValueError):
        pass
    replies.put(json.dumps({"error": last}) if last else None)

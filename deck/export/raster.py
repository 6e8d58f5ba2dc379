"""Export through poppler: a PDF's pages → PNGs with pdftoppm (run by deck.export.office, the
only module that runs programs), encoded and named by deck.export.pictures."""

from __future__ import annotations

import os
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from deck.export.office import run
from deck.export.pictures import SLIDE_PNG, encode_pngs, page_count, png_names
from deck.export.programs import executable, install_hint
from deck.export.result import ExportResult, not_ours, problem_at, say, say_done
from deck.output import written


def export_pngs(
    pdf: Path,
    out_dir: Path,
    *,
    dpi: int = 96,
    timeout: float = 120,
    progress: bool | None = None,
    pdftoppm: str | None = None,
    sheet: Path | None = None,
) -> ExportResult:
    """Render each page of `pdf` to `out_dir/slide-NN.png` (see `png_names`) at `dpi` pixels
    per inch, and record them as deck's (deck.output.written). With `sheet`, their contact
    sheet (deck.export.sheet, default layout) is written there too, not recorded.

    The `slide-*.png` pictures deck wrote into `out_dir` before (and nobody changed since) are
    removed first, so a failure leaves none of them behind; any other file is left alone. A file
    deck did not write at a name it needs is never replaced: the result is then an error (O114)
    and nothing is written. Returns the PNGs in page order, or an error (pdftoppm missing,
    unreadable PDF, timeout, a file in the way).
    """
    pdf, out_dir = Path(pdf), Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        written.remove_own(p for p in written.listed(out_dir) if SLIDE_PNG.fullmatch(p.name))
    except OSError as e:
        return ExportResult((), problem_at(out_dir, "O106", f"cannot prepare {out_dir} for PNGs: {e.strerror or e}"))
    exe = executable(pdftoppm or "pdftoppm")
    if exe is None:
        return ExportResult(
            (),
            problem_at(
                out_dir,
                "O103",
                f"pdftoppm (poppler) is needed for PNG export, but {pdftoppm or 'it'} was not found; "
                f"{install_hint('pdftoppm')}",
            ),
        )
    say(progress, "rendering slides to PNG…")
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="deck-pdftoppm-", ignore_cleanup_errors=True) as tmp:
        status, err, pages = _raster(exe, pdf, Path(tmp), dpi, timeout)
        seconds = time.monotonic() - start
        if status != 0 or not pages:
            why = "timed out" if status is None else f"exit status {status}" + (f": {err}" if err else "")
            say_done(progress, seconds, failed=True)
            message = f"cannot render {pdf} to PNG ({why})"
            return ExportResult((), problem_at(out_dir, "O104" if status is None else "O105", message), seconds)
        dests = [out_dir / name for name in png_names(len(pages))]
        if in_way := written.foreign(dests):
            say_done(progress, seconds, failed=True)
            return ExportResult((), not_ours(in_way[0]), seconds)
        try:
            encode_pngs(pages, dests, sheet)
            written.record(dests)
        except OSError as e:
            return ExportResult((), problem_at(out_dir, "O106", f"cannot write PNGs to {out_dir}: {e.strerror or e}"))
    say_done(progress, seconds)
    return ExportResult(tuple(dests), None, seconds)


def _raster(exe: str, pdf: Path, tmp: Path, dpi: int, timeout: float) -> tuple[int | None, str, list[Path]]:
    """Render every page of `pdf` with pdftoppm to uncompressed pictures in `tmp`; return (exit
    status or None on timeout, stderr, the pictures in page order). pdftoppm's own PNG output
    spends most of its time compressing as hard as zlib can; `encode_pngs` does it faster. A
    long PDF is split in two page ranges rendered side by side when there are cores to do so."""
    cmd = [exe, "-r", str(int(dpi))]
    pages = page_count(pdf) if (os.cpu_count() or 1) > 1 else None
    if pages is None or pages < 8:
        status, err = run([*cmd, str(pdf), str(tmp / "p")], timeout)
    else:
        half = pages // 2
        ranges = [("1", str(half)), (str(half + 1), str(pages))]
        with ThreadPoolExecutor(2) as pool:
            done = list(
                pool.map(lambda r: run([*cmd, "-f", r[0], "-l", r[1], str(pdf), str(tmp / "p")], timeout), ranges)
            )
        status, err = next((d for d in done if d[0] != 0), done[0])
    return status, err, sorted(tmp.glob("p-*.ppm"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def rasterise(pdf: Path, dests: list[Path], *, dpi: int = 96, timeout: float = 120) -> ExportResult:
    """Render the pages of `pdf`, in order, to the PNG files `dests` (one a page, each written
    atomically; a private folder's files, not recorded as outputs)."""
    exe = executable("pdftoppm")
    if exe is None:
        message = f"pdftoppm (poppler) is needed to draw the slides, but it was not found; {install_hint('pdftoppm')}"
        return ExportResult((), problem_at(pdf, "O103", message))
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="deck-pdftoppm-", ignore_cleanup_errors=True) as tmp:
        status, err, pages = _raster(exe, pdf, Path(tmp), dpi, timeout)
        if status != 0 or len(pages) != len(dests):
            why = "timed out" if status is None else f"exit status {status}, {len(pages)} of {len(dests)} pages"
            code = "O104" if status is None else "O105"
            return ExportResult(
                (), problem_at(pdf, code, f"cannot render {pdf} to PNG ({why}{': ' + err if err else ''})")
            )
        encode_pngs(pages, dests)
    return ExportResult(tuple(dests), None, time.monotonic() - start)

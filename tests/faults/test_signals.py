"""Signals during a build, sent at a known point (deck.output.target.pause_point) or during the real,
slow PDF export: Ctrl-C exits 130 and SIGTERM 143, nothing half-written is left, and a build
killed outright leaves temporary files the next build recognises and removes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import processes_naming
from harness import Paused, command, deck, environment, snapshot, talk
from pptx import Presentation

from deck.export import find_soffice
from deck.pipeline import build_outline

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and FIFOs")

TEMP = ".outline.pptx.deck-tmp-*"


@pytest.fixture
def built(tmp_path) -> Path:
    """A folder with a talk and its previous build, build/outline.pptx; the outline then changed,
    so that a finished build would change the output."""
    folder = tmp_path / "talk"
    outline = talk(folder)
    assert build_outline(outline).output is not None
    outline.write_text(outline.read_text(encoding="utf-8").replace("title: One", "title: Changed"), encoding="utf-8")
    return folder


def _paused(point: str, folder: Path, *args: str) -> Paused:
    run = Paused(point, "build", "outline.yaml", *args, cwd=folder, fifo=folder.parent / "pause")
    assert run.reached() == point
    return run


def test_ctrl_c_during_a_build_exits_130_and_writes_nothing(built):
    before = snapshot(built)
    run = _paused("layout", built)
    run.send(signal.SIGINT)
    done = run.finish()
    assert (done.status, done.codes) == (130, ["O120"]), done.err
    assert done.err.startswith("build/outline.pptx:0:0: error[O120]: stopped by Ctrl-C (SIGINT)")
    assert "Traceback" not in done.err and done.out == ""
    assert snapshot(built) == before


def test_ctrl_c_while_the_output_is_written_removes_the_temporary_file(built):
    before = snapshot(built)
    run = _paused("write", built)
    assert len(list((built / "build").glob(TEMP))) == 1  # paused with the new deck written beside
    run.send(signal.SIGINT)
    done = run.finish()
    assert (done.status, done.codes) == (130, ["O120"]), done.err
    assert snapshot(built) == before


def test_sigterm_removes_the_temporary_file_and_exits_143(built):
    before = snapshot(built)
    run = _paused("write", built)
    run.send(signal.SIGTERM)
    done = run.finish()
    assert (done.status, done.codes) == (143, ["O121"]), done.err
    assert "stopped by SIGTERM" in done.err and "Traceback" not in done.err
    assert snapshot(built) == before


def test_an_interrupted_build_puts_an_edited_output_back(built):
    output = built / "build" / "outline.pptx"
    deck_ = Presentation(output)
    deck_.slides[1].shapes.title.text_frame.text = "A person's edit"
    deck_.save(output)
    before = snapshot(built)
    run = _paused("write", built)
    assert (built / "build" / "outline.edited-1.pptx").exists()  # kept aside before the write
    run.send(signal.SIGINT)
    assert run.finish().status == 130
    assert snapshot(built) == before


def test_the_next_build_removes_the_temporary_file_of_a_killed_build(built):
    run = _paused("write", built)
    run.send(signal.SIGKILL)
    assert run.finish().status == -signal.SIGKILL
    [left] = (built / "build").glob(TEMP)
    again = deck("build", "outline.yaml", cwd=built, process=True)
    assert (again.status, again.codes) == (0, []), again.err
    assert not left.exists() and list((built / "build").glob(".*deck-tmp*")) == []
    assert "Changed" in [s.shapes.title.text_frame.text for s in Presentation(built / "build" / "outline.pptx").slides]


def test_a_build_never_removes_the_temporary_file_of_a_build_still_running(built):
    first = _paused("write", built)
    [live] = (built / "build").glob(TEMP)
    os.utime(live, (time.time() - 3600,) * 2)  # old, yet its build is alive and holds its lock
    other = deck("build", "outline.yaml", "-o", "build/outline.pptx", cwd=built, process=True)
    assert other.status == 0, other.err
    assert live.exists()
    first.resume()
    done = first.finish()
    assert (done.status, done.codes) == (0, []), done.err
    assert list((built / "build").glob(".*deck-tmp*")) == []


def test_a_file_that_only_looks_like_a_temporary_file_is_kept(built):
    mine = built / "build" / ".notes.txt.deck-tmp-0123456789abcdef"
    mine.symlink_to("../outline.yaml")  # a link is never deck's temporary file
    other = built / "build" / ".draft.deck-tmp-keep"  # not deck's pattern
    other.write_text("mine")
    os.utime(other, (0, 0))
    assert deck("build", "outline.yaml", cwd=built, process=True).status == 0
    assert mine.is_symlink() and other.read_text() == "mine"


@pytest.mark.render
@pytest.mark.parametrize("when", ["as soon as the pptx is written", "during the conversion"])
def test_ctrl_c_during_the_pdf_export_stops_libreoffice_and_leaves_no_pdf(built, tmp_path, when):
    if find_soffice() is None:
        pytest.skip("soffice not installed: install LibreOffice (libreoffice-impress)")
    private = tmp_path / "tmp"  # LibreOffice's profile goes here: its processes are found by it
    private.mkdir()
    process = subprocess.Popen(
        command("build", "outline.yaml", "--pdf"),
        cwd=built,
        env=environment(TMPDIR=str(private)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline().startswith("wrote build/outline.pptx")
    if when == "during the conversion":
        deadline = time.monotonic() + 30  # LibreOffice starts while deck builds; wait for the conversion
        while not _running_in(private, "--convert-to") and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _running_in(private, "--convert-to"), "the PDF export did not start"
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert (process.returncode, err.splitlines()[-1]) == (
        130,
        "build/outline.pdf:0:0: error[O120]: stopped by Ctrl-C (SIGINT); this was not written, and is as it was",
    )
    assert not (built / "build" / "outline.pdf").exists()
    assert (built / "build" / "outline.pptx").is_file()  # finished before the export began
    time.sleep(0.5)
    assert not _running_in(private), "LibreOffice outlived deck"


def _running_in(folder: Path, *also: str) -> bool:
    """Whether a process runs whose command line names `folder` (and holds each of `also`)."""
    return bool(processes_naming(str(folder), *also))

"""Outputs never destroy inputs, and ordinary faults are usage errors: each case runs deck
(as a real process where permissions are dropped) against a talk with a previous build, and
checks the exit status, the problem's code, and that no file in the folder changed (nothing
is written before the refusal)."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from harness import can_drop_dac, deck, environment, snapshot, talk

from deck.pipeline import build_outline

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX files: FIFOs, sockets, links, modes")

LONG = "n" * 300  # longer than any file system allows a name to be


@dataclass(frozen=True)
class Case:
    name: str
    args: tuple[str, ...]
    status: int
    code: str
    setup: Callable[[Path], object] = lambda folder: None
    env: tuple[tuple[str, str], ...] = ()
    drop_dac: bool = False  # run as root without the power to ignore permissions

    def __str__(self) -> str:
        return self.name


def _fifo(name: str):
    return lambda folder: os.mkfifo(folder / name)


def _socket(name: str):
    def make(folder: Path) -> None:
        with tempfile.TemporaryDirectory() as short:  # a socket's path is at most 108 bytes
            with socket.socket(socket.AF_UNIX) as s:
                s.bind(os.path.join(short, "s"))
                os.rename(os.path.join(short, "s"), folder / name)

    return make


def _link(name: str, to: str):
    return lambda folder: (folder / name).symlink_to(to)


def _hard_link(name: str, to: str):
    return lambda folder: os.link(folder / to, folder / name)


def _loop(folder: Path) -> None:
    (folder / "loop-a").symlink_to("loop-b")
    (folder / "loop-b").symlink_to("loop-a")


def _read_only(folder: Path) -> None:
    os.chmod(folder / "build" / "outline.pptx", 0o444)


def _shut(name: str):
    def make(folder: Path) -> None:
        (folder / name).mkdir()
        shutil.copy(folder / "outline.yaml", folder / name / "outline.yaml")
        shutil.copy(folder / "theme.yaml", folder / name / "theme.yaml")
        os.chmod(folder / name, 0)

    return make


def _unwritable_build(folder: Path) -> None:
    os.chmod(folder / "build", 0o555)


def _outline_theme(theme: str, also: Callable[[Path], object] = lambda folder: None):
    """An outline t.yaml whose `theme:` key names `theme` (a problem in the outline: exit 1)."""

    def make(folder: Path) -> None:
        also(folder)
        text = (folder / "outline.yaml").read_text(encoding="utf-8").replace("theme.yaml", theme)
        (folder / "t.yaml").write_text(text, encoding="utf-8")

    return make


def _picture(name: str):
    def make(folder: Path) -> None:
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_bytes(b"a person's picture")

    return make


CASES = [
    # item 3: an output that is an input, or not a file, is refused before anything is written
    Case("output is the outline", ("build", "outline.yaml", "-o", "outline.yaml"), 2, "O110"),
    Case(
        "output links to the outline",
        ("build", "outline.yaml", "-o", "o.pptx"),
        2,
        "O110",
        _link("o.pptx", "outline.yaml"),
    ),
    Case(
        "output is a hard link to the theme",
        ("build", "outline.yaml", "-o", "t.pptx"),
        2,
        "O110",
        _hard_link("t.pptx", "theme.yaml"),
    ),
    Case(
        "output links to a picture",
        ("build", "outline.yaml", "-o", "p.pptx"),
        2,
        "O110",
        _link("p.pptx", "assets/dot.png"),
    ),
    Case(
        "the PDF beside is the outline",
        ("build", "outline.yaml", "-o", "talk.pptx", "--pdf"),
        2,
        "O110",
        _link("talk.pdf", "outline.yaml"),
    ),
    Case("output is a FIFO", ("build", "outline.yaml", "-o", "pipe.pptx"), 2, "O111", _fifo("pipe.pptx")),
    Case("output is a socket", ("build", "outline.yaml", "-o", "sock.pptx"), 2, "O111", _socket("sock.pptx")),
    Case("output is a device", ("build", "outline.yaml", "-o", "/dev/null"), 2, "O111"),
    Case("output is a folder", ("build", "outline.yaml", "-o", "build"), 2, "O111"),
    Case(
        "output is a link to nothing",
        ("build", "outline.yaml", "-o", "gone.pptx"),
        2,
        "O111",
        _link("gone.pptx", "nowhere.pptx"),
    ),
    Case("output named .pdf with --pdf", ("build", "outline.yaml", "-o", "x.pdf", "--pdf"), 2, "O112"),
    Case("output is read-only", ("build", "outline.yaml"), 2, "O113", _read_only),
    Case("deck new at a link to nothing", ("new", "new.yaml"), 2, "O119", _link("new.yaml", "elsewhere/new.yaml")),
    Case("deck new under a file", ("new", "outline.yaml/new.yaml"), 2, "O115"),
    Case("deck new over the outline", ("new", "outline.yaml"), 2, "O119"),
    Case("preview sheet is a folder", ("preview", "outline.yaml", "--sheet", "build"), 2, "O111"),
    Case("preview sheet is the outline", ("preview", "outline.yaml", "--sheet", "outline.yaml"), 2, "O110"),
    Case("preview folder is a file", ("preview", "outline.yaml", "-o", "theme.yaml"), 2, "O111"),
    Case(
        "a person's slide-01.png", ("preview", "outline.yaml", "-o", "pics"), 2, "O114", _picture("pics/slide-01.png")
    ),
    Case(
        "a person's contact sheet",
        ("preview", "outline.yaml", "-o", "pics"),
        2,
        "O114",
        _picture("pics/contact-sheet.png"),
    ),
    # item 6: ordinary faults in the paths are usage errors, never internal errors
    Case("outline name too long", ("build", f"{LONG}.yaml"), 2, "O115"),
    Case("outline is a link loop", ("build", "loop-a"), 2, "O115", _loop),
    Case("theme name too long", ("build", "outline.yaml", "--theme", f"{LONG}.yaml"), 2, "O115"),
    Case("theme is a link loop", ("build", "outline.yaml", "--theme", "loop-a"), 2, "O115", _loop),
    Case("theme is a folder", ("build", "outline.yaml", "--theme", "assets"), 2, "O116"),
    Case("theme is missing", ("check", "outline.yaml", "--theme", "nonesuch.yaml"), 2, "O116"),
    Case("output name too long", ("build", "outline.yaml", "-o", f"{LONG}.pptx"), 2, "O115"),
    Case("output under a link loop", ("build", "outline.yaml", "-o", "loop-a/talk.pptx"), 2, "O115", _loop),
    Case("output under a file", ("build", "outline.yaml", "-o", "theme.yaml/talk.pptx"), 2, "O115"),
    Case(
        "SOURCE_DATE_EPOCH past 9999",
        ("build", "plain.yaml"),
        2,
        "O118",
        lambda f: (f / "plain.yaml").write_text("title: T\nslides:\n  - title: A\n    text: b\n    notes: n\n"),
        (("SOURCE_DATE_EPOCH", "99999999999999999999"),),
    ),
    Case("outline's theme name too long", ("build", "t.yaml"), 1, "T112", _outline_theme(f"{LONG[:256]}.yaml")),
    Case("outline's theme is a link loop", ("build", "t.yaml"), 1, "T112", _outline_theme("loop-a", _loop)),
    Case(
        "outline in a folder deck may not enter",
        ("build", "shut/outline.yaml"),
        2,
        "O115",
        _shut("shut"),
        drop_dac=True,
    ),
    Case(
        "theme in a folder deck may not enter",
        ("build", "outline.yaml", "--theme", "shut/theme.yaml"),
        2,
        "O115",
        _shut("shut"),
        drop_dac=True,
    ),
    Case(
        "output in a folder deck may not enter",
        ("build", "outline.yaml", "-o", "shut/talk.pptx"),
        2,
        "O115",
        _shut("shut"),
        drop_dac=True,
    ),
    Case(
        "outline's theme in a folder deck may not enter",
        ("build", "t.yaml"),
        1,
        "T112",
        _outline_theme("shut/theme.yaml", _shut("shut")),
        drop_dac=True,
    ),
    Case("output folder is read-only", ("build", "outline.yaml"), 2, "O101", _unwritable_build, drop_dac=True),
]


@pytest.fixture
def built(tmp_path) -> Path:
    """A folder with a talk and its previous build, build/outline.pptx."""
    folder = tmp_path / "talk"
    assert build_outline(talk(folder)).output is not None
    return folder


@pytest.mark.parametrize("case", CASES, ids=str)
def test_a_refused_output_or_a_faulty_path_exits_with_its_code_and_changes_nothing(case, built):
    if case.drop_dac and not can_drop_dac():
        pytest.skip("as root, folder permissions bind deck only without CAP_DAC_OVERRIDE, dropped with setpriv")
    case.setup(built)
    before = snapshot(built)
    try:
        run = deck(*case.args, cwd=built, env=environment(**dict(case.env)), drop_dac=case.drop_dac, timeout=60)
        after = snapshot(built)
    finally:
        for folder in (built / "shut", built / "build"):
            if folder.exists():
                os.chmod(folder, 0o755)  # so that pytest can remove them
    assert (run.status, run.codes) == (case.status, [case.code]), run.err
    assert "Traceback" not in run.err and "internal error" not in run.err
    if case.code == "T101":  # a problem in the outline is located at its theme: key
        assert run.err.startswith("t.yaml:2:8: error[T101]: ")
    assert after == before


def test_a_device_as_output_is_left_a_device(built):
    run = deck("build", "outline.yaml", "-o", "/dev/null", cwd=built)
    assert (run.status, run.codes) == (2, ["O111"]) and "a device" in run.err
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_huge_foreign_file_at_the_output_is_compared_by_streaming_and_kept(built):
    output = built / "build" / "outline.pptx"
    output.unlink()
    with open(output, "wb") as f:
        f.truncate(5 << 30)  # 5 GB, sparse: takes no room on disk
    huge = os.stat(output)
    before = {k: v for k, v in snapshot(built).items() if k != "build/outline.pptx"}
    run = deck("build", "outline.yaml", cwd=built, memory=1 << 30)  # reading it whole would need 5 GB
    assert (run.status, run.codes) == (0, ["O102"]), run.err
    assert run.err.startswith("build/outline.pptx:0:0: warning[O102]: ")  # at the output, not the outline
    kept = os.stat(built / "build" / "outline.edited-1.pptx")
    assert (kept.st_ino, kept.st_size) == (huge.st_ino, 5 << 30)
    after = snapshot(built)
    assert {k: v for k, v in after.items() if k not in ("build/outline.pptx", "build/outline.edited-1.pptx")} == before

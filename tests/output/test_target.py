"""deck.output.target: which paths deck refuses to write, how it writes, and which leftovers it sweeps."""

from __future__ import annotations

import os
import sys
import time

import pytest

from deck.output.target import (
    check_file_target,
    check_folder_target,
    keep_aside,
    same_bytes,
    sweep_stale,
    write_atomically,
)
from deck.problems import display_path


def _code(problem) -> str | None:
    return None if problem is None else problem.code


def test_an_ordinary_new_or_writable_file_may_be_written(tmp_path):
    assert check_file_target(tmp_path / "a" / "b" / "talk.pptx", {}, ".pptx") is None
    (tmp_path / "OLD.PPTX").write_bytes(b"x")
    assert check_file_target(tmp_path / "OLD.PPTX", {}, ".pptx") is None  # the suffix in any case


def test_an_input_is_refused_through_a_symbolic_or_hard_link_and_named(tmp_path):
    outline = tmp_path / "outline.yaml"
    outline.write_text("title: T\n")
    (tmp_path / "soft.pptx").symlink_to(outline)
    os.link(outline, tmp_path / "hard.pptx")
    for name in ("outline.yaml", "soft.pptx", "hard.pptx"):
        problem = check_file_target(tmp_path / name, {outline: "the outline"}, ".pptx")
        assert (problem.code, problem.path, problem.line) == ("O110", display_path(tmp_path / name), 0)
        assert "this is the outline" in problem.message


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs")
def test_a_folder_a_fifo_and_a_broken_link_are_refused_without_being_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe.pptx")  # opening it would block: the check must not
    (tmp_path / "gone.pptx").symlink_to("nowhere")
    (tmp_path / "dir.pptx").mkdir()
    for name, kind in (
        ("pipe.pptx", "a named pipe (FIFO)"),
        ("gone.pptx", "a symbolic link to nothing"),
        ("dir.pptx", "a folder"),
    ):
        problem = check_file_target(tmp_path / name, {}, ".pptx")
        assert problem.code == "O111" and f"this is {kind}" in problem.message


def test_a_wrong_suffix_a_read_only_file_and_a_file_on_the_way_are_refused(tmp_path):
    assert _code(check_file_target(tmp_path / "talk.pdf", {}, ".pptx")) == "O112"
    (tmp_path / "kept.pptx").write_bytes(b"x")
    os.chmod(tmp_path / "kept.pptx", 0o444)
    assert _code(check_file_target(tmp_path / "kept.pptx", {}, ".pptx")) == "O113"
    (tmp_path / "file").write_text("x")
    problem = check_file_target(tmp_path / "file" / "deeper" / "talk.pptx", {}, ".pptx")
    assert problem.code == "O115" and "Not a directory" in problem.message


def test_a_name_too_long_and_a_link_loop_are_unusable_paths(tmp_path):
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    assert _code(check_file_target(tmp_path / ("n" * 300 + ".pptx"))) == "O115"
    assert _code(check_file_target(tmp_path / "a" / "talk.pptx")) == "O115"
    assert _code(check_folder_target(tmp_path / "a")) == "O115"
    assert _code(check_folder_target(tmp_path / "new" / "folder")) is None


def test_same_bytes_streams_and_finds_a_difference_at_the_very_end(tmp_path):
    data = b"a" * (3 << 20)
    path = tmp_path / "f"
    path.write_bytes(data)
    assert same_bytes(path, data, chunk=1 << 16)
    path.write_bytes(data[:-1] + b"b")
    assert not same_bytes(path, data, chunk=1 << 16)
    assert not same_bytes(path, data + b"a")


def test_keep_aside_takes_the_first_free_number(tmp_path):
    (tmp_path / "talk.edited-1.pdf").write_bytes(b"1")
    (tmp_path / "talk.pdf").write_bytes(b"2")
    assert keep_aside(tmp_path / "talk.pdf") == tmp_path / "talk.edited-2.pdf"
    assert not (tmp_path / "talk.pdf").exists()


def test_write_atomically_leaves_no_temporary_file_when_writing_fails(tmp_path):
    target = tmp_path / "talk.pptx"
    target.write_bytes(b"old")

    def fail(out):
        out.write(b"half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, fail)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["talk.pptx"] and target.read_bytes() == b"old"


def test_sweep_removes_only_deck_temporary_files_older_than_the_build_and_unlocked(tmp_path):
    started = time.time()
    stale = tmp_path / ".talk.pptx.deck-tmp-0123456789abcdef"
    fresh = tmp_path / ".talk.pdf.deck-tmp-fedcba9876543210"
    other = tmp_path / ".talk.pptx.deck-tmp-not-hex"
    for path in (stale, fresh, other):
        path.write_bytes(b"x")
    for path in (stale, other):
        os.utime(path, (started - 60, started - 60))
    assert sweep_stale(tmp_path, started) == [stale]
    assert fresh.exists() and other.exists()  # made after this build began; not deck's name

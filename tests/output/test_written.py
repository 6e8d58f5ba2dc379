"""deck.output.written: the per-folder record of the files deck wrote; only those are deck's to remove."""

from __future__ import annotations

import os
import sys

import pytest

from deck.output import written


def test_a_recorded_file_is_deck_s_until_someone_changes_it(tmp_path):
    pdf = tmp_path / "talk.pdf"
    pdf.write_bytes(b"%PDF deck's")
    assert not written.deck_wrote(pdf) and written.foreign([pdf]) == [pdf]
    written.record([pdf])
    assert written.deck_wrote(pdf) and written.foreign([pdf, tmp_path / "missing.pdf"]) == []
    pdf.write_bytes(b"%PDF annotated")
    assert not written.deck_wrote(pdf)


def test_remove_own_removes_only_unchanged_recorded_files_and_forgets_them(tmp_path):
    ours, changed, theirs = (tmp_path / n for n in ("slide-01.png", "slide-02.png", "slide-123.png"))
    for path in (ours, changed, theirs):
        path.write_bytes(path.name.encode())
    written.record([ours, changed])
    changed.write_bytes(b"edited")
    assert written.remove_own([ours, changed, theirs]) == [ours]
    assert not ours.exists() and changed.exists() and theirs.exists()
    assert written.listed(tmp_path) == [changed]


def test_a_manifest_that_is_not_deck_s_makes_nothing_deck_s(tmp_path):
    pdf = tmp_path / "talk.pdf"
    pdf.write_bytes(b"x")
    written.record([pdf])
    (tmp_path / written.MANIFEST).write_text('{"format": 1, "files": ["talk.pdf"]}')
    assert not written.deck_wrote(pdf)
    (tmp_path / written.MANIFEST).write_bytes(b"\xff not json")
    assert written.listed(tmp_path) == [] and written.remove_own([pdf]) == [] and pdf.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs")
def test_a_manifest_that_is_a_fifo_is_not_read(tmp_path):
    os.mkfifo(tmp_path / written.MANIFEST)  # reading it would block
    assert written.listed(tmp_path) == []


def test_a_link_is_never_deck_s(tmp_path):
    (tmp_path / "real.pdf").write_bytes(b"x")
    written.record([tmp_path / "real.pdf"])
    (tmp_path / "real.pdf").rename(tmp_path / "moved.pdf")
    (tmp_path / "real.pdf").symlink_to("moved.pdf")
    assert not written.deck_wrote(tmp_path / "real.pdf")
    assert written.remove_own([tmp_path / "real.pdf"]) == [] and (tmp_path / "moved.pdf").exists()

"""`deck watch` as a user meets it: a real process, real saves, one line a build, clean stops."""

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PIL import Image

from deck.watch import Job, rebuild, watched_files

WAIT = 30  # seconds: the most any one expected line may take

OUTLINE = """title: Talk
slides:
  - title: One
    id: one
    bullets: [a, b]
    notes: Say a and b.
  - title: Picture
    id: pic
    image: {path: assets/dot.png, alt: A dot}
    notes: Look.
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="sends POSIX signals to the watch process")


class Watch:
    """`python -m deck watch ARGS` in `folder`, its output (stdout and stderr) read line by line."""

    def __init__(self, folder: Path, *args: str):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "deck", "watch", *args],
            cwd=folder,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            encoding="utf-8",
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def expect(self, pattern: str) -> str:
        """Return the next line matching `pattern` (a regex), failing after WAIT seconds."""
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            self.seen.append(line)
            if re.search(pattern, line):
                return line
        pytest.fail(f"no line matching {pattern!r} within {WAIT} s; saw:\n" + "\n".join(self.seen))

    def stop(self, sig: int = signal.SIGINT) -> int:
        self.process.send_signal(sig)
        try:
            return self.process.wait(timeout=WAIT)
        finally:
            self.process.kill()


@pytest.fixture
def talk(tmp_path):
    (tmp_path / "assets").mkdir()
    Image.new("RGB", (40, 30), "navy").save(tmp_path / "assets" / "dot.png")
    (tmp_path / "outline.yaml").write_text(OUTLINE, encoding="utf-8")
    return tmp_path


@pytest.fixture
def watching(talk):
    watch = Watch(talk, "outline.yaml")
    yield watch
    if watch.process.poll() is None:
        watch.process.kill()


def _save(path: Path, text: str) -> None:
    """Save as many editors do: write a temporary file beside it, then rename it into place."""
    tmp = path.with_name(f".{path.name}.swp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def test_watch_builds_rebuilds_reports_errors_keeps_the_last_deck_and_recovers(talk, watching):
    output = talk / "build" / "outline.pptx"
    watching.expect(r"built build/outline\.pptx: 3 slides in \d+\.\d\d s; first build")
    watching.expect(r"^watching assets/dot\.png, outline\.yaml… \(Ctrl-C to stop\)$")

    _save(talk / "outline.yaml", OUTLINE.replace("bullets: [a, b]", "bullets: [a, b, c]"))
    watching.expect(r"built build/outline\.pptx: 3 slides in .*; changed: 1 slide \(one\)$")

    good = output.read_bytes()
    _save(talk / "outline.yaml", OUTLINE.replace("bullets: [a, b]", "bulets: [a, b]"))
    watching.expect(r"^outline\.yaml:5:5: error\[F104\]: unknown key `bulets`")
    watching.expect(r"not built \(1 error\); build/outline\.pptx is left as it was")
    assert output.read_bytes() == good

    _save(talk / "outline.yaml", OUTLINE.replace("    notes: Look.\n", "    notes: Look closely.\n"))
    watching.expect(r"built build/outline\.pptx: 3 slides .*; changed: 2 slides \(one, pic\)$")
    assert watching.stop(signal.SIGINT) == 0
    watching.expect(r"^stopped watching$")


def test_saving_a_picture_the_outline_uses_rebuilds(talk, watching):
    watching.expect(r"^watching ")
    Image.new("RGB", (40, 30), "orange").save(talk / "assets" / "dot.png")
    watching.expect(r"built build/outline\.pptx: 3 slides .*; changed: 1 slide \(pic\)$")
    assert watching.stop(signal.SIGINT) == 0


def test_an_output_it_cannot_replace_is_one_problem_and_the_watch_goes_on(talk, watching):
    watching.expect(r"^watching ")
    output = talk / "build" / "outline.pptx"
    output.unlink()
    output.mkdir()  # refused before writing (O111), as a file a viewer holds open is (O101)
    _save(talk / "outline.yaml", OUTLINE + "  - title: Three\n    text: More.\n    notes: n\n")
    watching.expect(r"^build/outline\.pptx:0:0: error\[O111\]: this is a folder, not a file")
    watching.expect(r"not built \(1 error\); build/outline\.pptx is left as it was")
    output.rmdir()
    _save(talk / "outline.yaml", OUTLINE + "  - title: Three\n    text: Most.\n    notes: n\n")
    watching.expect(r"built build/outline\.pptx: 4 slides .*; first build$")
    assert watching.stop(signal.SIGINT) == 0


def test_sigterm_stops_the_watch_cleanly(watching):
    watching.expect(r"^watching ")
    assert watching.stop(signal.SIGTERM) == 0
    watching.expect(r"^stopped watching$")


def test_rebuild_is_a_plain_function_and_names_the_files_to_watch(talk, monkeypatch):
    monkeypatch.chdir(talk)
    (talk / "ours.yaml").write_text("name: ours\nextends: default\n", encoding="utf-8")
    job = Job(Path("outline.yaml"), theme="ours.yaml")
    outcome, line = rebuild(job)
    assert outcome.output == Path("outline.yaml").parent / "build" / "outline.pptx"
    assert re.fullmatch(r"\[\d\d:\d\d:\d\d\] built build/outline\.pptx: 3 slides in \d+\.\d\d s; first build", line)
    assert rebuild(job)[1].endswith("; no slides changed")
    files = {p.relative_to(talk.resolve()).as_posix() for p in watched_files(job, outcome)}
    assert files == {"outline.yaml", "ours.yaml", "assets/dot.png"}


def test_watch_without_an_outline_is_a_usage_error(tmp_path, capsys):
    from deck.cli import main

    assert main(["watch", str(tmp_path / "nope.yaml")]) == 2
    assert "deck new" in capsys.readouterr().err

"""Hostile input costs bounded memory and never hangs: every case of the error corpus, and the
costliest inputs the limits let through (a picture used on many slides, text repeated by
aliases up to the limit), are each checked in a real process that may use at most 4 GB,
ending with a verdict and no traceback. How long they take is measured in bench/hostile.py,
side by side with a normal talk; here a generous timeout only catches a hang."""

from __future__ import annotations

import json
import resource
import struct
import subprocess
import sys
import zlib
from pathlib import Path

from conftest import ROOT

HANG = 120  # seconds per job after which the check is taken to hang
MEMORY = 4 * 1024**3
ERRORS = ROOT / "tests" / "errors"
CORPUS = sorted(ERRORS.glob("*.yaml")) + sorted((ERRORS / "warnings").glob("*.yaml"))

# Runs `deck check` on each job in one process; prints the exit status and seconds of each.
CHILD = """
import contextlib, io, json, os, sys, time
from deck.cli import main
results = []
for folder, name in json.loads(sys.argv[1]):
    os.chdir(folder)
    err = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        status = main(["check", name])
    results.append([name, status, time.perf_counter() - start, "Traceback" in err.getvalue()])
print(json.dumps(results))
"""


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def check_each(jobs: list[tuple[Path, str]]) -> list[list]:
    """Return `[name, exit status, seconds, traceback printed]` of `deck check` on each job
    (the seconds are for reading; no test asserts them)."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps([[str(folder), name] for folder, name in jobs])],
        capture_output=True,
        text=True,
        timeout=HANG * len(jobs),
        preexec_fn=limit_memory,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def many_chunk_png(chunks: int) -> bytes:
    """A 64×64 PNG followed by `chunks` empty data chunks of 12 bytes each."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\0" + b"\x80" * 192 for _ in range(64))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IDAT", b"") * chunks
        + chunk(b"IEND", b"")
    )


def test_every_corpus_case_is_checked_within_4_gb_with_a_verdict():
    results = check_each([(case.parent, case.name) for case in CORPUS])
    assert [name for name, status, _, _ in results if status not in (0, 1)] == []
    assert [name for name, _, _, traceback in results if traceback] == []


def test_the_costliest_inputs_the_limits_let_through_are_checked_within_4_gb(tmp_path):
    (tmp_path / "big.png").write_bytes(many_chunk_png(2_000_000))  # 24 MB in 2 million chunks
    slides = "".join(f"  - title: P{i}\n    image: {{path: big.png, alt: a picture}}\n    notes: n\n" for i in range(8))
    (tmp_path / "pictures.yaml").write_text("title: T\nslides:\n" + slides, encoding="utf-8")
    notes = ("words **strong** [a link](https://example.org) `code` " * 400)[:19_900]
    slides = "".join(f"  - {{title: S{i}, text: t, notes: *n}}\n" for i in range(99))
    (tmp_path / "aliases.yaml").write_text(
        f'title: T\nslides:\n  - title: A\n    text: t\n    notes: &n "{notes}"\n{slides}', encoding="utf-8"
    )  # 100 × 19,900 characters: just under the 2,000,000 aliases may repeat
    results = check_each([(tmp_path, "pictures.yaml"), (tmp_path, "aliases.yaml")])
    assert [(name, status) for name, status, _, _ in results] == [("pictures.yaml", 0), ("aliases.yaml", 0)]

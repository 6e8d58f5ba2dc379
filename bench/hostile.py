"""Benchmark: reading hostile outlines, against reading a long real talk, side by side.

Run from the repository root with the venv:

    .venv/bin/python bench/hostile.py [--runs 5]

Times the cases of tests/inputs/test_hostile.py (which counts their work instead: events, calls,
bytes) and, in the same run, the baseline: a normal 1,000-slide talk of eight bullets a
slide, the longest real outline inside every limit. Each time is the median of `--runs`
readings in this process (after one warm-up); the ratio is the case's time over the
baseline's, so a slow machine shifts both. The 10 MB file goes through check_outline (it
is refused on its size); the others through the YAML reader (deck.source.reader).
Prints a table; the old wall-clock bounds of the tests are shown for reference.
"""

from __future__ import annotations

import argparse
import statistics
import struct
import tempfile
import time
import zlib
from pathlib import Path

from deck.pipeline import check_outline
from deck.source.reader import load_yaml_bytes

SLIDE = (
    "  - title: Slide {i}\n    bullets:\n"
    + "      - a bullet with **strong** words\n" * 8
    + "    notes: |\n      What I will say about slide {i}.\n"
)
LAUGHS = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'] + [
    f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)
]

# name → (outline text, the test's old bound in seconds); the same inputs as tests/inputs/test_hostile.py
CASES = {
    "1000-slide talk (baseline)": ("title: T\nslides:\n" + "".join(SLIDE.format(i=i) for i in range(1000)), 1.5),
    "2 MB plain value": ("title: " + "x" * 1_900_000 + "\nslides: []\n", 0.5),
    "2 MB quoted value": ('title: "' + "x" * 1_900_000 + '"\nslides: []\n', 0.5),
    "2 MB block value": ("title: |\n  " + "x" * 1_900_000 + "\nslides: []\n", 0.5),
    "billion laughs": ("\n".join(LAUGHS) + "\ntitle: T\nslides: *a9\n", 0.1),
    "flow list of 600,000": ("title: T\nslides: [" + "1, " * 600_000 + "]\n", 1.5),
    "block list of 450,000": ("title: T\nslides:\n" + "- 1\n" * 450_000, 1.5),
    "150,000 keys": ("title: T\n" + "".join(f"k{i}: v\n" for i in range(150_000)), 1.5),
    "100,000 brackets": ("slides: " + "[" * 100_000 + "]" * 100_000 + "\n", 0.5),
    "600 nested dashes": ("slides:\n" + "".join(" " * i + "-\n" for i in range(600)), 0.5),
    "nesting through aliases": (
        "a: &a " + "[" * 30 + "x" + "]" * 30 + "\nb: " + "[" * 15 + "*a" + "]" * 15 + "\n",
        0.5,
    ),
}


def many_chunk_png(chunks: int) -> bytes:
    """A 64×64 PNG followed by `chunks` empty data chunks of 12 bytes each (as tests/inputs/test_bounded.py)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\0" + b"\x80" * 192 for _ in range(64))
    head = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0))
    return head + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IDAT", b"") * chunks + chunk(b"IEND", b"")


def costliest(folder: Path) -> dict[str, Path]:
    """Write the costliest outlines the limits let through (tests/inputs/test_bounded.py) into
    `folder`: a 2-million-chunk picture on 8 slides, and notes repeated by aliases to just
    under the 2,000,000 characters aliases may repeat; return {case name: outline}."""
    (folder / "big.png").write_bytes(many_chunk_png(2_000_000))
    slides = "".join(f"  - title: P{i}\n    image: {{path: big.png, alt: a picture}}\n    notes: n\n" for i in range(8))
    (folder / "pictures.yaml").write_text("title: T\nslides:\n" + slides, encoding="utf-8")
    notes = ("words **strong** [a link](https://example.org) `code` " * 400)[:19_900]
    slides = "".join(f"  - {{title: S{i}, text: t, notes: *n}}\n" for i in range(99))
    text = f'title: T\nslides:\n  - title: A\n    text: t\n    notes: &n "{notes}"\n{slides}'
    (folder / "aliases.yaml").write_text(text, encoding="utf-8")
    return {
        "24 MB picture of 2M chunks on 8 slides (check_outline)": folder / "pictures.yaml",
        "notes repeated by aliases to 2M characters (check_outline)": folder / "aliases.yaml",
    }


def seconds(read, runs: int) -> float:
    """Return the median wall time of `runs` calls of `read`, after one warm-up call."""
    read()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        read()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    rows = []
    for name, (text, bound) in CASES.items():
        data = text.encode("utf-8")
        rows.append((name, len(data), seconds(lambda data=data: load_yaml_bytes(data, "t.yaml"), runs), bound))
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.yaml"
        big.write_bytes(b"title: " + b"x" * 10_000_000 + b"\nslides: []\n")
        rows.append(("10 MB file (check_outline)", big.stat().st_size, seconds(lambda: check_outline(big), runs), 0.5))
        for name, path in costliest(Path(tmp)).items():
            rows.append((name, path.stat().st_size, seconds(lambda path=path: check_outline(path), runs), 20))
    base = rows[0][2]
    print(f"median of {runs} runs; ratio = time / the baseline's ({base * 1000:.1f} ms)\n")
    print("| case | KB | ms | ratio | old test bound ms |\n|---|---:|---:|---:|---:|")
    for name, size, took, bound in rows:
        print(f"| {name} | {size / 1000:,.0f} | {took * 1000:.1f} | {took / base:.2f} | {bound * 1000:.0f} |")


if __name__ == "__main__":
    main()

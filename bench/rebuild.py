"""Benchmark: the warm rebuild `deck watch` does, against a cold `deck build` process, on the essay's talk.

Run from the repository root with the venv:

    .venv/bin/python bench/rebuild.py [--runs 10] [--cold-runs 3]

The warm time is the median of `--runs` rebuilds of outline.yaml in this process, through the
same function `deck watch` calls (deck.watch.rebuild), after one warm-up build; the baseline is
the median wall time of `--cold-runs` whole `python -m deck build` processes, measured in the
same run on the same machine. Both write to a temporary folder. Prints both and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def cold_build(outline: Path, output: Path) -> float:
    """Return the wall time in seconds of one `python -m deck build` process."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "deck", "build", str(outline), "-o", str(output)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def warm_rebuilds(outline: Path, output: Path, runs: int) -> list[float]:
    """Return the seconds each of `runs` in-process rebuilds took, after one warm-up."""
    from deck.watch import Job, rebuild

    job = Job(outline, output)
    outcome, _ = rebuild(job)
    if outcome.output is None:
        raise SystemExit(f"the outline does not build: {[p.format() for p in outcome.errors]}")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        rebuild(job)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="warm rebuilds to time (default 10)")
    parser.add_argument("--cold-runs", type=int, default=3, help="cold build processes to time (default 3)")
    parser.add_argument("--outline", type=Path, default=ROOT / "outline.yaml")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="deck-bench-") as tmp:
        cold = [cold_build(args.outline, Path(tmp) / f"cold-{i}.pptx") for i in range(args.cold_runs)]
        warm = warm_rebuilds(args.outline, Path(tmp) / "warm.pptx", args.runs)
    c, w = statistics.median(cold), statistics.median(warm)
    print(f"outline: {args.outline.relative_to(ROOT) if args.outline.is_relative_to(ROOT) else args.outline}")
    print(
        f"cold `python -m deck build` process: median {c:.3f} s of {len(cold)} "
        f"(min {min(cold):.3f}, max {max(cold):.3f})"
    )
    print(
        f"warm rebuild in process (deck watch): median {w:.3f} s of {len(warm)} "
        f"(min {min(warm):.3f}, max {max(warm):.3f})"
    )
    print(f"ratio: the warm rebuild takes {w / c:.0%} of the cold build ({c / w:.1f}× faster)")


if __name__ == "__main__":
    main()

"""Benchmark: the live preview (`deck serve`) and `deck preview`, as ratios to a cold
`deck build --pdf` of the essay's talk measured in the same run on the same machine.

Run from the repository root with the test setup's venv:

    .venv/bin/python bench/serve.py            # writes its section of bench/RESULTS.md
    .venv/bin/python bench/serve.py --quick    # fewer runs, prints only

Measured, each on a private copy of outline.yaml:

- baseline: the wall time of whole `python -m deck build --pdf` processes (a cold LibreOffice each);
- a save that changes one slide, to that slide's new picture in the page: a `deck serve` process
  runs with one page connected (an SSE client reading /events, as the page's EventSource does);
  each run saves the outline with one slide's title changed (a different slide each time, as an
  editor does: a temporary file renamed into place) and times from the rename to the moment the
  new picture has been fetched from the server, after the event that named it;
- `deck preview` of the whole talk, now and as it was before `deck serve` (the source of `--before`,
  default the parent of the commit that added deck/serve, taken with `git archive` and run the
  same way), interleaved with the baseline runs. Both preview the talk as it was at that commit
  (its outline.yaml and assets, also from `git archive`): the talk has since grown slide kinds the
  old deck cannot read, and the same talk on both sides is the fair comparison.

Medians; the targets are those of issue 15.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
BEGIN, END = "<!-- bench/serve.py: begin -->", "<!-- bench/serve.py: end -->"


def env() -> dict[str, str]:
    e = dict(os.environ)
    e.pop("PYTHONDONTWRITEBYTECODE", None)
    e["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "deck-bench-pycache")
    return e


def timed(cmd: list[str], cwd: Path, extra: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env={**env(), **(extra or {})}, check=True, capture_output=True)
    return time.perf_counter() - start


def copy_talk(folder: Path, rev: str | None = None) -> Path:
    """Copy the essay's talk (outline.yaml and assets/) into `folder`: as it is, or as it was at
    the git revision `rev`; return the outline's path."""
    folder.mkdir(parents=True)
    if rev is None:
        shutil.copy(ROOT / "outline.yaml", folder)
        shutil.copytree(ROOT / "assets", folder / "assets")
    else:
        archive = subprocess.run(
            ["git", "archive", rev, "outline.yaml", "assets"], cwd=ROOT, capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder / "outline.yaml"


def before_source(rev: str | None, into: Path) -> tuple[Path, str]:
    """Extract deck's package as of `rev` into `into`; return its folder and the commit."""
    if rev is None:
        added = subprocess.run(
            ["git", "log", "--diff-filter=A", "--format=%H", "--", "deck/serve/__init__.py"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        rev = f"{added[-1]}^"
    commit = subprocess.run(
        ["git", "rev-parse", "--short", rev], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    into.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", commit, "deck"], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into, commit


class Page:
    """A connected page: reads the state events of a `deck serve` at `url`."""

    def __init__(self, url: str):
        self.url = url
        self.states: list[tuple[float, dict]] = []
        self.changed = threading.Condition()
        self.stream = urllib.request.urlopen(url + "events", timeout=600)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        try:
            for raw in self.stream:
                line = raw.decode("utf-8")
                if line.startswith("data: "):
                    with self.changed:
                        self.states.append((time.perf_counter(), json.loads(line[6:])))
                        self.changed.notify_all()
        except (OSError, ValueError):
            pass

    def wait(self, test, timeout: float = 300) -> dict:
        with self.changed:
            found = self.changed.wait_for(lambda: self.states and test(self.states[-1][1]), timeout)
            if not found:
                raise RuntimeError("the page never showed the change")
            return self.states[-1][1]

    def fetch(self, picture: str) -> bytes:
        with urllib.request.urlopen(f"{self.url}pictures/{picture}", timeout=60) as answer:
            return answer.read()


def bench_serve(folder: Path, runs: int) -> tuple[list[float], int]:
    """Return the seconds from each one-slide save to its new picture in the page, and the slides."""
    outline = copy_talk(folder)
    proc = subprocess.Popen(
        [sys.executable, "-m", "deck", "serve", "--port", "0", "outline.yaml"],
        cwd=folder,
        env=env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        url = re.search(r"http://\S+/", proc.stdout.readline()).group(0)
        page = Page(url)
        state = page.wait(lambda s: s["slides"] and not s["busy"])
        text = outline.read_text(encoding="utf-8")
        titles = [m for m in re.finditer(r"^    title: (.+)$", text, re.M)]
        picked = [titles[i * len(titles) // runs] for i in range(runs)]
        seconds = []
        for i, match in enumerate(picked):
            title = match.group(1)
            at = next(n for n, s in enumerate(state["slides"]) if s["title"] == title.strip("'\""))
            before, old = state, state["slides"][at]["picture"]
            text = text.replace(match.group(0), f"    title: {title}（{i}）", 1)
            tmp = folder / ".outline.yaml.swp"
            tmp.write_text(text, encoding="utf-8")
            start = time.perf_counter()
            os.replace(tmp, outline)
            state = page.wait(lambda s, at=at, old=old: not s["busy"] and s["slides"][at]["picture"] != old)
            page.fetch(state["slides"][at]["picture"])
            seconds.append(time.perf_counter() - start)
            changed = sum(a["picture"] != b["picture"] for a, b in zip(state["slides"], before["slides"]))
            if changed > 1:
                print(f"warning: {changed} pictures changed for one edit", file=sys.stderr)
        return seconds, len(state["slides"])
    finally:
        proc.send_signal(2)
        proc.wait(timeout=120)


def machine() -> list[str]:
    cpu = platform.processor() or "unknown"
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        pass
    office = subprocess.run(["soffice", "--version"], capture_output=True, text=True).stdout.strip()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores; load average {load} at the start",
        f"- Python {platform.python_version()} on {platform.system()} {platform.release()}; {office}",
        f"- run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 runs each; print, do not write RESULTS.md")
    parser.add_argument("--runs", type=int, help="saves timed in the page (default 9, quick 3)")
    parser.add_argument("--cold-runs", type=int, help="cold builds and previews each (default 5, quick 2)")
    parser.add_argument("--before", help="the git revision whose `deck preview` is 'before' (default: see above)")
    args = parser.parse_args(argv)
    runs = args.runs or (3 if args.quick else 9)
    cold_runs = args.cold_runs or (2 if args.quick else 5)
    about = machine()
    with tempfile.TemporaryDirectory(prefix="deck-bench-serve-") as tmp:
        work = Path(tmp)
        old, commit = before_source(args.before, work / "before")
        talk = copy_talk(work / "talk")
        old_talk = copy_talk(work / "old-talk", commit)  # the talk the old deck can read
        py = [sys.executable, "-m", "deck"]
        base, now, then = [], [], []
        for i in range(cold_runs):  # interleaved, so the machine's load falls on each alike
            base.append(timed([*py, "build", "--pdf", "outline.yaml", "-o", f"b{i}/talk.pptx"], talk.parent))
            now.append(timed([*py, "preview", "outline.yaml", "-o", f"now{i}"], old_talk.parent))
            then.append(
                timed([*py, "preview", "outline.yaml", "-o", f"then{i}"], old_talk.parent, {"PYTHONPATH": str(old)})
            )
        saves, slides = bench_serve(work / "serve", runs)
        base.append(timed([*py, "build", "--pdf", "outline.yaml", "-o", "b-last/talk.pptx"], talk.parent))
    b, s, p, q = (statistics.median(x) for x in (base, saves, now, then))
    lines = [
        BEGIN,
        "## Live preview (`deck serve`) and `deck preview`, against a cold `deck build --pdf`",
        "",
        f"Written by `.venv/bin/python bench/serve.py` (method in its docstring). The essay's talk, {slides} slides;",
        f"medians of {cold_runs + 1} cold builds, {cold_runs} previews each and {runs} saves, side by side.",
        "",
        "Machine:",
        "",
        *about,
        "",
        "| measurement | median | ratio to the cold `deck build --pdf` |",
        "|---|---:|---:|",
        f"| cold `deck build --pdf` (the baseline) | {b:.2f} s | 1.00 |",
        f"| `deck serve`: a save changing one slide → its new picture in the page | {s:.2f} s | {s / b:.2f} |",
        f"| `deck preview` of the talk as of {commit}, now | {p:.2f} s | {p / b:.2f} |",
        f"| `deck preview` of the talk as of {commit}, before `deck serve` ({commit}) | {q:.2f} s | {q / b:.2f} |",
        "",
        "Targets (issue 15):",
        "",
        f"- [{'x' if s / b <= 0.5 else ' '}] one-slide save to its picture in the page ≤ 0.5 × a cold "
        f"`deck build --pdf` — {s / b:.2f} × (each save: {', '.join(f'{x:.2f}' for x in saves)} s)",
        f"- [{'x' if p / q <= 0.5 else ' '}] `deck preview` of the whole talk ≤ 0.5 × before (the talk as of "
        f"{commit} on both sides) — {p / q:.2f} × ({p:.2f} against {q:.2f} s)",
        END,
    ]
    report = "\n".join(lines)
    print(report)
    if not args.quick:
        text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
        if BEGIN in text:
            text = text[: text.index(BEGIN)] + report + text[text.index(END) + len(END) :]
        else:
            text = text.rstrip("\n") + "\n\n" + report + "\n"
        RESULTS.write_text(text, encoding="utf-8")
        print(f"wrote {RESULTS.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

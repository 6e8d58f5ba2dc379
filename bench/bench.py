"""Benchmark: deck against raw python-pptx and Pandoc, whole processes, N = 30 … 1000 slides.

Run from the repository root with the test setup's venv:

    .venv/bin/python bench/bench.py            # full run (a few minutes), writes bench/RESULTS.md
    .venv/bin/python bench/bench.py --quick    # fewer sizes and runs, prints only

Every tool builds the same talk: a title slide, then N slides of a title and five bullets of
mixed Chinese and English text. deck reads it as a YAML outline; the raw python-pptx script
writes it with the stock template, setting a Latin and an East Asian font (a:latin, a:ea) on
every run; Pandoc (where `pandoc` is on PATH) reads it as Markdown. Each measurement is one
whole process building to a fresh output path; the tools take turns (interleaved runs), and
the table shows the median time, the peak resident memory (the child's ru_maxrss) and the
output size. Bytecode of deck's own modules is cached in a private folder (PYTHONPYCACHEPREFIX)
as it would be in a normal install, even where PYTHONDONTWRITEBYTECODE is set. deck's own cost
per slide is also taken as the CPU time of one build in a process that built a small talk
before: other load on a shared machine does not disturb it, so the flat-cost target uses it.

The essay's talk (outline.yaml at the root) is timed too: a cold `deck build` process, a warm
rebuild in a process that has built it once (what a watch mode pays), and `deck check`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
SIZES = (30, 100, 300, 1000)
QUICK_SIZES = (30, 300)

# Five bullets per slide: Chinese with English terms and numbers in it, as in a real talk.
BULLETS = (
    "第 {n} 页：规模带来质变，scaling law 仍然成立",
    "GPT-3 有 175B 参数，训练数据约 300B tokens",
    "in-context learning 让模型从几个示例中学会任务",
    "RLHF 用人类反馈对齐模型（InstructGPT, 2022）",
    "小结：data、compute 与 model size 需要同步增长",
)
LATIN, EAST_ASIAN = "Noto Sans", "Noto Sans CJK SC"


# -- the same talk, three ways -------------------------------------------------------------------


def slide_texts(n: int) -> list[tuple[str, list[str]]]:
    """Return the N content slides as (title, five bullets)."""
    return [(f"第 {i} 页：大模型的观察 Observation {i}", [b.format(n=i) for b in BULLETS]) for i in range(1, n + 1)]


def outline_yaml(n: int) -> str:
    """The talk as an outline, written as a person would: plain (unquoted) scalars."""
    lines = ["title: 基准测试 Benchmark", "author: deck", "date: 2024-01-01", "language: zh-CN", "slides:"]
    for title, bullets in slide_texts(n):
        lines.append(f"  - title: {title}")
        lines.append("    bullets:")
        lines += [f"      - {b}" for b in bullets]
    return "\n".join(lines) + "\n"


RAW_SCRIPT = '''"""N slides of a title and five bullets, straight with python-pptx (a:latin + a:ea on every run)."""
import json, sys
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Emu

slides = json.load(open(sys.argv[1], encoding="utf-8"))
prs = Presentation()
prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)


def fonts(run):
    rpr = run._r.get_or_add_rPr()
    rpr.set("lang", "zh-CN")
    for tag in ("a:latin", "a:ea"):
        node = rpr.makeelement(qn(tag), {"typeface": %(latin)r if tag == "a:latin" else %(ea)r})
        rpr.append(node)


first = prs.slides.add_slide(prs.slide_layouts[0])
run = first.shapes.title.text_frame.paragraphs[0].add_run()
run.text = "基准测试 Benchmark"
fonts(run)
for title, bullets in slides:
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    run = slide.shapes.title.text_frame.paragraphs[0].add_run()
    run.text = title
    fonts(run)
    body = slide.placeholders[1].text_frame
    for i, text in enumerate(bullets):
        para = body.paragraphs[0] if i == 0 else body.add_paragraph()
        run = para.add_run()
        run.text = text
        fonts(run)
prs.save(sys.argv[2])
''' % {"latin": LATIN, "ea": EAST_ASIAN}


def pandoc_markdown(n: int) -> str:
    head = ["---", "title: 基准测试 Benchmark", "author: deck", "lang: zh-CN", "---", ""]
    body = []
    for title, bullets in slide_texts(n):
        body += [f"# {title}", ""] + [f"- {b}" for b in bullets] + [""]
    return "\n".join(head + body)


# -- measuring ---------------------------------------------------------------------------------


@dataclass
class Samples:
    seconds: list[float] = field(default_factory=list)
    rss_kb: list[int] = field(default_factory=list)
    size: int = 0

    @property
    def time(self) -> float:
        return statistics.median(self.seconds)

    @property
    def rss_mb(self) -> float:
        return statistics.median(self.rss_kb) / 1024


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "deck-bench-pycache")
    env.setdefault("SOURCE_DATE_EPOCH", "1704067200")
    return env


def run_once(cmd: list[str], cwd: Path, env: dict[str, str], out: Path | None = None) -> tuple[float, int]:
    """Run `cmd` to completion; return (wall seconds, peak RSS in KiB). Raises on failure."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0 or (out is not None and not out.is_file()):
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {err.decode()[-500:]}")
    return elapsed, usage.ru_maxrss


def tools(pandoc: str | None) -> list[str]:
    return ["deck", "python-pptx"] + (["pandoc"] if pandoc else [])


def command(tool: str, n: int, work: Path, out: Path, pandoc: str | None) -> list[str]:
    if tool == "deck":
        return [sys.executable, "-m", "deck", "build", str(work / f"talk-{n}.yaml"), "-o", str(out)]
    if tool == "python-pptx":
        return [sys.executable, str(work / "raw_pptx.py"), str(work / f"talk-{n}.json"), str(out)]
    return [pandoc, str(work / f"talk-{n}.md"), "-o", str(out)]


def bench_sizes(sizes, runs: int, work: Path, pandoc: str | None) -> dict[tuple[str, int], Samples]:
    env = child_env()
    (work / "raw_pptx.py").write_text(RAW_SCRIPT, encoding="utf-8")
    for n in sizes:
        (work / f"talk-{n}.yaml").write_text(outline_yaml(n), encoding="utf-8")
        (work / f"talk-{n}.json").write_text(json.dumps(slide_texts(n), ensure_ascii=False), encoding="utf-8")
        (work / f"talk-{n}.md").write_text(pandoc_markdown(n), encoding="utf-8")
    results = {(t, n): Samples() for t in tools(pandoc) for n in sizes}
    for warm in (
        [sys.executable, "-c", WARM_IMPORTS],  # compile bytecode into the private cache
        [sys.executable, "-m", "deck", "check", str(work / f"talk-{sizes[0]}.yaml")],
    ):
        run_once(warm, work, env)
    counter = 0
    for _ in range(runs):
        for n in sizes:
            for tool in tools(pandoc):  # interleaved: every tool sees the same machine load
                counter += 1
                out = work / "out" / f"{tool}-{n}-{counter}.pptx"
                out.parent.mkdir(exist_ok=True)
                seconds, rss = run_once(command(tool, n, work, out, pandoc), work, env, out)
                sample = results[(tool, n)]
                sample.seconds.append(seconds)
                sample.rss_kb.append(rss)
                sample.size = out.stat().st_size
                out.unlink()
    return results


WARM_IMPORTS = (
    "import deck.cli, deck.pipeline, deck.pptx.render, deck.export, pptx, pptx.chart.data, PIL.Image, lxml.etree, yaml"
)
WARM_SNIPPET = """
import json, statistics, sys, time
from pathlib import Path
from deck.pipeline import build_outline
outline, out, runs = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
start = time.perf_counter(); first = build_outline(outline, out); cold = time.perf_counter() - start
assert first.output is not None, first.problems
times = []
for _ in range(runs):
    start = time.perf_counter(); build_outline(outline, out); times.append(time.perf_counter() - start)
print(json.dumps({"first": cold, "warm": statistics.median(times)}))
"""


PER_SLIDE_SNIPPET = """
import json, sys, time
from pathlib import Path
from deck.pipeline import build_outline
warm, outline, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
build_outline(warm, out.with_name("warm.pptx"))  # imports and font tables loaded: only the deck's own cost is left
start = time.process_time(); done = build_outline(outline, out); cpu = time.process_time() - start
assert done.output is not None, done.problems
print(json.dumps(cpu))
"""


def bench_per_slide(sizes, runs: int, work: Path) -> dict[int, float]:
    """Return, per N, the median CPU seconds per slide of one build of talk-N in a process
    that has built a small talk before: deck's own cost, unaffected by other processes."""
    env = child_env()
    out: dict[int, list[float]] = {n: [] for n in sizes}
    for _ in range(runs):
        for n in sizes:
            done = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    PER_SLIDE_SNIPPET,
                    str(work / f"talk-{sizes[0]}.yaml"),
                    str(work / f"talk-{n}.yaml"),
                    str(work / f"cpu-{n}.pptx"),
                ],
                cwd=work,
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            out[n].append(json.loads(done.stdout) / n)
    return {n: statistics.median(v) for n, v in out.items()}


def bench_essay(runs: int, work: Path) -> dict[str, float]:
    """Time the essay's talk: cold build process, warm in-process rebuild, check process."""
    env = child_env()
    outline = ROOT / "outline.yaml"
    cold, check = [], []
    for i in range(runs):
        out = work / f"essay-{i}.pptx"
        cold.append(run_once([sys.executable, "-m", "deck", "build", str(outline), "-o", str(out)], ROOT, env, out)[0])
        check.append(run_once([sys.executable, "-m", "deck", "check", str(outline)], ROOT, env)[0])
    size = out.stat().st_size
    warm = subprocess.run(
        [sys.executable, "-c", WARM_SNIPPET, str(outline), str(work / "essay-warm.pptx"), str(max(runs, 5))],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return {
        "cold": statistics.median(cold),
        "check": statistics.median(check),
        "warm": json.loads(warm.stdout)["warm"],
        "size": size,
    }


# -- reporting ---------------------------------------------------------------------------------


def machine(pandoc: str | None) -> list[str]:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = []
    for name in ("python-pptx", "lxml", "Pillow", "PyYAML", "XlsxWriter"):
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            pass
    if pandoc:
        first = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout
        versions.append(first.splitlines()[0] if first else "pandoc")
    else:
        versions.append("pandoc not installed")
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores (nproc); load average {load} at the start",
        f"- Python {platform.python_version()} on {platform.system()} {platform.release()}",
        f"- {', '.join(versions)}",
        f"- run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
    ]


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}"


def marginal(results, tool: str, sizes, n: int) -> float | None:
    """Return `tool`'s cost per added slide, seconds, from the size before `n` to `n`."""
    i = sizes.index(n)
    if i == 0:
        return None
    before = sizes[i - 1]
    return (results[(tool, n)].time - results[(tool, before)].time) / (n - before)


def table(results: dict[tuple[str, int], Samples], sizes, pandoc: str | None, per_slide: dict[int, float]) -> list[str]:
    names = tools(pandoc)
    head = ["N"] + [f"{t} s" for t in names] + ["deck / python-pptx"]
    head += ["deck / pandoc"] if pandoc else []
    head += [f"{t} ms per added slide" for t in names] + ["deck CPU ms per slide"]
    head += [f"{t} peak MB" for t in names] + [f"{t} KB" for t in names]
    rows = ["| " + " | ".join(head) + " |", "|" + "---:|" * len(head)]
    for n in sizes:
        r = {t: results[(t, n)] for t in names}
        cells = [str(n)] + [f"{r[t].time:.2f}" for t in names]
        cells.append(ratio(r["deck"].time, r["python-pptx"].time))
        if pandoc:
            cells.append(ratio(r["deck"].time, r["pandoc"].time))
        for t in names:
            m = marginal(results, t, sizes, n)
            cells.append("" if m is None else f"{1000 * m:.1f}")
        cells.append(f"{1000 * per_slide[n]:.2f}")
        cells += [f"{r[t].rss_mb:.0f}" for t in names]
        cells += [f"{r[t].size / 1024:.0f}" for t in names]
        rows.append("| " + " | ".join(cells) + " |")
    return rows


def targets(results, sizes, essay, per_slide: dict[int, float]) -> list[str]:
    """Return the issue's targets, each with the measured value and whether it holds."""
    out = []

    def line(ok: bool, text: str) -> None:
        out.append(f"- [{'x' if ok else ' '}] {text}")

    deck, raw = (lambda n: results[("deck", n)]), (lambda n: results[("python-pptx", n)])
    if 30 in sizes:
        r = deck(30).time / raw(30).time
        line(r <= 1.25, f"N=30: deck ≤ 1.25 × raw python-pptx — {r:.2f} ×")
    if 100 in sizes and 1000 in sizes:
        flat = per_slide[1000] / per_slide[100]
        line(
            flat <= 1.2,
            f"flat cost per slide: deck's CPU time per slide at N=1000 ≤ 1.2 × at "
            f"N=100 — {flat:.2f} × ({1000 * per_slide[1000]:.2f} vs "
            f"{1000 * per_slide[100]:.2f} ms)",
        )
    if 1000 in sizes:
        r = deck(1000).time / raw(1000).time
        line(r <= 1.0, f"N=1000: deck no slower than raw python-pptx — {r:.2f} ×")
        m = deck(1000).rss_mb / raw(1000).rss_mb
        line(m <= 1.2, f"N=1000: deck's peak memory ≤ 1.2 × raw python-pptx — {m:.2f} ×")
    if essay:
        line(essay["warm"] <= 0.3, f"warm rebuild of the essay's talk ≤ 0.3 s — {essay['warm']:.2f} s")
    out += ["", "Issue 15 (start-up):", ""]
    if 30 in sizes and ("pandoc", 30) in results:
        r = deck(30).time / results[("pandoc", 30)].time
        line(r <= 1.0, f"N=30: a cold deck build no slower than Pandoc — {r:.2f} ×")
    if 1000 in sizes:
        r = deck(1000).time / raw(1000).time
        line(r <= 0.25, f"N=1000: deck ≤ 0.25 × raw python-pptx — {r:.2f} ×")
        m = deck(1000).rss_mb
        line(
            m <= PEAK_MB_BEFORE,
            f"N=1000: deck's peak memory no higher than before issue 15 ({PEAK_MB_BEFORE} MB, "
            f"RESULTS.md of 2026-11-29) — {m:.0f} MB",
        )
    return out


PEAK_MB_BEFORE = 62  # deck's peak RSS at N=1000 in the run before issue 15's start-up work


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"sizes {', '.join(map(str, QUICK_SIZES))}, 3 runs; print, do not write RESULTS.md",
    )
    parser.add_argument("--runs", type=int, help="runs per measurement (default 7, quick 3)")
    args = parser.parse_args(argv)
    sizes = QUICK_SIZES if args.quick else SIZES
    runs = args.runs or (3 if args.quick else 7)
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        print("pandoc is not on PATH: comparing with raw python-pptx only", file=sys.stderr)
    about = machine(pandoc)
    with tempfile.TemporaryDirectory(prefix="deck-bench-") as tmp:
        work = Path(tmp)
        results = bench_sizes(sizes, runs, work, pandoc)
        per_slide = bench_per_slide(sizes, runs, work)
        essay = bench_essay(runs, work)
    lines = [
        "## Whole-process build of N slides (title + five mixed zh/en bullets)",
        "",
        f"Median of {runs} interleaved runs; time in seconds, peak RSS in MB, output in KB. "
        "On a shared machine single runs vary by a third; the ratios compare runs made "
        "side by side.",
        "Per added slide: the difference in time from the size above, per slide. CPU per "
        "slide: one build in a process that built a small talk before (deck's own cost, "
        "unaffected by the machine's other load).",
        "",
        *table(results, sizes, pandoc, per_slide),
        "",
        "## The essay's talk (outline.yaml)",
        "",
        "| cold `deck build` | warm rebuild (in-process) | `deck check` | .pptx size |",
        "|---:|---:|---:|---:|",
        f"| {essay['cold']:.2f} s | {essay['warm']:.3f} s | {essay['check']:.2f} s | {essay['size'] / 1024:.0f} KB |",
        "",
        "## Targets",
        "",
        *targets(results, sizes, essay, per_slide),
        "",
    ]
    report = "\n".join(lines)
    print(report)
    if not args.quick:
        header = [
            "# Benchmark results",
            "",
            "Written by `.venv/bin/python bench/bench.py` (see its docstring for the method).",
            "",
            "Machine:",
            "",
            *about,
            "",
        ]
        RESULTS.write_text("\n".join(header) + "\n" + report + _serve_section(), encoding="utf-8")
        print(f"wrote {RESULTS.relative_to(ROOT)}", file=sys.stderr)
    return 0


def _serve_section() -> str:
    """bench/serve.py's section of RESULTS.md, kept as it was."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    begin, end = "<!-- bench/serve.py: begin -->", "<!-- bench/serve.py: end -->"
    if begin not in text or end not in text:
        return ""
    return "\n" + text[text.index(begin) : text.index(end) + len(end)] + "\n"


if __name__ == "__main__":
    raise SystemExit(main())

"""The shape of deck's cost, not its speed: what a command imports, and that rendering grows
linearly with the slides. Timings belong to bench/bench.py; these checks count instead."""

from __future__ import annotations

import cProfile
import pstats
import subprocess
import sys

from conftest import ROOT

from deck.pipeline import check_outline
from deck.pptx.render import render_pptx


def _run(code: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_check_never_imports_python_pptx():
    done = _run(
        "import sys; from deck.cli import main; main(['check', 'outline.yaml']); "
        "assert 'pptx' not in sys.modules, sorted(m for m in sys.modules if 'pptx' in m)"
    )
    assert done.returncode == 0, done.stderr


def test_building_a_deck_without_charts_never_imports_python_pptx_lxml_xlsxwriter_or_budoux(write, tmp_path):
    """Nor budoux (the Chinese titles are broken between BudouX phrases, scored by deck from
    BudouX's model), the company template reader or zipfile (deck writes its own zips)."""
    outline = write("talk.yaml", _outline(3))
    done = _run(
        "import sys; from deck.cli import main; "
        f"status = main(['build', {str(outline)!r}, '-o', {str(tmp_path / 'o.pptx')!r}]); "
        "assert status == 0, status; "
        "late = sorted(m for m in sys.modules if m.split('.')[0] in ('pptx', 'lxml', 'xlsxwriter', 'budoux', 'html') "
        "or m in ('deck.theme.template', 'zipfile')); "
        "assert not late, late"
    )
    assert done.returncode == 0, done.stderr


def test_a_plain_build_never_imports_what_only_rarer_paths_need(write, tmp_path):
    """A talk of bullets builds without the modules only other paths use: typing (deck's type
    hints name it only for type checkers), difflib (suggestions for mistakes, and comparing
    slides with a previous build's), threading (`deck watch` and `deck serve`), the picture
    writers (a deck without pictures), dataclasses with the inspect it imports (deck.frozen
    reads the fields itself), the cp437 codec (zip entry names that are not ASCII) and shutil
    (argparse imports it for the terminal's width, which only help and usage need)."""
    outline = write("talk.yaml", _outline(3))
    done = _run(
        "import sys; from deck.cli import main; "
        f"status = main(['build', {str(outline)!r}, '-o', {str(tmp_path / 'o.pptx')!r}]); "
        "assert status == 0, status; "
        f"late = sorted(m for m in sys.modules if m in {sorted(_RARE)!r}); "
        "assert not late, late"
    )
    assert done.returncode == 0, done.stderr


_RARE = {
    "typing",
    "difflib",
    "threading",
    "deck.pptx.pictures",
    "deck.pptx.backdrop",
    "dataclasses",
    "inspect",
    "encodings.cp437",
    "shutil",
}


def test_render_work_grows_linearly_with_the_slides(write):
    small, large = (check_outline(write(f"talk-{n}.yaml", _outline(n))) for n in (40, 320))
    render_pptx(small.pages, small.theme)  # warm caches, so both runs count the same kind of work
    ratio = _calls(large) / _calls(small)
    assert ratio < 8 * 1.1, f"rendering 8× the slides made {ratio:.1f}× the calls"


def _calls(outcome) -> int:
    profile = cProfile.Profile()
    profile.runcall(render_pptx, outcome.pages, outcome.theme)
    return pstats.Stats(profile).total_calls


def _outline(n: int) -> str:
    slides = "".join(
        f"  - title: 第 {i} 页：规模 Observation {i}\n"
        "    bullets:\n"
        f"      - 第 {i} 页：规模带来质变，scaling law 仍然成立\n"
        "      - GPT-3 有 175B 参数，训练数据约 300B tokens\n"
        "      - in-context learning 让模型从几个示例中学会任务\n"
        "      - '[a link](https://example.org) and **strong** text'\n"
        "      - 小结：data、compute 与 model size 需要同步增长\n"
        f"    notes: 第 {i} 页的备注。\n"
        for i in range(1, n + 1)
    )
    return f"title: 基准 Benchmark\nlanguage: zh-CN\nslides:\n{slides}"


def test_only_office_py_runs_programs():
    """deck/export/office.py is the one module that starts processes (the warm LibreOffice of
    `deck serve` included: deck/export/warm.py asks office.py to start and end it)."""
    import re

    runs = re.compile(r"\bimport subprocess\b|\bfrom subprocess\b|\bos\.(system|popen|spawn\w*|exec\w*|fork)\(")
    found = sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "deck").rglob("*.py") if runs.search(p.read_text(encoding="utf-8"))
    )
    assert found == ["deck/export/office.py"]


def _importers(package: str) -> list[str]:
    """The modules of deck that import `package` (at the top or inside a function)."""
    import re

    imports = re.compile(rf"^\s*(import|from) {package}\b", re.MULTILINE)
    return sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "deck").rglob("*.py") if imports.search(p.read_text(encoding="utf-8"))
    )


def test_only_the_source_reader_reads_yaml():
    """The limits, key checks and character checks around the reader are YAML-free: one module
    speaks to PyYAML."""
    assert _importers("yaml") == ["deck/source/reader.py"]


def test_only_render_py_imports_python_pptx():
    assert _importers("pptx") == ["deck/pptx/render.py"]


def test_a_build_leaves_the_pyyaml_patterns_libyaml_never_uses_uncompiled(write, tmp_path):
    """PyYAML compiles its patterns at import, 4 ms of a build; deck's reader imports it with
    them compiled on first use, and libyaml's parser never uses the pure-Python reader's
    class of printable characters or the constructor's timestamp pattern."""
    outline = write("talk.yaml", _outline(3))
    done = _run(
        "from deck.cli import main; "
        f"status = main(['build', {str(outline)!r}, '-o', {str(tmp_path / 'o.pptx')!r}]); "
        "assert status == 0, status; "
        "import yaml; "
        "unused = (yaml.reader.Reader.NON_PRINTABLE, yaml.constructor.SafeConstructor.timestamp_regexp); "
        "assert all(type(p).__name__ == 'Later' and not p.compiled for p in unused), unused"
    )
    assert done.returncode == 0, done.stderr

"""deck.frozen.compiled: the functions deck writes at run time are compiled once, kept where
Python keeps bytecode, and used by later processes; a bad or foreign file is left aside."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from pathlib import Path

_CHILD = """
import builtins, sys
written = []
real = builtins.compile
def spy(source, *args, **kwargs):
    if isinstance(source, str) and source.startswith("def "):
        written.append(source)
    return real(source, *args, **kwargs)
builtins.compile = spy
from deck.cli import main
status = main(["build", sys.argv[1], "-o", sys.argv[2]])
assert status == 0, status
from deck.frozen.compiled import cache_path
print(len(written), cache_path())
"""

_OUTLINE = """title: 缓存 Cache
language: zh-CN
slides:
  - title: 第一页 First
    bullets:
      - 规模带来质变，scaling law 仍然成立
    notes: 第一页的备注。
  - title: 第二页 Second
    table:
      header: [模型, 参数]
      rows: [[GPT-3, 175B], [LLaMA, 65B]]
"""


def _build(tmp_path: Path, prefix: Path, out: str, **env) -> tuple[int, Path]:
    outline = tmp_path / "talk.yaml"
    outline.write_text(_OUTLINE, encoding="utf-8")
    environ = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    environ.update(PYTHONPYCACHEPREFIX=str(prefix), SOURCE_DATE_EPOCH="1704067200", **env)
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(outline), str(tmp_path / out)],
        capture_output=True,
        text=True,
        env=environ,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    count, path = done.stdout.splitlines()[-1].split()
    return int(count), Path(path)


def test_a_later_build_compiles_nothing_and_writes_the_same_bytes(tmp_path):
    prefix = tmp_path / "pycache"
    first, path = _build(tmp_path, prefix, "one.pptx")
    assert first > 10 and path.is_file() and prefix in path.parents
    again, _ = _build(tmp_path, prefix, "two.pptx")
    assert again == 0
    assert (tmp_path / "one.pptx").read_bytes() == (tmp_path / "two.pptx").read_bytes()


def test_nothing_is_kept_where_python_writes_no_bytecode(tmp_path):
    prefix = tmp_path / "pycache"
    first, path = _build(tmp_path, prefix, "one.pptx", PYTHONDONTWRITEBYTECODE="1")
    assert first > 10 and not path.exists()


def test_a_damaged_or_foreign_file_is_left_aside_and_replaced(tmp_path):
    prefix = tmp_path / "pycache"
    _, path = _build(tmp_path, prefix, "good.pptx")
    good = (tmp_path / "good.pptx").read_bytes()
    for bad in (b"\x00garbage", path.read_bytes()[:100], marshal.dumps(("2.7.18", {"def f(): pass": 1}))):
        path.write_bytes(bad)
        count, _ = _build(tmp_path, prefix, "again.pptx")
        assert count > 10, bad[:20]
        assert (tmp_path / "again.pptx").read_bytes() == good
        version, codes = marshal.loads(path.read_bytes())
        assert version == sys.version and len(codes) == count

"""Shared test helpers: run the CLI in-process or as a real process, and small outline files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def write(tmp_path):
    """Write a file under tmp_path and return its path: write("outline.yaml", text)."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return _write


def run_deck(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `python -m deck ARGS` as a real process; return the finished process (text output)."""
    return subprocess.run(
        [sys.executable, "-m", "deck", *map(str, args)], cwd=cwd, capture_output=True, text=True, env=env, timeout=300
    )

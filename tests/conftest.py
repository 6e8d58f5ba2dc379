"""Shared test helpers: run the CLI as a real process, write small outline files, render
through LibreOffice or skip, and the hypothesis profiles."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

# Hypothesis profiles, for every property test. "ci" (what CI runs: CI=true) draws the same 100
# examples on every run (derandomize): a failure reproduces and CI never flakes. "dev" (the
# default elsewhere) draws 10, also derandomized, to keep the fast loop fast. "random" draws 100
# fresh each run (`--hypothesis-seed=N` replays one); "long" draws 10,000 fresh examples each,
# to hunt for new failures:
#     HYPOTHESIS_PROFILE=long .venv/bin/pytest tests/inputs/test_properties.py tests/layout/test_linebreak.py
_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile("ci", max_examples=100, deadline=None, derandomize=True, suppress_health_check=_QUIET)
settings.register_profile("dev", max_examples=10, deadline=None, derandomize=True, suppress_health_check=_QUIET)
settings.register_profile("random", max_examples=100, deadline=None, suppress_health_check=_QUIET)
settings.register_profile("long", max_examples=10_000, deadline=None, suppress_health_check=_QUIET)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if CI else "dev"))


def pytest_configure(config):
    """Where PYTHONDONTWRITEBYTECODE is set, every Python a run starts compiles what it imports
    from source: deck (about 0.3 s of CPU for each `python -m deck` a test starts) and, in each
    xdist worker, every test module pytest rewrites (about 3 s a worker). Give the run a
    bytecode cache outside the source tree instead (the tree still gets no __pycache__): pytest's
    cache folder (.pytest_cache/d/pycache), kept from run to run and checked against each
    source file's time and size as Python always does, so only the first run compiles. Without
    pytest's cache (`-p no:cacheprovider`) a temporary folder for this run, removed at the end,
    goes to the deck processes only (a fresh cache would have the workers compile every library
    they import)."""
    shared = getattr(config, "workerinput", {}).get("deck_pycache")
    if shared is None:
        if not os.environ.get("PYTHONDONTWRITEBYTECODE") or os.environ.get("PYTHONPYCACHEPREFIX"):
            return
        cache = getattr(config, "cache", None)
        if cache is not None:
            shared = str(cache.mkdir("pycache"))
            sys.pycache_prefix, sys.dont_write_bytecode = shared, False  # this process's own later imports
        else:
            shared = config.deck_pycache = tempfile.mkdtemp(prefix="deck-test-pycache-")
            config.add_cleanup(lambda: shutil.rmtree(shared, ignore_errors=True))
            if getattr(config.option, "numprocesses", None):
                return  # the xdist controller starts no deck itself; its workers get the cache (below)
    os.environ["PYTHONPYCACHEPREFIX"] = shared  # for the processes this one starts
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    """xdist: hand each worker the controller's bytecode cache for the processes it starts."""
    cache = getattr(node.config, "deck_pycache", None)
    if cache is not None:
        node.workerinput["deck_pycache"] = cache


@pytest.fixture
def write(tmp_path):
    """Write a file under tmp_path and return its path: write("outline.yaml", text)."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return _write


def processes_naming(*words: str) -> list[int]:
    """The ids of the running processes whose command line holds every one of `words` (reads
    /proc; a process that ends meanwhile is skipped)."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            cmd = (proc / "cmdline").read_bytes().decode("utf-8", "replace")
        except OSError:
            continue
        if proc.name.isdigit() and all(w in cmd for w in words):
            found.append(int(proc.name))
    return found


def skip_or_fail(reason: str) -> None:
    """Skip a render test where a tool is missing, with `reason`; in CI (CI=true) fail instead."""
    if CI:
        pytest.fail(f"{reason} (CI must install it: see .ci/run)")
    pytest.skip(reason)


def render_pdf(pptx: Path, tmpdir: Path | str) -> Path:
    """Return `pptx` rendered to a PDF in `tmpdir` (rendercheck.render_pdf); skip the test
    without LibreOffice (fail in CI), fail it when the export fails."""
    import rendercheck  # tools/rendercheck.py, on pytest's pythonpath; not imported by the xdist controller

    try:
        return rendercheck.render_pdf(pptx, tmpdir)
    except rendercheck.NoLibreOffice as missing:
        skip_or_fail(str(missing))
    except rendercheck.RenderFailed as failed:
        pytest.fail(str(failed))


def run_deck(
    *args: str, cwd: Path | None = None, env: dict | None = None, process: bool = False
) -> subprocess.CompletedProcess:
    """Run `deck ARGS` and return the finished run (text output): in this process through
    `deck.cli.main` (see tests/inprocess.py), or with `process` as a real `python -m deck`."""
    if not process:
        from inprocess import run_in_process  # deck is not imported by the xdist controller

        return run_in_process(*args, cwd=cwd, env=env)
    return subprocess.run(
        [sys.executable, "-m", "deck", *map(str, args)], cwd=cwd, capture_output=True, text=True, env=env, timeout=300
    )

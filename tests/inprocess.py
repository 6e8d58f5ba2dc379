"""Running deck's command line in the test's own process: `deck.cli.main` with the arguments,
in a folder, with an environment, its output captured and its exit status returned. The same
code a `deck` process runs, minus the interpreter's start (about 0.3 s a call): the tests that
need a process of their own (signals, resource limits, dropped permissions, fresh imports)
start one instead."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
from pathlib import Path

from deck.cli import main


def run_in_process(
    *args: str | Path, cwd: Path | str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Run `deck ARGS` through `deck.cli.main` in `cwd` with the environment `env` (default:
    this one); return it as a finished process: returncode, stdout and stderr (text)."""
    argv = [str(a) for a in args]
    out, err = io.StringIO(), io.StringIO()
    saved_env, saved_cwd = dict(os.environ), os.getcwd()
    try:
        if env is not None:
            os.environ.clear()
            os.environ.update(env)
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(argv)
            except SystemExit as stop:  # argparse's usage errors
                status = stop.code if isinstance(stop.code, int) else 1
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    return subprocess.CompletedProcess(["deck", *argv], status, out.getvalue(), err.getvalue())

"""The faults harness: deck against real files, links, FIFOs, sockets, signals and resource
limits (as a real `python -m deck` process wherever a signal, a limit or a permission drop
needs one); a folder's every file hashed before and after."""

from __future__ import annotations

import hashlib
import os
import re
import resource
import select
import shutil
import stat
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from inprocess import run_in_process
from PIL import Image

OUTLINE = """title: Faults
theme: theme.yaml
slides:
  - title: One
    bullets: [a, b]
    notes: Say a and b.
  - title: A picture
    image: {path: assets/dot.png, alt: A dot}
    notes: Look.
"""
THEME = "name: faults\nextends: default\n"
HASHED = 64 << 20  # bytes: a bigger file is compared by size, inode and time, not hashed
CODE = re.compile(r"(?:error|warning)\[([A-Z]\d{3})\]")
DROP_DAC = ("setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-all")


@dataclass(frozen=True)
class Run:
    """A finished `python -m deck`: its exit status and what it printed."""

    status: int
    out: str
    err: str

    @property
    def codes(self) -> list[str]:
        """The problem codes printed on stderr, in order."""
        return CODE.findall(self.err)


def talk(folder: Path) -> Path:
    """Make a small talk in `folder`: outline.yaml, its theme file and a picture; return the outline."""
    (folder / "assets").mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 30), "teal").save(folder / "assets" / "dot.png")
    (folder / "theme.yaml").write_text(THEME, encoding="utf-8")
    outline = folder / "outline.yaml"
    outline.write_text(OUTLINE, encoding="utf-8")
    return outline


def environment(**extra: str) -> dict[str, str]:
    """The environment deck runs in: this one, unbuffered output, no pause hook, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if k not in ("DECK_TEST_PAUSE", "SOURCE_DATE_EPOCH")}
    return {**env, "PYTHONUNBUFFERED": "1", **extra}


def command(*args: str, drop_dac: bool = False) -> list[str]:
    """The command line running deck with `args`; with `drop_dac`, as root without the power
    to ignore file permissions (so that a folder without permission refuses root too)."""
    prefix = list(DROP_DAC) if drop_dac and os.geteuid() == 0 else []
    return [*prefix, sys.executable, "-m", "deck", *map(str, args)]


def can_drop_dac() -> bool:
    """Whether permissions can be made to bind this test's deck: not root, or root with setpriv."""
    return os.geteuid() != 0 or shutil.which("setpriv") is not None


def deck(
    *args: str | Path,
    cwd: Path,
    env: dict[str, str] | None = None,
    memory: int | None = None,
    drop_dac: bool = False,
    timeout: float = 120,
    process: bool = False,
) -> Run:
    """Run deck ARGS in `cwd` and wait for it. With `process`, `memory` (a cap on its address
    space, bytes) or `drop_dac` it is a real `python -m deck` process (a fresh process also
    has its own start time, which tells a stale temporary file); otherwise deck's CLI runs in
    this process (tests/inprocess.py), the same code without an interpreter's start."""
    if memory is None and not drop_dac and not process:
        done = run_in_process(*args, cwd=cwd, env=env or environment())
        return Run(done.returncode, done.stdout, done.stderr)

    def limit():
        if memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    done = subprocess.run(
        command(*map(str, args), drop_dac=drop_dac),
        cwd=cwd,
        env=env or environment(),
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=limit,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def snapshot(folder: Path) -> dict[str, object]:
    """Every entry under `folder` (not following links) → what it holds: a file's SHA-256 (or,
    past HASHED bytes, its size, inode and time), a link's target, or its kind."""
    seen: dict[str, object] = {}
    for root, dirs, files in os.walk(folder):
        for name in sorted(dirs + files):
            path = Path(root, name)
            st = os.lstat(path)
            key = str(path.relative_to(folder))
            if stat.S_ISLNK(st.st_mode):
                seen[key] = ("link", os.readlink(path))
            elif stat.S_ISREG(st.st_mode) and st.st_size > HASHED:
                seen[key] = ("big", st.st_size, st.st_ino, st.st_mtime_ns)
            elif stat.S_ISREG(st.st_mode):
                seen[key] = ("file", hashlib.sha256(path.read_bytes()).hexdigest(), stat.S_IMODE(st.st_mode))
            else:
                seen[key] = ("kind", stat.S_IFMT(st.st_mode), stat.S_IMODE(st.st_mode))
    return seen


class Paused:
    """`python -m deck ARGS` in `cwd`, made to wait at a point of its build (`point`: "layout"
    or "write", see deck.output.target.pause_point) so that a signal arrives there."""

    def __init__(self, point: str, *args: str | Path, cwd: Path, fifo: Path, env: dict[str, str] | None = None):
        os.mkfifo(fifo)
        self.fifo = fifo
        env = {**(env or environment()), "DECK_TEST_PAUSE": f"{point}:{fifo}"}
        self.process = subprocess.Popen(
            command(*map(str, args)), cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )

    def reached(self, timeout: float = 60) -> str:
        """Wait until deck announces it is paused; return the point's name. Fails if deck ends first."""
        fd = os.open(self.fifo, os.O_RDONLY | os.O_NONBLOCK)
        try:
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                ready, _, _ = select.select([fd], [], [], 0.1)
                line = os.read(fd, 100) if ready else b""
                if line:
                    return line.decode().strip()
                if self.process.poll() is not None:
                    break
            raise AssertionError(f"deck did not pause (exit {self.process.poll()}): {self.finish().err}")
        finally:
            os.close(fd)

    def resume(self) -> None:
        """Let deck go on from the pause."""
        with open(self.fifo, "w"):
            pass

    def send(self, sig: int) -> None:
        self.process.send_signal(sig)

    def finish(self, timeout: float = 60) -> Run:
        """Wait for deck to end; return how it ended."""
        out, err = self.process.communicate(timeout=timeout)
        return Run(self.process.returncode, out, err)

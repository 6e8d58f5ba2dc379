"""Count the work code does, for tests of bounded work: parser events, calls, call depth, bytes read."""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass

import yaml


@dataclass
class Work:
    """What reading one outline cost, counted."""

    events: int = 0  # YAML events the reader took from the parser
    calls: int = 0  # Python and built-in function calls while reading (profiled loads only)
    depth: int = 0  # deepest nesting of Python calls below the reader's entry (profiled loads only)


@contextlib.contextmanager
def counting_events(work: Work):
    """Count the events the reader takes from PyYAML's parser (libyaml's, or the pure one)."""
    parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    take = parser.get_event

    def get_event(self):
        work.events += 1
        return take(self)

    parser.get_event = get_event
    try:
        yield
    finally:
        del parser.get_event  # the class attribute inherited from the parser shows again


@contextlib.contextmanager
def profiling(work: Work):
    """Count every call made inside the block and the deepest nesting of Python frames."""
    depth = 0

    def hook(frame, event, arg):
        nonlocal depth
        if event in ("call", "c_call"):
            work.calls += 1
        if event == "call":
            depth += 1
            work.depth = max(work.depth, depth)
        elif event == "return":
            depth -= 1

    sys.setprofile(hook)
    try:
        yield
    finally:
        sys.setprofile(None)


class CountingFile:
    """A file object that counts the bytes read through it."""

    def __init__(self, file, counts: dict, name: str):
        self._file, self._counts, self._name = file, counts, name

    def read(self, *args):
        data = self._file.read(*args)
        self._counts[self._name] = self._counts.get(self._name, 0) + len(data)
        return data

    def __getattr__(self, name):
        return getattr(self._file, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._file.close()


def counting_opener(real_open, counts: dict[str, int]):
    """Return an `open` that counts, in `counts` by path, the bytes read from files it opens."""

    def counting_open(file, mode="r", *args, **kwargs):
        handle = real_open(file, mode, *args, **kwargs)
        return CountingFile(handle, counts, os.fspath(file)) if "r" in mode and not isinstance(file, int) else handle

    return counting_open

"""Regular expressions a library compiles at import, compiled instead when first used.

PyYAML compiles eleven patterns as it is imported, about 4 ms of a 0.1 s build; most of that is
the pure-Python reader's class of printable characters (NON_PRINTABLE), which libyaml's parser
never uses, and the resolver compiles each of its patterns only when a scalar could match it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager


class Later:
    """A pattern compiled when it is first used; until then it holds only its text and flags."""

    __slots__ = ("_source", "_compiled")

    def __init__(self, pattern: str | bytes, flags: int = 0) -> None:
        self._source = (pattern, flags)
        self._compiled: re.Pattern | None = None

    @property
    def compiled(self) -> bool:
        return self._compiled is not None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = _COMPILE(*self._source)
        return getattr(self._compiled, name)

    def __repr__(self) -> str:
        return f"Later({self._source[0]!r})"


_COMPILE = re.compile


@contextmanager
def compiled_on_first_use(package: str) -> Iterator[None]:
    """While the block runs, patterns compiled at module level by `package`'s modules become
    `Later`s; everyone else's are compiled as usual. For the imports of a library that only
    calls methods on its patterns (match, search, sub…), as PyYAML does."""
    prefix = package + "."

    def compile_later(pattern, flags=0):
        caller = sys._getframe(1).f_globals.get("__name__", "")
        if (caller == package or caller.startswith(prefix)) and isinstance(pattern, (str, bytes)):
            return Later(pattern, flags)
        return _COMPILE(pattern, flags)

    re.compile = compile_later
    try:
        yield
    finally:
        re.compile = _COMPILE

"""Functions deck writes at run time, compiled once and kept beside deck's bytecode.

`@frozen` writes each class's __init__ when its first instance is made, and the slide hashes
(deck.lint.changes) a writer per page class; compiling those took about 4 ms of every build. As
Python keeps a module's compiled code in a .pyc file, their code is kept in one file beside
this module's .pyc (`__pycache__/generated.<tag>.marshal`, or under PYTHONPYCACHEPREFIX), and
a later process runs it without compiling. The file maps each source text to its code, so a
changed source is compiled afresh; it is written at exit when something new was compiled,
unless Python writes no bytecode (PYTHONDONTWRITEBYTECODE, -B). A file that is missing,
unreadable, of another Python or damaged is left aside and everything compiled as before;
failing to write it changes nothing but the next start-up.
"""

from __future__ import annotations

import marshal
import os
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start-up
if TYPE_CHECKING:
    from types import CodeType

_codes: dict[str, CodeType] | None = None  # the file's, then this process's too
_fresh = False  # whether this process compiled something the file does not hold


def compiled(source: str, name: str) -> CodeType:
    """Return the code of module-level `source` (to `exec` in a namespace); `name` is the file
    name its tracebacks show."""
    global _fresh
    codes = _known()
    code = codes.get(source)
    if code is None:
        code = codes[source] = compile(source, name, "exec")
        if not _fresh:
            _fresh = True
            import atexit

            atexit.register(_save)
    return code


def cache_path() -> str | None:
    """Return the file the compiled code is kept in, where Python would put this module's
    bytecode; None for an interpreter that keeps none."""
    tag = sys.implementation.cache_tag
    if tag is None:
        return None
    here = os.path.dirname(os.path.abspath(__file__))
    if sys.pycache_prefix:  # as importlib.util.cache_from_source: the prefix, then the folder without its drive
        folder = os.path.join(sys.pycache_prefix, os.path.splitdrive(here)[1].lstrip(os.sep + (os.altsep or "")))
    else:
        folder = os.path.join(here, "__pycache__")
    return os.path.join(folder, f"generated.{tag}.marshal")


def _known() -> dict[str, CodeType]:
    global _codes
    if _codes is None:
        _codes = _load()
    return _codes


def _load() -> dict[str, CodeType]:
    path = cache_path()
    if path is None:
        return {}
    try:
        with open(path, "rb") as handle:
            version, codes = marshal.loads(handle.read())
    except (TypeError, OSError, ValueError, EOFError):  # none, unreadable, damaged
        return {}
    if version != sys.version or not isinstance(codes, dict):
        return {}
    return codes


def _save() -> None:
    path = cache_path()
    if path is None or sys.dont_write_bytecode or not _codes:
        return
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(marshal.dumps((sys.version, _codes)))
        os.replace(temporary, path)  # whole or not at all, whoever else writes it meanwhile
    except (OSError, ValueError):
        try:
            os.unlink(temporary)
        except OSError:
            pass

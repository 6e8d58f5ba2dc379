"""The paths deck is given and writes: refuse a path that would destroy an input or that
cannot be used, write atomically through recognisable temporary files, and sweep the ones a
killed build left behind."""

from __future__ import annotations

import errno
import os
import re
import stat
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from deck.problems import Problem, Where, cut, display_path

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start-up
if TYPE_CHECKING:
    from typing import BinaryIO

try:  # POSIX: a temporary file is locked while deck writes it
    import fcntl
except ImportError:  # Windows: an open file cannot be removed, which protects it as well
    fcntl = None

TMP_MARK = ".deck-tmp-"
_TMP = re.compile(r"\..+\.deck-tmp-[0-9a-f]{16}")
# When this process loaded deck (seconds since the epoch): a temporary file last changed before
# it, and locked by no process, was left by a build that was killed (SIGKILL, a power cut).
STARTED = time.time()
PAUSE_ENV = "DECK_TEST_PAUSE"  # `<point>:<fifo>`: a test hook, see pause_point
_KINDS = {
    stat.S_ISDIR: "a folder",
    stat.S_ISFIFO: "a named pipe (FIFO)",
    stat.S_ISSOCK: "a socket",
    stat.S_ISCHR: "a device",
    stat.S_ISBLK: "a device",
}


def check_file_target(
    path: Path, inputs: Mapping[Path, str] | None = None, suffix: str | None = None
) -> Problem | None:
    """Return why deck may not write a file at `path`, or None when it may. Reads nothing.

    The problem (located at `path`, line 0; each exits 2) is the first of: O115 the path cannot
    be used (a name too long, a symbolic link loop, a folder deck may not enter, a file where a
    folder should be); O111 it is a folder, FIFO, socket or device, or a symbolic link to
    nothing; O110 it is one of `inputs` (the same file, through symbolic or hard links: `inputs`
    maps each to what it is, e.g. "the outline"); O112 its name does not end with `suffix` (case
    ignored); O113 it is a regular file without write permission (read-only: a protected file).
    """
    shown = display_path(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
        if os.path.islink(path):
            return Where(shown).error(
                "O111", f"this is a symbolic link to nothing ({os.readlink(path)}); remove it, or write elsewhere"
            )
    except OSError as exc:
        return unusable(path, exc)
    if st is not None and (kind := next((name for test, name in _KINDS.items() if test(st.st_mode)), None)):
        hint = "write to a file" if kind != "a folder" else f"name the file to write, e.g. {shown}/talk{suffix or ''}"
        return Where(shown).error("O111", f"this is {kind}, not a file, so deck will not write over it; {hint}")
    for source, what in (inputs or {}).items() if st is not None else ():
        try:
            same = os.path.samestat(st, os.stat(source))
        except OSError:
            continue
        if same:
            return Where(shown).error(
                "O110",
                f"this is {what} (`{display_path(source)}`); writing the output here would destroy it; "
                "choose another output path",
            )
    if suffix is not None and path.suffix.lower() != suffix:
        return Where(shown).error(
            "O112",
            f"the output must be a {suffix} file, not `{cut(path.name)}`; name it like talk{suffix} "
            "(with --pdf, the PDF is written beside it under the same name)",
        )
    if st is None:
        return _check_folders(path.parent, shown)
    if not st.st_mode & 0o222:
        return Where(shown).error(
            "O113",
            "this file is read-only, so deck leaves it as it is; make it writable (chmod u+w) to let deck "
            "replace it, or write elsewhere",
        )
    return None


def check_folder_target(folder: Path) -> Problem | None:
    """Return why deck may not write files into `folder` (O111 it is not a folder, O115 the
    path cannot be used), or None when it is a folder or can be created."""
    try:
        st = os.stat(folder)
    except FileNotFoundError:
        if os.path.islink(folder):
            return Where(display_path(folder)).error("O111", "this is a symbolic link to nothing; remove it")
        return _check_folders(folder.parent, display_path(folder))
    except OSError as exc:
        return unusable(folder, exc)
    if not stat.S_ISDIR(st.st_mode):
        kind = next((name for test, name in _KINDS.items() if test(st.st_mode)), "a file")
        return Where(display_path(folder)).error(
            "O111", f"this is {kind}, not a folder; name a folder for the pictures (it is created if missing)"
        )
    return None


def check_new_file(path: Path) -> Problem | None:
    """Return why `deck new` may not create `path` (O119 something is there, even a symbolic
    link to nothing; O115 the path cannot be used, e.g. a file where a folder should be), or None."""
    shown = display_path(path)
    if os.path.islink(path) and not os.path.exists(path):
        return Where(shown).error(
            "O119",
            f"this is a symbolic link to nothing ({os.readlink(path)}); deck new writes only a new file, "
            "never through a link; remove the link or choose another name",
        )
    if os.path.lexists(path):
        return Where(shown).error("O119", "this already exists, and deck new never overwrites; choose another name")
    try:
        os.stat(path)
    except FileNotFoundError:
        return _check_folders(path.parent, shown)
    except OSError as exc:
        return unusable(path, exc)
    return None


def check_theme_option(theme: str, builtin: tuple[str, ...]) -> Problem | None:
    """Return why `--theme theme` (a path relative to the working folder, or one of the
    `builtin` names) names no theme file: O116 no such file, or a folder; O115 the path cannot
    be used. None when it is a built-in name or a regular file."""
    if theme in builtin:
        return None
    path = Path(theme)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        return unusable(path, exc)
    if st is not None and stat.S_ISREG(st.st_mode):
        return None
    what = "no such file" if st is None else "that is a folder" if stat.S_ISDIR(st.st_mode) else "not a file"
    return Where(display_path(path)).error(
        "O116",
        f"--theme `{cut(theme)}` is not a built-in theme ({', '.join(builtin)}) and {what}; name a built-in "
        "theme or a theme file",
    )


def _check_folders(folder: Path, shown: str) -> Problem | None:
    """The nearest existing folder above a missing path must be a usable folder (missing ones are created)."""
    while True:
        try:
            st = os.stat(folder)
        except FileNotFoundError:
            if os.path.islink(folder):
                return Where(shown).error("O115", f"cannot use this path: {display_path(folder)} is a link to nothing")
            if folder.parent == folder:
                return None
            folder = folder.parent
            continue
        except OSError as exc:
            return unusable(Path(shown), exc)
        if not stat.S_ISDIR(st.st_mode):
            return unusable(Path(shown), NotADirectoryError(errno.ENOTDIR, f"{display_path(folder)} is not a folder"))
        return None


def unusable(path: Path, exc: OSError) -> Problem:
    """Return the problem O115 for a `path` the system refused with `exc` (too long, a link
    loop, permission denied, not a folder), located at `path`."""
    reason = exc.strerror or str(exc)
    return Where(display_path(path)).error(
        "O115", f"cannot use this path ({reason}); check the name, its folders and their permissions"
    )


def write_atomically(target: Path, data: bytes | Callable[[BinaryIO], object]) -> None:
    """Write `data` (bytes, or a function that writes to a binary file) to `target` through a
    temporary file beside it, `.<name>.deck-tmp-<16 hex>`, locked while it is written, then
    rename it over `target`: a reader sees the old file or the new one, never a part. Missing
    folders are created, and temporary files a killed build left in the folder are removed first
    (`sweep_stale`). The file gets the mode an ordinary new file would (0666 less the umask), or
    the mode of the file it replaces. Raises OSError; on any failure or interruption
    (KeyboardInterrupt, a signal turned into an exception) `target` is as it was and the
    temporary file is removed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    sweep_stale(target.parent)
    tmp = target.with_name(f".{target.name[:120]}{TMP_MARK}{os.urandom(8).hex()}")  # within a name's 255 bytes
    try:
        with tmp.open("xb") as out:  # `open`, not `mkstemp`: the usual permissions
            if fcntl is not None:
                fcntl.flock(out.fileno(), fcntl.LOCK_EX)  # released when the file closes or deck dies
            if isinstance(data, bytes):
                out.write(data)
            else:
                data(out)
            out.flush()
            pause_point("write")
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def sweep_stale(folder: Path, started: float = STARTED) -> list[Path]:
    """Remove deck's temporary files in `folder` that are stale; return those removed.

    A file is deck's when its name is `.<name>.deck-tmp-<16 hex>` and it is a regular file (not
    a link). It is stale when it was last changed before `started` (seconds since the epoch;
    by default when this process loaded deck, so a file another build is creating right now is
    never taken) and no process holds its lock (a live build holds it until it renames the
    file; the lock dies with its process, even on SIGKILL). Where locks are missing (Windows)
    a file still open elsewhere cannot be removed, so it is kept. Never raises.
    """
    removed = []
    try:
        names = [entry.name for entry in os.scandir(folder) if _TMP.fullmatch(entry.name)]
    except OSError:
        return removed
    for name in names:
        path = folder / name
        try:
            st = os.lstat(path)
            if not stat.S_ISREG(st.st_mode) or st.st_mtime >= started or _locked(path):
                continue
            path.unlink()
            removed.append(path)
        except OSError:
            continue
    return removed


def _locked(path: Path) -> bool:
    """Whether another process holds the lock on `path` (False where there are no locks)."""
    if fcntl is None:
        return False
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def same_bytes(path: Path, data: bytes, chunk: int = 1 << 20) -> bool:
    """Whether the file at `path` holds exactly `data`, compared by streaming `chunk` bytes at a
    time (a huge file is never read whole; one of a different size is not read at all).
    Raises OSError when it cannot be read."""
    with path.open("rb") as f:
        if os.fstat(f.fileno()).st_size != len(data):
            return False
        view = memoryview(data)
        at = 0
        while block := f.read(chunk):
            if block != view[at : at + len(block)]:
                return False
            at += len(block)
        return at == len(data)


def keep_aside(path: Path) -> Path:
    """Rename `path` to `<stem>.edited-<n><suffix>` beside it, n the first free number from 1;
    return the new path. Raises OSError."""
    n = 1
    while os.path.lexists(kept := path.with_name(f"{path.stem}.edited-{n}{path.suffix}")):
        n += 1
    os.rename(path, kept)
    return kept


def pause_point(name: str, environ: Mapping[str, str] = os.environ) -> None:
    """A test hook, off unless `$DECK_TEST_PAUSE` is `<name>:<fifo>`: then announce `name` on
    the named pipe `fifo` (a line, once the test opens it to read) and wait until the test opens
    it to write and closes it. A signal sent meanwhile arrives at a known point of the build
    ("layout": checked, nothing rendered; "write": the temporary file written, not renamed)."""
    point, _, fifo = environ.get(PAUSE_ENV, "").partition(":")
    try:
        if point != name or not stat.S_ISFIFO(os.stat(fifo).st_mode):  # never opens a file by mistake
            return
    except OSError:
        return
    with open(fifo, "w") as announce:
        announce.write(f"{name}\n")
    with open(fifo) as resume:
        resume.read()

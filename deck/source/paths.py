"""Files an input names by path (a picture, a theme file): found inside a folder, or refused with a reason."""

from __future__ import annotations

import re
from pathlib import Path, PureWindowsPath

from deck.frozen import frozen

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")

# Why a named path is refused, in the order they are checked.
URL = "url"  # a web address
ABSOLUTE = "absolute"  # starts with `/`, `\`, `~` or a drive letter
BACKSLASH = "backslash"  # uses `\` as a separator
UNFOLLOWABLE = "unfollowable"  # the system cannot resolve it: a symlink loop, a name too long
OUTSIDE = "outside"  # leads outside the folder, through `..` or a symlink
MISSING = "missing"  # names no file (nothing, or a folder)


@frozen
class Found:
    """Where a named path leads: `path` (resolved) when it names a file, else `refused` says
    why (one of the reasons above), with the system's words for UNFOLLOWABLE in `detail`."""

    path: Path | None = None
    refused: str | None = None
    detail: str = ""


def find_inside(folder: Path, rel: str, root: Path | None = None) -> Found:
    """Return the file that `rel`, a path relative to `folder`, names.

    It must be written relative (no web address, no leading `/`, `\\` or `~`, no drive letter),
    with `/` between names, and after `..` and symlinks are resolved name a file inside `root`
    (default: `folder`). Never raises; a path that fails says why in `Found.refused`."""
    if _URL.match(rel):
        return Found(refused=URL)
    if rel.startswith(("/", "\\", "~")) or PureWindowsPath(rel).drive or rel[1:2] == ":":
        return Found(refused=ABSOLUTE)
    if "\\" in rel:
        return Found(refused=BACKSLASH)
    try:
        inside = (root or folder).resolve()
        path = (folder / rel).resolve()
        is_inside = path.is_relative_to(inside)
        is_file = is_inside and path.is_file()
    except (OSError, RuntimeError, ValueError) as exc:  # a symlink loop, a name too long for the system
        return Found(refused=UNFOLLOWABLE, detail=str(getattr(exc, "strerror", None) or exc))
    if not is_inside:
        return Found(refused=OUTSIDE)
    return Found(path) if is_file else Found(refused=MISSING)


def find_file(path: Path) -> Found:
    """Return the file at `path`, wherever it is (a path the user typed on the command line is
    their own choice); refused only as UNFOLLOWABLE or MISSING. Never raises."""
    try:
        resolved = path.resolve()
        is_file = resolved.is_file()
    except (OSError, RuntimeError, ValueError) as exc:
        return Found(refused=UNFOLLOWABLE, detail=str(getattr(exc, "strerror", None) or exc))
    return Found(resolved) if is_file else Found(refused=MISSING)

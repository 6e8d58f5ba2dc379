"""The record of files deck wrote beside its outputs (PDFs, preview pictures), so that it
removes or replaces only its own files, never a person's.

Each folder deck writes such files into holds a manifest, `.deck-written.json`: for each file
name, the SHA-256 of the bytes deck wrote. A file is deck's while it still holds those bytes;
a file deck never wrote, or one changed since, is a person's. (A .pptx carries its own record
inside, deck.pptx.record; a PDF cannot, and recording its digest in the .pptx would make the
.pptx depend on LibreOffice's output, which is not reproducible.)
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from deck.output.target import write_atomically

MANIFEST = ".deck-written.json"
_FORMAT = 1
_LARGEST = 1_000_000  # bytes; a bigger manifest is not deck's


def digest(path: Path) -> str:
    """Return the SHA-256 (hex) of the file at `path`, read in blocks. Raises OSError."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            h.update(block)
    return h.hexdigest()


def _read(folder: Path) -> dict[str, str]:
    """The manifest of `folder` as {file name: digest}; empty when missing or not deck's."""
    try:  # never blocks on a named pipe, never follows a link
        fd = os.open(folder / MANIFEST, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as f:
            blob = f.read(_LARGEST + 1) if stat.S_ISREG(os.fstat(f.fileno()).st_mode) else b""
        data = json.loads(blob) if 0 < len(blob) <= _LARGEST else {}
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) and data.get("format") == _FORMAT else None
    if not isinstance(files, dict):
        return {}
    return {k: v for k, v in files.items() if isinstance(k, str) and isinstance(v, str) and "/" not in k}


def _write(folder: Path, files: dict[str, str]) -> None:
    if not files:
        (folder / MANIFEST).unlink(missing_ok=True)
        return
    text = json.dumps({"format": _FORMAT, "files": dict(sorted(files.items()))}, indent=1) + "\n"
    write_atomically(folder / MANIFEST, text.encode())


def deck_wrote(path: Path) -> bool:
    """Whether the file at `path` is one deck wrote and nobody changed since (its manifest lists
    it with its current digest). False when it is missing, a link, or cannot be read."""
    known = _read(path.parent).get(path.name)
    if known is None or os.path.islink(path) or not path.is_file():
        return False
    try:
        return digest(path) == known
    except OSError:
        return False


def foreign(paths: Iterable[Path]) -> list[Path]:
    """Return those of `paths` that exist (as anything, even a link) but that deck did not write."""
    return [p for p in paths if os.path.lexists(p) and not deck_wrote(p)]


def record(paths: Iterable[Path]) -> None:
    """Note in their folders' manifests that deck wrote `paths` (files as they are now).
    Raises OSError when a manifest cannot be written."""
    by_folder: dict[Path, list[Path]] = {}
    for p in paths:
        by_folder.setdefault(p.parent, []).append(p)
    for folder, files in by_folder.items():
        known = _read(folder)
        known.update({p.name: digest(p) for p in files})
        _write(folder, {name: d for name, d in known.items() if os.path.lexists(folder / name)})


def remove_own(paths: Iterable[Path]) -> list[Path]:
    """Remove those of `paths` that deck wrote and nobody changed since, and forget them; return
    those removed. Anything else is left as it is. Raises OSError when a file or manifest cannot
    be removed or written."""
    removed = [p for p in paths if deck_wrote(p)]
    for p in removed:
        p.unlink()
    for folder in {p.parent for p in removed}:
        known = _read(folder)
        _write(folder, {name: d for name, d in known.items() if os.path.lexists(folder / name)})
    return removed


def listed(folder: Path) -> list[Path]:
    """Return the files the manifest of `folder` lists (whether or not they are still deck's)."""
    return [folder / name for name in sorted(_read(folder))]

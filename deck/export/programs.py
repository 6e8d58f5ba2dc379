"""Where the external programs are (LibreOffice's `soffice`, a Python with its UNO bridge,
poppler's `pdftoppm`), how to install them, and LibreOffice's private profile: deck's settings,
and a set-up profile kept in deck's cache folder for the next export. Nothing here runs them:
deck.export.office does."""

from __future__ import annotations

import glob
import hashlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

SOFFICE_ENV = "DECK_SOFFICE"  # path to soffice; when set, it is the only place looked at
UNO_PYTHON_ENV = "DECK_UNO_PYTHON"  # a Python that can `import uno`; when set, the only one tried

_INSTALL = {  # (tool, platform) → how to get it
    ("soffice", "linux"): "`sudo apt-get install libreoffice-impress` (Debian/Ubuntu) or your "
    "distribution's LibreOffice package",
    ("soffice", "darwin"): "`brew install --cask libreoffice` or the installer from libreoffice.org",
    ("soffice", "win32"): "`winget install TheDocumentFoundation.LibreOffice` or the installer from libreoffice.org",
    ("pdftoppm", "linux"): "`sudo apt-get install poppler-utils` (Debian/Ubuntu) or your "
    "distribution's poppler package",
    ("pdftoppm", "darwin"): "`brew install poppler`",
    ("pdftoppm", "win32"): "`conda install -c conda-forge poppler`, with its bin folder on PATH",
}


def install_hint(tool: str) -> str:
    platform = "darwin" if sys.platform == "darwin" else "win32" if os.name == "nt" else "linux"
    return "install it with " + _INSTALL[(tool, platform)]


def soffice_candidates() -> list[str]:
    """Return the fixed places where LibreOffice usually lives on this platform, in order."""
    if sys.platform == "darwin":
        app = "Applications/LibreOffice.app/Contents/MacOS/soffice"
        return [f"/{app}", str(Path.home() / app)]
    if os.name == "nt":
        roots = {os.environ.get(v) for v in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432")}
        roots |= {r"C:\Program Files", r"C:\Program Files (x86)"}
        return [str(Path(r, "LibreOffice", "program", "soffice.exe")) for r in sorted(roots - {None})]
    return [
        "/usr/bin/soffice",
        "/usr/bin/libreoffice",
        "/usr/lib/libreoffice/program/soffice",
        *sorted(glob.glob("/opt/libreoffice*/program/soffice"), reverse=True),
        "/snap/bin/libreoffice",
    ]


def find_soffice() -> str | None:
    """Return the path of LibreOffice's `soffice`, or None when it is not installed.

    `$DECK_SOFFICE`, when set, is the only place looked at (None if it is not an executable
    file, so a wrong setting is reported rather than silently bypassed). Otherwise: `soffice`
    and `libreoffice` on PATH, then the platform's usual install folders.
    """
    forced = os.environ.get(SOFFICE_ENV)
    if forced:
        return executable(forced)
    for name in ("soffice", "libreoffice", *soffice_candidates()):
        found = executable(name)
        if found:
            return found
    return None


def executable(name: str) -> str | None:
    """Return `name` if it is an executable file, else its match on PATH, else None."""
    if os.path.isfile(name) and os.access(name, os.X_OK):
        return name
    return shutil.which(name) if os.path.basename(name) == name else None


def missing_soffice(asked: str | None) -> str:
    forced = asked or os.environ.get(SOFFICE_ENV)
    where = f"{forced} was not found" if forced else "soffice was not found"
    return (
        f"LibreOffice is needed for PDF and PNG export, but {where}; "
        f"{install_hint('soffice')}, or set {SOFFICE_ENV} to its path"
    )


def uno_python(soffice: str) -> str | None:
    """Return a Python that likely has LibreOffice's UNO bridge: `$DECK_UNO_PYTHON`, else the one
    LibreOffice bundles (beside `soffice`: macOS, Windows), else the system's python3 (Debian's
    python3-uno). Whether it really imports `uno` shows when the worker starts."""
    forced = os.environ.get(UNO_PYTHON_ENV)
    if forced:
        return executable(forced)
    program = Path(os.path.realpath(soffice)).parent
    for name in (program / "python", program / "python.exe", "/usr/bin/python3", "python3"):
        found = executable(str(name))
        if found:
            return found
    return None


# The private profile's settings. LibreOffice adds its own space between East Asian and Latin
# text ("Asian typography: apply spacing", ParaIsCharacterDistance), on top of any space typed,
# and a .pptx cannot turn it off; Impress leaves it off by default where the locale setting is
# Japanese or Korean. So the profile's locale setting is ja-JP: the PDF then shows exactly the
# spaces typed, as PowerPoint does. (Number and date formats of ja-JP match en-US's; every run
# carries its own language, so no glyph forms change.)
PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">\
<value>ja-JP</value></prop></item>
</oor:items>
"""


def write_profile(profile: Path) -> None:
    """Seed a fresh LibreOffice profile with deck's settings (see PROFILE)."""
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(PROFILE, encoding="utf-8")


def seed_profile(profile: Path, soffice: str) -> None:
    """Seed the fresh private profile folder `profile` for `soffice`: a copy of the profile an
    earlier export set up (kept by `keep_profile`; LibreOffice then skips setting up a new
    profile, about a second of every export), else deck's settings only (PROFILE)."""
    cached = _cached_profile(soffice)
    if cached is not None and cached.is_dir():
        try:
            shutil.copytree(cached, profile, symlinks=True)
            return
        except OSError:
            shutil.rmtree(profile, ignore_errors=True)
    write_profile(profile)


def keep_profile(profile: Path, soffice: str) -> None:
    """Keep `profile`, set up by a successful export with `soffice`, in deck's cache folder for
    the next exports, unless one is kept already. Best effort: where the cache cannot be
    written, nothing is kept and exports set up their own profile as before."""
    cached = _cached_profile(soffice)
    if cached is None or cached.exists():
        return
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".profile-", dir=cached.parent))
    except OSError:
        return
    try:
        shutil.copytree(profile, tmp / "profile", symlinks=True)
        os.replace(tmp / "profile", cached)  # whole or not at all; another export may have been first
    except OSError:
        pass
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def has_kept_profile(soffice: str) -> bool:
    """Whether an earlier export kept a set-up profile for `soffice` (see `keep_profile`)."""
    cached = _cached_profile(soffice)
    return cached is not None and cached.is_dir()


def _cached_profile(soffice: str) -> Path | None:
    """Where the set-up profile of this LibreOffice (its path and install time) with deck's
    settings is kept: in `$XDG_CACHE_HOME/deck` (default ~/.cache/deck; %LOCALAPPDATA%\\deck on
    Windows); None when there is no such folder to use."""
    try:
        real = os.path.realpath(soffice)
        stamp = os.stat(real).st_mtime_ns
        base = os.environ.get("LOCALAPPDATA" if os.name == "nt" else "XDG_CACHE_HOME") or Path.home() / ".cache"
    except (OSError, RuntimeError):  # no home folder
        return None
    key = hashlib.sha256(f"{real}\0{stamp}\0{PROFILE}".encode()).hexdigest()[:16]
    return Path(base) / "deck" / f"libreoffice-profile-{key}"

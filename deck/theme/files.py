"""Theme files: a built-in name or a path kept inside the outline's folder, `extends` chains laid
one over another, and files that are not themes (described, never quoted)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from deck.problems import Problem, Where, cut, display_path
from deck.source import paths
from deck.source.codes import CODES as SOURCE_CODES
from deck.source.located import Map, Node, Scalar
from deck.source.reader import load_yaml
from deck.theme.spec import THEME

HERE = Path(__file__).parent / "builtin"
BUILTIN: dict[str, Path] = {"default": HERE / "default.yaml", "dark": HERE / "dark.yaml"}
BUILT_IN = "<built-in theme "  # how a built-in theme's locations start
MAX_EXTENDS = 8  # theme files one chain of `extends` may read


def read_theme_source(ref: str, folder: Path | None, inside: Path | None) -> tuple[Node | None, list[Problem]]:
    """Return theme `ref` as one located mapping, with the themes it extends laid under it, and
    the problems found reading it (None when it cannot be read as a theme at all).

    `ref` is a built-in name or a path relative to `folder` (default: the working folder). When
    `inside` is given (the outline's folder, for an outline's `theme:`), the file must resolve
    inside it; a theme named on the command line passes None, being the user's own choice. Either
    way the files it `extends` stay inside that folder (the named file's own, when not confined).
    Problems with the named file itself are at its line 0; no message quotes a file that is not a
    theme."""
    if ref in BUILTIN:
        return _builtin_node(ref), []
    folder = folder or Path.cwd()
    shown = _shown(folder / ref)
    found = paths.find_inside(folder, ref, inside) if inside is not None else paths.find_file(folder / ref)
    if found.path is None:
        return None, [Where(shown).error(*_refusal(found, ref, "theme"))]
    problems: list[Problem] = []
    node = _read(found.path, shown, Where(shown), problems)
    if node is None:
        return None, problems
    root = inside if inside is not None else found.path.parent
    return _extended(node, found.path, root, (found.path,), problems), problems


def overlay(base: Node, top: Node) -> Node:
    """Return `top` laid over `base`: mappings merge key by key, anything else replaces."""
    if not (isinstance(base, Map) and isinstance(top, Map)):
        return top
    entries = []
    for key, value in base.entries:
        over = top.get(key.text)
        entries.append((top.key_node(key.text), overlay(value, over)) if over is not None else (key, value))
    entries += [(k, v) for k, v in top.entries if base.get(k.text) is None]
    return Map(top.where, tuple(entries))


def place(node: Node, *keys: str) -> Where:
    """Return where a theme file wrote the value at `keys` (e.g. "text", "body", "size"): that
    value's place, else the place of the nearest key above it that a file (not a built-in
    theme) wrote."""
    best = node.where
    for key in keys:
        node = node.get(key) if isinstance(node, Map) else None
        if node is None or node.where.path.startswith(BUILT_IN):
            break
        best = node.where
    return best


def written(node: Node, *keys: str) -> Where | None:
    """Return where a theme file (not a built-in theme) wrote the value at `keys`, or None."""
    for key in keys:
        node = node.get(key) if isinstance(node, Map) else None
        if node is None:
            return None
    return None if node.where.path.startswith(BUILT_IN) else node.where


@lru_cache(maxsize=8)
def _builtin_node(name: str) -> Node:
    node, problems = load_yaml(BUILTIN[name], f"{BUILT_IN}{name}>")
    if node is None:
        raise RuntimeError("built-in theme is unreadable: " + "; ".join(p.format() for p in problems))
    return node


def _read(path: Path, shown: str, at: Where, problems: list[Problem]) -> Node | None:
    """Return the theme file at `path` as a located mapping, adding the reader's problems; or
    None, adding one problem at `at` that says what the file is without quoting it."""
    node, found = load_yaml(path, shown)
    if node is None:
        first = found[0] if found else None
        code = first.code if first else "S126"
        line = f" (line {first.line}, column {first.column})" if first and first.line else ""
        problems.append(
            at.error(
                code,
                f"theme file `{cut(shown)}` cannot be read as a theme: {SOURCE_CODES[code].summary}{line}; "
                f"`deck explain {code}` says how to fix it",
            )
        )
        return None
    if isinstance(node, Map) and any(key in THEME.fields for key in node.keys()):
        problems += found
        return node
    what = "a YAML mapping without any of a theme's keys" if isinstance(node, Map) else "no YAML mapping"
    problems.append(
        at.error(
            "T115",
            f"`{cut(shown)}` is not a theme file ({what}); name a theme file, a YAML mapping of `name`, "
            "`extends`, `palette`, `fonts`, `text` and the rest (`deck schema --theme`)",
        )
    )
    return None


def _extended(node: Node, path: Path, root: Path, seen: tuple[Path, ...], problems: list[Problem]) -> Node:
    """Return theme file `node` (read from `path`) laid over the theme it `extends`, adding the
    problems of reading that theme. Where it cannot be read, the file is laid over `default`, so
    that its own keys are still checked (the error already stops the build)."""
    ext = node.get("extends") if isinstance(node, Map) else None
    if not isinstance(ext, Scalar) or ext.is_null or not ext.text.strip():
        return node  # no `extends` (the format's check reports one that is not a name)
    if ext.text in BUILTIN:
        return overlay(_builtin_node(ext.text), node)
    fallback = overlay(_builtin_node("default"), node)
    found = paths.find_inside(path.parent, ext.text, root)
    if found.path is None:
        problems.append(ext.where.error(*_refusal(found, ext.text, "`extends`")))
        return fallback
    if found.path in seen or len(seen) >= MAX_EXTENDS:
        why = "a theme it extends extends it again" if found.path in seen else f"more than {MAX_EXTENDS} files"
        problems.append(
            ext.where.error("T116", f"`extends` goes round in a circle or too deep ({why}); extend a built-in theme")
        )
        return fallback
    shown = _shown(found.path)
    base = _read(found.path, shown, ext.where, problems)
    if base is None:
        return fallback
    return overlay(_extended(base, found.path, root, (*seen, found.path), problems), node)


def _shown(path: Path) -> str:
    """`path` as the user should see it (display_path), or as given when it cannot be resolved."""
    try:
        return display_path(path)
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a name too long for the system
        return str(path)


def _refusal(found: paths.Found, ref: str, what: str) -> tuple[str, str]:
    """The code and message refusing theme path `ref`, named by `theme:` or `extends:` (`what`)."""
    shown = cut(ref)
    base = "the outline's folder" if what == "theme" else "the outline's folder (relative to this theme file)"
    if found.refused == paths.URL:
        return "T114", (
            f"{what} `{shown}` is a web address; deck does not download themes: save the theme file into "
            f"{base} and name it from there"
        )
    if found.refused == paths.ABSOLUTE:
        return "T110", (
            f"{what} path `{shown}` is absolute; copy the theme file into {base} and name it from there"
            + (", or name it with `--theme` on the command line" if what == "theme" else "")
        )
    if found.refused == paths.BACKSLASH:
        return "T113", f"{what} path `{shown}` uses `\\`; write it with `/` (e.g. `themes/ours.yaml`)"
    if found.refused == paths.UNFOLLOWABLE:
        return "T112", f"{what} path `{shown}` cannot be followed ({cut(found.detail)}); name a theme file in {base}"
    if found.refused == paths.OUTSIDE:
        return "T111", (
            f"{what} path `{shown}` leads outside the outline's folder; copy the theme file into the folder "
            "and name it from there" + (", or name it with `--theme` on the command line" if what == "theme" else "")
        )
    names = ", ".join(BUILTIN)
    return "T101", (
        f"no theme `{shown}`: not a built-in theme ({names}) and no such file; name a built-in theme or a .yaml "
        "theme file" + ("" if what == "theme" else " (relative to this theme file)")
    )

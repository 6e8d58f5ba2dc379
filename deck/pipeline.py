"""The pipeline, top to bottom: load → parse → theme → lay out → render → write (→ export)."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from deck.kinds.parse import parse_deck
from deck.layout import lay_out
from deck.layout.page import Pages
from deck.lint.talktime import TalkTime, estimate_talk
from deck.model import Deck
from deck.pptx.record import Changes, edited_warning, replace_output
from deck.problems import Problem, display_path, sort_problems
from deck.source.reader import load_yaml
from deck.theme import Theme
from deck.theme.load import load_theme


@dataclass
class Outcome:
    """What a check or build found and made. `problems` are sorted; `output` is the written
    .pptx (None when nothing was written); `export_error` says why a PDF was not made."""

    problems: list[Problem] = field(default_factory=list)
    deck: Deck | None = None
    theme: Theme | None = None
    pages: Pages | None = None
    output: Path | None = None
    pdf: Path | None = None
    export_error: str | None = None
    changes: Changes | None = None  # slides changed since the output's previous build
    talk: TalkTime | None = None  # estimated speaking time from the notes
    write_error: str | None = None  # why the output could not be replaced (nothing was touched)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


def default_output(outline: Path) -> Path:
    """Return `build/<outline stem>.pptx` beside the outline."""
    return outline.parent / "build" / f"{outline.stem}.pptx"


def check_outline(outline: Path, theme: str | None = None, theme_base: Path | None = None) -> Outcome:
    """Load, check and lay out `outline`; write nothing.

    `theme` overrides the outline's theme (a built-in name, or a path relative to
    `theme_base`, default the working folder). Never raises for bad input: problems say it.
    """
    out = Outcome()
    shown = display_path(outline)
    node, problems = load_yaml(outline, shown)
    out.problems += problems
    if node is None:
        return _done(out)
    deck, problems = parse_deck(node, outline, shown)
    out.problems += problems
    if theme is not None:
        out.theme, problems = load_theme(theme, theme_base or Path.cwd())
    elif deck is not None:
        out.theme, problems = load_theme(deck.theme, outline.parent)
        problems = [_at_theme_key(p, node, shown) for p in problems]
    else:
        problems = []
    out.problems += problems
    if deck is None or out.theme is None or any(p.is_error for p in out.problems):
        return _done(out)
    out.deck = deck
    out.pages, problems = lay_out(deck, out.theme)
    out.problems += problems
    out.talk, problems = estimate_talk(deck, out.pages)
    out.problems += problems
    return _done(out)


def build_outline(
    outline: Path,
    output: Path | None = None,
    theme: str | None = None,
    theme_base: Path | None = None,
    notes: bool = True,
) -> Outcome:
    """Check `outline`, then render it and write the .pptx atomically to `output`
    (default `build/<stem>.pptx` beside it). With errors, or an output that cannot be
    replaced (`write_error`), nothing is written and any previous output stays exactly as it
    was. An output a person edited since the last build is kept beside it, with a warning."""
    out = check_outline(outline, theme, theme_base)
    if out.errors or out.pages is None:
        return out
    from deck.pptx.render import render_pptx  # python-pptx is imported only when something is rendered

    pages = out.pages if notes else _without_notes(out.pages)
    data = render_pptx(pages, out.theme)
    target = output or default_output(outline)
    try:
        replaced = replace_output(target, data, pages, out.theme, write_atomically)
    except OSError as exc:
        out.write_error = f"cannot replace {display_path(target)}: {exc.strerror or exc}"
        return out
    if replaced.kept is not None:
        out.problems = sort_problems([*out.problems, edited_warning(outline, target, replaced.kept)])
    out.output, out.changes = target, replaced.changes
    return out


def write_atomically(target: Path, data: bytes) -> None:
    """Write `data` to `target` through a temporary file in the same folder, then rename.
    The file gets the mode an ordinary new file would (0666 less the umask), or the mode of
    the file it replaces."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _without_notes(pages: Pages) -> Pages:
    return replace(pages, pages=tuple(replace(p, notes=()) for p in pages.pages))


def _at_theme_key(problem: Problem, node, shown: str) -> Problem:
    """A missing theme file named by the outline is reported at the outline's `theme:` key."""
    key = node.key_node("theme") if hasattr(node, "key_node") else None
    if problem.line == 0 and key is not None:
        value = node.get("theme")
        return replace(problem, path=shown, line=value.where.line, column=value.where.column)
    return problem


def _done(out: Outcome) -> Outcome:
    out.problems = sort_problems(out.problems)
    return out

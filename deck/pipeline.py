"""The pipeline, top to bottom: load → parse → theme → lay out → render → write (→ export)."""

from __future__ import annotations

import datetime as _dt
import os
import re
from pathlib import Path

from deck.frozen import replace
from deck.kinds import KINDS, parse_deck
from deck.layout import lay_out
from deck.layout.page import Pages, Picture
from deck.lint import TalkTime, check_access, estimate_talk
from deck.model import Deck
from deck.output.target import check_file_target, pause_point, write_atomically
from deck.pptx.record import Changes, edited_warning, replace_output
from deck.problems import Problem, Where, cut, display_path, sort_problems
from deck.source.reader import load_yaml
from deck.theme import Theme
from deck.theme.load import BUILTIN, load_theme

FIXED_DATE = "2000-01-01T00:00:00Z"


class Outcome:
    """What a check or build found and made. `problems` are sorted; `output` is the written
    .pptx (None when nothing was written); `changes` the slides changed since the output's
    previous build; `talk` the speaking time estimated from the notes."""

    def __init__(self):
        self.problems: list[Problem] = []
        self.deck: Deck | None = None
        self.theme: Theme | None = None
        self.pages: Pages | None = None
        self.output: Path | None = None
        self.changes: Changes | None = None
        self.talk: TalkTime | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


def default_output(outline: Path) -> Path:
    """Return `build/<outline stem>.pptx` beside the outline."""
    return outline.parent / "build" / f"{outline.stem}.pptx"


def handout_path(pptx: Path) -> Path:
    """Return where the handout of the deck written to `pptx` goes: `<stem>-handout.pdf` beside it."""
    return pptx.with_name(f"{pptx.stem}-handout.pdf")


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
        out.theme, problems = load_theme(deck.theme, outline.parent, inside=outline.parent)
        problems = [_at_theme_key(p, node, shown) for p in problems]
    else:
        problems = []
    out.problems += problems
    if deck is None or out.theme is None or any(p.is_error for p in out.problems):
        return _done(out)
    out.deck = deck
    out.theme = out.theme.in_language(deck.language)
    date, problem = dated(deck.date, os.environ)
    if problem is not None:
        out.problems.append(problem)
        return _done(out)
    out.pages, problems = lay_out(deck, out.theme, KINDS, date)
    out.problems += problems
    out.talk, problems = estimate_talk(deck, out.pages)
    out.problems += problems + check_access(deck)
    return _done(out)


def document_date(date: str | None, environ) -> str:
    """Return the document date ('YYYY-MM-DDTHH:MM:SSZ'): from the outline's `date` when it
    starts with a year, else from SOURCE_DATE_EPOCH in `environ`, else a fixed date; never
    the clock. A SOURCE_DATE_EPOCH past the year 9999 gives the fixed date (see `dated`)."""
    return dated(date, environ)[0]


def dated(date: str | None, environ) -> tuple[str, Problem | None]:
    """Return `document_date(date, environ)` and, when it was to come from a SOURCE_DATE_EPOCH
    of digits too large for a date (past the year 9999), the error O118 saying so (located at
    `SOURCE_DATE_EPOCH`, line 0; exit status 2) with the fixed date. A value that is not digits
    is ignored, as before."""
    if date:
        match = re.match(r"^\s*(\d{4})(?:\D{1,3}(\d{1,2}))?(?:\D{1,3}(\d{1,2}))?", date)
        if match:
            year, month, day = int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1)
            try:
                return _dt.datetime(year, month, day).strftime("%Y-%m-%dT00:00:00Z"), None
            except ValueError:
                pass
    epoch = environ.get("SOURCE_DATE_EPOCH", "")
    if not (epoch.isascii() and epoch.isdigit()):
        return FIXED_DATE, None
    try:
        return _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), None
    except (OverflowError, OSError, ValueError):
        return FIXED_DATE, Where("SOURCE_DATE_EPOCH").error(
            "O118",
            f"SOURCE_DATE_EPOCH is {cut(epoch, 24)}, seconds past the year 9999; set it to the time of the "
            "last change in seconds since 1970 (e.g. `git log -1 --format=%ct`), or unset it",
        )


def build_outline(
    outline: Path,
    output: Path | None = None,
    theme: str | None = None,
    theme_base: Path | None = None,
    notes: bool = True,
    strict: bool = False,
    pdf: bool = False,
    handout: bool = False,
) -> Outcome:
    """Check `outline`, then render it and write the .pptx atomically to `output`
    (default `build/<stem>.pptx` beside it). With errors (or, when `strict`, warnings), an
    output that must not be written (`check_file_target`: an input, a folder, a FIFO, a
    read-only file, not a .pptx …; and, when `pdf` or `handout`, the same for the PDF or the
    handout (`handout_path`) beside it), or an
    output that cannot be replaced (an O101 error located at it), nothing is written and any
    previous output stays exactly as it was. An output a person edited since the last build is
    kept beside it, with a warning. A KeyboardInterrupt (or another exception) raised before the
    output is renamed into place leaves everything as it was."""
    out = check_outline(outline, theme, theme_base)
    if out.errors or out.pages is None or (strict and out.warnings):
        return out
    target = output or default_output(outline)
    inputs = input_files(outline, out, theme, theme_base)
    refused = [check_file_target(target, inputs, ".pptx")]
    if pdf and refused == [None]:
        refused.append(check_file_target(target.with_suffix(".pdf"), inputs))
    if handout and not any(refused):
        refused.append(check_file_target(handout_path(target), inputs))
    if any(refused):
        out.problems = sort_problems([*out.problems, *filter(None, refused)])
        return out
    pause_point("layout")
    from deck.pptx.render import render_pptx  # python-pptx is imported only when something is rendered

    pages = out.pages if notes else _without_notes(out.pages)
    data = render_pptx(pages, out.theme)
    try:
        replaced = replace_output(target, data, pages, out.theme, write_atomically)
    except OSError as exc:
        cannot = Where(display_path(target)).error(
            "O101",
            f"cannot replace this file ({exc.strerror or exc}), so it is left as it was; close it where it "
            "is open, or write elsewhere with -o",
        )
        out.problems = sort_problems([*out.problems, cannot])
        return out
    if replaced.kept is not None:
        out.problems = sort_problems([*out.problems, edited_warning(target, replaced.kept)])
    out.output, out.changes = target, replaced.changes
    return out


def input_files(
    outline: Path, out: Outcome, theme: str | None = None, theme_base: Path | None = None
) -> dict[Path, str]:
    """Return the files a checked build of `outline` reads, each with what it is: the outline,
    its theme file (the `theme` override, a path relative to `theme_base`, or the outline's own),
    the company template its theme is laid on, and the pictures its slides show."""
    files = {outline: "the outline"}
    ref, base = (theme, theme_base or Path.cwd()) if theme is not None else (out.deck.theme, outline.parent)
    if ref not in BUILTIN:
        files[base / ref] = "the theme file"
    if out.theme is not None and out.theme.template is not None:
        files[out.theme.template.path] = "the company template"
    for page in out.pages.pages:
        files.update({e.path: "a picture the outline uses" for e in page.elements if isinstance(e, Picture)})
    return files


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

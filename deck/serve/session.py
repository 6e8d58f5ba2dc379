"""What `deck serve` shows, kept up to date: after each build, the slides whose picture is not
drawn yet are put in a small deck of their own, converted by the warm LibreOffice and rasterised;
the rest keep their pictures. A build with errors keeps the last good pictures."""

from __future__ import annotations

import dataclasses
import hashlib
import threading
import time
from pathlib import Path

from deck.export.raster import rasterise
from deck.export.warm import WarmOffice
from deck.frozen import frozen
from deck.layout.page import Page, Pages, Run
from deck.lint.changes import slide_hashes, theme_hash
from deck.pipeline import Outcome
from deck.problems import Problem, display_path


@frozen
class SlideView:
    number: int
    title: str
    notes: str
    picture: str  # file name in the pictures folder: `<key>.png`


class Session:
    """The page's state (`state()`, a JSON-ready dict with a `version`), changed by `update`;
    `wait(version)` blocks until it moves on. Pictures live in `folder/pictures`."""

    def __init__(self, folder: Path, office: WarmOffice, dpi: int = 96):
        self.folder, self.office, self.dpi = Path(folder), office, dpi
        self.pictures = self.folder / "pictures"
        self.pictures.mkdir(parents=True, exist_ok=True)
        self.pptx: Path | None = None
        self.closed = False
        self._changed = threading.Condition()
        self._state = {
            "version": 0,
            "slides": [],
            "errors": [],
            "warnings": [],
            "talk": "",
            "office": "",
            "busy": True,
            "pptx": None,
        }

    def state(self) -> dict:
        with self._changed:
            return dict(self._state)

    def wait(self, version: int, timeout: float) -> dict:
        """Return the state once its version differs from `version` (or after `timeout` s, or on close)."""
        with self._changed:
            self._changed.wait_for(lambda: self.closed or self._state["version"] != version, timeout)
            return dict(self._state)

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()

    def _set(self, **changes) -> None:
        with self._changed:
            self._state.update(changes, version=self._state["version"] + 1)
            self._changed.notify_all()

    def update(self, outcome: Outcome, line: str) -> str:
        """Show a build's outcome; return `line`, the build's report, with what drawing took."""
        warnings = [p.format() for p in outcome.warnings]
        if outcome.output is None or outcome.pages is None:
            self._set(errors=[p.format() for p in outcome.errors], warnings=warnings, busy=False)
            return line
        self._set(busy=True)
        start = time.perf_counter()
        keys = picture_keys(outcome.pages, theme_hash(outcome.theme))
        todo = {}  # key → page, the first page of each key not drawn yet
        for page, key in zip(outcome.pages.pages, keys):
            if key not in todo and not (self.pictures / f"{key}.png").is_file():
                todo[key] = page
        problem, note = self._draw(todo, outcome) if todo else (None, "")
        if problem is not None:  # located at the deck being drawn, not at a private file
            problem = dataclasses.replace(problem, path=display_path(outcome.output), line=0, column=0)
            self._set(errors=[problem.format()], warnings=warnings, busy=False, office=note)
            return f"{line}; slides not drawn: {problem.message}"
        slides = [
            SlideView(n, _title(page), "\n".join(p.text for p in page.notes), f"{key}.png")
            for n, (page, key) in enumerate(zip(outcome.pages.pages, keys), 1)
        ]
        self.pptx = outcome.output
        self._set(
            slides=[dataclasses.asdict(s) for s in slides],
            errors=[],
            warnings=warnings,
            talk=outcome.talk.summary() if outcome.talk else "",
            busy=False,
            office=note,
            pptx=outcome.output.name,
        )
        self._forget({f"{k}.png" for k in keys})
        took = time.perf_counter() - start
        return f"{line}; drew {len(todo)} slide{'s' if len(todo) != 1 else ''} in {took:.2f} s"

    def _draw(self, todo: dict[str, Page], outcome: Outcome) -> tuple[Problem | None, str]:
        """Draw the pages `todo` (by key) into the pictures folder; return a problem or None, and
        a note for the page when LibreOffice had to be restarted."""
        from deck.pptx.render import render_pptx

        work = self.folder / "draw"
        work.mkdir(exist_ok=True)
        pages = dataclasses.replace(outcome.pages, pages=tuple(_fixed_number(p) for p in todo.values()))
        (work / "slides.pptx").write_bytes(render_pptx(pages, outcome.theme))
        converted = self.office.convert(work / "slides.pptx", work / "slides.pdf")
        note = (
            f"LibreOffice had stopped unexpectedly; it was restarted at {time.strftime('%H:%M:%S')}"
            if converted.restarted
            else ""
        )
        if not converted.result.ok:
            return converted.result.problem, note
        drawn = rasterise(converted.result.path, [self.pictures / f"{k}.png" for k in todo], dpi=self.dpi)
        return drawn.problem, note

    def _forget(self, keep: set[str]) -> None:
        for old in self.pictures.glob("*.png"):
            if old.name not in keep:
                old.unlink(missing_ok=True)


def picture_keys(pages: Pages, theme: str) -> list[str]:
    """A key per page that changes exactly when its picture would: its content (the notes are
    not drawn), the theme, and its number when it shows one."""
    drawn = dataclasses.replace(pages, pages=tuple(dataclasses.replace(p, notes=()) for p in pages.pages))
    keys = []
    for n, (page, (_, digest)) in enumerate(zip(pages.pages, slide_hashes(drawn)), 1):
        number = str(n) if _numbered(page) else ""
        keys.append(hashlib.sha256(f"{digest}\0{theme}\0{number}".encode()).hexdigest()[:20])
    return keys


def _title(page: Page) -> str:
    return " ".join(p.text for p in page.title.paragraphs).strip()


def _numbered(value) -> bool:
    if isinstance(value, Run):
        return value.field == "slidenum"
    if dataclasses.is_dataclass(value):
        return any(_numbered(getattr(value, f.name)) for f in dataclasses.fields(value))
    if isinstance(value, tuple):
        return any(_numbered(v) for v in value)
    return False


def _fixed_number(value):
    """`value` with each live slide-number field turned into its text: drawn alone, a slide
    would otherwise show the number 1."""
    if isinstance(value, Run):
        return dataclasses.replace(value, field=None) if value.field == "slidenum" else value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _fixed_number(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **{k: v for k, v in changes.items() if v is not getattr(value, k)})
    if isinstance(value, tuple):
        fixed = tuple(_fixed_number(v) for v in value)
        return value if all(a is b for a, b in zip(fixed, value)) else fixed
    return value

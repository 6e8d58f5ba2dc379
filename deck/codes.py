"""Every problem code, in one table gathered from the stages; `deck explain CODE` prints one.

A code is a letter for the stage that finds the problem and three digits: S source (YAML),
F fields, P pictures, K kinds and the deck, T themes, L layout, A lint (the talk), O output
(writing and exporting). Codes are stable: a code is never reused for another problem.
"""

from __future__ import annotations

import difflib
import re
import textwrap

from deck.fields.codes import CODES as FIELDS
from deck.kinds.codes import CODES as KINDS
from deck.layout.codes import CODES as LAYOUT
from deck.lint.codes import CODES as LINT
from deck.problems import Code
from deck.source.codes import CODES as SOURCE
from deck.theme.codes import CODES as THEME

PATTERN = re.compile(r"^[SFPKTLAO]\d{3}$")

OUTPUT: dict[str, Code] = {  # found by the pipeline (writing), the build record and the export
    "O101": Code(
        "output-not-replaced",
        "the output file cannot be replaced",
        "The build succeeded, but the .pptx could not be written over the output: the file is held open "
        "(PowerPoint on Windows locks it), the folder is read-only or full, or the path is a folder. deck "
        "writes to a temporary file and renames it, so the previous output is left exactly as it was. "
        "The problem is located at the output file (line 0); the exit status is 2.",
        "$ deck build outline.yaml -o build/talk.pptx   # while build/talk.pptx is open in PowerPoint",
        "Close the file where it is open and build again, or write elsewhere with `-o`.",
    ),
    "O102": Code(
        "edited-output-kept",
        "an edited output was kept beside the new build (a warning)",
        "Each .pptx deck writes carries a record of what it wrote. The output about to be replaced no "
        "longer matches its record: a person edited it (in PowerPoint, say) after the last build. Rather "
        "than lose those edits, deck renamed that file to `<stem>.edited-<n>.pptx` and wrote the new "
        "build in its place.",
        "$ deck build outline.yaml   # after changing build/outline.pptx in PowerPoint",
        "Carry the edits you want to keep into the outline (the outline is the source), then delete the "
        "`.edited-<n>` copy.",
    ),
    "O103": Code(
        "exporter-missing",
        "LibreOffice (or pdftoppm) is needed for export, but is missing",
        "PDF export runs LibreOffice headless (`soffice`); PNG previews also need `pdftoppm` from poppler. "
        "The tool is not installed, not on PATH, or `DECK_SOFFICE` names no executable. The .pptx was "
        "written; the exit status is 4.",
        "$ deck build outline.yaml --pdf   # on a machine without LibreOffice",
        "Install the tool as the message says (e.g. `sudo apt-get install libreoffice-impress` or "
        "`brew install --cask libreoffice`), or set `DECK_SOFFICE` to the path of `soffice`.",
    ),
    "O104": Code(
        "export-timed-out",
        "the export tool did not finish in time",
        "LibreOffice (or pdftoppm) ran longer than the time allowed and was stopped, with every process "
        "it started. No PDF or PNG is left behind; the .pptx was written; the exit status is 4.",
        "$ deck build huge-talk.yaml --pdf",
        "Try again (a first LibreOffice start is slow); check that no LibreOffice window is waiting for an "
        "answer; export a smaller deck.",
    ),
    "O105": Code(
        "export-failed",
        "the export tool ran but made no PDF or PNG",
        "LibreOffice could not convert the .pptx to PDF, or pdftoppm could not render the PDF; the "
        "message repeats the tool's own words. A stale PDF from an earlier build is removed, so it cannot "
        "pass for this one. The .pptx was written; the exit status is 4.",
        "$ deck build outline.yaml --pdf   # with a broken LibreOffice installation",
        "Open the .pptx in LibreOffice Impress to see what it says; reinstall LibreOffice if it fails to "
        "start; report a bug if the deck itself is at fault.",
    ),
    "O106": Code(
        "export-file-error",
        "a file the export reads or writes cannot be",
        "The .pptx to export is missing or unreadable, or the PDF or the PNG folder cannot be written "
        "(read-only folder, full disk, a folder in the way). The .pptx was written; the exit status is 4.",
        "$ deck build outline.yaml --pdf   # with build/outline.pdf read-only",
        "Make the output folder writable, or remove what is in the way.",
    ),
}

CODES: dict[str, Code] = {**SOURCE, **FIELDS, **KINDS, **THEME, **LAYOUT, **LINT, **OUTPUT}


def explain(code: str) -> str | None:
    """Return the long form of `code` (a code such as `F101` or its name, any case), or None
    when there is no such code."""
    key = code.upper() if code.upper() in CODES else {c.name: k for k, c in CODES.items()}.get(code.lower())
    if key is None:
        return None
    entry = CODES[key]
    return (
        f"{key} ({entry.name}): {entry.summary}\n\n{_wrap(entry.explanation)}\n\n"
        f"Example:\n\n{_indent(entry.example)}\n\n{_wrap('Fix: ' + entry.fix.strip())}\n"
    )


def nearest(code: str) -> list[str]:
    """Return the codes and names closest to `code`, for a "did you mean" hint; a code typed
    with the letter O for zero (or I, L for one) gives just that code."""
    typed = code.upper()[:1] + code.upper()[1:].translate(str.maketrans("OIL", "011"))
    if typed in CODES:
        return [typed]
    names = [c.name for c in CODES.values()]
    return difflib.get_close_matches(code.upper(), list(CODES), n=3, cutoff=0.6) + difflib.get_close_matches(
        code.lower(), names, n=3, cutoff=0.6
    )


def _wrap(text: str, width: int = 88) -> str:
    return textwrap.fill(" ".join(text.split()), width, break_long_words=False, break_on_hyphens=False)


def _indent(text: str) -> str:
    return "\n".join("    " + line if line else "" for line in text.strip("\n").splitlines())

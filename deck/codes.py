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
    "O110": Code(
        "output-is-input",
        "the output path names a file the build reads",
        "The output (or, with --pdf, the PDF beside it, or the --sheet picture) is the outline, its theme "
        "file or a picture the outline uses: the same file, through symbolic or hard links too. Writing "
        "there would destroy the input, so nothing is written; the exit status is 2.",
        "$ deck build talk.yaml -o talk.yaml",
        "Name an output that is not one of the inputs, e.g. `-o build/talk.pptx` (the default).",
    ),
    "O111": Code(
        "output-not-a-file",
        "the output is a folder, FIFO, socket, device or broken link",
        "deck writes ordinary files (and, for `deck preview -o`, into a folder). The path given is "
        "something else, so deck refuses it before writing anything rather than replace it with a file. "
        "The exit status is 2.",
        "$ deck build talk.yaml -o build/   # a folder, not a file name",
        "Name the file to write, e.g. `-o build/talk.pptx`; remove a broken symbolic link.",
    ),
    "O112": Code(
        "output-not-pptx",
        "the output's name does not end with .pptx",
        "`deck build -o` names the .pptx to write. A name such as `talk.pdf` would hold a .pptx under the "
        "wrong extension, and with --pdf the PDF (written beside it under the same stem) would overwrite "
        "it. Nothing is written; the exit status is 2.",
        "$ deck build talk.yaml -o talk.pdf --pdf",
        "Name the .pptx (`-o build/talk.pptx`); with --pdf, the PDF is written beside it as `build/talk.pdf`.",
    ),
    "O113": Code(
        "output-read-only",
        "the output exists and is read-only",
        "The file at the output path has no write permission. A read-only file is a protected one (a final "
        "copy, say), so deck does not replace it, although it could rename a new file over it. Nothing is "
        "written; the exit status is 2.",
        "$ chmod a-w build/talk.pptx && deck build talk.yaml",
        "Make the file writable (`chmod u+w build/talk.pptx`) to let deck replace it, or write elsewhere with `-o`.",
    ),
    "O114": Code(
        "file-in-the-way",
        "a file deck did not write is where a picture must go",
        "`deck preview` writes `slide-NN.png` and `contact-sheet.png` into its folder, and records what it "
        "wrote there (`.deck-written.json`). It removes and replaces only its own pictures. A file at one "
        "of those names that deck did not write, or that was changed since, is someone's: nothing is "
        "written and the exit status is 2.",
        "$ deck preview talk.yaml -o docs/   # docs/slide-01.png is a picture you made",
        "Move the file away, or give the preview its own folder with `-o`.",
    ),
    "O115": Code(
        "path-unusable",
        "a path is too long, a link loop, not permitted or not a folder",
        "A path given to deck (the outline, --theme, the output, or the folders on the way) cannot be used: "
        "a name longer than the file system allows, a symbolic link that leads back to itself, a folder "
        "deck has no permission to enter, or a file where a folder should be. The message gives the "
        "system's reason. Nothing is written; the exit status is 2.",
        "$ deck build talk.yaml -o notes.txt/talk.pptx   # notes.txt is a file",
        "Check the path: shorten the name, repair the link, fix the folder's permissions, or pick another folder.",
    ),
    "O116": Code(
        "theme-option-not-found",
        "--theme names no built-in theme and no theme file",
        "`--theme` takes a built-in theme's name (`deck themes` lists them) or the path of a theme file. "
        "What was given is neither: no such file, or a folder. Like a missing outline this is a usage "
        "error, exit status 2 (a theme named by the outline's `theme:` key is an error in the outline).",
        "$ deck build talk.yaml --theme themes/   # a folder, not a theme file",
        "Name a built-in theme (`--theme dark`) or the theme file (`--theme themes/company.yaml`).",
    ),
    "O117": Code(
        "pdf-kept",
        "a PDF deck did not write was kept beside the new one (a warning)",
        "deck records the PDFs it writes (`.deck-written.json` in their folder). The PDF at the path "
        "about to be written was not deck's, or was changed since (annotated, say), so deck renamed it "
        "to `<stem>.edited-<n>.pdf` and wrote the new PDF in its place. A failed export leaves such a "
        "PDF where it is, and removes only a PDF deck wrote.",
        "$ deck build talk.yaml --pdf   # build/talk.pdf is a PDF you saved there",
        "Keep what you need from the `.edited-<n>` copy, then delete it.",
    ),
    "O118": Code(
        "source-date-epoch-invalid",
        "SOURCE_DATE_EPOCH is too large for a date",
        "When the outline has no `date`, the document date comes from the environment variable "
        "SOURCE_DATE_EPOCH (seconds since 1970, for reproducible builds). Its value is digits that lie "
        "past the year 9999, which no date can hold. Nothing is written; the exit status is 2.",
        "$ SOURCE_DATE_EPOCH=99999999999999999999 deck build talk.yaml",
        "Set it to the time of the last change (`export SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)`), "
        "or unset it; or give the outline a `date:`.",
    ),
    "O119": Code(
        "new-file-exists",
        "`deck new` would write where something already is",
        "`deck new` writes a new outline only: never over a file, a folder, or through a symbolic link "
        "(a link to nothing included, which would create a file elsewhere). Nothing is written; the exit "
        "status is 2.",
        "$ deck new outline.yaml   # outline.yaml already exists",
        "Choose another name, or remove what is there if you meant to start again.",
    ),
    "O120": Code(
        "interrupted",
        "stopped by Ctrl-C (SIGINT); exit status 130",
        "The command was interrupted. The file being made is left as it was: the temporary file is "
        "removed, an edited output that was being kept aside goes back, LibreOffice is stopped. A file "
        "completed before the interrupt (the .pptx, when the PDF export was interrupted) stays. The exit "
        "status is 130 (128 + SIGINT), so `deck build && publish` does not publish.",
        "$ deck build talk.yaml --pdf   # then Ctrl-C",
        "Run the command again.",
    ),
    "O121": Code(
        "terminated",
        "stopped by SIGTERM; exit status 143",
        "Something (a CI runner's timeout, `kill`, a service manager) sent SIGTERM. deck stops as it does "
        "for Ctrl-C: the file being made is left as it was and its temporary file removed. The exit "
        "status is 143 (128 + 15). Temporary files a build leaves when it is killed outright (SIGKILL) "
        "are removed by the next build that writes in that folder.",
        "$ timeout 10 deck build huge-talk.yaml --pdf",
        "Give the command more time, or run it again.",
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

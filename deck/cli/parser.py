"""The command line's arguments: every command, its options and their checks."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from deck import __version__
from deck.problems import Exit


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, told the terminal's width. Left to find it, argparse imports
    shutil (2.5 ms of every command, bz2 and lzma with it) each time it checks an option."""

    def __init__(self, prog: str, **kwargs) -> None:
        if kwargs.get("width") is None:
            kwargs["width"] = _columns() - 2  # as argparse does
        super().__init__(prog, **kwargs)


def _columns() -> int:
    """The terminal's width as shutil.get_terminal_size finds it: COLUMNS, else the terminal
    standard output is, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Parser(argparse.ArgumentParser):
    partial = False  # the top parser holding one command only: its usage is the whole parser's

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str):  # wrong usage → exit 2 with one line, no traceback
        (parser() if self.partial else self).print_usage(sys.stderr)
        print(f"deck: error: {message}", file=sys.stderr)
        raise SystemExit(Exit.USAGE)


def parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """Return the command line's parser. Given the arguments, and when they start with a
    command's name, only that command's options are added (what parsing them needs); else
    every command's, as `deck --help` lists them."""
    p = _Parser(prog="deck", description="Turn a YAML outline into a themed, editable PowerPoint talk.")
    p.add_argument("--version", action="version", version=f"deck {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    named = argv[0] if argv and argv[0] in COMMANDS else None
    p.partial = named is not None
    for name, (help, options) in COMMANDS.items():
        if named in (None, name):
            c = sub.add_parser(name, help=help, description=help)
            c.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
            options(c)
    return p


def _build(b: argparse.ArgumentParser) -> None:
    b.add_argument("outline", nargs="?", default="outline.yaml", type=Path)
    b.add_argument("-o", "--output", type=Path, help="output .pptx (default: build/<stem>.pptx beside the outline)")
    b.add_argument("--theme", help="a built-in theme name or a theme file (overrides the outline's)")
    b.add_argument("--pdf", action="store_true", help="also export a PDF beside the .pptx (needs LibreOffice)")
    b.add_argument(
        "--handout",
        action="store_true",
        help="also export <stem>-handout.pdf: each slide above its speaker notes (needs LibreOffice)",
    )
    b.add_argument("--strict", action="store_true", help="treat warnings as errors")
    b.add_argument("--no-notes", action="store_true", help="leave out the speaker notes (a copy for sharing)")


def _check(c: argparse.ArgumentParser) -> None:
    c.add_argument("outline", nargs="?", default="outline.yaml", type=Path)
    c.add_argument("--theme", help="a built-in theme name or a theme file")
    c.add_argument("--strict", action="store_true", help="treat warnings as errors")
    c.add_argument("--dump", action="store_true", help="print the laid-out slides too: boxes in pt and their text")


def _watch(w: argparse.ArgumentParser) -> None:
    w.add_argument("outline", nargs="?", default="outline.yaml", type=Path)
    w.add_argument("-o", "--output", type=Path, help="output .pptx (default: build/<stem>.pptx beside the outline)")
    w.add_argument("--theme", help="a built-in theme name or a theme file (overrides the outline's)")
    w.add_argument("--pdf", action="store_true", help="also export a PDF after each build (needs LibreOffice)")


def _serve(r: argparse.ArgumentParser) -> None:
    r.add_argument("outline", nargs="?", default="outline.yaml", type=Path)
    r.add_argument("-o", "--output", type=Path, help="output .pptx (default: build/<stem>.pptx beside the outline)")
    r.add_argument("--theme", help="a built-in theme name or a theme file (overrides the outline's)")
    r.add_argument("--port", type=_port, default=8765, help="port to serve on (default 8765; 0: any free port)")
    r.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to serve on (default 127.0.0.1, this computer only; any other address is open to others, "
        "with a warning)",
    )
    r.add_argument("--idle", type=float, default=300, help="end LibreOffice after no page was open this many seconds")


def _preview(v: argparse.ArgumentParser) -> None:
    v.add_argument("outline", nargs="?", default="outline.yaml", type=Path)
    v.add_argument("-o", "--output", type=Path, help="folder (default: build/<stem>-preview/ beside the outline)")
    v.add_argument("--theme", help="a built-in theme name or a theme file")
    v.add_argument("--dpi", type=_dpi, default=96, help="resolution of the slide PNGs, 1 to 600 (default 96)")
    v.add_argument("--sheet", type=Path, help="write only the contact sheet, to this PNG file")


def _new(n: argparse.ArgumentParser) -> None:
    n.add_argument("path", nargs="?", default="outline.yaml", type=Path)


def _schema(s: argparse.ArgumentParser) -> None:
    s.add_argument("--theme", action="store_true", help="print the theme schema instead")


def _template(t: argparse.ArgumentParser) -> None:
    t.add_argument("file", type=Path)


def _explain(e: argparse.ArgumentParser) -> None:
    e.add_argument("code", help="a code as printed in brackets, e.g. F101, or its name")


# Each command: its help, and what adds its options (besides --debug), in `deck --help`'s order.
COMMANDS = {
    "build": ("build the .pptx (and optionally a PDF) from an outline", _build),
    "check": ("validate, lay out and lint an outline; write nothing", _check),
    "watch": ("build, then rebuild on every save of the outline, its theme file and pictures", _watch),
    "serve": ("build, then show the slides in a browser page that updates on every save", _serve),
    "preview": ("write a PNG per slide and one contact sheet (needs LibreOffice and poppler)", _preview),
    "new": ("write an annotated starter outline", _new),
    "schema": ("print the JSON Schema of the outline format (or of a theme)", _schema),
    "themes": ("list the built-in themes", lambda _: None),
    "template": (
        "explain a company template (.pptx/.potx): the layout each slide kind takes, and why",
        _template,
    ),
    "explain": ("print the long explanation of a problem code (e.g. `deck explain F101`)", _explain),
}


def _dpi(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of dots per inch, got {text!r}") from None
    if not 1 <= value <= 600:
        raise argparse.ArgumentTypeError(f"{value} is out of range: give 1 to 600 dots per inch (default 96)")
    return value


def _port(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"expected a port number 0 to 65535, got {text!r}")
    return int(text)

"""The command line's arguments: every command, its options and their checks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from deck import __version__
from deck.problems import Exit


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # wrong usage → exit 2 with one line, no traceback
        self.print_usage(sys.stderr)
        print(f"deck: error: {message}", file=sys.stderr)
        raise SystemExit(Exit.USAGE)


def parser() -> argparse.ArgumentParser:
    p = _Parser(prog="deck", description="Turn a YAML outline into a themed, editable PowerPoint talk.")
    p.add_argument("--version", action="version", version=f"deck {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def command(name: str, help: str) -> argparse.ArgumentParser:
        c = sub.add_parser(name, help=help, description=help)
        c.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
        return c

    b = command("build", "build the .pptx (and optionally a PDF) from an outline")
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
    c = command("check", "validate, lay out and lint an outline; write nothing")
    c.add_argument("outline", nargs="?", default="outline.yaml", type=Path)
    c.add_argument("--theme", help="a built-in theme name or a theme file")
    c.add_argument("--strict", action="store_true", help="treat warnings as errors")
    c.add_argument("--dump", action="store_true", help="print the laid-out slides too: boxes in pt and their text")
    w = command("watch", "build, then rebuild on every save of the outline, its theme file and pictures")
    w.add_argument("outline", nargs="?", default="outline.yaml", type=Path)
    w.add_argument("-o", "--output", type=Path, help="output .pptx (default: build/<stem>.pptx beside the outline)")
    w.add_argument("--theme", help="a built-in theme name or a theme file (overrides the outline's)")
    w.add_argument("--pdf", action="store_true", help="also export a PDF after each build (needs LibreOffice)")
    r = command("serve", "build, then show the slides in a browser page that updates on every save")
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
    v = command("preview", "write a PNG per slide and one contact sheet (needs LibreOffice and poppler)")
    v.add_argument("outline", nargs="?", default="outline.yaml", type=Path)
    v.add_argument("-o", "--output", type=Path, help="folder (default: build/<stem>-preview/ beside the outline)")
    v.add_argument("--theme", help="a built-in theme name or a theme file")
    v.add_argument("--dpi", type=_dpi, default=96, help="resolution of the slide PNGs, 1 to 600 (default 96)")
    v.add_argument("--sheet", type=Path, help="write only the contact sheet, to this PNG file")
    n = command("new", "write an annotated starter outline")
    n.add_argument("path", nargs="?", default="outline.yaml", type=Path)
    s = command("schema", "print the JSON Schema of the outline format (or of a theme)")
    s.add_argument("--theme", action="store_true", help="print the theme schema instead")
    command("themes", "list the built-in themes")
    t = command("template", "explain a company template (.pptx/.potx): the layout each slide kind takes, and why")
    t.add_argument("file", type=Path)
    e = command("explain", "print the long explanation of a problem code (e.g. `deck explain F101`)")
    e.add_argument("code", help="a code as printed in brackets, e.g. F101, or its name")
    return p


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

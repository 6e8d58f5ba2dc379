"""The command line: parse arguments, run a stage, print problems, decide the exit status."""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from pathlib import Path

from deck import __version__
from deck.problems import Exit

REPORT = "https://github.com/deck-slides/deck/issues"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # wrong usage → exit 2 with one line, no traceback
        self.print_usage(sys.stderr)
        print(f"deck: error: {message}", file=sys.stderr)
        raise SystemExit(Exit.USAGE)


def _parser() -> argparse.ArgumentParser:
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
    v = command("preview", "write a PNG per slide and one contact sheet (needs LibreOffice and poppler)")
    v.add_argument("outline", nargs="?", default="outline.yaml", type=Path)
    v.add_argument("-o", "--output", type=Path, help="folder (default: build/<stem>-preview/ beside the outline)")
    v.add_argument("--theme", help="a built-in theme name or a theme file")
    v.add_argument("--dpi", type=int, default=96, help="resolution of the slide PNGs (default 96)")
    v.add_argument("--sheet", type=Path, help="write only the contact sheet, to this PNG file")
    n = command("new", "write an annotated starter outline")
    n.add_argument("path", nargs="?", default="outline.yaml", type=Path)
    s = command("schema", "print the JSON Schema of the outline format (or of a theme)")
    s.add_argument("--theme", action="store_true", help="print the theme schema instead")
    command("themes", "list the built-in themes")
    e = command("explain", "print the long explanation of a problem code (e.g. `deck explain F101`)")
    e.add_argument("code", help="a code as printed in brackets, e.g. F101, or its name")
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return (and, as a console script, exit with) its status."""
    args = _parser().parse_args(argv)
    try:
        status = COMMANDS[args.command](args)
    except KeyboardInterrupt:
        return Exit.OK
    except Exception as exc:  # a bug: one line, traceback only with --debug
        if args.debug:
            traceback.print_exc()
        print(
            f"deck: internal error ({type(exc).__name__}: {exc}). This is a bug in deck; please report "
            f"it at {REPORT} with the outline{'' if args.debug else ' (run with --debug for details)'}.",
            file=sys.stderr,
        )
        return Exit.INTERNAL
    return int(status)


def _missing(path: Path) -> int | None:
    if not path.is_file():
        print(
            f"deck: error: no outline at {path}; give its path, or create one with `deck new {path}`", file=sys.stderr
        )
        return Exit.USAGE
    return None


MAX_SHOWN = 200  # problems printed at most; the rest are counted


def _report(outcome, strict: bool) -> int:
    for problem in outcome.problems[:MAX_SHOWN]:
        print(problem.format(), file=sys.stderr)
    if len(outcome.problems) > MAX_SHOWN:
        print(f"deck: … and {len(outcome.problems) - MAX_SHOWN} more problems not shown", file=sys.stderr)
    if outcome.errors or (strict and outcome.warnings):
        n, w = len(outcome.errors), len(outcome.warnings)
        what = f"{n} error{'s' if n != 1 else ''}" + (
            f" and {w} warning{'s' if w != 1 else ''}" if strict and w else ""
        )
        print(f"deck: {what}; nothing was written", file=sys.stderr)
        return Exit.INPUT
    return Exit.OK


def _cmd_build(args) -> int:
    from deck.pipeline import build_outline

    if (status := _missing(args.outline)) is not None:
        return status
    start = time.perf_counter()
    outcome = (
        build_outline(args.outline, args.output, args.theme, notes=not args.no_notes)
        if not args.strict
        else _strict_build(args)
    )
    status = _report(outcome, args.strict and outcome.output is None)  # --strict was applied before writing
    if outcome.write_error:
        print(
            f"deck: error: {outcome.write_error}; close it where it is open, or write elsewhere with -o",
            file=sys.stderr,
        )
        return Exit.USAGE
    if status != Exit.OK or outcome.output is None:
        return status
    slides = len(outcome.pages.pages)
    print(f"wrote {outcome.output} ({slides} slides) in {time.perf_counter() - start:.2f} s")
    print(outcome.changes.summary())
    if args.pdf:
        return _export_pdf(outcome.output)
    return Exit.OK


def _strict_build(args):
    """Under --strict a warning stops the build before anything is written."""
    from deck.pipeline import build_outline, check_outline

    checked = check_outline(args.outline, args.theme)
    if checked.problems:
        return checked
    return build_outline(args.outline, args.output, args.theme, notes=not args.no_notes)


def _export_pdf(pptx: Path) -> int:
    from deck.export import export_pdf

    result = export_pdf(pptx, pptx.with_suffix(".pdf"))
    if not result.ok:
        print(f"deck: error: {result.error}", file=sys.stderr)
        print(f"deck: the .pptx was written: {pptx}", file=sys.stderr)
        return Exit.EXPORT
    print(f"wrote {result.path}")
    return Exit.OK


def _cmd_preview(args) -> int:
    import tempfile

    from deck.export import contact_sheet, export_pdf, export_pngs
    from deck.pipeline import build_outline

    if (status := _missing(args.outline)) is not None:
        return status
    folder = args.output or args.outline.parent / "build" / f"{args.outline.stem}-preview"
    with tempfile.TemporaryDirectory(prefix="deck-preview-") as tmp:
        if args.sheet:
            folder = Path(tmp) / "slides"
        outcome = build_outline(args.outline, Path(tmp) / f"{args.outline.stem}.pptx", args.theme)
        status = _report(outcome, False)
        if status != Exit.OK:
            return status
        pdf = export_pdf(outcome.output, Path(tmp) / f"{args.outline.stem}.pdf")
        if not pdf.ok:
            print(f"deck: error: {pdf.error}", file=sys.stderr)
            return Exit.EXPORT
        pngs = export_pngs(pdf.path, folder, dpi=args.dpi)
        if not pngs.ok:
            print(f"deck: error: {pngs.error}", file=sys.stderr)
            return Exit.EXPORT
        if args.sheet:
            args.sheet.parent.mkdir(parents=True, exist_ok=True)
            print(f"wrote {contact_sheet(list(pngs.paths), args.sheet)}")
            return Exit.OK
    sheet = contact_sheet(list(pngs.paths), folder / "contact-sheet.png")
    print(f"wrote {len(pngs.paths)} slide images and {sheet}")
    return Exit.OK


def _cmd_check(args) -> int:
    from deck.pipeline import check_outline

    if (status := _missing(args.outline)) is not None:
        return status
    outcome = check_outline(args.outline, args.theme)
    status = _report(outcome, args.strict)
    if status == Exit.OK:
        slides = len(outcome.pages.pages)
        w = len(outcome.warnings)
        print(f"{args.outline}: ok, {slides} slides" + (f", {w} warning{'s' if w != 1 else ''}" if w else ""))
        print(outcome.talk.summary())
        if args.dump:
            from deck.layout.dump import dump_pages

            print(dump_pages(outcome.pages), end="")
    return status


def _cmd_watch(args) -> int:
    from deck.watch import Job, watch

    if (status := _missing(args.outline)) is not None:
        return status
    return watch(Job(args.outline, args.output, args.theme, args.pdf), debug=args.debug)


def _cmd_new(args) -> int:
    from deck.source.starter import starter_text

    if args.path.exists():
        print(f"deck: error: {args.path} already exists; choose another name", file=sys.stderr)
        return Exit.USAGE
    from deck.fields.schema import outline_schema

    args.path.parent.mkdir(parents=True, exist_ok=True)
    args.path.write_text(starter_text(), encoding="utf-8")
    schema = args.path.parent / "deck.schema.json"
    if not schema.exists():  # the starter's first line points editors at it
        schema.write_text(json.dumps(outline_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {schema} (completion and checking in editors with yaml-language-server)")
    print(f"wrote {args.path}; build it with `deck build {args.path}`")
    return Exit.OK


def _cmd_schema(args) -> int:
    from deck.fields.schema import outline_schema, theme_schema

    print(json.dumps(theme_schema() if args.theme else outline_schema(), indent=2, ensure_ascii=False))
    return Exit.OK


def _cmd_themes(args) -> int:
    from deck.theme.load import BUILTIN, load_builtin

    for name in BUILTIN:
        t = load_builtin(name)
        print(
            f"{name:10} background #{t.palette['background']}, text #{t.palette['text']}, "
            f"primary #{t.palette['primary']}; {t.fonts['body'].latin} / {t.fonts['body'].ea}"
        )
    return Exit.OK


def _cmd_explain(args) -> int:
    from deck.codes import explain, nearest

    text = explain(args.code)
    if text is None:
        hint = nearest(args.code)
        print(
            f"deck: error: no problem code `{args.code}`"
            + (
                f"; did you mean {', '.join(hint)}?"
                if hint
                else "; codes look like F101 (`deck explain` takes the code printed in brackets)"
            ),
            file=sys.stderr,
        )
        return Exit.USAGE
    print(text, end="")
    return Exit.OK


COMMANDS = {
    "build": _cmd_build,
    "check": _cmd_check,
    "watch": _cmd_watch,
    "preview": _cmd_preview,
    "new": _cmd_new,
    "schema": _cmd_schema,
    "themes": _cmd_themes,
    "explain": _cmd_explain,
}

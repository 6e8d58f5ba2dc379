"""The command line: parse arguments, run a stage, print problems, decide the exit status."""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
import time
from pathlib import Path

from deck import __version__
from deck.output.stop import Stopped, Terminated, making, on_sigterm, stopped
from deck.output.target import check_file_target, check_folder_target, check_new_file, check_theme_option, unusable
from deck.problems import Exit, Problem, display_path

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


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return (and, as a console script, exit with) its status. Ctrl-C exits 130
    and SIGTERM 143 (128 + the signal), with what was being written removed."""
    args = _parser().parse_args(argv)
    restore = on_sigterm()
    try:
        status = COMMANDS[args.command](args)
    except (KeyboardInterrupt, Terminated, Stopped) as stop:
        return _report([stopped(stop, getattr(args, "outline", None) or Path(args.command))])
    except Exception as exc:  # a bug: one line, traceback only with --debug
        if args.debug:
            import traceback  # only for a bug: a build need not import it

            traceback.print_exc()
        print(
            f"deck: internal error ({type(exc).__name__}: {exc}). This is a bug in deck; please report "
            f"it at {REPORT} with the outline{'' if args.debug else ' (run with --debug for details)'}.",
            file=sys.stderr,
        )
        return Exit.INTERNAL
    finally:
        restore()
    return int(status)


def _missing(path: Path) -> int | None:
    """The usage error for an outline path that names no readable file (None when it does)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:  # a name too long, a link loop, a folder deck may not enter
        return _report([unusable(path, exc)])
    if st is None or not stat.S_ISREG(st.st_mode):
        print(
            f"deck: error: no outline at {path}; give its path, or create one with `deck new {path}`", file=sys.stderr
        )
        return Exit.USAGE
    return None


def _unusable_theme(theme: str | None) -> int | None:
    """The usage error for a `--theme` that is neither a built-in theme nor a file (None when fine)."""
    from deck.theme.load import BUILTIN

    refused = None if theme is None else check_theme_option(theme, tuple(BUILTIN))
    return None if refused is None else _report([refused])


MAX_SHOWN = 200  # problems printed at most; the rest are counted

# Problems that are not about the input, by code: the exit status each one means (SPEC §6).
_EXIT_OF = {
    "O101": Exit.USAGE,  # the output cannot be replaced
    "O103": Exit.EXPORT,  # the export tool is missing
    "O104": Exit.EXPORT,
    "O105": Exit.EXPORT,
    "O106": Exit.EXPORT,
    **dict.fromkeys(("O110", "O111", "O112", "O113", "O114", "O115", "O116", "O118", "O119"), Exit.USAGE),
    "O120": Exit.INTERRUPTED,  # Ctrl-C
    "O121": Exit.TERMINATED,  # SIGTERM
}


def exit_status(problems: list[Problem], strict: bool = False) -> Exit:
    """Return the exit status the problems a command found mean; the one place it is decided.

    Errors in the outline or theme (and, when `strict`, warnings) → INPUT; an output that could
    not be replaced → USAGE; a failed export → EXPORT; with several, the first of these in this
    order; none → OK.
    """
    failing = [p for p in problems if p.is_error or strict]
    return min((_EXIT_OF.get(p.code, Exit.INPUT) for p in failing), default=Exit.OK)


def _report(problems: list[Problem], strict: bool = False) -> Exit:
    """Print `problems` (sorted) to stderr, and for input errors a count; return the exit status."""
    for problem in problems[:MAX_SHOWN]:
        print(problem.format(), file=sys.stderr)
    if len(problems) > MAX_SHOWN:
        print(f"deck: … and {len(problems) - MAX_SHOWN} more problems not shown", file=sys.stderr)
    status = exit_status(problems, strict)
    if status == Exit.INPUT:
        n = sum(p.is_error for p in problems)
        w = len(problems) - n if strict else 0
        what = f"{n} error{'s' if n != 1 else ''}" + (f" and {w} warning{'s' if w != 1 else ''}" if w else "")
        print(f"deck: {what}; nothing was written", file=sys.stderr)
    return status


def _cmd_build(args) -> int:
    from deck.pipeline import build_outline, default_output, handout_path

    if (status := _missing(args.outline) or _unusable_theme(args.theme)) is not None:
        return status
    if args.handout and args.no_notes:
        print("deck: error: --handout prints the speaker notes, which --no-notes leaves out; use one", file=sys.stderr)
        return Exit.USAGE
    start = time.perf_counter()
    with making(args.output or default_output(args.outline)):
        outcome = build_outline(
            args.outline,
            args.output,
            args.theme,
            notes=not args.no_notes,
            strict=args.strict,
            pdf=args.pdf,
            handout=args.handout,
        )
    # --strict stopped the build before writing when there were warnings; a warning after
    # writing (an edited output kept) does not undo the build.
    status = _report(outcome.problems, strict=args.strict and outcome.output is None)
    if status != Exit.OK:
        return status
    slides = len(outcome.pages.pages)
    print(f"wrote {outcome.output} ({slides} slides) in {time.perf_counter() - start:.2f} s", flush=True)
    print(outcome.changes.summary(), flush=True)
    status = Exit.OK
    if args.pdf:
        with making(outcome.output.with_suffix(".pdf")):
            status = _export_pdf(outcome.output, outcome.output.with_suffix(".pdf"))
    if args.handout and status == Exit.OK:
        with making(handout_path(outcome.output)):
            status = _export_pdf(outcome.output, handout_path(outcome.output), notes_pages=True)
    return status


def _export_pdf(pptx: Path, pdf: Path, notes_pages: bool = False) -> int:
    from deck.export import export_pdf

    result = export_pdf(pptx, pdf, notes_pages=notes_pages)
    _report(list(result.warnings))
    if not result.ok:
        print(f"deck: the .pptx was written: {pptx}", file=sys.stderr)
        return _report([result.problem])
    print(f"wrote {result.path}")
    return Exit.OK


def _cmd_preview(args) -> int:
    if (status := _missing(args.outline) or _unusable_theme(args.theme)) is not None:
        return status
    folder = args.output or args.outline.parent / "build" / f"{args.outline.stem}-preview"
    with making(args.sheet or folder):
        return _preview(args, folder)


def _preview(args, folder: Path) -> int:
    import tempfile
    from dataclasses import replace

    from deck.export import contact_sheet, export_pdf, export_pngs
    from deck.output import written
    from deck.pipeline import build_outline

    with tempfile.TemporaryDirectory(prefix="deck-preview-") as tmp:
        outcome = build_outline(args.outline, Path(tmp) / f"{args.outline.stem}.pptx", args.theme)
        status = _report(outcome.problems)
        if status != Exit.OK:
            return status
        if (refused := _refused_pictures(args, folder, outcome)) is not None:
            return _report([refused])
        if args.sheet:
            folder = Path(tmp) / "slides"
        pdf = export_pdf(outcome.output, Path(tmp) / f"{args.outline.stem}.pdf")
        if not pdf.ok:  # located at what the user asked for, not at the temporary PDF
            return _report([replace(pdf.problem, path=display_path(args.sheet or folder))])
        pngs = export_pngs(pdf.path, folder, dpi=args.dpi)
        if not pngs.ok:
            where = pngs.problem.path if pngs.problem.code == "O114" else display_path(args.sheet or folder)
            return _report([replace(pngs.problem, path=where)])
        if args.sheet:
            print(f"wrote {contact_sheet(list(pngs.paths), args.sheet)}")
            return Exit.OK
    sheet = contact_sheet(list(pngs.paths), folder / "contact-sheet.png")
    written.record([sheet])
    print(f"wrote {len(pngs.paths)} slide images and {sheet}")
    return Exit.OK


def _refused_pictures(args, folder: Path, outcome) -> Problem | None:
    """Why the preview may not write where it was asked to (checked before anything is written
    there): the --sheet file as any output; or the folder, and in it any picture it would
    replace that deck did not write."""
    from deck.export import not_ours, png_names
    from deck.output import written
    from deck.pipeline import input_files

    if args.sheet:
        return check_file_target(args.sheet, input_files(args.outline, outcome, args.theme))
    if (refused := check_folder_target(folder)) is not None:
        return refused
    in_way = written.foreign(folder / name for name in [*png_names(len(outcome.pages.pages)), "contact-sheet.png"])
    return not_ours(in_way[0]) if in_way else None


def _cmd_check(args) -> int:
    from deck.pipeline import check_outline

    if (status := _missing(args.outline) or _unusable_theme(args.theme)) is not None:
        return status
    outcome = check_outline(args.outline, args.theme)
    status = _report(outcome.problems, args.strict)
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

    if (status := _missing(args.outline) or _unusable_theme(args.theme)) is not None:
        return status
    return watch(Job(args.outline, args.output, args.theme, args.pdf), debug=args.debug)


def _cmd_serve(args) -> int:
    from deck.serve import serve
    from deck.watch import Job

    if (status := _missing(args.outline) or _unusable_theme(args.theme)) is not None:
        return status
    job = Job(args.outline, args.output, args.theme)
    return serve(job, host=args.host, port=args.port, idle=args.idle, debug=args.debug)


def _cmd_new(args) -> int:
    from deck.fields.schema import outline_schema
    from deck.source.starter import starter_text

    path = args.path
    if (refused := check_new_file(path)) is not None:
        return _report([refused])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as f:  # never through a link, never over a file
            f.write(starter_text())
    except FileExistsError:
        return _report([check_new_file(path) or unusable(path, FileExistsError(17, "File exists"))])
    except OSError as exc:
        return _report([unusable(path, exc)])
    schema = path.parent / "deck.schema.json"
    if not os.path.lexists(schema):  # the starter's first line points editors at it
        try:
            with schema.open("x", encoding="utf-8") as f:
                f.write(json.dumps(outline_schema(), indent=2, ensure_ascii=False) + "\n")
            print(f"wrote {schema} (completion and checking in editors with yaml-language-server)")
        except OSError:
            pass  # the outline works without it
    print(f"wrote {path}; build it with `deck build {path}`")
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


def _cmd_template(args) -> int:
    from deck.report import template_report

    if (status := _missing(args.file)) is not None:
        return status
    text, problems = template_report(args.file)
    print(text, end="")
    return _report(problems) if problems else Exit.OK


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
    "serve": _cmd_serve,
    "preview": _cmd_preview,
    "new": _cmd_new,
    "schema": _cmd_schema,
    "themes": _cmd_themes,
    "template": _cmd_template,
    "explain": _cmd_explain,
}

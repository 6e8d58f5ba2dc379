"""The commands that make a deck: build (and its PDF exports), check, watch and serve."""

from __future__ import annotations

import sys
import time
from contextlib import nullcontext
from pathlib import Path

from deck.cli.report import missing, report, unusable_theme
from deck.output.stop import making
from deck.problems import Exit


def cmd_build(args) -> int:
    if (status := missing(args.outline) or unusable_theme(args.theme)) is not None:
        return status
    if args.handout and args.no_notes:
        print("deck: error: --handout prints the speaker notes, which --no-notes leaves out; use one", file=sys.stderr)
        return Exit.USAGE
    if not (args.pdf or args.handout):
        return _build(args, [])
    from deck.export import office_ahead

    # LibreOffice starts while deck builds: one for each export, as one converts only once
    with office_ahead() as first, office_ahead() if args.pdf and args.handout else nullcontext() as second:
        return _build(args, [first, second])


def _build(args, offices: list) -> int:
    from deck.pipeline import build_outline, default_output, handout_path

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
    status = report(outcome.problems, strict=args.strict and outcome.output is None)
    if status != Exit.OK:
        return status
    slides = len(outcome.pages.pages)
    pdf, handout = outcome.output.with_suffix(".pdf"), handout_path(outcome.output)
    exports = [target for target, asked in ((pdf, args.pdf), (handout, args.handout)) if asked]
    # A stop from here on is located at the first export, not yet made (the .pptx is written).
    with making(exports[0]) if exports else nullcontext():
        print(f"wrote {outcome.output} ({slides} slides) in {time.perf_counter() - start:.2f} s", flush=True)
        print(outcome.changes.summary(), flush=True)
        status = Exit.OK
        for target, office in zip(exports, offices):
            if status == Exit.OK:
                with making(target):
                    status = _export_pdf(outcome.output, target, office, notes_pages=target == handout)
    return status


def _export_pdf(pptx: Path, pdf: Path, office, notes_pages: bool = False) -> int:
    from deck.export import export_pdf

    result = export_pdf(pptx, pdf, notes_pages=notes_pages, office=office)
    report(list(result.warnings))
    if not result.ok:
        print(f"deck: the .pptx was written: {pptx}", file=sys.stderr)
        return report([result.problem])
    print(f"wrote {result.path}")
    return Exit.OK


def cmd_check(args) -> int:
    from deck.pipeline import check_outline

    if (status := missing(args.outline) or unusable_theme(args.theme)) is not None:
        return status
    outcome = check_outline(args.outline, args.theme)
    status = report(outcome.problems, args.strict)
    if status == Exit.OK:
        slides = len(outcome.pages.pages)
        w = len(outcome.warnings)
        print(f"{args.outline}: ok, {slides} slides" + (f", {w} warning{'s' if w != 1 else ''}" if w else ""))
        print(outcome.talk.summary())
        if args.dump:
            from deck.layout.dump import dump_pages

            print(dump_pages(outcome.pages), end="")
    return status


def cmd_watch(args) -> int:
    from deck.watch import Job, watch

    if (status := missing(args.outline) or unusable_theme(args.theme)) is not None:
        return status
    return watch(Job(args.outline, args.output, args.theme, args.pdf), debug=args.debug)


def cmd_serve(args) -> int:
    from deck.serve import serve
    from deck.watch import Job

    if (status := missing(args.outline) or unusable_theme(args.theme)) is not None:
        return status
    job = Job(args.outline, args.output, args.theme)
    return serve(job, host=args.host, port=args.port, idle=args.idle, debug=args.debug)

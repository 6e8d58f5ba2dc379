"""`deck preview`: a PNG per slide and a contact sheet, written where nothing else is replaced."""

from __future__ import annotations

from pathlib import Path

from deck.cli.report import missing, report, unusable_theme
from deck.output.stop import making
from deck.output.target import check_file_target, check_folder_target
from deck.problems import Exit, Problem, display_path


def cmd_preview(args) -> int:
    if (status := missing(args.outline) or unusable_theme(args.theme)) is not None:
        return status
    from deck.export import office_ahead

    folder = args.output or args.outline.parent / "build" / f"{args.outline.stem}-preview"
    with making(args.sheet or folder), office_ahead() as office:  # LibreOffice starts while deck builds
        return _preview(args, folder, office)


def _preview(args, folder: Path, office) -> int:
    import tempfile

    from deck.export import export_pdf, export_pngs
    from deck.frozen import replace
    from deck.output import written
    from deck.pipeline import build_outline

    with tempfile.TemporaryDirectory(prefix="deck-preview-") as tmp:
        outcome = build_outline(args.outline, Path(tmp) / f"{args.outline.stem}.pptx", args.theme)
        status = report(outcome.problems)
        if status != Exit.OK:
            return status
        if (refused := _refused_pictures(args, folder, outcome)) is not None:
            return report([refused])
        if args.sheet:
            folder = Path(tmp) / "slides"
        pdf = export_pdf(outcome.output, Path(tmp) / f"{args.outline.stem}.pdf", office=office)
        if not pdf.ok:  # located at what the user asked for, not at the temporary PDF
            return report([replace(pdf.problem, path=display_path(args.sheet or folder))])
        sheet = args.sheet or folder / "contact-sheet.png"
        pngs = export_pngs(pdf.path, folder, dpi=args.dpi, sheet=sheet)
        if not pngs.ok:
            where = pngs.problem.path if pngs.problem.code == "O114" else display_path(args.sheet or folder)
            return report([replace(pngs.problem, path=where)])
        if args.sheet:
            print(f"wrote {sheet}")
            return Exit.OK
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

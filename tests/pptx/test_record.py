"""Edit-safe regeneration and what changed: a deck a person edited is kept, never silently overwritten."""

import io
import zipfile

from pptx import Presentation

from deck.cli import main
from deck.lint.changes import Changes, compare
from deck.pipeline import build_outline
from deck.pptx.record import CUSTOM, read_record
from deck.problems import display_path

OUTLINE = """title: Talk
slides:
  - title: One
    id: one
    bullets: [a, b]
    notes: Say a and b.
  - title: Two
    text: Plain words.
    notes: Then two.
  - title: Three
    bullets: [c, d]
    notes: And three.
  - title: Four
    bullets: [e, f]
    notes: Four ends it.
"""


def _edit_title(pptx, index: int, text: str) -> None:
    """Change a slide's title as a person would in PowerPoint, and save."""
    prs = Presentation(pptx)
    prs.slides[index].shapes.title.text_frame.text = text
    prs.save(pptx)


def _drop_record(pptx) -> None:
    """Rewrite the package without deck's record part."""
    with zipfile.ZipFile(pptx) as source:
        parts = {n: source.read(n) for n in source.namelist() if n != CUSTOM}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    pptx.write_bytes(buffer.getvalue())


def _titles(pptx) -> list[str]:
    return [s.shapes.title.text_frame.text for s in Presentation(pptx).slides]


def test_an_edited_deck_is_kept_as_edited_1_with_a_warning_naming_it(write):
    outline = write("outline.yaml", OUTLINE)
    output = outline.parent / "build" / "outline.pptx"
    assert build_outline(outline).output == output
    _edit_title(output, 1, "My better title")
    outcome = build_outline(outline)
    kept = output.with_name("outline.edited-1.pptx")
    assert "My better title" in _titles(kept)
    assert "My better title" not in _titles(output) and "One" in _titles(output)
    [warning] = outcome.warnings
    assert (warning.line, warning.code) == (0, "O102") and warning.path == display_path(output)  # not the outline
    assert "outline.edited-1.pptx" in warning.message and "edited" in warning.message


def test_an_edited_deck_without_its_record_is_kept_too(write):
    outline = write("outline.yaml", OUTLINE)
    output = build_outline(outline).output
    _edit_title(output, 1, "Edited, record gone")
    _drop_record(output)
    assert read_record(output) == (None, None)
    outcome = build_outline(outline)
    assert "Edited, record gone" in _titles(output.with_name("outline.edited-1.pptx"))
    assert any("outline.edited-1.pptx" in w.message for w in outcome.warnings)


def test_a_file_without_a_record_that_matches_the_build_byte_for_byte_is_simply_replaced(write, tmp_path):
    outline = write("outline.yaml", OUTLINE)
    elsewhere = build_outline(outline, tmp_path / "other.pptx").output
    output = outline.parent / "build" / "outline.pptx"
    output.parent.mkdir()
    output.write_bytes(elsewhere.read_bytes())
    assert build_outline(outline).warnings == []
    assert sorted(p.name for p in output.parent.iterdir()) == ["outline.pptx"]


def test_a_file_deck_did_not_write_is_kept(write):
    outline = write("outline.yaml", OUTLINE)
    output = outline.parent / "build" / "outline.pptx"
    output.parent.mkdir()
    output.write_bytes(b"someone's own slides")
    build_outline(outline)
    assert output.with_name("outline.edited-1.pptx").read_bytes() == b"someone's own slides"


def _label(pptx) -> None:
    """Add a sensitivity label to the custom properties, as Office does, and nothing else."""
    with zipfile.ZipFile(pptx) as source:
        parts = [(i, source.read(i)) for i in source.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts:
            if info.filename == CUSTOM:
                label = (
                    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="99" '
                    'name="MSIP_Label_0000_Enabled"><vt:lpwstr>true</vt:lpwstr></property>'
                )
                data = data.replace(b"</Properties>", label.encode() + b"</Properties>")
            target.writestr(info, data)
    pptx.write_bytes(buffer.getvalue())


def test_an_edit_to_the_custom_properties_alone_counts_as_an_edit(write):
    outline = write("outline.yaml", OUTLINE)
    output = build_outline(outline).output
    _label(output)
    labelled = output.read_bytes()
    record, now = read_record(output)
    assert record is not None and now != record.digest
    outcome = build_outline(outline)
    assert output.with_name("outline.edited-1.pptx").read_bytes() == labelled
    assert [(w.code, w.path) for w in outcome.warnings] == [("O102", display_path(output))]
    assert b"MSIP_Label" not in output.read_bytes()


def test_an_unedited_rebuild_leaves_no_backup_and_the_same_bytes(write):
    outline = write("outline.yaml", OUTLINE)
    output = build_outline(outline).output
    before = output.read_bytes()
    outcome = build_outline(outline)
    assert outcome.warnings == [] and outcome.changes == Changes()
    assert output.read_bytes() == before
    assert sorted(p.name for p in output.parent.iterdir()) == ["outline.pptx"]


def test_two_edits_in_a_row_give_edited_1_and_edited_2(write):
    outline = write("outline.yaml", OUTLINE)
    output = build_outline(outline).output
    _edit_title(output, 1, "First edit")
    build_outline(outline)
    _edit_title(output, 1, "Second edit")
    build_outline(outline)
    assert "First edit" in _titles(output.with_name("outline.edited-1.pptx"))
    assert "Second edit" in _titles(output.with_name("outline.edited-2.pptx"))
    assert sorted(p.name for p in output.parent.iterdir()) == [
        "outline.edited-1.pptx",
        "outline.edited-2.pptx",
        "outline.pptx",
    ]


def test_a_failed_build_touches_neither_an_edited_output_nor_makes_a_backup(write):
    outline = write("outline.yaml", OUTLINE)
    output = build_outline(outline).output
    _edit_title(output, 1, "Edited")
    edited = output.read_bytes()
    outline.write_text(OUTLINE.replace("bullets: [a, b]", "bulets: [a, b]"), encoding="utf-8")
    assert build_outline(outline).errors
    assert output.read_bytes() == edited
    assert sorted(p.name for p in output.parent.iterdir()) == ["outline.pptx"]


def test_an_output_that_is_a_folder_is_one_line_and_exit_2(write, capsys):
    outline = write("outline.yaml", OUTLINE)
    (outline.parent / "build" / "outline.pptx").mkdir(parents=True)
    assert main(["build", str(outline)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"{display_path(outline.parent / 'build' / 'outline.pptx')}:0:0: ")
    assert "error[O111]: this is a folder, not a file" in err[0] and "name the file to write" in err[0]
    assert sorted(p.name for p in (outline.parent / "build").iterdir()) == ["outline.pptx"]


def test_a_shared_copy_without_notes_leaves_the_main_outputs_record_alone(write, tmp_path, capsys):
    outline = write("outline.yaml", OUTLINE)
    assert main(["build", str(outline)]) == 0
    assert main(["build", str(outline), "--no-notes", "-o", str(tmp_path / "share" / "talk.pptx")]) == 0
    assert main(["build", str(outline)]) == 0
    out = capsys.readouterr()
    assert out.out.splitlines()[-1] == "no slides changed" and "warning" not in out.err
    assert sorted(p.name for p in (outline.parent / "build").iterdir()) == ["outline.pptx"]


def test_inserting_a_slide_marks_only_the_new_slide_changed(write, capsys):
    outline = write("outline.yaml", OUTLINE)
    assert main(["build", str(outline)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "first build"
    inserted = OUTLINE.replace(
        "  - title: Three\n", "  - title: New here\n    bullets: [x]\n    notes: New.\n  - title: Three\n"
    )
    outline.write_text(inserted, encoding="utf-8")
    assert main(["build", str(outline)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "changed: 1 slide (+bullets@10)"


def test_what_changed_names_edited_and_removed_slides_by_id_or_position(write):
    outline = write("outline.yaml", OUTLINE)
    build_outline(outline)
    edited = OUTLINE.replace("bullets: [a, b]", "bullets: [a, b, c]").replace(
        "  - title: Two\n    text: Plain words.\n    notes: Then two.\n", ""
    )
    outline.write_text(edited, encoding="utf-8")
    changes = build_outline(outline).changes
    assert changes.changed == ("one",) and changes.removed == ("text@7",)
    assert changes.summary() == "changed: 1 slide (one); removed: text@7"


def test_slides_without_ids_pair_by_content_and_a_rewrite_in_place_is_a_change():
    before = (("title", "t"), ("a", "1"), ("bullets@5", "x"), ("bullets@9", "y"))
    moved = (("title", "t"), ("a", "1"), ("new@5", "n"), ("bullets@8", "x"), ("bullets@12", "y"))
    assert compare(before, moved) == Changes(changed=("new@5",), added=("new@5",))
    rewritten = (("title", "t"), ("a", "2"), ("bullets@5", "z"), ("bullets@9", "y"))
    assert compare(before, rewritten) == Changes(changed=("a", "bullets@5"))
    assert compare(None, moved).summary() == "first build"


def test_a_theme_change_is_reported_once_not_as_every_slide(write, tmp_path):
    outline = write("outline.yaml", OUTLINE)
    build_outline(outline)
    changes = build_outline(outline, theme="dark").changes
    assert changes.restyled and changes.summary().startswith("theme changed (every slide restyled)")

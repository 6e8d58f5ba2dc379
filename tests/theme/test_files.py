"""Theme files are confined like pictures: an outline names only theme files inside its folder
(`--theme` is the user's own choice), `extends` stays inside too, and no message quotes a file
that is not a theme."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, run_deck

from deck.pipeline import check_outline
from deck.theme.load import load_builtin, load_theme

OURS = 'name: ours\nextends: default\npalette: {primary: "0B5394"}\n'
PASSWD = Path("/etc/passwd")


def outline(folder: Path, theme: str) -> Path:
    path = folder / "talk" / "outline.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"title: Talk\ntheme: '{theme}'\nslides:\n  - title: One\n    bullets: [a, b]\n    notes: n\n")
    return path


def check(path: Path, *flags: str, cwd: Path | None = None) -> tuple[int, str]:
    done = run_deck("check", path, *flags, cwd=cwd or path.parent)
    assert "Traceback" not in done.stderr
    return done.returncode, done.stderr


@pytest.mark.parametrize(
    "ref, code",
    [
        ("/etc/passwd", "T110"),
        ("~/ours.yaml", "T110"),
        ("C:\\ours.yaml", "T110"),
        ("\\\\server\\share\\ours.yaml", "T110"),
        ("../ours.yaml", "T111"),
        ("themes\\ours.yaml", "T113"),
        ("https://example.org/ours.yaml", "T114"),
    ],
)
def test_an_outline_names_only_theme_files_inside_its_folder(ref, code, tmp_path):
    (tmp_path / "ours.yaml").write_text(OURS, encoding="utf-8")  # exists, but outside the folder
    status, err = check(outline(tmp_path, ref))
    assert status == 1
    assert err.startswith(f"outline.yaml:2:8: error[{code}]: ")


@pytest.mark.skipif(not PASSWD.is_file(), reason="needs /etc/passwd")
def test_a_symlink_out_of_the_folder_is_refused_and_its_target_never_shown(tmp_path):
    path = outline(tmp_path, "theme.yaml")
    (path.parent / "theme.yaml").symlink_to(PASSWD)
    status, err = check(path)
    assert status == 1 and err.startswith("outline.yaml:2:8: error[T111]: ")
    assert "root" not in err and ":x:" not in err


def test_a_symlink_within_the_folder_is_followed(tmp_path):
    path = outline(tmp_path, "theme.yaml")
    (path.parent / "themes").mkdir()
    (path.parent / "themes" / "ours.yaml").write_text(OURS, encoding="utf-8")
    (path.parent / "theme.yaml").symlink_to(path.parent / "themes" / "ours.yaml")
    assert check(path) == (0, "")


def test_a_symlink_loop_or_an_overlong_name_is_a_located_error(tmp_path):
    path = outline(tmp_path, "loop.yaml")
    (path.parent / "loop.yaml").symlink_to(path.parent / "loop.yaml")
    status, err = check(path)
    assert status == 1 and err.startswith("outline.yaml:2:8: error[T112]: ")
    status, err = check(outline(tmp_path, "x" * 280 + ".yaml"))
    assert status == 1 and err.startswith("outline.yaml:2:8: error[T112]: ")


@pytest.mark.skipif(not PASSWD.is_file(), reason="needs /etc/passwd")
def test_theme_flag_is_not_confined_but_never_echoes_the_file(tmp_path):
    path = outline(tmp_path, "default")
    shared = tmp_path / "shared" / "ours.yaml"
    shared.parent.mkdir()
    shared.write_text(OURS, encoding="utf-8")
    assert check(path, "--theme", "../shared/ours.yaml") == (0, "")
    status, err = check(path, "--theme", str(PASSWD))
    assert status == 1 and "error[T115]" in err and "no YAML mapping" in err
    assert "root" not in err.replace(str(PASSWD), "") and ":x:" not in err


@pytest.mark.parametrize(
    "content",
    [
        b"api_key: sk-SECRET-1234\npassword: hunter2-SECRET\n",  # a mapping, but no theme key
        b"SECRET line one\nSECRET: [unclosed\n",  # not YAML
        b"SECRET-\xff\xfe-bytes\n",  # not UTF-8
        b"- SECRET\n- list\n",  # YAML, not a mapping
        b"",  # empty
    ],
)
def test_a_file_that_is_not_a_theme_is_described_never_quoted(content, tmp_path):
    path = outline(tmp_path, "notes.txt")
    (path.parent / "notes.txt").write_bytes(content)
    status, err = check(path)
    assert status == 1 and err.startswith("outline.yaml:2:8: error[")
    assert "notes.txt" in err and "SECRET" not in err and "api_key" not in err


def test_extends_names_a_theme_file_relative_to_the_theme_file(tmp_path):
    path = outline(tmp_path, "themes/ours.yaml")
    themes = path.parent / "themes"
    (themes / "base").mkdir(parents=True)
    (themes / "base" / "company.yaml").write_text(
        'name: company\nextends: dark\npalette: {accent: "F2B35E"}\n'
        "margins: {left: 60, right: 60, top: 30, bottom: 26}\n"
    )
    (themes / "ours.yaml").write_text('name: ours\nextends: base/company.yaml\npalette: {primary: "8CC4FF"}\n')
    theme, problems = load_theme("themes/ours.yaml", path.parent, inside=path.parent)
    dark = load_builtin("dark")
    assert problems == []
    assert (theme.name, theme.palette["primary"], theme.palette["accent"]) == ("ours", "8CC4FF", "F2B35E")
    assert theme.palette["background"] == dark.palette["background"] and theme.margin_left == 60 * 12_700
    assert check(path) == (0, "")


def test_extends_may_go_up_to_the_outlines_folder_but_not_beyond(tmp_path):
    path = outline(tmp_path, "themes/ours.yaml")
    (path.parent / "themes").mkdir()
    (path.parent / "base.yaml").write_text("name: base\nextends: default\n")
    (path.parent / "themes" / "ours.yaml").write_text("name: ours\nextends: ../base.yaml\n")
    assert check(path) == (0, "")
    (tmp_path / "outside.yaml").write_text("name: outside\nextends: default\n")
    (path.parent / "themes" / "ours.yaml").write_text("name: ours\nextends: ../../outside.yaml\n")
    status, err = check(path)
    assert status == 1 and err.startswith("themes/ours.yaml:2:10: error[T111]: ")


def test_extends_of_a_theme_named_on_the_command_line_stays_in_that_themes_folder(tmp_path):
    path = outline(tmp_path, "default")
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "ours.yaml").write_text("name: ours\nextends: ../talk/outline.yaml\n")
    status, err = check(path, "--theme", "../shared/ours.yaml")
    assert status == 1 and "ours.yaml:2:10: error[T111]: " in err


def test_extends_in_a_circle_is_an_error_not_a_hang(tmp_path):
    path = outline(tmp_path, "a.yaml")
    (path.parent / "a.yaml").write_text("name: a\nextends: b.yaml\n")
    (path.parent / "b.yaml").write_text("name: b\nextends: a.yaml\n")
    status, err = check(path)
    assert status == 1 and "b.yaml:2:10: error[T116]" in err


def test_a_theme_file_that_extends_nothing_must_be_complete(tmp_path):
    theme_path = tmp_path / "ours.yaml"
    theme_path.write_text("name: ours\npalette: {primary: 1D56A0}\n")
    theme, problems = load_theme("ours.yaml", tmp_path, inside=tmp_path)
    assert theme is None and {p.code for p in problems} == {"F105"}


def test_pictures_keep_their_own_codes_after_sharing_the_confinement(tmp_path):
    (tmp_path / "x.png").write_bytes(b"")
    path = tmp_path / "talk" / "outline.yaml"
    path.parent.mkdir()
    path.write_text(
        "title: Talk\nslides:\n  - title: One\n    image: {path: ../x.png, alt: x}\n    notes: n\n"
        "  - title: Two\n    image: {path: 'a\\\\b.png', alt: x}\n    notes: n\n"
    )
    found = [(p.line, p.code) for p in check_outline(path).problems]
    assert found == [(4, "P105"), (7, "P103")]


def test_a_theme_in_the_outlines_folder_is_named_relative_to_it_from_anywhere(tmp_path):
    path = outline(tmp_path, "ours.yaml")
    (path.parent / "ours.yaml").write_text(OURS, encoding="utf-8")
    assert check(path, cwd=ROOT) == (0, "")

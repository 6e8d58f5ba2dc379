"""The command line as a user meets it: exit statuses, messages, outputs, `python -m deck`."""

import json
import os

from conftest import ROOT, run_deck

from deck.cli import exit_status, main
from deck.problems import Exit, Where

GOOD = """title: Talk
slides:
  - title: One
    bullets: [a, b]
    notes: Say a and b.
"""


def test_build_writes_default_output_beside_the_outline(write, capsys):
    outline = write("talk/outline.yaml", GOOD)
    assert main(["build", str(outline)]) == 0
    assert (outline.parent / "build" / "outline.pptx").is_file()
    assert "wrote" in capsys.readouterr().out


def test_output_flag_creates_missing_folders(write, tmp_path):
    outline = write("outline.yaml", GOOD)
    target = tmp_path / "a" / "b" / "deck.pptx"
    assert main(["build", str(outline), "-o", str(target)]) == 0
    assert target.is_file()


def test_errors_exit_1_and_leave_previous_output_untouched(write, capsys):
    outline = write("outline.yaml", GOOD)
    assert main(["build", str(outline)]) == 0
    output = outline.parent / "build" / "outline.pptx"
    before = output.read_bytes()
    outline.write_text(GOOD.replace("bullets: [a, b]", "bulets: [a, b]"), encoding="utf-8")
    assert main(["build", str(outline)]) == 1
    err = capsys.readouterr().err
    assert ":4:5: error[F104]: unknown key `bulets` in a slide; did you mean `bullets`?" in err
    assert output.read_bytes() == before
    assert list(output.parent.iterdir()) == [output]  # no temporary file left behind


def test_missing_outline_is_a_usage_error(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nope.yaml")]) == 2
    assert "deck new" in capsys.readouterr().err


def test_unknown_flag_is_a_usage_error_without_traceback(tmp_path):
    result = run_deck("build", "--frobnicate", cwd=tmp_path, process=True)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "unrecognized arguments" in result.stderr


def test_help_wraps_to_the_terminal_width_columns_names(tmp_path):
    """COLUMNS sets the width help is wrapped to, as argparse's own lookup would."""
    widths = {}
    for columns in ("50", "200"):
        env = {**os.environ, "COLUMNS": columns}
        result = run_deck("build", "--help", cwd=tmp_path, env=env, process=True)
        assert result.returncode == 0, result.stderr
        widths[columns] = max(map(len, result.stdout.splitlines()))
    assert widths["50"] <= 48 < widths["200"] <= 198


def test_strict_turns_warnings_into_failure(write, capsys):
    outline = write("outline.yaml", GOOD.replace("    notes: Say a and b.\n", ""))
    assert main(["check", str(outline)]) == 0
    assert main(["check", str(outline), "--strict"]) == 1
    assert "warning[K112]: this `bullets` slide has no speaker notes" in capsys.readouterr().err
    assert main(["build", str(outline), "--strict"]) == 1
    assert not (outline.parent / "build").exists()


def test_strict_build_lays_out_once(write, monkeypatch):
    import deck.pipeline

    laid_out = []
    lay_out = deck.pipeline.lay_out
    monkeypatch.setattr(deck.pipeline, "lay_out", lambda *a: laid_out.append(1) or lay_out(*a))
    outline = write("outline.yaml", GOOD)
    assert main(["build", str(outline), "--strict"]) == 0
    assert laid_out == [1]
    outline.write_text(GOOD.replace("    notes: Say a and b.\n", ""), encoding="utf-8")
    assert main(["build", str(outline), "--strict", "-o", str(outline.parent / "strict.pptx")]) == 1
    assert laid_out == [1, 1] and not (outline.parent / "strict.pptx").exists()


def test_exit_status_is_decided_by_the_problems_codes():
    at = Where("talk.yaml", 3, 5)
    output = Where("build/talk.pptx")
    assert exit_status([]) == exit_status([at.warning("A101", "wordy")]) == Exit.OK
    assert exit_status([at.warning("A101", "wordy")], strict=True) == Exit.INPUT
    assert exit_status([at.error("F104", "unknown key")]) == Exit.INPUT
    assert exit_status([output.error("O101", "cannot replace")]) == Exit.USAGE
    assert exit_status([output.error(code, "no PDF") for code in ("O103", "O104", "O105", "O106")]) == Exit.EXPORT
    assert exit_status([output.error("O105", "no PDF"), at.error("F104", "unknown key")]) == Exit.INPUT


def test_check_dump_prints_the_laid_out_slides_after_the_summary(capsys):
    case = ROOT / "tests" / "cases" / "every-kind"
    assert main(["check", str(case / "outline.yaml")]) == 0
    summary = capsys.readouterr().out
    assert main(["check", str(case / "outline.yaml"), "--dump"]) == 0
    assert capsys.readouterr().out == summary + (case / "expected.txt").read_text(encoding="utf-8")


def test_commands_that_end_pause_the_collector_and_lasting_ones_keep_it(write, monkeypatch):
    """A build, check or preview runs without cyclic garbage collection (5% of a build) and
    turns it back on after; watch and serve, which run until stopped, keep it running."""
    import gc

    import deck.cli

    seen = {}
    for name in ("build", "check", "watch", "serve"):
        monkeypatch.setitem(
            deck.cli.COMMANDS, name, lambda args, name=name: seen.setdefault(name, gc.isenabled()) and 0
        )
    outline = write("outline.yaml", GOOD)
    assert gc.isenabled()
    for name in ("build", "check", "watch", "serve"):
        assert main([name, str(outline)]) == 0
        assert gc.isenabled(), name
    assert seen == {"build": False, "check": False, "watch": True, "serve": True}


def test_check_dump_prints_nothing_more_when_the_check_fails(write, capsys):
    outline = write("outline.yaml", GOOD.replace("bullets: [a, b]", "bulets: [a, b]"))
    assert main(["check", str(outline), "--dump"]) == 1
    assert capsys.readouterr().out == ""


def test_python_dash_m_runs_the_same_cli(write):
    outline = write("outline.yaml", GOOD)
    result = run_deck("check", outline, process=True)
    assert result.returncode == 0, result.stderr
    assert "ok, 2 slides" in result.stdout


def test_new_writes_a_starter_that_builds_and_refuses_to_overwrite(tmp_path, capsys):
    path = tmp_path / "outline.yaml"
    assert main(["new", str(path)]) == 0
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=deck.schema.json\n")
    assert json.loads((tmp_path / "deck.schema.json").read_text(encoding="utf-8"))["title"] == "deck outline"
    assert main(["check", str(path), "--strict"]) == 0
    assert main(["new", str(path)]) == 2


def test_schema_prints_json_for_outline_and_theme(capsys):
    assert main(["schema"]) == 0
    outline = json.loads(capsys.readouterr().out)
    assert "slides" in outline["properties"]
    assert main(["schema", "--theme"]) == 0
    theme = json.loads(capsys.readouterr().out)
    assert "palette" in theme["properties"]


def test_themes_lists_the_built_in_themes(capsys):
    assert main(["themes"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("default") and "\ndark" in out


def test_theme_flag_overrides_the_outline_theme(write, tmp_path):
    outline = write("outline.yaml", GOOD)
    assert main(["build", str(outline), "--theme", "dark", "-o", str(tmp_path / "dark.pptx")]) == 0
    assert main(["build", str(outline), "--theme", "nonesuch"]) == 2  # a usage error, like a missing outline


def test_internal_error_is_one_line_asking_for_a_report(write, capsys, monkeypatch):
    import deck.pipeline

    outline = write("outline.yaml", GOOD)

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(deck.pipeline, "lay_out", broken)
    assert main(["check", str(outline)]) == 3
    err = capsys.readouterr().err
    assert "internal error" in err and "report" in err and "Traceback" not in err
    assert main(["check", str(outline), "--debug"]) == 3
    assert "Traceback" in capsys.readouterr().err


def test_checked_in_schema_file_is_current(capsys):
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads((ROOT / "deck.schema.json").read_text())


def test_output_gets_ordinary_file_permissions(write):
    import os
    import stat

    outline = write("outline.yaml", GOOD)
    old = os.umask(0o022)
    try:
        assert main(["build", str(outline)]) == 0
    finally:
        os.umask(old)
    mode = stat.S_IMODE((outline.parent / "build" / "outline.pptx").stat().st_mode)
    assert mode == 0o644


def test_messages_never_echo_control_or_bidi_characters_raw(write, capsys):
    outline = write(
        "outline.yaml",
        "title: T\nslides:\n  - title: C\n    notes: n\n"
        '    chart: {type: "bar\\e[2J\\u202e", categories: [a], series: {s: [1]}}\n',
    )
    assert main(["check", str(outline)]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\u202e" not in err
    assert "got `bar\\x1b[2J\\u202e`" in err

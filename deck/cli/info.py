"""The commands that write or print reference: new, schema, themes, template, explain."""

from __future__ import annotations

import json
import os
import sys

from deck.cli.report import missing, report
from deck.output.target import check_new_file, unusable
from deck.problems import Exit


def cmd_new(args) -> int:
    from deck.fields.schema import outline_schema
    from deck.source.starter import starter_text

    path = args.path
    if (refused := check_new_file(path)) is not None:
        return report([refused])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as f:  # never through a link, never over a file
            f.write(starter_text())
    except FileExistsError:
        return report([check_new_file(path) or unusable(path, FileExistsError(17, "File exists"))])
    except OSError as exc:
        return report([unusable(path, exc)])
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


def cmd_schema(args) -> int:
    from deck.fields.schema import outline_schema, theme_schema

    print(json.dumps(theme_schema() if args.theme else outline_schema(), indent=2, ensure_ascii=False))
    return Exit.OK


def cmd_themes(args) -> int:
    from deck.theme.load import BUILTIN, load_builtin

    for name in BUILTIN:
        t = load_builtin(name)
        print(
            f"{name:10} background #{t.palette['background']}, text #{t.palette['text']}, "
            f"primary #{t.palette['primary']}; {t.fonts['body'].latin} / {t.fonts['body'].ea}"
        )
    return Exit.OK


def cmd_template(args) -> int:
    from deck.report import template_report

    if (status := missing(args.file)) is not None:
        return status
    text, problems = template_report(args.file)
    print(text, end="")
    return report(problems) if problems else Exit.OK


def cmd_explain(args) -> int:
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

"""The command line: parse arguments (parser.py), run a command (make.py, preview.py, info.py),
print problems and decide the exit status (report.py)."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from deck.cli.info import cmd_explain, cmd_new, cmd_schema, cmd_template, cmd_themes
from deck.cli.make import cmd_build, cmd_check, cmd_serve, cmd_watch
from deck.cli.parser import parser
from deck.cli.preview import cmd_preview
from deck.cli.report import exit_status, report
from deck.output.stop import Stopped, Terminated, on_sigterm, stopped
from deck.problems import Exit

__all__ = ["COMMANDS", "exit_status", "main", "run"]

REPORT = "https://github.com/deck-slides/deck/issues"


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return its status (the `deck` program, `run`, exits with it). Ctrl-C exits
    130 and SIGTERM 143 (128 + the signal), with what was being written removed."""
    args = parser(sys.argv[1:] if argv is None else argv).parse_args(argv)
    restore = on_sigterm()
    paused = args.command not in LASTING and gc.isenabled()
    if paused:  # a command that ends makes little cyclic garbage: looking for it was 5% of a build
        gc.disable()
    try:
        status = COMMANDS[args.command](args)
    except (KeyboardInterrupt, Terminated, Stopped) as stop:
        return report([stopped(stop, getattr(args, "outline", None) or Path(args.command))])
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
        if paused:
            gc.enable()
    return int(status)


def run() -> None:
    """The `deck` program (its console script and `python -m deck`): exit with main()'s status.
    What is still alive is frozen first, so that the interpreter's last collection on the way
    out does not walk all of it (about 10 ms of a 30-slide build)."""
    status = main()
    gc.freeze()
    sys.exit(status)


LASTING = {"watch", "serve"}  # commands that run until stopped: they keep the collector running


COMMANDS = {
    "build": cmd_build,
    "check": cmd_check,
    "watch": cmd_watch,
    "serve": cmd_serve,
    "preview": cmd_preview,
    "new": cmd_new,
    "schema": cmd_schema,
    "themes": cmd_themes,
    "template": cmd_template,
    "explain": cmd_explain,
}

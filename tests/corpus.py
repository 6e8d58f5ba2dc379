"""The error corpus, shared by the tests that run it: tests/errors/<case>.yaml ends with
`# expect:` lines giving the located problems `deck check` must print, as `LINE:COL: level[CODE]`
(path and message left out); tests/errors/warnings/ holds cases that only warn. A case's theme
files live in `themes/` beside it; problems located there are stated with that path.

After a change of codes or locations, rewrite the `# expect:` lines from what deck prints now,
then review the diff: `.venv/bin/python tests/corpus.py --rewrite`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
ERRORS = sorted((HERE / "errors").glob("*.yaml"))
WARNINGS = sorted((HERE / "errors" / "warnings").glob("*.yaml"))
CASES = ERRORS + WARNINGS
IDS = [str(c.relative_to(HERE / "errors").with_suffix("")) for c in CASES]
EXPECT = "# expect: "
THEMES = "themes/"  # a case's theme files, beside it
CODED = re.compile(r"^((?:themes/[^:]+:)?\d+:\d+: (?:error|warning)\[[A-Z]\d{3}\]): ")
LEVEL = re.compile(r"^(?:themes/[^:]+:)?\d+:\d+: (error|warning)\b")


def expected(path: Path) -> list[str]:
    lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
    return [line[len(EXPECT) :] for line in lines if line.startswith(EXPECT)]


def located(line: str) -> str:
    """A printed problem (path left out) as the corpus states it: `LINE:COL: level[CODE]`;
    a line that is not a coded problem is kept whole, so that it fails the comparison."""
    coded = CODED.match(line)
    return coded.group(1) if coded else line


def level(expectation: str) -> str:
    return LEVEL.match(expectation).group(1)


def printed(case: Path, err: str) -> list[str]:
    """The problems printed for `case` (run from its folder), without the path; those located
    in its theme files keep theirs (`themes/…`)."""
    own = case.name + ":"
    return [line.removeprefix(own) for line in err.splitlines() if line.startswith((own, THEMES))]


def rewrite() -> None:
    """Replace each case's `# expect:` lines with what `deck check` prints now."""
    import contextlib
    import io
    import os

    from deck.cli import main

    for case in CASES:
        err = io.StringIO()
        cwd = os.getcwd()
        os.chdir(case.parent)
        try:
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
                main(["check", case.name])
        finally:
            os.chdir(cwd)
        data = case.read_bytes()
        lines = data.split(b"\n")
        at = next(i for i, line in enumerate(lines) if line.startswith(EXPECT.encode()))
        kept = [line for line in lines if not line.startswith(EXPECT.encode())]
        new = [(EXPECT + located(line)).encode() for line in printed(case, err.getvalue())]
        case.write_bytes(b"\n".join(kept[:at] + new + kept[at:]))


if __name__ == "__main__" and sys.argv[1:] == ["--rewrite"]:
    rewrite()

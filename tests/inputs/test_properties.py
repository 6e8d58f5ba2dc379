"""Properties over generated outlines: every valid one builds and keeps its text; every broken
one ends with exit 1 and located problems, never a traceback.

Hypothesis profiles (registered in conftest.py): HYPOTHESIS_PROFILE=ci, the default and what
CI runs, draws 100 examples per property (25 for the builds), the same ones on every run
(derandomized), so a failure reproduces and CI cannot flake; HYPOTHESIS_PROFILE=long draws
10,000 fresh random examples each, to look for new failures:
    HYPOTHESIS_PROFILE=long .venv/bin/pytest tests/inputs/test_properties.py
"""

from __future__ import annotations

import contextlib
import io
import re
import tempfile
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from pptx import Presentation

from deck.cli import main
from deck.pipeline import build_outline, check_outline

# a build renders a .pptx, the slowest property: a quarter of the profile's examples, but no fewer
# than 25 where the profile draws that many (ci: 25, dev: 10, long: 2,500)
BUILDS = max(settings.default.max_examples // 4, min(25, settings.default.max_examples))

PROBLEM = re.compile(r"^[^\n]+:\d+:\d+: (error|warning)\[[SFPKTLAO]\d{3}\]: \S")
ERROR = re.compile(r"^[^\n]+:\d+:\d+: error\b")
SUMMARY = re.compile(r"^deck: \d+ errors?( and \d+ warnings?)?; nothing was written$")

# ---- valid outlines ------------------------------------------------------------------------------

LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéüßçñø0123456789"
CJK = "的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会家可下而过天去能对小多然于心学么之都好看起发当没成只如事把还用第样道想作种开美总从无情己面最女但现前些所同日手又行意动方期它头经长儿回位分爱老因很给名法间斯知世什两次使身者被高已亲其进此话常与活正感"  # noqa: E501
PUNCT = ".,;:!?'\"()-–—…/%&+=#@，。、；：！？「」《》（）“”"
EMOJI = "😀😂🙂🚀🎉✨📈🔥👍🌏"
WORD = st.text(st.sampled_from(LATIN + CJK + EMOJI + PUNCT), min_size=1, max_size=8)
FIGURE = st.text(st.sampled_from("0123456789.,%+≈BMK万亿"), min_size=1, max_size=5)  # a big figure: `175B`


def words(most_chars: int) -> st.SearchStrategy[str]:
    """Text of whole words, single-spaced, with no inline marks: what a slide shows exactly."""
    return (
        st.lists(WORD, min_size=1, max_size=8)
        .map(" ".join)
        .map(lambda t: t[:most_chars].strip())
        .filter(lambda t: t and t[0] not in "-?:,[]{}#&*!|>'\"%@`" and t == t.strip())
    )


class Rec(dict):
    """A record (known keys) in a generated outline; `required` are the keys it cannot lose."""

    def __init__(self, required: tuple[str, ...], **values):
        super().__init__({k: v for k, v in values.items() if v is not None})
        self.required = required


def plain(value):
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


bullet_item = st.one_of(
    words(50),
    st.builds(
        lambda t, b: Rec(("text", "bullets"), text=t, bullets=b), words(40), st.lists(words(40), min_size=1, max_size=3)
    ),
)
CONTENT = {
    "bullets": st.lists(bullet_item, min_size=1, max_size=5),
    "text": words(200),
    "columns": st.lists(
        st.builds(
            lambda h, b: Rec(("heading", "bullets"), heading=h, bullets=b),
            words(20),
            st.lists(words(30), min_size=1, max_size=3),
        ),
        min_size=2,
        max_size=3,
    ),
    "quote": st.builds(lambda t, b: Rec(("text",), text=t, by=b), words(120), st.none() | words(30)),
    "image": st.builds(
        lambda a, c: Rec(("path", "alt"), path="picture.png", alt=a, caption=c), words(60), st.none() | words(40)
    ),
    "table": st.integers(1, 4).flatmap(
        lambda n: st.builds(
            lambda h, r: Rec(("header", "rows"), header=h, rows=r),
            st.lists(words(12), min_size=n, max_size=n),
            st.lists(st.lists(words(14), min_size=n, max_size=n), min_size=1, max_size=4),
        )
    ),
    "chart": st.tuples(st.sampled_from(["bar", "column", "line", "pie"]), st.integers(1, 5)).flatmap(
        lambda kn: st.builds(
            lambda cats, series, log: Rec(
                ("type", "categories", "series"), type=kn[0], categories=cats, series=series, log_scale=log
            ),
            st.lists(words(10), min_size=kn[1], max_size=kn[1], unique=True),
            st.dictionaries(
                words(12),
                st.lists(st.floats(0.5, 1e9), min_size=kn[1], max_size=kn[1]),
                min_size=1,
                max_size=1 if kn[0] == "pie" else 3,
            ),
            st.none() if kn[0] == "pie" else st.none() | st.booleans(),
        )
    ),
    "timeline": st.lists(
        st.builds(
            lambda w, x, d: Rec(("when", "what"), when=w, what=x, detail=d), words(8), words(20), st.none() | words(30)
        ),
        min_size=2,
        max_size=5,
    ),
    "steps": st.lists(
        st.builds(lambda t, x: Rec(("title", "text"), title=t, text=x), words(12), words(40)), min_size=2, max_size=4
    ),
    "stats": st.lists(
        st.builds(lambda v, lab: Rec(("value", "label"), value=v, label=lab), FIGURE, words(30)), min_size=1, max_size=4
    ),
}


@st.composite
def slide(draw):
    kind = draw(st.sampled_from(["section", *CONTENT]))
    if kind == "section":
        return Rec(("section",), section=draw(words(40)), notes=draw(st.none() | words(80)))
    return Rec(
        ("title", kind),
        title=draw(words(40)),
        **{kind: draw(CONTENT[kind])},
        notes=draw(words(120)),
        takeaway=draw(st.none() | words(60)),
        source=draw(st.none() | words(12)),
        hidden=draw(st.sampled_from([None, None, None, True])),
    )


@st.composite
def outline(draw):
    slides = draw(st.lists(slide(), min_size=1, max_size=6))
    return Rec(
        ("title", "slides"),
        title=draw(words(60)),
        subtitle=draw(st.none() | words(60)),
        author=draw(st.none() | words(30)),
        language=draw(st.sampled_from([None, "en", "zh-CN"])),
        theme=draw(st.sampled_from([None, "default", "dark"])),
        slides=slides,
    )


def dump(value) -> str:
    return yaml.safe_dump(plain(value), allow_unicode=True, sort_keys=False, width=1_000_000)


def write_folder(folder: Path, text: str) -> Path:
    if not (folder / "picture.png").exists():
        Image.new("RGB", (64, 48), "teal").save(folder / "picture.png")
    path = folder / "outline.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def shown_texts(pptx: Path) -> tuple[list[str], str]:
    """Return the slides' title texts and all text on the slides, a paragraph a line."""
    titles, paragraphs = [], []

    def walk(shapes):
        for shape in shapes:
            if shape.shape_type == 6:  # a group
                walk(shape.shapes)
            if shape.has_text_frame:
                paragraphs.extend(p.text for p in shape.text_frame.paragraphs)
            if getattr(shape, "has_table", False) and shape.has_table:
                paragraphs.extend(c.text for row in shape.table.rows for c in row.cells)

    for s in Presentation(str(pptx)).slides:
        if s.shapes.title is not None:
            titles.append(s.shapes.title.text)
        walk(s.shapes)
    return titles, "\n".join(paragraphs)


@settings(max_examples=BUILDS)
@given(outline())
def test_valid_outlines_build_and_keep_their_text(deck):
    with tempfile.TemporaryDirectory() as tmp:
        path = write_folder(Path(tmp), dump(deck))
        out = build_outline(path, Path(tmp) / "out.pptx")
        assert out.errors == [], [p.format() for p in out.errors]
        titles, shown = shown_texts(out.output)
    assert any(deck["title"] in t for t in titles)
    for s in deck["slides"]:
        if s.get("hidden"):
            continue
        name = s.get("section") or s["title"]
        assert any(name in t for t in titles), name
        for item in s.get("bullets", []):
            for text in [item] if isinstance(item, str) else [item["text"], *item["bullets"]]:
                assert text in shown, text


# ---- broken outlines -----------------------------------------------------------------------------


def nodes(value, path=()):
    """Yield (path, value) for every value below the root."""
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in items:
        yield path + (key,), child
        yield from nodes(child, path + (key,))


def at(root, path):
    for key in path:
        root = root[key]
    return root


@st.composite
def broken(draw):
    """A valid outline with one change that makes it wrong: a value of the wrong type, an
    unknown key, a required key dropped, or a key written twice."""
    deck = draw(outline())
    how = draw(st.sampled_from(["retype", "rename", "drop", "duplicate"]))
    if how == "retype":
        path, value = draw(st.sampled_from(list(nodes(deck))))
        if isinstance(value, dict):  # not to a number or text: a bullet may be either
            new = draw(st.sampled_from([["x"], None]))
        elif isinstance(value, list):
            new = draw(st.sampled_from(["junk text", {"k": "v"}, None, 7]))
        else:
            new = draw(st.sampled_from([["x"], {"k": "v"}, None]))
        at(deck, path[:-1])[path[-1]] = new
    elif how in ("rename", "drop"):
        records = [(p, v) for p, v in nodes(deck) if isinstance(v, Rec)] + [((), deck)]
        path, rec = draw(st.sampled_from(records))
        key = draw(st.sampled_from(sorted(rec.required if how == "drop" else rec)))
        value = rec.pop(key)
        if how == "rename":
            rec[draw(st.sampled_from(["titel", "bulets", "zz", "Title", "note", "series_", "x y"]))] = value
    text = dump(deck)
    if how == "duplicate":
        lines = text.split("\n")
        keyed = [i for i, line in enumerate(lines) if re.match(r"^\s*(- )?[a-z_]+: \S", line)]
        i = draw(st.sampled_from(keyed))
        lines.insert(i + 1, re.sub(r"^(\s*)- ", r"\1  ", lines[i]))
        text = "\n".join(lines)
    return text


HOSTILE = [
    "\x00",
    "\x07",
    "\x1b",
    "\x85",
    "\u2028",
    "\ufffe",
    "\t",
    "\r",
    "\n",
    ": ",
    " #",
    "#",
    "- ",
    "*",
    "**",
    "`",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a ",
    "!",
    "!!binary ",
    "|",
    ">",
    "'",
    '"',
    "\\",
    "\\x00",
    "\\ud800",
    "%",
    "@",
    "?",
    "<<: ",
    "---\n",
    "...\n",
    "~",
    "null",
    "中",
    "😀",
    "\ufeff",
    " ",
    "  ",
]


@st.composite
def mangled(draw):
    """A valid outline's text after edits at the character level: lines re-indented, hostile
    characters inserted, lines dropped or doubled, the end cut off."""
    lines = dump(draw(outline())).split("\n")
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        how = draw(st.sampled_from(["indent", "insert", "drop", "double", "cut"]))
        if how == "indent":
            lines[i] = " " * draw(st.integers(0, 8)) + lines[i].lstrip(" ")
        elif how == "insert":
            j = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:j] + draw(st.sampled_from(HOSTILE) | st.text(max_size=3)) + lines[i][j:]
        elif how == "drop" and len(lines) > 1:
            del lines[i]
        elif how == "double":
            lines.insert(i, lines[i])
        elif how == "cut":
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
            del lines[i + 1 :]
    return "\n".join(lines)


def check_through_cli(text: str, folder: Path) -> tuple[int, list[str]]:
    path = folder / "outline.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        status = main(["check", str(path)])
    if status == 3:
        check_outline(path)  # raises the internal error, for a readable failure
    return status, err.getvalue().splitlines()


@given(broken())
def test_broken_outlines_exit_1_with_only_located_problems(text):
    with tempfile.TemporaryDirectory() as tmp:
        write_folder(Path(tmp), "")
        status, lines = check_through_cli(text, Path(tmp))
    assert status == 1, text
    assert lines and all(PROBLEM.match(line) or SUMMARY.match(line) for line in lines), lines
    assert any(ERROR.match(line) for line in lines)


@given(mangled())
def test_mangled_text_never_crashes_and_every_line_is_located(text):
    with tempfile.TemporaryDirectory() as tmp:
        write_folder(Path(tmp), "")
        status, lines = check_through_cli(text, Path(tmp))
    assert status in (0, 1), lines
    assert all(PROBLEM.match(line) or SUMMARY.match(line) for line in lines), lines
    assert (status == 1) == any(ERROR.match(line) for line in lines)


# ---- damaged pictures ----------------------------------------------------------------------------


@st.composite
def damaged_picture(draw) -> tuple[str, bytes]:
    """A real PNG or JPEG (`(extension, bytes)`) cut short, with bytes flipped, or both."""
    fmt = draw(st.sampled_from(["PNG", "JPEG", "progressive JPEG"]))
    out = io.BytesIO()
    picture = Image.linear_gradient("L").resize((48, 32)).convert("RGB")
    picture.save(out, fmt.split()[-1], **({"progressive": True} if "progressive" in fmt else {}))
    data = bytearray(out.getvalue())
    how = draw(st.sampled_from(["cut", "flip", "both"]))
    if how in ("flip", "both"):
        for _ in range(draw(st.integers(1, 8))):
            data[draw(st.integers(0, len(data) - 1))] ^= draw(st.integers(1, 255))
    if how in ("cut", "both"):
        data = data[: draw(st.integers(0, len(data) - 1))]
    return ("png" if fmt == "PNG" else "jpg"), bytes(data)


@settings(max_examples=BUILDS)
@given(damaged_picture(), st.integers(1, 3))
def test_a_damaged_picture_never_crashes_a_build_and_is_refused_at_its_uses(picture, uses):
    ext, data = picture
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / f"figure.{ext}").write_bytes(data)
        slides = "".join(
            f"  - title: P{i}\n    image: {{path: figure.{ext}, alt: a figure}}\n    notes: n\n" for i in range(uses)
        )
        outline = write_folder(Path(tmp), "title: T\nslides:\n" + slides)
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            status = main(["build", str(outline), "-o", str(Path(tmp) / "out.pptx")])
        if status == 3:
            build_outline(outline, Path(tmp) / "out.pptx")  # raises the internal error, for a readable failure
        lines = err.getvalue().splitlines()
        assert status in (0, 1), lines
        assert all(PROBLEM.match(line) or SUMMARY.match(line) for line in lines), lines
        errors = [line for line in lines if ERROR.match(line)]
        assert (status == 1) == bool(errors)
        assert all(re.search(r":\d+:19: error\[P1\d\d\]", line) for line in errors), errors  # at each `path:`
        assert len(errors) in (0, uses) and (Path(tmp) / "out.pptx").exists() == (status == 0)

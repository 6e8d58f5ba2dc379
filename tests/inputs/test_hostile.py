"""Hostile and broken input: a located error every time, with bounded work, and nothing lost.

Bounded work is counted, not timed: the YAML events the reader asks the parser for, the
Python calls and the call depth it makes (profiled cases), the bytes it reads. The timings
of the same cases, side by side with reading a long real talk, are in bench/hostile.py."""

from __future__ import annotations

import contextlib
import io
import os
import struct
import warnings
import zlib
from pathlib import Path

import pytest
import yaml
from corpus import CASES as BROKEN
from PIL import Image
from workcount import Work, counting_events, counting_opener, profiling

from deck.cli import main
from deck.fields.pictures import MAX_BYTES, MAX_PIXELS
from deck.pipeline import check_outline
from deck.source.reader import DEFAULT_LIMITS, load_yaml_bytes
from deck.source.traps import explain_reader_error

SLIDE = "  - title: A\n    text: b\n    notes: n\n"


@pytest.fixture
def bytes_read(monkeypatch):
    """Count the bytes read from each file opened in the test, by its path: a dict."""
    counts: dict[str, int] = {}
    counting_open = counting_opener(io.open, counts)
    monkeypatch.setattr(io, "open", counting_open)
    monkeypatch.setattr("builtins.open", counting_open)
    return counts


def load(text: str, profile: bool = False):
    """Read `text` as an outline; return the value, the problems and the Work it took."""
    work = Work()
    with counting_events(work), profiling(work) if profile else contextlib.nullcontext():
        node, problems = load_yaml_bytes(text.encode("utf-8"), "t.yaml")
    return node, problems, work


def png(width: int, height: int, body: bytes | None = None) -> bytes:
    """A PNG whose header claims `width` × `height`; its data is one tiny zlib stream."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(body if body is not None else b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def picture_outline(folder: Path, path: str) -> Path:
    outline = folder / "outline.yaml"
    outline.write_text(
        f"title: T\nslides:\n  - title: P\n    image: {{path: '{path}', alt: a picture}}\n    notes: n\n",
        encoding="utf-8",
    )
    return outline


def errors_of(outline: Path) -> list[str]:
    return [f"{p.line}:{p.column}: {p.message}" for p in check_outline(outline).errors]


def codes_of(outline: Path) -> list[str]:
    return [p.code for p in check_outline(outline).errors]


# ---- limits: each refused with a location, with bounded work ----------------------------------


def test_ten_megabyte_title_is_refused_before_it_is_parsed(tmp_path, bytes_read):
    outline = tmp_path / "big.yaml"
    outline.write_bytes(b"title: " + b"x" * 10_000_000 + b"\nslides: []\n")
    work = Work()
    with counting_events(work):
        problems = check_outline(outline).problems
    assert 0 < bytes_read[str(outline)] <= DEFAULT_LIMITS.file_bytes + 1 and work.events == 0
    assert [(p.line, p.column, p.code) for p in problems] == [(1, 1, "S102")]
    assert "more than 2,000,000 bytes" in problems[0].message and "xxxx" not in problems[0].message


@pytest.mark.parametrize("style", ["{}", '"{}"', "|\n  {}"])
def test_two_megabyte_value_is_refused_without_a_step_per_character_or_echoing_it(style):
    _, problems, work = load("title: " + style.format("x" * 1_900_000) + "\nslides: []\n", profile=True)
    assert work.events <= 5 and work.calls < 1_000  # the parser's scan is the only work per character
    assert [(p.line, p.column, p.code) for p in problems] == [(1, 8, "S109")]
    assert "1,900,00" in problems[0].message and len(problems[0].message) < 200


def test_billion_laughs_fails_at_the_alias_without_expanding_it():
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    _, problems, work = load("\n".join(lines) + "\ntitle: T\nslides: *a9\n", profile=True)
    assert work.events < 100 and work.calls < 5_000  # 9^9 values, never expanded
    assert [p.code for p in problems] == ["S108"] and 1 < problems[0].line < 11  # at the alias over the limit
    assert f"more than {DEFAULT_LIMITS.nodes:,} values" in problems[0].message


@pytest.mark.parametrize(
    "text",
    [
        "title: T\nslides: [" + "1, " * 600_000 + "]\n",
        "title: T\nslides:\n" + "- 1\n" * 450_000,
        "title: T\n" + "".join(f"k{i}: v\n" for i in range(150_000)),
    ],
    ids=["flow-list", "block-list", "many-keys"],
)
def test_huge_collections_stop_reading_at_the_value_limit(text):
    _, problems, work = load(text)
    assert work.events <= DEFAULT_LIMITS.nodes + 10  # of 150,000 to 600,000 values
    assert [p.code for p in problems] == ["S108"] and problems[0].line >= 2
    assert "more than 50,000 values" in problems[0].message


@pytest.mark.parametrize(
    "text",
    [
        "slides: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "slides:\n" + "".join(" " * i + "-\n" for i in range(600)),
        "a: &a " + "[" * 30 + "x" + "]" * 30 + "\nb: " + "[" * 15 + "*a" + "]" * 15 + "\n",
    ],
    ids=["flow-brackets", "block-dashes", "through-aliases"],
)
def test_deep_nesting_is_refused_without_recursion(text):
    _, problems, work = load(text, profile=True)
    assert work.depth < 10 and work.events < 100 and work.calls < 5_000  # the limit is 40 levels
    assert [p.code for p in problems] == ["S107"] and problems[0].line >= 1


def test_long_key_is_refused_and_cut_in_the_message():
    _, problems, _ = load("title: T\n? " + "k" * 5000 + "\n: v\nslides: []\n")
    assert [(p.line, p.column, p.code) for p in problems] == [(2, 3, "S110")]
    assert "5,000 characters long" in problems[0].message and "kkkkk" not in problems[0].message


def test_a_long_real_talk_is_well_inside_every_limit():
    slide = (
        "  - title: Slide {i}\n    bullets:\n"
        + "      - a bullet with **strong** words\n" * 8
        + "    notes: |\n      What I will say about slide {i}.\n"
    )
    text = "title: T\nslides:\n" + "".join(slide.format(i=i) for i in range(1000))
    node, problems, work = load(text)
    assert problems == [] and len(node.get("slides").items) == 1000
    assert work.events < DEFAULT_LIMITS.nodes / 2 and len(text) < DEFAULT_LIMITS.file_bytes / 4


def test_more_than_a_thousand_slides_is_refused(tmp_path):
    outline = tmp_path / "long.yaml"
    outline.write_text("title: T\nslides:\n" + "  - section: s\n" * 1001, encoding="utf-8")
    assert errors_of(outline) == ["3:3: expected at most 1,000 slides, got 1,001; split the talk into several outlines"]


# ---- paths: inside the outline's folder, checked by content ------------------------------------


def test_symlink_pointing_outside_the_folder_is_refused(tmp_path):
    outside = tmp_path / "outside.png"
    Image.new("RGB", (4, 4)).save(outside)
    folder = tmp_path / "talk"
    folder.mkdir()
    (folder / "inside.png").symlink_to(outside)
    assert codes_of(picture_outline(folder, "inside.png")) == ["P105"]
    assert errors_of(picture_outline(folder, "inside.png")) == [
        "4:19: image path `inside.png` leads outside the outline's folder; copy the picture into the folder "
        "(e.g. `assets/`) and name it from there"
    ]


def test_symlink_inside_the_folder_and_a_jpeg_named_png_are_fine(tmp_path):
    (tmp_path / "assets").mkdir()
    Image.new("RGB", (8, 4)).save(tmp_path / "assets" / "photo.png", "JPEG")  # the content decides
    (tmp_path / "link.png").symlink_to(tmp_path / "assets" / "photo.png")
    assert errors_of(picture_outline(tmp_path, "link.png")) == []


def test_symlink_loop_and_overlong_names_are_errors_not_crashes(tmp_path):
    (tmp_path / "loop.png").symlink_to(tmp_path / "loop.png")
    assert codes_of(picture_outline(tmp_path, "loop.png")) == ["P104"]
    long_name = "a" * 300 + ".png"
    assert errors_of(picture_outline(tmp_path, long_name))[0].startswith("4:19: ")
    assert codes_of(picture_outline(tmp_path, long_name)) in (["P104"], ["P106"])  # as the system reports it
    assert codes_of(picture_outline(tmp_path, ".")) == ["P106"]


@pytest.mark.parametrize(
    "width,height,claim",
    [
        (100_000, 100_000, "over 89 million pixels"),  # Pillow's DecompressionBombError
        (10_000, 10_000, "over 89 million pixels"),  # Pillow's DecompressionBombWarning, made an error
        (9_000, 7_000, "9000×7000 pixels"),  # under Pillow's limit, over ours
    ],
)
def test_decompression_bomb_is_refused_from_its_header(tmp_path, width, height, claim):
    (tmp_path / "bomb.png").write_bytes(png(width, height))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no warning may escape to the user's terminal
        found = errors_of(picture_outline(tmp_path, "bomb.png"))
        assert codes_of(picture_outline(tmp_path, "bomb.png")) == ["P108"]
    assert found == [
        f"4:19: `bomb.png` claims {claim}, more than the {MAX_PIXELS:,} a picture may have "
        "(a decompression bomb?); scale it down, e.g. to 2560 pixels across"
    ]


def test_picture_over_the_byte_limit_is_refused_before_it_is_opened(tmp_path):
    with (tmp_path / "huge.png").open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: no disk used
    assert codes_of(picture_outline(tmp_path, "huge.png")) == ["P107"]
    assert errors_of(picture_outline(tmp_path, "huge.png")) == [
        f"4:19: `huge.png` is {MAX_BYTES + 1:,} bytes, more than the {MAX_BYTES:,} a picture may have; export a "
        "smaller PNG or JPEG"
    ]


def test_damaged_png_is_refused(tmp_path):
    good = io.BytesIO()
    Image.new("RGB", (32, 32), "red").save(good, "PNG")
    (tmp_path / "cut.png").write_bytes(good.getvalue()[:-20])
    assert codes_of(picture_outline(tmp_path, "cut.png")) == ["P110"]


def test_png_whose_data_is_too_short_is_refused_before_rendering(tmp_path, capsys):
    (tmp_path / "short.png").write_bytes(png(4000, 3000, body=b"not enough"))
    outline = picture_outline(tmp_path, "short.png")
    assert codes_of(outline) == ["P110"]
    assert errors_of(outline) == [
        "4:19: `short.png` cannot be read as a picture (its picture data is cut short); re-export it as PNG or JPEG"
    ]
    assert main(["build", str(outline)]) == 1


def test_interlaced_png_is_read_whole(tmp_path):
    passes = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2))
    width, height = 13, 11
    rows = [
        (height - y0 + dy - 1) // dy * (1 + 3 * ((width - x0 + dx - 1) // dx))
        for x0, y0, dx, dy in passes
        if width > x0 and height > y0
    ]
    data = png(width, height, body=b"\0" * sum(rows))
    data = data[:28] + b"\1" + data[29:]  # the interlace byte of IHDR, and its checksum:
    data = data[:29] + struct.pack(">I", zlib.crc32(data[12:29])) + data[33:]
    (tmp_path / "adam7.png").write_bytes(data)
    with Image.open(tmp_path / "adam7.png") as img:
        img.load()
        assert img.size == (13, 11) and img.info.get("interlace") == 1
    assert errors_of(picture_outline(tmp_path, "adam7.png")) == []


def test_unsupported_picture_formats_say_what_to_convert_to(tmp_path):
    Image.new("RGB", (4, 4)).save(tmp_path / "photo.webp", "WEBP")
    Image.new("RGB", (4, 4)).save(tmp_path / "scan.tif", "TIFF")
    assert (
        codes_of(picture_outline(tmp_path, "photo.webp")) == codes_of(picture_outline(tmp_path, "scan.tif")) == ["P109"]
    )
    assert errors_of(picture_outline(tmp_path, "photo.webp")) == [
        "4:19: `photo.webp` is a WebP picture; convert it to PNG or JPEG"
    ]
    assert errors_of(picture_outline(tmp_path, "scan.tif")) == ["4:19: `scan.tif` is a TIFF picture; convert it to PNG"]


# ---- text hygiene -------------------------------------------------------------------------------


@pytest.mark.parametrize("char,line,col", [("\0", 4, 13), ("\x1b", 4, 13), ("\u2028", 4, 13), ("\ufeff\x7f", 4, 14)])
def test_raw_characters_a_slide_cannot_hold_are_located(char, line, col):
    _, problems, _ = load("title: T\nslides:\n  - title: A\n    text: ab" + char + "c\n    notes: n\n")
    assert [(p.line, p.column, p.code) for p in problems] == [(line, col, "S104")]


def test_every_bad_character_is_reported_at_once():
    _, problems, _ = load("title: a\x01b\nslides:\n  - title: \x02\n")
    assert [(p.line, p.column, p.code) for p in problems] == [(1, 9, "S104"), (3, 12, "S104")]


def test_old_mac_line_endings_count_lines_like_an_editor():
    _, problems, _ = load('title: T\rslides:\r  - title: A\r    text: "a\\0b"\r')
    assert [(p.line, p.column, p.code) for p in problems] == [(4, 13, "S111")]


def test_byte_order_mark_crlf_and_trailing_comments_are_accepted(tmp_path):
    outline = tmp_path / "o.yaml"
    outline.write_bytes(("\ufefftitle: T  # the title\r\nslides:\r\n" + SLIDE.replace("\n", "\r\n")).encode("utf-8"))
    assert check_outline(outline).problems == []


def test_reader_errors_of_libyaml_become_line_and_column():
    text = "a: 中文\nb: x\x07y\n"
    with pytest.raises(yaml.reader.ReaderError) as raised:
        yaml.CSafeLoader(text).get_single_node()
    problem = explain_reader_error(raised.value, text, "t.yaml", bytes_offset=True)
    assert (problem.line, problem.column, problem.code) == (2, 5, "S104") and "U+0007" in problem.message


# ---- nothing lost -------------------------------------------------------------------------------


def test_no_broken_outline_touches_a_previous_output(tmp_path, capsys, monkeypatch):
    good = tmp_path / "good.yaml"
    good.write_text("title: T\nslides:\n" + SLIDE, encoding="utf-8")
    output = tmp_path / "out" / "talk.pptx"
    assert main(["build", str(good), "-o", str(output)]) == 0
    before = output.read_bytes()
    stamp = output.stat().st_mtime_ns
    for case in BROKEN:
        monkeypatch.chdir(case.parent)
        status = main(["build", case.name, "-o", str(output), "--strict"])
        assert status == 1, case.name
        assert output.read_bytes() == before and output.stat().st_mtime_ns == stamp, case.name
        assert sorted(os.listdir(output.parent)) == ["talk.pptx"], case.name
    assert "Traceback" not in capsys.readouterr().err

"""The `columns` kind: two or three columns side by side, each a card of bullets or a picture
(kept whole, never cropped), under an optional heading; text at one size in all columns."""

from __future__ import annotations

from deck import model as m
from deck.fields import INVALID, Ctx, Field, ListOf, Record
from deck.frozen import frozen
from deck.kinds.base import Kind, inline_text, plain_text
from deck.kinds.image import SPEC as IMAGE_SPEC
from deck.kinds.image import Image
from deck.layout.blocks import Area, Body, Laid, sizes_shrunk
from deck.layout.fit import Fitter, Para, plain, runs_of
from deck.layout.page import Box, Picture, Shape
from deck.problems import Code, Problem
from deck.source.located import Map, Node

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any


@frozen
class Column:
    """A column: its heading (None: none) over its bullets, or its picture."""

    heading: str | None
    bullets: tuple[m.Rich, ...] = ()
    image: Image | None = None


@frozen
class Columns:
    columns: tuple[Column, ...]


@frozen
class _ColumnRecord(Record):
    """A column's mapping: its fields, and bullets or an image, never both nor neither
    (told from its keys, so that the problem is reported beside any in its values)."""

    def read(self, node: Node, ctx: Ctx) -> Any:
        value = super().read(node, ctx)
        if not isinstance(node, Map):
            return value
        keys = node.keys()
        if "bullets" in keys and "image" in keys:
            ctx.error(
                node.key_node("image").where,
                "K252",
                "a column holds `bullets` or an `image`, not both; move the picture to a column of its own",
            )
            return INVALID
        if "bullets" not in keys and "image" not in keys:
            ctx.error(
                node.where,
                "K251",
                "this column has neither `bullets` nor an `image`; add `bullets: […]` or `image: {path: …, alt: …}`",
            )
            return INVALID
        return value


SPEC = ListOf(
    _ColumnRecord(
        "column",
        {
            "heading": Field(plain_text("the column's heading", 80), False, "the column's heading (optional)"),
            "bullets": Field(
                ListOf(
                    inline_text("a bullet"),
                    1,
                    10,
                    noun="bullet",
                    many="shorten the column, or split the comparison over two slides",
                ),
                False,
                "the column's bullets (or an `image`)",
            ),
            "image": Field(
                Record("picture", {k: IMAGE_SPEC.fields[k] for k in ("path", "alt")}),
                False,
                "a picture instead of bullets, `{path, alt}`: kept whole, never cropped",
            ),
        },
        extra_schema={"oneOf": [{"required": ["bullets"]}, {"required": ["image"]}]},
    ),
    2,
    3,
    doc="a list of two or three columns",
    noun="column",
    few="add a second column, or make this a `bullets` slide",
    many="split them over two slides, or compare them in a `table`",
)


def _build(value, node, ctx, folder) -> Columns:
    columns = []
    for c in value:
        image = c.get("image")
        picture = Image(image["path"][0], image["alt"], None, image["path"][1]) if image else None
        columns.append(Column(c.get("heading"), c.get("bullets") or (), picture))
    return Columns(tuple(columns))


def lay_out(content: Columns, area: Area, fit: Fitter) -> Laid:
    """Return the columns side by side: text columns as cards, headings and bullets each at
    one size for all columns; pictures as large as fit whole in their column, under their
    heading. Where even the minimum sizes do not fit, text columns continue over as few
    pages as take them (each column's bullets split evenly, the headings repeated), at the
    largest size that fits them all; an error when one bullet per page is still too much."""
    t, box = fit.theme, area.box
    n = len(content.columns)
    w = (box.w - (n - 1) * t.gap) // n
    pad = t.gap // 2
    cols: list[_Col] = []
    problems: list[Problem] = []
    for c in content.columns:
        if c.heading:
            problems += fit.coverage(c.heading, area.where)
        for b in c.bullets:
            problems += fit.coverage(b, b.where)
        head = Para(plain(c.heading), "heading") if c.heading else None
        cols.append((head, [Para(runs_of(b), "body", 1) for b in c.bullets], c.image))
    most = 1 if any(image for _, _, image in cols) else max(len(b) for _, b, _ in cols)
    for pages in range(1, most + 1):
        split = _split(cols, pages)
        sizes = _sizes(split, fit, box.h, w - 2 * pad, pad)
        if sizes is not None:
            break
    else:
        error = area.where.error("L106", "the columns do not fit even at the smallest size; shorten their bullets")
        return [Body(())], [*problems, error]
    bodies = [Body(_page(page, sizes, box, w, fit)) for page in split]
    return bodies, problems + sizes_shrunk(sizes, area.where, fit, "the columns")


_Col = tuple[Para | None, list[Para], Image | None]  # a column's heading, bullets and picture


def _split(cols: list[_Col], pages: int) -> list[list[_Col]]:
    """Return `pages` pages of the columns, each column's bullets split into even runs."""
    out = []
    for p in range(pages):
        page = []
        for head, bullets, image in cols:
            each = -(-len(bullets) // pages)
            page.append((head, bullets[p * each : (p + 1) * each], image))
        out.append(page)
    return out


def _sizes(pages: list[list[_Col]], fit: Fitter, height: int, inner_w: int, pad: int) -> dict[str, int] | None:
    """Return the sizes (role → EMU) of the first shrink step at which every page's columns
    fit `height` (a heading never smaller than its bullets), or None."""
    roles = ["heading", "body"]
    last = fit.max_steps(roles)
    for k in range(last + 1):
        sizes = {r: fit.size(r, k) for r in roles}
        sizes["heading"] = max(sizes["heading"], sizes["body"])  # a heading is never smaller than its bullets
        whole = k < last
        for cols in pages:
            heads = [fit.height([h], sizes, inner_w, fit.inset("heading"), whole) for h, _, _ in cols if h]
            body_h = height - 2 * pad - max(heads, default=0)
            if not all(fit.height(b, sizes, inner_w, fit.inset("body"), whole) <= body_h for _, b, _ in cols if b):
                break
        else:
            return sizes
    return None


def _page(cols: list[_Col], sizes: dict[str, int], box: Box, w: int, fit: Fitter) -> tuple:
    """Return the elements of one page of columns at `sizes` in `box`, each column `w` wide."""
    t = fit.theme
    pad = t.gap // 2
    inner_w = w - 2 * pad
    head_h = max((fit.height([h], sizes, inner_w, fit.inset("heading")) for h, _, _ in cols if h), default=0)
    need = max((fit.height(b, sizes, inner_w, fit.inset("body")) for _, b, _ in cols if b), default=0)
    room = box.h - pad - head_h  # below the headings
    pictures = {
        i: _picture(c[2], Box(box.x + i * (w + t.gap), box.y + pad + head_h, w, room), i)
        for i, c in enumerate(cols)
        if c[2]
    }
    # cards hug their text, at least half the area, and reach as low as the pictures beside them
    low = max((p.box.y + p.box.h - box.y + pad for p in pictures.values()), default=0)
    card_h = min(box.h, max(head_h + need + 2 * pad, box.h * 11 // 20, low))
    body_h = card_h - 2 * pad - head_h
    elements: list = []
    for i, (head, bullets, image) in enumerate(cols):
        x = box.x + i * (w + t.gap)
        if not image:
            elements.append(Shape(Box(x, box.y, w, card_h), "rect", fill="surface", name=f"Column {i + 1} Card"))
            elements.append(
                Shape(Box(x, box.y, w, t.rule_width * 3), "rect", fill="primary", name=f"Column {i + 1} Rule")
            )
        if head:
            elements.append(
                fit.frame(
                    [head],
                    Box(x + pad, box.y + pad, inner_w, head_h),
                    sizes,
                    name=f"Column {i + 1} Heading",
                    slot=f"heading{i + 1}",
                )
            )
        if image:
            elements.append(pictures[i])
        elif bullets:
            elements.append(
                fit.frame(
                    bullets,
                    Box(x + pad, box.y + pad + head_h, inner_w, body_h),
                    sizes,
                    name=f"Column {i + 1}",
                    slot=f"column{i + 1}",
                )
            )
    return tuple(elements)


def _picture(image: Image, room: Box, i: int) -> Picture:
    """Return column `i`'s picture as large as fits whole in `room`, centred across it, at its top."""
    pw, ph = image.pixels
    scale = min(room.w / pw, room.h / ph)
    w, h = int(pw * scale), int(ph * scale)
    box = Box(room.x + (room.w - w) // 2, room.y, w, h)
    return Picture(box, image.path, image.alt, name=f"Column {i + 1} Picture", slot=f"column{i + 1}")


CODES = {
    "K251": Code(
        "empty-column",
        "a column has neither bullets nor a picture",
        "Each column of a `columns` slide shows bullets or a picture, under an optional heading.",
        "- title: Before and after\n  columns:\n    - heading: Before\n    - heading: After\n"
        "      bullets: [faster]\n  notes: n",
        "Add `bullets: […]` or `image: {path: …, alt: …}` to the column.",
    ),
    "K252": Code(
        "column-bullets-and-picture",
        "a column has both bullets and a picture",
        "A column shows bullets or a picture, not both: a picture beside bullets is two columns.",
        "- title: The model\n  columns:\n    - bullets: [small, fast]\n      image: {path: m.png, alt: the model}\n"
        "    - bullets: [large, slow]\n  notes: n",
        "Move the picture to a column of its own, e.g. `- image: {path: m.png, alt: the model}`.",
    ),
}

KIND = Kind(
    SPEC,
    _build,
    lay_out,
    "two or three columns",
    "two or three columns below it, each `- {heading: …, bullets: […]}` or `- {heading: …, image: {path, alt}}`",
    codes=CODES,
)

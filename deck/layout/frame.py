"""The slide frame, written once for every slide: the title, the footer (slide number,
section, free text), the source line and the takeaway; and the automatic slides' words.
Its boxes come from the theme's Grid, which the layouts' placeholders are made from too."""

from __future__ import annotations

from collections.abc import Callable

from deck import model as m
from deck.frozen import frozen, replace
from deck.layout.fit import Fitter, Para, plain, runs_of
from deck.layout.masters import Grid, takeaway_offset
from deck.layout.metrics import advances
from deck.layout.page import Box, Run, Shape, TextFrame
from deck.layout.phrases import lone_last
from deck.problems import Problem, Where

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start-up
if TYPE_CHECKING:
    from deck.layout.blocks import Body

WORDS = {
    "en": {
        "agenda": "Agenda",
        "references": "References",
        "cont": " (cont. {n}/{of})",
        "source": "Source: ",
        "sep": " · ",
    },
    "zh": {"agenda": "议程", "references": "参考文献", "cont": "（续 {n}/{of}）", "source": "来源：", "sep": " · "},
    "zh-Hant": {
        "agenda": "議程",
        "references": "參考文獻",
        "cont": "（續 {n}/{of}）",
        "source": "來源：",
        "sep": " · ",
    },
    "ja": {"agenda": "議題", "references": "参考文献", "cont": "（続き {n}/{of}）", "source": "出典：", "sep": " · "},
    "ko": {"agenda": "목차", "references": "참고문헌", "cont": " (계속 {n}/{of})", "source": "출처: ", "sep": " · "},
}
# Wayfinding words (issue 16): the progress marker of a slide that supports a reason, and a
# revisited argument map's marks on reasons already supported and still to come.
WAYFINDING = {
    "en": {"claim": "Claim {n}", "marker": "Claim {n} · Reason {r}", "covered": "Covered", "to_come": "Still to come"},
    "zh": {"claim": "观点 {n}", "marker": "观点 {n} · 理由 {r}", "covered": "已论证", "to_come": "待论证"},
    "zh-Hant": {"claim": "觀點 {n}", "marker": "觀點 {n} · 理由 {r}", "covered": "已論證", "to_come": "待論證"},
    "ja": {"claim": "主張 {n}", "marker": "主張 {n} · 理由 {r}", "covered": "論証済み", "to_come": "これから"},
    "ko": {"claim": "주장 {n}", "marker": "주장 {n} · 이유 {r}", "covered": "논증함", "to_come": "남음"},
}
for _tag, _words in WAYFINDING.items():
    WORDS[_tag].update(_words)
_TRADITIONAL = ("zh-tw", "zh-hk", "zh-mo", "zh-hant")  # tags whose Chinese is written in traditional characters


def words(language: str) -> dict[str, str]:
    """Return the automatic slides' words in the deck's language: Chinese (simplified or
    traditional), Japanese, Korean, else English."""
    tag = language.lower()
    if tag.startswith(_TRADITIONAL):
        return WORDS["zh-Hant"]
    return WORDS.get(tag.split("-")[0], WORDS["en"])


@frozen
class Frame:
    """The frame of every slide of one deck in one theme: its grid (the area inside the
    margins, the footer's place …, EMU), the automatic words, and reference numbers by key;
    and a memo of slide-number frames by count of digits (`slide_number`), which never
    changes a result."""

    fit: Fitter
    grid: Grid
    words: dict[str, str]
    numbers: dict[str, int]
    digits: dict[tuple, TextFrame | None]

    @classmethod
    def of(cls, deck: m.Deck, fit: Fitter) -> Frame:
        """Return the frame of `deck` in the fitter's theme."""
        numbers = {r.key: i + 1 for i, r in enumerate(deck.references)}
        from deck.layout.house import template_grid  # the frame on a company template's boxes

        return cls(fit, template_grid(fit) or Grid.of(fit), words(deck.language), numbers, {})

    @property
    def inner(self) -> Box:
        return self.grid.inner

    @property
    def footer_top(self) -> int:
        return self.grid.footer_top

    def part(self, n: int, of: int) -> str:
        """Return the title suffix of page `n` of a slide continued over `of` pages: none on
        the first, ` (cont. 2/3)` (in the deck's language: （续 2/3）, （続き 2/3）…) on the others."""
        return self.words["cont"].format(n=n, of=of) if n > 1 else ""

    def title(self, text: str, where: Where, suffix: str | None) -> tuple[TextFrame, list[Problem]]:
        """Return a slide's title (with `suffix`, e.g. ` (cont. 2/3)`) in one line at the theme
        size, else in two lines shrunk as needed, and its problems: a warning when shrunk
        (not for a continued slide's title), an error when it does not fit even so."""
        fit, one = self.fit, self.grid.title
        runs = plain(text + (suffix or ""))
        for lines in (1, 2):
            box = Box(one.x, one.y, one.w, one.h + (lines - 1) * fit.pitch(fit.size("title")))
            frame = fit.fit([Para(runs, "title")], box, name="Title", anchor="top", slot="title")
            if frame is not None and (frame.size == fit.size("title") or lines == 2):
                shrunk = fit.shrunk(where, "the title", "title", frame.size) if suffix is None else []
                return frame, shrunk
        return self.title_or_error(
            [Para(runs, "title")],
            box,
            where,
            "L101",
            "the title does not fit in two lines even at the smallest size; shorten it",
        )

    def continued(
        self, text: str, where: Where, lay: Callable[[int], list[Body]]
    ) -> tuple[list[TextFrame], list[Body], list[Problem]]:
        """Return the titles and bodies of a slide titled `text` whose body `lay(top)` lays out
        below `top` (EMU), and the titles' problems. When the body continues over n pages, each
        title after the first is marked ` (cont. 2/n)` … ` (cont. n/n)` and the bodies are laid out
        again below the tallest marked title, until their number settles."""
        title, problems = self.title(text, where, None)
        gap = self.fit.theme.gap
        top = self.grid.content_top(title.box, gap)
        bodies = lay(top)
        if len(bodies) < 2:
            return [title], bodies, problems
        for _ in range(3):
            fitted = [self.title(text, where, self.part(i + 1, len(bodies))) for i in range(len(bodies))]
            need = max(self.grid.content_top(t.box, gap) for t, _ in fitted)
            if need <= top:
                break
            top, bodies = need, lay(need)  # a lower top leaves less room: never fewer pages
        parts = [self.part(i + 1, len(bodies)) for i in range(len(bodies))]
        if len(fitted) != len(bodies):
            fitted = [self.title(text, where, part) for part in parts]
        smallest = min(t.size for t, _ in fitted)  # one size for the pages of one slide
        titles = [
            t
            if t.size == smallest
            else self.fit.frame(
                [Para(plain(text + part), "title")], t.box, {"title": smallest}, name="Title", slot="title"
            )
            for part, (t, _) in zip(parts, fitted)
        ]
        return titles, bodies, problems + [p for _, more in fitted for p in more]

    def title_or_error(
        self, paras: list[Para], box: Box, where: Where, code: str, message: str, anchor: str = "top"
    ) -> tuple[TextFrame, list[Problem]]:
        """Return a slide's title fitted in `box`; where it cannot fit, return it at the
        minimum size with the error `code` (the page is then never written)."""
        fit = self.fit
        frame = fit.fit(paras, box, name="Title", anchor=anchor, slot="title")
        if frame is not None:
            return frame, []
        sizes = {p.role: fit.size(p.role, 99) for p in paras}
        forced = fit.frame(paras, box, sizes, name="Title", anchor=anchor, slot="title")
        return forced, [where.error(code, message)]

    def marker(self, supports: m.Support | None) -> str | None:
        """Return the progress marker of a slide supporting an argument's reason, e.g.
        `观点 1 · 理由 A`, or `观点 1` for one about the claim (None for other slides)."""
        if supports is None or not supports.number:
            return None
        if supports.reason is None:
            return self.words["claim"].format(n=supports.number)
        return self.words["marker"].format(n=supports.number, r=supports.reason)

    def footer(self, number: int, section: str | None, marker: str | None = None) -> list[TextFrame]:
        """Return the footer of the slide at position `number` (1-based), naming `section`:
        what the theme's footer shows of the slide number (slot 'number'), the section (slot
        'footer', followed by the progress `marker` in the accent, shown even when the
        theme's footer leaves the section out) and its free text (a text box)."""
        t, fit = self.fit.theme, self.fit
        size, boxes = fit.size("footer"), self.grid.footer_boxes()
        out = []
        if t.footer.slide_number:
            out.append(self.slide_number(number, boxes["number"], size))
        runs = plain(section) if t.footer.section and section else ()
        if marker:
            runs += plain(("   " if runs else "") + marker, bold=True, color="accent")
        if runs:
            para = Para(runs, "footer")
            out.append(fit.frame([para], boxes["footer"], {"footer": size}, name="Footer Section", slot="footer"))
        if t.footer.text:
            para = Para(plain(t.footer.text), "footer", align="center")
            out.append(fit.frame([para], boxes["text"], {"footer": size}, name="Footer Text"))
        return out

    def slide_number(self, number: int, box: Box, size: int) -> TextFrame:
        """Return the frame of slide number `number` in `box` at `size` (EMU), right-aligned:
        what Fitter.frame gives, without measuring each number (perf, issue 15). A number of
        k digits takes one line when k of the widest digit do (each digit is Latin text whose
        width rounds up or down with its advance), and a one-line paragraph's frame differs
        from another's only by its runs (Fitter.one_line); else it goes the full path."""
        fit, text = self.fit, str(number)
        para = Para((Run(text, field="slidenum"),), "footer", align="right")
        key = (len(text), box, size)
        if key not in self.digits:
            style, face = fit.theme.text["footer"], fit.theme.face("footer")
            widest = max("0123456789", key=lambda d: advances(d, face, 1, style.bold, style.italic)[0])
            like = Para((Run(widest * len(text), field="slidenum"),), "footer", align="right")
            one = fit.one_line(like, size, box.w - 2 * fit.inset("footer"))
            self.digits[key] = self._number_frame(like, box, size) if one else None
        like_frame = self.digits[key]
        if like_frame is None or lone_last(text):  # never for digits; as Fitter.one_line asks
            return self._number_frame(para, box, size)
        return replace(like_frame, paragraphs=(replace(like_frame.paragraphs[0], runs=para.runs),))

    def _number_frame(self, para: Para, box: Box, size: int) -> TextFrame:
        return self.fit.frame([para], box, {"footer": size}, name="Slide Number", slot="number")

    def source_line(self, slide: m.Slide) -> TextFrame | None:
        """Return the slide's source and citation numbers as one small frame at y = 0 (the
        caller places it), or None when it has neither."""
        fit = self.fit
        parts = []
        if slide.source:
            parts.append(self.words["source"] + slide.source)
        if slide.cite:
            nums = sorted({self.numbers[c.key] for c in slide.cite if c.key in self.numbers})
            if nums:
                parts.append("".join(f"[{n}]" for n in nums))
        if not parts:
            return None
        text = self.words["sep"].join(parts)
        box = Box(self.inner.x, 0, self.inner.w, 0)
        size = fit.size("source")
        h = fit.pitch(size) * fit.lines(Para(plain(text), "source"), size, box.w) + 2 * fit.inset("source")
        para = Para(plain(text), "source")
        return fit.frame([para], Box(box.x, 0, box.w, h), {"source": size}, name="Source", slot="source")

    def takeaway(self, rich: m.Rich, bottom: int, where: Where) -> tuple[list, list[Problem]]:
        """Return the takeaway's accent bar and frame ending at `bottom` (EMU), in at most two
        lines, shrunk as needed, and its problems; no elements and an error when it does not fit."""
        fit, inner, t = self.fit, self.inner, self.fit.theme
        bar_w = t.rule_width * 3
        x = inner.x + takeaway_offset(fit)
        w = inner.w - (x - inner.x)
        para = Para(runs_of(rich), "takeaway")
        for k in range(fit.max_steps(["takeaway"]) + 1):
            size = fit.size("takeaway", k)
            lines = fit.lines(para, size, w - 2 * fit.inset("takeaway"))
            if lines <= 2:
                h = lines * fit.pitch(size) + 2 * fit.inset("takeaway")
                box = Box(x, bottom - h, w, h)
                frame = fit.frame([para], box, {"takeaway": size}, name="Takeaway", anchor="middle", slot="takeaway")
                bar = Shape(Box(inner.x, bottom - h, bar_w, h), "rect", fill="accent", name="Takeaway Bar")
                return [bar, frame], fit.shrunk(where, "the takeaway", "takeaway", size)
        return [], [where.error("L105", "the takeaway does not fit in two lines; shorten it to one sentence")]

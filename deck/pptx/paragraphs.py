"""Laid-out paragraphs as DrawingML text: spelt out in text boxes, table cells and notes; in a
placeholder, only what differs from the level it inherits.

A placeholder's paragraph takes the level of its bullet depth (a bulleted placeholder: • is
level 1, – level 2) or of its text role (the quote's attribution is its second level). What
the fitter set as that level says — size, line pitch, space before, margins, bullet, colour,
font, weight — is left out; a shrunk size, a paragraph without the level's bullet, strong or
linked text is written. Space before the first paragraph is left as inherited: PowerPoint
and LibreOffice never add it there. Every run carries its language (deck.pptx.lang).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import count

from deck.frozen import field, frozen, replace
from deck.layout.masters import BULLETS
from deck.layout.page import Paragraph, Run
from deck.pptx.lang import language_runs
from deck.pptx.styles import bullet_xml
from deck.pptx.text import (
    ALIGN,
    body_pr_xml,
    centipoints,
    font_refs,
    margins,
    paragraph_props_xml,
    run_props_xml,
    scheme_name,
    stable_guid,
    xml_attr,
    xml_text,
)
from deck.theme import Theme
from deck.theme.model import Level


@frozen
class Look:
    """How a frame's text is set: size and line pitch (EMU), font and colour roles, weight."""

    size: int
    line_pitch: int
    font: str
    color: str
    lang: str
    bold: bool = False
    italic: bool = False


@frozen
class Writer:
    """Writes one part's paragraphs: `link(url)` gives a hyperlink's relationship id,
    `field_id()` a stable GUID per slide-number field, `east_asian` the language of Han
    text in a deck that is not CJK."""

    theme: Theme
    link: Callable[[str], str]
    field_id: Callable[[], str]
    east_asian: str
    # run properties written, by all they are written from (and each look, by itself, so that
    # equal looks are one object, found by identity): runs share a few, so the writers of one
    # package's parts may share one memo (perf, issue 15)
    props: dict = field(default_factory=dict, compare=False, repr=False)

    def _same(self, look: Look) -> Look:
        """Return the one Look equal to `look` this writer's memo holds (`look`, the first time)."""
        return self.props.setdefault(look, look)

    def body(self, tag: str, paragraphs, look: Look, *, inset: int | None, anchor: str, wrap: bool = True) -> str:
        """Return a text body with every property spelt out: `p:txBody` for shapes,
        `a:txBody` for table cells (whose insets are the cell's margins: `inset=None`
        writes a bare `a:bodyPr`)."""
        body_pr = "<a:bodyPr/>" if inset is None else body_pr_xml(inset, anchor, wrap)
        paragraphs = paragraphs or (Paragraph(runs=()),)
        look = self._same(look)
        pars = "".join(
            self.paragraph(p, look, after_narrowed=i > 0 and paragraphs[i - 1].narrow > 0)
            for i, p in enumerate(paragraphs)
        )
        return f"<{tag}>{body_pr}<a:lstStyle/>{pars}</{tag}>"

    def placeholder_body(
        self, paragraphs, look: Look, body_pr: str, levels: tuple[Level, ...], weighted: bool = False
    ) -> str:
        """Return `p:txBody` of a placeholder whose paragraph levels are `levels` (outermost
        first): each paragraph written as what differs from its level. With `weighted`, each
        run states its weight even where it inherits it: LibreOffice shows a footer
        placeholder whose runs carry no character property as its own footer field, in its
        default font; one property keeps it the placeholder it is."""
        look = self._same(look)
        pars = "".join(
            self.paragraph(p, look, levels, i == 0, weighted, i > 0 and paragraphs[i - 1].narrow > 0)
            for i, p in enumerate(paragraphs)
        )
        return f"<p:txBody>{body_pr}<a:lstStyle/>{pars}</p:txBody>"

    def paragraph(
        self,
        par: Paragraph,
        look: Look,
        levels: tuple[Level, ...] = (),
        first: bool = False,
        weighted: bool = False,
        after_narrowed: bool = False,
    ) -> str:
        """Return `a:p` for a laid-out paragraph: every property, or over `levels` only what
        differs from the level the paragraph takes (and, `weighted`, each run's weight).
        `after_narrowed`: the paragraph before had its lines narrowed, so this one's margins
        are written even where they are the default (LibreOffice carries a margin over)."""
        own = _own_look(par, look)
        look = look if own is look else self._same(own)
        n = outline_level(par, levels) if levels else 0
        base = levels[min(n, len(levels) - 1)] if levels else None
        props = _paragraph_props(par, look, base, n, first, after_narrowed)
        out = ["<a:p>", props]
        for run in par.runs:
            out.append(self._run(run, look, base, weighted))
        out.append(self._run_props("a:endParaRPr", look, base, look.lang))
        out.append("</a:p>")
        return "".join(out)

    def _run(self, run: Run, look: Look, base: Level | None, weighted: bool = False) -> str:
        rid = self.link(run.link) if run.link else None
        run_look = look
        if run.color or run.link or run.code or run.bold or run.italic:  # else the paragraph's look as it is
            run_look = self._same(
                replace(
                    look,
                    color=run.color or ("link" if run.link else look.color),
                    font="code" if run.code else look.font,
                    bold=run.bold or look.bold,
                    italic=run.italic or look.italic,
                )
            )
        if run.field == "slidenum":
            rpr = self._run_props("a:rPr", run_look, base, look.lang, rid)
            return f'<a:fld id="{self.field_id()}" type="slidenum">{rpr}<a:t>{xml_text(run.text)}</a:t></a:fld>'
        if run.field is not None:
            raise ValueError(f"unknown text field {run.field!r}")
        out = []
        for n, line in enumerate(run.text.split("\n") if "\n" in run.text else (run.text,)):
            if n:
                out.append(f"<a:br>{self._run_props('a:rPr', run_look, base, look.lang)}</a:br>")
            for piece, lang in language_runs(line, look.lang, self.east_asian):
                rpr = self._run_props("a:rPr", _upright(run_look, run, lang), base, lang, rid, weighted)
                out.append(f"<a:r>{rpr}<a:t>{xml_text(piece)}</a:t></a:r>")
        return "".join(out)

    def _run_props(
        self, tag: str, look: Look, base: Level | None, lang: str, rid: str | None = None, weighted: bool = False
    ) -> str:
        key = (tag, look, base, lang, rid, weighted)
        xml = self.props.get(key)
        if xml is None:
            xml = self.props[key] = self._new_run_props(tag, look, base, lang, rid, weighted)
        return xml

    def _new_run_props(
        self, tag: str, look: Look, base: Level | None, lang: str, rid: str | None, weighted: bool
    ) -> str:
        alt = look.lang if lang != look.lang else None
        ea = self._other_face(look.font, lang) if alt else None
        if base is None:
            return run_props_xml(
                tag,
                lang=lang,
                size=look.size,
                color=look.color,
                font=look.font,
                theme=self.theme,
                bold=look.bold,
                italic=look.italic,
                link_rid=rid,
                alt_lang=alt,
                ea=ea,
            )
        attrs = f' lang="{xml_attr(lang)}"' + (f' altLang="{xml_attr(alt)}"' if alt else "")
        if look.size != base.size:
            attrs += f' sz="{centipoints(look.size)}"'
        if weighted or look.bold != base.bold:
            attrs += f' b="{int(look.bold)}"'
        if look.italic != base.italic:
            attrs += f' i="{int(look.italic)}"'
        if rid:
            attrs += ' u="sng"'
        inner = ""
        if look.color != base.color:
            inner += f'<a:solidFill><a:schemeClr val="{scheme_name(look.color)}"/></a:solidFill>'
        if look.font != base.font:
            latin, own, cs = (xml_attr(f) for f in font_refs(look.font, self.theme))
            own = xml_attr(ea) if ea else own
            inner += f'<a:latin typeface="{latin}"/><a:ea typeface="{own}"/><a:cs typeface="{cs}"/>'
        elif ea:
            inner += f'<a:ea typeface="{xml_attr(ea)}"/>'
        if rid:
            inner += f'<a:hlinkClick r:id="{xml_attr(rid)}"/>'
        return f"<{tag}{attrs}>{inner}</{tag}>" if inner else f"<{tag}{attrs}/>"

    def _other_face(self, font: str, lang: str) -> str | None:
        """Return the East Asian face of text in `lang`, another language than the frame's,
        where it is not the theme's (Japanese in a Chinese deck: Noto Sans CJK JP), else None.
        LibreOffice draws a run in its `a:ea` face whatever its language; PowerPoint too."""
        face = self.theme.fonts[font]
        own = face.regional(lang).ea
        return own if own != face.ea else None


def _upright(look: Look, run: Run, lang: str) -> Look:
    """Return the look of a stretch of `run` in language `lang`: Chinese, Japanese and Korean
    text is never slanted (viewers only fake italics for CJK faces); emphasis there is bold."""
    if not look.italic or lang.split("-")[0].lower() not in ("zh", "ja", "ko"):
        return look
    return replace(look, italic=False, bold=look.bold or run.italic)


def field_ids(scope: str, key: str) -> Callable[[], str]:
    """Return a source of GUIDs for a part's fields, stable for its scope, key and position."""
    numbers = count(1)
    return lambda: stable_guid(scope, key, next(numbers))


def _own_look(par: Paragraph, look: Look) -> Look:
    """Return the frame's look with the paragraph's own size, pitch, font, colour, weight."""
    if par.size or par.line_pitch or par.font or par.color or par.bold is not None or par.italic is not None:
        return replace(
            look,
            size=par.size or look.size,
            line_pitch=par.line_pitch or look.line_pitch,
            font=par.font or look.font,
            color=par.color or look.color,
            bold=look.bold if par.bold is None else par.bold,
            italic=look.italic if par.italic is None else par.italic,
        )
    return look


def outline_level(par: Paragraph, levels: tuple[Level, ...]) -> int:
    """Return the placeholder level (0-based) paragraph `par` takes: in a bulleted
    placeholder its bullet depth less one (a paragraph without a bullet at the outer level),
    else the first level set in its text role (else the outer one)."""
    if levels[0].bullet is not None:
        return max(par.level - 1, 0)
    return next((i for i, level in enumerate(levels) if level.role == par.role), 0)


def _paragraph_props(par: Paragraph, look: Look, base: Level | None, n: int, first: bool, reset: bool = False) -> str:
    """Return `a:pPr`: every property without `base`; else its level `n` (0-based) and
    what differs from the level's properties `base`."""
    if base is None:
        return paragraph_props_xml(
            "a:pPr",
            level=par.level,
            margin=par.indent,
            line_pitch=look.line_pitch,
            space_before=par.space_before,
            align=par.align,
            narrow=par.narrow,
            reset=reset,
        )
    bullet = BULLETS[min(par.level, 2)] if par.level else None
    indent = -(par.indent // par.level) if par.level else 0
    left, right = margins(par.indent, par.narrow, par.align)
    attrs = ""
    if left != base.margin or reset:
        attrs += f' marL="{left}"'
    if right or reset:
        attrs += f' marR="{right}"'
    if n:
        attrs += f' lvl="{n}"'
    if indent != base.indent:
        attrs += f' indent="{indent}"'
    if par.align != base.align:
        attrs += f' algn="{ALIGN[par.align]}"'
    inner = ""
    if look.line_pitch != base.line_pitch:
        inner += f'<a:lnSpc><a:spcPts val="{centipoints(look.line_pitch)}"/></a:lnSpc>'
    if not first and par.space_before != base.space_before:
        inner += f'<a:spcBef><a:spcPts val="{centipoints(par.space_before)}"/></a:spcBef>'
    if bullet != base.bullet:
        inner += bullet_xml(bullet, "primary" if bullet else None)
    if not attrs and not inner:
        return ""
    return f"<a:pPr{attrs}>{inner}</a:pPr>" if inner else f"<a:pPr{attrs}/>"

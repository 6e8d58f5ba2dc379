"""The `code` kind: a code block in the theme's code font, coloured by Pygments, never wrapped.

Each source line is one paragraph, tabs expanded to four columns. Token colours are palette
roles (keywords in `primary`, names of functions and classes in `accent`, strings in
`series3`, numbers in `series4`, comments in `muted`, the rest in `text`), written as scheme
colours, so the theme — or PowerPoint's Design tab — recolours the code. The block shrinks
to the theme's minimum to keep every line whole; a line that is still too long is an error
naming it.
"""

from __future__ import annotations

from deck import model as m
from deck.fields import INVALID, Field, Record
from deck.frozen import frozen, replace
from deck.kinds.base import CAPTION, Kind, plain_text
from deck.layout.blocks import Area, Body, Laid, caption_below, frames_shrunk, under
from deck.layout.fit import Fitter, Para
from deck.layout.page import Box, Run
from deck.problems import Code, cut
from deck.theme import Role

TAB = 4  # columns a tab expands to
PLAIN = ("text", "plain", "none")  # languages that mean "no colouring"
# Pygments token types (their first names, most specific first) → palette roles.
TOKEN_COLORS = (
    ("Comment", "muted"),
    ("Keyword", "primary"),
    ("Name.Function", "accent"),
    ("Name.Class", "accent"),
    ("Name.Decorator", "accent"),
    ("Name.Builtin", "primary"),
    ("Literal.String", "series3"),
    ("Literal.Number", "series4"),
    ("Literal", "series4"),
)


@frozen
class CodeBlock:
    language: str
    lines: tuple[tuple[Run, ...], ...]  # one tuple of coloured runs per source line
    caption: m.Rich | None


SPEC = Record(
    "code block",
    {
        "language": Field(
            plain_text("a Pygments language name: python, yaml, bash, json, text …", 40),
            True,
            "the language, for colouring (`text` for none)",
        ),
        "text": Field(plain_text("the code, exactly as typed (a `|` block keeps its lines)", 6000), True, "the code"),
        "caption": CAPTION,
    },
)

ROLES = {"code_block": Role("code blocks", 18, 12, font="code")}

CODES = {
    "K231": Code(
        "unknown-code-language",
        "a code block names a language Pygments does not know",
        "The `language` of a code block picks how it is coloured; it must be a name or alias that "
        "Pygments knows (python, yaml, bash, json, javascript, rust …), or `text` for no colouring.",
        "- title: Code\n  code:\n    language: pyhton\n    text: print('hi')",
        "Fix the name (the message suggests the closest one), or write `text`.",
    ),
    "K232": Code(
        "code-line-too-long",
        "a line of a code block is too wide even at the smallest size",
        "Code is never wrapped: a wrapped line reads as two statements. The block shrinks to the "
        "theme's minimum code size to keep every line whole; a line that is still wider than the "
        "slide cannot be shown.",
        "- title: Code\n  code:\n    language: python\n    text: |\n"
        "      result = fit(argument_one, argument_two, argument_three, …)",
        "Break the line as the language allows, or shorten names; the message names the line.",
    ),
    "K233": Code(
        "code-too-tall",
        "a code block has more lines than fit the slide",
        "A code block is shown whole on one slide, at one size for every line.",
        "- title: Code\n  code:\n    language: python\n    text: |\n      …60 lines…",
        "Show the lines that matter, or split the code over two slides.",
    ),
}


def build(value: dict, node, ctx, folder) -> CodeBlock:
    """Return the code block with its lines coloured, or INVALID after recording an unknown language."""
    language = value["language"].strip()
    where = node.get("language").where if hasattr(node, "get") and node.get("language") is not None else node.where
    source = value["text"].expandtabs(TAB).rstrip("\n")
    lines = _coloured(source, language)
    if lines is None:
        import difflib  # only an unknown language needs it

        names = _language_names()
        close = difflib.get_close_matches(language.lower(), names, n=1)
        hint = f"; did you mean `{close[0]}`?" if close else "; write `text` for no colouring"
        return ctx.error(where, "K231", f"unknown code language `{cut(language, 40)}`{hint}")
    caption = value.get("caption")
    return CodeBlock(language, lines, caption) if caption is not INVALID else INVALID


def _coloured(source: str, language: str) -> tuple[tuple[Run, ...], ...] | None:
    """Return `source` as coloured runs per line, or None when `language` is unknown."""
    if language.lower() in PLAIN:
        return tuple((Run(line),) if line else () for line in source.split("\n"))
    from pygments import lex  # imported only for decks with code
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        lexer = get_lexer_by_name(language.lower(), stripnl=False, ensurenl=False, tabsize=TAB)
    except ClassNotFound:
        return None
    lines: list[list[Run]] = [[]]
    for token, text in lex(source, lexer):
        color = _color(str(token))
        for i, part in enumerate(text.split("\n")):
            if i:
                lines.append([])
            if part:
                line = lines[-1]
                if line and line[-1].color == color:
                    line[-1] = Run(line[-1].text + part, color=color)
                else:
                    line.append(Run(part, color=color))
    return tuple(tuple(line) for line in lines)


def _color(token: str) -> str | None:
    """Return the palette role of a Pygments token type (`Token.Keyword.Constant`), or None
    for the block's own colour."""
    name = token.removeprefix("Token.")
    for prefix, role in TOKEN_COLORS:
        if name == prefix or name.startswith(prefix + "."):
            return role
    return None


def _language_names() -> list[str]:
    from pygments.lexers import get_all_lexers

    return sorted({alias for _, aliases, _, _ in get_all_lexers() for alias in aliases} | set(PLAIN))


def lay_out(content: CodeBlock, area: Area, fit: Fitter) -> Laid:
    """Return the block on a card as tall as its lines, at the largest size at which every
    line is whole and all lines fit, with no space between lines, the caption under it; an
    error naming the longest line when no size does."""
    box, caption, problems = caption_below(content.caption, area, fit)
    paras = [Para(runs, "code_block") for runs in content.lines]
    inset = fit.size("code_block") // 2  # a card with room around the code
    width = box.w - 2 * inset
    for k in range(fit.max_steps(["code_block"]) + 1):
        size = fit.size("code_block", k)
        whole = all(fit.lines(p, size, width) <= 1 for p in paras)
        height = len(paras) * fit.pitch(size) + 2 * inset
        if whole and height <= box.h:
            card = Box(box.x, box.y, box.w, height)
            frame = fit.frame(paras, card, {"code_block": size}, name="Code", fill="surface", inset=inset)
            frame = replace(frame, paragraphs=tuple(replace(p, space_before=0) for p in frame.paragraphs), wrap=False)
            shrunk = frames_shrunk([frame], area.where, fit, "the code")
            return [Body((frame, *under(caption, card, fit)))], problems + shrunk
    size = fit.size("code_block", 99)
    too_wide = [i for i, p in enumerate(paras) if fit.lines(p, size, width) > 1]
    if too_wide:
        longest = max(too_wide, key=lambda i: len("".join(r.text for r in paras[i].runs)))
        text = "".join(r.text for r in paras[longest].runs).strip()
        message = (
            f"line {longest + 1} of the code is too wide for the slide even at the smallest size "
            f"(`{cut(text, 50)}`); break it, or shorten names — code is never wrapped"
        )
        return [Body(())], [*problems, area.where.error("K232", message)]
    message = f"the code's {len(paras)} lines do not fit the slide even at the smallest size; show fewer lines"
    return [Body(())], [*problems, area.where.error("K233", message)]


KIND = Kind(
    SPEC,
    build,
    lay_out,
    "a code block, syntax-coloured, never wrapped",
    "the code as `{language: …, text: |…}`",
    roles=ROLES,
    codes=CODES,
)

"""YAML's traps explained: characters an outline may not hold, and parse errors turned into advice."""

from __future__ import annotations

import re

from deck.problems import Problem, Where, cut

# Characters a slide cannot hold, or that would make our line numbers disagree with an editor's:
# C0 controls but tab and line breaks, DEL, C1 controls (XML 1.0 allows them, but they are
# invisible, PowerPoint drops or garbles them, and they are usually text decoded with the wrong
# encoding), NEL, LS and PS (YAML counts them as line breaks, editors do not), surrogates and
# the non-characters U+FFFE and U+FFFF (XML cannot hold them).
_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def find_bad_character(text: str, start: int) -> int:
    """Return the index of the first character from `start` that an outline may not hold, or -1."""
    match = _BAD.search(text, start)
    return match.start() if match else -1


def bad_character(char: str) -> str:
    """Return the message for a raw `char` that an outline may not hold."""
    code = ord(char)
    if code in (0x2028, 0x2029):
        name = "line" if code == 0x2028 else "paragraph"
        return (
            f"{name} separator U+{code:04X} (pasted from a web page or a PDF?) is not allowed: YAML "
            "reads it as a line break but editors do not; replace it with a normal line break"
        )
    if code in (0xFFFE, 0xFFFF):
        return f"U+{code:04X} is not a character (XML cannot hold it); delete it"
    if 0xD800 <= code <= 0xDFFF:
        return f"U+{code:04X} is half of a UTF-16 surrogate pair, not a character; delete it"
    if 0x80 <= code <= 0x9F:
        return (
            f"control character U+{code:04X} is not allowed in an outline (a C1 control, usually text "
            "pasted with the wrong encoding); delete it, and check the text around it"
        )
    return f"control character U+{code:04X} is not allowed in an outline (most editors do not show it); delete it"


def line_col(text: str, index: int) -> tuple[int, int]:
    """Return the 1-based line and column (in characters) of `text[index]`, counting `\\r\\n`,
    `\\r` and `\\n` as line breaks, as YAML does."""
    line, start = 1, 0
    for match in _LINE_BREAK.finditer(text, 0, index):
        line, start = line + 1, match.end()
    return line, index - start + 1


_FOLDED_DASH = re.compile(r"(?:\r\n|\r|\n)[ \t]*(-)(?=[ \t\r\n]|$)")  # a line that starts with `- `


def folded_dash(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Return `(lines below the first, column)` of the first line of the plain value
    `text[start:end]` that starts with `- `, or None. YAML folds such a line into the text above
    (`alpha` over `  - beta` reads `alpha - beta`); it was most often meant as a list item,
    indented too far."""
    dash = _FOLDED_DASH.search(text, start, end)
    if dash is None:
        return None
    at = dash.start(1)
    return len(_LINE_BREAK.findall(text, start, at)), at - max(text.rfind("\n", 0, at), text.rfind("\r", 0, at))


def folded_dash_message(value: str) -> str:
    """Return the warning for a `- ` line folded into the plain value `value`."""
    return (
        f"YAML reads this `- ` line as more of the text above (`{cut(value, 40)}`), as it is indented "
        "under that text; for a list item, line the `- ` up with the items above (sub-bullets: "
        "`- text: …` with `bullets:` under it); to keep the dash as text, quote the value"
    )


_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[xuU]|.)", re.S)
_SIMPLE = {
    "0": "\0",
    "a": "\x07",
    "b": "\x08",
    "v": "\x0b",
    "f": "\x0c",
    "e": "\x1b",
    "N": "\x85",
    "L": "\u2028",
    "P": "\u2029",
}


def bad_escapes(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """Return `(index, message)` for each escape in the double-quoted value `text[start:end]`
    that makes a character a slide cannot hold."""
    out: list[tuple[int, str]] = []
    after = start
    for match in _ESCAPE.finditer(text, start, end):
        message = escape_problem(text, match.start()) if match.start() >= after else None
        if message:
            out.append((match.start(), message))
            after = match.end() + (len(_ESCAPE.match(text, match.end()).group(0)) if "pair" in message else 0)
    return out


def escape_problem(text: str, index: int) -> str | None:
    """Return what is wrong with the escape whose backslash is `text[index]`, or None if it
    makes a character a slide can hold."""
    match = _ESCAPE.match(text, index)
    body = match.group(1) if match else ""
    shown = f"\\{cut(body or text[index + 1 : index + 2], 12)}"
    if body and body[0] in "xuU" and len(body) > 1:
        code = int(body[1:], 16)
    elif body and body in "xuU":
        digits = {"x": 2, "u": 4, "U": 8}[body]
        return (
            f"the escape `{shown}` needs {digits} hex digits; in double quotes write a backslash as `\\\\`, "
            "or use single quotes ('…')"
        )
    elif body in _SIMPLE:
        code = ord(_SIMPLE[body])
    elif body in _ALLOWED:
        return None
    else:
        return (
            f"`{shown}` is not an escape YAML knows; in double quotes write a backslash as `\\\\`, "
            "or use single quotes ('…')"
        )
    if code > 0x10FFFF:
        return f"the escape `{shown}` is beyond the last Unicode character, U+10FFFF; fix the number"
    pair = _ESCAPE.match(text, match.end())
    if 0xD800 <= code <= 0xDBFF and pair and re.fullmatch(r"u[Dd][C-Fc-f][0-9A-Fa-f]{2}", pair.group(1)):
        joined = chr(0x10000 + ((code - 0xD800) << 10) + (int(pair.group(1)[1:], 16) - 0xDC00))
        return (
            f"the escapes `{shown}{pair.group(0)}` are a UTF-16 surrogate pair, which YAML does not "
            f"accept; write the character itself ({joined}) or the one escape `\\U{ord(joined):08X}`"
        )
    if 0xD800 <= code <= 0xDFFF:
        return (
            f"the escape `{shown}` makes a lone surrogate U+{code:04X}, which is not a character; remove "
            "it (a character beyond U+FFFF is written `\\U` and 8 hex digits)"
        )
    if find_bad_character(chr(code), 0) >= 0:
        return f"the escape `{shown}` makes control character U+{code:04X}, which a slide cannot show; remove it"
    return None


_ALLOWED = {"t", "\t", "n", "r", " ", '"', "/", "\\", "_", "\n", "\r"}


def explain_reader_error(exc, text: str, shown: str, bytes_offset: bool) -> Problem:
    """Return a located problem for a reader error (a character YAML refuses): PyYAML gives
    its position in characters, libyaml in bytes of the UTF-8 text."""
    position = exc.position
    if bytes_offset:
        position = len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))
    position = max(0, min(position, len(text) - 1))
    line, col = line_col(text, position)
    char = text[position] if text else ""
    message = (
        bad_character(char)
        if find_bad_character(char, 0) >= 0
        else f"YAML cannot read the character U+{exc.character:04X} here; delete it"
    )
    return Where(shown, line, col).error("S104", message)


_VALUE_START = {  # a value's first character → (code, message) when text follows the value's end
    "*": (
        "S113",
        "a value starting with `*` is read by YAML as an alias, so the text after it is not allowed; "
        "put the whole value in quotes, e.g. {example}",
    ),
    "[": (
        "S114",
        "a value starting with `[` is read by YAML as a list, so the text after its `]` is not allowed; "
        'put the whole value in quotes, e.g. "[NRM] was first"',
    ),
    "{": (
        "S114",
        "a value starting with `{{` is read by YAML as a mapping, so the text after its `}}` is not "
        'allowed; put the whole value in quotes, e.g. "{{x}} marks it"',
    ),
    '"': (
        "S114",
        "a quoted value ends at its closing quote, so the text after it is not allowed; quote the whole "
        "value with the other kind of quote, e.g. '\"Attention\" is all you need'",
    ),
    "'": (
        "S114",
        "a quoted value ends at its closing quote, so the text after it is not allowed; quote the whole "
        "value with the other kind of quote, e.g. \"'Attention' is all you need\"",
    ),
}
_STRAY = (
    "expected <block end>",
    "did not find expected '-' indicator",
    "did not find expected key",
    "expected ',' or ']'",
    "expected ',' or '}'",
    "did not find expected ',' or",
)


def explain_parse_error(exc, text: str, shown: str, last) -> Problem:
    """Turn PyYAML's (or libyaml's) words into a located explanation of what to change.

    `last` is the start mark of the value read just before the error, if any: a value that
    starts with `*`, `[`, `{` or a quote and goes on with more text fails only after it.
    """
    mark = exc.problem_mark or exc.context_mark
    problem, context = exc.problem or "", exc.context or ""
    line_text = _line(text, mark.line)
    char = line_text[mark.column] if mark.column < len(line_text) else ""
    context_char = _char_at(text, exc.context_mark)

    def at(where_mark, code: str, message: str) -> Problem:
        return Where(shown, where_mark.line + 1, where_mark.column + 1).error(code, message)

    if char == "\t" or "tab" in problem:
        col = line_text.find("\t")
        if col >= 0:
            mark = _Mark(mark.line, col)
        return at(
            mark, "S116", "a tab is used for indentation; YAML allows only spaces here (replace the tab with spaces)"
        )
    if "mapping values are not allowed" in problem:
        return at(
            mark,
            "S117",
            "`: ` here would start a mapping inside a plain value; put the whole value in quotes "
            '("…") or, in Chinese text, use the full-width `：`',
        )
    if "alias" in context and context_char == "*":
        example = '"**strong** text"' if _char_at(text, exc.context_mark, 1) == "*" else '"*emphasis* text"'
        return at(
            exc.context_mark,
            "S113",
            f"a value starting with `*` is read by YAML as an alias; put the whole value in quotes, e.g. {example}",
        )
    if "cannot start any token" in problem:
        shown_char = "`` ` ``" if char == "`" else f"`{char}`"
        return at(
            mark, "S118", f"YAML does not allow a plain value to start with {shown_char}; put the whole value in quotes"
        )
    if "block scalar" in context and context_char in "|>":
        return at(
            exc.context_mark,
            "S119",
            f"a value starting with `{context_char}` is a block of text on the lines "
            "below, so nothing may follow it on this line; put the whole value in quotes, or move "
            "its text to the next line, indented",
        )
    if "end of stream" in problem and "quoted" in context:
        return at(exc.context_mark, "S120", "a quoted value is never closed; add the closing quote")
    if ("escape" in problem or "hexdecimal" in problem) and "quoted" in context:
        back = _line_start(text, mark.line) + line_text.rfind("\\", 0, mark.column + 1)
        message = escape_problem(text, back) or f"not valid YAML: {cut(problem, 120)}"
        line, col = line_col(text, back)
        return Where(shown, line, col).error("S111", message)
    if "undefined tag handle" in problem:
        return at(mark, "S112", "a value starting with `!` is read by YAML as a tag; put the whole value in quotes")
    if any(s in problem for s in _STRAY):
        start = _char_at(text, last) if last is not None and last.line == mark.line else ""
        first = len(line_text) - len(line_text.lstrip(" "))
        if start in _VALUE_START and mark.column > first:
            example = '"**strong** text"' if _char_at(text, last, 1) == "*" else '"*emphasis* text"'
            code, message = _VALUE_START[start]
            return at(last, code, message.format(example=example))
        if "','" in problem and exc.context_mark is not None:
            return _unclosed_flow(exc.context_mark, mark, text, shown)
        return at(
            mark,
            "S121",
            "bad indentation: this line does not line up with the entries around it; "
            "indent it like its siblings (spaces only)",
        )
    if "maximum nesting depth" in problem:
        return at(mark, "S107", "values are nested too deeply (more than 1,000 brackets); flatten them")
    if "could not find expected ':'" in problem:
        if exc.context_mark is not None and mark.index - exc.context_mark.index > 1000:
            return at(
                exc.context_mark,
                "S110",
                "a key may be at most 1,024 characters long in YAML, and this one "
                "never ends with `: `; check the line (is a text missing its `- ` or its quotes?)",
            )
        return at(
            mark,
            "S124",
            "expected `key: value` here; check the indentation of this line and that quotes "
            "opened on an earlier line are closed",
        )
    if "block sequence entries are not allowed" in problem:
        return at(mark, "S125", "a list item `- ` cannot start here; put it on its own line, indented under its key")
    return at(mark, "S126", f"not valid YAML: {cut(problem or context, 120)}; check the quoting and indentation here")


def _unclosed_flow(start, stop, text: str, shown: str) -> Problem:
    """A `[…]` or `{…}` whose items run into something that is not `,` or its closing bracket;
    most often a ` #` that YAML read as a comment, hiding the rest of its line."""
    opening = text[start.index] if start.index < len(text) else "["
    closing = "]" if opening == "[" else "}"
    comment = re.search(r"(?<=[ \t])#", text[start.index : stop.index])
    if comment:
        line, col = line_col(text, start.index + comment.start())
        return Where(shown, line, col).error(
            "S122",
            "YAML reads ` #` as the start of a comment, which hides the rest of "
            f"this line (and any `,` or `{closing}` on it); put the item that holds `#` in quotes",
        )
    return Where(shown, start.line + 1, start.column + 1).error(
        "S123",
        f"this `{opening}` is not closed by a `{closing}` where YAML expected it; check the brackets "
        "and the commas, and quote any item that holds `,` `[` `]` `{` `}` or `: `",
    )


class _Mark:
    def __init__(self, line: int, column: int):
        self.line, self.column = line, column


def _line(text: str, line: int) -> str:
    lines = _LINE_BREAK.split(text)
    return lines[line] if 0 <= line < len(lines) else ""


def _char_at(text: str, mark, offset: int = 0) -> str:
    if mark is None:
        return ""
    index = getattr(mark, "index", -1) + offset
    return text[index] if 0 <= index < len(text) else ""


def _line_start(text: str, line: int) -> int:
    """Index of the first character of 0-based `line`."""
    start = 0
    for number, match in enumerate(_LINE_BREAK.finditer(text)):
        if number == line:
            break
        start = match.end()
    return start

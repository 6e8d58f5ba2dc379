"""Problem codes of this stage (S…): reading YAML: encodings, characters, syntax, limits and traps."""

from deck.problems import Code

CODES: dict[str, Code] = {
    "S101": Code(
        "unreadable-file",
        "the file cannot be read",
        "The outline or theme file exists but the system refused to read it: it is a folder, it lacks "
        "read permission, or the disk reported an error. The problem is located at the whole file (line 0).",
        "$ chmod a-r outline.yaml && deck check outline.yaml",
        "Make the file readable (check its permissions, and that it is a file, not a folder).",
    ),
    "S102": Code(
        "file-too-large",
        "the file is larger than an outline may be",
        "deck reads at most 2,000,000 bytes of an outline or theme file, so that a pasted data dump or "
        "the wrong file cannot exhaust memory. A real talk is far smaller.",
        "title: Talk\nslides: [ ...two megabytes of pasted data... ]",
        "Split the talk into several outlines, or remove the pasted data (put large tables in a picture "
        "or a linked file).",
    ),
    "S103": Code(
        "not-utf8",
        "the file is not saved as UTF-8",
        "Outlines are read as UTF-8 text. A file saved as UTF-16 or UTF-32 (Windows Notepad's "
        '"Unicode"; with or without a byte order mark, either byte order) is named as such, at line 1. '
        "A file in a legacy encoding such as Latin-1 or GBK has bytes that are not UTF-8; the problem "
        "points at the first one.",
        "title: Caf\\xe9   (the byte 0xE9: `é` saved as Latin-1)",
        'Save the file as UTF-8 in your editor ("Save with encoding" or "Reopen with encoding").',
    ),
    "S104": Code(
        "forbidden-character",
        "the file holds a character an outline may not hold",
        "Control characters (other than tab and line breaks), C1 controls, the line and paragraph "
        "separators U+2028/U+2029, lone surrogates and the non-characters U+FFFE/U+FFFF cannot be shown "
        "on a slide, or make YAML count lines differently from your editor. They usually come from text "
        "pasted from a PDF or a web page, or decoded with the wrong encoding.",
        "title: Talk\nslides:\n  - title: Ring<U+0007>   (an invisible control character, pasted from a PDF)",
        "Delete the character at the given place, and check the text around it.",
    ),
    "S105": Code(
        "empty-file",
        "the file is empty",
        "The file has nothing in it (or only comments), so there is no outline to read.",
        "# just a comment",
        "Write the outline: a mapping with at least `title` and `slides` (`deck new` writes a starter).",
    ),
    "S106": Code(
        "several-documents",
        "the file holds more than one YAML document",
        "A `---` line after the first value starts a second YAML document. An outline is one document; "
        "deck would otherwise silently ignore everything after the separator.",
        "title: Talk\nslides: []\n---\ntitle: Another talk",
        "Remove the `---` separator and what follows, or merge it into the one outline.",
    ),
    "S107": Code(
        "too-deeply-nested",
        "values are nested too deeply",
        "Lists and mappings may be nested at most 40 levels deep (counting levels that YAML aliases "
        "repeat). Deeper nesting is never a real outline, and reading it could exhaust the stack.",
        "slides: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
        "Flatten the values.",
    ),
    "S108": Code(
        "too-many-values",
        "the file holds more values than an outline may",
        "An outline may hold at most 50,000 values, counting each value a YAML alias repeats. This bounds "
        'what a small file can cost to read (a "billion laughs" file of nested aliases stops here).',
        "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n...",
        "Write repeated values out instead of through aliases, or split the talk.",
    ),
    "S109": Code(
        "value-too-long",
        "one value is longer than any value may be",
        "Any single value may have at most 20,000 characters (the longest field, `notes`, allows as "
        "much). Longer text is usually data pasted by mistake, and is refused before it is processed.",
        "notes: |\n  ...twenty-five thousand characters...",
        "Shorten the value, or split it over several slides.",
    ),
    "S110": Code(
        "key-too-long",
        "a key is longer than a key may be",
        "A key may have at most 200 characters (YAML itself stops at 1,024). A very long key is almost "
        "always text that YAML read as a key because of a `: ` inside it, or a line missing its `- ` or "
        "its quotes.",
        "slides:\n  - title: A\n    bullets:\n      - a long sentence that goes on and on ... and then: a colon",
        "If it is text, put it in quotes; else shorten the key.",
    ),
    "S111": Code(
        "bad-escape",
        "a backslash escape in double quotes is wrong",
        "In a double-quoted value YAML reads `\\` as the start of an escape. The escape may be unknown "
        "(`\\d`), lack its hex digits (`\\U` needs 8), name no character (beyond U+10FFFF, a lone or "
        "paired UTF-16 surrogate), or make a control character a slide cannot show (`\\a`, `\\0`).",
        'title: "C:\\Users\\me"',
        "Write a backslash as `\\\\` inside double quotes, or use single quotes ('C:\\Users\\me'); write a "
        "character beyond U+FFFF as itself or as `\\U` with 8 hex digits.",
    ),
    "S112": Code(
        "tag-not-allowed",
        "a YAML tag (`!…`) is used",
        "YAML reads a value starting with `!` as a tag that gives the value a type. Outlines use none "
        "(tags such as `!!python/object` can be dangerous in other tools), so the tag is refused.",
        "title: !important Talk",
        'If the `!` is part of the text, put the whole value in quotes ("!important Talk"); else remove the tag.',
    ),
    "S113": Code(
        "star-starts-alias",
        "a value starting with `*` is read as a YAML alias",
        "YAML reads a plain value that starts with `*` as an alias: a reference to a value marked "
        "`&name` earlier. Markdown emphasis at the start of a bullet (`*new*`, `**bold**`) therefore "
        "names an alias that does not exist, or is followed by text an alias cannot have.",
        "bullets:\n  - **Scale** is all you need",
        'Put the whole value in quotes: "**Scale** is all you need".',
    ),
    "S114": Code(
        "text-after-closed-value",
        "text follows a value that has already ended",
        "A value that starts with `[`, `{` or a quote ends at its closing `]`, `}` or quote; YAML does not "
        "allow more text after it on the same value.",
        "bullets:\n  - [NRM] was the first neural chatbot",
        "Put the whole value in quotes (using the other kind of quote if it holds one): "
        '"[NRM] was the first neural chatbot".',
    ),
    "S115": Code(
        "recursive-alias",
        "a YAML alias refers to the value it is inside",
        "An alias `*name` inside the value marked `&name` would make that value contain itself, "
        "endlessly. Outlines do not allow such recursion.",
        "a: &x [1, *x]",
        "Remove the alias, or write the value out.",
    ),
    "S116": Code(
        "tab-indentation",
        "a tab is used for indentation",
        "YAML allows only spaces for indentation; a tab where YAML expects indentation is an error, and "
        "it would look right in an editor that shows tabs as spaces.",
        "slides:\n\t- title: A",
        "Replace the tab with spaces (set your editor to indent YAML with spaces).",
    ),
    "S117": Code(
        "colon-in-plain-value",
        "`: ` inside a plain value would start a mapping",
        "In an unquoted value, a colon followed by a space makes YAML start a mapping (`key: value`). "
        "Where a mapping cannot start, this is a syntax error.",
        "slides:\n  - title: Scale: the first observation",
        'Put the whole value in quotes ("Scale: the first observation"), or in Chinese text use the full-width `：`.',
    ),
    "S118": Code(
        "reserved-first-character",
        "a plain value starts with a character YAML reserves",
        "YAML does not allow an unquoted value to start with `` ` `` or `@` (and reserves a few others), "
        "so inline code at the start of a bullet is a syntax error.",
        "bullets:\n  - `pip install deck` installs it",
        'Put the whole value in quotes: "`pip install deck` installs it".',
    ),
    "S119": Code(
        "text-after-block-indicator",
        "text follows `|` or `>` on the same line",
        "A value starting with `|` or `>` is a block of text written on the lines below it, indented; "
        "nothing but a comment may follow the indicator on its own line.",
        "bullets:\n  - > 100B parameters",
        'Put the whole value in quotes ("> 100B parameters"), or move its text to the next line, indented.',
    ),
    "S120": Code(
        "unclosed-quote",
        "a quoted value is never closed",
        "A value opened with `\"` or `'` runs until its closing quote; without one, YAML reads to the end "
        "of the file and fails there. The problem points at the opening quote.",
        'title: "Talk\nslides: []',
        "Add the closing quote.",
    ),
    "S121": Code(
        "bad-indentation",
        "a line does not line up with the entries around it",
        "YAML uses indentation to tell which entries belong together. This line is indented more or less "
        "than its siblings, so it belongs to nothing.",
        "slides:\n  - title: A\n    bullets: [a]\n   notes: n",
        "Indent the line like the entries it belongs with (spaces only).",
    ),
    "S122": Code(
        "comment-in-flow-list",
        "` #` inside `[…]` or `{…}` starts a comment",
        "In YAML a `#` after a space starts a comment that runs to the end of the line. Inside a "
        "bracketed list it hides the rest of the line, including the `,` or closing bracket.",
        "bullets: [Use C # here, done]",
        'Put the item that holds `#` in quotes: [ "Use C # here", done ].',
    ),
    "S123": Code(
        "unclosed-bracket",
        "a `[` or `{` is not closed where YAML expected",
        "The items of a bracketed list or mapping run into something that is neither a `,` nor the "
        "closing bracket: a missing bracket or comma, or an item holding `,`, `[`, `]`, `{`, `}` or `: ` "
        "without quotes.",
        "categories: [2022, 2023\nseries: {a: [1, 2]}",
        "Check the brackets and commas, and quote any item that holds `,` `[` `]` `{` `}` or `: `.",
    ),
    "S124": Code(
        "expected-key-value",
        "YAML expected `key: value` here",
        "Inside a mapping every line must be a `key: value` entry. This line is not: usually wrong "
        "indentation, a missing `: `, or a quote opened on an earlier line and never closed.",
        "slides:\n  - title: A\n    just some text",
        "Check this line's indentation, that it has `key: `, and that earlier quotes are closed.",
    ),
    "S125": Code(
        "misplaced-list-item",
        "a list item `- ` cannot start here",
        "A `- ` item must start its own line, indented under the key whose list it belongs to; here it "
        "follows a value on the same line or sits where a mapping entry is expected.",
        "bullets: - first point\n  - second point",
        "Put each `- ` item on its own line, indented under its key.",
    ),
    "S126": Code(
        "invalid-yaml",
        "the file is not valid YAML",
        "YAML could not read the file at this place, for a reason deck has no specific advice about. "
        "The message repeats YAML's own words.",
        "title: Talk\nslides: ]",
        "Check the quoting and indentation at the given place.",
    ),
    "S127": Code(
        "key-not-text",
        "a key is not a name written as text",
        "Keys of a mapping are names such as `title:`. A key that is empty, a list or a mapping (`? [a]`) "
        "cannot be a field name.",
        '"": value',
        "Write the key as a name, like `title:`.",
    ),
    "S128": Code(
        "merge-key",
        "a YAML merge key (`<<`) is used",
        "YAML's merge keys copy the entries of another mapping into this one. Outlines do not support "
        "them: the merged entries would have no place in the file to point problems at.",
        "defaults: &d {notes: n}\nslides:\n  - <<: *d\n    title: A",
        "Write the keys out in each mapping.",
    ),
    "S129": Code(
        "duplicate-key",
        "a key appears twice in one mapping",
        "YAML keeps only one value per key; most tools silently keep the last one, so one of the two "
        "values would be lost without a word. The message names the line of the first.",
        "title: Talk\ntitle: Another title",
        "Keep one of them (merge the two values if both matter).",
    ),
    "S130": Code(
        "aliases-repeat-too-much-text",
        "aliases repeat more text than a file may hold",
        "An alias (`*name`) repeats the value its anchor (`&name`) names. Counting every repeat, the "
        "outline's values may hold at most 2,000,000 characters of text: no more than a file within "
        "the size limit holds without aliases. Reading, checking and laying out text costs time for "
        "each repeat, so a small file of aliases to a long text could otherwise take minutes. The "
        "problem is located at the alias that goes over the limit.",
        'slides:\n  - title: A\n    text: t\n    notes: &n "…twenty thousand characters…"\n'
        "  - title: B\n    text: t\n    notes: *n\n  …and a hundred more slides with `notes: *n`",
        "Write the repeated text out once (say it on one slide, refer to it on the others), or use fewer aliases.",
    ),
    "S131": Code(
        "dash-folded-into-text",
        "a `- ` line is read as more of the text above (a warning)",
        "A plain (unquoted) value may go on over several lines; YAML joins them with spaces. A line that "
        "starts with `- ` but is indented further than the list item above is such a continuation, not "
        "a new item: `- alpha` over `  - beta` reads as the one text `alpha - beta`. This is most often "
        "a sub-bullet indented too far, or an item meant to line up with the ones above.",
        "bullets:\n  - alpha\n    - beta",
        "For a list item, line its `- ` up with the items above. For sub-bullets, write the item as "
        "`- text: alpha` with `bullets: [beta]` under it. To keep the dash as text, put the whole value "
        "in quotes.",
    ),
}

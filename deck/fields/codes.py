"""Problem codes of this stage (F and P…): values of the wrong shape, unknown and missing keys (F), and pictures (P)."""

from deck.problems import Code

FIELDS: dict[str, Code] = {
    "F101": Code(
        "wrong-type",
        "a value is text, a list or a mapping where another shape is expected",
        "Each key takes one shape of value: text, a list (items starting with `- `, or `[a, b]`), or a "
        "mapping (`key: value` lines). The value here has another shape; the message says which was "
        "expected and which was found.",
        "slides:\n  - title: Plan\n    text: Three steps.\n    notes: [say hello, say why]",
        "Write the value in the shape the message names (for a list: each item on its own line below "
        "the key, starting with `- `; for text over several lines: `|` after the key, the lines indented "
        "below it).",
    ),
    "F102": Code(
        "colon-makes-mapping",
        "text holds `: `, so YAML read it as a mapping",
        "In an unquoted value, a colon followed by a space makes YAML read `key: value`. A bullet such as "
        "`Scale: bigger is better` therefore becomes a mapping, not text.",
        "bullets:\n  - Scale: bigger is better",
        'Put the whole text in quotes ("Scale: bigger is better"), or in Chinese text use the full-width `：`.',
    ),
    "F103": Code(
        "empty-value",
        "a key or list item has nothing in it",
        'A key written with nothing after it (`notes:`), with `null` or `~`, or with blank text (`""`), '
        "and a list item written as a bare `- `, hold no value. deck does not guess what was meant.",
        "slides:\n  - title: A\n    text:\n    notes: n",
        "Write the value, or remove the line (a required key must be written).",
    ),
    "F104": Code(
        "unknown-key",
        "a mapping has a key it does not take",
        "Each mapping takes a fixed set of keys. A key outside the set is usually a typo, or a key that "
        "belongs one level up or down; deck refuses it rather than ignore it silently. The message "
        "suggests the closest known key.",
        "image:\n  path: figure.png\n  atl: A bar chart",
        "Fix the key's spelling (the message says `did you mean …?`), or move it where it belongs.",
    ),
    "F105": Code(
        "missing-key",
        "a mapping lacks a key it requires",
        "Some keys are required: a picture needs `alt` text for screen readers, a quote needs `text`, a "
        "theme needs each of its sections. The message names the key and what it holds.",
        "image:\n  path: figure.png",
        "Add the key, e.g. `alt: A bar chart of model sizes`.",
    ),
    "F106": Code(
        "too-few-items",
        "a list or mapping has fewer items than it needs",
        "Some lists need a least number of items: a chart at least one category, a timeline at least two "
        "events, columns at least two. An empty list (`[]`) or mapping (`{}`) has none.",
        'timeline:\n  - {when: "2015", what: The first neural chatbot}',
        "Add the items the message asks for, or choose a slide kind that fits fewer.",
    ),
    "F107": Code(
        "too-many-items",
        "a list or mapping has more items than fit",
        "Lists are bounded by what a slide can show legibly: at most six chart series (one colour "
        "each), eight table columns, three columns. The message says how to split them.",
        "columns:\n  - {heading: A, bullets: [a]}\n  ...four columns...",
        "Split the items over more slides, or merge some (the message says how for each kind).",
    ),
    "F108": Code(
        "text-too-long",
        "a text is longer than its field allows",
        "Each text field has a most number of characters: a slide title 200, a bullet far more. Longer "
        "text would not fit the slide at a readable size anyway.",
        "slides:\n  - title: <three hundred characters of title>",
        "Shorten the text, or split it (move detail into the notes).",
    ),
    "F109": Code(
        "not-a-number",
        "a number is expected",
        "Chart values and a few theme settings are numbers. The value here is text (`two`, `1,200`, "
        "`30%`), a list, or a mapping.",
        "series:\n  Users: [120, two]",
        "Write digits only, with `.` for decimals and no thousands separators or units (e.g. "
        "`175000000000` or `1.75e11`); say the unit in `unit:` or the title.",
    ),
    "F110": Code(
        "not-true-or-false",
        "`true` or `false` is expected",
        "Switches such as `hidden` take `true` or `false`. deck reads text exactly as typed, so `yes`, "
        "`no`, `on` and `off` are not switches.",
        "slides:\n  - title: A\n    text: b\n    hidden: maybe",
        "Write `true` or `false`.",
    ),
    "F111": Code(
        "unknown-choice",
        "a value is not one of the choices its key allows",
        "Some keys take one of a fixed set of words: a chart's `type`, a theme's slide size, a text "
        "role's font. The message lists the choices and suggests the closest.",
        "chart:\n  type: donut",
        "Write one of the listed choices; the message suggests the closest.",
    ),
    "F112": Code(
        "link-not-web-address",
        "a link's target is not a web address",
        "An inline link `[label](target)` becomes a clickable link in the deck; its target must be a full "
        "web or mail address. A relative path would point nowhere once the file is shared.",
        "bullets:\n  - See [the docs](docs/index.html)",
        "Write the target in full, starting with `https://` (or `http://`, `mailto:`).",
    ),
    "F113": Code(
        "comment-cuts-value",
        "a ` #` cut a value short (a warning)",
        "In YAML, ` #` after a space starts a comment, so an unquoted `Use C # here` is read as `Use C`. "
        "That is rarely what the writer meant, so deck warns (a comment meant as one usually has two "
        "spaces before `#`).",
        "bullets:\n  - Use C # for this part",
        'Quote the value to keep the rest ("Use C # for this part"), or put two spaces before a comment.',
    ),
    "F120": Code(
        "invisible-text",
        "a text holds only characters that show nothing",
        "The value is not empty, but nothing in it would show: zero-width spaces and joiners, a byte "
        "order mark, direction marks, Hangul fillers (U+3164, U+115F, U+1160, U+FFA0), variation "
        "selectors, mixed with white space or inline marks. A title of them looks blank on the slide "
        "and in PowerPoint's outline, and a screen reader reads nothing. They usually come from text "
        "pasted from a web page or a chat, or are a trick to pass a required key. (A value of white "
        "space alone is an empty value, F103.)",
        'slides:\n  - title: "\\u200b"\n    text: A slide whose title is a zero-width space.',
        "Write the text; delete the invisible characters (the message names them by their code point).",
    ),
}

PICTURES: dict[str, Code] = {
    "P101": Code(
        "picture-web-address",
        "a picture is named by a web address",
        "deck builds offline and never downloads pictures: a build must give the same file every time, "
        "whatever happens to a web page.",
        "image: {path: https://example.org/figure.png, alt: A figure}",
        "Save the picture into the outline's folder (e.g. `assets/`) and name it from there.",
    ),
    "P102": Code(
        "absolute-picture-path",
        "a picture's path is absolute",
        "Picture paths are relative to the outline's folder, so the talk builds the same on another "
        "computer. `/…`, `~/…`, `C:\\…` and `\\\\server\\…` name places outside it.",
        "image: {path: /home/me/figure.png, alt: A figure}",
        "Copy the picture into the outline's folder and write the path from there, e.g. `assets/figure.png`.",
    ),
    "P103": Code(
        "backslash-in-picture-path",
        "a picture's path uses `\\`",
        "A backslash separates folders only on Windows; on other systems it is part of the name, so the "
        "talk would not build there.",
        "image: {path: 'assets\\figure.png', alt: A figure}",
        "Write the path with `/` (e.g. `assets/figure.png`), which works on every system.",
    ),
    "P104": Code(
        "unfollowable-picture-path",
        "a picture's path cannot be followed",
        "The system could not resolve the path: a symbolic link that points to itself, or a name longer "
        "than the system allows.",
        "image: {path: loop.png, alt: A figure}   # loop.png is a link to itself",
        "Name a picture file inside the outline's folder.",
    ),
    "P105": Code(
        "picture-outside-folder",
        "a picture's path leads outside the outline's folder",
        "After resolving `..` and symbolic links, the picture lies outside the outline's folder. deck "
        "reads only files inside it, so an outline from elsewhere cannot make it read your other files.",
        "image: {path: ../../secret.png, alt: A figure}",
        "Copy the picture into the outline's folder (e.g. `assets/`) and name it from there.",
    ),
    "P106": Code(
        "picture-not-found",
        "there is no picture file at the path",
        "No file exists at the path (relative to the outline's folder), or it is a folder.",
        "image: {path: assets/figuer.png, alt: A figure}",
        "Check the name, and that the path is relative to the outline's folder.",
    ),
    "P107": Code(
        "picture-file-too-large",
        "a picture file is larger than a picture may be",
        "A picture may be at most 50,000,000 bytes. Larger files make the deck slow to open and share, "
        "and are never needed for a slide.",
        "image: {path: assets/scan-600dpi.png, alt: A scan}",
        "Export a smaller PNG or JPEG (2560 pixels across is plenty for a slide).",
    ),
    "P108": Code(
        "too-many-pixels",
        "a picture claims more pixels than a picture may have",
        "A picture may have at most 60,000,000 pixels once decoded. A small file that claims more is "
        "a decompression bomb, made to exhaust memory; it is refused from its header, before it is decoded.",
        "image: {path: assets/bomb.png, alt: A figure}   # claims 100000×100000 pixels",
        "Scale the picture down, e.g. to 2560 pixels across.",
    ),
    "P109": Code(
        "not-a-picture",
        "the file is not a picture deck can read",
        "Pictures are read by their content, not their name: they must be PNG, JPEG, GIF or BMP. SVG "
        "drawings, PDF pages, WebP, HEIC and TIFF pictures, and files that are not pictures at all, are "
        "refused; the message says what the file seems to be and how to convert it.",
        "image: {path: assets/drawing.svg, alt: A diagram}",
        "Convert the file to PNG (or JPEG for photographs), as the message suggests.",
    ),
    "P110": Code(
        "damaged-picture",
        "a picture file is damaged",
        "The file starts like a picture, but its data cannot be read through: it is cut short, a "
        "checksum disagrees, its header is damaged, or (a JPEG) its header claims more pixels than its "
        "data holds, which viewers would show as grey. deck decodes every picture whole before "
        "rendering, once per build however often it is used, so the problem is located in the outline, "
        "at each use.",
        "image: {path: assets/half-downloaded.png, alt: A figure}",
        "Re-export the picture as PNG or JPEG.",
    ),
    "P111": Code(
        "unsupported-picture-format",
        "a picture is in a variant deck does not support",
        "The picture opens, but as a format variant that a .pptx cannot hold reliably, such as a "
        "multi-picture JPEG (MPO) from a phone camera.",
        "image: {path: assets/phone-photo.jpg, alt: A photo}",
        "Save it as a plain PNG or JPEG.",
    ),
}

CODES: dict[str, Code] = {**FIELDS, **PICTURES}

"""Problem codes of this stage (T…): theme files."""

from deck.problems import Code

CODES: dict[str, Code] = {
    "T101": Code(
        "theme-not-found",
        "a theme is neither built in nor a file",
        "`theme:` in the outline, or `--theme` on the command line, names a built-in theme (`deck themes` "
        "lists them) or a theme file, relative to the outline (to the working folder for `--theme`). "
        "Neither exists under this name.",
        "title: Talk\ntheme: corporate\nslides:\n  - section: Start",
        "Name a built-in theme (`default`, `dark`), or the path of a .yaml theme file.",
    ),
    "T102": Code(
        "bad-colour",
        "a colour is not six hex digits",
        "Theme colours are written as six hex digits, red-green-blue, with or without a leading `#`. An "
        "unquoted `#1D56A0` is a YAML comment, so the key reads as empty.",
        "palette:\n  primary: #1D56A0",
        'Write the colour as six hex digits, in quotes when it starts with `#`: "#1D56A0" (or 1D56A0).',
    ),
    "T103": Code(
        "out-of-range",
        "a theme number is outside its range",
        "Sizes, spacings, margins and the safety share each have a range that keeps slides readable and "
        "laid out (e.g. a type size from 6 to 120 points, line spacing from 1.0 to 2.5). The message "
        "states the range.",
        "line_spacing: 4",
        "Write a number inside the range the message states.",
    ),
    "T104": Code(
        "minimum-above-size",
        "a text role's `min` is larger than its `size`",
        "The fitter shrinks a text role from its `size` down to its `min` to make text fit; a minimum "
        "above the size leaves it nothing to do.",
        "text:\n  body: {size: 20, min: 24, font: body, color: text}",
        "Make `min` at most `size` (e.g. `size: 24, min: 18`).",
    ),
}

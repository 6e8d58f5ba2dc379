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
    "T105": Code(
        "maximum-below-size",
        "a text role's `max` is smaller than its `size`",
        "Body text on a slide that holds little grows from its role's `size` up to `max`, so that the "
        "page is not left empty below it; a maximum below the size would shrink text that fits.",
        "text:\n  body: {size: 24, min: 18, max: 20, font: body, color: text}",
        "Make `max` at least `size` (e.g. `size: 24, min: 18, max: 28`), or leave it out for no growth.",
    ),
    "T110": Code(
        "theme-path-absolute",
        "an outline's theme path is absolute",
        "The theme file an outline names (and each file a theme `extends`) must lie in the outline's "
        "folder, so that an outline cannot make deck read other files: `/etc/…`, `~/…`, `C:\\…` and "
        "`\\\\server\\…` are refused. A theme named with `--theme` on the command line is yours to choose "
        "and may be anywhere.",
        "title: Talk\ntheme: /home/me/themes/ours.yaml\nslides:\n  - section: Start",
        "Copy the theme file into the outline's folder (e.g. `themes/ours.yaml`) and name it from there, "
        "or pass it with `--theme`.",
    ),
    "T111": Code(
        "theme-path-outside",
        "an outline's theme path leads outside its folder",
        "After `..` and symlinks are followed, the theme file an outline names (or a file a theme "
        "`extends`) lies outside the outline's folder. deck refuses it, as it refuses such pictures.",
        "title: Talk\ntheme: ../shared/ours.yaml\nslides:\n  - section: Start",
        "Copy the theme file into the outline's folder and name it from there, or pass it with `--theme`.",
    ),
    "T112": Code(
        "theme-path-unfollowable",
        "a theme path cannot be followed",
        "The system cannot resolve the theme path: a symlink that points to itself (a loop), or a name "
        "longer than the system allows.",
        "title: Talk\ntheme: loop.yaml   # a symlink to itself\nslides:\n  - section: Start",
        "Name the theme file itself, inside the outline's folder.",
    ),
    "T113": Code(
        "theme-path-backslash",
        "a theme path uses `\\` between names",
        "Paths in outlines and themes use `/`, which works on every system; `\\` is a Windows-only separator.",
        "title: Talk\ntheme: themes\\ours.yaml\nslides:\n  - section: Start",
        "Write the path with `/`: `themes/ours.yaml`.",
    ),
    "T114": Code(
        "theme-path-web-address",
        "a theme is named by a web address",
        "deck reads themes from files beside the outline and never downloads anything.",
        "title: Talk\ntheme: https://example.org/ours.yaml\nslides:\n  - section: Start",
        "Save the theme file into the outline's folder and name it from there.",
    ),
    "T115": Code(
        "not-a-theme-file",
        "the file named as a theme is not a theme file",
        "A theme file is a YAML mapping of theme keys (`name`, `extends`, `palette`, `fonts`, `text`, …). The "
        "file named is not: it holds no YAML mapping, or a mapping with none of those keys. deck says what it "
        "is without quoting it, since it may be any file.",
        "title: Talk\ntheme: notes.txt\nslides:\n  - section: Start",
        "Name a theme file (`deck schema --theme` gives its format), or a built-in theme (`deck themes`).",
    ),
    "T116": Code(
        "extends-loop",
        "theme files extend each other in a circle, or too deeply",
        "A theme file's `extends` names a theme whose values it overrides; that theme may extend another, "
        "but a chain may not come back to a file already in it, nor go deeper than 8 files.",
        "# a.yaml\nname: a\nextends: b.yaml\n# b.yaml\nname: b\nextends: a.yaml",
        "Let the last theme of the chain extend a built-in theme (`extends: default`).",
    ),
    "T117": Code(
        "theme-leaves-no-room",
        "the theme leaves no room for a one-letter title or bullet",
        "deck lays out the smallest talk (one-letter title, section and bullet) in each theme it reads. "
        "When even that does not fit at the theme's minimum sizes, the margins or sizes are impossible, "
        "and the error names the theme key to change rather than blaming the outline's text.",
        "name: cramped\nextends: default\nmargins: {left: 48, right: 48, top: 200, bottom: 200}",
        "Make the margins (or the sizes the message names) smaller.",
    ),
    "T118": Code(
        "low-contrast",
        "text and its background are below WCAG AA contrast (a warning)",
        "WCAG AA asks text to have a contrast of at least 4.5:1 with what it sits on, so that people with "
        "low vision, projectors and bright rooms still show it. The warning names the two palette roles, "
        "their ratio and the text roles that use them (body text, strong text and links on the background "
        "and on cards, table headers on `primary`).",
        'name: ours\nextends: default\npalette: {muted: "AAAAAA"}',
        "Darken the text colour or lighten the background (or the reverse on dark themes) until the ratio "
        "is 4.5 or more; any WCAG contrast checker helps.",
    ),
    "T119": Code(
        "text-too-small",
        "a text role is smaller than readable slides allow (a warning)",
        "Readable slides keep body text at 20 pt or more, never shrink it below 16 pt, and set the footer "
        "and sources at 10 pt or more.",
        "name: ours\nextends: default\ntext:\n  body: {size: 16, min: 12}",
        "Raise the size (or `min`) to the value the message states.",
    ),
    "T120": Code(
        "typeface-without-metrics",
        "a typeface deck has no metrics for (a warning)",
        "deck fits text with the advance widths of the fonts it ships metrics for (Noto Sans and Noto Sans "
        "CJK families, and Carlito, Caladea and Liberation Sans, Serif and Mono, which also measure Calibri, "
        "Cambria, Arial, Times New Roman and Courier New), and fonts installed where deck runs, read at build time. "
        "Another typeface is measured as the nearest of those; where a viewer shows the real "
        "font, lines may break differently, and text may overflow its box.",
        "name: ours\nextends: default\nfonts:\n  body: {latin: Futura, ea: Noto Sans CJK SC}",
        "Use a typeface deck measures, or accept the risk and keep `safety` generous (e.g. 0.08).",
    ),
    "T130": Code(
        "template-unusable",
        "a template file cannot be read as a presentation",
        "`theme:` (or `--theme`, or a theme file's `template:`) names a company's template, a .pptx or "
        ".potx file. deck reads its slide master, layouts, colours and fonts. This file is missing, is not "
        "a zip file, is not a presentation (a Word or Excel file renamed), or cannot be read.",
        "title: Talk\ntheme: brand.potx\nslides:\n  - section: Start",
        "Name the .pptx or .potx file as PowerPoint saved it, relative to the outline.",
    ),
    "T131": Code(
        "template-broken",
        "a template lacks a part a presentation needs",
        "The template is a zip of parts; one that every presentation has (the slide size, the master's "
        "theme, a part a relationship names) is missing or not well-formed XML.",
        "title: Talk\ntheme: broken.pptx\nslides:\n  - section: Start",
        "Open the template in PowerPoint or LibreOffice and save it again.",
    ),
    "T132": Code(
        "template-without-master",
        "a template has no slide master",
        "deck lays slides on a template's slide master and its layouts; this file has none.",
        "title: Talk\ntheme: no-master.pptx\nslides:\n  - section: Start",
        "Save the template from PowerPoint (File → Save As → PowerPoint Template).",
    ),
    "T133": Code(
        "master-without-layouts",
        "a template's slide master has no layouts",
        "Slides are laid on layouts; a master without any leaves nothing to choose.",
        "title: Talk\ntheme: no-layouts.pptx\nslides:\n  - section: Start",
        "In PowerPoint's Slide Master view, add layouts (at least Title and Content, and Title Only).",
    ),
    "T134": Code(
        "template-without-title",
        "no layout of a template has a title placeholder",
        "Every slide's title goes into its layout's title placeholder (so PowerPoint's outline view and "
        "the accessibility checker find it). This template has none on any layout.",
        "title: Talk\ntheme: untitled.pptx\nslides:\n  - section: Start",
        "In Slide Master view, give the layouts a title placeholder (Master Layout → Title).",
    ),
    "T135": Code(
        "template-odd-size",
        "a template's slide size is unusual (a warning)",
        "deck lays out 16:9 and 4:3 slides; a template of another shape is used as it is, and what fits "
        "is measured on it, but long text continues sooner on a small or narrow slide.",
        "title: Talk\ntheme: banner.pptx\nslides:\n  - section: Start",
        "Nothing to do if the size is intended; else set 16:9 in the template (Design → Slide Size).",
    ),
    "T136": Code(
        "duplicate-placeholder-idx",
        "two placeholders of a layout share an idx (a warning)",
        "PowerPoint finds a slide's placeholder on its layout by its idx number; LibreOffice writes the "
        "same number twice. deck fills the first and leaves the other empty.",
        "title: Talk\ntheme: libreoffice.pptx\nslides:\n  - section: Start",
        "Nothing to do; or save the template from PowerPoint, which renumbers them.",
    ),
    "T137": Code(
        "several-masters",
        "a template has more than one slide master (a warning)",
        "deck lays every slide on one master: the template's first.",
        "title: Talk\ntheme: two-masters.pptx\nslides:\n  - section: Start",
        "Put the master you want first, or delete the others, in Slide Master view.",
    ),
    "T138": Code(
        "art-over-placeholder",
        "master art lies over the title or body box (a warning)",
        "A logo, badge or drawn shape (a coloured triangle, a wave) on the slide master shows on "
        "every slide. Where it lies over the box the titles or the slides' text go in, deck keeps "
        "the text clear of it: the title box ends before it or starts after it, and the content "
        "area is the largest part of the body box a gap away from it. Text then has less room and "
        "may shrink or continue sooner. Art as large as the box (a background) and shapes hardly "
        "apart in colour from the background (a pale texture) are left under the text.",
        "title: Talk\ntheme: logo-in-corner.pptx\nslides:\n  - section: Start",
        "Nothing to do if the smaller box is fine; else move the picture into the margin, or make "
        "the placeholders end before it, in Slide Master view.",
    ),
    "T141": Code(
        "logo-too-tall",
        "the theme's logo is taller than the top margin it sits in",
        "The logo is drawn on the slide master, in the top margin at the corner `position` names, so that "
        "it is above every title and on every slide. Its `height` (default 3/5 of the top margin) must "
        "fit in that margin.",
        "name: ours\nextends: default\nlogo: {path: logo.png, alt: Acme, height: 40}",
        "Lower the logo's `height`, or raise `margins.top`.",
    ),
    "T142": Code(
        "logo-too-wide",
        "the theme's logo is wider than a third of the slide",
        "At its height the logo keeps its proportions; a logo wider than a third of the slide would crowd "
        "the top margin and is almost always a banner picked by mistake.",
        "name: ours\nextends: default\nlogo: {path: banner.png, alt: Acme}",
        "Lower the logo's `height`, or use a narrower version of the logo.",
    ),
}

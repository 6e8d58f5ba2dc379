"""Compare deck.linebreak.wrap's predicted lines with LibreOffice's real line breaks.

    .venv/bin/python tools/check_wrap_vs_libreoffice.py [--keep DIR] [--cases N] [--show N]

Writes a .pptx with one text box per slide (noAutofit, zero insets, explicit size and exact
line spacing, eaLnBrk=1 latinLnBrk=0 hangingPunct=0, runs in Noto Sans / Noto Sans CJK SC,
lang zh-CN), converts it with `soffice --headless --convert-to pdf` in a private profile,
reads each page's glyphs with pdfplumber, groups them into lines by baseline, and compares
them with wrap()'s prediction (whitespace ignored). Prints agreement statistics and the
mismatches. A script, not a test: it needs LibreOffice and takes a minute.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pdfplumber
from lxml import etree
from pptx import Presentation
from pptx.util import Emu

sys.path.insert(0, str(Path(__file__).parents[1]))

from deck.layout.linebreak import wrap
from deck.layout.page import Run
from deck.theme import Face
from deck.units import EMU_PER_PT, inches

FACE = Face("Noto Sans", "Noto Sans CJK SC")
CODE = Face("Noto Sans Mono CJK SC", "Noto Sans Mono CJK SC")
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
SEED = Path(__file__).parents[2] / "shared" / "seed"

SENTENCES = [
    "ChatGPT 和 GPT-4 为代表的大语言模型（LLM）有以下主要手段：模型、预训练、监督微调、"
    "基于人类反馈的强化学习，以及“思维链”提示。",
    "“规模带来的质变”是指：当模型参数达到一定规模（例如 175B）之后，能力会突然出现，这种现象被称为“涌现”。",
    "人工智能的三条路径——符号主义、连接主义与行为主义——在 LLM 中得到了融合……",
    "《对语言大模型的若干观察和思考》一文中，作者讨论了第三者体验与第一者体验的区别。",
    "Large language models combine three paths to artificial intelligence: symbolic, "
    "connectionist and behaviourist approaches, according to the essay.",
    "The state-of-the-art models are pre-trained on trillions of tokens, then fine-tuned "
    "with human feedback (RLHF) to follow instructions.",
    "参见 https://arxiv.org/abs/2303.08774 以及 https://example.com/a/very/long/path/"
    "that-never-ends-and-keeps-going 两篇文献。",
    "模型的参数量为 1750 亿（175 billion），训练数据约 45TB，训练成本约 460 万美元。",
    "数据压缩、生成概率最大化、预测误差最小化：这三者是一回事吗？答案是肯定的！",
    "第一者体验（first-person experience）指的是主观感受；第三者体验（third-person experience）指的是客观观察。",
    "「心智语言」假说认为，人的思维是以一种类似语言的形式进行的，即 mentalese。",
    "LLM 本身不具备逻辑推理能力，需要在其基础上增加推理能力，例如调用外部工具、检索、规划与验证。",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa 这是一个很长的词。",
    "这是一个很长的词：abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefgh，后面还有中文。",
    "多模态大模型（multimodal LLM）将视觉、听觉与语言结合起来，以产生对世界的认识。",
    "2023 年 10 月 16 日，ByteDance Research 负责人李航发表了这篇文章。",
    "人类反馈强化学习（RLHF）的三个步骤：①收集示范数据；②训练奖励模型；③用 PPO 优化策略。",
    "“我思故我在”——笛卡尔。‘引号’里面还有引号。",
    "第一行\n第二行是强制换行之后的内容，比较长，应该会继续折行到下一行去。",
    "百分比：50%、75%，以及 3.14、2.718 这样的小数，还有 (a+b)*c 这样的表达式。",
    "He said “scale is all you need” to 我们, and then — after a pause — added: “but not only scale…” 然后离开了。",
    "Model… 模型 → 智能; x → y; AI—the future—is here. 省略号……和破折号——都很常见。",
    "（一）引言：大模型的“涌现”现象（emergence）。（二）方法：预训练 + 微调 + RLHF。",
    "The 3rd edition (2023) costs $45.00, i.e. 20% less; see pp. 12–15 and fig. 3/4.",
]


def seed_paragraphs() -> list[str]:
    """Return the essay's longer lines (bullets stripped), if the seed text is present."""
    out = []
    for path in sorted(SEED.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip().lstrip("•").strip()
            if len(line) >= 25:
                out.append(line)
    return out


def make_cases(n: int, rng: random.Random) -> list[dict]:
    """Return n cases: runs, size (EMU), width (EMU), bold."""
    texts = SENTENCES + seed_paragraphs()
    cases = []
    for i in range(n):
        text = texts[i % len(texts)]
        size = rng.choice([16, 18, 20, 22, 24, 26, 28, 32, 40, 44]) * EMU_PER_PT
        width = rng.randint(inches(2.0), inches(9.0))
        bold = rng.random() < 0.25
        runs = [Run(text)]
        roll = rng.random()
        if roll < 0.3:  # split into runs: one of them bold, italic or code
            k, m = sorted(rng.sample(range(1, len(text)), 2))
            style = rng.choice(["bold", "italic", "code"])
            runs = [Run(text[:k]), Run(text[k:m], **{style: True}), Run(text[m:])]
        cases.append({"runs": runs, "size": size, "width": width, "bold": bold})
    return cases


def _sub(parent, tag, **attrs):
    el = etree.SubElement(parent, f"{{{A}}}{tag}")
    for key, value in attrs.items():
        el.set(key, str(value))
    return el


def _rpr(parent, size: int, bold: bool, tag: str = "rPr", italic: bool = False, face: Face = FACE):
    rpr = _sub(
        parent,
        tag,
        lang="zh-CN",
        altLang="en-US",
        sz=size * 100 // EMU_PER_PT,
        b="1" if bold else "0",
        i="1" if italic else "0",
        dirty="0",
    )
    _sub(rpr, "latin", typeface=face.latin)
    _sub(rpr, "ea", typeface=face.ea)
    return rpr


def write_pptx(cases: list[dict], path: Path) -> None:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(inches(30))
    blank = prs.slide_layouts[6]
    for case in cases:
        slide = prs.slides.add_slide(blank)
        box = slide.shapes.add_textbox(Emu(inches(0.5)), Emu(inches(0.5)), Emu(case["width"]), Emu(inches(20)))
        tx = box.text_frame._txBody
        body = tx.find(f"{{{A}}}bodyPr")
        for key in list(body.attrib):
            del body.attrib[key]
        for key in ("lIns", "tIns", "rIns", "bIns"):
            body.set(key, "0")
        body.set("wrap", "square")
        body.set("anchor", "t")
        for child in list(body):
            body.remove(child)
        _sub(body, "noAutofit")
        for p in tx.findall(f"{{{A}}}p"):
            tx.remove(p)
        p = _sub(tx, "p")
        ppr = _sub(p, "pPr", algn="l", eaLnBrk="1", latinLnBrk="0", hangingPunct="0")
        spc = _sub(_sub(ppr, "lnSpc"), "spcPts", val=case["size"] * 120 // EMU_PER_PT)
        del spc
        for run in case["runs"]:
            look = (case["bold"] or run.bold, "rPr", run.italic, CODE if run.code else FACE)
            pieces = run.text.split("\n")
            for j, piece in enumerate(pieces):
                if j:
                    _rpr(_sub(p, "br"), case["size"], *look)
                if piece:
                    r = _sub(p, "r")
                    _rpr(r, case["size"], *look)
                    _sub(r, "t").text = piece
        _rpr(p, case["size"], case["bold"], "endParaRPr")
    prs.save(str(path))


def to_pdf(pptx: Path, outdir: Path) -> Path:
    """Convert `pptx` with LibreOffice in a private, temporary profile; return the PDF."""
    if shutil.which("soffice") is None:
        sys.exit("soffice (LibreOffice) is not installed: apt-get install libreoffice-impress")
    profile = Path(tempfile.mkdtemp(prefix=f"lo-profile-{os.getpid()}-"))
    try:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                str(pptx),
            ],
            check=True,
            capture_output=True,
            timeout=600,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return outdir / (pptx.stem + ".pdf")


def pdf_lines(pdf: Path) -> list[list[list[dict]]]:
    """Return, per page, the lines of glyphs (grouped by baseline, sorted by x)."""
    pages = []
    with pdfplumber.open(str(pdf)) as doc:
        for page in doc.pages:
            chars = [c for c in page.chars if c["text"].strip()]
            chars.sort(key=lambda c: (-round(c["matrix"][5], 0), c["x0"]))
            lines: list[list[dict]] = []
            for c in chars:
                if lines and abs(lines[-1][0]["matrix"][5] - c["matrix"][5]) < 3:
                    lines[-1].append(c)
                else:
                    lines.append([c])
            pages.append([sorted(line, key=lambda c: c["x0"]) for line in lines])
    return pages


def is_conservative(predicted: list[str], actual: list[str]) -> bool:
    """True if the first differing predicted line is a proper prefix of LibreOffice's and the
    prediction has at least as many lines (it never expects more text on a line)."""
    for p, a in zip(predicted, actual):
        if p != a:
            return a.startswith(p) and len(predicted) >= len(actual)
    return len(predicted) >= len(actual)


def squash(text: str) -> str:
    return "".join(text.split())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="write the pptx and pdf here")
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=10, help="mismatches to print")
    parser.add_argument(
        "--fonts", action="store_true", help="list which font set each non-ASCII, non-ideograph character"
    )
    args = parser.parse_args(argv)
    cases = make_cases(args.cases, random.Random(args.seed))
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="wrapcheck-"))
    workdir.mkdir(parents=True, exist_ok=True)
    pptx = workdir / "wrapcheck.pptx"
    write_pptx(cases, pptx)
    pages = pdf_lines(to_pdf(pptx, workdir))
    exact, safe, diffs, shown, shifts = 0, 0, Counter(), 0, Counter()
    fonts: Counter = Counter()
    for k, (case, lines) in enumerate(zip(cases, pages)):
        actual = ["".join(c["text"] for c in line) for line in lines]
        for line in lines:
            for c in line:
                if not ("\u4e00" <= c["text"] <= "\u9fff" or c["text"].isascii()):
                    fonts[(c["text"], c["fontname"].split("+")[-1])] += 1
        predicted = wrap(case["runs"], FACE, case["size"], case["width"], bold=case["bold"], code=CODE)
        same = [squash(x) for x in predicted] == [squash(x) for x in actual]
        exact += same
        safe += same or is_conservative([squash(x) for x in predicted], [squash(x) for x in actual])
        diffs[len(predicted) - len(actual)] += 1
        first = next((j for j, (p, a) in enumerate(zip(predicted, actual)) if squash(p) != squash(a)), None)
        if first is not None:
            shifts[len(squash(actual[first])) - len(squash(predicted[first]))] += 1
        if not same and shown < args.show:
            shown += 1
            print(
                f"--- case {k}: size {case['size'] / EMU_PER_PT:g}pt "
                f"width {case['width'] / EMU_PER_PT:.1f}pt bold={case['bold']}"
            )
            for j in range(max(len(predicted), len(actual))):
                a = actual[j] if j < len(actual) else ""
                p = predicted[j] if j < len(predicted) else ""
                mark = " " if squash(a) == squash(p) else "*"
                print(f" {mark} LO  : {a}\n   wrap: {p}")
    n = len(cases)
    print(f"\n{exact}/{n} paragraphs predicted exactly ({100 * exact / n:.1f}%)")
    print(
        f"{safe}/{n} predicted exactly or conservatively (the first line that differs "
        "is shorter than LibreOffice's, and no fewer lines)"
    )
    print("line count difference (predicted - LibreOffice):", dict(sorted(diffs.items())))
    print(
        "characters LibreOffice's line holds more than predicted, at the first line that differs:",
        dict(sorted(shifts.items())),
    )
    if args.fonts:
        print(
            "non-ASCII, non-ideograph glyphs by font:", ", ".join(f"{t}:{f}×{c}" for (t, f), c in sorted(fonts.items()))
        )
    return 0 if exact == n else 1


if __name__ == "__main__":
    sys.exit(main())

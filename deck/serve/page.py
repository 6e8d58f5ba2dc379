"""The one page `deck serve` shows: every slide's picture in order (its title as alt text) with
its speaker notes beside it, the talk time, the warnings, a broken save's errors at the top and
a link to the .pptx. It follows Server-Sent Events and changes only what changed: no reload.
Text from the outline is always set as text, never as HTML."""

from __future__ import annotations

from html import escape

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>__TITLE__ · deck serve</title>
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0; background: #f4f4f2; color: #1d1d1b; }
  header { position: sticky; top: 0; z-index: 1; background: #fff; border-bottom: 1px solid #ddd;
           padding: .6em 1.2em; display: flex; gap: 1.2em; align-items: baseline; flex-wrap: wrap; }
  header h1 { font-size: 1.05em; margin: 0; }
  #status { color: #666; }
  #office:not(:empty) { color: #8a4b00; font-weight: 600; }
  main { padding: 1em 1.2em; max-width: 1400px; }
  #errors { background: #fde8e8; border: 2px solid #c62828; padding: .6em 1em; margin-bottom: 1em; }
  #errors h2, #warnings h2 { font-size: 1em; margin: 0 0 .3em; }
  #warnings { background: #fff8e1; border: 1px solid #e0b000; padding: .6em 1em; margin-bottom: 1em; }
  .problems li { font-family: ui-monospace, monospace; font-size: .9em; white-space: pre-wrap; }
  .slide { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1em;
           background: #fff; border: 1px solid #ddd; margin-bottom: 1em; padding: .8em; }
  .slide img { width: 100%; height: auto; border: 1px solid #ccc; background: #eee; aspect-ratio: 16 / 9; }
  .slide .n { color: #666; font-size: .85em; }
  .slide .notes { white-space: pre-wrap; }
  .slide .notes:empty::before { content: "no notes"; color: #999; font-style: italic; }
  [hidden] { display: none !important; }
</style>
</head>
<body>
<header>
  <h1>__TITLE__</h1>
  <span id="talk"></span>
  <a id="download" hidden>download the .pptx</a>
  <span id="status">connecting…</span>
  <span id="office"></span>
</header>
<main>
  <section id="errors" hidden><h2>The last save has errors; the slides below are from the last good build</h2>
    <ul class="problems"></ul></section>
  <section id="warnings" hidden><h2>Warnings</h2><ul class="problems"></ul></section>
  <div id="slides"></div>
</main>
<script>
"use strict";
const $ = (id) => document.getElementById(id);

function problems(box, lines) {
  const list = box.querySelector("ul");
  list.replaceChildren(...lines.map((text) => {
    const li = document.createElement("li");
    li.textContent = text;
    return li;
  }));
  box.hidden = lines.length === 0;
}

function row() {
  const div = document.createElement("div");
  div.className = "slide";
  const fig = document.createElement("figure");
  fig.style.margin = "0";
  const img = document.createElement("img");
  const cap = document.createElement("figcaption");
  cap.className = "n";
  fig.append(img, cap);
  const notes = document.createElement("div");
  notes.className = "notes";
  div.append(fig, notes);
  return div;
}

function show(s) {
  problems($("errors"), s.errors);
  problems($("warnings"), s.warnings);
  $("talk").textContent = s.talk;
  $("office").textContent = s.office;
  $("status").textContent = s.busy ? "drawing…" : s.errors.length ? "not built" : "up to date";
  if (s.pptx) { $("download").href = "/download/" + encodeURIComponent(s.pptx); $("download").download = s.pptx; }
  $("download").hidden = !s.pptx;
  const box = $("slides");
  s.slides.forEach((slide, i) => {
    const div = box.children[i] || box.appendChild(row());
    const img = div.querySelector("img");
    const src = "/pictures/" + slide.picture;
    if (img.getAttribute("src") !== src) img.setAttribute("src", src);
    img.alt = slide.title;
    div.id = "slide-" + slide.number;
    div.querySelector("figcaption").textContent = slide.number + ". " + slide.title;
    div.querySelector(".notes").textContent = slide.notes;
  });
  while (box.children.length > s.slides.length) box.lastChild.remove();
  document.body.dataset.version = s.version;
}

const events = new EventSource("/events");
events.addEventListener("state", (e) => show(JSON.parse(e.data)));
events.onerror = () => { $("status").textContent = "disconnected: is deck serve still running?"; };
</script>
</body>
</html>
"""


def page_html(title: str) -> str:
    return _PAGE.replace("__TITLE__", escape(title))

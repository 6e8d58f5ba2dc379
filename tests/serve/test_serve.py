"""`deck serve` as a user meets it: a real process, a real headless Chromium (driven by
Playwright), real saves, and a real warm LibreOffice that must be gone when deck is."""

from __future__ import annotations

import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import processes_naming, skip_or_fail
from PIL import Image

from deck.export import find_soffice

WAIT = 120  # seconds: the most one expected line may take (LibreOffice's first start on a busy machine)
CHROMIUM = "/usr/bin/chromium"

OUTLINE = """title: Talk
language: en
slides:
  - title: One
    id: one
    bullets: [apples, pears]
    notes: Say apples and pears.
  - title: Two
    id: two
    bullets: [plums, cherries]
    notes: Then the stone fruit.
  - title: Picture
    id: pic
    image: {path: assets/dot.png, alt: A dot}
    notes: Look.
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="sends POSIX signals and reads /proc")


class Serve:
    """`python -m deck serve ARGS` in `folder` (its temporary files under `folder/tmp`), its
    output read line by line."""

    def __init__(self, folder: Path, *args: str):
        if find_soffice() is None:
            skip_or_fail("LibreOffice (soffice) is not installed")
        self.tmp = folder / "tmp"
        self.tmp.mkdir()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "deck", "serve", "--port", "0", *args],
            cwd=folder,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            encoding="utf-8",
            env={**os.environ, "TMPDIR": str(self.tmp)},
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        self.url = re.search(r"http://\S+/", self.expect(r"^serving http://127\.0\.0\.1:\d+/ ")).group(0)
        self.port = int(self.url.rsplit(":", 1)[1].strip("/"))

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def expect(self, pattern: str) -> str:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            self.seen.append(line)
            if re.search(pattern, line):
                return line
        pytest.fail(f"no line matching {pattern!r} within {WAIT} s; saw:\n" + "\n".join(self.seen))

    def offices(self) -> list[int]:
        """The LibreOffice processes this serve started: their profile is under its TMPDIR."""
        return processes_naming(str(self.tmp), "soffice")

    def stop(self, sig: int) -> int:
        self.process.send_signal(sig)
        try:
            return self.process.wait(timeout=WAIT)
        finally:
            self.process.kill()


@pytest.fixture
def talk(tmp_path):
    (tmp_path / "assets").mkdir()
    Image.new("RGB", (40, 30), "navy").save(tmp_path / "assets" / "dot.png")
    (tmp_path / "outline.yaml").write_text(OUTLINE, encoding="utf-8")
    return tmp_path


@pytest.fixture
def browser(tmp_path):
    """A page in a fresh headless Chromium profile."""
    sync_api = pytest.importorskip("playwright.sync_api") if not os.environ.get("CI") else _playwright()
    if not os.access(CHROMIUM, os.X_OK):
        skip_or_fail(f"{CHROMIUM} is not installed")
    args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ]
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"), executable_path=CHROMIUM, headless=True, args=args
        )
        try:
            yield context.new_page()
        finally:
            context.close()


def _playwright():
    import playwright.sync_api

    return playwright.sync_api


def _save(path: Path, text: str) -> None:
    """Save as many editors do: write a temporary file beside it, then rename it into place."""
    tmp = path.with_name(f".{path.name}.swp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _pictures(page) -> list[dict]:
    """Each slide picture on the page: its src, alt, and whether it is drawn (loaded, non-empty)."""
    return page.eval_on_selector_all(
        "#slides img",
        "imgs => imgs.map(i => ({src: i.getAttribute('src'), alt: i.alt, drawn: i.complete && i.naturalWidth > 0}))",
    )


def _wait_for(page, condition, what: str):
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        page.wait_for_timeout(200)
    pytest.fail(f"the page never showed {what}; it shows:\n{page.inner_text('body')}")


@pytest.mark.render
def test_the_page_shows_every_slide_follows_edits_without_reload_and_keeps_pictures_on_errors(talk, browser):
    serve = Serve(talk)
    try:
        page = browser
        page.goto(serve.url)
        shown = _wait_for(
            page, lambda: (p := _pictures(page)) and len(p) == 4 and all(i["drawn"] for i in p) and p, "4 drawn slides"
        )
        assert [p["alt"] for p in shown] == ["Talk", "One", "Two", "Picture"]
        notes = page.eval_on_selector_all("#slides .notes", "ns => ns.map(n => n.textContent)")
        assert notes == ["", "Say apples and pears.", "Then the stone fruit.", "Look."]
        assert re.search(r"talk: under 1 min \(notes: \d+ words", page.inner_text("#talk"))
        href = page.get_attribute("#download", "href")
        with urllib.request.urlopen(serve.url.rstrip("/") + href, timeout=30) as answer:
            assert answer.read(2) == b"PK"  # the .pptx, a zip
            assert "attachment" in answer.headers["Content-Disposition"]
        page.evaluate("window.sameDocument = 'yes'")

        _save(talk / "outline.yaml", OUTLINE.replace("title: Two", "title: Two, edited"))
        serve.expect(r"changed: 1 slide \(two\); drew 1 slide in ")
        edited = _wait_for(
            page, lambda: (p := _pictures(page))[2]["alt"] == "Two, edited" and p[2]["drawn"] and p, "the edit"
        )
        assert edited[2]["src"] != shown[2]["src"]
        assert [p["src"] for i, p in enumerate(edited) if i != 2] == [
            p["src"] for i, p in enumerate(shown) if i != 2
        ]  # not redrawn
        assert page.evaluate("window.sameDocument") == "yes"  # no reload

        notes = OUTLINE.replace("title: Two", "title: Two, edited").replace("Say apples", "Say red apples")
        _save(talk / "outline.yaml", notes)
        serve.expect(r"changed: 1 slide \(one\); drew 0 slides in ")  # the notes are not in the picture
        _wait_for(page, lambda: "Say red apples" in page.inner_text("#slide-2 .notes"), "the new notes")
        assert _pictures(page) == edited

        _save(talk / "outline.yaml", OUTLINE.replace("bullets: [plums", "bulets: [plums"))
        serve.expect(r"not built \(1 error\)")
        errors = _wait_for(page, lambda: page.is_visible("#errors") and page.inner_text("#errors"), "the errors")
        assert re.search(r"outline\.yaml:10:5: error\[F104\]: unknown key `bulets`", errors), errors
        assert _pictures(page) == edited  # the last good pictures stay
        assert page.evaluate("window.sameDocument") == "yes"
        page.screenshot(path=str(talk / "errors.png"), full_page=True)

        offices = serve.offices()
        assert offices, "no LibreOffice was running for the session"
        assert serve.stop(signal.SIGINT) == 0
        serve.expect(r"^stopped LibreOffice$")
        assert serve.offices() == []
    finally:
        if serve.process.poll() is None:
            serve.process.kill()


@pytest.mark.render
def test_a_crashed_libreoffice_is_restarted_and_the_page_says_so(talk, browser):
    serve = Serve(talk)
    try:
        browser.goto(serve.url)
        _wait_for(browser, lambda: (p := _pictures(browser)) and all(i["drawn"] for i in p), "the slides")
        for pid in serve.offices():
            os.kill(pid, signal.SIGKILL)
        _save(talk / "outline.yaml", OUTLINE.replace("title: One", "title: One again"))
        serve.expect(r"drew 1 slide in ")
        note = _wait_for(browser, lambda: browser.inner_text("#office"), "a note about LibreOffice")
        assert "LibreOffice had stopped unexpectedly; it was restarted" in note
        _wait_for(browser, lambda: (p := _pictures(browser))[1]["alt"] == "One again" and p[1]["drawn"], "the edit")
        assert serve.stop(signal.SIGTERM) == 0
        assert serve.offices() == []
    finally:
        if serve.process.poll() is None:
            serve.process.kill()


@pytest.mark.render
def test_it_answers_on_127_0_0_1_only_and_ends_libreoffice_when_no_page_is_open(talk):
    serve = Serve(talk, "--idle", "2")
    try:
        serve.expect(r"drew 4 slides in ")
        with urllib.request.urlopen(serve.url + "state", timeout=30) as answer:
            assert answer.status == 200
        outward = _outward_address()
        if outward is not None:
            with pytest.raises(OSError), socket.create_connection((outward, serve.port), timeout=5):
                pass
        request = urllib.request.Request(serve.url + "state", headers={"Host": f"attacker.example:{serve.port}"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=30)
        assert refused.value.code == 403
        serve.expect(r"^no page open for 2 s: stopped LibreOffice")
        assert serve.offices() == []
        assert serve.stop(signal.SIGINT) == 0
    finally:
        if serve.process.poll() is None:
            serve.process.kill()


def test_serving_beyond_this_computer_is_asked_for_and_warned_about(talk):
    _save(talk / "outline.yaml", OUTLINE.replace("bullets: [plums", "bulets: [plums"))  # nothing to draw
    process = subprocess.Popen(
        [sys.executable, "-m", "deck", "serve", "--port", "0", "--host", "0.0.0.0"],
        cwd=talk,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        warning = process.stderr.readline()
        assert warning.startswith("deck: warning: serving on 0.0.0.0, not only this computer"), warning
        assert re.match(r"serving http://0\.0\.0\.0:\d+/", process.stdout.readline())
        assert "not built (1 error)" in process.stdout.readline()
        assert process.stdout.readline().startswith("watching ")
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=WAIT) == 0
    finally:
        process.kill()


def _outward_address() -> str | None:
    """This machine's address on its outward network interface (no packet is sent), if any."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # TEST-NET-1: routing only
            address = s.getsockname()[0]
    except OSError:
        return None
    return None if address.startswith("127.") else address


def test_a_port_in_use_or_out_of_range_is_a_usage_error(talk):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "deck", "serve", "--port", str(port)], cwd=talk, capture_output=True, text=True
        )
    assert done.returncode == 2
    assert f"deck: error: cannot listen on 127.0.0.1:{port} (" in done.stderr
    assert "choose another port with --port" in done.stderr
    done = subprocess.run(
        [sys.executable, "-m", "deck", "serve", "--port", "70000"], cwd=talk, capture_output=True, text=True
    )
    assert done.returncode == 2
    assert "expected a port number 0 to 65535, got '70000'" in done.stderr

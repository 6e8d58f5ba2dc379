"""`deck serve`: build, then show the talk in a browser page that follows every save.

The page (deck.serve.page) is served on 127.0.0.1 by the standard library's HTTP server
(deck.serve.http) and kept current through Server-Sent Events. Saves are noticed by deck.watch;
after each build, only the slides whose picture changed are drawn (deck.serve.session) by one
LibreOffice kept running for the session (deck.export.warm), which is ended on exit, on Ctrl-C,
and after no page has been open for `idle` seconds (it starts again when needed).
"""

from __future__ import annotations

import shutil
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

from deck.export.warm import WarmOffice
from deck.problems import display_path
from deck.serve.http import LOOPBACK, Server
from deck.serve.session import Session
from deck.watch import Job, watch

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start-up
if TYPE_CHECKING:
    from typing import TextIO

IDLE_SECONDS = 300.0  # no page open for this long: LibreOffice is ended


def serve(
    job: Job,
    host: str = "127.0.0.1",
    port: int = 8765,
    idle: float = IDLE_SECONDS,
    out: TextIO | None = None,
    err: TextIO | None = None,
    debug: bool = False,
) -> int:
    """Serve `job`'s page on `host:port` until Ctrl-C or SIGTERM; return the exit status
    (2 when the address cannot be used)."""
    out, err = out or sys.stdout, err or sys.stderr
    folder = Path(tempfile.mkdtemp(prefix="deck-serve-"))
    office = WarmOffice(folder / "office")
    session = Session(folder, office)
    try:
        try:
            server = _server(host, port, session, display_path(job.outline))
        except OSError as e:
            print(
                f"deck: error: cannot listen on {host}:{port} ({e.strerror or e}); choose another port with --port",
                file=err,
            )
            return 2
        if host not in LOOPBACK:
            print(
                f"deck: warning: serving on {host}, not only this computer: anyone who can reach it can read the "
                "slides, the speaker notes and the .pptx",
                file=err,
                flush=True,
            )
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True).start()
        shown = f"[{host}]" if ":" in host else host
        print(f"serving http://{shown}:{server.server_address[1]}/ (Ctrl-C to stop)", file=out, flush=True)
        stop = threading.Event()
        threading.Thread(target=_end_when_idle, args=(server, office, idle, stop, out), daemon=True).start()
        try:
            return watch(job, out, err, stop=stop, debug=debug, on_build=session.update)
        finally:
            stop.set()
            session.close()
            server.shutdown()
            server.server_close()
    finally:
        stopped = office.stop()
        shutil.rmtree(folder, ignore_errors=True)
        if stopped:
            print("stopped LibreOffice", file=out, flush=True)


def _server(host: str, port: int, session: Session, title: str) -> Server:
    class Bound(Server):
        address_family = socket.AF_INET6 if ":" in host else socket.AF_INET

    return Bound((host, port), session, title, loopback=host in LOOPBACK)


def _end_when_idle(server: Server, office: WarmOffice, idle: float, stop: threading.Event, out: TextIO) -> None:
    """End LibreOffice once no page has been open, and nothing drawn, for `idle` seconds; the
    next drawing starts it again."""
    while not stop.wait(min(1.0, idle / 4)):
        since, used = server.viewers.none_since, office.last_used
        if since is None or used is None or time.monotonic() - max(since, used) < idle:
            continue
        if office.running and office.stop():
            print(
                f"no page open for {idle:g} s: stopped LibreOffice (it starts again when needed)", file=out, flush=True
            )

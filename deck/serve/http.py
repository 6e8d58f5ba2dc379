"""The page's HTTP side, standard library only: `/` the page, `/events` its Server-Sent Events
(the state as JSON after every change), `/state` the state once, `/pictures/<key>.png` a slide,
`/download/<name>.pptx` the deck."""

from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from deck.serve.page import page_html
from deck.serve.session import Session

LOOPBACK = ("127.0.0.1", "::1", "localhost")
HEARTBEAT_SECONDS = 15  # an SSE comment keeps proxies and browsers from closing a quiet stream
_PICTURE = re.compile(r"/pictures/([0-9a-f]{20})\.png")


class Viewers:
    """How many pages are connected, and since when none has been."""

    def __init__(self):
        self.count = 0
        self.none_since: float | None = time.monotonic()
        self._lock = threading.Lock()

    def change(self, by: int) -> None:
        with self._lock:
            self.count += by
            self.none_since = time.monotonic() if self.count == 0 else None


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, session: Session, title: str, loopback: bool):
        self.session, self.title, self.loopback, self.viewers = session, title, loopback, Viewers()
        super().__init__(address, Handler)


class Handler(BaseHTTPRequestHandler):
    server: Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass  # quiet: the terminal shows the builds

    def do_GET(self):
        if self.server.loopback and not self._local_host():
            return self._send(403, b"deck serve answers only to localhost", "text/plain")
        path = self.path.split("?", 1)[0]
        session = self.server.session
        if path == "/":
            return self._send(200, page_html(self.server.title).encode(), "text/html; charset=utf-8")
        if path == "/state":
            return self._send(200, json.dumps(session.state()).encode(), "application/json")
        if path == "/events":
            return self._events()
        if match := _PICTURE.fullmatch(path):
            return self._file(session.pictures / f"{match.group(1)}.png", "image/png")
        if session.pptx is not None and path == f"/download/{session.pptx.name}":
            return self._file(session.pptx, "application/vnd.openxmlformats-officedocument.presentationml.presentation")
        return self._send(404, b"not found", "text/plain")

    def _local_host(self) -> bool:
        """A page on another site may reach 127.0.0.1 through a name it controls (DNS rebinding);
        its requests still carry that name, so only local names are answered."""
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0].strip("[]")
        return host in LOOPBACK

    def _send(self, status: int, body: bytes, kind: str, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _file(self, path: Path, kind: str) -> None:
        try:
            body = path.read_bytes()
        except OSError:
            return self._send(404, b"not found", "text/plain")
        extra = {"Content-Disposition": f'attachment; filename="{path.name}"'} if path.suffix == ".pptx" else None
        self._send(200, body, kind, extra)

    def _events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.close_connection = True
        session, viewers = self.server.session, self.server.viewers
        viewers.change(+1)
        try:
            state = session.state()
            self.wfile.write(_event(state))
            self.wfile.flush()
            while not session.closed:
                new = session.wait(state["version"], HEARTBEAT_SECONDS)
                if session.closed:
                    break
                self.wfile.write(_event(new) if new["version"] != state["version"] else b": still here\n\n")
                self.wfile.flush()
                state = new
        except OSError:
            pass  # the page was closed
        finally:
            viewers.change(-1)


def _event(state: dict) -> bytes:
    return f"event: state\ndata: {json.dumps(state, ensure_ascii=False)}\n\n".encode()

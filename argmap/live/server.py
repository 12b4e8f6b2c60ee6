"""``argmap serve``: the viewer on 127.0.0.1, re-rendered whenever the map's files change.

The page asks ``/state?after=N&page=M`` and the server answers when its state
is newer than ``N`` (or after :data:`LONG_POLL_S`): the located error of the
last attempt, if it failed, and the new parts of the page (diagram, source
pane, data) when a newer good page than ``M`` exists. The last good page
stays until a fixed edit replaces it. Only requests whose ``Host`` is this
server's own loopback address are answered, so another web site cannot read
the map through a browser (DNS rebinding).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Optional
from urllib.parse import parse_qs, urlsplit

__all__ = ["LiveState", "Server", "HOST", "LONG_POLL_S"]

HOST = "127.0.0.1"
LONG_POLL_S = 20.0


@dataclass
class LiveState:
    """The last good page, the error of the last build (if it failed), and version counters."""

    build: Callable[[], object]
    """Makes the viewer's page data (raises ArgmapError for a map that does not load)."""
    version: int = 0
    page_version: int = 0
    page: object = None
    error: Optional[str] = None
    _cond: threading.Condition = field(default_factory=threading.Condition, repr=False)

    def refresh(self) -> Optional[str]:
        """Build again; returns the error message when the build failed (the last good page stays)."""
        from argmap.diagnostics import ArgmapError
        from argmap.util.terminal import one_line

        try:
            page, error = self.build(), None
        except ArgmapError as exc:
            page, error = None, "\n".join(f"argmap: error: {one_line(str(d))}" for d in exc.diagnostics)
        except OSError as exc:
            page, error = None, f"argmap: error: {one_line(str(exc))}"
        with self._cond:
            self.version += 1
            self.error = error
            if page is not None:
                self.page = page
                self.page_version = self.version
            self._cond.notify_all()
        return error

    def wait(self, after: int, timeout: float) -> None:
        with self._cond:
            self._cond.wait_for(lambda: self.version != after, timeout=timeout)


class _Handler(BaseHTTPRequestHandler):
    server: "Server"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet: the terminal is the user's
        return

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        if self.headers.get("Host") not in self.server.hosts:
            self._send(403, b"forbidden\n", "text/plain; charset=utf-8")
            return
        url = urlsplit(self.path)
        if url.path == "/":
            self._send(200, self.server.page_html().encode("utf-8"), "text/html; charset=utf-8")
        elif url.path == "/state":
            query = parse_qs(url.query)
            after = _int(query.get("after"), -1)
            seen = _int(query.get("page"), -1)
            self.server.state.wait(after, LONG_POLL_S)
            self._send(200, self.server.state_json(seen).encode("utf-8"), "application/json; charset=utf-8")
        else:
            self._send(404, b"not found\n", "text/plain; charset=utf-8")


def _int(values: Optional[list[str]], default: int) -> int:
    try:
        return int(values[0]) if values else default
    except ValueError:
        return default


class Server(ThreadingHTTPServer):
    """The HTTP server of one live viewer (bound to 127.0.0.1 only)."""

    daemon_threads = True

    def __init__(self, state: LiveState, port: int, empty: Callable[[], object]):
        super().__init__((HOST, port), _Handler)
        self.state = state
        self.empty = empty
        port = self.server_address[1]
        self.hosts = {f"{HOST}:{port}", f"localhost:{port}"}

    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that closes a connection (a reload, a closed tab) is no error to report."""
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"

    def page_html(self) -> str:
        from argmap.reports import viewer

        state = self.state
        with state._cond:
            page, version, page_version, error = state.page, state.version, state.page_version, state.error
        page = page if page is not None else self.empty()
        page.data["live"] = {"version": version, "page": page_version, "error": error}
        return viewer.write(page, live=True)

    def state_json(self, seen_page: int) -> str:
        from argmap.reports import viewer

        state = self.state
        with state._cond:
            page, version, page_version, error = state.page, state.version, state.page_version, state.error
        out: dict = {"version": version, "page": page_version, "error": error}
        if page is not None and page_version != seen_page:
            out["parts"] = viewer.parts(page)
        return viewer.data_json(out)

    def serve_in_background(self) -> threading.Thread:
        thread = threading.Thread(target=self.serve_forever, name="argmap-serve", daemon=True)
        thread.start()
        return thread

"""The HTTP side of `editio serve`: the build folder, read-only, and an event stream.

The standard library's ThreadingHTTPServer is enough here: one user, a few open
pages, files already built, and server-sent events are plain text written to
an open response. A thread per connection keeps each event stream apart; no
framework or ASGI server is needed.

Nothing outside the build folder is served: the path is percent-decoded once,
`..`, `.` and hidden names (the build state, temporary files) are refused, and
the real path (symbolic links followed) must lie inside the folder. When the
server listens on a loopback address it answers only requests addressed to a
loopback name (DNS rebinding: a page elsewhere cannot read these pages through
a name of its own that points at 127.0.0.1).
"""

from __future__ import annotations

import ipaddress
import mimetypes
import socket
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from editio.core.diagnostics import Diagnostic
from editio.serve.inject import EVENTS_PATH, inject, status_page

KEEP_ALIVE_SECONDS = 15.0  # a comment on the event stream: finds closed connections
RETRY_MS = 500  # how soon a browser reconnects to the event stream


@dataclass(frozen=True)
class PageSource:
    """The document a served page was built from."""

    source: str  # as diagnostics name it
    key: str  # absolute path
    included: frozenset[str] = frozenset()  # absolute paths of the files it XIncludes


@dataclass(frozen=True)
class Snapshot:
    """What the pages show: replaced whole after each build, read by the request threads."""

    generation: int = 0
    diagnostics: tuple[Diagnostic, ...] = ()
    pages: dict[str, PageSource] = field(default_factory=dict)  # output path in the folder -> its document
    index: str = "index.html"
    problem: Diagnostic | None = None  # a build that could not run at all
    # absolute path of a file -> its diagnostics (made once per build, not per request)
    by_file: dict[str, tuple[Diagnostic, ...]] = field(default_factory=dict)

    @classmethod
    def make(
        cls,
        generation: int,
        diagnostics: tuple[Diagnostic, ...],
        pages: dict[str, PageSource],
        index: str,
        problem: Diagnostic | None,
    ) -> Snapshot:
        by_file: dict[str, list[Diagnostic]] = {}
        absolute: dict[str, str] = {}
        for d in diagnostics:
            if d.path not in absolute:
                absolute[d.path] = _absolute(d.path)
            by_file.setdefault(absolute[d.path], []).append(d)
        return cls(generation, diagnostics, pages, index, problem, {k: tuple(v) for k, v in by_file.items()})

    def diagnostics_for(self, rel: str) -> list[Diagnostic]:
        found = [self.problem] if self.problem else []
        if rel == self.index:
            return found + list(self.diagnostics)
        page = self.pages.get(rel)
        if page is None:
            return found
        for key in (page.key, *sorted(page.included)):
            found.extend(self.by_file.get(key, ()))
        return found

    def source_of(self, rel: str) -> PageSource | None:
        return self.pages.get(rel)


def _absolute(path: str) -> str:
    if not path:
        return path
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):
        return path


class Broadcast:
    """The current snapshot, and a condition the event streams wait on for the next one."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self.snapshot = Snapshot()
        self.closing = False

    def publish(self, snapshot: Snapshot) -> None:
        with self._condition:
            self.snapshot = snapshot
            self._condition.notify_all()

    def wait_past(self, generation: int, timeout: float) -> Snapshot | None:
        """The snapshot once it is newer than `generation`; None on timeout or when closing."""
        with self._condition:
            self._condition.wait_for(lambda: self.closing or self.snapshot.generation != generation, timeout)
            if self.closing or self.snapshot.generation == generation:
                return None
            return self.snapshot

    def close(self) -> None:
        with self._condition:
            self.closing = True
            self._condition.notify_all()


def resolve_request(root: Path, target: str) -> Path | None:
    """The file inside `root` that a request target names, or None if it names none or lies outside.

    `root` must be resolved. A folder answers with its index.html; there is no listing.
    """
    if not target.startswith("/"):
        return None  # absolute-form and other targets: a page asks for paths only
    path = unquote(urlsplit(target).path, errors="strict")
    if "\x00" in path or "\\" in path:
        return None
    parts = [part for part in path.split("/") if part]
    if any(part in (".", "..") or part.startswith(".") for part in parts):
        return None
    candidate = root.joinpath(*parts) if parts else root
    try:
        real = candidate.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if real != root and not real.is_relative_to(root):
        return None  # a link leading out of the folder
    if real.is_dir():
        real = real / "index.html"
        if not real.is_file():
            return None
    return real if real.is_file() else None


LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class ServeHTTPServer(ThreadingHTTPServer):
    daemon_threads = True  # an open event stream must not hold the process at exit
    allow_reuse_address = True

    def __init__(self, address, root: Path, broadcast: Broadcast) -> None:
        host = address[0]
        if ":" in host:
            self.address_family = socket.AF_INET6
        self.root = root.resolve()
        self.broadcast = broadcast
        self.loopback = is_loopback(host)
        self.host_names = LOOPBACK_NAMES | {host.lower()}
        super().__init__(address, ServeHandler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/"


class ServeHandler(BaseHTTPRequestHandler):
    server: ServeHTTPServer

    def version_string(self) -> str:
        return "editio-serve"

    def log_message(self, format, *args):
        pass  # the console is for the build's diagnostics

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def do_GET(self) -> None:
        self._answer(head=False)

    def _answer(self, head: bool) -> None:
        if not self._host_allowed():
            return self._plain(HTTPStatus.FORBIDDEN, "this server answers only to localhost\n", head)
        try:
            path = urlsplit(self.path).path if self.path.startswith("/") else ""
        except ValueError:
            path = ""
        if path == EVENTS_PATH:
            return self._events(head)
        try:
            target = resolve_request(self.server.root, self.path)
        except (ValueError, UnicodeDecodeError):
            target = None
        if target is None:
            return self._not_found(head)
        rel = target.relative_to(self.server.root).as_posix()
        try:
            data = target.read_bytes()
        except OSError:
            return self._not_found(head)
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind == "text/html":
            snapshot = self.server.broadcast.snapshot
            try:
                page = data.decode("utf-8")
            except UnicodeDecodeError:
                page = None
            if page is not None:
                source = snapshot.source_of(rel)
                data = inject(
                    page, snapshot.generation, snapshot.diagnostics_for(rel), source.source if source else ""
                ).encode("utf-8")
        if kind.startswith("text/") or kind in ("application/json", "application/xml", "image/svg+xml"):
            kind += "; charset=utf-8"
        self._send(HTTPStatus.OK, kind, data, head)

    def _host_allowed(self) -> bool:
        if not self.server.loopback:
            return True
        host = (self.headers.get("Host") or "").strip().lower()
        if host.startswith("["):
            name = host[1 : host.find("]")] if "]" in host else host
        else:
            name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
        return name in self.server.host_names

    def _send(self, status: HTTPStatus, kind: str, data: bytes, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")  # a reload must show the new build
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.end_headers()
        if not head:
            self._write(data)

    def _plain(self, status: HTTPStatus, text: str, head: bool) -> None:
        self._send(status, "text/plain; charset=utf-8", text.encode("utf-8"), head)

    def _not_found(self, head: bool) -> None:
        snapshot = self.server.broadcast.snapshot
        page = status_page(
            snapshot.generation, list(snapshot.diagnostics_for(snapshot.index)), "Not found in the build folder."
        )
        self._send(HTTPStatus.NOT_FOUND, "text/html; charset=utf-8", page.encode("utf-8"), head)

    def _write(self, data: bytes) -> bool:
        try:
            self.wfile.write(data)
            self.wfile.flush()
            return True
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, OSError):
            return False

    def _events(self, head: bool) -> None:
        """Server-sent events: `build` with the number of the newest build, now and after each build."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.close_connection = True
        if head:
            return
        broadcast = self.server.broadcast
        generation = broadcast.snapshot.generation
        if not self._write(f"retry: {RETRY_MS}\nevent: build\ndata: {generation}\n\n".encode()):
            return
        while not broadcast.closing:
            snapshot = broadcast.wait_past(generation, KEEP_ALIVE_SECONDS)
            if broadcast.closing:
                return
            if snapshot is None:
                message = b": keep-alive\n\n"
            else:
                generation = snapshot.generation
                message = f"event: build\ndata: {generation}\n\n".encode()
            if not self._write(message):
                return


def start(root: Path, host: str, port: int, broadcast: Broadcast) -> ServeHTTPServer:
    """Bind now (a port in use is an OSError before anything is built); serve with `run_in_thread`."""
    root.mkdir(parents=True, exist_ok=True)
    return ServeHTTPServer((host, port), root, broadcast)


def run_in_thread(server: ServeHTTPServer) -> threading.Thread:
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.2}, name="editio-serve-http", daemon=True
    )
    thread.start()
    return thread


def stop(server: ServeHTTPServer, thread: threading.Thread | None) -> None:
    """End the event streams, stop accepting, close the socket."""
    server.broadcast.close()
    if thread is not None and thread.is_alive():
        server.shutdown()
        thread.join(5)
    server.server_close()

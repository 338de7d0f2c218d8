"""Helpers for the `editio serve` tests: small TEI documents, a server running in this
process (127.0.0.1, a free port, stopped at the end of the test), raw HTTP requests."""

from __future__ import annotations

import http.client
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from editio.build.run import BuildOptions
from editio.serve import server as http_server
from editio.serve.server import Broadcast
from editio.serve.session import Session


def tei(text: str = "Il primo paragrafo.", title: str = "Lettera", before_root: str = "") -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
{before_root}<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="it">
  <teiHeader><fileDesc><titleStmt><title>{title}</title></titleStmt>
    <publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Test.</p></sourceDesc></fileDesc></teiHeader>
  <text><body>
    <p>{text}</p>
  </body></text>
</TEI>
"""


BROKEN = tei("Un paragrafo <hi>non chiuso.")  # line 6: the <hi> is never closed


@dataclass
class Running:
    url: str
    port: int
    session: Session
    broadcast: Broadcast
    out_dir: Path

    def generation(self) -> int:
        return self.broadcast.snapshot.generation

    def wait_past(self, generation: int, timeout: float = 20.0) -> int:
        """Wait for a build newer than `generation` to be published; its number."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            current = self.broadcast.snapshot.generation
            if current > generation:
                return current
            time.sleep(0.02)
        raise AssertionError(f"no new build after {timeout} s (still build {generation})")

    def get(self, target: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
        return request(self.port, target, headers)


def request(port: int, target: str, headers: dict | None = None, method: str = "GET") -> tuple[int, dict, bytes]:
    """`target` goes on the request line exactly as given (no normalisation by a client library)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
        for name, value in ({"Host": f"127.0.0.1:{port}"} | (headers or {})).items():
            conn.putheader(name, value)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


@contextmanager
def running(sources: list[Path], out_dir: Path, **options):
    """`editio serve` in this process: first build, server thread, watcher thread; stopped on exit."""
    broadcast = Broadcast()
    httpd = http_server.start(out_dir, "127.0.0.1", 0, broadcast)
    session = Session(sources, BuildOptions(out_dir=out_dir, jobs=1, **options), broadcast)
    session.build()
    thread = http_server.run_in_thread(httpd)
    stop = threading.Event()
    watcher = threading.Thread(target=session.watch, args=(stop,), daemon=True)
    watcher.start()
    try:
        # The watcher's first act is a catch-up build; then it starts watching.
        assert session.watching.wait(20), "the watcher did not start"
        time.sleep(0.3)
        yield Running(httpd.url, httpd.server_address[1], session, broadcast, out_dir)
    finally:
        stop.set()
        watcher.join(10)
        http_server.stop(httpd, thread)
        assert not watcher.is_alive(), "the watcher did not stop"

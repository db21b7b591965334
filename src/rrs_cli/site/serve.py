"""The one static server for a built site: ``rrs site --serve``, the browser tests,
the browser benchmarks and the screenshot script all serve through it.

Standard library only, on 127.0.0.1; files are gzip-compressed for clients that
accept it, as static hosts do, so what is measured and tested is what a host sends.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import threading
from collections.abc import Callable, Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from ..errors import RrsError


class _Handler(SimpleHTTPRequestHandler):
    """Static files, gzip-compressed for clients that accept it (as static hosts do)."""

    extensions_map = {  # noqa: RUF012 - the base class declares it as a plain dict
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".css": "text/css",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".wasm": "application/wasm",
        ".pagefind": "application/octet-stream",
        ".pf_meta": "application/octet-stream",
        ".pf_fragment": "application/octet-stream",
        ".pf_index": "application/octet-stream",
    }
    compressible: tuple[str, ...] = (".html", ".css", ".js", ".json", ".svg")

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts or not path.is_file() or path.suffix not in self.compressible:
            return super().send_head()
        try:
            body = gzip.compress(path.read_bytes(), mtime=0)
        except OSError:
            return super().send_head()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def handle(self) -> None:
        # A browser drops requests it no longer needs (a newer query, a closed page).
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().handle()


class _PlainHandler(_Handler):
    """Static files as they are on disk (what a benchmark of page weight counts)."""

    compressible = ()


def make_server(folder: Path, port: int, *, compress: bool = True) -> ThreadingHTTPServer:
    """An HTTP server for ``folder`` on 127.0.0.1 (port 0: any free port)."""
    handler = partial(_Handler if compress else _PlainHandler, directory=os.fspath(folder))
    return ThreadingHTTPServer(("127.0.0.1", port), handler)


@contextlib.contextmanager
def serving(folder: Path, *, compress: bool = True) -> Iterator[str]:
    """``folder`` served on a free port in a background thread while the block runs;
    yields the base URL (``http://127.0.0.1:PORT``, no trailing slash)."""
    server = make_server(folder, 0, compress=compress)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def serve(folder: Path, port: int, announce: Callable[[str], None]) -> None:
    """Serve ``folder`` until Ctrl-C."""
    try:
        server = make_server(folder, port)
    except OSError as error:
        raise RrsError(f"cannot serve on 127.0.0.1:{port}: {error.strerror or error}") from None
    with server:
        host, bound = server.server_address[:2]
        announce(f"http://{host!s}:{bound}/")
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()

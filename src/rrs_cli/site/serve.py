"""The one static server for a built site: ``rrs site --serve``, the browser tests,
the browser benchmarks and the screenshot script all serve through it.

Standard library only, on 127.0.0.1; files are gzip-compressed for clients that
accept it, as static hosts do, so what is measured and tested is what a host sends.

It serves the site's files and nothing else, whoever asks:

* a request whose ``Host`` is not this server (``localhost``, ``127.0.0.1`` or
  ``[::1]`` with its port) is refused with 400, so a web page cannot reach it
  under a name of its own (DNS rebinding);
* a path that is not a clean path below the site (a NUL byte, ``..`` or ``.``
  segments, backslashes, bytes that are not UTF-8, once percent-decoded) is
  400; a file or folder whose name starts with a dot (``.rrs-site``) and a
  symbolic link are 404; a folder is served only through its ``index.html``,
  never listed;
* a 404 carries the site's own ``404.html`` (the one of the language the address
  is in: a second language's site is a subfolder with its own), as a static host
  sends it;
* an error while answering is never printed as a traceback.
"""

from __future__ import annotations

import contextlib
import email.utils
import gzip
import io
import os
import threading
from collections.abc import Callable, Iterator
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

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
        if not self._host_is_this_server():
            self.send_error(HTTPStatus.BAD_REQUEST, "unknown host")
            return None
        wanted = self._site_file()
        if isinstance(wanted, HTTPStatus):
            if wanted is HTTPStatus.MOVED_PERMANENTLY:
                self.send_response(wanted)
                self.send_header("Location", urlsplit(self.path).path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif wanted is HTTPStatus.NOT_FOUND:
                return self._not_found()
            else:
                self.send_error(wanted)
            return None
        return self._send_file(wanted, HTTPStatus.OK) or self._not_found()

    def _not_found(self) -> Any:
        """404 with the site's own 404.html (of the language the address is in), as a
        static host answers; the standard error page only when the site has none."""
        page = self._not_found_page()
        if page is None or (answer := self._send_file(page, HTTPStatus.NOT_FOUND)) is None:
            self.send_error(HTTPStatus.NOT_FOUND)
            return None
        return answer

    def _not_found_page(self) -> Path | None:
        """The 404.html nearest the requested address: each language's site (the
        second is in a subfolder) has its own. Only plain folders are looked in, never a
        dot folder or a symbolic link."""
        decoded = self._decoded_path() or ""
        folders = [Path(self.directory)]
        for name in [segment for segment in decoded.split("/") if segment][:-1]:
            folder = folders[-1] / name
            if name.startswith(".") or folder.is_symlink() or not folder.is_dir():
                break
            folders.append(folder)
        for folder in reversed(folders):
            page = folder / "404.html"
            if page.is_file() and not page.is_symlink():
                return page
        return None

    def _send_file(self, wanted: Path, status: HTTPStatus) -> io.BytesIO | None:
        """Headers for ``wanted`` with ``status``, and its body; None if it cannot be read."""
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        try:
            if accepts and wanted.suffix in self.compressible:
                body = gzip.compress(wanted.read_bytes(), mtime=0)
                encoding: str | None = "gzip"
            else:
                body, encoding = wanted.read_bytes(), None
        except OSError:
            return None
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(wanted)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        self.send_header(
            "Last-Modified", email.utils.formatdate(wanted.stat().st_mtime, usegmt=True)
        )
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        return io.BytesIO(body)

    def list_directory(self, path: Any) -> Any:  # never called by send_head; refused anyway
        self.send_error(HTTPStatus.NOT_FOUND)
        return None

    def _host_is_this_server(self) -> bool:
        port = self.server.server_address[1]  # type: ignore[index]  # an (address, port) pair
        host = (self.headers.get("Host") or "").strip().lower()
        return host in {f"localhost:{port}", f"127.0.0.1:{port}", f"[::1]:{port}"}

    def _decoded_path(self) -> str | None:
        """The request's path percent-decoded, or None if its bytes are not UTF-8."""
        try:
            return unquote(urlsplit(self.path).path, errors="strict")
        except UnicodeDecodeError:
            return None

    def _site_file(self) -> Path | HTTPStatus:
        """The file the request's path names below the site, or the status to answer."""
        decoded = self._decoded_path()
        if decoded is None:
            return HTTPStatus.BAD_REQUEST
        segments = decoded.split("/")
        if (
            not decoded.startswith("/")
            or "\x00" in decoded
            or "\\" in decoded
            or any(segment in (".", "..") for segment in segments)
        ):
            return HTTPStatus.BAD_REQUEST
        names = [segment for segment in segments if segment]
        if any(name.startswith(".") for name in names):
            return HTTPStatus.NOT_FOUND  # the build marker, anything hidden
        path = Path(self.directory, *names)
        if any(Path(self.directory, *names[: n + 1]).is_symlink() for n in range(len(names))):
            return HTTPStatus.NOT_FOUND
        if path.is_dir():
            if not decoded.endswith("/"):
                return HTTPStatus.MOVED_PERMANENTLY
            path = path / "index.html"
        return path if path.is_file() and not path.is_symlink() else HTTPStatus.NOT_FOUND

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def handle(self) -> None:
        # A browser drops requests it no longer needs (a newer query, a closed page).
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().handle()


class _PlainHandler(_Handler):
    """Static files as they are on disk (what a benchmark of page weight counts)."""

    compressible = ()


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a broken request ends its connection; no traceback on the terminal


def make_server(folder: Path, port: int, *, compress: bool = True) -> ThreadingHTTPServer:
    """An HTTP server for ``folder`` on 127.0.0.1 (port 0: any free port)."""
    handler = partial(_Handler if compress else _PlainHandler, directory=os.fspath(folder))
    return _Server(("127.0.0.1", port), handler)


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

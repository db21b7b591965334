"""The website against hostile input and a hostile working folder (second round).

What a pull request or another user of the machine controls: the folder rrs
runs in (Pagefind's configuration files there), the system's temporary folder
(a template cache planted there), the strategy's name (page-shell markers), the
output folder given, and requests to the preview server.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from rrs_cli.site.build import pagefind_executable
from rrs_cli.site.serve import make_server

from .catalogues import STRATEGY, default_actions
from .conftest import Invoke, MakeCatalogue

needs_pagefind = pytest.mark.skipif(pagefind_executable() is None, reason="Pagefind is missing")


# -- Pagefind reads no configuration of the folder rrs runs in ----------------


@needs_pagefind
def test_pagefind_reads_no_configuration_from_the_working_folder(
    rrs: Invoke, make_catalogue: MakeCatalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_catalogue()
    work = tmp_path / "repository-root"  # what a pull request controls in CI
    work.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n", encoding="utf-8")
    for name in ("pagefind.yml", "pagefind.yaml", "pagefind.json"):
        (work / name).write_text(f"logfile: {victim}\nverbose: true\n", encoding="utf-8")
    (work / "pagefind.toml").write_text(f'logfile = "{victim}"\n', encoding="utf-8")
    monkeypatch.chdir(work)
    monkeypatch.setenv("PAGEFIND_LOGFILE", str(victim))
    result = rrs("site", "-o", str(tmp_path / "site"), catalogue=root)
    assert result.exit_code == 0, result.stderr
    assert victim.read_text(encoding="utf-8") == "keep me\n"
    assert (tmp_path / "site" / "pagefind" / "pagefind.js").is_file()


# -- No template cache another user can prepare --------------------------------


def test_no_template_cache_in_the_shared_temporary_folder(
    make_catalogue: MakeCatalogue, tmp_path: Path
) -> None:
    shared = tmp_path / "tmp"
    shared.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("mine\n", encoding="utf-8")
    victim.chmod(0o644)
    # Planted where Jinja's default bytecode cache would be.
    (shared / f"_jinja2-cache-{os.getuid()}").symlink_to(victim)
    env = {**os.environ, "TMPDIR": str(shared), "RRS_NO_HINT": "1"}
    env.pop("RRS_CATALOGUE", None)
    root = make_catalogue()
    done = subprocess.run(
        [sys.executable, "-m", "rrs_cli", "-C", str(root), "report", "--format", "html"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert victim.stat().st_mode & 0o777 == 0o644
    assert sorted(p.name for p in shared.iterdir()) == [f"_jinja2-cache-{os.getuid()}"]


# -- Page-shell markers cannot collide with content -----------------------------


def test_a_name_holding_the_page_shell_markers_is_just_text(
    rrs: Invoke, make_catalogue: MakeCatalogue, tmp_path: Path
) -> None:
    marks = "\ue000rrs-title\ue000 \ue000rrs-main\ue000 \ue000rrs-canonical\ue000"
    strategy = {**STRATEGY, "name": f"Strategie {marks}", "name_en": f"Strategy {marks}"}
    actions = default_actions()
    actions["A"] = {**actions["A"], "title": f"Vliegwiel {marks}"}
    root = make_catalogue(actions, strategy=strategy)
    out = tmp_path / "site"
    result = rrs("site", "-o", str(out), "--base-url", "https://example.org/s/", catalogue=root)
    assert result.exit_code == 0, result.stderr
    page = (out / "actions" / "A.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.org/s/actions/A.html">' in page
    assert page.count("<main") == 1 and page.count("<title>") == 1
    assert page.count(marks) >= 2  # the name and the title, as written


# -- The output folder is never inside the catalogue ----------------------------


@pytest.mark.parametrize("inside", ["actions", "site-out", "actions/new"])
def test_output_inside_the_catalogue_is_refused(
    rrs: Invoke, make_catalogue: MakeCatalogue, inside: str
) -> None:
    root = make_catalogue()
    before = sorted(p.name for p in (root / "actions").iterdir())
    result = rrs("site", "-o", str(root / inside), "--force", catalogue=root)
    assert result.exit_code != 0
    assert "catalogue" in result.stderr
    assert sorted(p.name for p in (root / "actions").iterdir()) == before
    assert not (root / "site-out").exists()


def test_an_output_folder_whose_name_nearly_fills_a_file_name(
    rrs: Invoke, make_catalogue: MakeCatalogue, tmp_path: Path
) -> None:
    """The build's temporary folder `.NAME.xxxxxxxx.tmp` (and `.old` on a rebuild) once
    had a name too long for the file system: an internal error."""
    root = make_catalogue()
    out = tmp_path / ("s" * 250)
    for _ in range(2):  # the second build replaces the first
        result = rrs("site", "-o", str(out), catalogue=root)
        assert result.exit_code == 0, result.stderr
    assert (out / "index.html").is_file()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


# -- The preview server ---------------------------------------------------------


@pytest.fixture
def served(tmp_path: Path) -> Iterator[int]:
    site = tmp_path / "site"
    (site / "actions").mkdir(parents=True)
    (site / "index.html").write_text("<p>home</p>", encoding="utf-8")
    (site / "actions" / "A.html").write_text("<p>A</p>", encoding="utf-8")
    (site / ".rrs-site").write_text("marker", encoding="utf-8")
    (site / ".git").mkdir()
    (site / ".git" / "config").write_text("[core]", encoding="utf-8")
    server = make_server(site, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def get(port: int, path: str, host: str | None = None) -> tuple[int, bytes]:
    """A raw GET (http.client refuses to send some of the malformed paths)."""
    host = f"127.0.0.1:{port}" if host is None else host
    request = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(request.encode("utf-8", "surrogateescape"))
        data = b""
        while chunk := connection.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


def test_the_server_serves_the_site(served: int) -> None:
    assert get(served, "/") == (200, b"<p>home</p>")
    assert get(served, "/actions/A.html") == (200, b"<p>A</p>")
    for host in (f"localhost:{served}", f"[::1]:{served}", f"127.0.0.1:{served}"):
        assert get(served, "/", host)[0] == 200


@pytest.mark.parametrize(
    "path",
    [
        "/index.html%00.txt",
        "/index.html\x00",
        "/../index.html",
        "/actions/..%2f..%2fetc",
        "/%2e%2e/x",
    ],
)
def test_malformed_paths_are_400(served: int, path: str, capfd: pytest.CaptureFixture[str]) -> None:
    status, _ = get(served, path)
    assert status == 400
    assert "Traceback" not in capfd.readouterr().err
    assert get(served, "/")[0] == 200  # still serving


@pytest.mark.parametrize("path", ["/actions/", "/.rrs-site", "/.git/config", "/.git/"])
def test_no_listings_and_no_dot_files(served: int, path: str) -> None:
    status, body = get(served, path)
    assert status == 404, body
    assert b"Directory listing" not in body


def test_a_404_page_that_is_a_link_or_in_a_dot_folder_is_not_served(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / ".git").mkdir(parents=True)
    (site / ".git" / "404.html").write_text("hidden", encoding="utf-8")
    (site / "linked").mkdir()
    (tmp_path / "secret.html").write_text("secret", encoding="utf-8")
    (site / "linked" / "404.html").symlink_to(tmp_path / "secret.html")
    (site / "404.html").write_text("<p>niet gevonden</p>", encoding="utf-8")
    server = make_server(site, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        for path in ("/.git/x", "/linked/x", "/nothing"):
            assert get(port, path) == (404, b"<p>niet gevonden</p>"), path
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1:1", ""])
def test_a_foreign_host_header_is_refused(served: int, host: str) -> None:
    assert get(served, "/", host.format(port=served))[0] == 400


def test_the_server_binds_loopback_only(tmp_path: Path) -> None:
    server = make_server(tmp_path, 0)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()


# -- What the search index holds ------------------------------------------------


def fragments(site: Path) -> str:
    """The text of every page in Pagefind's index (gzip files behind a short header)."""
    import gzip

    out = []
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        out.append(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
    return "\n".join(out)


@needs_pagefind
def test_search_indexes_progress_notes_but_not_who_wrote_them(
    rrs: Invoke, make_catalogue: MakeCatalogue, tmp_path: Path
) -> None:
    actions = default_actions()
    entry = {
        "date": "2020-01-01",
        "status": "ongoing",
        "note": "Zoekbarenotitie",
        "by": "Persoonsnaam",
    }
    actions["1"] = {**actions["1"], "progress": [entry]}
    root = make_catalogue(actions)
    out = tmp_path / "site"
    result = rrs("site", "-o", str(out), "--as-of", "2021-01-01", catalogue=root)
    assert result.exit_code == 0, result.stderr
    page = (out / "actions" / "1.html").read_text(encoding="utf-8")
    assert "Persoonsnaam" in page  # shown on the page
    indexed = fragments(out)
    assert "Zoekbarenotitie" in indexed
    assert "Persoonsnaam" not in indexed

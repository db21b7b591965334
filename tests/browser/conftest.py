"""Browser fixtures: sites built once per session, served over HTTP, opened in Chromium.

The browser is the Chromium that Debian packages (``/usr/bin/chromium``),
driven by Playwright for Python; Playwright's own browser downloads are not
used. Without Chromium the browser tests are skipped on a workstation and
fail in CI (``CI`` set), where ``.ci/run`` installs it.

Every page a test opens through the ``page`` fixture is watched: a console
error, an uncaught exception, a failed or 4xx/5xx request, or a dialog
(``alert``) is recorded and fails the test.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import pytest
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Dialog,
    Page,
    Playwright,
    Request,
    sync_playwright,
)

from rrs_cli.layout import bundled_catalogue
from rrs_cli.site.serve import serving

from .hostile import write_hostile_catalogue

try:  # the security suite's catalogue of every payload at once, where it exists
    from ..hostile import write_hostile_catalogue as write_shared_hostile
except ImportError:  # pragma: no cover - before that suite is merged
    write_shared_hostile = None

CHROMIUM = Path(os.environ.get("RRS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SITES = ("nl", "en", "hostile")


def build_site(catalogue: Path, output: Path, *args: str) -> None:
    """``rrs --catalogue CATALOGUE site --output OUTPUT ARGS`` in a fresh process."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "rrs_cli",
            "--catalogue",
            str(catalogue),
            "site",
            "--output",
            str(output),
            *args,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, f"rrs site failed ({done.returncode}):\n{done.stderr}"


# The paged site: the bundled catalogue built with the limits of a large one
# made small, so that its list, owner filter and report are split as they are
# at 10,000 actions (site/common.py, site/lists.py, site/pages.py, site/report_parts.py).
PAGED_LIMITS = {"LIST_PAGE": 20, "ORG_PAGE_LIMIT": 5, "REPORT_SPLIT": 10, "PART_ROWS": 8}
_PAGED_BUILD = """
import sys
from rrs_cli.site import common, lists, pages, report_parts
for name, value in {limits!r}.items():
    for module in (common, lists, pages, report_parts):
        if hasattr(module, name):
            setattr(module, name, value)
from rrs_cli.cli import app
sys.argv = ["rrs", "--catalogue", sys.argv[1], "site", "--output", sys.argv[2]]
app()
"""


def build_paged_site(catalogue: Path, output: Path) -> None:
    code = _PAGED_BUILD.format(limits=PAGED_LIMITS)
    done = subprocess.run(
        [sys.executable, "-c", code, str(catalogue), str(output)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, f"paged build failed ({done.returncode}):\n{done.stderr}"


@dataclass
class Served:
    """The built sites under one HTTP server: ``url("nl", "actions.html")``."""

    root: Path
    base: str
    hostile: tuple[str, ...]  # the sites built from hostile catalogues

    # The bundled catalogue is one bilingual build (rrs site --bilingual): Dutch
    # at the top of "bundled", English in its en/ folder.
    SITE_FOLDERS: ClassVar[dict[str, str]] = {"nl": "bundled", "en": "bundled/en"}

    def url(self, site: str, path: str = "index.html") -> str:
        return f"{self.base}/{self.SITE_FOLDERS.get(site, site)}/{path}"

    def folder(self, site: str) -> Path:
        return self.root / self.SITE_FOLDERS.get(site, site)


@pytest.fixture(scope="session")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The bundled catalogue's site in Dutch and English (and paged, see
    PAGED_LIMITS), and the hostile catalogue's site, served from 127.0.0.1 on a
    free port for the session."""
    root = tmp_path_factory.mktemp("sites")
    build_site(bundled_catalogue(), root / "bundled", "--bilingual")
    build_paged_site(bundled_catalogue(), root / "paged")
    hostile = write_hostile_catalogue(tmp_path_factory.mktemp("hostile"))
    build_site(hostile, root / "hostile")
    hostile_sites: tuple[str, ...] = ("hostile",)
    if write_shared_hostile is not None:
        shared = write_shared_hostile(tmp_path_factory.mktemp("hostile-shared") / "catalogue")
        build_site(shared, root / "hostile-shared")
        hostile_sites += ("hostile-shared",)
    # The server `rrs site --serve` uses, so the pages are tested as it sends them.
    with serving(root) as base:
        yield Served(root, base, hostile_sites)


@pytest.fixture(scope="session")
def playwright_session() -> Iterator[Playwright]:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install it with `apt-get install -y chromium`"
        if os.environ.get("CI"):
            pytest.fail(f"browser tests cannot run in CI: {message}")
        pytest.skip(message)
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_session: Playwright) -> Iterator[Browser]:
    browser = playwright_session.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@dataclass
class Problems:
    """What went wrong on the pages of one test."""

    items: list[str] = field(default_factory=list)

    def check(self) -> None:
        assert not self.items, "\n".join(self.items)

    def console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.items.append(f"console error: {message.text} at {message.location}")

    def failed(self, request: Request) -> None:
        # A request cut short because the test navigated on (often the icon)
        # is no fault of the page; a missing file shows as a 404 response.
        if request.failure == "net::ERR_ABORTED":
            return
        self.items.append(f"request failed: {request.url} ({request.failure})")

    def dialog(self, dialog: Dialog) -> None:
        self.items.append(f"dialog opened: {dialog.type} {dialog.message!r}")
        dialog.dismiss()


def watch(page: Page, problems: Problems) -> Problems:
    page.on("console", problems.console)
    page.on("pageerror", lambda error: problems.items.append(f"page error: {error}"))
    page.on("requestfailed", problems.failed)
    page.on(
        "response",
        lambda response: (
            problems.items.append(f"HTTP {response.status}: {response.url}")
            if response.status >= 400
            else None
        ),
    )
    page.on("dialog", problems.dialog)
    return problems


@pytest.fixture
def problems() -> Problems:
    return Problems()


@pytest.fixture
def page(browser: Browser, problems: Problems) -> Iterator[Page]:
    """A fresh page at 1280 × 900; what goes wrong on it fails the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    watch(page, problems)
    yield page
    context.close()
    problems.check()

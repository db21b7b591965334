"""Screenshots of the website for docs/website.md, taken in headless Chromium.

Builds the bundled catalogue's site (Dutch, as published) into a temporary
folder, serves it on 127.0.0.1 and saves the first screen of every page type
on a desktop, and of the home, list and action pages on a phone:

    .venv/bin/python scripts/screenshots.py            # docs/img/site-*.png
    .venv/bin/python scripts/screenshots.py --action I --output /tmp/shots

Needs Debian's Chromium (``apt-get install chromium``) and the test extra
(Playwright for Python).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from rrs_cli.site.serve import serving

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
ARGS += ["--disable-quic", "--disable-background-networking", "--disable-component-update"]


def shoot(page: Page, url: str, target: Path) -> None:
    page.goto(url, wait_until="load")
    if "search.html?q=" in url:  # the answer is written by the page's script
        page.wait_for_selector("#search-results li")
    page.screenshot(path=str(target), animations="disabled")
    print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--action", default="I", help="the action page to show (default: I)")
    parser.add_argument("--lang", default="nl", choices=["nl", "en"])
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=960)
    options = parser.parse_args()
    options.output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="rrs-screenshots-") as work:
        site = Path(work) / "site"
        command = [sys.executable, "-m", "rrs_cli", "--catalogue", str(ROOT / "data"), "site"]
        subprocess.run([*command, "--output", str(site), "--lang", options.lang], check=True)
        with serving(site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": options.width, "height": options.height})
            shots = [
                ("home", "index.html"),
                ("action", f"actions/{options.action}.html"),
                ("list", "actions.html"),
                ("goal", "goals/cyber.html"),
                ("quality", "qualities/robust.html"),
                ("organisations", "organisations.html"),
                ("network", "network.html"),
                ("report", "report.html"),
                ("data", "data.html"),
                ("search", "search.html?q=woning"),
                ("accessibility", "accessibility.html"),
            ]
            for name, path in shots:
                shoot(page, f"{base}/{path}", options.output / f"site-{name}.png")
            phone = browser.new_page(viewport={"width": 375, "height": 812})
            for name, path in (
                ("home", "index.html"),
                ("list", "actions.html"),
                ("action", f"actions/{options.action}.html"),
            ):
                shoot(phone, f"{base}/{path}", options.output / f"site-phone-{name}.png")
            browser.close()


if __name__ == "__main__":
    main()

"""Screenshots of the website for docs/website.md, taken in headless Chromium.

Builds the bundled catalogue's site (Dutch, as published) into a temporary
folder, serves it on 127.0.0.1 and saves the first screen of the home page
and of an action page:

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

from playwright.sync_api import sync_playwright

from rrs_cli.site.serve import serving

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
ARGS += ["--disable-quic", "--disable-background-networking", "--disable-component-update"]


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
            for name, path in (
                ("home", "index.html"),
                ("action", f"actions/{options.action}.html"),
            ):
                page.goto(f"{base}/{path}", wait_until="load")
                target = options.output / f"site-{name}.png"
                page.screenshot(path=str(target), animations="disabled")
                print(
                    f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}"
                )
            browser.close()


if __name__ == "__main__":
    main()

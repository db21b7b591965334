"""The website in headless Chromium at 10,000 synthetic actions.

Builds the site of a synthetic catalogue (``synth.py``) and of the bundled one
(the baseline, measured in the same run), serves each over HTTP on 127.0.0.1
and measures, in Debian's Chromium driven by Playwright:

- the action list's first screen: first contentful paint and the end of
  DOMContentLoaded (which includes the list script's set-up), median of
  fresh, cache-less page loads; also with a filter in the URL, and when that
  filter's answer is on the screen (a paged list fetches its other pages);
- search: milliseconds from the query's ``input`` event to the first result
  link on the page, for the first query after the page loaded (the index is
  fetched then) and for later queries;
- typed words: per word (``WORDS``), a reader typing it at 150 ms a key in a
  fresh page, median and maximum over the runs; ``--script OLD.js`` also
  measures another ``site.js`` in the same run (served in place of the
  site's own, interleaved), to compare a change with the code before it;
- page weight: the bytes of every response a page loads before any search,
  per page type, as sent and gzip-compressed, and the largest HTML file.

No timing here is asserted by a test; the numbers go to benchmarks/README.md.

    .venv/bin/python benchmarks/browser.py            # 10,000 actions
    .venv/bin/python benchmarks/browser.py --size 2000 --runs 3
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page, Response, sync_playwright

from rrs_cli.site.serve import serving

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGES = [
    "index.html",
    "actions.html",
    "actions-2.html",
    "goals/cyber.html",
    "actions/A.html",
    "actions/17.html",
    "qualities/robust.html",
    "organisations.html",
    "report.html",
    "report/goals-1.html",
    "report/appendix-1.html",
    "network.html",
    "data.html",
    "search.html",
]
QUERIES = ["woning", "water", "haven", "energie", "stad"]
# Typed one key at a time: the words above and short ones, whose three-letter
# prefix is the whole word.
WORDS = [*QUERIES, "dak", "wijk", "zorg"]
LIMIT = 1_000_000

TIMING = """async () => {
  const n = performance.getEntriesByType('navigation')[0];
  const fcp = await new Promise(resolve => {
    new PerformanceObserver(list => {
      const entry = list.getEntriesByName('first-contentful-paint')[0];
      if (entry) resolve(entry.startTime);
    }).observe({type: 'paint', buffered: true});
    setTimeout(() => resolve(null), 3000);
  });
  // A filter on a paged list fetches the other pages: wait for its answer.
  const count = document.getElementById('result-count');
  const ready = await new Promise(resolve => {
    const done = () => !count || count.textContent !== count.dataset.loading;
    if (done()) { resolve(performance.now()); return; }
    const watch = new MutationObserver(() => {
      if (done()) { watch.disconnect(); resolve(performance.now()); }
    });
    watch.observe(count, {childList: true, characterData: true, subtree: true});
    setTimeout(() => { watch.disconnect(); resolve(null); }, 10000);
  });
  return {fcp: fcp, dcl: n.domContentLoadedEventEnd, ready: ready,
          load: n.loadEventEnd, rows: document.querySelectorAll('#action-list tbody tr').length,
          shown: document.querySelectorAll('#action-list tbody tr:not([hidden])').length};
}"""

TYPED = """async ([query, pause]) => {
  const input = document.getElementById('search-input');
  const list = document.getElementById('search-results');
  input.focus();
  await new Promise(resolve => setTimeout(resolve, pause));
  for (let i = 1; i < query.length; i++) {
    input.value = query.slice(0, i);
    input.dispatchEvent(new Event('input', {bubbles: true}));
    await new Promise(resolve => setTimeout(resolve, pause));
  }
  const start = performance.now();
  const done = new Promise(resolve => {
    const watch = new MutationObserver(() => {
      if (list.querySelector('li a')) { watch.disconnect(); resolve(performance.now() - start); }
    });
    watch.observe(list, {childList: true, subtree: true});
    setTimeout(() => { watch.disconnect(); resolve(null); }, 10000);
  });
  input.value = query;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  return await done;
}"""

SEARCH = """async (query) => {
  const input = document.getElementById('search-input');
  const list = document.getElementById('search-results');
  list.replaceChildren();
  const start = performance.now();
  const done = new Promise(resolve => {
    const watch = new MutationObserver(() => {
      if (list.querySelector('li a')) { watch.disconnect(); resolve(performance.now() - start); }
    });
    watch.observe(list, {childList: true, subtree: true});
    setTimeout(() => { watch.disconnect(); resolve(null); }, 10000);
  });
  input.value = query;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  return await done;
}"""


def serve(folder: Path) -> contextlib.AbstractContextManager[str]:
    # Uncompressed, as on disk: weights() counts the bytes as sent and gzips them itself.
    return serving(folder, compress=False)


def build(catalogue: Path, output: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "rrs_cli",
            "--catalogue",
            str(catalogue),
            "site",
            "--output",
            str(output),
        ],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def first_screen(browser: Browser, url: str, runs: int) -> dict[str, float]:
    samples: list[dict[str, Any]] = []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(url, wait_until="load")
        samples.append(page.evaluate(TIMING))
        context.close()
    return {
        key: statistics.median(s[key] for s in samples)
        for key in ("fcp", "dcl", "load", "rows", "shown", "ready")
        if all(s[key] is not None for s in samples)
    }


def search(browser: Browser, url: str, runs: int) -> dict[str, float]:
    cold: list[float] = []
    typed: list[float] = []
    warm: list[float] = []
    for run in range(runs):
        context = browser.new_context()
        page = context.new_page()
        page.goto(url, wait_until="load")
        # A reader: focus the box, type the word at 150 ms a key; measured
        # from the last key to the first result on the page.
        took = page.evaluate(TYPED, [QUERIES[run % len(QUERIES)], 150])
        if took is not None:
            typed.append(took)
        context.close()
        context = browser.new_context()
        page = context.new_page()
        page.goto(url, wait_until="load")
        first = page.evaluate(SEARCH, QUERIES[run % len(QUERIES)])
        if first is None:
            raise SystemExit(f"no result for {QUERIES[run % len(QUERIES)]!r} on {url}")
        cold.append(first)
        for query in QUERIES:
            page.wait_for_timeout(100)
            took = page.evaluate(SEARCH, query)
            if took is not None:
                warm.append(took)
        context.close()
    return {
        "typed": statistics.median(typed),
        "first": statistics.median(cold),
        "later": statistics.median(warm),
        "max": max(warm),
    }


def weights(page: Page, base: str, folder: Path) -> dict[str, tuple[int, int, int]]:
    """Per page: bytes as sent uncompressed, bytes gzip-compressed (what a compressing
    web server such as GitHub Pages sends), and the number of requests."""
    responses: list[Response] = []
    page.on("response", lambda response: responses.append(response))
    out = {}
    for path in PAGES:
        if not (folder / path).is_file():  # a part only large catalogues have
            continue
        responses.clear()
        page.goto(f"{base}/{path}", wait_until="load")
        page.wait_for_load_state("networkidle")
        plain = packed = 0
        for response in responses:
            if not response.ok:
                continue
            plain += int(response.headers.get("content-length", "0"))
            local = folder / urlsplit(response.url).path.lstrip("/")
            packed += len(gzip.compress(local.read_bytes(), 6, mtime=0))
        out[path] = (plain, packed, len(responses))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000, help="synthetic actions")
    parser.add_argument("--runs", type=int, default=5, help="page loads per measurement")
    parser.add_argument("--work", type=Path, help="folder for the catalogue and sites")
    parser.add_argument("--reuse", action="store_true", help="keep sites already in --work")
    parser.add_argument(
        "--script",
        type=Path,
        action="append",
        default=[],
        help="words: also measure this site.js in place of the built one (repeatable)",
    )
    parser.add_argument(
        "--only",
        choices=["screen", "search", "words", "weight"],
        action="append",
        help="measure only this (repeatable; default: all)",
    )
    options = parser.parse_args()
    work = options.work or Path(tempfile.mkdtemp(prefix="rrs-browser-bench-"))
    catalogue = work / f"synth-{options.size}"
    if not (catalogue / "actions").is_dir():
        synth.generate(catalogue, options.size)
    if not (catalogue / "strategy.yaml").exists():  # Dutch, like the bundled site
        shutil.copy(ROOT / "data" / "strategy.yaml", catalogue / "strategy.yaml")
    sites = {"bundled (68)": (ROOT / "data", work / "site-bundled")}
    sites[f"synthetic ({options.size:,})"] = (catalogue, work / f"site-{options.size}")
    for name, (source, output) in sites.items():
        if options.reuse and (output / "index.html").exists():
            continue
        print(f"built {name} in {build(source, output):.1f} s", file=sys.stderr)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        wanted = set(options.only or ["screen", "search", "words", "weight"])
        if "screen" in wanted:
            first_screens(browser, sites, options.runs)
        if "search" in wanted:
            searches(browser, sites, options.runs)
        if "words" in wanted:
            typed_words(browser, sites[f"synthetic ({options.size:,})"][1], options)
        if "weight" in wanted:
            page_weights(browser, sites)
        browser.close()


def first_screens(browser: Browser, sites: dict[str, tuple[Path, Path]], runs: int) -> None:
    print(
        "\n| site | FCP | DOMContentLoaded end | load | rows on the page |"
        " filtered: DOMContentLoaded end | filtered: answer shown |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    screens = {}
    for name, (_, output) in sites.items():
        with serve(output) as base:
            plain = first_screen(browser, f"{base}/actions.html", runs)
            filtered = first_screen(browser, f"{base}/actions.html?goal=cyber&status=ongoing", runs)
            screens[name] = plain
            print(
                f"| {name} | {plain['fcp']:.0f} ms | {plain['dcl']:.0f} ms |"
                f" {plain['load']:.0f} ms | {plain['rows']:,.0f} |"
                f" {filtered['dcl']:.0f} ms |"
                f" {filtered.get('ready', float('nan')):.0f} ms"
                f" ({filtered['shown']:,.0f} shown) |"
            )
    small, large = screens.values()
    print(
        f"\nratio large/bundled: FCP {large['fcp'] / small['fcp']:.2f},"
        f" DOMContentLoaded {large['dcl'] / small['dcl']:.2f}"
    )


def searches(browser: Browser, sites: dict[str, tuple[Path, Path]], runs: int) -> None:
    print(
        "\n| site | typed after focus | whole query at once, first after load |"
        " later queries (median) | later (max) |"
    )
    print("|---|---:|---:|---:|---:|")
    for name, (_, output) in sites.items():
        with serve(output) as base:
            took = search(browser, f"{base}/search.html", runs)
            print(
                f"| {name} | {took['typed']:.0f} ms | {took['first']:.0f} ms |"
                f" {took['later']:.0f} ms | {took['max']:.0f} ms |"
            )


def typed_word(browser: Browser, url: str, word: str, script: Path | None) -> float | None:
    context = browser.new_context()
    page = context.new_page()
    if script is not None:
        body = script.read_bytes()
        page.route(
            "**/assets/site.js",
            lambda route: route.fulfill(body=body, content_type="text/javascript"),
        )
    page.goto(url, wait_until="load")
    took: float | None = page.evaluate(TYPED, [word, 150])
    context.close()
    return took


def typed_words(browser: Browser, output: Path, options: argparse.Namespace) -> None:
    scripts: list[Path | None] = [None, *options.script]
    took: dict[tuple[Path | None, str], list[float]] = {}
    with serve(output) as base:
        for _ in range(options.runs):
            for word in WORDS:
                for script in scripts:  # interleaved, so load changes hit each alike
                    ms = typed_word(browser, f"{base}/search.html", word, script)
                    took.setdefault((script, word), []).append(ms if ms is not None else 10_000)
    print(f"\nTyped at 150 ms a key, median / max of {options.runs} ({output.name}):\n")
    print("| site.js | " + " | ".join(f'"{w}"' for w in WORDS) + " | all words: median | max |")
    print("|---|" + "---:|" * (len(WORDS) + 2))
    for script in scripts:
        cells = [
            f"{statistics.median(took[script, w]):.0f} / {max(took[script, w]):.0f}" for w in WORDS
        ]
        every = [ms for w in WORDS for ms in took[script, w]]
        name = "built" if script is None else f"`{script.name}`"
        print(
            f"| {name} | " + " | ".join(cells) + f" | {statistics.median(every):.0f} ms"
            f" | {max(every):.0f} ms |"
        )


def page_weights(browser: Browser, sites: dict[str, tuple[Path, Path]]) -> None:
    print("\n| page | " + " | ".join(sites) + " |")
    print("|---|" + "---:|" * len(sites))
    measured = {}
    for name, (_, output) in sites.items():
        with serve(output) as base:
            context = browser.new_context()
            measured[name] = weights(context.new_page(), base, output)
            context.close()
    for path in PAGES:
        cells = []
        for name in sites:
            if path not in measured[name]:
                cells.append("—")
                continue
            size, packed, count = measured[name][path]
            flag = " **over 1 MB**" if size > LIMIT else ""
            cells.append(
                f"{size / 1000:,.0f} kB, gzip {packed / 1000:,.0f} kB ({count} req.){flag}"
            )
        print(f"| `{path}` | " + " | ".join(cells) + " |")
    cells = []
    for _, output in sites.values():
        size, packed, where = largest_page(output)
        flag = " **over 1 MB**" if size > LIMIT else ""
        cells.append(f"{size / 1000:,.0f} kB, gzip {packed / 1000:,.0f} kB (`{where}`){flag}")
    print("| largest HTML file | " + " | ".join(cells) + " |")


def largest_page(folder: Path) -> tuple[int, int, str]:
    """The largest HTML file of a built site: bytes, gzip bytes, path."""
    pages = [p for p in folder.rglob("*.html") if "pagefind" not in p.parts]
    biggest = max(pages, key=lambda p: p.stat().st_size)
    body = biggest.read_bytes()
    return len(body), len(gzip.compress(body, 6, mtime=0)), biggest.relative_to(folder).as_posix()


if __name__ == "__main__":
    main()

"""The website in a real browser: navigation, filters, search, accessibility,
keyboard use, small screens, hostile content, console errors and the CSP.

The sites are built once per session (``conftest.sites``) from the bundled
catalogue in Dutch and English and from a hostile catalogue, and served over
HTTP; the expected rows of a filter come from ``rrs list`` with the same
values, so the page and the command are held to one answer.
"""

from __future__ import annotations

import html
import itertools
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, Response, expect
from typer.testing import CliRunner

from rrs_cli.cli import app
from rrs_cli.layout import bundled_catalogue

from .conftest import Problems, Served, watch
from .hostile import SCRIPT

# One page of each type; A is a flywheel, 17 a connected action.
PAGE_TYPES = [
    "index.html",
    "goals/cyber.html",
    "actions/A.html",
    "actions/17.html",
    "actions.html",
    "qualities/robust.html",
    "organisations.html",
    "report.html",
    "network.html",
    "data.html",
    "search.html",
]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FILTERS = ("goal", "quality", "status", "term", "kind", "owner")


def listed(**filters: str) -> set[str]:
    """Ids that ``rrs list`` prints for ``filters`` on the bundled catalogue."""
    argv = ["--catalogue", str(bundled_catalogue()), "list", "--format", "json"]
    for name, value in filters.items():
        argv += [f"--{name}", value]
    result = CliRunner().invoke(app, argv, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return {row["id"] for row in json.loads(result.stdout)}


def shown_rows(page: Page) -> set[str]:
    ids = page.eval_on_selector_all(
        "#action-list tbody tr[data-id]",
        "rows => rows.filter(r => !r.hidden).map(r => r.dataset.id)",
    )
    return set(ids)


def all_rows(page: Page) -> set[str]:
    return set(
        page.eval_on_selector_all(
            "#action-list tbody tr[data-id]", "rows => rows.map(r => r.dataset.id)"
        )
    )


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def html_pages(folder: Path) -> list[str]:
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*.html")
        if "pagefind" not in p.parts
    )


# --- navigation ----------------------------------------------------------------


ACTION_LINKS = """() => [...document.querySelectorAll('main a[href]')]
  .filter(a => /\\/actions\\/[A-Z0-9]+\\.html$/.test(a.href) && !a.closest('svg'))
  .map(a => a.getAttribute('href'))"""


def action_links(page: Page) -> list[str]:
    """Links (as written) in the main content to action pages, outside the drawings."""
    return list(page.evaluate(ACTION_LINKS))


def follow_action_link(page: Page) -> str:
    """Click the first link to an action page; returns the action's id."""
    href = action_links(page)[0]
    page.locator(f'main a[href="{href}"]').first.click()
    return href.rsplit("/", 1)[-1].removesuffix(".html")


def test_home_to_goal_to_action_and_back(page: Page, sites: Served) -> None:
    page.goto(sites.url("nl"))
    assert page.get_attribute("html", "lang") == "nl"
    home = page.url
    page.locator('main a[href="goals/cyber.html"]').first.click()
    expect(page).to_have_url(re.compile(r"/nl/goals/cyber\.html$"))
    expect(page.locator("h1")).to_be_visible()
    goal = page.url
    action_id = follow_action_link(page)
    expect(page).to_have_url(re.compile(rf"/nl/actions/{re.escape(action_id)}\.html$"))
    expect(page.locator("h1")).to_contain_text(action_id)
    # From the action to a linked action, and back through history.
    other_id = follow_action_link(page)
    expect(page).to_have_url(re.compile(rf"/nl/actions/{re.escape(other_id)}\.html$"))
    expect(page.locator("h1")).to_contain_text(other_id)
    page.go_back()
    page.go_back()
    expect(page).to_have_url(goal)
    page.go_back()
    expect(page).to_have_url(home)


def test_action_page_contract(page: Page, sites: Served) -> None:
    page.goto(sites.url("nl", "actions/A.html"))
    expect(page.locator("h1")).to_contain_text("A")
    assert page.locator("main dl dt").count() >= 8
    respond = page.locator("a.respond")
    href = respond.get_attribute("href") or ""
    assert href.startswith("mailto:resilience@rotterdam.nl?subject="), href
    # Links both ways, to the other actions' pages.
    linked = {h.rsplit("/", 1)[-1] for h in action_links(page)}
    assert {"1.html", "2.html", "3.html"} <= linked, linked
    # The progress log as a timeline (the hostile catalogue has two entries).
    page.goto(sites.url("hostile", "actions/A.html"))
    expect(page.locator("main ol.timeline > li")).to_have_count(2)
    expect(page.locator("main aside.about-source")).to_have_count(1)


def test_every_page_has_the_common_frame(page: Page, sites: Served) -> None:
    for lang in ("nl", "en"):
        for path in PAGE_TYPES:
            page.goto(sites.url(lang, path))
            assert page.get_attribute("html", "lang") == lang, path
            assert page.locator("main#main").count() == 1, path
            first = page.evaluate(
                "() => { const f = [...document.querySelectorAll("
                "'a[href], button, input, select, textarea, [tabindex]')]"
                ".filter(e => e.tabIndex >= 0); return f[0] && f[0].outerHTML }"
            )
            assert 'class="skip-link"' in (first or "") and 'href="#main"' in first, (path, first)
            assert page.locator("nav a").count() >= 5, path
            hrefs = page.eval_on_selector_all(
                "a[href]", "as => as.map(a => a.getAttribute('href'))"
            )
            absolute = [h for h in hrefs if re.match(r"^(/|[a-z]+://)", h)]
            assert not absolute, (path, absolute)


# --- the action list --------------------------------------------------------------


def test_list_without_filters_shows_every_action(page: Page, sites: Served) -> None:
    page.goto(sites.url("nl", "actions.html"))
    assert all_rows(page) == shown_rows(page) == listed()
    for name in FILTERS:
        expect(page.locator(f'#filters select[name="{name}"]')).to_have_count(1)
    expect(page.locator('#filters input[type="search"][name="q"]')).to_have_count(1)
    # Every row's id cell links to the action's page.
    first = page.locator("#action-list tbody tr[data-id]").first
    action_id = first.get_attribute("data-id")
    expect(first.locator(f'a[href="actions/{action_id}.html"]')).to_have_count(1)


def test_filtering_updates_rows_and_url(page: Page, sites: Served) -> None:
    page.goto(sites.url("nl", "actions.html"))
    page.select_option('#filters select[name="goal"]', "samenleving")
    page.select_option('#filters select[name="status"]', "starting")
    expected = listed(goal="samenleving", status="starting")
    assert expected  # the combination is not empty in the bundled catalogue
    expect(page).to_have_url(re.compile(r"[?&]status=starting"))
    assert query(page) == {"goal": ["samenleving"], "status": ["starting"]}
    assert shown_rows(page) == expected
    expect(page.locator("#result-count")).to_contain_text(str(len(expected)))
    assert page.get_attribute("#result-count", "aria-live") == "polite"
    # Clearing a filter widens the list again.
    page.select_option('#filters select[name="status"]', "")
    assert shown_rows(page) == listed(goal="samenleving")
    assert query(page) == {"goal": ["samenleving"]}


@pytest.mark.parametrize(
    "url_query",
    [
        "goal=cyber&status=ongoing",
        "goal=klimaat&status=ongoing",
        "goal=samenleving&status=new&status=starting",
        "quality=robust&kind=flywheel",
        "term=short",
    ],
)
def test_filter_state_from_the_url(page: Page, sites: Served, url_query: str) -> None:
    page.goto(sites.url("nl", f"actions.html?{url_query}"))
    values = parse_qs(url_query)
    expected: set[str] = set()
    names = list(values)
    for combination in itertools.product(*(values[n] for n in names)):
        expected |= listed(**dict(zip(names, combination, strict=True)))
    assert shown_rows(page) == expected
    expect(page.locator("#result-count")).to_contain_text(str(len(expected)))
    for name, chosen in values.items():
        if len(chosen) == 1:
            expect(page.locator(f'#filters select[name="{name}"]')).to_have_value(chosen[0])


def test_owner_filter_agrees_with_rrs_list(page: Page, sites: Served) -> None:
    page.goto(sites.url("nl", "actions.html"))
    options = page.eval_on_selector_all(
        '#filters select[name="owner"] option', "os => os.map(o => o.value).filter(v => v)"
    )
    assert options
    value = options[0]
    page.select_option('#filters select[name="owner"]', value)
    assert query(page) == {"owner": [value]}
    assert shown_rows(page) == listed(owner=value)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("owner", "port authority"),
        ("owner", "municipality"),
        ("owner", "HbR"),
        ("goal", "3"),
        ("goal", "cyber havenstad"),
        ("status", "lopend"),
        ("status", "in development"),
        ("term", "korte termijn"),
        ("quality", "robuustheid"),
        ("kind", "vliegwiel"),
    ],
)
def test_url_values_work_as_rrs_list_takes_them(
    page: Page, sites: Served, name: str, value: str
) -> None:
    page.goto(sites.url("nl", f"actions.html?{name}={value}"))
    expected = listed(**{name: value})
    assert expected
    assert shown_rows(page) == expected
    expect(page.locator("#result-count")).to_contain_text(str(len(expected)))


def test_a_url_value_that_matches_nothing_says_so(page: Page, sites: Served) -> None:
    page.goto(sites.url("nl", "actions.html?owner=nobody%20at%20all"))
    expect(page.locator("#result-count")).to_contain_text("nobody at all")
    expect(page.locator("#result-count")).to_contain_text("Eigenaar")


def test_free_text_narrows_the_list(page: Page, sites: Served) -> None:
    page.goto(sites.url("nl", "actions.html"))
    page.fill('#filters input[name="q"]', "Delfshaven")
    expect(page).to_have_url(re.compile(r"[?&]q=Delfshaven"))
    shown = shown_rows(page)
    assert shown and len(shown) < len(all_rows(page))
    assert {"V", "33"} <= shown  # both titles name Delfshaven


# --- search ------------------------------------------------------------------------

# Action 10 says "woningen" and never "woning": found only through stemming.
STEMMED = "10"


def test_bundled_catalogue_needs_stemming_for_the_search_example() -> None:
    text = (bundled_catalogue() / "actions" / f"{STEMMED}.yaml").read_text(encoding="utf-8")
    assert "woningen" in text and not re.search(r"\bwoning\b", text)


def test_dutch_search_from_the_url(page: Page, sites: Served) -> None:
    page.goto(sites.url("nl", "search.html?q=woning"))
    expect(page.locator(f'#search-results li a[href="actions/{STEMMED}.html"]')).to_have_count(1)


def test_dutch_search_while_typing(page: Page, sites: Served) -> None:
    page.goto(sites.url("nl", "search.html"))
    page.locator("#search-input").press_sequentially("woning", delay=20)
    expect(page.locator(f'#search-results li a[href="actions/{STEMMED}.html"]')).to_have_count(1)
    hrefs = page.eval_on_selector_all(
        "#search-results li a", "as => as.map(a => a.getAttribute('href'))"
    )
    assert all(re.fullmatch(r"actions/[A-Z0-9]+\.html", h) for h in hrefs), hrefs


def result_links(page: Page) -> list[str]:
    return list(
        page.eval_on_selector_all(
            "#search-results li a", "as => as.map(a => a.getAttribute('href'))"
        )
    )


def test_fast_typing_shows_the_answer_to_the_last_query(page: Page, sites: Served) -> None:
    # Keys typed while a search runs leave only the newest query waiting; what
    # stays on the page must be the answer to the whole word, not to a prefix.
    page.goto(sites.url("nl", "search.html?q=haven"))
    expect(page.locator("#search-results li").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    expected = result_links(page)
    page.goto(sites.url("nl", "search.html"))
    page.locator("#search-input").press_sequentially("haven", delay=5)
    expect(page.locator("#search-results li a")).to_have_count(len(expected))
    page.wait_for_load_state("networkidle")
    assert result_links(page) == expected
    assert query(page) == {"q": ["haven"]}


def test_a_short_query_is_answered_after_a_pause(page: Page, sites: Served) -> None:
    # One or two letters wait for a pause in typing (they match most words of a
    # large index); then they are answered like any query, and deleting back to
    # them does not leave the longer query's answer on the page.
    page.goto(sites.url("nl", "search.html"))
    page.locator("#search-input").press_sequentially("wa", delay=5)
    expect(page.locator("#search-results li a").first).to_be_visible()
    assert query(page) == {"q": ["wa"]}
    page.goto(sites.url("nl", "search.html?q=water"))
    expect(page.locator("#search-results li").first).to_be_visible()
    page.fill("#search-input", "wat")
    page.locator("#search-input").press("End")
    page.locator("#search-input").press("Backspace")
    expect(page).to_have_url(re.compile(r"q=wa$"))
    page.wait_for_load_state("networkidle")
    expect(page.locator("#search-results li a").first).to_be_visible()


# --- accessibility -------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_axe_finds_no_wcag_violation(page: Page, sites: Served, lang: str, path: str) -> None:
    page.goto(sites.url(lang, path))
    if path == "search.html":  # with results on the page too
        page.goto(sites.url(lang, "search.html?q=water"))
        expect(page.locator("#search-results li").first).to_be_visible()
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    violations = results.response["violations"]
    summary = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
        for v in violations
    ]
    assert not violations, "\n".join(summary)


def focus_info(page: Page) -> dict[str, str]:
    return page.evaluate(
        """() => { const e = document.activeElement; const s = getComputedStyle(e);
        return {tag: e.tagName.toLowerCase(), cls: e.className || '',
                name: e.getAttribute('name') || '',
                href: e.getAttribute('href') || '', inMain: String(!!e.closest('main')),
                outline: s.outlineStyle + ' ' + s.outlineWidth, shadow: s.boxShadow}; }"""
    )


def focus_visible(info: dict[str, str]) -> bool:
    style, width = info["outline"].split(" ", 1)
    return (style != "none" and width not in ("0px", "")) or info["shadow"] not in ("none", "")


def test_skip_link_comes_first_and_moves_focus_to_main(page: Page, sites: Served) -> None:
    page.goto(sites.url("nl", "actions/A.html"))
    page.keyboard.press("Tab")
    info = focus_info(page)
    assert "skip-link" in info["cls"] and info["href"] == "#main", info
    assert focus_visible(info), info
    box = page.locator(".skip-link").bounding_box()
    assert box and box["width"] > 20 and box["height"] > 10 and box["y"] >= 0  # on screen
    page.keyboard.press("Enter")
    # The fragment navigation is asynchronous: wait for it (a loaded machine is slow).
    expect(page).to_have_url(re.compile(r"#main$"))
    page.keyboard.press("Tab")
    assert focus_info(page)["inMain"] == "true", focus_info(page)


def test_filters_work_by_keyboard_alone(page: Page, sites: Served) -> None:
    page.goto(sites.url("nl", "actions.html"))
    reached: list[str] = []
    for _ in range(80):
        page.keyboard.press("Tab")
        info = focus_info(page)
        if info["name"] in (*FILTERS, "q") and info["name"] not in reached:
            assert focus_visible(info), info
            reached.append(info["name"])
        if len(reached) == len(FILTERS) + 1:
            break
    assert sorted(reached) == sorted((*FILTERS, "q"))
    # Back to the goal filter and choose a goal with the arrow keys.
    page.focus('#filters select[name="goal"]')
    for _ in range(12):
        if page.input_value('#filters select[name="goal"]') == "cyber":
            break
        page.keyboard.press("ArrowDown")
    assert page.input_value('#filters select[name="goal"]') == "cyber"
    expect(page).to_have_url(re.compile(r"[?&]goal=cyber"))
    assert shown_rows(page) == listed(goal="cyber")


def test_network_nodes_are_reachable_links_with_visible_focus(page: Page, sites: Served) -> None:
    page.goto(sites.url("nl", "network.html"))
    for _ in range(40):
        page.keyboard.press("Tab")
        inside = page.evaluate("() => !!document.activeElement.closest('svg')")
        if inside:
            break
    assert inside, "no link in the network drawing is reachable by Tab"
    info = focus_info(page)
    assert info["tag"] == "a" and re.fullmatch(r"actions/[A-Z0-9]+\.html", info["href"]), info
    assert focus_visible(info), info
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/nl/actions/[A-Z0-9]+\.html$"))


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_horizontal_scrolling(browser: Browser, sites: Served, lang: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    problems = watch(page, Problems())
    wide = {}
    for path in PAGE_TYPES:
        page.goto(sites.url(lang, path))
        sizes = page.evaluate(
            "() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
        )
        if sizes[0] > sizes[1]:
            wide[path] = sizes
    context.close()
    assert not wide, wide
    problems.check()


# --- safety ------------------------------------------------------------------------

CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', re.IGNORECASE)


@pytest.mark.parametrize("site", ["nl", "en", "hostile"])
def test_every_page_carries_a_strict_csp(sites: Served, site: str) -> None:
    folder = sites.folder(site)
    pages = html_pages(folder)
    assert len(pages) >= 10
    for path in pages:
        source = (folder / path).read_text(encoding="utf-8")
        match = CSP.search(source)
        assert match, f"{path}: no CSP meta tag"
        policy = html.unescape(match.group(1))
        assert "default-src 'none'" in policy or "default-src 'self'" in policy, (path, policy)
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy, (path, policy)
        # 'wasm-unsafe-eval' lets the search index's WebAssembly compile; it
        # does not allow eval() of script text, which 'unsafe-eval' would.
        assert "'unsafe-eval'" not in policy and "http" not in policy, (path, policy)


def test_the_csp_blocks_an_injected_inline_script(browser: Browser, sites: Served) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(sites.url("nl", "actions/A.html"))
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__inline = 1'; document.head.append(s); }"
    )
    assert page.evaluate("() => window.__inline") is None
    context.close()


def assert_inert(page: Page, sites: Served, site: str) -> None:
    """Open every page of ``site``: nothing runs, no handler, no script URL, no image."""
    folder = sites.folder(site)
    pages = html_pages(folder)
    assert "actions.html" in pages and "index.html" in pages
    origin = sites.base
    for path in pages:
        page.goto(sites.url(site, path))
        page.mouse.move(200, 200)
        page.mouse.move(600, 400)
        assert page.evaluate("() => window.__pwned") is None, path
        state = page.evaluate(
            """() => ({
              inline: [...document.scripts].filter(s => !s.src).length,
              sources: [...document.scripts].map(s => s.src),
              handlers: [...document.querySelectorAll('*')].flatMap(e =>
                  [...e.attributes].filter(a => a.name.startsWith('on'))
                  .map(a => e.tagName + ' ' + a.name)),
              urls: [...document.querySelectorAll('[href], [src], [action], [formaction]')]
                  .flatMap(e => ['href', 'src', 'action', 'formaction']
                  .map(n => e.getAttribute(n)).filter(v => v)
                  .filter(v => /^\\s*(javascript|data|vbscript):/i.test(v))),
              images: document.images.length,
            })"""
        )
        assert state["inline"] == 0, (path, state)
        assert all(s.startswith(origin) for s in state["sources"]), (path, state)
        assert not state["handlers"] and not state["urls"], (path, state)
        assert state["images"] == 0, (path, state)


def test_hostile_catalogue_renders_inert(page: Page, sites: Served) -> None:
    for site in sites.hostile:
        assert_inert(page, sites, site)
    # The payload is shown as the text it is.
    page.goto(sites.url("hostile", "actions/A.html"))
    expect(page.locator("h1")).to_contain_text(SCRIPT)


def test_hostile_search_results_are_inert(page: Page, sites: Served) -> None:
    page.goto(sites.url("hostile", "search.html?q=pwned"))
    expect(page.locator("#search-results li").first).to_be_visible()
    assert page.evaluate("() => window.__pwned") is None
    assert (
        page.evaluate(
            "() => document.querySelectorAll('#search-results img, #search-results script').length"
        )
        == 0
    )


def test_no_console_error_or_failed_request_on_any_page(
    page: Page, problems: Problems, sites: Served
) -> None:
    every_page = [(lang, path) for lang in ("nl", "en") for path in html_pages(sites.folder(lang))]
    assert len(every_page) > 2 * 68
    for lang, path in every_page:
        page.goto(sites.url(lang, path))
        problems.check()


def page_weights(browser: Browser, urls: dict[str, str]) -> dict[str, int]:
    """Bytes of every response a page loads (no cache), per page: the Content-Length
    of each (the test server sends files as they are, uncompressed)."""
    context = browser.new_context()
    page = context.new_page()
    responses: list[Response] = []
    page.on("response", lambda response: responses.append(response))
    sizes: dict[str, int] = {}
    for name, url in urls.items():
        responses.clear()
        page.goto(url, wait_until="load")
        sizes[name] = sum(int(r.headers.get("content-length", "0")) for r in responses if r.ok)
    context.close()
    return sizes


def test_no_page_transfers_more_than_1_mb(browser: Browser, sites: Served) -> None:
    sizes = page_weights(browser, {path: sites.url("nl", path) for path in PAGE_TYPES})
    assert all(size <= 1_000_000 for size in sizes.values()), sizes
    assert all(size > 1000 for size in sizes.values()), sizes

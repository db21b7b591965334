"""The public website as residents, council members and screen-reader users meet it:
every width from a small phone to a desktop in both languages, plain Dutch without
English or transcription notes, honest search answers, the list without
JavaScript, the language switch and a focus that can be seen.

The bundled catalogue's site is built once per session in both languages
(``conftest.sites``); each test opens the pages it needs in one browser context.
"""

from __future__ import annotations

import re
import string
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from rrs_cli.catalogue import load_catalogue
from rrs_cli.graph import LinkGraph
from rrs_cli.i18n import MESSAGES
from rrs_cli.layout import bundled_catalogue
from rrs_cli.report import build_report

from .conftest import Problems, Served, watch
from .test_site import AXE_TAGS, PAGE_TYPES, listed, query, shown_rows

WIDTHS = (320, 375, 768, 1440)
ALL_PAGES = [
    *PAGE_TYPES,
    "qualities/redundant.html",
    "accessibility.html",
    "privacy.html",
    "contact.html",
    "colophon.html",
    "404.html",
]
BASICS = ["qualities/redundant.html", *ALL_PAGES[len(PAGE_TYPES) + 1 :]]
PHONE_EN = ["index.html", "actions.html", "actions/17.html", "network.html", "search.html"]

MEASURE = """() => {
  const out = {overflow: null, broken: [], small: []};
  const doc = document.scrollingElement;
  if (doc.scrollWidth > doc.clientWidth) out.overflow = [doc.scrollWidth, doc.clientWidth];
  const shown = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const canvas = document.createElement('canvas').getContext('2d');
  /* A word (a break after a hyphen or a slash is a normal break) whose letters
     lie on two lines, although it would fit its cell on one. */
  for (const cell of document.querySelectorAll('td, th')) {
    if (!shown(cell)) continue;
    const style = getComputedStyle(cell);
    const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      const re = /[^\\s\\-\\/]+[\\-\\/]?/g;
      let m;
      while ((m = re.exec(node.textContent))) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0)
          .map(r => Math.round(r.top)));
        if (tops.size > 1) {
          canvas.font = getComputedStyle(node.parentElement).font;
          if (canvas.measureText(m[0]).width <= room + 1) out.broken.push(m[0]);
        }
      }
    }
  }
  /* Text in charts and drawings, at the size it is drawn. */
  for (const el of document.querySelectorAll('svg text, .chart th, .chart td, .network-list a')) {
    if (!shown(el)) continue;
    let size = parseFloat(getComputedStyle(el).fontSize);
    const svg = el.closest('svg');
    if (svg && svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width) {
      size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    }
    if (size < 12) out.small.push([el.textContent.slice(0, 30), Math.round(size * 10) / 10]);
  }
  return out;
}"""


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_fits_every_width(
    browser: Browser, sites: Served, width: int, lang: str
) -> None:
    """No sideways scrolling of the page, no word broken inside in a table cell,
    and chart and drawing text of at least 12 CSS pixels."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    problems = watch(page, Problems())
    found = {}
    for path in ALL_PAGES:
        page.goto(sites.url(lang, path))
        measured = page.evaluate(MEASURE)
        bad = {key: value for key, value in measured.items() if value}
        if bad:
            found[path] = bad
    context.close()
    assert not found, found
    problems.check()


# A4 less 14 mm margins each side, in CSS pixels: the width a printed page gives.
PRINT_WIDTH = 688
WIDE_ON_PAPER = """() => { const room = document.documentElement.clientWidth;
  return [...document.querySelectorAll('svg, table, figure')]
    .map(e => [e.tagName + (e.id ? '#' + e.id : ''), Math.round(e.getBoundingClientRect().right)])
    .filter(([, right]) => right > room + 1); }"""


@pytest.mark.parametrize(
    "path", ["network.html", "goals/klimaat.html", "qualities/robust.html", "report.html"]
)
def test_printed_drawings_and_tables_fit_the_paper(
    browser: Browser, sites: Served, path: str
) -> None:
    """On paper nothing scrolls: a drawing or table wider than the page is cut at its
    edge (the network drawing is 1266 px wide), so in print each fits the page width."""
    context = browser.new_context(viewport={"width": PRINT_WIDTH, "height": 1000})
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(sites.url("nl", path))
    assert page.locator("svg, table").count(), path  # there is something to measure
    wide = page.evaluate(WIDE_ON_PAPER)
    context.close()
    assert not wide, wide


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("width", [768, 961, 1024])
def test_on_a_tablet_the_list_shows_every_column_without_scrolling_its_box(
    browser: Browser, sites: Served, lang: str, width: int
) -> None:
    """The table needs about 910 px at its longest Dutch words: at 768 px it scrolled
    in its box and the owner column lay outside it. Narrower than that the rows are
    cards; wider, the table fits."""
    context = browser.new_context(viewport={"width": width, "height": 1024})
    page = context.new_page()
    page.goto(sites.url(lang, "actions.html"))
    box = page.eval_on_selector(".list-wrap", "d => [d.scrollWidth, d.clientWidth]")
    owner = page.locator("#action-list tbody tr").first.locator("td").last.bounding_box()
    context.close()
    assert box[0] <= box[1], box
    assert owner and owner["x"] + owner["width"] <= width, owner


def test_on_a_phone_the_list_is_cards_and_the_action_text_comes_first(
    browser: Browser, sites: Served
) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(sites.url("nl", "actions.html"))
    row = page.locator("#action-list tbody tr").first
    assert row.evaluate("r => getComputedStyle(r).display") == "block"
    box = row.bounding_box()
    assert box and box["width"] > 300  # a card as wide as the screen, not a 38 px column
    link = row.locator("td").first.locator("a")
    assert "Programma" in link.inner_text()  # the title is the link
    page.goto(sites.url("nl", "actions/A.html"))
    description = page.locator("#description").bounding_box()
    facts = page.locator("#facts").bounding_box()
    assert description and facts and description["y"] < facts["y"]
    # The network gives way to its list on a phone; targets are at least 24 px.
    page.goto(sites.url("nl", "network.html"))
    expect(page.locator(".network").first).to_be_hidden()
    expect(page.locator(".network-note").first).to_be_visible()
    expect(page.locator(".network-list").first).to_be_visible()
    heights = page.eval_on_selector_all(
        ".site-nav a, .pager a, .lang-switch a, button",
        "es => es.filter(e => e.offsetParent).map(e => e.getBoundingClientRect().height)",
    )
    assert heights and min(heights) >= 24, heights
    context.close()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_on_a_phone_the_reports_action_links_are_24_px_targets(
    browser: Browser, sites: Served, lang: str
) -> None:
    """The report's tables link each action by its id ("C, G, K"): one or two
    characters, drawn 4 to 12 px wide and 16 px high, their centres 17 to 21 px apart.
    (axe passes them as links in running text.) Each is at least 24 × 24 px."""
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    page.goto(sites.url(lang, "report.html"))
    sizes = page.eval_on_selector_all(
        ".rrs-report table a",
        """as => as.filter(a => a.getClientRects().length).map(a => {
          const r = a.getBoundingClientRect();
          return [a.textContent, Math.floor(r.width), Math.floor(r.height)]; })""",
    )
    context.close()
    assert len(sizes) > 100  # the owners' and funding tables' links are measured
    small = [size for size in sizes if size[1] < 24 or size[2] < 24]
    assert not small, small[:10]


@pytest.mark.parametrize(
    ("lang", "width", "paths"),
    [("nl", 320, ALL_PAGES), ("en", 320, PHONE_EN), ("nl", 1280, BASICS), ("en", 1280, BASICS)],
)
def test_axe_finds_no_violation_including_best_practices(
    browser: Browser, sites: Served, width: int, lang: str, paths: list[str]
) -> None:
    """On a small phone every Dutch page and the English pages whose layout differs
    most there; on a desktop the pages test_site.py's axe test does not open already
    (the same rules). Kept to these for the suite's time: axe takes seconds a page."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    axe = Axe()
    found = {}
    for path in paths:
        page.goto(sites.url(lang, path))
        if path == "search.html":
            page.goto(sites.url(lang, "search.html?q=wateroverlast"))
            expect(page.locator("#search-near li").first).to_be_visible()
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        violations = results.response["violations"]
        if violations:
            found[path] = [
                f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
                for v in violations
            ]
    context.close()
    assert not found, found


# --- plain Dutch ---------------------------------------------------------------------


def english_fragments() -> list[str]:
    """Pieces of the English interface strings that differ from the Dutch: any of
    them on a Dutch page is English left in the interface."""
    pieces = set()
    for dutch, english in MESSAGES.values():
        if english == dutch:
            continue
        for literal, *_ in string.Formatter().parse(english):
            literal = literal.strip(" .,:;()‘’“”—-")
            if len(literal) >= 14 and " " in literal and literal not in dutch:
                pieces.add(literal)
    return sorted(pieces)


NOTE_MARKS = re.compile(r"\bline \d{3,4}\b|README|status_text|A strict reading|is printed")


def dutch_text(page: Page) -> str:
    """The page's text as a reader meets it, without parts marked as English."""
    return str(
        page.evaluate(
            """() => { const copy = document.body.cloneNode(true);
            copy.querySelectorAll('[lang="en"], script, [hidden]').forEach(e => e.remove());
            return copy.innerText + ' ' + [...document.querySelectorAll('[aria-label]')]
              .filter(e => !e.closest('[lang="en"]')).map(e => e.getAttribute('aria-label'))
              .join(' '); }"""
        )
    )


def test_dutch_pages_carry_no_english_interface_text_or_notes(page: Page, sites: Served) -> None:
    fragments = english_fragments()
    assert "No progress recorded yet" in fragments  # the check can see English
    catalogue = load_catalogue(bundled_catalogue()).catalogue
    note_lines = [
        line[:40]
        for action in catalogue.actions.values()
        for line in (action.notes or "").splitlines()
        if len(line) > 40
    ]
    pages = [*ALL_PAGES, "actions/17.html", "actions/39.html", "actions/Q.html"]
    found = {}
    for path in pages:
        page.goto(sites.url("nl", path))
        if path == "search.html":
            page.goto(sites.url("nl", "search.html?q=wateroverlast"))
            expect(page.locator("#search-status")).not_to_be_empty()
        text = dutch_text(page)
        english = [f for f in fragments if f in text]
        notes = NOTE_MARKS.findall(text) + [n for n in note_lines if n in text]
        if english or notes:
            found[path] = (english[:5], notes[:5])
    assert not found, found


def test_english_pages_mark_the_dutch_catalogue_text(page: Page, sites: Served) -> None:
    page.goto(sites.url("en", "actions/A.html"))
    expect(page.locator(".catalogue-notice")).to_contain_text("Dutch")
    assert page.locator("h1 [lang='nl']").count() == 1
    page.goto(sites.url("en", "actions.html"))
    titles = page.eval_on_selector_all(
        "#action-list tbody td:first-child a span:not(.id)", "s => s.map(e => e.lang)"
    )
    assert titles and set(titles) == {"nl"}
    page.goto(sites.url("en", "network.html"))
    labels = page.eval_on_selector_all("svg g.node text", "ts => ts.map(t => t.textContent)")
    assert "1. Rotterdam: a balanced society" in labels
    assert not any("samenleving in balans" in label for label in labels)
    # Dutch pages tag English text: the link to the English site.
    page.goto(sites.url("nl", "index.html"))
    assert page.get_attribute(".lang-switch a", "lang") == "en"


def test_the_language_switch_leads_to_the_same_page(page: Page, sites: Served) -> None:
    page.goto(sites.url("nl", "actions/17.html"))
    page.locator(".lang-switch a").click()
    expect(page).to_have_url(re.compile(r"/bundled/en/actions/17\.html$"))
    assert page.get_attribute("html", "lang") == "en"
    page.locator(".lang-switch a").click()
    expect(page).to_have_url(re.compile(r"/bundled/actions/17\.html$"))
    assert page.get_attribute("html", "lang") == "nl"


# --- search ------------------------------------------------------------------------------


def results(page: Page, selector: str = "#search-results") -> list[str]:
    return list(
        page.eval_on_selector_all(f"{selector} li > a", "as => as.map(a => a.getAttribute('href'))")
    )


@pytest.mark.parametrize("word", ["Kralingen", "Charlois", "xyzzyq"])
def test_a_word_in_no_action_finds_no_action_by_its_id_letter(
    page: Page, sites: Served, word: str
) -> None:
    page.goto(sites.url("nl", f"search.html?q={word}"))
    expect(page.locator("#search-status")).to_have_text(f"Geen acties gevonden met ‘{word}’.")
    assert results(page) == [] and results(page, "#search-near") == []


def test_an_id_finds_its_action_first(page: Page, sites: Served) -> None:
    for value, target in (("K", "K"), ("k", "K"), ("17", "17")):
        page.goto(sites.url("nl", f"search.html?q={value}"))
        expect(page.locator("#search-results li").first).to_be_visible()
        assert results(page)[0] == f"actions/{target}.html", value


def test_no_match_is_said_before_near_matches_which_are_labelled(page: Page, sites: Served) -> None:
    page.goto(sites.url("nl", "search.html?q=wateroverlast"))
    expect(page.locator("#search-status")).to_have_text("Geen acties gevonden met ‘wateroverlast’.")
    expect(page.locator("#search-near-heading")).to_be_visible()
    expect(page.locator("#search-near-note")).to_contain_text("niet ‘wateroverlast’")
    assert results(page) == [] and "actions/J.html" in results(page, "#search-near")
    order = page.evaluate(
        "() => document.getElementById('search-status').compareDocumentPosition("
        "document.getElementById('search-near')) & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    assert order


def test_the_word_and_its_forms_rank_above_other_words(page: Page, sites: Served) -> None:
    page.goto(sites.url("nl", "search.html?q=woning"))
    expect(page.locator("#search-results li").first).to_be_visible()
    found = results(page)
    assert {"actions/9.html", "actions/10.html"} <= set(found)  # "woning.", "woningen"
    assert "actions/E.html" not in found  # only "Woonstad", "Woonbron"
    assert "actions/E.html" in results(page, "#search-near")
    # Each result says its status.
    first = page.locator("#search-results li").first
    expect(first.locator(".result-status")).to_contain_text("—")


def test_singular_and_plural(page: Page, sites: Served) -> None:
    page.goto(sites.url("nl", "search.html?q=Peperklip"))
    expect(page.locator("#search-status")).to_have_text("1 actie gevonden met ‘Peperklip’")
    page.goto(sites.url("en", "search.html?q=Peperklip"))
    expect(page.locator("#search-status")).to_have_text("1 action found with ‘Peperklip’")
    page.goto(sites.url("nl", "search.html?q=woning"))
    expect(page.locator("#search-status")).to_contain_text("acties gevonden met ‘woning’")


def test_every_page_has_a_search_box_in_its_header(page: Page, sites: Served) -> None:
    for path in ALL_PAGES:
        page.goto(sites.url("nl", path))
        if path == "search.html":
            assert page.locator(".header-search").count() == 0  # the page is the search
            continue
        assert page.locator(".header-search input[name='q']").count() == 1, path
    page.goto(sites.url("nl", "actions/A.html"))
    page.fill("#header-q", "Peperklip")
    page.locator(".header-search button").click()
    expect(page).to_have_url(re.compile(r"/bundled/search\.html\?q=Peperklip$"))
    expect(page.locator("#search-results li a").first).to_have_attribute("href", "actions/W.html")


# --- the list: status, filters and sorting ------------------------------------------------


def overdue_ids() -> set[str]:
    """Past their term and neither completed nor stopped, today (the site's date)."""
    catalogue = load_catalogue(bundled_catalogue()).catalogue
    report = build_report(
        catalogue, LinkGraph.build(catalogue), list(catalogue.actions.values()), as_of=date.today()
    )
    return {a.id for a, _ in report.overdue}


def never_updated_ids() -> set[str]:
    catalogue = load_catalogue(bundled_catalogue()).catalogue
    return {a.id for a in catalogue.actions.values() if not a.progress}


def test_without_javascript_the_choice_lists_filter(browser: Browser, sites: Served) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(sites.url("nl", "actions.html"))
    expect(page.locator("noscript")).to_have_count(1)
    visible = "rows => rows.filter(r => r.offsetParent !== null).map(r => r.dataset.id)"
    page.select_option("#f-goal", "cyber")
    shown = set(page.eval_on_selector_all("#action-list tbody tr", visible))
    assert shown == listed(goal="cyber")
    page.select_option("#f-overdue", "yes")
    shown = set(page.eval_on_selector_all("#action-list tbody tr", visible))
    assert shown == listed(goal="cyber") & overdue_ids()
    count = page.evaluate(
        "() => getComputedStyle(document.querySelector('.nojs-count'), '::before').content"
    )
    assert 'Getoond: " counter(shown)' in count or str(len(shown)) in count
    context.close()


def test_filters_for_term_expired_and_no_progress(page: Page, sites: Served) -> None:
    page.goto(sites.url("nl", "actions.html?overdue=yes&stale=never"))
    expected = overdue_ids() & never_updated_ids()
    assert expected and shown_rows(page) == expected
    expect(page.locator("#result-count")).to_contain_text(f"{len(expected)} van 68")
    page.goto(sites.url("nl", "index.html"))
    expect(page.locator(".attention")).to_contain_text(f"Bij {len(expected)} van de 68 acties")
    page.locator(".attention a").click()
    # The click starts a navigation; the list page filters once its script has run.
    page.wait_for_url("**/actions.html?*", wait_until="load")
    expect(page.locator("#result-count")).to_contain_text(f"{len(expected)} van 68")
    assert shown_rows(page) == expected


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).lower().split())


def test_sorting_by_title_end_of_term_and_last_update(page: Page, sites: Served) -> None:
    page.goto(sites.url("nl", "actions.html"))
    page.select_option("#f-sort", "title")
    assert query(page) == {"sort": ["title"]}
    titles = page.eval_on_selector_all(
        "#action-list tbody tr",
        "rs => rs.map(r => r.cells[0].querySelector('a span:not(.id)').textContent)",
    )
    assert titles == sorted(titles, key=fold) and len(titles) == 68
    page.goto(sites.url("nl", "actions.html?sort=end"))
    ends = page.eval_on_selector_all("#action-list tbody tr", "rs => rs.map(r => r.dataset.end)")
    dated = [e for e in ends if e]
    assert dated == sorted(dated) and ends[: len(dated)] == dated  # open terms last
    page.goto(sites.url("nl", "actions.html?sort=status"))
    order = page.eval_on_selector_all(
        "#action-list tbody tr", "rs => rs.map(r => r.dataset.status)"
    )
    statuses = page.get_attribute("#action-list", "data-statuses") or ""
    ranks = [statuses.split().index(s) for s in order]
    assert ranks == sorted(ranks)


def test_report_rows_link_to_the_action_pages(page: Page, sites: Served) -> None:
    page.goto(sites.url("nl", "report.html"))
    links = page.eval_on_selector_all(
        ".report table a[href^='actions/']", "as => as.map(a => a.getAttribute('href'))"
    )
    assert "actions/B.html" in links and len(set(links)) > 20
    page.locator(".report table a[href='actions/B.html']").first.click()
    expect(page.locator("h1")).to_contain_text("B")


# --- focus ---------------------------------------------------------------------------------

CONTRAST = """() => {
  const e = document.activeElement, s = getComputedStyle(e);
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = c => { const [r, g, b] = rgb(c).slice(0, 3).map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  let node = e.parentElement, back = 'rgb(255, 255, 255)';
  while (node) { const b = getComputedStyle(node).backgroundColor;
    if (rgb(b).length === 3 || (rgb(b)[3] || 0) > 0) { back = b; break; }
    node = node.parentElement; }
  const a = lum(s.outlineColor), b = lum(back);
  return {el: e.outerHTML.slice(0, 60), width: parseFloat(s.outlineWidth), style: s.outlineStyle,
          ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)};
}"""


@pytest.mark.parametrize("width", [375, 1440])
def test_the_focus_ring_contrasts_with_what_is_around_it(
    browser: Browser, sites: Served, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(sites.url("nl", "actions.html"))
    seen = []
    for _ in range(24):
        page.keyboard.press("Tab")
        info = page.evaluate(CONTRAST)
        seen.append(info)
        assert info["style"] != "none" and info["width"] >= 2, info
        assert info["ratio"] >= 3, info
    assert any("header-q" in i["el"] for i in seen)  # the header was covered
    context.close()


def test_the_404_page_is_a_page_of_the_site(page: Page, sites: Served) -> None:
    page.goto(sites.url("nl", "404.html"))
    expect(page.locator("h1")).to_have_text("Pagina niet gevonden")
    page.locator("main a").first.click()
    expect(page).to_have_url(re.compile(r"/bundled/index\.html$"))


def test_the_downloads_are_there(page: Page, sites: Served) -> None:
    folder: Path = sites.folder("nl")
    for name in ("actions.csv", "export.json", "findings.csv"):
        assert (folder / "data" / name).is_file()
    page.goto(sites.url("nl", "data.html"))
    links = page.eval_on_selector_all(
        "#download ~ ul a", "as => as.map(a => a.getAttribute('href'))"
    )
    assert set(links) >= {"data/actions.csv", "data/export.json", "data/findings.csv"}

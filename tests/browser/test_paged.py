"""The site of a large catalogue in a real browser: the paged action list (with
and without JavaScript), the owner filter as a text box and the report in parts.

The ``paged`` site is the bundled catalogue built with the limits made small
(``conftest.PAGED_LIMITS``), so each page is split as at 10,000 actions.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from .conftest import PAGED_LIMITS, Served
from .test_site import WCAG, all_rows, listed, shown_rows

PER_PAGE = PAGED_LIMITS["LIST_PAGE"]


def list_pages(sites: Served) -> list[str]:
    folder = sites.folder("paged")
    others = sorted(folder.glob("actions-*.html"), key=lambda p: int(p.stem.split("-")[1]))
    return ["actions.html", *(p.name for p in others)]


def test_each_list_page_shows_its_own_rows(page: Page, sites: Served) -> None:
    pages = list_pages(sites)
    assert len(pages) == -(-len(listed()) // PER_PAGE) > 1
    seen: set[str] = set()
    for number, name in enumerate(pages, 1):
        page.goto(sites.url("paged", name))
        rows = shown_rows(page)
        assert rows == all_rows(page) and 0 < len(rows) <= PER_PAGE
        current = page.locator('.pager a[aria-current="page"]').first
        expect(current).to_have_text(str(number))
        seen |= rows
    assert seen == listed()


def test_without_javascript_the_pages_link_through_the_whole_list(
    browser: Browser, sites: Served
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(sites.url("paged", "actions.html"))
    seen = set(
        page.eval_on_selector_all("#action-list tbody tr[data-id]", "r => r.map(x => x.dataset.id)")
    )
    while page.locator('.pager a[rel="next"]').count():
        page.locator('.pager a[rel="next"]').first.click()
        seen |= set(
            page.eval_on_selector_all(
                "#action-list tbody tr[data-id]", "r => r.map(x => x.dataset.id)"
            )
        )
    context.close()
    assert seen == listed()


@pytest.mark.parametrize("start", ["actions.html", "actions-2.html"])
def test_a_filter_narrows_every_page(page: Page, sites: Served, start: str) -> None:
    page.goto(sites.url("paged", start))
    page.select_option("#f-goal", "cyber")
    expected = listed(goal="cyber")
    expect(page.locator("#result-count")).to_contain_text(f"{len(expected)} van {len(listed())}")
    assert shown_rows(page) == expected
    assert all_rows(page) == listed()  # the other pages' rows were fetched
    expect(page.locator(".pager").first).to_be_hidden()
    assert parse_qs(urlsplit(page.url).query) == {"goal": ["cyber"]}
    page.select_option("#f-goal", "")  # no filter: this page's rows again, and the pager
    expect(page.locator(".pager").first).to_be_visible()
    assert len(shown_rows(page)) <= PER_PAGE


def test_a_filter_in_the_url_loads_every_page(page: Page, sites: Served) -> None:
    page.goto(sites.url("paged", "actions.html?goal=cyber&status=ongoing"))
    expected = listed(goal="cyber", status="ongoing")
    expect(page.locator("#result-count")).to_contain_text(f"{len(expected)} van")
    assert shown_rows(page) == expected


def test_the_owner_filter_is_a_text_box_matching_part_of_a_name(page: Page, sites: Served) -> None:
    page.goto(sites.url("paged", "actions.html?owner=havenbedrijf"))
    expected = listed(owner="havenbedrijf")
    assert expected
    expect(page.locator("#result-count")).to_contain_text(f"{len(expected)} van")
    assert page.locator("#f-owner").evaluate("e => e.tagName") == "INPUT"
    assert shown_rows(page) == expected
    page.fill("#f-owner", "")
    expect(page.locator(".pager").first).to_be_visible()
    page.fill("#f-owner", "Havenbedrijf Rotterdam")  # a whole name, as printed
    expect(page.locator("#result-count")).to_contain_text(" van ")
    shown = shown_rows(page)
    assert shown and shown <= listed(owner="havenbedrijf")


def test_opened_from_a_file_a_filter_says_it_covers_this_page_only(
    browser: Browser, sites: Served
) -> None:
    """Browsers do not let a file:// page fetch the other pages: the count says so."""
    context = browser.new_context()
    page = context.new_page()
    page.goto((sites.folder("paged") / "actions.html").as_uri() + "?goal=cyber")
    expect(page.locator("#result-count")).to_contain_text("op deze pagina")
    first_page = set(
        page.eval_on_selector_all("#action-list tbody tr[data-id]", "r => r.map(x => x.dataset.id)")
    )
    assert shown_rows(page) == listed(goal="cyber") & first_page
    context.close()


def test_the_report_lists_its_parts(page: Page, sites: Served) -> None:
    page.goto(sites.url("paged", "report.html"))
    page.locator('#rrs-goals a[href="report/goals-1.html"]').click()
    expect(page.locator("h1")).to_contain_text("1")
    page.locator('.rrs-part-nav a[rel="next"]').click()
    assert page.url.endswith("report/goals-2.html")
    page.locator(".rrs-part-nav a").first.click()
    assert page.url.endswith("report.html#rrs-goals")


@pytest.mark.parametrize(
    "path", ["actions.html", "actions-2.html", "report.html", "report/goals-1.html"]
)
def test_axe_on_the_split_pages(page: Page, sites: Served, path: str) -> None:
    page.goto(sites.url("paged", path))
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    violations = results.response["violations"]
    summary = [
        f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:5]}" for v in violations
    ]
    assert not violations, "\n".join(summary)

"""`rrs site`: the contract of the built site, safety, refusals, determinism, links.

Golden pages for a small fixture catalogue live in ``tests/golden/site``;
regenerate them after a deliberate change with
``RRS_UPDATE_GOLDEN=1 python -m pytest tests/test_site.py``.
The browser tests (axe, keyboard, JavaScript) are in ``tests/test_browser*.py``.
"""

from __future__ import annotations

import gzip
import os
import re
import threading
import urllib.request
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from rrs_cli.catalogue import load_catalogue
from rrs_cli.graph import LinkGraph
from rrs_cli.site import BuildResult, build_site
from rrs_cli.site import build as site_build
from rrs_cli.site import serve as site_serve
from rrs_cli.site.serve import make_server
from rrs_cli.validation import validate

from .conftest import STRATEGY, Invoke, MakeCatalogue, connected, default_actions, flywheel

WITH_ORGS = {
    **STRATEGY,
    "organisations": [["Havenbedrijf Rotterdam", "HbR"], ["Gemeente Rotterdam", "Gemeente"]],
}
GOLDEN = Path(__file__).resolve().parent / "golden" / "site"
AS_OF = "2026-06-30"


def logged() -> dict[str, Any]:
    actions = default_actions()
    actions["A"] = {
        **actions["A"],
        "owner": "Gemeente, HbR",
        "progress": [
            {"date": "2017-03-01", "status": "starting", "note": "Kwartiermaker benoemd"},
            {"date": "2019-06-01", "status": "ongoing", "note": "Instituut open", "by": "CRO"},
        ],
    }
    actions["9"] = connected("9", links=[], links_all_flywheels=True, title="Voor alle vliegwielen")
    return actions


class Page(HTMLParser):
    """Everything a test needs from one HTML file."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: set[str] = set()
        self.text: list[str] = []
        self._script = False
        self.script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append((tag, found))
        if found.get("id"):
            self.ids.add(str(found["id"]))
        self._script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._script = False

    def handle_data(self, data: str) -> None:
        (self.script_text if self._script else self.text).append(data)

    def first(self, tag: str, **attrs: str) -> dict[str, str | None] | None:
        for name, found in self.tags:
            if name == tag and all(found.get(k) == v for k, v in attrs.items()):
                return found
        return None


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def build(root: Path, out: Path, **kwargs: Any) -> BuildResult:
    result = load_catalogue(root)
    graph = LinkGraph.build(result.catalogue)
    kwargs.setdefault("lang", "nl")
    kwargs.setdefault("as_of", date.fromisoformat(AS_OF))
    return build_site(result.catalogue, graph, validate(root), out, **kwargs)


@pytest.fixture
def site(make_catalogue: MakeCatalogue, tmp_path: Path) -> Path:
    root = make_catalogue(logged(), strategy=WITH_ORGS)
    out = tmp_path / "site"
    build(root, out)
    return out


def html_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.html") if "pagefind" not in p.parts)


def test_layout_of_the_built_site(site: Path) -> None:
    for name in [
        "index.html",
        "actions.html",
        "actions/A.html",
        "actions/9.html",
        "goals/samenleving.html",
        "goals/cyber.html",
        "qualities/robust.html",
        "organisations.html",
        "report.html",
        "network.html",
        "data.html",
        "search.html",
        "assets/site.css",
        "assets/site.js",
        "data/export.json",
        ".rrs-site",
        "pagefind/pagefind.js",
    ]:
        assert (site / name).is_file(), name


def test_every_page_keeps_the_contract(site: Path) -> None:
    nav_targets = {
        "index.html",
        "actions.html",
        "search.html",
        "report.html",
        "network.html",
        "organisations.html",
        "data.html",
    }
    for path in html_files(site):
        text = path.read_text(encoding="utf-8")
        page = parse(path)
        assert page.first("html", lang="nl"), path
        focusable = [
            a
            for tag, a in page.tags
            if tag in {"a", "button", "input", "select"} and a.get("href") != ""
        ]
        assert focusable[0] == {"class": "skip-link", "href": "#main"}, path
        assert page.first("main", id="main"), path
        csp = page.first("meta", **{"http-equiv": "Content-Security-Policy"})
        assert csp and "default-src 'none'" in str(csp["content"]), path
        assert "script-src 'self'" in str(csp["content"]) and "unsafe-inline" not in str(csp)
        depth = "../" * len(path.relative_to(site).parts[:-1])
        hrefs = {str(a.get("href")) for tag, a in page.tags if tag == "a"}
        assert {depth + t for t in nav_targets} <= hrefs, path
        # No inline script, inline style or event handler anywhere.
        assert "".join(page.script_text).strip() == "", path
        for tag, attrs in page.tags:
            assert tag != "style", path
            assert "style" not in attrs or tag in {"svg"}, (path, tag)
            assert not any(k.startswith("on") for k in attrs), (path, tag, attrs)
            if tag == "script":
                assert attrs.get("src"), path
        assert "://" not in " ".join(h for h in hrefs if not h.startswith("mailto:")), path
        assert "\t" not in text


def test_action_page_shows_every_field(site: Path) -> None:
    page = parse(site / "actions" / "A.html")
    text = " ".join(page.text)
    for expected in [
        "Vliegwielactie",
        "Financiën (mogelijk)",
        "Status bij publicatie (2016)",
        "in de strategie: “Nieuw”",
        "Huidige status",
        "Lopend",
        "Termijn verstreken",
        "Ja, op 31 december 2018",
        "Kwartiermaker benoemd",
        "Robuustheid",
    ]:
        assert expected in text, expected
    assert page.first("ol", **{"class": "timeline"})
    respond = page.first("a", **{"class": "respond"})
    assert respond and str(respond["href"]).startswith("mailto:test@example.org?subject=")
    assert "%20A%3A%20Vliegwiel%20A" in str(respond["href"])
    # Links both ways, one-sided ones marked; "all flywheels" once.
    assert page.first("a", href="1.html") and page.first("a", href="9.html")
    assert "verbonden met alle vliegwielacties" in text
    nine = " ".join(parse(site / "actions" / "9.html").text)
    assert nine.count("Deze actie is verbonden met alle vliegwielacties") == 1


def test_one_sided_links_are_marked(make_catalogue: MakeCatalogue, tmp_path: Path) -> None:
    actions = default_actions()
    actions["2"] = {**actions["2"], "links": []}  # A names 2; 2 does not name A
    out = tmp_path / "out"
    build(make_catalogue(actions), out)
    text = " ".join(parse(out / "actions" / "2.html").text)
    assert "eenzijdig: alleen bij de andere actie genoemd" in text
    text = " ".join(parse(out / "actions" / "A.html").text)
    assert "eenzijdig: alleen bij deze actie genoemd" in text


def test_list_page_rows_and_filters(site: Path) -> None:
    page = parse(site / "actions.html")
    assert page.first("form", id="filters")
    for name in ["goal", "quality", "status", "term", "kind", "owner"]:
        select = page.first("select", name=name)
        assert select, name
        assert page.first("label", **{"for": str(select["id"])}), name
    assert page.first("input", type="search", name="q")
    assert page.first("p", id="result-count", **{"aria-live": "polite"})
    rows = [a for tag, a in page.tags if tag == "tr" and "data-id" in a]
    assert [r["data-id"] for r in rows] == ["A", "B", "1", "2", "3", "9"]
    three = next(r for r in rows if r["data-id"] == "3")
    assert three == {
        "data-id": "3",
        "data-goal": "cyber",
        "data-quality": "",
        "data-status": "ongoing",
        "data-term": "medium",
        "data-kind": "connected",
        "data-owner": "cluster-stadsontwikkeling",
    }
    a = next(r for r in rows if r["data-id"] == "A")
    assert a["data-status"] == "ongoing"  # the latest logged status on --as-of
    assert a["data-owner"] == "gemeente-rotterdam havenbedrijf-rotterdam"  # by alias
    nine = next(r for r in rows if r["data-id"] == "9")
    assert nine["data-goal"] == "samenleving cyber"  # all flywheels: every goal
    assert page.first("a", href="actions/3.html")


def test_organisations_group_aliases(site: Path) -> None:
    page = parse(site / "organisations.html")
    assert "org-havenbedrijf-rotterdam" in page.ids
    text = " ".join(page.text)
    assert "Ook geschreven als" in text and "HbR" in text


def test_search_page(site: Path) -> None:
    page = parse(site / "search.html")
    assert page.first("input", id="search-input", type="search")
    assert page.first("ol", id="search-results")
    assert "search-file-note" in page.ids  # shown by the script when opened from a file


def test_links_and_anchors_resolve(site: Path, make_catalogue: MakeCatalogue) -> None:
    check_links(site)


def check_links(site: Path) -> None:
    """Every internal href and src of every page resolves, and so does its #anchor."""
    pages = {p: parse(p) for p in html_files(site)}
    checked = 0
    for path, page in pages.items():
        for _tag, attrs in page.tags:
            for key in ("href", "src"):
                value = attrs.get(key)
                if value is None or value.startswith(("mailto:", "data:")):
                    continue
                parts = urlsplit(value)
                assert not parts.scheme and not parts.netloc, (path, value)
                target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
                assert target.is_file(), (path, value)
                assert site.resolve() in target.parents, (path, value)
                if parts.fragment and target.suffix == ".html":
                    assert parts.fragment in pages[target].ids, (path, value)
                checked += 1
    assert checked > 100


def test_bundled_catalogue_site_links_resolve(bundled: Path, tmp_path: Path) -> None:
    out = tmp_path / "bundled"
    build(bundled, out)
    check_links(out)
    assert len(list((out / "actions").glob("*.html"))) == 68


def test_builds_are_byte_identical(make_catalogue: MakeCatalogue, tmp_path: Path) -> None:
    root = make_catalogue(logged(), strategy=WITH_ORGS)
    one, two = tmp_path / "one", tmp_path / "two"
    build(root, one)
    build(root, two)
    files_one = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    files_two = sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    assert files_one == files_two
    assert any(p.parts[0] == "pagefind" for p in files_one)  # the index is covered too
    for rel in files_one:
        assert (one / rel).read_bytes() == (two / rel).read_bytes(), rel


def test_english_interface(make_catalogue: MakeCatalogue, tmp_path: Path) -> None:
    out = tmp_path / "en"
    build(make_catalogue(logged(), strategy=WITH_ORGS), out, lang="en")
    page = parse(out / "actions" / "A.html")
    assert page.first("html", lang="en")
    text = " ".join(page.text)
    assert "Funding (possible)" in text and "Status at publication (2016)" in text
    assert "Vliegwiel A" in text  # catalogue text stays as printed
    assert "Robust" in " ".join(parse(out / "index.html").text)


HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "[klik](javascript:alert(3))",
    "javascript:alert(4)",
    'graph TD; A-->B["<b onmouseover=alert(5)>"]',
    "\x1b]52;c;ZXZpbA==\x07 \u202e evil \x00",
    "**vet** `code` </main></body>",
]


def test_hostile_catalogue_renders_inert(make_catalogue: MakeCatalogue, tmp_path: Path) -> None:
    actions = default_actions()
    for index, (key, payload) in enumerate(zip(["A", "B", "1", "2", "3"], HOSTILE, strict=False)):
        actions[key] = {
            **actions[key],
            "title": f"T{index} {payload}",
            "owner": payload,
            "partners": HOSTILE[-1 - index],
            "notes": payload,
            "description": payload,
            "progress": [{"date": "2020-01-01", "status": "ongoing", "note": payload}],
        }
    root = make_catalogue(actions)
    assert not [f for f in validate(root) if f.severity.value == "error"]
    out = tmp_path / "hostile"
    build(root, out)
    for path in html_files(out):
        page = parse(path)
        scripts = [a for tag, a in page.tags if tag == "script"]
        assert all(str(a.get("src", "")).endswith("assets/site.js") for a in scripts), path
        for tag, attrs in page.tags:
            assert tag not in {"img", "iframe", "object", "b"}, (path, tag)
            assert not any(k.startswith("on") for k in attrs), (path, attrs)
            for key in ("href", "src", "action"):
                assert not str(attrs.get(key, "")).lower().startswith("javascript"), path
        raw = path.read_text(encoding="utf-8")
        assert "\x1b" not in raw and "\u202e" not in raw and "\x00" not in raw, path
    action = (out / "actions" / "A.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in action
    assert "\\e]52;c;" in (out / "actions" / "B.html").read_text(encoding="utf-8")
    check_links(out)


def test_refuses_a_catalogue_with_errors(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    actions = default_actions()
    actions["3"] = {**actions["3"], "status": "finished"}
    root = make_catalogue(actions)
    out = root.parent / "out"
    result = rrs("site", "--output", str(out), catalogue=root)
    assert result.exit_code == 1
    assert "3.yaml:" in result.stderr and "RRS007" in result.stderr
    assert not out.exists()
    assert not list(root.parent.glob(".out.*"))


def test_refuses_dangerous_output_folders(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    root = make_catalogue()
    for target in (root, root.parent):
        result = rrs("site", "--output", str(target), "--force", catalogue=root)
        assert result.exit_code == 1 and "contains it" in result.stderr, target
    other = root.parent / "other"
    other.mkdir()
    (other / "keep.txt").write_text("mine")
    result = rrs("site", "--output", str(other), catalogue=root)
    assert result.exit_code == 1 and "--force" in result.stderr
    assert (other / "keep.txt").read_text() == "mine"
    result = rrs("site", "--output", str(other), "--force", "--as-of", AS_OF, catalogue=root)
    assert result.exit_code == 0, result.stderr
    assert (other / ".rrs-site").is_file() and not (other / "keep.txt").exists()
    # A folder rrs made is replaced without --force.
    result = rrs("site", "--output", str(other), "--lang", "en", catalogue=root)
    assert result.exit_code == 0 and 'lang="en"' in (other / "index.html").read_text()


def test_a_failed_build_keeps_the_old_site(
    make_catalogue: MakeCatalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_catalogue()
    out = tmp_path / "site"
    build(root, out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def broken(*args: Any) -> None:
        raise site_build.SearchIndexError("indexer broke")

    monkeypatch.setattr(site_build, "run_pagefind", broken)
    with pytest.raises(site_build.SearchIndexError):
        build(root, out, lang="en")
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalogue", "site"]


def test_builds_without_pagefind(
    rrs: Invoke, make_catalogue: MakeCatalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(site_build, "pagefind_executable", lambda: None)
    root = make_catalogue()
    out = root.parent / "nosearch"
    result = rrs("site", "--output", str(out), catalogue=root)
    assert result.exit_code == 0
    assert "no search" in result.stderr
    assert "niet beschikbaar" in (out / "search.html").read_text()
    assert not (out / "pagefind").exists()


def test_options_are_checked(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    root = make_catalogue()
    out = str(root.parent / "o")
    assert rrs("site", "-o", out, "--lang", "de", catalogue=root).exit_code == 2
    assert rrs("site", "-o", out, "--contact", "x?cc=a@b.org", catalogue=root).exit_code == 2
    assert (
        rrs("site", "-o", out, "--base-url", "javascript:alert(1)", catalogue=root).exit_code == 2
    )
    assert rrs("site", "-o", out, "--as-of", "soon", catalogue=root).exit_code == 2
    result = rrs(
        "site",
        "-o",
        out,
        "--contact",
        "reactie@example.org",
        "--base-url",
        "https://example.org/rrs/",
        catalogue=root,
    )
    assert result.exit_code == 0, result.stderr
    action = (Path(out) / "actions" / "A.html").read_text()
    assert 'href="mailto:reactie@example.org?subject=' in action
    assert '<link rel="canonical" href="https://example.org/rrs/actions/A.html">' in action


def test_serve_gives_the_site_compressed(site: Path) -> None:
    server = make_server(site, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/actions.html", headers={"Accept-Encoding": "gzip"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            body = gzip.decompress(response.read())
        assert body == (site / "actions.html").read_bytes()
        with urllib.request.urlopen(
            f"http://127.0.0.1:{port}/pagefind/pagefind.js", timeout=10
        ) as r:
            assert r.status == 200
    finally:
        server.shutdown()
        server.server_close()


GOLDEN_PAGES = [
    ("nl", "index.html"),
    ("nl", "actions.html"),
    ("nl", "actions/A.html"),
    ("nl", "goals/samenleving.html"),
    ("nl", "data.html"),
    ("en", "actions/A.html"),
    ("en", "organisations.html"),
]


def normalise(text: str) -> str:
    """Golden comparison ignores trailing spaces and the catalogue's content hash."""
    text = re.sub(r"(inhoudshash|content hash) [0-9a-f]{16}", r"\1 HASH", text)
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


@pytest.mark.parametrize(("lang", "name"), GOLDEN_PAGES)
def test_golden_pages(make_catalogue: MakeCatalogue, tmp_path: Path, lang: str, name: str) -> None:
    out = tmp_path / "golden"
    build(make_catalogue(logged(), strategy=WITH_ORGS), out, lang=lang)
    actual = normalise((out / name).read_text(encoding="utf-8"))
    golden = GOLDEN / lang / name
    if os.environ.get("RRS_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


def test_flywheel_helper_is_used() -> None:
    assert flywheel("Z")["kind"] == "flywheel"


def test_large_catalogue_paths(
    make_catalogue: MakeCatalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the limits, organisations get a page per letter and networks are not drawn."""
    from rrs_cli.site import pages as render

    monkeypatch.setattr(render, "ORG_PAGE_LIMIT", 2)
    monkeypatch.setattr(render, "MAX_DRAWN", 2)
    out = tmp_path / "large"
    build(make_catalogue(logged(), strategy=WITH_ORGS), out)
    assert (out / "organisations" / "g.html").is_file()
    assert "org-gemeente-rotterdam" in parse(out / "organisations" / "g.html").ids
    action = parse(out / "actions" / "A.html")
    assert action.first("a", href="../organisations/g.html#org-gemeente-rotterdam")
    assert "te veel om leesbaar te tekenen" in (out / "network.html").read_text()
    check_links(out)


def test_serve_prints_the_address_and_stops_on_ctrl_c(
    rrs: Invoke, make_catalogue: MakeCatalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    served: list[Path] = []
    real = site_serve.make_server

    def fake(folder: Path, port: int) -> Any:
        server = real(folder, 0)
        served.append(folder)

        def interrupted() -> None:
            raise KeyboardInterrupt

        server.serve_forever = interrupted  # type: ignore[method-assign]
        return server

    monkeypatch.setattr(site_serve, "make_server", fake)
    root = make_catalogue()
    out = root.parent / "served"
    result = rrs("site", "-o", str(out), "--serve", "--port", "0", catalogue=root)
    assert result.exit_code == 0, result.stderr
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/\n", result.stdout)
    assert served == [out] and (out / "index.html").is_file()


def test_a_large_report_is_split_into_parts(
    bundled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above REPORT_SPLIT actions the goal sections and the appendix move into parts of
    at most PART_ROWS rows; the report page lists them and every link resolves."""
    from rrs_cli.site import pages as site_render
    from rrs_cli.site import report_parts

    monkeypatch.setattr(site_render, "REPORT_SPLIT", 10)
    monkeypatch.setattr(report_parts, "REPORT_SPLIT", 10)
    monkeypatch.setattr(report_parts, "PART_ROWS", 8)
    out = tmp_path / "split"
    build(bundled, out)
    goals = sorted((out / "report").glob("goals-*.html"))
    appendix = sorted((out / "report").glob("appendix-*.html"))
    assert len(goals) > 7 and len(appendix) > 2
    report = (out / "report.html").read_text(encoding="utf-8")
    assert 'href="report/goals-1.html"' in report and 'href="report/appendix-1.html"' in report
    assert 'class="rrs-actions"' not in report.split('id="rrs-goals"')[1].split("</section>")[0]
    # No part has more than PART_ROWS rows in its action tables.
    for part in goals + appendix:
        body = part.read_text(encoding="utf-8")
        assert body.count('<th scope="row">') <= 8, part
        assert "assets/report.css" in body
    # Every action of the goal sections is in some part, once per flywheel table.
    whole = "".join(p.read_text(encoding="utf-8") for p in goals)
    assert whole.count('<th scope="row">A</th>') >= 1
    check_links(out)


def test_a_long_list_is_paged_and_the_pages_hold_every_action(
    bundled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above LIST_PAGE actions: actions.html, actions-2.html, ... each with at most
    LIST_PAGE rows, linked to each other; together every action once."""
    from rrs_cli.site import pages as site_render

    monkeypatch.setattr(site_render, "LIST_PAGE", 20)
    monkeypatch.setattr(site_render, "ORG_PAGE_LIMIT", 5)
    out = tmp_path / "paged"
    build(bundled, out)
    pages = ["actions.html", "actions-2.html", "actions-3.html", "actions-4.html"]
    assert sorted(p.name for p in out.glob("actions*.html")) == sorted(pages)
    ids: list[str] = []
    for number, name in enumerate(pages, 1):
        body = (out / name).read_text(encoding="utf-8")
        rows = re.findall(r'<tr data-id="([^"]+)"', body)
        assert 0 < len(rows) <= 20
        ids += rows
        assert f'data-page="{number}"' in body and 'data-pages="' + " ".join(pages) in body
        assert f'<a href="{name}" aria-current="page">{number}</a>' in body
        assert ('rel="next"' in body) == (number < len(pages))
        assert ('rel="prev"' in body) == (number > 1)
        # The owner filter: a text box, with the other spellings of aliased names.
        assert '<input id="f-owner" type="text" name="owner"' in body
        assert 'data-aliases="' in body and '<select id="f-owner"' not in body
    assert len(ids) == len(set(ids)) == 68
    assert "1 tot en met 20 van 68" in (out / "actions.html").read_text(encoding="utf-8")
    check_links(out)


def test_a_small_report_is_one_page(site: Path) -> None:
    assert not (site / "report").exists()
    assert 'class="rrs-parts"' not in (site / "report.html").read_text(encoding="utf-8")


def test_the_indexer_reads_only_the_action_pages(
    make_catalogue: MakeCatalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pagefind gets a glob of the action pages (the only ones with data-pagefind-body)
    and runs while the other pages are written; all pages are on disk when it is done."""
    seen: list[tuple[list[str], list[str]]] = []
    real = site_build.subprocess.run

    def spy(command: list[str], **kwargs: Any) -> Any:
        if "--site" not in command:  # git, asked for the catalogue's version
            return real(command, **kwargs)
        folder = Path(command[command.index("--site") + 1])
        seen.append((command, sorted(p.name for p in (folder / "actions").glob("*.html"))))
        return real(command, **kwargs)

    monkeypatch.setattr(site_build.subprocess, "run", spy)
    root = make_catalogue()
    out = tmp_path / "site"
    build(root, out)
    command, action_pages = seen[0]
    assert command[command.index("--glob") + 1] == "actions/*.html"
    assert action_pages == sorted(p.name for p in (out / "actions").glob("*.html"))
    assert (out / "pagefind" / "pagefind.js").is_file() and (out / "report.html").is_file()


def test_counts_of_one_are_singular(make_catalogue: MakeCatalogue, tmp_path: Path) -> None:
    root = make_catalogue()
    out = tmp_path / "site"
    build(root, out)
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "1 vliegwielactie," in home and "1 vliegwielacties" not in home
    assert "verbonden acties" in home  # more than one: plural
    build(root, out, lang="en")
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "1 flywheel action," in home and "1 flywheel actions" not in home

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
import urllib.error
import urllib.request
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from rrs_cli.catalogue import load_catalogue
from rrs_cli.graph import LinkGraph
from rrs_cli.i18n import MESSAGES
from rrs_cli.site import BuildResult, build_site
from rrs_cli.site import build as site_build
from rrs_cli.site import serve as site_serve
from rrs_cli.site.serve import make_server
from rrs_cli.validation import validate

from .catalogues import STRATEGY, connected, default_actions, flywheel
from .conftest import Invoke, MakeCatalogue

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
        "accessibility.html",
        "privacy.html",
        "contact.html",
        "colophon.html",
        "404.html",
        "assets/site.css",
        "assets/site.js",
        "assets/utrecht.css",
        "assets/tokens.css",
        "assets/list.css",
        "data/export.json",
        "data/actions.csv",
        "data/findings.csv",
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
        assert focusable[0]["href"] == "#main", path
        assert "skip-link" in str(focusable[0]["class"]).split(), path
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
        "Status in 2016",
        "Huidige status",
        "Lopend",
        "Einde termijn",
        "verstreken op 31 december 2018",
        "laatste voortgangsmelding 1 juni 2019",
        "Kwartiermaker benoemd",
        "Robuustheid",
    ]:
        assert expected in text, expected
    assert page.first("ol", **{"class": "timeline"})
    respond = next(
        (a for tag, a in page.tags if tag == "a" and "respond" in str(a.get("class")).split()), None
    )
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
    assert "alleen bij de andere actie genoemd" in text
    text = " ".join(parse(out / "actions" / "A.html").text)
    assert "alleen bij deze actie genoemd" in text


def test_list_page_rows_and_filters(site: Path) -> None:
    page = parse(site / "actions.html")
    assert page.first("form", id="filters")
    for name in ["goal", "quality", "status", "term", "kind", "owner", "overdue", "stale", "sort"]:
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
        # The term (medium: 5 years from 2016) ends on 31 December 2021, before
        # --as-of, and nothing was ever logged: past its term, no update since.
        "data-overdue": "yes",
        "data-stale": "never 1y 2y",
        "data-end": "2021-12-31",
        "data-updated": "",
    }
    a = next(r for r in rows if r["data-id"] == "A")
    assert a["data-status"] == "ongoing"  # the latest logged status on --as-of
    assert a["data-updated"] == "2019-06-01" and a["data-stale"] == "1y 2y"
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
    assert "Possible funding" in text and "Status in 2016" in text
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
            assert tag not in {"img", "iframe", "object"}, (path, tag)
            # The site's own <b class="id"> marks an action's id; the payload's <b> is text.
            assert tag != "b" or attrs == {"class": "id"}, (path, tag, attrs)
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


def test_the_first_day_a_date_holds_is_a_reference_date(
    make_catalogue: MakeCatalogue, tmp_path: Path
) -> None:
    """--as-of 0001-01-01: "no update for a year" has no day before it (it crashed)."""
    root = make_catalogue(logged(), strategy=WITH_ORGS)
    build(root, tmp_path / "site", as_of=date.min)
    rows = (tmp_path / "site" / "actions.html").read_text(encoding="utf-8")
    assert 'data-id="A"' in rows


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


def fetch_status(url: str) -> tuple[int, bytes, str]:
    """Status, body (decompressed) and Content-Type of a GET, error statuses included."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status, headers, raw = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, raw = error.code, error.headers, error.read()
    body = gzip.decompress(raw) if headers.get("Content-Encoding") == "gzip" else raw
    return status, body, headers.get("Content-Type", "")


def test_serve_answers_a_missing_path_with_the_sites_own_404_page(
    make_catalogue: MakeCatalogue, tmp_path: Path
) -> None:
    out = tmp_path / "both"
    build(make_catalogue(logged(), strategy=WITH_ORGS), out, also="en")
    dutch, english = (out / "404.html").read_bytes(), (out / "en" / "404.html").read_bytes()
    assert b"Pagina niet gevonden" in dutch and b"Page not found" in english
    server = make_server(out, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        # Each language's missing addresses get that language's page, at any depth;
        # dot files and folders without an index.html are missing too.
        for path, page in [
            ("/no-such-page.html", dutch),
            ("/actions/ZZ.html", dutch),
            ("/.rrs-site", dutch),
            ("/actions/", dutch),
            ("/en/no-such-page.html", english),
            ("/en/actions/ZZ.html", english),
            ("/en/goals/x/y/z", english),
        ]:
            status, body, kind = fetch_status(base + path)
            assert (status, body) == (404, page), path
            assert kind.startswith("text/html"), path
        assert fetch_status(base + "/index.html")[0] == 200  # found pages unchanged
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
    from rrs_cli.site import common, lists

    monkeypatch.setattr(common, "ORG_PAGE_LIMIT", 2)
    monkeypatch.setattr(lists, "ORG_PAGE_LIMIT", 2)
    monkeypatch.setattr(common, "MAX_DRAWN", 2)
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
    # Each names the action it lists with a link to its page.
    assert (
        whole.count('<th scope="row"><strong><a href="../actions/A.html">A</a></strong></th>') >= 1
    )
    check_links(out)


def test_a_long_list_is_paged_and_the_pages_hold_every_action(
    bundled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above LIST_PAGE actions: actions.html, actions-2.html, ... each with at most
    LIST_PAGE rows, linked to each other; together every action once."""
    from rrs_cli.site import common, lists
    from rrs_cli.site import pages as site_render

    monkeypatch.setattr(site_render, "LIST_PAGE", 20)
    monkeypatch.setattr(lists, "LIST_PAGE", 20)
    monkeypatch.setattr(common, "ORG_PAGE_LIMIT", 5)
    monkeypatch.setattr(lists, "ORG_PAGE_LIMIT", 5)
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
        assert 'id="f-owner" type="text" name="owner"' in body
        assert 'data-aliases="' in body and '<select id="f-owner"' not in body
    assert len(ids) == len(set(ids)) == 68
    assert "1 tot en met 20 van 68" in (out / "actions.html").read_text(encoding="utf-8")
    check_links(out)


def test_a_small_report_is_one_page(site: Path) -> None:
    assert not (site / "report").exists()
    assert 'class="rrs-parts"' not in (site / "report.html").read_text(encoding="utf-8")


def test_the_reports_rows_link_to_the_action_pages(site: Path) -> None:
    """On the site, every action the report names links to its page (the standalone
    report links nowhere: test_report_steering)."""
    report = (site / "report.html").read_text(encoding="utf-8")
    linked = set(re.findall(r'<a href="actions/([A-Z0-9]+)\.html">\1</a>', report))
    assert linked == {p.stem for p in (site / "actions").glob("*.html")} - {"_"}
    # The printed footer of the site's report, as a file (the CSP allows no inline style).
    assert 'href="assets/report-page.css"' in report
    assert "counter(pages)" in (site / "assets" / "report-page.css").read_text(encoding="utf-8")


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


# --- the public website's content and basics -----------------------------------------


def test_both_languages_link_each_page_to_the_other(
    make_catalogue: MakeCatalogue, tmp_path: Path
) -> None:
    out = tmp_path / "both"
    build(make_catalogue(logged(), strategy=WITH_ORGS), out, also="en")
    for path in ("index.html", "actions/A.html", "goals/cyber.html", "accessibility.html"):
        dutch = parse(out / path)
        english = parse(out / "en" / path)
        assert dutch.first("html", lang="nl") and english.first("html", lang="en")
        depth = "../" * path.count("/")
        assert dutch.first("a", href=f"{depth}en/{path}", hreflang="en"), path
        assert english.first("a", href=f"{depth}../{path}", hreflang="nl"), path
        assert dutch.first("link", rel="alternate", hreflang="en"), path
    check_links(out)
    # One language only: no switch.
    single = tmp_path / "single"
    build(make_catalogue(logged(), strategy=WITH_ORGS), single)
    assert not parse(single / "index.html").first("link", rel="alternate")


PUBLIC_LEAKS = re.compile(
    r"\bline \d+|\bregel \d+|\.ya?ml\b|\bRRS\d{3}\b|\b[0-9a-f]{40}\b|README|status_text|"
    r"links_all_flywheels|VERBONDEN ACTIES",
)


def visible_text(path: Path) -> str:
    """The text a reader sees (and what is in attributes a reader may hear)."""
    page = parse(path)
    attributes = " ".join(
        str(value)
        for _, attrs in page.tags
        for key, value in attrs.items()
        if key in ("aria-label", "title", "alt", "content") and value
    )
    return " ".join(page.text) + " " + attributes


def test_public_pages_carry_no_transcription_notes_or_internals(
    bundled: Path, tmp_path: Path
) -> None:
    """The bundled catalogue's notes hold line numbers, yaml names and field names:
    none of that, nor a check code or a git hash, is on any page."""
    out = tmp_path / "bundled"
    build(bundled, out)
    assert "line 2546" in (bundled / "actions" / "17.yaml").read_text(encoding="utf-8")
    for path in html_files(out):
        found = PUBLIC_LEAKS.findall(visible_text(path))
        assert not found, (path.relative_to(out), found[:5])


def test_the_data_page_tells_the_known_inconsistencies_in_words(
    bundled: Path, tmp_path: Path
) -> None:
    out = tmp_path / "bundled"
    build(bundled, out)
    text = " ".join(parse(out / "data.html").text)
    # The 23 accepted findings and the 7 actions with inferred links, in readers' words.
    assert "13 noemt A, maar A noemt 13 niet." in text
    assert "Bij 17 is de status in de strategie niet ingevuld." in text
    assert "Bij 12 staat de verbinding met I twee keer vermeld." in text
    assert "Vliegwielactie E heeft geen verbonden acties" in text
    assert "Bij 17 is de regel LINK leeg; de verbinding met K is afgeleid" in text
    assert "nog niet zijn beoordeeld" not in text  # every warning is accepted (review C2)
    page = parse(out / "data.html")
    items = [a for tag, a in page.tags if tag == "li"]
    assert len(items) >= 23 + 8
    # The technical details are in the downloads.
    findings = (out / "data" / "findings.csv").read_bytes()
    assert b"RRS101" in findings and b"13.yaml" in findings
    assert findings.count(b"\r\n") == 23 + 1


def test_inferred_links_are_labelled_as_inferred(bundled: Path, tmp_path: Path) -> None:
    out = tmp_path / "bundled"
    build(bundled, out)
    seventeen = " ".join(parse(out / "actions" / "17.html").text)
    assert "bij deze actie afgeleid: de strategie drukt hier geen verbinding af" in seventeen
    assert "bij beide acties genoemd" not in seventeen
    flywheel_i = " ".join(parse(out / "actions" / "I.html").text)
    assert "bij de andere actie afgeleid" in flywheel_i
    one = " ".join(parse(out / "actions" / "1.html").text)
    assert "actie afgeleid" not in one  # a printed link says nothing of the kind


def test_status_is_the_2016_status_until_progress_is_recorded(
    make_catalogue: MakeCatalogue, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    build(make_catalogue(logged(), strategy=WITH_ORGS), out)
    two = " ".join(" ".join(parse(out / "actions" / "2.html").text).split())
    assert "Status in 2016: Nieuw — sindsdien geen voortgang gemeld." in two
    assert "Huidige status" not in two
    assert "Laatste voortgangsmelding nog geen" in two
    a = " ".join(" ".join(parse(out / "actions" / "A.html").text).split())
    assert "Huidige status: Lopend (laatste voortgangsmelding 1 juni 2019)" in a
    home = " ".join(" ".join(parse(out / "index.html").text).split())
    # 1, 2, 3, 9 and B are past their term without any entry; A has entries.
    assert "Bij 5 van de 6 acties is de verwachte termijn verstreken zonder dat er" in home
    rows = (out / "actions.html").read_text(encoding="utf-8")
    assert '<span class="status status-new">Nieuw</span> (2016)' in rows


def test_empty_fields_are_not_shown(make_catalogue: MakeCatalogue, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(make_catalogue(), out)
    page = parse(out / "actions" / "1.html")
    text = " ".join(page.text)
    assert page.first("dt") and "Impactniveau" not in text and "Kwaliteiten" not in text
    html = (out / "actions" / "1.html").read_text(encoding="utf-8")
    assert not re.search(r"<dd[^>]*>\s*—\s*</dd>", html)


def test_respond_box_text_comes_from_strategy_yaml(
    make_catalogue: MakeCatalogue, tmp_path: Path
) -> None:
    out = tmp_path / "plain"
    build(make_catalogue(), out)
    text = " ".join("".join(parse(out / "actions" / "A.html").text).split())
    assert "consultatie" not in text
    assert "U kunt op deze actie reageren per e-mail aan test@example.org." in text
    own = {**STRATEGY, "site": {"respond": "Reacties op de acties zijn welkom bij het team."}}
    out = tmp_path / "own"
    build(make_catalogue(strategy=own), out)
    page = (out / "actions" / "A.html").read_text(encoding="utf-8")
    assert '<p lang="nl">Reacties op de acties zijn welkom bij het team.</p>' in page


def test_licence_source_link_and_the_basic_pages(
    make_catalogue: MakeCatalogue, tmp_path: Path
) -> None:
    out = tmp_path / "plain"
    build(make_catalogue(), out)
    assert "Voor deze gegevens is geen licentie opgegeven." in " ".join(
        parse(out / "data.html").text
    )
    statement = " ".join(" ".join(parse(out / "accessibility.html").text).split())
    for part in ("WCAG 2.1", "Nalevingsstatus", "nog geen nalevingsstatus", "Nationale ombudsman"):
        assert part in statement, part
    privacy = " ".join(parse(out / "privacy.html").text)
    assert "geen cookies" in privacy and "niets op bij andere websites" in privacy
    assert parse(out / "contact.html").first("a", href="mailto:test@example.org")
    strategy = {
        **STRATEGY,
        "source": {"title": "Teststrategie", "url": "https://example.org/strategie.pdf"},
        "licence": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
        "site": {
            "publisher": "Gemeente Teststad",
            "accessibility": {"status": "partial", "statement_date": "2026-11-01"},
        },
    }
    out = tmp_path / "named"
    build(make_catalogue(strategy=strategy), out, base_url="https://example.org/rrs/")
    home = parse(out / "index.html")
    assert home.first("a", href="https://example.org/strategie.pdf")
    assert home.first("meta", property="og:url", content="https://example.org/rrs/index.html")
    assert home.first("meta", property="og:title") and home.first("meta", name="description")
    data = parse(out / "data.html")
    assert data.first("a", href="https://creativecommons.org/licenses/by/4.0/", rel="license")
    statement = " ".join(" ".join(parse(out / "accessibility.html").text).split())
    assert "Gemeente Teststad verklaart dat deze website gedeeltelijk voldoet" in statement
    assert "1 november 2026" in statement
    # The 404 page works at any depth: with --base-url its links are absolute.
    missing = parse(out / "404.html")
    assert missing.first("link", rel="stylesheet", href="https://example.org/rrs/assets/site.css")
    assert missing.first("a", href="https://example.org/rrs/index.html")


def test_a_catalogue_theme_is_loaded_after_the_neutral_one(
    make_catalogue: MakeCatalogue, tmp_path: Path
) -> None:
    root = make_catalogue(strategy={**STRATEGY, "site": {"tokens": "theme/tokens.css"}})
    (root / "theme").mkdir()
    (root / "theme" / "tokens.css").write_text(":root { --rrs-color-primary: #00811f; }\n")
    out = tmp_path / "site"
    build(root, out)
    assert (out / "assets" / "theme.css").read_text() == ":root { --rrs-color-primary: #00811f; }\n"
    sheets = [
        a["href"]
        for tag, a in parse(out / "index.html").tags
        if tag == "link" and a.get("rel") == "stylesheet"
    ]
    assert (
        sheets.index("assets/tokens.css")
        < sheets.index("assets/theme.css")
        < sheets.index("assets/site.css")
    )
    plain = tmp_path / "plain"
    build(make_catalogue(), plain)
    assert not (plain / "assets" / "theme.css").exists()
    # The neutral theme ships NL Design System's component CSS with its licence.
    assert "EUPL" in (out / "assets" / "utrecht.css").read_text(encoding="utf-8")[:400]


def test_csv_download_is_safe_to_open_in_a_spreadsheet(
    make_catalogue: MakeCatalogue, tmp_path: Path
) -> None:
    import csv
    import io

    actions = default_actions()
    actions["1"] = {**actions["1"], "title": '=HYPERLINK("http://evil")', "owner": "+1 Gemeente"}
    out = tmp_path / "site"
    build(make_catalogue(actions), out)
    raw = (out / "data" / "actions.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == ["A", "B", "1", "2", "3"]
    one = next(r for r in rows if r["id"] == "1")
    assert one["title"] == '\'=HYPERLINK("http://evil")' and one["owner"] == "'+1 Gemeente"
    assert one["end_of_term"] == "2021-12-31" and one["term_expired"] == "yes"


def test_organisations_link_each_action_by_its_title_and_say_how_owners_count(
    bundled: Path, tmp_path: Path
) -> None:
    out = tmp_path / "bundled"
    build(bundled, out)
    page = parse(out / "organisations.html")
    text = " ".join(page.text)
    assert "Een actie met meer eigenaren staat bij elk van hen" in text
    for fragment in (
        "org-etc",
        "org-milieu",
        "org-krimpenerwaard",
        "org-onderwijs",
        "org-kernteam",
    ):
        assert fragment not in page.ids, fragment
    assert "org-veiligheidsregio" in page.ids and "org-veiligheidsregio-vrr" not in page.ids
    body = (out / "organisations.html").read_text(encoding="utf-8")
    region = body.split('id="org-veiligheidsregio"')[1].split("</section>")[0]
    assert 'href="actions/20.html"' in region and 'href="actions/25.html"' in region
    assert '<span lang="nl">Overstromingsrisicobeheer' in region or "</span></a>" in region


def test_an_action_added_later_shows_its_status_when_added(
    make_catalogue: MakeCatalogue, tmp_path: Path
) -> None:
    actions = default_actions()
    actions["4"] = connected("4", links=["A"], added="2026-03-03", status="new", status_text="")
    actions["A"] = {**actions["A"], "links": ["1", "2", "4"]}
    out = tmp_path / "site"
    build(make_catalogue(actions), out)
    text = " ".join(" ".join(parse(out / "actions" / "4.html").text).split())
    assert "Status bij opname op 3 maart 2026: Nieuw — sindsdien geen voortgang gemeld." in text
    assert "Status in 2016" not in text
    row = (out / "actions.html").read_text(encoding="utf-8").split('data-id="4"')[1]
    assert "(2016)" not in row.split("<tr")[0]


def test_organisation_pages_of_a_large_catalogue_stay_small(
    bundled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past ORG_PAGE_LIMIT organisations: a page per first letter, and a letter with
    more than ORG_PAGE_LINKS links to actions gets more pages; every link resolves."""
    from rrs_cli.site import common, lists

    monkeypatch.setattr(common, "ORG_PAGE_LIMIT", 5)
    monkeypatch.setattr(lists, "ORG_PAGE_LIMIT", 5)
    monkeypatch.setattr(common, "ORG_PAGE_LINKS", 10)
    out = tmp_path / "split"
    build(bundled, out)
    extra = sorted(p.name for p in (out / "organisations").glob("*-2.html"))
    assert "g-2.html" in extra
    for page in (out / "organisations").glob("*.html"):
        body = page.read_text(encoding="utf-8")
        sections = body.count('<section class="org"')
        links = len(re.findall(r'<li><a href="\.\./actions/', body))
        assert links + 3 * sections <= 10 or sections == 1, (page.name, links, sections)
    index = (out / "organisations.html").read_text(encoding="utf-8")
    assert 'href="organisations/g-2.html"' in index and ">G (2)</a>" in index
    check_links(out)


def test_a_goal_with_too_many_actions_for_one_page_counts_them(
    make_catalogue: MakeCatalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rrs_cli.site import pages

    monkeypatch.setattr(pages, "GOAL_LIST_LIMIT", 2)
    out = tmp_path / "site"
    build(make_catalogue(logged(), strategy=WITH_ORGS), out)
    page = parse(out / "goals" / "samenleving.html")
    text = " ".join(" ".join(page.text).split())
    assert "te veel voor één pagina" in text and "2 verbonden acties" in text
    html = (out / "goals" / "samenleving.html").read_text(encoding="utf-8")
    flywheels = html.split('id="flywheels"')[1].split('id="network"')[0]
    assert "../actions/1.html" not in flywheels  # counted, not listed
    assert page.first("a", href="../actions.html?goal=samenleving")
    check_links(out)


class LangText(HTMLParser):
    """Each text node with the language it is in (the nearest ``lang``), skipping the
    document's own title (one string in the browser's tab, which cannot be tagged in
    part) and scripts. Select options and hidden search metadata are read: they are
    text a screen reader or the search index reads out."""

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str, bool]] = []
        self.texts: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        found = dict(attrs)
        lang, skip = self.stack[-1][1:] if self.stack else ("", False)
        # The document's <title> sits in <head>; an SVG's <title> is drawn text.
        in_head = any(entry[0] == "head" for entry in self.stack)
        skip = skip or tag == "script" or (tag == "title" and in_head)
        self.stack.append((tag, found.get("lang") or lang, skip))

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        if text and self.stack and not self.stack[-1][2]:
            self.texts.append((self.stack[-1][1], text))


def untagged_text(folder: Path, words: set[str], lang: str) -> dict[str, list[str]]:
    """Per page of the site in ``folder``, the text nodes not in ``lang`` that hold one
    of ``words`` whole or as a word group inside a longer text ("Flywheel action A:
    <title>"), at most three per page."""
    pattern = re.compile(
        r"(?<!\w)(?:"
        + "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
        + r")(?!\w)"
    )
    untagged: dict[str, list[str]] = {}
    for path in html_files(folder):
        page = LangText()
        page.feed(path.read_text(encoding="utf-8"))
        found = [text for in_lang, text in page.texts if in_lang != lang and pattern.search(text)]
        if found:
            untagged[str(path.relative_to(folder))] = found[:3]
    return untagged


def dutch_catalogue_text(bundled: Path) -> set[str]:
    """The catalogue's own (Dutch) text that pages show: titles, owners, printed
    status and term words, funding, taglines, and the words counted as unsettled."""
    catalogue = load_catalogue(bundled).catalogue
    dutch = {a.title for a in catalogue.actions.values()} | {
        text
        for a in catalogue.actions.values()
        for text in (a.owner, a.status_text, a.term_text, a.funding)
        if len(text) > 3
    }
    dutch |= {g.tagline for g in catalogue.goals.values() if g.tagline}
    # The words that count as funding not settled, however short ("PM").
    dutch |= set(catalogue.strategy.unsettled_funding)
    assert "PM" in dutch and "Nader te bepalen" in dutch  # the report quotes them
    dutch -= {english for _, english in MESSAGES.values()}  # "Partners" is both
    return dutch


def test_the_english_site_tags_dutch_catalogue_text_on_every_page(
    bundled: Path, tmp_path: Path
) -> None:
    out = tmp_path / "en"
    build(bundled, out, lang="en")
    untagged = untagged_text(out, dutch_catalogue_text(bundled), "nl")
    assert "report.html" not in untagged, untagged["report.html"]
    assert not untagged, untagged


def test_the_english_report_in_parts_tags_dutch_catalogue_text(
    bundled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parts of a large report keep the tags: flywheel headings, taglines."""
    from rrs_cli.site import pages as site_render
    from rrs_cli.site import report_parts

    monkeypatch.setattr(site_render, "REPORT_SPLIT", 10)
    monkeypatch.setattr(report_parts, "REPORT_SPLIT", 10)
    monkeypatch.setattr(report_parts, "PART_ROWS", 8)
    out = tmp_path / "en"
    build(bundled, out, lang="en")
    assert not untagged_text(out / "report", dutch_catalogue_text(bundled), "nl")
    first = (out / "report" / "goals-1.html").read_text(encoding="utf-8")
    assert '<h3>Flywheel action A: <span lang="nl">Programma 21e-eeuwse' in first
    assert '<p class="rrs-tagline" lang="nl">' in first

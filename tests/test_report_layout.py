"""The Markdown and the HTML report say the same thing.

Both are drawn from one layout (``render/report_layout.py``). These tests read
each output back as a reader would (Markdown parsed by markdown-it, HTML by the
standard library's parser) into the same outline: headings, paragraphs, list
items, every table cell and every chart's numbers, in order. The outlines must
be equal for every combination of options of the golden files, with one
``--goal``, two, and none, in both languages.
"""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from rrs_cli.catalogue import load_catalogue
from rrs_cli.graph import LinkGraph
from rrs_cli.query import ActionFilter
from rrs_cli.render import report as render
from rrs_cli.report import build_report

from .conftest import Invoke, MakeCatalogue
from .fixtures.build_progress_fixture import TARGET
from .test_report import check_golden, logged_actions

Item = tuple[Any, ...]

_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    # Markdown defuses mentions and links with a word joiner; HTML needs no such thing.
    return _SPACE.sub(" ", text.replace("\u2060", "")).strip()


def markdown_outline(text: str) -> list[Item]:
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    out: list[Item] = []
    table: list[list[str]] | None = None
    row: list[str] = []
    heading = 0
    for token in tokens:
        if token.type == "heading_open":
            heading = int(token.tag[1])
        elif token.type == "table_open":
            table = []
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and table is not None:
            table.append(row)
        elif token.type == "table_close" and table is not None:
            out.append(("table", table))
            table = None
        elif token.type == "inline":
            content = _norm("".join(_inline_text(token.children or [])))
            if table is not None:
                row.append(content)
            elif heading:
                out.append(("h", heading, content))
                heading = 0
            else:
                out.append(("p", content))
        elif token.type == "fence" and token.info == "mermaid":
            lines = token.content.splitlines()
            title = lines[0].removeprefix("pie showData title ")
            items = [
                (label.replace("#quot;", '"'), int(n))
                for label, n in (re.fullmatch(r'\s*"(.*)" : (\d+)', x).groups() for x in lines[1:])  # type: ignore[union-attr]
            ]
            out.append(("chart", _norm(title), [(_norm(a), n) for a, n in items]))
    return out


def _inline_text(children: list[Any]) -> list[str]:
    parts = []
    for child in children:
        if child.type in {"text", "code_inline"}:
            parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append(" ")
    return parts


class _HtmlOutline(HTMLParser):
    """The report's article as an outline; the contents list, the footer and the
    drawing inside each chart (except its labels and values) are left out.

    One HTML table may hold several of Markdown's (a goal's flywheel tables): each
    row group's title row reads as the heading Markdown gives that table, and the
    table's header row is repeated under it, as Markdown repeats it."""

    BLOCKS = frozenset({"h1", "h2", "h3", "h4", "h5", "p", "li", "th", "td", "figcaption"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[Item] = []
        self.skip = 0  # inside <nav> or <footer>
        self.text: list[str] | None = None
        self.table: list[list[str]] | None = None
        self.row: list[str] = []
        self.chart: list[Any] | None = None
        self.bar: str | None = None
        self.group_row = False
        self.level = 1  # of the last heading

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"nav", "footer", "style", "title"}:
            self.skip += 1
        if self.skip:
            return
        classes = (dict(attrs).get("class") or "").split()
        if tag == "figure":
            self.chart = ["chart", "", []]
        elif tag == "table":
            self.table = []
        elif tag == "tr":
            self.row = []
            self.group_row = "rrs-group" in classes
        elif tag == "text" and self.chart is not None:
            self.bar = "label" if "rrs-bar-label" in classes else "value"
            self.text = []
        elif tag in self.BLOCKS:
            self.text = []

    def handle_endtag(self, tag: str) -> None:
        if tag in {"nav", "footer", "style", "title"}:
            self.skip -= 1
            return
        if self.skip:
            return
        if tag == "figure" and self.chart is not None:
            self.out.append(tuple(self.chart))
            self.chart = None
        elif tag == "table" and self.table is not None:
            self.out.append(("table", self.table))
            self.table = None
        elif tag == "tr" and self.table is not None and self.group_row:
            if len(self.table) > 1:
                self.out.append(("table", self.table))
            self.table = self.table[:1]
            self.out.append(("h", self.level + 1, self.row[0]))
        elif tag == "tr" and self.table is not None:
            self.table.append(self.row)
        elif tag == "text" and self.chart is not None and self.text is not None:
            value = _norm("".join(self.text))
            if self.bar == "label":
                self.chart[2].append([value, 0])
            else:
                self.chart[2][-1][1] = int(value)
            self.text = None
        elif tag in self.BLOCKS and self.text is not None:
            content = _norm("".join(self.text))
            self.text = None
            if tag in {"th", "td"} and self.table is not None:
                self.row.append(content)
            elif tag == "figcaption" and self.chart is not None:
                self.chart[1] = content
            elif tag.startswith("h"):
                self.level = int(tag[1])
                self.out.append(("h", self.level, content))
            else:
                self.out.append(("p", content))

    def handle_data(self, data: str) -> None:
        if not self.skip and self.text is not None:
            self.text.append(data)


def html_outline(html: str) -> list[Item]:
    parser = _HtmlOutline()
    parser.feed(html.split("<body>", 1)[1])
    out = []
    for item in parser.out:
        if item[0] == "chart":
            item = ("chart", item[1], [(label, n) for label, n in item[2]])
        out.append(item)
    return _join_header(out)


def _join_header(items: list[Item]) -> list[Item]:
    """The header's lines: one Markdown paragraph, an HTML paragraph each."""
    end = next(i for i, item in enumerate(items) if i and item[0] != "p")
    return [items[0], ("p", " ".join(item[1] for item in items[1:end])), *items[end:]]


CASES = {
    "period": ["--as-of", "2021-06-30", "--since", "2019-01-01"],
    "empty-period": ["--as-of", "2021-06-30", "--since", "2020-01-01", "--stale-days", "1000"],
    "no-since": ["--as-of", "2021-06-30"],
    "one-goal": ["--as-of", "2021-06-30", "--since", "2019-01-01", "-g", "cyber"],
    "two-goals": ["--as-of", "2021-06-30", "-g", "cyber", "-g", "samenleving"],
}
BUNDLED_CASES = {
    "quarter": ["--as-of", "2026-09-30", "--since", "2026-07-01"],
    "quarter-one-goal": ["--as-of", "2026-09-30", "--since", "2026-07-01", "-g", "cyber"],
    "two-goals": ["--as-of", "2026-09-30", "-g", "cyber", "-g", "klimaat"],
}


def outlines(rrs: Invoke, root: Path, args: list[str], lang: str) -> tuple[Any, Any]:
    common = ["report", *args, "--lang", lang, "--output", "-"]
    markdown = rrs(*common, catalogue=root)
    html = rrs(*common, "--format", "html", catalogue=root)
    assert markdown.exit_code == html.exit_code == 0, markdown.stderr + html.stderr
    return markdown_outline(markdown.stdout), html_outline(html.stdout)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("case", CASES)
def test_markdown_and_html_say_the_same(
    rrs: Invoke, make_catalogue: MakeCatalogue, case: str, lang: str
) -> None:
    markdown, html = outlines(rrs, make_catalogue(logged_actions()), CASES[case], lang)
    assert markdown == html
    assert sum(1 for item in markdown if item[0] == "table") >= 5


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("case", BUNDLED_CASES)
def test_markdown_and_html_say_the_same_for_the_bundled_catalogue(
    rrs: Invoke, case: str, lang: str
) -> None:
    markdown, html = outlines(rrs, TARGET, BUNDLED_CASES[case], lang)
    assert markdown == html


def test_markdown_and_html_say_the_same_for_a_hostile_catalogue(
    rrs: Invoke, tmp_path: Path
) -> None:
    from .hostile import write_hostile_catalogue

    root = write_hostile_catalogue(tmp_path / "hostile")
    markdown, html = outlines(rrs, root, ["--as-of", "2021-01-01", "--since", "2019-01-01"], "en")
    assert markdown == html


def test_two_goals_are_named_in_both_formats(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    """`-g cyber -g samenleving`: both formats name the two goals, not "all goals"."""
    markdown, html = outlines(rrs, make_catalogue(logged_actions()), CASES["two-goals"], "nl")
    for outline in (markdown, html):
        header = outline[1][1]
        assert "alle doelen" not in header
        assert "doelen 1. Een samenleving in balans, 3. Rotterdam cyber havenstad" in header


def test_two_goals_golden(make_catalogue: MakeCatalogue) -> None:
    root = make_catalogue(logged_actions())
    catalogue = load_catalogue(root).catalogue
    goals = [catalogue.goals["cyber"], catalogue.goals["samenleving"]]
    graph = LinkGraph.build(catalogue)
    actions = ActionFilter(goal=["cyber", "samenleving"]).select(catalogue, graph)
    report = build_report(catalogue, graph, actions, as_of=date(2021, 6, 30), goal_filters=goals)
    check_golden("report-two-goals.md", render.markdown(report, "nl"))
    html = re.sub(r"<style>.*?</style>", "<style>…</style>", render.html(report, "nl"), flags=re.S)
    check_golden("report-two-goals.html", html)

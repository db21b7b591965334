"""The report as the steering group receives it: Dutch by default, words not
codes, the summary first, counts that add up, and a self-contained HTML file.

Golden files for the bundled catalogue use ``tests/fixtures/bundled-with-progress``
(the bundled catalogue plus a year of fictional progress entries; rebuild it
with ``python -m tests.fixtures.build_progress_fixture``). Regenerate the golden
files after a deliberate change with ``RRS_UPDATE_GOLDEN=1``.
"""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt

from rrs_cli.catalogue import load_catalogue
from rrs_cli.graph import LinkGraph
from rrs_cli.i18n import MESSAGES
from rrs_cli.models import Status, Term
from rrs_cli.render import report as render
from rrs_cli.report import Report

from .catalogues import STRATEGY, connected, default_actions
from .conftest import Invoke, MakeCatalogue
from .fixtures.build_progress_fixture import DATA, PROGRESS, TARGET
from .test_report import HOSTILE, check_golden, logged_actions, make_report

QUARTER = {"as_of": date(2026, 9, 30), "since": date(2026, 7, 1)}
CODES = re.compile(
    r"\b(" + "|".join(re.escape(v.value) for v in [*Status, *Term] if "-" in v.value) + r")\b"
)


def bundled_report(**kwargs: Any) -> Report:
    return make_report(TARGET, **{**QUARTER, **kwargs})


def test_fixture_is_the_bundled_catalogue_plus_progress() -> None:
    """The fixture differs from data/ only by the appended progress logs."""
    for source in sorted((DATA / "actions").glob("*.yaml")):
        copy = yaml.safe_load((TARGET / "actions" / source.name).read_text(encoding="utf-8"))
        original = yaml.safe_load(source.read_text(encoding="utf-8"))
        logged = copy.pop("progress", [])
        assert copy == original, f"rerun tests/fixtures/build_progress_fixture.py ({source.name})"
        assert len(logged) == len(PROGRESS.get(source.stem, []))
    for name in ("goals.yaml", "qualities.yaml", "strategy.yaml"):
        assert (TARGET / name).read_bytes() == (DATA / name).read_bytes(), name
    result = load_catalogue(TARGET)
    assert not [f for f in result.findings if f.severity.value == "error"]
    entries = [e for a in result.catalogue.actions.values() for e in a.progress]
    assert len(entries) >= 40
    assert min(e.date for e in entries) >= date(2025, 10, 1)
    assert max(e.date for e in entries) <= date(2026, 9, 30)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_bundled_quarterly_report_golden(lang: str) -> None:
    report = bundled_report()
    text = render.markdown(report, lang)  # type: ignore[arg-type]
    check_golden(f"report-bundled.{lang}.md", text)
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    assert not any(t.type == "html_block" for t in tokens)
    assert not any(
        c.type in {"html_inline", "link_open"} for t in tokens for c in (t.children or [])
    )


def test_bundled_quarterly_report_json_golden() -> None:
    # JSON is for scripts: it keeps codes and has no language.
    text = render.json_text(bundled_report())
    check_golden("report-bundled.json", text)
    data = json.loads(text)
    assert data["since_inclusive"] is True
    assert sum(g["total"] for g in data["by_goal"].values()) == data["actions"] == 68


def test_human_report_shows_words_not_codes() -> None:
    report = bundled_report()
    for lang in ("nl", "en"):
        text = render.markdown(report, lang)  # type: ignore[arg-type]
        assert not CODES.search(text), CODES.search(text)
        assert "(empty)" not in text and "›" not in text
    dutch = render.markdown(report, "nl")
    for word in ("Samenvatting", "Bijlage", "In ontwikkeling", "Korte tot middellange termijn"):
        assert word in dutch
    for english in ("Summary", "Appendix", "Needs attention", "Current status"):
        assert english not in dutch


def test_decisions_and_summary_come_first_and_lists_go_to_the_appendix() -> None:
    text = render.markdown(bundled_report(), "nl")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[:2] == ["## Ter besluitvorming", "## Samenvatting"]
    assert headings[-1] == "## Bijlage"
    body, appendix = text.split("## Bijlage")
    # Every overdue action is listed once, in the appendix, not in the attention section.
    attention = body.split("## Aandachtspunten")[1].split("## Overzicht")[0]
    assert "| **B** " not in attention and "| **B** " in appendix
    assert attention.count("\n| ") < 40


def test_counts_add_up() -> None:
    report = bundled_report()
    assert sum(g.total for g in report.by_goal) == len(report.actions) == 68
    assert sum(n for _, n in report.by_status) == 68
    assert sum(n for _, n in report.by_term) == 68
    # Owners: an action counts under each organisation its owner field names
    # (query.organisation_names), and an action whose owner names none is a row too.
    from rrs_cli.query import organisation_names

    expected = sum(max(1, len(organisation_names(a.owner))) for a in report.actions)
    assert sum(len(g.actions) for g in report.owners) == expected
    assert {a.id for g in report.owners for a in g.actions} == {a.id for a in report.actions}
    # The chart that used to add up to 97: 68 once each, plus the also-contributes count.
    graph = LinkGraph.build(load_catalogue(TARGET).catalogue)
    reached = sum(len(graph.goals_of(a)) for a in report.actions)
    assert report.goals_total + report.also_total == reached == 97
    assert sum(n for _, n in report.goal_counts(report.stale)) == len(report.stale)
    assert sum(n for _, n in report.owner_summary(report.stale)) == sum(
        max(1, len(organisation_names(a.owner))) for a in report.stale
    )
    text = render.markdown(report, "nl")
    assert f"(samen {report.also_total})" in text


def test_owners_grouped_by_case_spacing_and_alias(make_catalogue: MakeCatalogue) -> None:
    actions = default_actions()
    actions["1"]["owner"] = "gemeente"
    actions["2"]["owner"] = "  Gemeente  "
    actions["3"]["owner"] = "MRDH"
    actions["4"] = connected("4", owner="Metropoolregio  Rotterdam Den Haag")
    strategy = {
        "name": "Teststrategie",
        "name_en": "Test strategy",
        "city": "Teststad",
        "published": 2016,
        "language": "nl",
        "organisations": [
            ["Gemeente Teststad", "Gemeente"],
            ["Metropoolregio Rotterdam Den Haag", "MRDH"],
        ],
    }
    report = make_report(make_catalogue(actions, strategy=strategy), as_of=date(2021, 6, 30))
    groups = {g.name: sorted(a.id for a in g.actions) for g in report.owners}
    assert groups["Gemeente Teststad"] == ["1", "2", "A"]
    assert groups["Metropoolregio Rotterdam Den Haag"] == ["3", "4"]
    assert sum(len(ids) for ids in groups.values()) == len(report.actions)


def test_since_is_inclusive(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    root = make_catalogue(logged_actions())
    report = make_report(root, as_of=date(2021, 6, 30), since=date(2019, 6, 1))
    assert [c.action.id for c in report.changes] == ["A"]  # the entry of 2019-06-01 itself
    report = make_report(root, as_of=date(2021, 6, 30), since=date(2019, 6, 2))
    assert report.changes == []
    result = rrs("report", "--help", catalogue=root)
    assert "included" in result.stdout and "2026-07-01 includes 1 July" in " ".join(
        result.stdout.split()
    )


def test_since_after_as_of_is_refused(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    result = rrs(
        "report", "--since", "2021-07-01", "--as-of", "2021-06-30", catalogue=make_catalogue()
    )
    assert result.exit_code == 2
    assert "--since 2021-07-01 is after --as-of 2021-06-30" in result.stderr


def test_language_follows_the_catalogue_and_the_option(
    rrs: Invoke, make_catalogue: MakeCatalogue
) -> None:
    root = make_catalogue(logged_actions())
    dutch = rrs("report", "--as-of", "2021-06-30", catalogue=root).stdout
    english = rrs("report", "--as-of", "2021-06-30", "--lang", "en", catalogue=root).stdout
    assert dutch.startswith("# Teststrategie: voortgangsrapportage")
    assert english.startswith("# Test strategy: progress report")
    assert "## Samenvatting" in dutch and "## Summary" in english


def test_funding_is_called_possible_everywhere() -> None:
    report = bundled_report()
    nl, en = render.markdown(report, "nl"), render.markdown(report, "en")
    assert MESSAGES["report.funding.note"][0] in nl and "## Financiën (mogelijk)" in nl
    assert MESSAGES["report.funding.note"][1] in en and "## Funding (possible)" in en
    assert "| Financiën (mogelijk) |" in nl
    html = render.html(report, "nl")
    assert "Financiën (mogelijk)" in html and MESSAGES["report.funding.note"][0] in html


# -- HTML -------------------------------------------------------------------------


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    return collector


def test_html_report_golden(make_catalogue: MakeCatalogue) -> None:
    report = make_report(
        make_catalogue(logged_actions()), as_of=date(2021, 6, 30), since=date(2019, 1, 1)
    )

    # The stylesheet is the package's own file, tested below; the golden is the document.
    def without_css(html: str) -> str:
        return re.sub(r"<style>.*?</style>", "<style>…</style>", html, flags=re.S)

    check_golden("report.html", without_css(render.html(report, "nl")))
    check_golden("report.en.html", without_css(render.html(report, "en")))


def test_html_report_is_self_contained_and_inert(make_catalogue: MakeCatalogue) -> None:
    report = make_report(
        make_catalogue(logged_actions()), as_of=date(2021, 6, 30), since=date(2019, 1, 1)
    )
    html = render.html(report, "nl")
    doc = parse(html)
    names = [tag for tag, _ in doc.tags]
    assert "script" not in names and "link" not in names and "img" not in names
    assert "iframe" not in names and "object" not in names
    for tag, attrs in doc.tags:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        for key in ("src", "href"):
            value = attrs.get(key)
            assert value is None or value.startswith("#"), (tag, attrs)
    assert "url(" not in html and "@import" not in html
    # The hostile title is text, not markup.
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert any("<script>alert(1)</script>" in t for t in doc.text)
    assert "@media print" in html and '<html lang="nl">' in html
    assert names.count("svg") == 3
    # Every chart draws the table just before it (test_report_layout reads both back).
    after_a_table = r'</table>\n(?:<p class="rrs-caption">[^<]*</p>\n)?<figure class="rrs-chart"'
    assert len(re.findall(after_a_table, html)) == 3


def test_catalogue_text_inside_an_english_line_is_tagged_and_escaped(
    make_catalogue: MakeCatalogue,
) -> None:
    """A flywheel's heading and the funding words are English lines with Dutch catalogue
    text in them: only that text is tagged, escaped once, its braces left alone."""
    actions = logged_actions()
    actions["A"] = {**actions["A"], "title": "Plan {title} <b>&amp;</b>"}
    strategy = {**STRATEGY, "unsettled_funding": ["PM", "<n.t.b.>"]}
    report = make_report(
        make_catalogue(actions, strategy=strategy), as_of=date(2021, 6, 30), since=date(2019, 1, 1)
    )
    html = render.html(report, "en")
    assert (
        'Flywheel action A: <span lang="nl">Plan {title} &lt;b&gt;&amp;amp;&lt;/b&gt;</span></th>'
        in html
    )
    assert (
        'Counted as not yet settled: an empty field, ‘<span lang="nl">PM</span>’ and '
        '‘<span lang="nl">&lt;n.t.b.&gt;</span>’.</p>' in html
    )
    # The same lines in Markdown, and in Dutch where nothing needs a tag.
    markdown = render.markdown(report, "en")
    assert "Flywheel action A: Plan {title}" in markdown
    assert "‘PM’ and ‘" in markdown
    dutch = render.html(report, "nl")
    assert "Vliegwielactie A: Plan {title} &lt;b&gt;" in dutch and '<span lang="nl">' not in dutch


def test_html_control_characters_are_visible(make_catalogue: MakeCatalogue) -> None:
    actions = default_actions()
    actions["1"]["title"] = "Titel\x1b]52;c;aGk=\x07 \u202eeman"
    report = make_report(make_catalogue(actions), as_of=date(2021, 6, 30))
    html = render.html(report, "en")
    assert "\x1b" not in html and "\u202e" not in html and "\x07" not in html


def test_html_body_is_a_fragment_the_site_can_include(make_catalogue: MakeCatalogue) -> None:
    from rrs_cli.render.html import render as render_template
    from rrs_cli.render.report_layout import layout

    report = make_report(make_catalogue(logged_actions()), as_of=date(2021, 6, 30))
    body = render_template("report_body.html", "en", document=layout(report, "en"))
    assert not re.search(r"<(html|head|body)[\s>]", body)
    assert body.lstrip().startswith("<article") and HOSTILE not in body


def test_report_command_html_output(
    rrs: Invoke, make_catalogue: MakeCatalogue, tmp_path: Path
) -> None:
    out = tmp_path / "report.html"
    result = rrs(
        "report",
        "--format",
        "html",
        "--as-of",
        "2021-06-30",
        "--since",
        "2019-01-01",
        "--lang",
        "en",
        "--output",
        str(out),
        catalogue=make_catalogue(logged_actions()),
    )
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and '<html lang="en">' in text


def test_bundled_html_report_builds() -> None:
    html = render.html(bundled_report(), "nl")
    assert html.count("<tr>") > 100 and "Bijlage" in html
    assert not CODES.search(re.sub(r'class="[^"]*"', "", html).split("</style>")[1])


def test_every_interface_key_the_report_uses_exists() -> None:
    """A key misspelt in a template or renderer fails here, not in front of a reader."""
    package = Path(render.__file__).resolve().parents[1]
    sources = [
        package / "templates" / "report_body.html",
        package / "templates" / "report_standalone.html",
        package / "templates" / "report_macros.html",
        package / "render" / "report.py",
        package / "render" / "report_layout.py",
        package / "render" / "report_tables.py",
        package / "init.py",
    ]
    used: set[str] = set()
    for source in sources:
        body = source.read_text(encoding="utf-8")
        used |= set(re.findall(r"""\bt(?:ext)?\(\s*["']([a-z_]+\.[a-z0-9_.-]+)["']""", body))
        used |= set(re.findall(r"""["']((?:report|init)\.[a-z0-9_.-]+)["']""", body))
    assert len(used) > 60
    missing = sorted(key for key in used if key not in MESSAGES and key != "report.css")
    assert not missing, missing


def test_html_report_of_the_hostile_catalogue_is_inert(tmp_path: Path) -> None:
    from .hostile import write_hostile_catalogue

    root = write_hostile_catalogue(tmp_path / "hostile")
    report = make_report(root, as_of=date(2021, 1, 1), since=date(2019, 1, 1))
    for lang in ("nl", "en"):
        html = render.html(report, lang)  # type: ignore[arg-type]
        doc = parse(html)
        names = [tag for tag, _ in doc.tags]
        assert "script" not in names and "img" not in names and "iframe" not in names
        for tag, attrs in doc.tags:
            assert not any(k.startswith("on") for k in attrs), (tag, attrs)
            for key in ("src", "href"):
                value = attrs.get(key)
                assert value is None or value.startswith("#"), (tag, attrs)
        assert names.count("svg") == 3 and names.count("html") == 1


# -- decisions first ----------------------------------------------------------------


def stopping_actions() -> dict[str, Any]:
    actions = logged_actions()
    actions["2"] = {
        **actions["2"],
        "progress": [{"date": "2020-05-01", "status": "stopped", "note": "Geen budget"}],
    }
    actions["1"] = {
        **actions["1"],
        "progress": [
            {"date": "2020-03-01", "status": "stopped", "note": "Gepauzeerd"},
            {"date": "2020-04-01", "status": "ongoing", "note": "Weer gestart"},
        ],
    }
    return actions


def test_actions_stopped_in_the_period_come_first(make_catalogue: MakeCatalogue) -> None:
    root = make_catalogue(stopping_actions())
    report = make_report(root, as_of=date(2021, 6, 30), since=date(2020, 1, 1))
    # 1 was stopped and started again: nothing to decide; 2 is still stopped.
    assert [c.action.id for c in report.stopped] == ["2"]
    text = render.markdown(report, "nl")
    decisions = text.split("## Ter besluitvorming")[1].split("## Samenvatting")[0]
    assert "### Gestopt in deze periode (1)" in decisions
    assert "| 01-05-2020 | **2** Actie 2 | Cluster Stadsontwikkeling | Geen budget |" in decisions
    later = make_report(root, as_of=date(2021, 6, 30), since=date(2020, 5, 2))
    assert later.stopped == []


def test_terms_that_expired_in_the_period_come_first(make_catalogue: MakeCatalogue) -> None:
    root = make_catalogue(logged_actions())
    # Short terms end on 31 December 2018: their first day past the term is 1 January 2019.
    report = make_report(root, as_of=date(2021, 6, 30), since=date(2019, 1, 1))
    assert sorted(a.id for a, _ in report.expired_in_period) == ["2", "9", "A", "B"]
    assert (
        make_report(root, as_of=date(2021, 6, 30), since=date(2019, 1, 2)).expired_in_period == []
    )
    assert make_report(root, as_of=date(2021, 6, 30)).expired_in_period == []


def test_derived_end_of_term_dates_say_so() -> None:
    """Every table with an "End of term" column is followed by how the dates are derived."""
    for lang in ("nl", "en"):
        text = render.markdown(
            bundled_report(since=date(2018, 7, 1), as_of=date(2019, 3, 31)), lang
        )  # type: ignore[arg-type]
        column = MESSAGES["report.col.horizon"][lang == "en"]
        note = MESSAGES["report.derived"][lang == "en"].split("{")[0]
        tables = [block for block in text.split("\n\n") if f"| {column} |" in block.split("\n")[0]]
        assert len(tables) == 2  # the decisions and the appendix
        for table in tables:
            after = text.split(table, 1)[1].lstrip("\n")
            assert after.startswith(note), after[:80]

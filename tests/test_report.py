"""The progress report: golden files, Markdown parsed back, JSON for dashboards.

Regenerate the golden files after a deliberate change with
``RRS_UPDATE_GOLDEN=1 python -m pytest tests/test_report.py``.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from rrs_cli.catalogue import load_catalogue
from rrs_cli.graph import LinkGraph
from rrs_cli.models import Term
from rrs_cli.query import ActionFilter
from rrs_cli.render import report as render
from rrs_cli.report import Report, build_report, funding_settled

from .catalogues import default_actions
from .conftest import Invoke, MakeCatalogue

GOLDEN = Path(__file__).resolve().parent / "golden"
HOSTILE = "Cyber <script>alert(1)</script> | [klik](javascript:x) `code` **vet**"


def logged_actions() -> dict[str, Any]:
    actions = default_actions()
    actions["A"] = {
        **actions["A"],
        "progress": [
            {"date": "2017-03-01", "status": "starting", "note": "Kwartiermaker benoemd"},
            {"date": "2019-06-01", "status": "ongoing", "note": "Instituut | open", "by": "CRO"},
        ],
    }
    actions["1"] = {
        **actions["1"],
        "funding": "Nader te bepalen",
        "progress": [{"date": "2018-01-15", "status": "completed", "note": "Opgeleverd"}],
    }
    actions["3"] = {**actions["3"], "title": HOSTILE, "funding": "PM"}
    actions["9"] = {
        **actions["2"],
        "id": "9",
        "links": [],
        "links_all_flywheels": True,
        "title": "Voor alle vliegwielen",
    }
    return actions  # 2 and B keep no log at all


def make_report(root: Path, **kwargs: Any) -> Report:
    catalogue = load_catalogue(root).catalogue
    graph = LinkGraph.build(catalogue)
    actions = ActionFilter().select(catalogue, graph)
    return build_report(catalogue, graph, actions, **kwargs)


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("RRS_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"golden file {name} differs"


def test_report_markdown_golden(make_catalogue: MakeCatalogue) -> None:
    report = make_report(
        make_catalogue(logged_actions()), as_of=date(2021, 6, 30), since=date(2019, 1, 1)
    )
    check_golden("report.md", render.markdown(report, "nl"))
    check_golden("report.en.md", render.markdown(report, "en"))


def test_report_empty_period_golden(make_catalogue: MakeCatalogue) -> None:
    report = make_report(
        make_catalogue(logged_actions()),
        as_of=date(2021, 6, 30),
        since=date(2020, 1, 1),
        stale_days=1000,
    )
    text = render.markdown(report, "en")
    assert "No progress was recorded in this period." in text
    check_golden("report-empty-period.md", text)


def test_report_json_golden(make_catalogue: MakeCatalogue) -> None:
    report = make_report(
        make_catalogue(logged_actions()), as_of=date(2021, 6, 30), since=date(2019, 1, 1)
    )
    text = render.json_text(report)
    check_golden("report.json", text)
    data = json.loads(text)
    assert data["by_status"] == {"new": 2, "ongoing": 2, "in-development": 1, "completed": 1}
    assert data["changes"] == [
        {
            "date": "2019-06-01",
            "id": "A",
            "from": "starting",
            "to": "ongoing",
            "note": "Instituut | open",
            "by": "CRO",
        }
    ]


def test_as_of_shows_the_status_at_that_date(make_catalogue: MakeCatalogue) -> None:
    report = make_report(make_catalogue(logged_actions()), as_of=date(2018, 1, 1))
    data = json.loads(render.json_text(report))
    assert data["by_status"]["starting"] == 1  # A on 2018-01-01
    assert [c["id"] for c in data["changes"]] == ["A"]  # 1's entry of 2018-01-15 is later


def test_markdown_parses_back_without_html(make_catalogue: MakeCatalogue) -> None:
    report = make_report(
        make_catalogue(logged_actions()), as_of=date(2021, 6, 30), since=date(2019, 1, 1)
    )
    tokens = MarkdownIt("commonmark").enable("table").parse(render.markdown(report, "en"))
    kinds = [t.type for t in tokens]
    assert "html_block" not in kinds
    assert not any(
        c.type in {"html_inline", "link_open"} for t in tokens for c in (t.children or [])
    )
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    for expected in (
        "Summary",
        "Goals",
        "Overview",
        "Changes in the period",
        "Needs attention",
        "Goals",
        "Goal × quality coverage",
        "Owners",
        "Funding (possible)",
        "Appendix",
    ):
        assert expected in headings
    fences = [t for t in tokens if t.type == "fence"]
    assert [t.info for t in fences] == ["mermaid"] * 3
    assert kinds.count("table_open") >= 10
    # Every table row has as many cells as its header: no cell broke out.
    for start in (i for i, t in enumerate(tokens) if t.type == "table_open"):
        end = kinds.index("table_close", start)
        widths = {
            sum(1 for t in _row(tokens, i) if t.type in {"th_open", "td_open"})
            for i in range(start, end)
            if tokens[i].type == "tr_open"
        }
        assert len(widths) == 1


def _row(tokens: list[Any], start: int) -> list[Any]:
    end = next(i for i in range(start, len(tokens)) if tokens[i].type == "tr_close")
    return tokens[start:end]


def test_horizons_and_funding(bundled: Path) -> None:
    strategy = load_catalogue(bundled).catalogue.strategy
    assert strategy.horizon(Term.SHORT) == date(2018, 12, 31)
    assert strategy.horizon(Term.SHORT_TO_MEDIUM) == date(2021, 12, 31)
    assert strategy.horizon(Term.LONG) is None
    words = strategy.unsettled_funding
    for text in ("PM", "nader te bepalen", "Nader te bepalen.", "", "  "):
        assert not funding_settled(text, words), text
    # NVT is "niet van toepassing" (Q, a call to every stakeholder): funding does
    # not apply, which is not funding that is still to be settled.
    assert funding_settled("NVT", words)
    assert funding_settled("Gemeente, PM-budget", words)
    # "NVT" is "niet van toepassing" (not applicable, Q): not funding waiting to be settled.
    assert funding_settled("NVT", words)
    # The words are the strategy's: another catalogue may use others.
    assert funding_settled("PM", ["TBD"]) and not funding_settled("tbd", ["TBD"])


def test_report_command_writes_the_file(
    rrs: Invoke, make_catalogue: MakeCatalogue, tmp_path: Path
) -> None:
    out = tmp_path / "report.md"
    result = rrs(
        "report",
        "--as-of",
        "2021-06-30",
        "--since",
        "2019-01-01",
        "--output",
        str(out),
        catalogue=make_catalogue(logged_actions()),
    )
    assert result.exit_code == 0, result.stderr
    written = out.read_text(encoding="utf-8").splitlines(keepends=True)
    # The command names the catalogue's version (here a hash of its files); the golden,
    # built in memory, has none.
    version = [line for line in written if line.startswith("Catalogusversie: ")]
    assert len(version) == 1 and "(controlegetal van de catalogusbestanden)" in version[0]
    assert "".join(line for line in written if line not in version) == (
        GOLDEN / "report.md"
    ).read_text(encoding="utf-8")


def test_report_command_goal_filter_and_json(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    result = rrs(
        "report",
        "--goal",
        "cyber",
        "--format",
        "json",
        "--as-of",
        "2021-06-30",
        catalogue=make_catalogue(logged_actions()),
    )
    data = json.loads(result.stdout)
    assert data["goal"] == "cyber" and data["actions"] == 3  # B, 3 and the all-flywheels 9


def test_report_in_a_terminal_draws_bars(make_catalogue: MakeCatalogue) -> None:
    from rich.console import Console

    report = make_report(make_catalogue(logged_actions()), as_of=date(2021, 6, 30))
    with Path(os.devnull).open("w", encoding="utf-8") as sink:
        console = Console(record=True, width=100, file=sink)
        console.print(render.terminal(report, "nl"))
    text = console.export_text()
    assert "█" in text and "mermaid" not in text


@pytest.mark.parametrize("bad", ["2021-13-01", "yesterday"])
def test_report_rejects_bad_dates(rrs: Invoke, make_catalogue: MakeCatalogue, bad: str) -> None:
    result = rrs("report", "--as-of", bad, catalogue=make_catalogue())
    assert result.exit_code == 2 and "is not a date" in result.stderr

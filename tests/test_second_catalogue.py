"""A second, fictional strategy (tests/fixtures/kelderwick) through every command.

Kelderwick differs from the bundled catalogue wherever a strategy can: city,
year (a full date in 2019), English text, three goals, term horizons (short 3
years, medium 7), organisations' other names and "not settled" funding words.
Every command must work on it and nothing Rotterdam-specific may show up in
any output: what is one city's cannot creep back into the code unnoticed.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .conftest import Invoke

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "kelderwick"
# The bundled strategy's words; none may appear in Kelderwick's output.
FOREIGN = ("Rotterdam", "2016", "Gemeente", "Havenbedrijf", "MRDH", "resilience@rot")


def clean(text: str) -> str:
    for word in FOREIGN:
        assert word.lower() not in text.lower(), f"{word!r} in output:\n{text[:2000]}"
    return text


def run(rrs: Invoke, *args: str, catalogue: Path = FIXTURE, code: int = 0) -> str:
    result = rrs(*args, catalogue=catalogue)
    assert result.exit_code == code, (args, result.stdout, result.stderr)
    clean(result.stderr)
    return clean(result.stdout)


def test_validates_with_zero_findings(rrs: Invoke) -> None:
    result = rrs("validate", str(FIXTURE), "--strict", "--format", "json")
    assert result.exit_code == 0, result.stdout
    assert json.loads(result.stdout)["findings"] == []


@pytest.mark.parametrize("fmt", ["table", "json", "markdown", "csv"])
def test_list(rrs: Invoke, fmt: str) -> None:
    out = run(rrs, "list", "--format", fmt)
    assert "Floating Homes Pilot" in out


def test_list_filters_use_this_strategy(rrs: Invoke) -> None:
    out = run(rrs, "list", "--goal", "neighbourhoods", "--format", "json")
    ids = [a["id"] for a in json.loads(out)]
    assert ids == ["B", "2", "3", "4"]  # 2 reaches goal 2 through its link to B


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_show(rrs: Invoke, fmt: str) -> None:
    out = run(rrs, "show", "2", "--format", fmt)
    assert "Floating Homes Pilot" in out
    if fmt != "json":
        assert "Status at publication (2019)" in out and "Possible funding" in out


def test_links_graph_export(rrs: Invoke) -> None:
    assert "Street Captains Network" in run(rrs, "links", "2", "--depth", "2")
    assert "Street Captains Network" in run(rrs, "links", "2", "--format", "json")
    assert run(rrs, "graph").startswith("flowchart")
    assert run(rrs, "graph", "--format", "dot").startswith("graph rrs {")
    export = json.loads(run(rrs, "export"))
    assert export["strategy"]["city"] == "Kelderwick"
    assert export["strategy"]["year"] == 2019
    assert export["strategy"]["horizons"]["short"] == "2022-12-31"
    assert export["strategy"]["horizons"]["medium"] == "2026-12-31"
    assert [g["key"] for g in export["goals"]] == ["water", "neighbourhoods", "services"]


def test_report_every_format_and_language(rrs: Invoke) -> None:
    common = ("report", "--as-of", "2024-06-30", "--since", "2023-07-01")
    english = run(rrs, *common)  # the catalogue's language is English
    assert english.startswith("# Kelderwick Resilience Plan: progress report")
    assert "published (2019)" in english
    # The horizons are this strategy's: short = 3 years, so B (2019 + 3) has passed.
    assert "Actions past their expected term with no completion reported: 1 of 8." in english
    assert "| **B** Street Captains Network | the council | Short term | 31/12/2022 |" in english
    # Owners grouped by this strategy's aliases: 'the council', 'City Council', ...
    assert "| Kelderwick City Council | 4 |" in english
    # Its own "not settled" words.
    assert "Actions whose (possible) funding is not yet settled: 4." in english
    # --since is inclusive: the entry of 2023-07-01 is in the period.
    assert "| 01/07/2023 | **A** Kelder Floodplain Programme |" in english
    assert "vliegwiel" not in english.lower()  # Dutch words only in a Dutch report
    dutch = run(rrs, *common, "--lang", "nl")
    assert dutch.startswith("# Kelderwick Resilience Plan: voortgangsrapportage")
    data = json.loads(run(rrs, *common, "--format", "json"))
    assert data["strategy"]["published"] == 2019 and data["actions"] == 8
    assert sum(g["total"] for g in data["by_goal"].values()) == 8
    html = run(rrs, *common, "--format", "html")
    assert '<html lang="en">' in html and "Kelderwick Resilience Plan" in html
    assert "resilience@kelderwick.example" in html


def test_diff_update_and_new_on_a_copy(rrs: Invoke, tmp_path: Path) -> None:
    copy = tmp_path / "kelderwick"
    shutil.copytree(FIXTURE, copy)
    run(
        rrs,
        "update",
        "2",
        "--status",
        "starting",
        "--note",
        "Permit granted",
        "--date",
        "2024-05-01",
        catalogue=copy,
    )
    run(rrs, "new", "6", "--title", "Heat Plan for Care Homes", "--link", "C", catalogue=copy)
    assert "Heat Plan for Care Homes" in run(rrs, "show", "6", catalogue=copy)
    diff = run(rrs, "diff", "--base-dir", str(FIXTURE), "--head-dir", str(copy), "--format", "json")
    data = json.loads(diff)
    assert data["added"] == ["6"]
    assert any(c["id"] == "2" for c in data["changed"])
    assert "Permit granted" in run(rrs, "report", "--as-of", "2024-06-30", catalogue=copy)


def test_without_strategy_yaml_the_report_names_no_strategy(rrs: Invoke, tmp_path: Path) -> None:
    copy = tmp_path / "unnamed"
    shutil.copytree(FIXTURE, copy)
    (copy / "strategy.yaml").unlink()
    for fmt in ("markdown", "json", "html"):
        result = rrs("report", "--as-of", "2024-01-01", "--format", fmt, catalogue=copy)
        assert result.exit_code == 0, result.stderr
        clean(result.stdout)
    text = rrs("report", "--as-of", "2024-01-01", catalogue=copy).stdout
    assert text.startswith("# Resilience strategy: progress report")
    assert "Actions past their expected term with no completion reported: 0 of 8." in text

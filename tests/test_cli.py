"""Every command through Typer's CliRunner: output, streams and exit codes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from rrs_cli.cli import app

from .conftest import Invoke, MakeCatalogue, default_actions

DOCS = Path(__file__).resolve().parent.parent / "docs"


def commands() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_every_command_has_help_and_is_documented(rrs: Invoke) -> None:
    tour = (DOCS / "commands.md").read_text(encoding="utf-8")
    for name in commands():
        result = rrs(name, "--help")
        assert result.exit_code == 0, name
        assert "Usage" in result.stdout
        assert re.search(rf"`rrs {name}\b", tour), f"rrs {name} is not in docs/commands.md"


def test_no_arguments_shows_help(rrs: Invoke) -> None:
    result = rrs()
    assert "Usage" in result.stdout + result.stderr
    assert result.exit_code in (0, 2)


def test_version(rrs: Invoke) -> None:
    result = rrs("--version")
    assert result.exit_code == 0 and result.stdout.startswith("rrs ")


def test_list_table_is_plain_and_fits_80_columns(
    rrs: Invoke, make_catalogue: MakeCatalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = rrs("list", "--lang", "en", catalogue=make_catalogue())
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout
    # Piped: one line per action, tab-separated, nothing padded.
    assert result.stdout.splitlines()[1] == "B\tDeltaplan cyber\tin-development\tshort\tcyber"
    assert len(result.stdout.splitlines()) == 5


def test_list_goal_filter_formats(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    root = make_catalogue()
    data = json.loads(rrs("list", "--goal", "cyber", "--format", "json", catalogue=root).stdout)
    assert [a["id"] for a in data] == ["B", "3"]
    csv_out = rrs("list", "--goal", "cyber", "--format", "csv", catalogue=root).stdout
    assert csv_out.splitlines()[0].startswith('"id","kind","title"')
    assert len(csv_out.splitlines()) == 3
    markdown = rrs("list", "-g", "3", "-f", "markdown", "--lang", "en", catalogue=root).stdout
    assert markdown.splitlines()[0] == "| ID | Kind | Title | Current status | Term | Goals |"
    assert "| B | flywheel | Deltaplan cyber |" in markdown


def test_unknown_filter_value_exits_2_with_suggestion(
    rrs: Invoke, make_catalogue: MakeCatalogue
) -> None:
    result = rrs("list", "--status", "ongong", catalogue=make_catalogue())
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "unknown status 'ongong'" in result.stderr
    assert "did you mean 'ongoing'" in result.stderr


def test_show_lists_links_both_ways_with_titles(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    actions = default_actions()
    actions["A"] = {**actions["A"], "links": ["1"]}  # 2 names A, A does not name 2
    result = rrs("show", "a", "--lang", "en", catalogue=make_catalogue(actions))
    assert result.exit_code == 0
    out = result.stdout
    assert "Vliegwiel A" in out and "1. Een samenleving in balans" in out
    assert re.search(r"1\s+Actie 1\s+both", out)
    assert re.search(r"2\s+Actie 2\s+named there only", out)


def test_show_formats(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    root = make_catalogue()
    record = json.loads(rrs("show", "B", "--format", "json", catalogue=root).stdout)
    assert record["id"] == "B" and record["linked"] == ["3"]
    markdown = rrs("show", "B", "--format", "markdown", catalogue=root).stdout
    assert markdown.startswith("# B: Deltaplan cyber\n")


def test_show_unknown_action(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    result = rrs("show", "ZZ", catalogue=make_catalogue())
    assert result.exit_code == 2
    assert "unknown action 'ZZ'" in result.stderr


def test_validate_clean_and_broken(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    clean = rrs("validate", str(make_catalogue()))
    assert clean.exit_code == 0 and clean.stdout == ""
    assert "0 errors, 0 warnings" in clean.stderr
    actions = default_actions()
    actions["1"] = {**actions["1"], "status": "done"}
    broken = rrs("validate", str(make_catalogue(actions)))
    assert broken.exit_code == 1
    assert re.search(r"1\.yaml:\d+:\d+: error RRS007 invalid-value \[status\]", broken.stdout)
    assert "Traceback" not in broken.stdout + broken.stderr


def test_validate_strict_fails_on_warnings(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    actions = default_actions()
    actions["A"] = {**actions["A"], "links": ["1", "2", "3"]}
    root = make_catalogue(actions)
    assert rrs("validate", str(root)).exit_code == 0
    assert rrs("validate", "--strict", str(root)).exit_code == 1


def test_validate_uses_global_catalogue_option(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    result = rrs("validate", "--format", "json", catalogue=make_catalogue())
    assert json.loads(result.stdout)["ok"] is True


def test_catalogue_from_environment(runner, make_catalogue: MakeCatalogue) -> None:  # type: ignore[no-untyped-def]
    root = make_catalogue()
    result = runner.invoke(app, ["list", "--format", "csv"], env={"RRS_CATALOGUE": str(root)})
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 6


def test_missing_catalogue_exits_2(rrs: Invoke, tmp_path: Path) -> None:
    for args in (["list"], ["show", "A"], ["export"]):
        result = rrs(*args, catalogue=tmp_path / "nope")
        assert result.exit_code == 2, args
        assert "does not exist" in result.stderr
    result = rrs("validate", str(tmp_path / "nope"))
    assert result.exit_code == 2


def test_queries_answer_without_broken_files_and_exit_1(
    rrs: Invoke, make_catalogue: MakeCatalogue
) -> None:
    actions = default_actions()
    actions["2"] = "id: [\n"
    result = rrs("list", "--format", "csv", catalogue=make_catalogue(actions))
    assert result.exit_code == 1
    assert re.search(r"2\.yaml:\d+:\d+: error RRS001 yaml-syntax", result.stderr)
    assert "files with errors are left out of this answer" in result.stderr
    assert len(result.stdout.splitlines()) == 5  # the other four actions, and the header


def test_export_is_the_documented_contract(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    result = rrs("export", "--format", "json", catalogue=make_catalogue())
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    # The first three keys as they always were; later keys only added after them.
    assert list(data) == ["goals", "qualities", "actions", "strategy", "all_flywheels"]
    strategy = data["strategy"]
    for key in (
        "name",
        "name_en",
        "city",
        "published",
        "language",
        "source",
        "contact",
        "term_horizons",
        "organisations",
        "unsettled_funding",
        "year",
        "horizons",
    ):
        assert key in strategy, key
    assert strategy["city"] == "Teststad" and strategy["horizons"]["short"] == "2018-12-31"
    action = data["actions"][0]
    for key in (
        "id",
        "kind",
        "title",
        "goal",
        "owner",
        "partners",
        "funding",
        "status",
        "term",
        "links",
        "status_text",
        "term_text",
        "linked",
        "goals_reached",
        "current_status",
    ):
        assert key in action, key
    contract = (DOCS / "export.md").read_text(encoding="utf-8")
    for key in action:
        assert f"`{key}`" in contract, f"export key {key} is not documented in docs/export.md"


def test_export_refuses_a_broken_catalogue(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    actions = default_actions()
    actions["1"] = {**actions["1"], "kind": "other"}
    result = rrs("export", catalogue=make_catalogue(actions))
    assert result.exit_code == 1 and result.stdout == ""


@pytest.mark.parametrize("command", [("export",), ("site", "--output", "SITE"), ("list",)])
def test_a_command_reads_the_catalogue_once(
    rrs: Invoke,
    make_catalogue: MakeCatalogue,
    monkeypatch: pytest.MonkeyPatch,
    command: tuple[str, ...],
) -> None:
    """export checks the catalogue and exports it from one read (it used to read it twice)."""
    import rrs_cli.catalogue as catalogue_module

    root = make_catalogue()
    loads: list[Path] = []
    real = catalogue_module._load

    def counted(folder: Path) -> object:
        loads.append(folder)
        return real(folder)

    monkeypatch.setattr(catalogue_module, "_load", counted)
    argv = [str(root.parent / "site") if part == "SITE" else part for part in command]
    result = rrs(*argv, catalogue=root)
    assert result.exit_code == 0, result.stderr
    assert loads == [root]


def test_python_dash_m_runs_the_cli(make_catalogue: MakeCatalogue) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "rrs_cli", "--catalogue", str(make_catalogue()), "validate"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr

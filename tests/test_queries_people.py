"""Queries that understand people: forgiving values, repeatable filters,
organisation aliases, errors that name the broken file, pipe-friendly output,
field names with one meaning, and every --help example run for real."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from typer.main import get_command

from rrs_cli.catalogue import load_catalogue
from rrs_cli.cli import app
from rrs_cli.graph import LinkGraph
from rrs_cli.query import resolve_goal
from rrs_cli.render import listing

from .catalogues import default_actions
from .conftest import Invoke, MakeCatalogue

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
WITH_PROGRESS = ROOT / "tests" / "fixtures" / "bundled-with-progress"


def ids(rrs: Invoke, *args: str, catalogue: Path = DATA) -> list[str]:
    result = rrs("list", *args, "--format", "json", catalogue=catalogue)
    assert result.exit_code == 0, result.stderr
    return [a["id"] for a in json.loads(result.stdout)]


# 1. Forgiving matching ---------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--goal", "cyber havenstad", "cyber"),
        ("--goal", "Rotterdam Cyber Havenstad", "cyber"),
        ("--goal", "3. Rotterdam Cyber Havenstad", "cyber"),
        ("--goal", "goal 3", "cyber"),
        ("--goal", "doel 3", "cyber"),
        ("--goal", "Goal-3", "cyber"),
        ("--goal", "3", "cyber"),
        ("--goal", "energy", "energie"),
        ("--goal", "society", "samenleving"),
        ("--goal", "network", "netwerkstad"),
        ("--goal", "onze stad", "netwerkstad"),
        ("--goal", "ÓNZE_stad", "netwerkstad"),
        ("--goal", "climate proof", "klimaat"),
    ],
)
def test_goal_values_people_type(option: str, value: str, expected: str) -> None:
    catalogue = load_catalogue(DATA).catalogue
    assert resolve_goal(catalogue, value).key == expected


@pytest.mark.parametrize(
    ("args", "field", "expected"),
    [
        (["--term", "korte"], "term", {"short"}),
        (["--term", "korte termijn"], "term", {"short"}),
        (["--term", "Korte tot middellange termijn"], "term", {"short-to-medium"}),
        (["--term", "short term"], "term", {"short"}),
        (["--term", "medium_to_long"], "term", {"medium-to-long"}),
        (["--status", "in development"], "current_status", {"in-development"}),
        (["--status", "In ontwikkeling"], "current_status", {"in-development"}),
        (["--status", "IN_DEVELOPMENT"], "current_status", {"in-development"}),
        (["--status", "lopend"], "current_status", {"ongoing"}),
        (["--status", "Lopend"], "current_status", {"ongoing"}),
        (["--kind", "vliegwiel"], "kind", {"flywheel"}),
        (["--kind", "connected action"], "kind", {"connected"}),
    ],
)
def test_status_term_kind_in_either_language(
    rrs: Invoke, args: list[str], field: str, expected: set[str]
) -> None:
    result = rrs("list", *args, "--format", "json", catalogue=DATA)
    assert result.exit_code == 0, result.stderr
    found = {a[field] for a in json.loads(result.stdout)}
    assert found == expected


def test_a_word_that_fits_several_goals_names_the_candidates(rrs: Invoke) -> None:
    result = rrs("list", "--goal", "stad", catalogue=DATA)
    assert result.exit_code == 2
    assert "matches 2 choices: 'netwerkstad', 'verankering'" in result.stderr
    from rrs_cli.errors import AmbiguousChoiceError

    catalogue = load_catalogue(DATA).catalogue
    with pytest.raises(AmbiguousChoiceError):
        resolve_goal(catalogue, "rotterdam")


def test_an_ambiguous_status_is_an_error_too(rrs: Invoke) -> None:
    result = rrs("list", "--status", "in", catalogue=DATA)
    assert result.exit_code == 2
    assert "'in-development', 'being-set-up'" in result.stderr


def test_valid_choices_show_dutch_and_english_names(rrs: Invoke) -> None:
    result = rrs("list", "--goal", "cybre", "--status", "xx", catalogue=DATA)
    assert result.exit_code == 2
    assert "did you mean 'cyber'?" in result.stderr
    assert "cyber (3: Rotterdam Cyber Havenstad / Rotterdam cyber port city)" in result.stderr
    assert "ongoing (Lopend / Ongoing)" in result.stderr


# 2. Repeating a filter ---------------------------------------------------------

REPEATS = [
    ("--goal", "cyber", "klimaat"),
    ("--quality", "robust", "flexibiliteit"),
    ("--status", "ongoing", "in ontwikkeling"),
    ("--term", "short", "long"),
    ("--kind", "flywheel", "connected"),
    ("--owner", "municipality", "port authority"),
    ("--partner", "water board", "stedin"),
    ("--org", "port authority", "mrdh"),
    ("--text", "waterfront", "cyber"),
]


@pytest.mark.parametrize(("option", "first", "second"), REPEATS)
def test_a_repeated_filter_is_either_value(
    rrs: Invoke, option: str, first: str, second: str
) -> None:
    one, other = ids(rrs, option, first), ids(rrs, option, second)
    both = ids(rrs, option, first, option, second)
    assert one and other and set(one) != set(other)
    assert set(both) == set(one) | set(other)


def test_different_filters_must_all_hold(rrs: Invoke) -> None:
    cyber_or_climate = set(ids(rrs, "-g", "cyber", "-g", "klimaat"))
    ongoing = set(ids(rrs, "-s", "lopend"))
    assert set(ids(rrs, "-g", "cyber", "-g", "klimaat", "-s", "lopend")) == (
        cyber_or_climate & ongoing
    )


def test_graph_and_report_take_repeated_goals(rrs: Invoke) -> None:
    drawn = rrs("graph", "-g", "cyber", "-g", "klimaat", catalogue=DATA).stdout
    assert "g_cyber" in drawn and "g_klimaat" in drawn and "g_energie" not in drawn
    report = rrs(
        "report",
        "-g",
        "cyber",
        "-g",
        "klimaat",
        "--lang",
        "en",
        "-f",
        "markdown",
        "--as-of",
        "2026-01-01",
        catalogue=DATA,
    )
    assert report.exit_code == 0
    assert "goals 3. Rotterdam cyber port city, 4. Taking climate-proof" in report.stdout


def test_help_says_how_filters_combine(rrs: Invoke) -> None:
    for command in ("list", "graph"):
        help_text = " ".join(rrs(command, "--help").stdout.split())
        assert "Repeat a filter for alternatives" in help_text
        assert "different filters combine (all must hold)" in help_text


# 3. Organisations --------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["port authority", "Havenbedrijf Rotterdam", "Port of Rotterdam", "HbR"]
)
def test_owner_aliases_from_the_strategy(rrs: Invoke, value: str) -> None:
    assert ids(rrs, "--owner", value) == ["F", "H", "21"]


def test_org_searches_owner_and_partners(rrs: Invoke) -> None:
    as_owner = set(ids(rrs, "--owner", "port authority"))
    as_partner = set(ids(rrs, "--partner", "port authority"))
    assert as_partner - as_owner  # the port is a partner elsewhere
    assert set(ids(rrs, "--org", "port authority")) == as_owner | as_partner


def test_aliases_come_from_strategy_yaml_not_the_code(
    rrs: Invoke, make_catalogue: MakeCatalogue
) -> None:
    import rrs_cli.query as query

    assert not hasattr(query, "ORGANISATION_SYNONYMS")
    from .catalogues import STRATEGY

    plain = make_catalogue()
    assert ids(rrs, "--owner", "port authority", catalogue=plain) == []
    named = make_catalogue(
        strategy={**STRATEGY, "organisations": [["Havenbedrijf Rotterdam", "port authority"]]}
    )
    assert ids(rrs, "--owner", "port authority", catalogue=named) == ["B"]


def test_spaces_and_hyphens_alike_in_organisations(rrs: Invoke) -> None:
    # The strategy writes both "Metropoolregio Rotterdam Den Haag" and "...Rotterdam-Den Haag".
    found = set(ids(rrs, "--org", "Metropoolregio Rotterdam-Den Haag"))
    assert {"17", "44"} <= found


# 4. A file with errors ---------------------------------------------------------


@pytest.mark.parametrize("command", ["show", "links"])
def test_show_names_the_file_with_errors(
    rrs: Invoke, make_catalogue: MakeCatalogue, command: str
) -> None:
    actions: dict = default_actions()
    actions["1"] = 'id: "1"\nkind: connected\ntitle: [oops\n'
    result = rrs(command, "1", catalogue=make_catalogue(actions))
    assert result.exit_code == 1
    assert "the file of action 1 has errors" in result.stderr
    assert re.search(r"1\.yaml:\d+:\d+", result.stderr)
    assert "unknown action" not in result.stderr and "did you mean" not in result.stderr


# 5. Piped and terminal output --------------------------------------------------


def test_piped_list_is_one_line_per_action(rrs: Invoke) -> None:
    out = rrs("list", "--lang", "en", catalogue=DATA).stdout
    lines = out.splitlines()
    assert len(lines) == len(load_catalogue(DATA).catalogue.actions)
    waterfront = [line for line in lines if "waterfront" in line]
    assert waterfront == [
        "L\tKlimaatbestendige waterfrontontwikkeling met meerwaarde\tnew\tshort-to-medium\tklimaat"
    ]
    assert not any(line != line.strip() or "  " in line for line in lines)


@pytest.mark.parametrize("width", [60, 80])
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_terminal_table_wraps_titles_and_never_cuts(width: int, lang: str) -> None:
    catalogue = load_catalogue(DATA).catalogue
    graph = LinkGraph.build(catalogue)
    actions = list(catalogue.actions.values())
    console = Console(width=width, force_terminal=True, no_color=True, record=True)
    console.print(listing.table(actions, graph, plain=False, width=width, lang=lang))  # type: ignore[arg-type]
    shown = console.export_text()
    lines = shown.splitlines()
    assert "…" not in shown
    assert max(len(line) for line in lines) <= width
    for action in actions:
        first = next(line for line in lines if line.startswith(f"{action.id} "))
        status = listing._status(action, lang)  # type: ignore[arg-type]
        assert status in first, (action.id, status, first)
    # Every word of every title is there (long words may be folded over two lines).
    letters = re.sub(r"\s+", "", shown)
    for action in actions:
        for word in action.title.split():
            assert word[:6] in letters


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize("width", ["60", "80"])
def test_list_in_a_real_terminal_fits(width: str) -> None:
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": width, "NO_COLOR": "1", "TERM": "xterm", "RRS_LANG": "en"}
    env["RRS_PAGER"] = ""  # a terminal, but no pager waiting for keys (tests/test_pager.py)
    env.pop("RRS_CATALOGUE", None)
    # Read the terminal while rrs writes to it: a terminal's buffer is small, and a
    # writer whose reader waits for it to end waits for ever.
    process = subprocess.Popen(
        [sys.executable, "-m", "rrs_cli", "list"],
        stdout=follower,
        stderr=subprocess.PIPE,
        env=env,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the last writer closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    _, errors = process.communicate(timeout=300)
    out = b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
    out = re.sub(r"\x1b\[[0-9;]*m", "", out)  # bold headings
    assert process.returncode == 0, errors
    lines = out.splitlines()
    assert "Current status" in lines[0]
    assert max(len(line) for line in lines) <= int(width)
    assert "…" not in out
    assert any(line.startswith("J ") and "being-set-up" in line for line in lines)


# 6. Field names with one meaning ----------------------------------------------


def test_csv_columns_are_json_keys_with_the_same_values(rrs: Invoke) -> None:
    records = {
        r["id"]: r for r in json.loads(rrs("list", "-f", "json", catalogue=WITH_PROGRESS).stdout)
    }
    rows = list(
        csv.DictReader(io.StringIO(rrs("list", "-f", "csv", catalogue=WITH_PROGRESS).stdout))
    )
    assert rows and "status" not in rows[0] and "links" not in rows[0]
    changed = 0
    for row in rows:
        record = records[row["id"]]
        for column, value in row.items():
            expected = record[column]
            if isinstance(expected, list):
                expected = " ".join(expected)
            assert value == (expected or ""), (row["id"], column)
        changed += record["status"] != record["current_status"]
    assert changed  # the fixture's log moves some statuses on from the baseline


def test_links_in_and_out_add_up_to_linked(rrs: Invoke) -> None:
    for record in json.loads(rrs("list", "-f", "json", catalogue=DATA).stdout):
        assert set(record["linked"]) >= set(record["links_in"])
        if not record["links_all_flywheels"]:
            assert set(record["linked"]) >= set(record["links"]) - {record["id"]}


# 7. Progress in Markdown -------------------------------------------------------


def test_show_markdown_has_the_progress_log(rrs: Invoke) -> None:
    text_out = rrs("show", "43", "--lang", "en", catalogue=WITH_PROGRESS).stdout
    markdown = rrs("show", "43", "-f", "markdown", "--lang", "en", catalogue=WITH_PROGRESS).stdout
    record = json.loads(rrs("show", "43", "-f", "json", catalogue=WITH_PROGRESS).stdout)
    assert record["progress"]
    assert "## Progress" in markdown and "Progress" in text_out
    for entry in record["progress"]:
        assert f"**{entry['date']}**" in markdown
        assert entry["note"].split(";")[0] in markdown


def test_show_to_a_pipe_is_the_terminal_view_unwrapped(rrs: Invoke) -> None:
    """Piped, `show` writes the terminal view's words (a wrapped table cell puts a
    title's last words after the next column's), each fact and paragraph on one
    line (grep finds a whole owner), with no padding."""
    from rrs_cli.render import show

    loaded = load_catalogue(WITH_PROGRESS)
    graph = LinkGraph.build(loaded.catalogue)
    for action_id in ("43", "12", "I"):
        piped = rrs("show", action_id, "--lang", "nl", catalogue=WITH_PROGRESS).stdout
        action = loaded.catalogue.actions[action_id]
        console = Console(file=io.StringIO(), width=80, no_color=True)
        console.print(show.rich_view(loaded.catalogue, graph, action, "nl"))
        assert sorted(piped.split()) == sorted(console.file.getvalue().split())
        assert not [line for line in piped.splitlines() if line != line.rstrip()]
        assert any(line.endswith(action.owner or "—") for line in piped.splitlines())


# 8. --lang for list and show ---------------------------------------------------


def test_list_and_show_speak_dutch(rrs: Invoke) -> None:
    table = rrs("list", "-s", "lopend", "-f", "markdown", "--lang", "nl", catalogue=DATA).stdout
    assert table.splitlines()[0] == "| Id | Soort | Titel | Huidige status | Termijn | Doelen |"
    assert "| Lopend |" in table and "Korte termijn" in table
    shown = rrs("show", "21", "--lang", "nl", catalogue=DATA).stdout
    assert "Eigenaar" in shown and "Huidige status" in shown and "Verbonden actie" in shown
    assert "Owner" not in shown
    english = rrs("show", "21", "--lang", "en", catalogue=DATA).stdout
    assert "Owner" in english and "Eigenaar" not in english


def test_the_catalogue_s_language_is_the_default(
    rrs: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Dutch catalogue speaks Dutch without --lang; RRS_LANG and --lang choose."""
    assert "Eigenaar" in rrs("show", "21", catalogue=DATA).stdout
    assert rrs("list", "-s", "lopend", catalogue=DATA).stdout.split("\t")[2] == "Lopend"
    monkeypatch.setenv("RRS_LANG", "en")
    assert "Owner" in rrs("show", "21", catalogue=DATA).stdout
    assert rrs("list", "-s", "lopend", catalogue=DATA).stdout.split("\t")[2] == "ongoing"
    assert "Eigenaar" in rrs("show", "21", "--lang", "nl", catalogue=DATA).stdout


# 9. Every example in every --help ---------------------------------------------

# Commands whose examples would write files or need git: run against a copy.
WRITING = {"update", "new", "init", "site", "diff"}
E_G = re.compile(r"\(e\.g\. ([^)]*)\)|, e\.g\. ([^.]*(?:\.\d+)?)\.")


def _commands() -> dict[str, Any]:
    return dict(get_command(app).commands)  # type: ignore[attr-defined]


def _option_examples() -> list[tuple[str, str, str]]:
    """(command, option, value) for every "(e.g. a, b, 'c d')" in an option's help."""
    found = []
    for name, command in _commands().items():
        if name in WRITING:
            continue
        for param in command.params:
            help_text = getattr(param, "help", None) or ""
            for match in E_G.finditer(" ".join(help_text.split())):
                listed = match.group(1) or match.group(2)
                for value in shlex.split(listed.replace(" or ", ", ")):
                    value = value.strip(",")
                    if value:
                        option = param.opts[0] if param.param_type_name == "option" else ""
                        found.append((name, option, value))
    return found


def _command_examples() -> list[str]:
    """Every `rrs ...` invocation after "Examples:" in a command's help."""
    found = []
    for command in _commands().values():
        help_text = " ".join((command.help or "").split())
        for part in re.findall(r"Examples?: (.*)", help_text):
            found += [e.strip() for e in part.split(";") if e.strip().startswith("rrs ")]
    return found


def test_the_help_has_examples() -> None:
    options = _option_examples()
    assert ("list", "--goal", "cyber havenstad") in options
    assert ("show", "", "I") in options and ("show", "", "12") in options
    assert len(options) >= 25
    assert len(_command_examples()) >= 2


@pytest.mark.parametrize(("command", "option", "value"), _option_examples())
def test_every_option_example_in_the_help_runs(
    rrs: Invoke, command: str, option: str, value: str
) -> None:
    args = {
        "list": [option, value],
        "graph": [option, value],
        "report": [option, value, "--as-of", "2026-01-01"],
        "show": ["I", option, value] if option else [value],
        "links": ["I", option, value] if option else [value],
    }.get(command, [option, value] if option else [value])
    result = rrs(command, *args, catalogue=DATA)
    assert result.exit_code == 0, (command, args, result.stderr)
    assert result.stdout.strip()


@pytest.mark.parametrize("example", _command_examples())
def test_every_command_example_in_the_help_runs(rrs: Invoke, example: str) -> None:
    result = rrs(*shlex.split(example)[1:], catalogue=DATA)
    assert result.exit_code == 0, (example, result.stderr)
    assert result.stdout.strip()


def _writing_examples() -> list[tuple[str, str, str]]:
    """(command, option, value) examples of the commands the read-only test skips."""
    found = []
    for name, command in _commands().items():
        if name not in WRITING:
            continue
        for param in command.params:
            help_text = " ".join((getattr(param, "help", None) or "").split())
            for match in E_G.finditer(help_text):
                for value in shlex.split((match.group(1) or match.group(2)).replace(" or ", ", ")):
                    if value.strip(","):
                        found.append((name, param.opts[0], value.strip(",")))
    return found


def test_the_writing_commands_examples_are_known() -> None:
    """A new example on a writing command needs a way to run here (see the next test)."""
    assert {command for command, _, _ in _writing_examples()} == {"init"}


@pytest.mark.parametrize(("command", "option", "value"), _writing_examples())
def test_every_writing_example_in_the_help_runs(
    rrs: Invoke, tmp_path: Path, command: str, option: str, value: str
) -> None:
    target = tmp_path / "new-catalogue"
    result = rrs(command, str(target), option, value, "--yes")
    assert result.exit_code == 0, (command, option, value, result.stderr)
    listed = rrs("list", catalogue=target)
    assert listed.exit_code == 0 and listed.stdout.strip()


def test_report_json_names_every_selected_goal(rrs: Invoke) -> None:
    def selected(*goals: str) -> tuple[object, object]:
        args = [part for goal in goals for part in ("-g", goal)]
        result = rrs("report", *args, "-f", "json", "--as-of", "2026-01-01", catalogue=DATA)
        assert result.exit_code == 0, result.stderr
        data = json.loads(result.stdout)
        return data["goal"], data["goals_selected"]

    assert selected("cyber", "klimaat") == (None, ["cyber", "klimaat"])
    assert selected("cyber") == ("cyber", ["cyber"])
    assert selected() == (None, [])

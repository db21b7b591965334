"""Every command, in every output format, over a catalogue holding every payload at once.

The catalogue comes from ``tests/hostile.py`` (reusable by other tests). Each
output must be free of raw control, escape, bidi and zero-width characters;
no line may start a CI workflow command (``::``) except the annotations of
``validate --format github``; rich markup is shown, never interpreted; CSV
cells are safe in a spreadsheet; and nothing crashes.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import Invoke, MakeCatalogue, default_actions
from .hostile import FORBIDDEN, HOSTILE_GOAL, TAG_MESSAGE, write_hostile_catalogue

FORMULA = frozenset("=+-@")


@pytest.fixture(scope="module")
def catalogues(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    top = tmp_path_factory.mktemp("hostile")
    return {
        "valid": write_hostile_catalogue(top / "valid"),
        "broken": write_hostile_catalogue(top / "broken", broken=True),
        "benign": write_hostile_catalogue(top / "benign", benign=True),
    }


COMMANDS: list[tuple[str, ...]] = [
    ("list",),
    ("list", "--format", "json"),
    ("list", "--format", "markdown"),
    ("list", "--format", "csv"),
    ("list", "--goal", "3"),
    ("list", "--owner", "Gemeente"),
    ("list", "--org", "Gemeente"),
    ("list", "--lang", "nl"),
    ("show", "1", "--lang", "nl"),
    ("progress", "list", "1"),
    ("progress", "list", "A"),
    ("progress", "list", "A", "--format", "json"),
    ("where",),
    ("export", "--output", "-"),
    ("report", "--output", "-", "--as-of", "2021-01-01"),
    *[
        ("show", i, "--format", f)
        for i in ("A", "B", "1", "2")
        for f in ("text", "markdown", "json")
    ],
    ("links", "1", "--depth", "3"),
    ("links", "A", "--format", "json"),
    ("graph",),
    ("graph", "--format", "dot"),
    ("validate",),
    ("validate", "--format", "json"),
    ("validate", "--format", "github"),
    ("validate", "--strict"),
    ("export",),
    ("report", "--as-of", "2021-01-01"),
    ("report", "--format", "json", "--as-of", "2021-01-01"),
    ("report", "--since", "2019-01-01", "--as-of", "2021-01-01"),
    ("report", "--lang", "en", "--as-of", "2021-01-01"),
    ("report", "--format", "html", "--as-of", "2021-01-01"),
    ("diff", "--base-dir", "{benign}"),
    ("diff", "--base-dir", "{benign}", "--format", "json"),
    ("diff", "--base-dir", "{benign}", "--head-dir", "{valid}"),
]


def check_output(args: tuple[str, ...], stdout: str, stderr: str) -> None:
    for name, out in (("stdout", stdout), ("stderr", stderr)):
        raw = FORBIDDEN.search(out)
        assert raw is None, f"{args}: raw {raw.group()!r} in {name}" if raw else ""
        github = args[:1] == ("validate",) and "github" in args and name == "stdout"
        for line in out.splitlines():
            stripped = line.lstrip()
            if github:
                assert re.match(r"::(error|warning) file=", line), line
                assert "::" not in line.split("::", 2)[2], line
            else:
                assert not stripped.startswith("::"), f"{args} {name}: {line!r}"
            assert "##[" not in line, f"{args} {name}: {line!r}"


@pytest.mark.parametrize("which", ["valid", "broken"])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_every_command_escapes_every_payload(
    rrs: Invoke, catalogues: dict[str, Path], which: str, args: tuple[str, ...]
) -> None:
    root = catalogues[which]
    argv = tuple(a.format(**{k: str(v) for k, v in catalogues.items()}) for a in args)
    result = rrs(*argv, catalogue=root)
    assert result.exit_code in (0, 1), (argv, result.stdout[-2000:], result.stderr[-2000:])
    assert "Traceback" not in result.stdout + result.stderr
    assert "internal error" not in result.stderr
    if which == "valid" and args[0] != "diff" and "--strict" not in args:
        assert result.exit_code == 0, result.stderr
    check_output(argv, result.stdout, result.stderr)
    if "json" in args and result.stdout:
        json.loads(result.stdout)
    if "csv" in args:
        check_csv(result.stdout)


def check_csv(text: str) -> None:
    # A reader that treats a bare CR as a line end, like some spreadsheets.
    for physical in re.split(r"\r\n|\r|\n", text):
        assert physical[:1] not in FORMULA, physical
    rows = list(csv.reader(io.StringIO(text, newline=None)))
    assert len({len(row) for row in rows}) == 1, "a cell broke a row"
    for row in rows:
        for cell in row:
            assert "\r" not in cell and "\n" not in cell, cell
            assert cell.lstrip()[:1] not in FORMULA, cell
    assert all(line.startswith('"') for line in text.splitlines()), "every field quoted"


@pytest.mark.parametrize(
    "args",
    [("list",), ("show", "1"), ("show", "A"), ("links", "1", "--depth", "2")],
    ids=" ".join,
)
def test_rich_markup_is_shown_not_interpreted(
    rrs: Invoke, catalogues: dict[str, Path], args: tuple[str, ...]
) -> None:
    result = rrs(*args, catalogue=catalogues["valid"])
    assert result.exit_code == 0, result.stderr
    flat = " ".join(result.stdout.split())
    if args[0] == "show":
        assert "[link=https://evil.example]Gemeente[/link] [/]" in flat
    else:  # titles are cut to fit; at least one payload with brackets is shown as text
        assert re.search(r"\[/bold\]|\[/\]|\[red\]|\[link=", flat), result.stdout


def test_markdown_neutralises_mentions_references_and_urls(
    rrs: Invoke, catalogues: dict[str, Path]
) -> None:
    outputs = [
        rrs("show", "1", "--format", "markdown", catalogue=catalogues["valid"]).stdout,
        rrs("list", "--format", "markdown", catalogue=catalogues["valid"]).stdout,
        rrs("report", "--as-of", "2021-01-01", catalogue=catalogues["valid"]).stdout,
        rrs("diff", "--base-dir", str(catalogues["benign"]), catalogue=catalogues["valid"]).stdout,
    ]
    for text in outputs:
        assert re.search(r"@[\w-]", text) is None or "@example.org" in text
        assert re.search(r"(?<![&\w])#\d", text) is None, text
        assert re.search(r"https?://", text) is None, text
        assert re.search(r"\bwww\.", text) is None, text
        assert "<script" not in text and "<img" not in text
    assert "@&#8288;org/team" in outputs[0] and "#&#8288;1" in outputs[0]


def test_mermaid_node_ids_are_safe(rrs: Invoke, catalogues: dict[str, Path]) -> None:
    for fmt in ("mermaid", "dot"):
        text = rrs("graph", "--format", fmt, catalogue=catalogues["valid"]).stdout
        assert HOSTILE_GOAL not in text
    mermaid = rrs("graph", catalogue=catalogues["valid"]).stdout
    for line in mermaid.splitlines()[1:]:
        node = re.match(r"\s*([^\s\[(]+)[\[(]", line)
        if node:
            assert re.fullmatch(r"[A-Za-z0-9_]+", node.group(1)), line
        edge = re.fullmatch(r"\s*(\S+) (---|-\.-) (\S+)", line)
        if "---" in line or "-.-" in line:
            assert edge and all(re.fullmatch(r"[A-Za-z0-9_]+", edge.group(i)) for i in (1, 3)), line


def test_validate_text_cannot_forge_ci_commands(rrs: Invoke, catalogues: dict[str, Path]) -> None:
    result = rrs("validate", str(catalogues["broken"]))
    assert result.exit_code == 1
    codes = set(re.findall(r" (RRS\d{3}) ", result.stdout))
    assert {"RRS005", "RRS014", "RRS008", "RRS007"} <= codes
    check_output(("validate",), result.stdout, result.stderr)
    assert "PWNED" in result.stdout  # reported, but escaped


def test_invisible_characters_are_a_located_warning(
    rrs: Invoke, catalogues: dict[str, Path]
) -> None:
    result = rrs("validate", "--format", "json", str(catalogues["valid"]))
    found = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "RRS112"]
    assert found and all(f["line"] and f["field"] for f in found)
    assert {f["severity"] for f in found} == {"warning"}
    assert any(f["file"].endswith("actions/A.yaml") for f in found)


def test_queries_ignore_invisible_characters_and_normal_forms(
    rrs: Invoke, make_catalogue: MakeCatalogue
) -> None:
    actions = default_actions()
    actions["1"] = {**actions["1"], "owner": "Ge\u200bmeente", "title": "Cafe\u0301 Rotterdam"}
    root = make_catalogue(actions)
    owned = rrs("list", "--owner", "Gemeente", "--format", "json", catalogue=root)
    assert "1" in [a["id"] for a in json.loads(owned.stdout)]
    found = rrs("list", "--text", "Caf\u00e9", "--format", "json", catalogue=root)
    assert [a["id"] for a in json.loads(found.stdout)] == ["1"]


def test_csv_carriage_return_cannot_start_a_formula(
    rrs: Invoke, make_catalogue: MakeCatalogue
) -> None:
    actions = default_actions()
    actions["1"] = {
        **actions["1"],
        "title": "Normal title\r=cmd|' /C calc'!A0",
        "owner": "Gemeente\n+SUM(A1)\r\n@x",
    }
    actions["2"] = {**actions["2"], "title": '=HYPERLINK("https://evil.example")'}
    text = rrs("list", "--format", "csv", catalogue=make_catalogue(actions)).stdout
    check_csv(text)
    rows = list(csv.reader(io.StringIO(text, newline=None)))
    titles = {row[0]: row[2] for row in rows[1:]}
    assert titles["1"] == "Normal title\\r=cmd|' /C calc'!A0"
    assert titles["2"].startswith("'=HYPERLINK")


@pytest.mark.parametrize("typed", ["\u00df", "\u00b2", "\u2460", "\uff21"])
def test_action_ids_are_ascii_only(rrs: Invoke, make_catalogue: MakeCatalogue, typed: str) -> None:
    actions = default_actions()
    actions["SS"] = {**actions["A"], "id": "SS"}
    actions["2"] = {**actions["2"]}
    root = make_catalogue(actions)
    result = rrs("show", typed, catalogue=root)
    assert result.exit_code == 2, result.stdout
    assert "unknown action" in result.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.parametrize("broken", [False, True])
@pytest.mark.parametrize("fmt", ["markdown", "json"])
def test_diff_between_revisions_escapes_every_payload(
    rrs: Invoke, tmp_path: Path, broken: bool, fmt: str
) -> None:
    repo = tmp_path / "repo"
    root = write_hostile_catalogue(repo / "catalogue", benign=True)

    def git(*args: str) -> None:
        ident = ["-c", "user.email=t@example.org", "-c", "user.name=t"]
        subprocess.run(["git", *ident, *args], cwd=repo, check=True, capture_output=True)

    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "base")
    write_hostile_catalogue(root, broken=broken)
    git("add", "-A")
    git("commit", "-qm", "hostile")
    result = rrs("diff", "HEAD~1", "HEAD", "--format", fmt, catalogue=root)
    assert result.exit_code == (1 if broken else 0), result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    check_output(("diff",), result.stdout, result.stderr)
    if broken:
        assert "HEAD:actions/90.yaml" in result.stderr


# -- Second round: invisible text by Unicode property ---------------------------

HIDING_SAMPLES = [
    "\u061c",
    "\u180e",
    "\u034f",
    "\u115f",
    "\u3164",
    "\uffa0",
    "\u2800",
    "\u17b4",
    "\ufe0f",
    "\U0001d173",
    "\u00ad",
    "\U000e0041",
]


def test_a_hidden_tag_message_is_a_warning_under_strict(
    rrs: Invoke, make_catalogue: MakeCatalogue
) -> None:
    actions = default_actions()
    actions["1"] = {**actions["1"], "title": "Actie 1" + TAG_MESSAGE}
    root = make_catalogue(actions)
    result = rrs("validate", "--strict", "--format", "json", str(root))
    assert result.exit_code == 1, result.stdout
    found = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "RRS112"]
    assert [(Path(f["file"]).name, f["field"]) for f in found] == [("1.yaml", "title")]
    assert "\\U000e0041" in found[0]["message"]


@pytest.mark.parametrize("char", HIDING_SAMPLES, ids=lambda c: f"U+{ord(c):04X}")
def test_every_hiding_character_is_flagged_and_folded(
    rrs: Invoke, make_catalogue: MakeCatalogue, char: str
) -> None:
    actions = default_actions()
    actions["1"] = {**actions["1"], "owner": f"Ge{char}meente"}
    root = make_catalogue(actions)
    owned = rrs("list", "--owner", "Gemeente", "--format", "json", catalogue=root)
    assert "1" in [a["id"] for a in json.loads(owned.stdout)]
    checked = rrs("validate", "--format", "json", str(root))
    assert [f["field"] for f in json.loads(checked.stdout)["findings"]] == ["owner"]
    for args in (("show", "1"), ("list", "--format", "csv"), ("show", "1", "--format", "json")):
        out = rrs(*args, catalogue=root).stdout
        assert FORBIDDEN.search(out) is None, (args, out)


@pytest.mark.parametrize("fmt", ["markdown", "json"])
def test_diff_marks_code_points_that_differ_behind_equal_visible_text(
    rrs: Invoke, make_catalogue: MakeCatalogue, fmt: str
) -> None:
    base = make_catalogue(default_actions())
    actions = default_actions()
    actions["1"] = {**actions["1"], "title": "Actie 1" + TAG_MESSAGE}
    head = make_catalogue(actions)
    result = rrs("diff", "--base-dir", str(base), "--head-dir", str(head), "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert FORBIDDEN.search(result.stdout) is None
    if fmt == "markdown":
        assert "(code points differ)" in result.stdout
        assert "U+E0041" in result.stdout  # the hidden text, spelt out
    else:
        assert json.loads(result.stdout)["changed"][0]["fields"]["title"]["looks_the_same"]


# -- Second round: option and schema checks agree -------------------------------


@pytest.mark.parametrize("contact", ["a@b.co\n", "a@b.co\r", "a@b.co?cc=x@y.z", "a b@c.de"])
def test_init_refuses_a_bad_contact_at_the_option(
    rrs: Invoke, tmp_path: Path, contact: str
) -> None:
    result = rrs("init", str(tmp_path / "new"), "--contact", contact, "--yes")
    assert result.exit_code == 2, result.stderr
    assert "is not an e-mail address" in result.stderr
    assert "bug in rrs" not in result.stderr and not (tmp_path / "new").exists()


@pytest.mark.parametrize("contact", ["a@b.co\n", "a@b.co?cc=x@y.z"])
def test_the_schema_refuses_what_the_options_refuse(
    rrs: Invoke, make_catalogue: MakeCatalogue, contact: str
) -> None:
    from .conftest import STRATEGY

    root = make_catalogue(strategy={**STRATEGY, "contact": contact})
    result = rrs("validate", "--format", "json", str(root))
    found = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["field"]) for f in found] == [("RRS007", "contact")], found
    site = rrs("site", "-o", str(root.parent / "s"), "--contact", contact, catalogue=root)
    assert site.exit_code == 2


def test_the_same_organisation_name_in_two_groups_is_an_error(
    rrs: Invoke, make_catalogue: MakeCatalogue
) -> None:
    from .conftest import STRATEGY

    groups = [["Havenbedrijf Rotterdam", "HbR"], ["Gemeente", "gemeente  ", "HBR"]]
    root = make_catalogue(strategy={**STRATEGY, "organisations": groups})
    result = rrs("validate", "--format", "json", str(root))
    assert result.exit_code == 1
    found = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "RRS009"]
    # The same name twice in one group is harmless; across groups it moves actions.
    assert [f["field"] for f in found] == ["organisations[1][2]"], found
    assert all(f["line"] for f in found)

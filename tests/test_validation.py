"""Every check code, each triggered by a fixture that triggers exactly it."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from rrs_cli.diagnostics import CHECKS, Severity
from rrs_cli.validation import validate

from .conftest import GOALS, MakeCatalogue, connected, default_actions, dump, flywheel

TODAY = date(2026, 1, 1)


def with_action(stem: str, content: Any) -> dict[str, Any]:
    actions: dict[str, Any] = default_actions()
    actions[stem] = content
    return actions


def changed(stem: str, **fields: Any) -> dict[str, Any]:
    actions = default_actions()
    actions[stem] = {**actions[stem], **fields}
    return actions


def without(stem: str, field: str) -> dict[str, Any]:
    actions = default_actions()
    actions[stem] = {k: v for k, v in actions[stem].items() if k != field}
    return actions


Setup = Callable[[MakeCatalogue], Path]

CASES: dict[str, tuple[str, Setup]] = {
    "yaml syntax": ("RRS001", lambda make: make(with_action("1", "id: '1'\nkind: [connected\n"))),
    "duplicate key": (
        "RRS002",
        lambda make: make(
            with_action("1", dump(connected("1", links=["A"])) + "owner: Iemand anders\n")
        ),
    ),
    "empty file": ("RRS003", lambda make: make(with_action("4", ""))),
    "file is a list": ("RRS004", lambda make: make(with_action("4", "- id: '4'\n"))),
    "unknown field": ("RRS005", lambda make: make(changed("1", onwer="Gemeente"))),
    "missing field": ("RRS006", lambda make: make(without("1", "title"))),
    "wrong type": ("RRS007", lambda make: make(changed("1", partners=["a", "b"]))),
    "unknown status": ("RRS007", lambda make: make(changed("1", status="finished"))),
    "id mismatch": (
        "RRS008",
        lambda make: make(
            {**changed("A", links=["1", "2", "5"]), "4": connected("5", links=["A"])}
        ),
    ),
    "duplicate id": ("RRS009", lambda make: make()),
    "duplicate goal key": ("RRS009", lambda make: make(goals=[*GOALS, GOALS[0]])),
    "dangling link": ("RRS010", lambda make: make(changed("1", links=["A", "Z"]))),
    "unknown goal": ("RRS011", lambda make: make(changed("1", goals=["klimaat"]))),
    "unknown quality": ("RRS012", lambda make: make(changed("A", qualities=["sturdy"]))),
    "not utf-8": ("RRS013", lambda make: make(with_action("1", None))),
    "python tag": (
        "RRS014",
        lambda make: make(with_action("4", "!!python/object/apply:os.system ['true']\n")),
    ),
    "missing goals file": ("RRS015", lambda make: make(goals="")),
    "flywheel linking a flywheel": (
        "RRS016",
        lambda make: make(changed("A", links=["1", "2", "B"])),
    ),
    "future progress date": (
        "RRS017",
        lambda make: make(
            changed("1", progress=[{"date": "2030-01-01", "status": "ongoing", "note": "x"}])
        ),
    ),
    "one-sided link": ("RRS101", lambda make: make(changed("A", links=["1", "2", "3"]))),
    "unlinked connected": ("RRS102", lambda make: make(with_action("4", connected("4")))),
    "empty status": ("RRS103", lambda make: make(changed("1", status=None, status_text=""))),
    "flywheel without actions": (
        "RRS104",
        lambda make: make(with_action("C", flywheel("C", goal="cyber"))),
    ),
    "self link": ("RRS105", lambda make: make(changed("1", links=["A", "1"]))),
    "repeated link": ("RRS106", lambda make: make(changed("1", links=["A", "A"]))),
    "empty term": ("RRS107", lambda make: make(changed("1", term=None, term_text=""))),
    "byte-order mark": (
        "RRS108",
        lambda make: make(with_action("1", "\ufeff" + dump(connected("1", links=["A"])))),
    ),
    "missing strategy file": ("RRS110", lambda make: make()),
    "stray file": ("RRS109", lambda make: make(with_action("notes.txt", None))),
    "stale acceptance": ("RRS111", lambda make: make()),
    "invisible character": ("RRS112", lambda make: make(changed("1", owner="Ge\u200bmeente"))),
    "duplicate progress entry": (
        "RRS113",
        lambda make: make(
            changed(
                "1",
                progress=[
                    {"date": "2025-05-01", "status": "ongoing", "note": "Kick-off"},
                    {"date": "2025-05-01", "status": "ongoing", "note": "kick-off "},
                ],
            )
        ),
    ),
}


def _post_process(root: Path, name: str) -> None:
    """Finish the cases that cannot be written as YAML text."""
    actions = root / "actions"
    if name == "not utf-8":
        (actions / "1.yaml").write_bytes(
            dump(connected("1", links=["A"])).encode().replace(b"Actie", b"Act\xe9")
        )
    if name == "missing goals file":
        (root / "goals.yaml").unlink()
    if name == "duplicate id":
        (actions / "1.yml").write_text(dump(connected("1", links=["A"])), encoding="utf-8")
    if name == "missing strategy file":
        (root / "strategy.yaml").unlink()
    if name == "stale acceptance":
        (root / "accepted.yaml").write_text(
            "- {code: RRS101, action: A, reason: printed so}\n", encoding="utf-8"
        )
    if name == "stray file":
        (actions / "notes.txt.yaml").rename(actions / "notes.txt")


@pytest.mark.parametrize("name", list(CASES))
def test_each_check_is_triggered_alone(make_catalogue: MakeCatalogue, name: str) -> None:
    code, setup = CASES[name]
    root = setup(make_catalogue)
    _post_process(root, name)
    if name == "missing goals file":
        # Without goals every goal reference is unknown too; only count the file.
        codes = {f.code for f in validate(root, today=TODAY) if f.code != "RRS011"}
    else:
        codes = {f.code for f in validate(root, today=TODAY)}
    assert codes == {code}


def test_every_registered_check_has_a_case() -> None:
    assert {code for code, _ in CASES.values()} == set(CHECKS)


def test_clean_fixture_has_no_findings(make_catalogue: MakeCatalogue) -> None:
    assert validate(make_catalogue(), today=TODAY) == []


def test_findings_carry_file_line_column_and_field(make_catalogue: MakeCatalogue) -> None:
    root = make_catalogue(changed("1", links=["A", "Z"]))
    (item,) = validate(root, today=TODAY)
    assert Path(item.file).name == "1.yaml"
    assert item.field == "links[1]"
    text = (root / "actions" / "1.yaml").read_text(encoding="utf-8").splitlines()
    assert item.line is not None and item.column is not None
    assert text[item.line - 1][item.column - 1 :].startswith("Z")


def test_unknown_field_points_at_the_key_and_suggests(make_catalogue: MakeCatalogue) -> None:
    root = make_catalogue(changed("1", onwer="Gemeente"))
    (item,) = validate(root, today=TODAY)
    text = (root / "actions" / "1.yaml").read_text(encoding="utf-8").splitlines()
    assert item.line is not None
    assert text[item.line - 1].startswith("onwer:")
    assert "did you mean 'owner'" in item.message


def test_all_problems_reported_in_one_run(make_catalogue: MakeCatalogue) -> None:
    actions = default_actions()
    actions["1"] = {**actions["1"], "status": "done", "owner": 5, "links": ["Q"]}
    actions["2"] = "id: [\n"
    found = validate(make_catalogue(actions), today=TODAY)
    # The link to Q is reported although the file fails the schema: every problem at once.
    assert sorted(f.code for f in found) == ["RRS001", "RRS007", "RRS007", "RRS010"]


def test_unordered_progress_log(make_catalogue: MakeCatalogue) -> None:
    log = [{"date": "2020-05-01", "status": "ongoing"}, {"date": "2019-01-01", "status": "new"}]
    found = validate(make_catalogue(changed("1", progress=log)), today=TODAY)
    assert [(f.code, f.field) for f in found] == [("RRS017", "progress[1].date")]


def test_severities_match_registry(make_catalogue: MakeCatalogue) -> None:
    found = validate(make_catalogue(changed("A", links=["1", "2", "3"])), today=TODAY)
    assert [f.severity for f in found] == [Severity.WARNING]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_action_file(make_catalogue: MakeCatalogue) -> None:  # pragma: no cover
    root = make_catalogue()
    (root / "actions" / "1.yaml").chmod(0)
    assert {f.code for f in validate(root, today=TODAY)} >= {"RRS013"}


def test_docs_document_every_check() -> None:
    docs = Path(__file__).resolve().parent.parent / "docs" / "validation.md"
    table = docs.read_text(encoding="utf-8")
    for check in CHECKS.values():
        row = f"| {check.code} | {check.name} | {check.severity.value} |"
        assert row in table, f"docs/validation.md's table of checks lacks or misstates: {row}"

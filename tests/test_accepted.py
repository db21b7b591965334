"""Accepted findings (accepted.yaml): marked, never failing, and never stale unnoticed.

``python -m tests.test_accepted`` rewrites the list "Known inconsistencies in
the source" in docs/catalogue.md from ``data/accepted.yaml``.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from rrs_cli.diagnostics import fails
from rrs_cli.validation import validate

from .conftest import Invoke, MakeCatalogue, default_actions, dump

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE_DOC = ROOT / "docs" / "catalogue.md"
ACCEPTED = ROOT / "data" / "accepted.yaml"
TODAY = date(2026, 1, 1)
SECTION = re.compile(r"(## Known inconsistencies in the source\n.*?\n\n)((?:- [^\n]*\n)+)", re.S)


def known_list() -> str:
    entries = yaml.safe_load(ACCEPTED.read_text(encoding="utf-8"))
    return "".join(f"- {e['code']} {e['action']}: {e['reason']}\n" for e in entries)


def test_docs_list_is_made_from_accepted_yaml() -> None:
    match = SECTION.search(CATALOGUE_DOC.read_text(encoding="utf-8"))
    assert match is not None
    assert match.group(2) == known_list(), "refresh with: python -m tests.test_accepted"


def test_bundled_catalogue_passes_strict(bundled: Path) -> None:
    found = validate(bundled)
    assert found and all(f.accepted for f in found)
    assert not fails(found, strict=True)


def test_a_new_one_sided_link_fails_strict(bundled: Path, tmp_path: Path, rrs: Invoke) -> None:
    root = tmp_path / "catalogue"
    shutil.copytree(bundled, root)
    path = root / "actions" / "1.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["links"] = [*data["links"], "B"]  # B does not name 1 back
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert rrs("validate", str(root)).exit_code == 0
    result = rrs("validate", str(root), "--strict")
    assert result.exit_code == 1
    accepted = len(yaml.safe_load(ACCEPTED.read_text(encoding="utf-8")))
    assert f"1 warning, {accepted} accepted" in result.stderr


def _accept(root: Path, *entries: dict[str, str]) -> None:
    (root / "accepted.yaml").write_text(yaml.safe_dump(list(entries)), encoding="utf-8")


def one_sided(make: MakeCatalogue) -> Path:
    actions = default_actions()
    actions["A"] = {**actions["A"], "links": ["1", "2", "3"]}  # 3 names B, not A
    return make(actions)


def test_accepted_finding_is_one_count_and_does_not_fail(
    make_catalogue: MakeCatalogue, rrs: Invoke
) -> None:
    root = one_sided(make_catalogue)
    _accept(root, {"code": "RRS101", "action": "A", "field": "links[2]", "reason": "printed so"})
    (item,) = [f for f in validate(root, today=TODAY) if f.code != "RRS110"]
    assert item.accepted == "printed so"
    text = rrs("validate", str(root), "--strict")
    assert text.exit_code == 0, text.stdout + text.stderr
    assert text.stdout == "" and "1 accepted (listed with --show-accepted)" in text.stderr
    listed = rrs("validate", str(root), "--strict", "--show-accepted")
    assert "accepted RRS101 one-sided-link [links[2]]" in listed.stdout
    assert "(reason: printed so)" in listed.stdout
    data = json.loads(rrs("validate", str(root), "--strict", "--format", "json").stdout)
    assert data["ok"] and data["accepted"] == 1 and data["warnings"] == 0
    assert data["findings"] == []
    data = json.loads(
        rrs("validate", str(root), "--strict", "--format", "json", "--show-accepted").stdout
    )
    (shown,) = data["findings"]
    assert shown["accepted"] is True and shown["reason"] == "printed so"
    github = rrs("validate", str(root), "--strict", "--format", "github", "-v").stdout
    assert github == "", "an accepted finding is never an annotation"


def test_stale_acceptance_is_a_located_warning(make_catalogue: MakeCatalogue) -> None:
    root = make_catalogue()
    (root / "accepted.yaml").write_text(
        "- code: RRS101\n  action: A\n  field: links[2]\n  reason: printed so\n",
        encoding="utf-8",
    )
    (item,) = validate(root, today=TODAY)
    assert (item.code, item.check.name, item.line, item.column) == (
        "RRS111",
        "stale-acceptance",
        1,
        3,
    )
    assert Path(item.file).name == "accepted.yaml" and item.field == "[0]"


def test_field_must_match_when_given(make_catalogue: MakeCatalogue) -> None:
    root = one_sided(make_catalogue)
    _accept(root, {"code": "RRS101", "action": "A", "field": "links[0]", "reason": "x"})
    codes = sorted((f.code, f.accepted) for f in validate(root, today=TODAY))
    assert codes == [("RRS101", None), ("RRS111", None)]


def test_only_warnings_can_be_accepted_and_reasons_are_required(
    make_catalogue: MakeCatalogue,
) -> None:
    root = make_catalogue()
    _accept(
        root,
        {"code": "RRS010", "action": "1", "reason": "no"},
        {"code": "RRS101", "action": "1"},
        {"code": "RRS999", "action": "1", "reason": "x"},
    )
    found = sorted((f.code, f.field) for f in validate(root, today=TODAY))
    assert found == [("RRS006", "[1].reason"), ("RRS007", "[0].code"), ("RRS007", "[2].code")]


def test_errors_only_hides_warnings_and_says_so(make_catalogue: MakeCatalogue, rrs: Invoke) -> None:
    actions = default_actions()
    actions["A"] = {**actions["A"], "links": ["1", "2", "3"]}
    actions["2"] = {**actions["2"], "status": "done"}
    root = make_catalogue(actions)
    for flag in ("--errors-only", "-q", "--quiet"):
        result = rrs("validate", str(root), flag)
        assert result.exit_code == 1
        assert "RRS007" in result.stdout and "RRS101" not in result.stdout
        assert (
            result.stderr.strip()
            .splitlines()[-1]
            .endswith("1 error, 1 warning (1 warning not shown: --errors-only): failed")
        )
    data = json.loads(rrs("validate", str(root), "-q", "--format", "json").stdout)
    assert [f["code"] for f in data["findings"]] == ["RRS007"] and data["warnings"] == 1


def test_findings_per_file_are_capped(make_catalogue: MakeCatalogue) -> None:
    actions: dict[str, object] = dict(default_actions())
    actions["1"] = {**default_actions()["1"], **{f"extra{i}": i for i in range(500)}}
    found = [f for f in validate(make_catalogue(actions), today=TODAY) if "1.yaml" in f.file]
    assert len(found) == 51
    assert found[-1].message.startswith("and 450 more findings in this file")
    assert found[-1].severity.value == "error"
    assert found[-1].stands_for == (450, 0, 0)


def test_counts_include_what_the_cap_hid(make_catalogue: MakeCatalogue, rrs: Invoke) -> None:
    actions: dict[str, object] = dict(default_actions())
    actions["1"] = {**default_actions()["1"], **{f"extra{i}": i for i in range(500)}}
    root = make_catalogue(actions)
    result = rrs("validate", str(root))
    assert len(result.stdout.splitlines()) == 51
    assert ": 500 errors, 0 warnings: failed" in result.stderr
    data = json.loads(rrs("validate", str(root), "--format", "json").stdout)
    assert data["errors"] == 500 and len(data["findings"]) == 51


def update() -> None:
    text = CATALOGUE_DOC.read_text(encoding="utf-8")
    refreshed = SECTION.sub(lambda m: m.group(1) + known_list(), text)
    CATALOGUE_DOC.write_text(refreshed, encoding="utf-8")


if __name__ == "__main__":
    update()
    sys.exit(0)


def test_many_unknown_keys_are_located_in_one_pass(
    make_catalogue: MakeCatalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Locating builds each mapping's key index once, whatever the number of keys
    (it used to scan the mapping once per key: 24k keys took minutes)."""
    from rrs_cli import yamlio

    builds = 0
    original = yamlio.Marks.index

    def counting(self: yamlio.Marks, name: str) -> int | None:
        nonlocal builds
        builds += self._index is None
        return original(self, name)

    monkeypatch.setattr(yamlio.Marks, "index", counting)
    keys = 24_000
    actions: dict[str, object] = dict(default_actions())
    text = dump(default_actions()["1"]) + "".join(f"extra{i}: {i}\n" for i in range(keys))
    actions["1"] = text
    found = [f for f in validate(make_catalogue(actions), today=TODAY) if "1.yaml" in f.file]
    assert builds <= 3  # the action's mapping (and the lists of its fields)
    assert [f.code for f in found] == ["RRS005"] * 51
    first_extra = len(dump(default_actions()["1"]).splitlines()) + 1
    assert [(f.line, f.column) for f in found[:3]] == [(first_extra + i, 1) for i in range(3)]
    assert found[-1].message.startswith(f"and {keys - 50:,} more findings")


def test_schema_of_accepted_yaml_fits_the_bundled_file() -> None:
    from rrs_cli.schema import json_schema

    schema = json_schema("accepted")
    item = schema["$defs"]["AcceptedFinding"]
    assert set(item["required"]) == {"code", "action", "reason"}
    for entry in yaml.safe_load(ACCEPTED.read_text(encoding="utf-8")):
        assert set(entry) <= set(item["properties"])


def test_a_goal_finding_is_accepted_by_the_goal_key(make_catalogue: MakeCatalogue) -> None:
    from .conftest import GOALS

    goals = [{**GOALS[0], "tagline": "Vaardige\u200bburgers"}, GOALS[1]]
    root = make_catalogue(goals=goals)
    _accept(root, {"code": "RRS112", "action": "samenleving", "reason": "as printed"})
    found = validate(root, today=TODAY)
    assert [(f.code, f.accepted) for f in found] == [("RRS112", "as printed")]
    assert Path(found[0].file).name == "goals.yaml"

"""The catalogue's size limits: checked before the work, reported as located findings.

The real limits (50,000 actions, 64 MiB, 100 goals, 100 qualities) are lowered
here so the tests stay small; the code reads them at run time.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rrs_cli import limits, yamlio

from .conftest import GOALS, QUALITIES, Invoke, MakeCatalogue, connected, default_actions


def test_the_limits_are_the_documented_ones() -> None:
    assert (limits.MAX_ACTIONS, limits.MAX_GOALS, limits.MAX_QUALITIES) == (50_000, 100, 100)
    assert limits.MAX_CATALOGUE_BYTES == 64 * 1024 * 1024


def test_too_many_action_files_are_refused_before_any_is_read(
    rrs: Invoke, make_catalogue: MakeCatalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_catalogue()
    monkeypatch.setattr(limits, "MAX_ACTIONS", 4)
    read: list[Path] = []
    original = yamlio.load_file

    def recording(path: Path) -> Any:
        read.append(path)
        return original(path)

    monkeypatch.setattr("rrs_cli.catalogue.load_file", recording)
    result = rrs("validate", "--format", "json", str(root))
    assert result.exit_code == 1
    found = json.loads(result.stdout)["findings"]
    over = [f for f in found if f["code"] == "RRS014"]
    assert len(over) == 1 and over[0]["file"].endswith("actions"), found
    assert "5 action files" in over[0]["message"]
    assert not [p for p in read if p.parent.name == "actions"]


def test_a_catalogue_over_the_total_size_is_refused(
    rrs: Invoke, make_catalogue: MakeCatalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    actions = default_actions()
    actions["1"] = connected("1", links=["A"], description="x" * 600_000)
    actions["2"] = {**actions["2"], "description": "y" * 600_000}
    root = make_catalogue(actions)
    monkeypatch.setattr(limits, "MAX_CATALOGUE_BYTES", 1024 * 1024)
    result = rrs("validate", "--format", "json", str(root))
    assert result.exit_code == 1
    over = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "RRS014"]
    assert len(over) == 1 and "1.1 MiB" in over[0]["message"], over
    site = rrs("site", "-o", str(root.parent / "site"), catalogue=root)
    assert site.exit_code == 1 and not (root.parent / "site").exists()


@pytest.mark.parametrize("kind", ["goals", "qualities"])
def test_too_many_goals_or_qualities_are_a_located_error(
    rrs: Invoke, make_catalogue: MakeCatalogue, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    monkeypatch.setitem(limits.MAX_ENTRIES, kind, 2)
    if kind == "goals":
        extra = {**GOALS[0], "number": 9, "key": "extra"}
        root = make_catalogue(goals=[*GOALS, extra])
    else:
        extra = {**QUALITIES[0], "key": "extra"}
        root = make_catalogue(qualities=[*QUALITIES, extra])
    result = rrs("validate", "--format", "json", str(root))
    assert result.exit_code == 1
    found = json.loads(result.stdout)["findings"]
    over = [f for f in found if f["code"] == "RRS014"]
    assert len(over) == 1, found
    assert over[0]["file"].endswith(f"{kind}.yaml") and over[0]["field"] == "[2]"
    assert over[0]["line"] and over[0]["line"] > 1

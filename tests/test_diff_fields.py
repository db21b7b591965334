"""`rrs diff` reports every change to every field, and history rewrites loudly.

The field tests iterate each model's ``model_fields``, so a field added to a
model later is covered at once (or fails here until the diff can show it).
"""

from __future__ import annotations

import json
import unicodedata
from datetime import date, timedelta
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from rrs_cli.catalogue import Catalogue, load_catalogue
from rrs_cli.diff import compare
from rrs_cli.models import Action, Citation, Goal, ProgressEntry, Quality, Status, Strategy
from rrs_cli.render import diff as render

from .conftest import Invoke, MakeCatalogue, default_actions

MARK = "gewijzigd"


def mutated(model: BaseModel, name: str) -> Any:
    """A different, recognisable value for one field of ``model``."""
    value = getattr(model, name)
    annotation = str(type(model).model_fields[name].annotation)
    special = {
        "id": "99",
        "language": "de",
        "contact": f"{MARK}@example.org",
    }
    if name in special:
        return special[name]
    if name in ("key", "goal") and value:
        return f"{value}-{MARK}"
    if isinstance(value, bool):
        return not value
    if isinstance(value, Enum):
        return next(m for m in type(value) if m != value)
    if isinstance(value, str):
        return f"{value} {MARK}" if value else MARK
    if isinstance(value, int):
        return value + 1
    if isinstance(value, date):
        return value + timedelta(days=1)
    if isinstance(value, Citation):
        return value.model_copy(update={"title": f"{value.title} {MARK}"})
    if isinstance(value, dict):
        key = next(iter(value))
        return {**value, key: (value[key] or 0) + 7}
    if isinstance(value, list):
        if name == "progress":
            return [*value, ProgressEntry(date=date(2020, 1, 1), status=Status.STOPPED, note=MARK)]
        if name == "organisations":
            return [*value, [MARK, f"{MARK} bv"]]
        if name == "impact_levels":
            return [*value, "city"]
        if name == "links":
            return [*value, "9"]
        return [*value, MARK]
    if value is None:
        if "Status" in annotation:
            return Status.COMPLETED
        if "Term" in annotation:
            return "long"
        if "Citation" in annotation:
            return Citation(title=MARK)
        if "date" in annotation:
            return date(2021, 3, 4)
        if "int" in annotation:
            return 2020
        return MARK if name != "contact" else f"{MARK}@example.org"
    raise AssertionError(f"the test cannot change {type(model).__name__}.{name}: teach it")


def changed(model: BaseModel, name: str) -> Any:
    """``model`` with one field changed, validated like a file's content."""
    return type(model).model_validate({**model.model_dump(), name: mutated(model, name)})


def _shown(value: Any) -> str:
    """What of the new value must appear in the Markdown."""
    if isinstance(value, BaseModel):
        return MARK
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (bool, date, dict, int)):
        return ""  # checked through JSON; the field name is checked in Markdown
    if isinstance(value, list):
        return "" if not value else MARK if MARK in str(value) else ""
    return MARK if MARK in str(value) else str(value)


@pytest.fixture
def catalogue(make_catalogue: MakeCatalogue) -> Catalogue:
    actions = default_actions()
    actions["1"] = {
        **actions["1"],
        "subtitle": "Ondertitel",
        "resilience_value": "Waarde",
        "notes": "Noot",
        "progress": [{"date": "2019-06-01", "status": "ongoing", "note": "Gestart"}],
    }
    return load_catalogue(make_catalogue(actions)).catalogue


def _both(base: Catalogue, head: Catalogue) -> tuple[str, dict[str, Any]]:
    result = compare(base, head, "base", "head")
    return render.markdown(result), json.loads(render.json_text(result))


def _edited(catalogue: Catalogue, **parts: Any) -> Catalogue:
    return Catalogue(
        root=catalogue.root,
        strategy=parts.get("strategy", catalogue.strategy),
        goals=parts.get("goals", catalogue.goals),
        qualities=parts.get("qualities", catalogue.qualities),
        actions=parts.get("actions", catalogue.actions),
    )


@pytest.mark.parametrize("name", list(Action.model_fields))
def test_every_action_field(catalogue: Catalogue, name: str) -> None:
    old = catalogue.actions["1"]
    new = changed(old, name)
    new_value = getattr(new, name)
    actions = dict(catalogue.actions)
    if name == "id":
        del actions["1"]
        actions[new.id] = new
    else:
        actions["1"] = new
    markdown, data = _both(catalogue, _edited(catalogue, actions=actions))
    if name == "id":
        assert data["added"] == [new.id] and data["removed"] == ["1"]
        assert "### Added" in markdown and "### Removed" in markdown
        return
    (change,) = data["changed"]
    if name == "links":
        assert change["links_added"] == ["9"] and "links added" in markdown
    elif name == "progress":
        assert change["progress_added"][0]["note"] == MARK and MARK in markdown
    else:
        dumped = new.model_dump(mode="json")[name]
        assert change["fields"][name]["after"] == dumped
        assert f"| {name} |" in markdown
        assert _shown(new_value) in markdown


@pytest.mark.parametrize(
    ("part", "model"), [("goals", Goal), ("qualities", Quality)], ids=["goal", "quality"]
)
def test_every_goal_and_quality_field(catalogue: Catalogue, part: str, model: type) -> None:
    records = getattr(catalogue, part)
    key, old = next(iter(records.items()))
    for name in model.model_fields:
        new = changed(old, name)
        edited = dict(records)
        if name == "key":
            del edited[key]
            edited[new.key] = new
        else:
            edited[key] = new
        markdown, data = _both(catalogue, _edited(catalogue, **{part: edited}))
        if name == "key":
            assert data[part]["added"] == [new.key] and data[part]["removed"] == [key]
            assert f"added **{new.key}**" in markdown
            continue
        (change,) = data[part]["changed"]
        assert change["fields"][name]["after"] == new.model_dump(mode="json")[name], name
        assert f"| {name} |" in markdown, name


@pytest.mark.parametrize("name", list(Strategy.model_fields))
def test_every_strategy_field(catalogue: Catalogue, name: str) -> None:
    old = catalogue.strategy
    new = changed(old, name)
    markdown, data = _both(catalogue, _edited(catalogue, strategy=new))
    assert data["strategy"]["fields"][name]["after"] == new.model_dump(mode="json")[name]
    assert f"| strategy | {name} |" in markdown


def test_long_texts_get_a_folded_word_diff(catalogue: Catalogue) -> None:
    old = catalogue.actions["1"]
    long = " ".join(f"woord{i}" for i in range(60))
    base = _edited(
        catalogue, actions={**catalogue.actions, "1": old.model_copy(update={"description": long})}
    )
    head = _edited(
        catalogue,
        actions={
            **catalogue.actions,
            "1": old.model_copy(update={"description": long.replace("woord30", "nieuw <b>30</b>")}),
        },
    )
    markdown, data = _both(base, head)
    assert "<details><summary>1 Actie 1: description</summary>" in markdown
    assert "<del>woord30</del> <ins>nieuw &lt;b&gt;30&lt;/b&gt;</ins>" in markdown
    assert "woord0 " not in markdown  # far from the change: left out
    assert data["changed"][0]["fields"]["description"]["after"].count("nieuw") == 1


def test_nfc_to_nfd_is_shown_as_code_points(catalogue: Catalogue) -> None:
    old = catalogue.actions["1"].model_copy(update={"title": "Café"})
    new = old.model_copy(update={"title": unicodedata.normalize("NFD", "Café")})
    base = _edited(catalogue, actions={**catalogue.actions, "1": old})
    markdown, data = _both(base, _edited(catalogue, actions={**catalogue.actions, "1": new}))
    assert "Caf⟨U+00E9⟩ (code points differ) | Caf⟨U+0065 U+0301⟩" in markdown
    assert data["changed"][0]["fields"]["title"]["looks_the_same"] is True


def _with_log(catalogue: Catalogue, log: list[dict[str, Any]]) -> Catalogue:
    entries = [ProgressEntry.model_validate(e) for e in log]
    action = catalogue.actions["1"].model_copy(update={"progress": entries})
    return _edited(catalogue, actions={**catalogue.actions, "1": action})


LOG = [
    {"date": "2019-06-01", "status": "ongoing", "note": "Gestart"},
    {"date": "2020-03-01", "status": "completed", "note": "Klaar", "by": "Team"},
]


@pytest.mark.parametrize(
    ("head_log", "change", "before_note", "after"),
    [
        ([LOG[0]], "removed", "Klaar", None),
        ([LOG[0], {**LOG[1], "note": "Bijna klaar"}], "edited", "Klaar", "Bijna klaar"),
        ([LOG[0], {**LOG[1], "date": "2020-04-01"}], "edited", "Klaar", "Klaar"),
        ([LOG[0], {**LOG[1], "status": "stopped"}], "edited", "Klaar", "Klaar"),
        ([], "removed", "Klaar", None),
    ],
    ids=["removed entry", "edited note", "edited date", "edited status", "whole log deleted"],
)
def test_history_rewritten_is_loud(
    catalogue: Catalogue,
    head_log: list[dict[str, Any]],
    change: str,
    before_note: str,
    after: str | None,
) -> None:
    base = _with_log(catalogue, LOG)
    markdown, data = _both(base, _with_log(catalogue, head_log))
    assert data["history_rewritten"] is True
    (action,) = data["changed"]
    rewritten = {h["before"]["note"]: h for h in action["history_rewritten"]}
    assert rewritten[before_note]["change"] == change
    assert (rewritten[before_note]["after"] or {}).get("note") == after
    assert "### ⚠ History rewritten" in markdown
    assert f"entry **{change}**; it was: 2020-03-01: completed (Klaar) by Team" in markdown
    assert action["progress_added"] == []
    if not head_log:  # the status falls back to the 2016 baseline: visible
        assert action["fields"]["current_status"] == {"before": "completed", "after": "ongoing"}
        assert "current status now ongoing (was completed)" in markdown


def test_an_added_entry_is_not_a_rewrite(catalogue: Catalogue) -> None:
    inserted = {"date": "2019-09-01", "status": "ongoing", "note": "Tussendoor"}
    markdown, data = _both(
        _with_log(catalogue, LOG), _with_log(catalogue, [LOG[0], inserted, LOG[1]])
    )
    assert data["history_rewritten"] is False and "History rewritten" not in markdown
    assert data["changed"][0]["progress_added"][0]["note"] == "Tussendoor"


def test_cli_reports_a_deleted_log(make_catalogue: MakeCatalogue, rrs: Invoke) -> None:
    actions = default_actions()
    actions["1"] = {**actions["1"], "progress": LOG}
    base = make_catalogue(actions)
    actions["1"] = {k: v for k, v in actions["1"].items() if k != "progress"}
    head = make_catalogue(actions)
    result = rrs("diff", "--base-dir", str(base), "--head-dir", str(head))
    assert result.exit_code == 0, result.stderr
    assert "History rewritten" in result.stdout
    assert "current status now ongoing (was completed)" in result.stdout
    assert isinstance(Path(base), Path)


def test_a_new_acceptance_is_shown(make_catalogue: MakeCatalogue, rrs: Invoke) -> None:
    actions = default_actions()
    actions["A"] = {**actions["A"], "links": ["1", "2", "3"]}  # one-sided: accepted below
    base = make_catalogue(actions)
    head = make_catalogue(actions)
    (head / "accepted.yaml").write_text(
        "- {code: RRS101, action: A, field: 'links[2]', reason: '@team said so'}\n",
        encoding="utf-8",
    )
    result = rrs("diff", "--base-dir", str(base), "--head-dir", str(head))
    assert result.exit_code == 0, result.stderr
    assert "Newly accepted findings" in result.stdout
    assert "- accepted: RRS101 **A** `links[2]`: @&#8288;team said so" in result.stdout
    data = json.loads(
        rrs("diff", "--base-dir", str(base), "--head-dir", str(head), "-f", "json").stdout
    )
    assert data["accepted"]["added"][0]["reason"] == "@team said so"
    back = rrs("diff", "--base-dir", str(head), "--head-dir", str(base), "-f", "json").stdout
    assert json.loads(back)["accepted"]["removed"][0]["code"] == "RRS101"

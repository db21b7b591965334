"""Property-based tests: no input crashes the loader, and what rrs writes reads back equal."""

from __future__ import annotations

import json
import re
import string
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rrs_cli.catalogue import load_catalogue
from rrs_cli.errors import UsageError
from rrs_cli.i18n import Language, status_label, term_label
from rrs_cli.models import Action, ImpactLevel, Kind, ProgressEntry, Status, Term
from rrs_cli.new_action import new_action_yaml
from rrs_cli.progress import Update, append_progress
from rrs_cli.render.export import records_to_json, to_json
from rrs_cli.render.text import json_safe
from rrs_cli.textsafety import HIDDEN_RANGES, character_class, contains_any
from rrs_cli.validation import check_catalogue
from rrs_cli.yamlio import load_file, parse

from .catalogues import dump, flywheel

SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# Plain data as YAML can hold it; dumped and perturbed, it makes near-YAML text.
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=20),
    st.dates(),
    st.floats(allow_nan=False),
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@st.composite
def yaml_like_text(draw: st.DrawFn) -> str:
    text = yaml.safe_dump(draw(values), allow_unicode=True)
    if draw(st.booleans()) and text:
        cut = draw(st.integers(0, len(text)))
        junk = draw(st.text(alphabet=":-[]{}&*!|>'\"#%@`\t\n ?,", max_size=6))
        text = text[:cut] + junk + text[cut:]
    return text


@SETTINGS
@given(raw=st.binary(max_size=400))
def test_random_bytes_never_crash_the_loader(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(raw)
    load_file(path)  # returns findings; must not raise


@SETTINGS
@given(text=yaml_like_text())
def test_random_yaml_never_crashes_a_catalogue_load(tmp_path: Path, text: str) -> None:
    root = tmp_path / "cat"
    (root / "actions").mkdir(parents=True, exist_ok=True)
    (root / "goals.yaml").write_text(text, encoding="utf-8")
    (root / "qualities.yaml").write_text("[]\n", encoding="utf-8")
    (root / "actions" / "1.yaml").write_text(text, encoding="utf-8")
    result = load_catalogue(root)
    check_catalogue(result)


safe_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
title_text = safe_text.filter(lambda t: t.strip() != "")
keys = st.text(alphabet=string.ascii_lowercase, min_size=1, max_size=8)


@st.composite
def actions(draw: st.DrawFn) -> Action:
    kind = draw(st.sampled_from(list(Kind)))
    if kind is Kind.FLYWHEEL:
        action_id = draw(st.text(alphabet=string.ascii_uppercase, min_size=1, max_size=3))
        links = draw(st.lists(st.integers(1, 999).map(str), max_size=5))
    else:
        action_id = str(draw(st.integers(1, 9999)))
        links = draw(st.lists(st.text(alphabet="ABCX", min_size=1, max_size=2), max_size=3))
    dates = sorted(draw(st.lists(st.dates(date(2016, 1, 1), date(2025, 1, 1)), max_size=3)))
    progress = [
        ProgressEntry(
            date=d,
            status=draw(st.sampled_from(list(Status))),
            note=draw(safe_text),
            by=draw(st.none() | safe_text),
        )
        for d in dates
    ]
    return Action(
        id=action_id,
        kind=kind,
        title=draw(title_text),
        subtitle=draw(st.none() | safe_text),
        description=draw(safe_text),
        resilience_value=draw(st.none() | safe_text),
        owner=draw(safe_text),
        partners=draw(safe_text),
        funding=draw(safe_text),
        status=draw(st.none() | st.sampled_from(list(Status))),
        status_text=draw(safe_text),
        term=draw(st.none() | st.sampled_from(list(Term))),
        term_text=draw(safe_text),
        goal=draw(st.none() | keys),
        goals=draw(st.lists(keys, max_size=3)),
        qualities=draw(st.lists(keys, max_size=3)),
        impact_levels=draw(st.lists(st.sampled_from(list(ImpactLevel)), max_size=3)),
        links=links,
        links_all_flywheels=draw(st.booleans()),
        notes=draw(st.none() | safe_text),
        progress=progress,
    )


@st.composite
def new_actions(draw: st.DrawFn) -> Action:
    """An action as `rrs new` makes one: no progress or notes yet, empty fields left out."""
    drawn = draw(actions()).model_dump(exclude={"progress", "notes", "links_all_flywheels"})
    drawn["added"] = draw(st.none() | st.dates(date(2016, 1, 1), date(2030, 1, 1)))
    return Action.model_validate({k: v for k, v in drawn.items() if v not in (None, "", [])})


@SETTINGS
@given(action=new_actions(), lang=st.sampled_from(["nl", "en"]))
def test_an_action_written_by_rrs_new_reads_back_equal(
    tmp_path: Path, action: Action, lang: Language
) -> None:
    path = tmp_path / f"{action.id}.yaml"
    document, findings = parse(new_action_yaml(action, lang), path)
    assert findings == []
    # The status and term words are rrs's labels: the action is not in the printed strategy.
    expected = action.model_copy(
        update={
            "status_text": status_label(action.status, lang) if action.status else "",
            "term_text": term_label(action.term, lang) if action.term else "",
        }
    )
    assert Action.model_validate(document.data) == expected


@SETTINGS
@given(note=safe_text, by=st.none() | title_text)
def test_any_progress_note_round_trips_through_update(
    tmp_path: Path, note: str, by: str | None
) -> None:
    root = tmp_path / "cat"
    if not root.exists():
        (root / "actions").mkdir(parents=True)
        (root / "goals.yaml").write_text(
            dump([{"number": 1, "key": "samenleving", "name_nl": "S", "name_en": "S"}]),
            encoding="utf-8",
        )
        (root / "qualities.yaml").write_text(
            dump([{"key": "robust", "name_nl": "R", "name_en": "R"}]), encoding="utf-8"
        )
    (root / "actions" / "A.yaml").write_text(dump(flywheel("A")), encoding="utf-8")
    update = Update("A", Status.ONGOING, note, date(2020, 1, 1), by)
    if note and not note.strip():  # only white space (NEL, say): refused, not recorded
        with pytest.raises(UsageError):
            append_progress(root, update, today=date(2026, 1, 1))
        return
    append_progress(root, update, today=date(2026, 1, 1))
    document, findings = load_file(root / "actions" / "A.yaml")
    assert findings == [] and document is not None
    entry = Action.model_validate(document.data).progress[-1]
    assert (entry.note, entry.by) == (note, by)


def json_of(leaves: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    """Lists and string-keyed dicts, nested, of ``leaves``."""
    return st.recursive(
        leaves,
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(st.text(max_size=6), children, max_size=4)
        ),
        max_leaves=25,
    )


def dumped(data: object) -> str:
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


@SETTINGS
@given(data=json_of(st.none() | st.booleans() | st.integers() | st.text() | st.floats()))
def test_json_output_is_what_json_dumps_writes(data: object) -> None:
    # to_json writes indented JSON itself (faster); it must be json.dumps's text.
    assert to_json(data) == dumped(data)


# What the export and list records hold: no floats, but any text (a lone surrogate
# comes from a YAML escape) and any integer (beyond 64 bits too).
@SETTINGS
@given(data=json_of(st.none() | st.booleans() | st.integers() | st.text(st.characters())))
def test_record_json_is_what_json_dumps_writes(data: object) -> None:
    # records_to_json leaves the writing to orjson; the text must not change.
    assert records_to_json(data) == dumped(data)


def test_record_json_takes_what_orjson_refuses() -> None:
    for data in ({"note": "\ud800"}, {"count": 2**70}, [{"x": -(2**64)}]):
        assert records_to_json(data) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# Characters at the edges of every hidden range, and just outside them.
EDGES = sorted(
    chr(c)
    for c in {c for first, last in HIDDEN_RANGES for c in (first - 1, first, last, last + 1)}
    if 0 <= c <= 0x10FFFF and not 0xD800 <= c < 0xE000
)


@SETTINGS
@given(text=st.text(st.sampled_from(EDGES) | st.characters(blacklist_categories=("Cs",))))
def test_the_fast_invisible_test_agrees_with_one_pattern(text: str) -> None:
    for leave in ("", "\n\t"):
        one_pattern = re.compile(character_class(HIDDEN_RANGES, leave))
        assert contains_any(HIDDEN_RANGES, leave)(text) == bool(one_pattern.search(text))

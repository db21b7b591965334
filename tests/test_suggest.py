"""Dutch words suggest their own meaning, never the opposite; dates say what is wrong.

Every status and term word, in Dutch and English, and near misses of each
(a letter dropped, doubled or swapped) either name their own code or suggest
it, on the command line and in a catalogue file.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum

import pytest

from rrs_cli.errors import RrsError
from rrs_cli.i18n import text
from rrs_cli.models import Status, Term
from rrs_cli.query import resolve_enum
from rrs_cli.suggest import MEANINGS, date_problem, meant
from rrs_cli.validation import validate

from .conftest import Invoke, MakeCatalogue, default_actions


def near_misses(word: str) -> Iterator[str]:
    """The word with one letter dropped, one doubled, and two neighbours swapped."""
    for i in range(len(word)):
        if word[i].isalpha() and len(word) > 4:
            yield word[:i] + word[i + 1 :]
        yield word[:i] + word[i] + word[i:]
        if i + 1 < len(word) and word[i] != word[i + 1]:
            yield word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def words_of(enum: type[StrEnum], prefix: str) -> list[tuple[str, str]]:
    """(word, code): each member's Dutch and English labels and the words of MEANINGS."""
    found = [(text(f"{prefix}.{m.value}", lang), m.value) for m in enum for lang in ("nl", "en")]
    return found + list(MEANINGS[enum].items())


STATUS_WORDS = words_of(Status, "status")
TERM_WORDS = words_of(Term, "term")


def outcome(enum: type[StrEnum], value: str, what: str) -> str:
    """The code a command-line value resolves to, or the one its error suggests."""
    try:
        return resolve_enum(enum, value, what).value
    except RrsError as error:
        hint = error.hint.split("\n", 1)[0]
        return hint.split("'")[1] if hint.startswith("did you mean") else ""


@pytest.mark.parametrize(("word", "code"), STATUS_WORDS)
def test_every_status_word_and_its_near_misses_mean_their_own_status(word: str, code: str) -> None:
    assert meant(Status, word) == code
    assert outcome(Status, word, "status") == code
    for miss in near_misses(word):
        result = outcome(Status, miss, "status")
        assert result in (code, ""), f"{miss!r} (from {word!r}) gives {result!r}, not {code!r}"


@pytest.mark.parametrize(("word", "code"), TERM_WORDS)
def test_every_term_word_and_its_near_misses_mean_their_own_term(word: str, code: str) -> None:
    assert meant(Term, word) == code
    assert outcome(Term, word, "term") == code
    for miss in near_misses(word):
        result = outcome(Term, miss, "term")
        assert result in (code, ""), f"{miss!r} (from {word!r}) gives {result!r}, not {code!r}"


def test_gestart_suggests_starting_not_stopped() -> None:
    with pytest.raises(RrsError) as caught:
        resolve_enum(Status, "gestart", "status")
    assert caught.value.hint.startswith("did you mean 'starting' (Startend)?")


@pytest.mark.parametrize("member", list(Status))
def test_a_dutch_status_in_a_file_names_its_code(
    make_catalogue: MakeCatalogue, member: Status
) -> None:
    word = text(f"status.{member.value}", "nl").lower()
    actions = default_actions()
    actions["1"] = {**actions["1"], "status": word}
    (item,) = [f for f in validate(make_catalogue(actions)) if f.file.endswith("1.yaml")]
    label = text(f"status.{member.value}", "nl")
    assert item.field == "status"
    assert f"did you mean '{member.value}' ({label})?" in item.message
    assert "Files store the English code" in item.message


def test_a_misspelt_status_in_a_file_suggests_by_meaning(make_catalogue: MakeCatalogue) -> None:
    actions = default_actions()
    actions["1"] = {**actions["1"], "status": "gestart"}
    actions["2"] = {**actions["2"], "status": "lopendd"}
    found = {f.file.rsplit("/", 1)[-1]: f.message for f in validate(make_catalogue(actions))}
    assert "did you mean 'starting' (Startend)?" in found["1.yaml"]
    assert "did you mean 'ongoing' (Lopend)?" in found["2.yaml"]


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("2026-11-31", "November 2026 has 30 days"),
        ("2026-02-29", "February 2026 has 28 days"),
        ("2026-13-01", "there is no month 13; write the date as YYYY-MM-DD"),
        ("31-12-2026", "write it as 2026-12-31 (YYYY-MM-DD)"),
        ("2026/12/31", "write it as 2026-12-31 (YYYY-MM-DD)"),
        ("gisteren", "write it as YYYY-MM-DD, e.g. 2026-07-01"),
        ("2024-02-29", ""),
    ],
)
def test_date_problems_are_specific(value: str, problem: str) -> None:
    assert date_problem(value) == problem


def test_a_bad_progress_date_in_a_file_has_a_field_path_and_a_reason(
    make_catalogue: MakeCatalogue,
) -> None:
    actions = default_actions()
    text_ = (
        "id: '1'\nkind: connected\ntitle: Een\nlinks: [A, C]\nprogress:\n"
        "  - date: 2026-11-31\n    status: ongoing\n"
    )
    actions["1"] = text_
    found = sorted(
        (f.code, f.field, f.line, f.message)
        for f in validate(make_catalogue(actions))
        if f.file.endswith("1.yaml")
    )
    assert found == [
        ("RRS007", "progress[0].date", 6, "'2026-11-31' is not a date: November 2026 has 30 days"),
        ("RRS010", "links[1]", 4, "link C: there is no action C in the catalogue"),
    ]


def test_a_bad_date_on_the_command_line_says_why(
    rrs: Invoke, make_catalogue: MakeCatalogue
) -> None:
    result = rrs("update", "1", "--note", "x", "--date", "2026-11-31", catalogue=make_catalogue())
    assert result.exit_code == 2
    assert "--date '2026-11-31' is not a date: November 2026 has 30 days" in result.stderr

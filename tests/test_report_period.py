"""The report's period on the command line: --quarter, quarters for --since and
--as-of, a reference date after today refused, and the catalogue's version named."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from rrs_cli.cli.period import quarter_days, report_period
from rrs_cli.errors import UnknownChoiceError, UsageError

from .conftest import Invoke, MakeCatalogue
from .test_report import logged_actions
from .test_revisions import plant_fsmonitor, repository

TODAY = date(2026, 12, 6)


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2026-Q1", date(2026, 1, 1), date(2026, 3, 31)),
        ("2026-Q2", date(2026, 4, 1), date(2026, 6, 30)),
        ("2026-q3", date(2026, 7, 1), date(2026, 9, 30)),
        ("2026-Q4", date(2026, 10, 1), date(2026, 12, 31)),
        # The first and the last quarter a date can hold (the last once crashed).
        ("0001-Q1", date(1, 1, 1), date(1, 3, 31)),
        ("9999-Q4", date(9999, 10, 1), date(9999, 12, 31)),
    ],
)
def test_quarters(value: str, first: date, last: date) -> None:
    assert quarter_days(value) == (first, last)


@pytest.mark.parametrize("value", ["2026-Q5", "2026-Q0", "Q4-2026", "2026-12", "26-Q1", "0000-Q1"])
def test_what_is_not_a_quarter(value: str) -> None:
    assert quarter_days(value) is None


def test_a_past_quarter_is_the_whole_quarter() -> None:
    assert report_period(None, None, "2026-Q3", TODAY) == (date(2026, 7, 1), date(2026, 9, 30))


def test_the_running_quarter_ends_today() -> None:
    assert report_period(None, None, "2026-Q4", TODAY) == (date(2026, 10, 1), TODAY)


def test_since_and_as_of_take_quarters() -> None:
    assert report_period("2026-Q3", None, None, TODAY) == (date(2026, 7, 1), TODAY)
    assert report_period("2026-Q2", "2026-Q3", None, TODAY) == (
        date(2026, 4, 1),
        date(2026, 9, 30),
    )


@pytest.mark.parametrize(
    ("since", "as_of", "quarter", "error", "message"),
    [
        (None, "2026-12-07", None, UnknownChoiceError, "--as-of 2026-12-07 is after today"),
        (None, "2026-Q4", None, UnknownChoiceError, "--as-of 2026-12-31 is after today"),
        (None, None, "2027-Q1", UnknownChoiceError, "--quarter 2027-Q1 has not begun"),
        ("2026-07-01", None, "2026-Q3", UsageError, "--quarter cannot be combined"),
        (None, "2026-09-30", "2026-Q3", UsageError, "--quarter cannot be combined"),
        (None, None, "2026-Q5", UnknownChoiceError, "is not a quarter"),
        ("2026-13-01", None, None, UnknownChoiceError, "is not a date"),
        ("2026-Q4", "2026-Q3", None, UnknownChoiceError, "--since 2026-10-01 is after"),
    ],
)
def test_periods_refused(
    since: str | None, as_of: str | None, quarter: str | None, error: type, message: str
) -> None:
    with pytest.raises(error) as raised:
        report_period(since, as_of, quarter, TODAY)
    assert message in raised.value.message


def test_the_command_takes_a_quarter(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    root = make_catalogue(logged_actions())
    result = rrs("report", "--quarter", "2019-Q2", "--format", "json", catalogue=root)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["since"], data["as_of"]) == ("2019-04-01", "2019-06-30")
    assert [c["id"] for c in data["changes"]] == ["A"]  # the entry of 1 June 2019
    text = rrs("report", "--since", "2019-Q2", "--as-of", "2019-Q2", "-o", "-", catalogue=root)
    assert "wijzigingen van 1 april 2019 tot en met 30 juni 2019" in text.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--since", "0001-01-01"), "wijzigingen van 1 januari 1 tot en met"),
        (("--quarter", "0000-Q1"), "is not a quarter"),
        (("--since", "0000-Q1"), "is not a date"),
        (("--quarter", "9999-Q4"), "has not begun"),
        (("--as-of", "9999-Q4"), "is after today"),
    ],
)
def test_the_first_and_last_days_a_date_holds_are_no_crash(
    rrs: Invoke, make_catalogue: MakeCatalogue, args: tuple[str, ...], message: str
) -> None:
    result = rrs("report", *args, catalogue=make_catalogue(logged_actions()))
    assert result.exit_code in (0, 2), result.stderr
    assert message in result.stdout + result.stderr
    assert "internal error" not in result.stderr


def test_the_command_refuses_a_future_as_of(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    result = rrs("report", "--as-of", "2999-01-01", catalogue=make_catalogue())
    assert result.exit_code == 2
    assert "--as-of 2999-01-01 is after today" in result.stderr
    assert "--quarter" in result.stderr  # the hint


def test_the_report_names_the_catalogues_version(
    rrs: Invoke, make_catalogue: MakeCatalogue
) -> None:
    """A catalogue outside git: a hash of its files, the same for the same files."""
    root = make_catalogue(logged_actions())
    args = ("report", "--as-of", "2021-06-30", "--format", "json")
    first = json.loads(rrs(*args, catalogue=root).stdout)["catalogue_version"]
    assert first["kind"] == "hash" and len(first["id"]) == 16
    assert json.loads(rrs(*args, catalogue=root).stdout)["catalogue_version"] == first
    (root / "actions" / "1.yaml").write_text(
        (root / "actions" / "1.yaml").read_text(encoding="utf-8") + "# edited\n",
        encoding="utf-8",
    )
    assert json.loads(rrs(*args, catalogue=root).stdout)["catalogue_version"] != first
    html = rrs("report", "--as-of", "2021-06-30", "--format", "html", catalogue=root).stdout
    assert "Catalogusversie: " in html


def test_the_report_runs_no_git(rrs: Invoke, make_catalogue: MakeCatalogue, tmp_path: Path) -> None:
    """The version is a hash of the files: no git, so no command from a repository's
    configuration (an fsmonitor) runs, and a clean checkout needs no check."""
    repo, root = repository(make_catalogue)
    ran = plant_fsmonitor(repo, tmp_path)
    result = rrs("report", "--as-of", "2021-06-30", "--format", "json", catalogue=root)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["catalogue_version"]["kind"] == "hash"
    assert not ran.exists(), "rrs report ran a command from the repository's git configuration"

"""The report's period: ``--since``, ``--as-of`` and ``--quarter``, checked.

Dates are YYYY-MM-DD or a quarter, YYYY-Qn (its first day for ``--since``, its
last for ``--as-of``); both ends are included.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

import typer

from ..errors import UnknownChoiceError, UsageError
from .options import checked_date

SinceOpt = Annotated[
    str | None,
    typer.Option(
        "--since",
        help="Show changes from this date on, the date itself included (YYYY-MM-DD, or "
        "YYYY-Qn for its first day): --since 2026-07-01 includes 1 July.",
    ),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Report as it stood on this date, included (default: today; YYYY-Qn: its "
        "last day). A date after today is refused.",
    ),
]
QuarterOpt = Annotated[
    str | None,
    typer.Option(
        "--quarter",
        help="The period is this quarter (YYYY-Qn), up to today while it runs: "
        "--quarter 2026-Q4 is --since 2026-10-01 --as-of 2026-12-31.",
    ),
]


_QUARTER = re.compile(r"(\d{4})-[Qq]([1-4])")


def quarter_days(value: str) -> tuple[date, date] | None:
    """The first and last day of a quarter written YYYY-Qn ("2026-Q4"), else None."""
    match = _QUARTER.fullmatch(value.strip())
    if match is None:
        return None
    year, number = int(match[1]), int(match[2])
    if year < date.min.year:  # year 0000 is no year (9999-Q4 ends on date.max)
        return None
    first = date(year, 3 * number - 2, 1)
    last_month = 3 * number
    return first, date(year, last_month, 30 if last_month in (6, 9) else 31)


def report_period(
    since: str | None, as_of: str | None, quarter: str | None, today: date
) -> tuple[date | None, date]:
    """The report's period (since, as of), both days included.

    ``--quarter 2026-Q4`` is 1 October up to 31 December, or up to today while the
    quarter runs. ``--since`` and ``--as-of`` take a date or a quarter (its first,
    resp. last day). A reference date after today is refused: progress that has not
    been reported yet cannot be reported on, and a later date would count actions
    as past their term or without news too early."""
    if quarter is not None:
        if since is not None or as_of is not None:
            raise UsageError(
                "--quarter cannot be combined with --since or --as-of",
                hint="--quarter 2026-Q4 is --since 2026-10-01 --as-of 2026-12-31",
            )
        days = quarter_days(quarter)
        if days is None:
            raise UnknownChoiceError(
                f"--quarter {quarter!r} is not a quarter", hint="write it as YYYY-Qn: 2026-Q4"
            )
        if days[0] > today:
            raise UnknownChoiceError(f"--quarter {quarter} has not begun (today is {today})")
        return days[0], min(days[1], today)
    end = _period_day(as_of, "--as-of", last=True) or today
    if end > today:
        raise UnknownChoiceError(
            f"--as-of {end} is after today ({today})",
            hint="leave out --as-of for today's report, or use --quarter for a quarter in progress",
        )
    start = _period_day(since, "--since", last=False)
    if start is not None and start > end:
        raise UnknownChoiceError(
            f"--since {start} is after --as-of {end}",
            hint="the period runs from --since up to and including --as-of",
        )
    return start, end


def _period_day(value: str | None, option: str, *, last: bool) -> date | None:
    days = quarter_days(value) if value is not None else None
    if days is not None:
        return days[1] if last else days[0]
    try:
        return checked_date(value, option)
    except UnknownChoiceError as error:
        raise UnknownChoiceError(
            error.message, hint="a quarter is written YYYY-Qn: 2026-Q4"
        ) from None

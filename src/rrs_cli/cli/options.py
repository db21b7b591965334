"""The options and arguments commands share, and the checks of typed values.

Typer declares an option as an ``Annotated`` alias; commands that take the same
option use the same alias, so its name, short form and help are written once.
Values Typer cannot check by type (dates, free text, new ids, addresses) are
checked here, as strictly as the catalogue's files would be.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from ..choices import LanguageChoice
from ..errors import UnknownChoiceError, UsageError
from ..layout import ENV_VAR

if TYPE_CHECKING:
    from ..i18n import Language


CATALOGUE_HELP = (
    f"Catalogue folder (goals.yaml, actions/). Default: ${ENV_VAR}, else the catalogue "
    "found from the current folder upwards, else the bundled one (see `rrs where`)."
)


OUTPUT_HELP = "Write to this file (atomically) instead of standard output; - is standard output."


# Filters of `list` and `graph`: each may be repeated. Repeated values of one
# filter are alternatives (any may hold); different filters must all hold.
FILTERS_HELP = (
    "Repeat a filter for alternatives (-g cyber -g klimaat: either goal); "
    "different filters combine (all must hold)."
)

GoalsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--goal",
        "-g",
        help="Goal: key, number or any words of its Dutch or English name "
        "(e.g. cyber, 3, 'goal 3', 'cyber havenstad', energy). Repeatable.",
    ),
]

QualitiesOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--quality",
        "-q",
        help="Resilience quality in Dutch or English (e.g. robust, flexibiliteit). Repeatable.",
    ),
]

StatusOpt = Annotated[
    str | None,
    typer.Option(
        "--status",
        "-s",
        help="Current status: new, starting, in-development, being-set-up, "
        "ongoing, completed, stopped (Dutch words work too).",
    ),
]

StatusesOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--status",
        "-s",
        help="Current status, in English or the strategy's Dutch "
        "(e.g. ongoing, lopend, 'in development'). Repeatable.",
    ),
]

TermOpt = Annotated[
    str | None,
    typer.Option(
        "--term",
        "-t",
        help="Expected-result term: short, medium, long, short-to-medium, "
        "medium-to-long, short-to-long.",
    ),
]

TermsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--term",
        "-t",
        help="Expected-result term, in English or Dutch "
        "(e.g. short, korte, 'korte termijn', medium-to-long). Repeatable.",
    ),
]

KindsOpt = Annotated[
    list[str] | None,
    typer.Option("--kind", "-k", help="flywheel or connected (e.g. vliegwiel). Repeatable."),
]

OwnersOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--owner",
        help="Text in the owner; an organisation's other names from strategy.yaml count "
        "(e.g. municipality, 'port authority'). Repeatable.",
    ),
]

PartnersOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--partner", help="Text in the partners, like --owner (e.g. 'water board'). Repeatable."
    ),
]

OrgsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--org",
        help="An organisation as owner or partner, like --owner "
        "(e.g. 'port authority'). Repeatable.",
    ),
]

TextsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--text",
        help="Text in title, subtitle, description or resilience value "
        "(e.g. waterfront). Repeatable.",
    ),
]

LANG_HELP = (
    "Language of the labels: nl or en (default: $RRS_LANG, else the catalogue's "
    "language from strategy.yaml)."
)
LangOpt = Annotated[LanguageChoice | None, typer.Option("--lang", help=LANG_HELP)]

NoteOpt = Annotated[str | None, typer.Option("--note", "-n", help="What happened (short).")]

ByOpt = Annotated[str | None, typer.Option("--by", help="Who reports it.")]

IndexOpt = Annotated[
    int | None,
    typer.Option(
        "--index",
        "-i",
        min=1,
        help="The entry's number in `rrs progress list` (needed when DATE has several).",
    ),
]

DayArg = Annotated[str, typer.Argument(metavar="DATE", help="The entry's date, YYYY-MM-DD.")]


def label_language(choice: LanguageChoice | None, catalogue_language: str | None) -> Language:
    """The language every command speaks: --lang, else $RRS_LANG, else the catalogue's."""
    from ..i18n import interface_language  # here, not at the top: start-up speed (messages)

    return interface_language(choice.value if choice else None, catalogue_language)


def checked_date(value: str | None, option: str) -> date | None:
    """A YYYY-MM-DD value; a wrong one says what is wrong ("November 2026 has 30 days")."""
    if value is None:
        return None
    from ..suggest import parse_date  # here, not at the top: start-up speed (the message table)

    return parse_date(value, option)


def checked_text(value: str | None, option: str) -> str | None:
    """A text argument, checked as strictly as a file's text would be.

    Bytes that are not UTF-8 reach Python as lone surrogates (they could not be
    written to a file), and control characters other than tab and newline are
    not text.
    """
    if value is None:
        return None
    if any("\ud800" <= char <= "\udfff" for char in value):
        raise UsageError(f"{option} is not valid UTF-8 text", hint="check the terminal's encoding")
    if any((ord(char) < 32 and char not in "\t\n") or 0x7F <= ord(char) < 0xA0 for char in value):
        raise UsageError(f"{option} holds a control character; write plain text")
    return value


def checked_action_id(value: str, option: str = "ID") -> str:
    """A new action id: ASCII letters or a number without leading zeros, upper-cased.

    Checked before upper-casing: "ß".upper() is "SS", and "²" is a digit to isdigit().
    """
    from ..models import ACTION_ID_PATTERN  # here, not at the top: start-up speed (Pydantic)

    cleaned = value.strip()
    candidate = cleaned.upper() if cleaned.isascii() else cleaned
    if not re.fullmatch(ACTION_ID_PATTERN, candidate):
        raise UsageError(
            f"{option} {visible_arg(value)} is not an action id",
            hint="an id is letters (A, B, ..., AA) or a number (1, 2, ..., 45)",
        )
    return candidate


def visible_arg(value: str) -> str:
    return repr(value.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))


def language_choice(value: str) -> LanguageChoice:
    """A language typed at a prompt, checked against the same choices as ``--lang``."""
    try:
        return LanguageChoice(value)
    except ValueError:
        raise UnknownChoiceError(f"language {value!r} is not nl or en") from None


_CONTACT = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_BASE_URL = re.compile(r"https?://[^\s<>\"'`\\]+", re.IGNORECASE)


def check_contact(value: str) -> str:
    """``--contact``: a plain email address (it becomes a mailto: link)."""
    if not _CONTACT.fullmatch(value):
        raise UnknownChoiceError(
            f"--contact {value!r} is not an email address", hint="for example name@example.org"
        )
    return value


def check_base_url(value: str) -> str:
    """``--base-url``: an http(s) address (used for canonical links only)."""
    if not _BASE_URL.fullmatch(value):
        raise UnknownChoiceError(
            f"--base-url {value!r} is not an http(s) address",
            hint="for example https://example.org/strategy/",
        )
    return value

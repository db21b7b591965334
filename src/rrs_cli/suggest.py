"""What a person probably meant: "did you mean" for vocabulary words and dates.

Two places ask: a command-line value (``query.pick``) and a value in a
catalogue file (the schema's findings). Both suggest by meaning first, then by
spelling, so that a Dutch word is answered with its own meaning: ``gestart``
("started") suggests ``starting``, never ``stopped``, which it resembles in
spelling.

The catalogue's files store the English codes (``status: ongoing``); the
strategy's own word is kept beside it (``status_text: "Lopend"``). A Dutch
word in a file is therefore refused, with the code it maps to.
"""

from __future__ import annotations

import calendar
import difflib
import re
import unicodedata
from datetime import date
from enum import StrEnum

from .i18n import LANGUAGES, MESSAGES, text
from .models import ImpactLevel, Kind, Status, Term

# Words for a status, term or kind that are not one of its labels (i18n.py),
# each with the code it means. They are never accepted as values, only
# suggested: "gestart" is closer in spelling to "gestopt" than to "startend".
MEANINGS: dict[type[StrEnum], dict[str, str]] = {
    Status: {
        # starting (Startend)
        "gestart": "starting",
        "opgestart": "starting",
        "begonnen": "starting",
        "begint": "starting",
        "start": "starting",
        "started": "starting",
        # in-development (In ontwikkeling)
        "ontwikkeling": "in-development",
        "in voorbereiding": "in-development",
        "voorbereiding": "in-development",
        "developing": "in-development",
        # being-set-up (In oprichting)
        "oprichting": "being-set-up",
        "wordt opgericht": "being-set-up",
        "set up": "being-set-up",
        # ongoing (Lopend)
        "loopt": "ongoing",
        "lopende": "ongoing",
        "bezig": "ongoing",
        "actief": "ongoing",
        "in uitvoering": "ongoing",
        "uitvoering": "ongoing",
        "running": "ongoing",
        "active": "ongoing",
        "in progress": "ongoing",
        # completed (Afgerond)
        "klaar": "completed",
        "gereed": "completed",
        "voltooid": "completed",
        "afgesloten": "completed",
        "opgeleverd": "completed",
        "done": "completed",
        "finished": "completed",
        "complete": "completed",
        # stopped (Gestopt)
        "gestaakt": "stopped",
        "stopgezet": "stopped",
        "beeindigd": "stopped",
        "geannuleerd": "stopped",
        "vervallen": "stopped",
        "cancelled": "stopped",
        "canceled": "stopped",
        "stop": "stopped",
    },
    # "kort", "middellang" and "lang" are left to the labels: each starts more
    # than one term (short, short-to-medium, ...), and rrs asks which one.
    Term: {},
    Kind: {
        "vliegwiel": "flywheel",
        "verbonden": "connected",
    },
    ImpactLevel: {
        "individu": "individual",
        "buurt": "neighbourhood",
        "stedelijk": "city",
    },
}

# The i18n prefix of each vocabulary's labels ("status.ongoing": Lopend, Ongoing).
_PREFIX: dict[type[StrEnum], str] = {
    Status: "status",
    Term: "term",
    Kind: "kind",
    ImpactLevel: "impact",
}

# The field of a catalogue file that holds each vocabulary.
FIELD_VOCABULARY: dict[str, type[StrEnum]] = {
    "status": Status,
    "term": Term,
    "kind": Kind,
    "impact_levels": ImpactLevel,
}


def normal(value: str) -> str:
    """Lower case, accents and punctuation dropped, words separated by one space."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.split(r"[\W_]+", plain)).strip()


def label(enum: type[StrEnum], code: str, lang: str = "nl") -> str:
    """A code's label in ``lang`` (the strategy's own word in Dutch), or the code."""
    key = f"{_PREFIX.get(enum, '')}.{code}"
    return text(key, "nl" if lang == "nl" else "en") if key in MESSAGES else code


def vocabulary(enum: type[StrEnum]) -> dict[str, str]:
    """Every word a person may write for a code, normalised -> the code.

    The codes themselves, their Dutch and English labels (with and without
    "termijn"/"term"), and the words of :data:`MEANINGS`.
    """
    words: dict[str, str] = {}
    prefix = _PREFIX.get(enum, "")
    for member in enum:
        words[normal(member.value)] = member.value
        for lang in LANGUAGES:
            key = f"{prefix}.{member.value}"
            if key in MESSAGES:
                name = normal(text(key, lang))
                words.setdefault(name, member.value)
                bare = re.sub(r"\s*\b(termijn|term)\b", "", name).strip()
                if bare:
                    words.setdefault(bare, member.value)
    for word, code in MEANINGS.get(enum, {}).items():
        words.setdefault(normal(word), code)
    return words


def meant(enum: type[StrEnum], value: str) -> str | None:
    """The code ``value`` most likely means: its meaning first, then its spelling."""
    words = vocabulary(enum)
    wanted = normal(value)
    if not wanted:
        return None
    if wanted in words:
        return words[wanted]
    close = difflib.get_close_matches(wanted, list(words), n=1, cutoff=0.6)
    return words[close[0]] if close else None


def did_you_mean(enum: type[StrEnum], value: str) -> str:
    """ "did you mean 'ongoing' (Lopend)?", or "" when nothing is close."""
    code = meant(enum, value)
    if code is None or code == value:
        return ""
    return f"did you mean '{code}' ({label(enum, code)})?"


def file_value_message(field: str, value: object, expected: str) -> str:
    """The message for a value of a vocabulary field that the schema refused.

    The file stores the English code; a Dutch word (or a near miss) is shown
    with the code it maps to, so the fix is plain.
    """
    shown = repr(value) if isinstance(value, str) else str(value)
    enum = FIELD_VOCABULARY.get(field)
    code = meant(enum, value) if enum is not None and isinstance(value, str) else None
    if enum is None or code is None:
        return f"{shown} is not allowed here; expected {expected}"
    word = label(enum, code)
    if normal(str(value)) in (normal(label(enum, code, lang)) for lang in LANGUAGES):
        return (
            f"{shown} is not allowed here; did you mean '{code}' ({word})? Files store the "
            f"English code ({field}: {code}); the strategy's own word goes in "
            f"{field}_text"
            if field in ("status", "term")
            else f"{shown} is not allowed here; did you mean '{code}' ({word})? "
            f"Files store the English code ({field}: {code})"
        )
    return f"{shown} is not allowed here; did you mean '{code}' ({word})? Expected {expected}"


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_OTHER_ORDER = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_SLASHED = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")


def date_problem(value: str) -> str:
    """Why ``value`` is not a YYYY-MM-DD date, as specifically as it can be said.

    "November 2026 has 30 days", "there is no month 13", "write it as
    2026-12-31 (YYYY-MM-DD)" for 31-12-2026; "" when ``value`` is a date.
    """
    value = value.strip()
    for pattern, order in ((_ISO, (1, 2, 3)), (_SLASHED, (1, 2, 3)), (_OTHER_ORDER, (3, 2, 1))):
        match = pattern.match(value)
        if not match:
            continue
        year, month, day = (int(match.group(i)) for i in order)
        if not 1 <= month <= 12:
            return f"there is no month {month}; write the date as YYYY-MM-DD"
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            name = calendar.month_name[month]
            return f"{name} {year} has {days} days"
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        if iso != value:
            return f"write it as {iso} (YYYY-MM-DD)"
        return ""
    try:
        date.fromisoformat(value)
    except ValueError:
        return "write it as YYYY-MM-DD, e.g. 2026-07-01"
    return ""


def parse_date(value: str, option: str) -> date:
    """A YYYY-MM-DD command-line value; exit 2 saying what is wrong with it."""
    from .errors import UnknownChoiceError

    try:
        return date.fromisoformat(value)
    except ValueError:
        problem = date_problem(value) or "write it as YYYY-MM-DD"
        raise UnknownChoiceError(f"{option} {value!r} is not a date: {problem}") from None

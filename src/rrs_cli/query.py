"""Selecting actions: filters that combine, and forgiving name matching.

Command-line values are matched case- and accent-insensitively against keys,
numbers and Dutch or English names; an unknown value raises
:class:`UnknownChoiceError` listing the valid choices and a "did you mean".
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from .catalogue import Catalogue
from .errors import UnknownChoiceError
from .graph import LinkGraph
from .models import Action, Goal, Kind, Quality, Status, Term

E = TypeVar("E", bound=StrEnum)

# The strategy's Dutch status words, so `--status lopend` works as well.
STATUS_ALIASES: dict[str, Status] = {
    "nieuw": Status.NEW,
    "startend": Status.STARTING,
    "in ontwikkeling": Status.IN_DEVELOPMENT,
    "in oprichting": Status.BEING_SET_UP,
    "lopend": Status.ONGOING,
    "afgerond": Status.COMPLETED,
    "gestopt": Status.STOPPED,
}
KIND_ALIASES: dict[str, Kind] = {"vliegwiel": Kind.FLYWHEEL, "verbonden": Kind.CONNECTED}

# Organisations the strategy names in more than one way (see the glossary):
# `--owner Havenbedrijf` must also find "Gemeente, HbR".
ORGANISATION_SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("havenbedrijf", "hbr", "port of rotterdam"),
    ("metropoolregio rotterdam den haag", "mrdh"),
    ("gemeente", "municipality"),
)


def _organisation_pattern(value: str) -> re.Pattern[str]:
    """A pattern for ``value`` and, when it names a known organisation, its synonyms."""
    wanted = fold(value)
    terms = {wanted}
    for group in ORGANISATION_SYNONYMS:
        if any(wanted == term or (len(wanted) > 3 and term.startswith(wanted)) for term in group):
            terms.update(group)
    alternatives = "|".join(
        rf"\b{re.escape(term)}\b" if len(term) <= 4 else re.escape(term) for term in sorted(terms)
    )
    return re.compile(alternatives)


_COMBINING_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


# Zero-width, bidi-control and soft-hyphen characters: invisible in print, so a
# search ignores them (`--owner Gemeente` finds "Ge\u200bmeente").
_INVISIBLE_FOR_MATCHING = re.compile(
    "[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def fold(text: str) -> str:
    """Case-, accent- and spacing-insensitive form of ``text`` for matching.

    Composed and decomposed forms (NFC "é", NFD "e" + U+0301) fold alike, and
    invisible characters are dropped.
    """
    if not text.isascii():
        text = _INVISIBLE_FOR_MATCHING.sub("", text)
        text = _COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text))
    return " ".join(text.casefold().replace("_", "-").split())


def _unknown(what: str, value: str, choices: Iterable[str]) -> UnknownChoiceError:
    options = list(choices)
    close = difflib.get_close_matches(fold(value), [fold(o) for o in options], n=1, cutoff=0.5)
    hint = f"did you mean '{next(o for o in options if fold(o) == close[0])}'? " if close else ""
    return UnknownChoiceError(
        f"unknown {what} '{value}'", hint=f"{hint}valid choices: {', '.join(options)}"
    )


def _match(value: str, candidates: dict[str, list[str]]) -> str | None:
    """Key whose names contain ``value`` exactly, else as the one unique prefix."""
    wanted = fold(value)
    for key, names in candidates.items():
        if wanted in (fold(n) for n in names):
            return key
    prefixed = {
        key for key, names in candidates.items() if any(fold(n).startswith(wanted) for n in names)
    }
    return prefixed.pop() if len(prefixed) == 1 and wanted else None


def resolve_goal(catalogue: Catalogue, value: str) -> Goal:
    candidates = {
        g.key: [g.key, str(g.number), g.name_nl, g.name_en] for g in catalogue.goals.values()
    }
    key = _match(value, candidates)
    if key is None:
        raise _unknown("goal", value, candidates)
    return catalogue.goals[key]


def resolve_quality(catalogue: Catalogue, value: str) -> Quality:
    candidates = {q.key: [q.key, q.name_nl, q.name_en] for q in catalogue.qualities.values()}
    key = _match(value, candidates)
    if key is None:
        raise _unknown("quality", value, candidates)
    return catalogue.qualities[key]


def resolve_enum(enum: type[E], value: str, what: str, aliases: dict[str, E] | None = None) -> E:
    candidates: dict[str, list[str]] = {m.value: [m.value, m.name] for m in enum}
    for alias, member in (aliases or {}).items():
        candidates[member.value].append(alias)
    key = _match(value, candidates)
    if key is None:
        raise _unknown(what, value, [m.value for m in enum])
    return enum(key)


def resolve_action(catalogue: Catalogue, value: str) -> Action:
    wanted = value.strip()
    # Ids are ASCII: "ß".upper() is "SS", and "²" or "①" are digits to isdigit().
    wanted = wanted.upper() if wanted.isascii() else wanted
    if wanted in catalogue.actions:
        return catalogue.actions[wanted]
    raise _unknown("action", value, catalogue.actions)


@dataclass(frozen=True)
class ActionFilter:
    """Filters for `rrs list`, `rrs graph` and reports; all given ones must hold."""

    goal: str | None = None
    quality: str | None = None
    status: str | None = None
    term: str | None = None
    kind: str | None = None
    owner: str | None = None
    partner: str | None = None
    text: str | None = None

    def select(self, catalogue: Catalogue, graph: LinkGraph) -> list[Action]:
        tests = self._tests(catalogue, graph)
        return [a for a in catalogue.actions.values() if all(test(a) for test in tests)]

    def _tests(self, catalogue: Catalogue, graph: LinkGraph) -> list[Callable[[Action], bool]]:
        """One predicate per given filter; every unknown value is reported at once."""
        tests: list[Callable[[Action], bool]] = []
        problems: list[UnknownChoiceError] = []

        def add(make: Callable[[], Callable[[Action], bool]]) -> None:
            try:
                tests.append(make())
            except UnknownChoiceError as error:
                problems.append(error)

        if self.goal is not None:
            add(lambda: _goal_test(resolve_goal(catalogue, self.goal or "").key, graph))
        if self.quality is not None:
            add(lambda: _quality_test(resolve_quality(catalogue, self.quality or "").key))
        if self.status is not None:
            add(
                lambda: _status_test(
                    resolve_enum(Status, self.status or "", "status", STATUS_ALIASES)
                )
            )
        if self.term is not None:
            add(lambda: _term_test(resolve_enum(Term, self.term or "", "term")))
        if self.kind is not None:
            add(lambda: _kind_test(resolve_enum(Kind, self.kind or "", "kind", KIND_ALIASES)))
        if self.owner is not None:
            owner = _organisation_pattern(self.owner)
            tests.append(lambda a: owner.search(fold(a.owner)) is not None)
        if self.partner is not None:
            partner = _organisation_pattern(self.partner)
            tests.append(lambda a: partner.search(fold(a.partners)) is not None)
        if self.text is not None:
            text = fold(self.text)
            tests.append(lambda a: text in _searchable(a))
        if len(problems) == 1:
            raise problems[0]
        if problems:
            raise UnknownChoiceError(
                "; ".join(p.message for p in problems),
                hint="\n  ".join(p.hint for p in problems),
            )
        return tests


def _goal_test(key: str, graph: LinkGraph) -> Callable[[Action], bool]:
    return lambda a: key in graph.goals_of(a)


def _quality_test(key: str) -> Callable[[Action], bool]:
    return lambda a: key in a.qualities


def _status_test(status: Status) -> Callable[[Action], bool]:
    return lambda a: a.current_status is status


def _term_test(term: Term) -> Callable[[Action], bool]:
    return lambda a: a.term is term


def _kind_test(kind: Kind) -> Callable[[Action], bool]:
    return lambda a: a.kind is kind


def _searchable(action: Action) -> str:
    return fold(
        " ".join(
            (action.title, action.subtitle or "", action.description, action.resilience_value or "")
        )
    )

"""Selecting actions: filters that combine, and forgiving name matching.

Command-line values are matched case- and accent-insensitively against keys,
numbers and Dutch or English names; an unknown value raises
:class:`UnknownChoiceError` listing the valid choices and a "did you mean".
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable
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


def fold(text: str) -> str:
    """Case-, accent- and spacing-insensitive form of ``text`` for matching."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().replace("_", "-").split())


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
    prefixed = {key for key, names in candidates.items()
                if any(fold(n).startswith(wanted) for n in names)}
    return prefixed.pop() if len(prefixed) == 1 and wanted else None


def resolve_goal(catalogue: Catalogue, value: str) -> Goal:
    candidates = {g.key: [g.key, str(g.number), g.name_nl, g.name_en]
                  for g in catalogue.goals.values()}
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


def resolve_enum(enum: type[E], value: str, what: str,
                 aliases: dict[str, E] | None = None) -> E:
    candidates: dict[str, list[str]] = {m.value: [m.value, m.name] for m in enum}
    for alias, member in (aliases or {}).items():
        candidates[member.value].append(alias)
    key = _match(value, candidates)
    if key is None:
        raise _unknown(what, value, [m.value for m in enum])
    return enum(key)


def resolve_action(catalogue: Catalogue, value: str) -> Action:
    wanted = value.strip().upper()
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
        tests = list(self._tests(catalogue, graph))
        return [a for a in catalogue.actions.values() if all(test(a) for test in tests)]

    def _tests(self, catalogue: Catalogue, graph: LinkGraph):  # type: ignore[no-untyped-def]
        if self.goal is not None:
            goal = resolve_goal(catalogue, self.goal).key
            yield lambda a: goal in graph.goals_of(a)
        if self.quality is not None:
            quality = resolve_quality(catalogue, self.quality).key
            yield lambda a: quality in a.qualities
        if self.status is not None:
            status = resolve_enum(Status, self.status, "status", STATUS_ALIASES)
            yield lambda a: a.current_status is status
        if self.term is not None:
            term = resolve_enum(Term, self.term, "term")
            yield lambda a: a.term is term
        if self.kind is not None:
            kind = resolve_enum(Kind, self.kind, "kind", KIND_ALIASES)
            yield lambda a: a.kind is kind
        if self.owner is not None:
            owner = fold(self.owner)
            yield lambda a: owner in fold(a.owner)
        if self.partner is not None:
            partner = fold(self.partner)
            yield lambda a: partner in fold(a.partners)
        if self.text is not None:
            text = fold(self.text)
            yield lambda a: text in fold(
                " ".join((a.title, a.subtitle or "", a.description, a.resilience_value or "")))

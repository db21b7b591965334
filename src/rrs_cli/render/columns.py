"""The columns `rrs list --columns` can show and `--sort` can order by.

Each column has a name (what the options take, as in the JSON export where
one exists), a label in the reader's language, a cell text and a sort key.
The default columns are those of the plain `rrs list` table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import UnknownChoiceError
from ..graph import LinkGraph
from ..i18n import Language, status_label, term_label, text
from ..models import Action, Status, Strategy, Term, action_sort_key
from ..query import fold


@dataclass(frozen=True)
class View:
    """What a cell may need besides its action."""

    graph: LinkGraph
    lang: Language

    @property
    def strategy(self) -> Strategy:
        return self.graph.catalogue.strategy


@dataclass(frozen=True)
class Column:
    name: str
    label: Callable[[View], str]
    cell: Callable[[Action, View], str]
    sort: Callable[[Action, View], Any]
    wide: bool = False  # long text: takes the room left and wraps


def _label(key: str) -> Callable[[View], str]:
    return lambda view: text(key, view.lang)


def _status_cell(status: Status | None, lang: Language) -> str:
    if status is None:
        return "—"
    return status.value if lang == "en" else status_label(status, lang)


def _term_cell(term: Term | None, lang: Language) -> str:
    if term is None:
        return "—"
    return term.value if lang == "en" else term_label(term, lang)


def _goals(action: Action, view: View) -> str:
    goals = view.graph.goals_of(action)
    total = len(view.graph.catalogue.goals)
    if total > 1 and len(goals) == total:
        return text("value.all_goals", view.lang)
    return ", ".join(goals)


def _end_of_term(action: Action, view: View) -> date | None:
    return view.strategy.horizon(action.term)


def _day(value: date | None) -> str:
    return value.isoformat() if value else "—"


_STATUS_ORDER = {status: index for index, status in enumerate(Status)}
_TERM_ORDER = {term: index for index, term in enumerate(Term)}
_LAST = date.max  # no date sorts last, ascending


def _status_order(status: Status | None) -> int:
    """The vocabulary's order (new ... stopped); no status last."""
    return _STATUS_ORDER[status] if status is not None else len(_STATUS_ORDER)


def _text_sort(value: str) -> tuple[bool, str]:
    return (not value, fold(value))  # empty last


COLUMNS: dict[str, Column] = {
    column.name: column
    for column in (
        Column("id", _label("field.id"), lambda a, v: a.id, lambda a, v: action_sort_key(a.id)),
        Column(
            "kind",
            _label("field.kind"),
            lambda a, v: a.kind.value if v.lang == "en" else text(f"kind.{a.kind.value}", v.lang),
            lambda a, v: a.kind.value,
        ),
        Column(
            "title", _label("field.title"), lambda a, v: a.title, lambda a, v: fold(a.title), True
        ),
        Column(
            "status",
            _label("field.current_status"),
            lambda a, v: _status_cell(a.current_status, v.lang),
            lambda a, v: _status_order(a.current_status),
        ),
        Column(
            "status-at-publication",
            _label("list.status_at_publication"),
            lambda a, v: _status_cell(a.status, v.lang),
            lambda a, v: _status_order(a.status),
        ),
        Column(
            "term",
            _label("list.term"),
            lambda a, v: _term_cell(a.term, v.lang),
            lambda a, v: _TERM_ORDER[a.term] if a.term else len(_TERM_ORDER),
        ),
        Column(
            "end-of-term",
            _label("list.end_of_term"),
            lambda a, v: _day(_end_of_term(a, v)),
            lambda a, v: _end_of_term(a, v) or _LAST,
        ),
        Column("goals", _label("list.goals"), _goals, lambda a, v: v.graph.goals_of(a)),
        Column(
            "qualities",
            _label("field.qualities"),
            lambda a, v: ", ".join(a.qualities),
            lambda a, v: list(a.qualities),
        ),
        Column(
            "owner", _label("field.owner"), lambda a, v: a.owner, lambda a, v: _text_sort(a.owner)
        ),
        Column(
            "partners",
            _label("field.partners"),
            lambda a, v: a.partners,
            lambda a, v: _text_sort(a.partners),
            True,
        ),
        Column(
            "funding",
            _label("field.funding"),
            lambda a, v: a.funding,
            lambda a, v: _text_sort(a.funding),
            True,
        ),
        Column(
            "last-update",
            _label("list.last_update"),
            lambda a, v: _day(a.last_update),
            lambda a, v: a.last_update or _LAST,
        ),
        Column(
            "links",
            _label("field.links"),
            # Printed links, as the export's and the CSV's `linked`.
            lambda a, v: " ".join(x.id for x in v.graph.linked(a.id, implicit=False)),
            lambda a, v: len(v.graph.linked(a.id, implicit=False)),
        ),
    )
}

DEFAULT_COLUMNS = ("id", "title", "status", "term", "goals")
# Other words people use for a column (the JSON export's names among them).
_ALIASES = {
    "current-status": "status",
    "current_status": "status",
    "last_update": "last-update",
    "updated": "last-update",
    "horizon": "end-of-term",
    "end_of_term": "end-of-term",
    "goals-reached": "goals",
    "goals_reached": "goals",
    "linked": "links",
    "partner": "partners",
    "quality": "qualities",
}


def _column(name: str) -> Column:
    wanted = name.strip().lower().replace(" ", "-")
    wanted = _ALIASES.get(wanted, wanted)
    if wanted in COLUMNS:
        return COLUMNS[wanted]
    raise UnknownChoiceError(f"unknown column '{name}'", hint=f"columns: {', '.join(COLUMNS)}")


def choose_columns(given: Sequence[str] | None) -> list[Column]:
    """The columns named (each value may list several, comma-separated), or the default."""
    names = [part for value in given or [] for part in value.split(",") if part.strip()]
    return [_column(name) for name in names or DEFAULT_COLUMNS]


def sort_actions(actions: Sequence[Action], given: str | None, view: View) -> list[Action]:
    """``actions`` ordered by a column; ``-column`` for descending. Ties keep catalogue order."""
    if not given:
        return list(actions)
    descending = given.startswith("-")
    column = _column(given.lstrip("-"))
    return sorted(actions, key=lambda a: column.sort(a, view), reverse=descending)

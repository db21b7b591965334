"""How far a progress round has got: who answered, which actions were updated."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..catalogue import Catalogue
from ..query import fold
from ..rounds import find_round


@dataclass(frozen=True)
class OwnerStatus:
    owner: str
    actions: list[str]
    answered: bool


@dataclass(frozen=True)
class RoundStatus:
    """How far a round has got: who answered, which actions have an entry since it began."""

    name: str
    made: date
    due: date | None
    owners: list[OwnerStatus]
    updated: list[str]  # action ids with an entry since the round began (or imported in it)
    waiting: list[str]  # action ids of the round without one

    @property
    def answered(self) -> int:
        return sum(o.answered for o in self.owners)


def round_status(catalogue: Catalogue, name: str | None = None) -> RoundStatus | None:
    """The status of round ``name`` (default: the latest one), or None when there is none.

    An owner has answered when at least one row of their form was recorded in
    the round. An action counts as updated when its form's row was recorded, or
    when its log has an entry dated on or after the day the round began (an
    entry made with `rrs update` during the round counts too).
    """
    rounds = catalogue.rounds
    if not rounds:
        return None
    chosen = find_round(rounds, name) if name else max(rounds, key=lambda r: r.made)
    if chosen is None:
        return None
    imported = {i for form in chosen.forms for i in form.recorded}
    answered_owners = {fold(form.owner) for form in chosen.forms if form.recorded}
    owners: dict[str, OwnerStatus] = {}
    for form in chosen.forms:
        key = fold(form.owner)
        previous = owners.get(key)
        ids = list(dict.fromkeys([*(previous.actions if previous else []), *form.actions]))
        owners[key] = OwnerStatus(form.owner, ids, key in answered_owners)
    in_round = list(dict.fromkeys(i for o in owners.values() for i in o.actions))
    updated: list[str] = []
    waiting: list[str] = []
    for action_id in in_round:
        action = catalogue.actions.get(action_id)
        recent = action is not None and any(e.date >= chosen.made for e in action.progress)
        (updated if action_id in imported or recent else waiting).append(action_id)
    return RoundStatus(
        chosen.name, chosen.made, chosen.due, list(owners.values()), updated, waiting
    )

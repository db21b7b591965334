"""The steering-group progress report, as data.

``build_report`` computes everything the report shows from a catalogue and
two dates; the renderers in ``render/report.py`` only lay it out (Markdown,
terminal, JSON). The status printed in the strategy is the baseline; an
action's current status is its latest logged one.

Expected-result horizons count from the strategy's publication year and come
from its ``strategy.yaml`` (``term_horizons``): with the usual horizons a
``short`` term has passed after 31 December of the publication year + 2, a
``medium`` or ``short-to-medium`` one after the year + 5; open-ended terms
(``long``, ``medium-to-long``, ``short-to-long``) never pass.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from .catalogue import Catalogue
from .graph import LinkGraph
from .models import Action, Goal, ProgressEntry, Status, Term
from .query import fold

DONE = frozenset({Status.COMPLETED, Status.STOPPED})
# The strategy writes PM, NVT or "nader te bepalen" where funding is not settled.
_UNSETTLED = re.compile(r"^(|pm|nvt|n\.v\.t\.?|ntb|n\.t\.b\.?|nader te bepalen|onbekend)$")


def funding_settled(funding: str) -> bool:
    return _UNSETTLED.match(fold(funding).strip(" .")) is None


@dataclass(frozen=True)
class Change:
    when: date
    action: Action
    entry: ProgressEntry
    previous: Status | None


@dataclass(frozen=True)
class GoalSection:
    goal: Goal
    flywheels: list[tuple[Action, list[Action]]]
    unattached: list[Action]  # connected actions of this goal linked to no flywheel here


@dataclass
class Report:
    as_of: date
    since: date | None
    stale_days: int
    goal_filter: Goal | None
    actions: list[Action]
    by_status: list[tuple[str, int]] = field(default_factory=list)
    by_goal: list[tuple[Goal, int, int]] = field(default_factory=list)
    by_term: list[tuple[str, int]] = field(default_factory=list)
    sections: list[GoalSection] = field(default_factory=list)
    # Connected actions linked to all flywheels, shown once rather than under each.
    cross_cutting: list[Action] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    overdue: list[tuple[Action, date]] = field(default_factory=list)
    stale: list[Action] = field(default_factory=list)
    qualities: list[str] = field(default_factory=list)
    coverage: list[tuple[Goal, list[int]]] = field(default_factory=list)
    owners: list[tuple[str, list[Action]]] = field(default_factory=list)
    funders: list[tuple[str, list[Action]]] = field(default_factory=list)
    unsettled_funding: list[Action] = field(default_factory=list)


def label(status: Status | None) -> str:
    return status.value if status else "(empty)"


def build_report(
    catalogue: Catalogue,
    graph: LinkGraph,
    actions: list[Action],
    *,
    as_of: date,
    since: date | None = None,
    stale_days: int = 365,
    goal_filter: Goal | None = None,
) -> Report:
    report = Report(as_of, since, stale_days, goal_filter, actions)
    goals = sorted(catalogue.goals.values(), key=lambda g: g.number)
    if goal_filter is not None:
        goals = [goal_filter]
    current = {a.id: a.status_on(as_of) for a in actions}

    status_counts = Counter(label(current[a.id]) for a in actions)
    order = [s.value for s in Status] + ["(empty)"]
    report.by_status = [(s, status_counts[s]) for s in order if status_counts[s]]
    term_counts = Counter(a.term.value if a.term else "(empty)" for a in actions)
    report.by_term = [
        (t, term_counts[t]) for t in [*(t.value for t in Term), "(empty)"] if term_counts[t]
    ]
    report.qualities = list(catalogue.qualities)
    for goal in goals:
        members = [a for a in actions if goal.key in graph.goals_of(a)]
        report.coverage.append(
            (goal, [sum(q in a.qualities for a in members) for q in report.qualities])
        )
        report.by_goal.append(
            (goal, sum(a.is_flywheel for a in members), sum(not a.is_flywheel for a in members))
        )
        report.sections.append(_section(goal, members, graph))

    report.cross_cutting = [a for a in actions if a.links_all_flywheels]
    report.changes = _changes(actions, since, as_of)
    for action in actions:
        deadline = catalogue.strategy.horizon(action.term)
        if deadline and as_of > deadline and current[action.id] not in DONE:
            report.overdue.append((action, deadline))
        last = action.last_update_on(as_of)
        if last is None or (as_of - last).days > stale_days:
            report.stale.append(action)

    report.owners = _grouped(actions, lambda a: a.owner or "(none)")
    report.funders = _grouped(actions, lambda a: a.funding or "(none)")
    report.unsettled_funding = [a for a in actions if not funding_settled(a.funding)]
    return report


def _section(goal: Goal, members: list[Action], graph: LinkGraph) -> GoalSection:
    flywheels = [a for a in members if a.is_flywheel and a.goal == goal.key]
    ids = {a.id for a in members}

    def own(action: Action) -> bool:
        return action.id in ids and not action.is_flywheel and not action.links_all_flywheels

    # own() leaves out "all flywheels" actions, so only printed links are listed.
    rows = [(f, [c for c in graph.linked(f.id, implicit=False) if own(c)]) for f in flywheels]
    shown = {c.id for _, cs in rows for c in cs}
    unattached = [a for a in members if own(a) and a.id not in shown]
    return GoalSection(goal, rows, unattached)


def _changes(actions: list[Action], since: date | None, as_of: date) -> list[Change]:
    changes = []
    for action in actions:
        previous = action.status
        for entry in sorted(action.progress, key=lambda e: e.date):
            if entry.date <= as_of and (since is None or entry.date > since):
                changes.append(Change(entry.date, action, entry, previous))
            previous = entry.status
    return sorted(changes, key=lambda c: (c.when, c.action.id))


def _grouped(actions: list[Action], key: Callable[[Action], str]) -> list[tuple[str, list[Action]]]:
    groups: dict[str, list[Action]] = {}
    for action in actions:
        groups.setdefault(key(action), []).append(action)
    return sorted(groups.items(), key=lambda item: (-len(item[1]), fold(item[0])))

"""The steering-group progress report, as data.

``build_report`` computes everything the report shows from a catalogue and
two dates; the renderers in ``render/report.py`` (Markdown, terminal, JSON)
and the templates ``report_body.html`` / ``report_standalone.html`` only lay
it out, in the reader's language. The status printed in the strategy is the
baseline; an action's current status is its latest logged one.

Counting rules, so that the report's numbers add up:

- every action is counted once, under the goal whose section it is printed in
  (its ``goal``); actions that reach other goals through their links are
  counted there separately, as "also contributes" (``GoalCount.also``);
- owners are the organisations an owner field names, read by the rule the CLI's
  ``--owner`` and the website's organisations page use
  (``query.group_organisations``): an action owned by "Gemeente, HbR" counts
  under both, spellings of one organisation (and its other names in
  ``strategy.yaml``) are one owner, and an owner field that names no
  organisation (empty, or prose) is one row of its own;
- the period of ``since`` is inclusive: an entry dated ``since`` is in it.

Expected-result horizons count from the strategy's publication year and come
from its ``strategy.yaml`` (``term_horizons``); funding is what the strategy
calls possible funding, and the words that say it is not settled come from
``unsettled_funding``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from .catalogue import Catalogue
from .forms.status import RoundStatus, round_status
from .graph import LinkGraph
from .i18n import Language, name_in, text
from .models import Action, Goal, ProgressEntry, Quality, Status, Strategy, Term
from .query import fold, group_organisations, organisation_aliases

DONE = frozenset({Status.COMPLETED, Status.STOPPED})


def funding_settled(funding: str, unsettled: Iterable[str]) -> bool:
    """False when ``funding`` is empty or one of the strategy's "not settled" words.

    The one place that decides what counts as unsettled funding (the report's
    count and list, and the site through the report). A "not applicable" word
    (NVT) is not a "not settled" word: a catalogue lists only the latter.
    """
    value = fold(funding).strip(" .")
    return bool(value) and value not in {fold(word).strip(" .") for word in unsettled}


@dataclass(frozen=True)
class Change:
    when: date
    action: Action
    entry: ProgressEntry
    previous: Status | None

    @property
    def status_changed(self) -> bool:
        return self.previous is not self.entry.status


@dataclass(frozen=True)
class GoalSection:
    goal: Goal
    flywheels: list[tuple[Action, list[Action]]]
    unattached: list[Action]  # connected actions of this goal linked to no flywheel here


@dataclass(frozen=True)
class GoalCount:
    """One goal's actions, each counted once (``flywheels`` + ``connected`` = ``total``)."""

    goal: Goal | None  # None: actions printed under no goal
    flywheels: int
    connected: int
    also: int  # actions from other goals' sections that reach this goal too
    changed: int  # actions with a progress entry in the period
    overdue: int
    stale: int

    @property
    def total(self) -> int:
        return self.flywheels + self.connected


@dataclass(frozen=True)
class Totals:
    """The sums of the per-goal rows (``Report.by_goal``), worked out once for every format."""

    flywheels: int = 0
    connected: int = 0
    also: int = 0
    changed: int = 0
    overdue: int = 0
    stale: int = 0

    @property
    def total(self) -> int:
        return self.flywheels + self.connected


@dataclass(frozen=True)
class Group:
    """Actions that share one owner (or one funding text), under one display name."""

    name: str
    actions: list[Action]


@dataclass(frozen=True)
class OwnerRow:
    name: str
    actions: int
    changed: int
    overdue: int
    stale: int


@dataclass
class Report:
    strategy: Strategy
    as_of: date
    since: date | None
    stale_days: int
    goal_filter: Goal | None
    actions: list[Action]
    by_status: list[tuple[Status | None, int]] = field(default_factory=list)
    by_goal: list[GoalCount] = field(default_factory=list)
    by_term: list[tuple[Term | None, int]] = field(default_factory=list)
    sections: list[GoalSection] = field(default_factory=list)
    # Connected actions linked to all flywheels, shown once rather than under each.
    cross_cutting: list[Action] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    overdue: list[tuple[Action, date]] = field(default_factory=list)
    stale: list[Action] = field(default_factory=list)
    never_updated: list[Action] = field(default_factory=list)
    qualities: list[Quality] = field(default_factory=list)
    coverage: list[tuple[Goal, list[int]]] = field(default_factory=list)
    owners: list[Group] = field(default_factory=list)
    funders: list[Group] = field(default_factory=list)
    unsettled_funding: list[Action] = field(default_factory=list)
    goal_names: dict[str, Goal] = field(default_factory=dict)
    # Every --goal given, in goal order, each once (goal_filter: the one of a single --goal).
    goal_filters: list[Goal] = field(default_factory=list)
    totals: Totals = field(default_factory=Totals)
    # Which catalogue the report was made from: (a hash of its files, "hash"), see
    # site.model.catalogue_version; None when not known (reports built in memory).
    catalogue_version: tuple[str, str] | None = None
    _statuses: dict[str, Status | None] = field(default_factory=dict, repr=False)
    _updates: dict[str, date | None] = field(default_factory=dict, repr=False)

    @property
    def scope_goals(self) -> list[Goal]:
        """The goals the report is limited to (none: all goals)."""
        return self.goal_filters

    @property
    def stopped(self) -> list[Change]:
        """The actions reported stopped in the period and still stopped on ``as_of``:
        for each, the entry that stopped it."""
        stops = {
            c.action.id: c
            for c in self.changes
            if c.status_changed and c.entry.status is Status.STOPPED
        }
        return [c for c in stops.values() if self.current(c.action) is Status.STOPPED]

    @property
    def expired_in_period(self) -> list[tuple[Action, date]]:
        """The overdue actions whose expected term ran out in the period (its first day
        past the term is from ``since`` on); none without a period."""
        if self.since is None:
            return []
        # deadline >= since - 1 day, written so that since 0001-01-01 cannot overflow
        return [(a, deadline) for a, deadline in self.overdue if (self.since - deadline).days <= 1]

    # The latest progress round (rounds.yaml), if the catalogue has one.
    round: RoundStatus | None = None

    def round_line(self, lang: Language) -> str | None:
        """ "Voortgangsronde 2026-Q4: 21 van 34 eigenaren hebben gereageerd; ..." or None."""
        if self.round is None:
            return None
        return text(
            "forms.round.summary",
            lang,
            round=self.round.name,
            answered=self.round.answered,
            owners=len(self.round.owners),
            updated=len(self.round.updated),
        )

    @property
    def changed_actions(self) -> int:
        return len({c.action.id for c in self.changes})

    @property
    def status_changes(self) -> int:
        return sum(c.status_changed for c in self.changes)

    @property
    def also_total(self) -> int:
        return self.totals.also

    @property
    def major_owners(self) -> list[Group]:
        """Owners of more than one action (the rest are counted, and listed in the appendix)."""
        return [g for g in self.owners if len(g.actions) > 1]

    @property
    def minor_owners(self) -> list[Group]:
        return [g for g in self.owners if len(g.actions) == 1]

    def owner_counts(self, actions: Iterable[Action]) -> list[tuple[str, int]]:
        """How many of ``actions`` each owner holds, largest first (an action with
        several owners counts under each)."""
        ids = {a.id for a in actions}
        counts = Counter[str]()
        for group in self.owners:
            held = sum(a.id in ids for a in group.actions)
            if held:
                counts[group.name] += held
        return sorted(counts.items(), key=lambda item: (-item[1], fold(item[0])))

    @property
    def overdue_actions(self) -> list[Action]:
        return [a for a, _ in self.overdue]

    @property
    def goals_total(self) -> int:
        return self.totals.total

    def goal_counts(self, actions: Iterable[Action]) -> list[tuple[Goal | None, int]]:
        """How many of ``actions`` each goal section holds, in goal order (each action once)."""
        counts = Counter(a.goal for a in actions)
        keyed = [(g.goal, counts[g.goal.key if g.goal else None]) for g in self.by_goal]
        homeless = sum(n for key, n in counts.items() if key not in self.goal_names)
        rows: list[tuple[Goal | None, int]] = [(g, n) for g, n in keyed if g is not None and n]
        return [*rows, (None, homeless)] if homeless else rows

    def owner_summary(self, actions: Iterable[Action]) -> list[tuple[str | None, int]]:
        """Owners holding more than one of ``actions``, then one row (None) for the rest."""
        counts = self.owner_counts(actions)
        rows: list[tuple[str | None, int]] = [(name, n) for name, n in counts if n > 1]
        ones = sum(n for _, n in counts if n == 1)
        return [*rows, (None, ones)] if ones else rows

    def owner_rows(self) -> list[OwnerRow]:
        """The owners of more than one action, with what needs attention in each."""
        changed = {c.action.id for c in self.changes}
        overdue = {a.id for a, _ in self.overdue}
        stale = {a.id for a in self.stale}
        return [
            OwnerRow(
                g.name,
                len(g.actions),
                sum(a.id in changed for a in g.actions),
                sum(a.id in overdue for a in g.actions),
                sum(a.id in stale for a in g.actions),
            )
            for g in self.major_owners
        ]

    def status_mix(self, actions: Iterable[Action]) -> list[tuple[Status | None, int]]:
        counts = Counter(self.current(a) for a in actions)
        return [(s, counts[s]) for s in [*Status, None] if counts[s]]

    @property
    def coverage_gaps(self) -> int:
        return sum(n == 0 for _, counts in self.coverage for n in counts)

    def strategy_name(self, lang: str) -> str:
        """The strategy's name in the report's language (its own, or the English one)."""
        return name_in(self.strategy, lang)

    def goal_of(self, action: Action) -> Goal | None:
        return self.goal_names.get(action.goal) if action.goal else None

    def current(self, action: Action) -> Status | None:
        # Remembered: every format asks for each action's status several times.
        if action.id not in self._statuses:
            self._statuses[action.id] = action.status_on(self.as_of)
        return self._statuses[action.id]

    def last_update(self, action: Action) -> date | None:
        if action.id not in self._updates:
            self._updates[action.id] = action.last_update_on(self.as_of)
        return self._updates[action.id]


def build_report(
    catalogue: Catalogue,
    graph: LinkGraph,
    actions: list[Action],
    *,
    as_of: date,
    since: date | None = None,
    stale_days: int = 365,
    goal_filter: Goal | None = None,
    goal_filters: Sequence[Goal] = (),
    version: tuple[str, str] | None = None,
) -> Report:
    strategy = catalogue.strategy
    report = Report(strategy, as_of, since, stale_days, goal_filter, actions)
    report.catalogue_version = version
    report.goal_names = dict(catalogue.goals)
    goals = sorted(catalogue.goals.values(), key=lambda g: g.number)
    chosen = {g.key: g for g in [*goal_filters, *([goal_filter] if goal_filter else [])]}
    report.goal_filters = sorted(chosen.values(), key=lambda g: g.number)
    report.goal_filter = report.goal_filters[0] if len(report.goal_filters) == 1 else None
    if report.goal_filters:
        goals = sorted(report.goal_filters, key=lambda g: g.number)
    current = {a.id: a.status_on(as_of) for a in actions}

    status_counts = Counter(current[a.id] for a in actions)
    report.by_status = [(s, status_counts[s]) for s in [*Status, None] if status_counts[s]]
    term_counts = Counter(a.term for a in actions)
    report.by_term = [(t, term_counts[t]) for t in [*Term, None] if term_counts[t]]

    report.cross_cutting = [a for a in actions if a.links_all_flywheels]
    report.changes = _changes(actions, since, as_of)
    for action in actions:
        deadline = strategy.horizon(action.term)
        if deadline and as_of > deadline and current[action.id] not in DONE:
            report.overdue.append((action, deadline))
        last = action.last_update_on(as_of)
        if last is None:
            report.never_updated.append(action)
        if last is None or (as_of - last).days > stale_days:
            report.stale.append(action)

    changed = {c.action.id for c in report.changes}
    overdue = {a.id for a, _ in report.overdue}
    stale = {a.id for a in report.stale}
    report.qualities = list(catalogue.qualities.values())
    # Each action's goals, worked out once (not once per goal section).
    goals_of = {a.id: graph.goals_of(a) for a in actions}
    for goal in goals:
        reached = [a for a in actions if goal.key in goals_of[a.id]]
        report.coverage.append(
            (goal, [sum(q.key in a.qualities for a in reached) for q in report.qualities])
        )
        report.sections.append(_section(goal, reached, graph))
    # Counts per goal section: every selected action once, so the rows add up
    # (with --goal, the actions printed under other goals get their own rows).
    shown = {g.key for g in goals}
    for goal in sorted(catalogue.goals.values(), key=lambda g: g.number):
        own = [a for a in actions if a.goal == goal.key]
        if goal.key not in shown and not own:
            continue
        also = sum(a.goal != goal.key and goal.key in goals_of[a.id] for a in actions)
        report.by_goal.append(_count(goal, own, changed, overdue, stale, also=also))
    homeless = [a for a in actions if a.goal not in catalogue.goals]
    if homeless:
        report.by_goal.append(_count(None, homeless, changed, overdue, stale, also=0))
    report.totals = Totals(
        **{
            name: sum(getattr(row, name) for row in report.by_goal)
            for name in ("flywheels", "connected", "also", "changed", "overdue", "stale")
        }
    )

    report.owners = owner_groups(actions, strategy)
    report.funders = _grouped(actions, lambda a: a.funding, {})
    if catalogue.rounds:
        report.round = round_status(catalogue)
    report.unsettled_funding = [
        a for a in actions if not funding_settled(a.funding, strategy.unsettled_funding)
    ]
    return report


def _count(
    goal: Goal | None,
    own: list[Action],
    changed: set[str],
    overdue: set[str],
    stale: set[str],
    *,
    also: int,
) -> GoalCount:
    return GoalCount(
        goal,
        flywheels=sum(a.is_flywheel for a in own),
        connected=sum(not a.is_flywheel for a in own),
        also=also,
        changed=sum(a.id in changed for a in own),
        overdue=sum(a.id in overdue for a in own),
        stale=sum(a.id in stale for a in own),
    )


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
    """Progress entries dated from ``since`` (inclusive) up to ``as_of`` (inclusive)."""
    changes = []
    for action in actions:
        previous = action.status
        for entry in sorted(action.progress, key=lambda e: e.date):
            if entry.date <= as_of and (since is None or entry.date >= since):
                changes.append(Change(entry.date, action, entry, previous))
            previous = entry.status
    return sorted(changes, key=lambda c: (c.when, c.action.id))


def owner_groups(actions: list[Action], strategy: Strategy) -> list[Group]:
    """Each organisation an owner field names, with its actions; an owner field
    that names none (empty, or prose) makes a group of its own text. The owners
    of the report's "per owner" table and of a progress round's forms (one each)."""
    named = group_organisations(actions, lambda a: (a.owner,), strategy.organisations)
    groups = [Group(g.name, g.actions) for g in named]
    seen = {a.id for g in named for a in g.actions}
    groups += _grouped([a for a in actions if a.id not in seen], lambda a: a.owner, {})
    return sorted(groups, key=lambda g: (-len(g.actions), fold(g.name)))


def form_owner_groups(actions: list[Action], strategy: Strategy) -> list[Group]:
    """Actions by their whole owner field, folded and merged under the organisations'
    other names (strategy.yaml): a progress round's forms, one per owner, so that each
    action is on exactly one form (the report's owner table instead counts an action
    under every organisation its owner field names)."""
    return _grouped(actions, lambda a: a.owner, organisation_aliases(strategy.organisations))


def _grouped(
    actions: list[Action], key: Callable[[Action], str], aliases: dict[str, str]
) -> list[Group]:
    """Actions grouped by ``key``, folded and by alias; named by the alias or commonest form."""
    groups: dict[str, list[Action]] = {}
    spellings: dict[str, Counter[str]] = {}
    for action in actions:
        raw = " ".join(key(action).split())
        folded = fold(raw)
        canonical = aliases.get(folded)
        group = fold(canonical) if canonical else folded
        groups.setdefault(group, []).append(action)
        spellings.setdefault(group, Counter())[canonical or raw] += 1
    named = [Group(spellings[k].most_common(1)[0][0], members) for k, members in groups.items()]
    return sorted(named, key=lambda g: (-len(g.actions), fold(g.name)))

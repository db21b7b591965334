"""The public website as data: which pages exist and what each one shows.

``build_site_model`` computes everything ``rrs site`` publishes from a loaded
catalogue, its link graph and its findings; ``pages.py`` only lays the
pages out as HTML and ``build.py`` writes them. No HTML here.

Dates: the site shows the catalogue as it stood on ``as_of`` (``--as-of``,
default today): current statuses, passed horizons and "last changed" are all
taken on that day, and it is the only date a build writes into its pages, so
the same catalogue, language and date give the same bytes.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..catalogue import Catalogue
from ..diagnostics import Finding, Severity
from ..graph import LinkGraph
from ..i18n import Language
from ..layout import ACTIONS_DIR, GOALS_FILE, QUALITIES_FILE, STRATEGY_FILE
from ..models import Action, Goal, ProgressEntry, Quality, Status, Strategy, Term
from ..query import fold, organisation_aliases
from ..report import DONE, Report, build_report


@dataclass(frozen=True)
class LinkRow:
    """One linked action as an action page shows it."""

    action: Action
    # "both": each block names the other; "here": only this action's block names
    # it; "there": only the other block does; "all": the other action is linked
    # with every flywheel (shown once, not as a one-sided link).
    sides: str


@dataclass(frozen=True)
class ActionPage:
    action: Action
    section_goal: Goal | None
    goals_reached: list[Goal]
    links: list[LinkRow]
    current_status: Status | None
    horizon: date | None
    horizon_passed: bool
    owners: list[str]  # organisation keys
    partners: list[str]
    progress: list[ProgressEntry]  # up to as_of, oldest first
    last_update: date | None


@dataclass(frozen=True)
class GoalPage:
    goal: Goal
    flywheels: list[tuple[Action, list[Action]]]
    unattached: list[Action]
    members: list[Action]  # every action that reaches the goal
    by_status: list[tuple[Status | None, int]]


@dataclass(frozen=True)
class QualityPage:
    quality: Quality
    actions: list[Action]
    by_goal: list[tuple[Goal, int]]


@dataclass
class Organisation:
    key: str  # a slug, used in anchors and the list page's owner filter
    name: str
    spellings: list[str] = field(default_factory=list)
    owns: list[Action] = field(default_factory=list)
    partner_in: list[Action] = field(default_factory=list)


@dataclass(frozen=True)
class DataInfo:
    warnings: list[Finding]  # file paths relative to the catalogue
    version: str  # a hash of the catalogue's files
    version_kind: str  # "hash" (a git commit once; git is no longer run)
    action_count: int
    goal_count: int
    quality_count: int


@dataclass(frozen=True)
class SiteModel:
    strategy: Strategy
    lang: Language
    as_of: date
    contact: str | None
    base_url: str | None
    goals: list[GoalPage]
    actions: list[ActionPage]
    qualities: list[QualityPage]
    # goal x quality: for each goal, how many of its actions have each quality
    matrix: list[tuple[Goal, list[int]]]
    organisations: list[Organisation]
    by_status: list[tuple[Status | None, int]]
    by_term: list[tuple[Term | None, int]]
    by_goal: list[tuple[Goal, int, int]]  # flywheels, connected actions
    last_change: date | None
    data: DataInfo
    report: Report
    cross_cutting: list[Action]  # connected actions linked with every flywheel

    @property
    def catalogue_language(self) -> str:
        return self.strategy.language


_SPLIT = re.compile(r"\s*(?:[,;/&+]|\s(?:en|and)\s)\s*", re.IGNORECASE)
_NON_WORD = re.compile(r"[\W_]+")


def slug(text: str) -> str:
    """A stable, URL- and attribute-safe key for ``text`` (folded)."""
    out = _NON_WORD.sub("-", fold(text)).strip("-")
    if not out:
        out = "org-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return out


def organisation_names(text: str) -> list[str]:
    """The organisations an owner or partners field names, as printed."""
    return [p.strip(" .") for p in _SPLIT.split(text) if p.strip(" .")]


class _Organisations:
    """Groups owner/partner names case-, accent- and space-insensitively and by alias."""

    def __init__(self, strategy: Strategy) -> None:
        self.alias = organisation_aliases(strategy.organisations)
        self.by_key: dict[str, Organisation] = {}
        self._spellings: dict[str, Counter[str]] = {}

    def keys(self, text: str, action: Action, *, owner: bool) -> list[str]:
        keys: list[str] = []
        for name in organisation_names(text):
            canonical = self.alias.get(fold(name))
            key = slug(canonical or name)
            org = self.by_key.get(key)
            if org is None:
                org = self.by_key[key] = Organisation(key, canonical or name)
                self._spellings[key] = Counter()
            self._spellings[key][name] += 1
            target = org.owns if owner else org.partner_in
            if not target or target[-1] is not action:
                target.append(action)
            if key not in keys:
                keys.append(key)
        return keys

    def result(self) -> list[Organisation]:
        for key, org in self.by_key.items():
            counts = self._spellings[key]
            org.spellings = sorted(counts, key=lambda s: (-counts[s], s))
            if fold(org.name) not in self.alias:  # no alias: the most used spelling
                org.name = org.spellings[0]
        return sorted(self.by_key.values(), key=lambda o: (fold(o.name), o.key))


def build_site_model(
    catalogue: Catalogue,
    graph: LinkGraph,
    findings: list[Finding],
    *,
    lang: Language,
    as_of: date,
    contact: str | None = None,
    base_url: str | None = None,
) -> SiteModel:
    strategy = catalogue.strategy
    actions = list(catalogue.actions.values())
    report = build_report(catalogue, graph, actions, as_of=as_of)
    goals = sorted(catalogue.goals.values(), key=lambda g: g.number)
    orgs = _Organisations(strategy)
    goals_of = {a.id: graph.goals_of(a) for a in actions}

    pages: list[ActionPage] = []
    for action in actions:
        horizon = strategy.horizon(action.term)
        now = action.status_on(as_of)
        pages.append(
            ActionPage(
                action=action,
                section_goal=catalogue.goals.get(action.goal) if action.goal else None,
                goals_reached=[
                    catalogue.goals[k] for k in goals_of[action.id] if k in catalogue.goals
                ],
                links=_links(graph, action),
                current_status=now,
                horizon=horizon,
                horizon_passed=horizon is not None and as_of > horizon,
                owners=orgs.keys(action.owner, action, owner=True),
                partners=orgs.keys(action.partners, action, owner=False),
                progress=sorted(
                    (e for e in action.progress if e.date <= as_of), key=lambda e: e.date
                ),
                last_update=action.last_update_on(as_of),
            )
        )
    current: dict[str, Status | None] = {p.action.id: p.current_status for p in pages}

    goal_pages = []
    for section in report.sections:
        members = [a for a in actions if section.goal.key in goals_of[a.id]]
        goal_pages.append(
            GoalPage(
                goal=section.goal,
                flywheels=section.flywheels,
                unattached=section.unattached,
                members=members,
                by_status=_status_counts(members, current),
            )
        )

    quality_pages = []
    for quality in catalogue.qualities.values():
        having = [a for a in actions if quality.key in a.qualities]
        by_goal = [(g, sum(g.key in goals_of[a.id] for a in having)) for g in goals]
        quality_pages.append(QualityPage(quality, having, by_goal))

    last_change = max((p.last_update for p in pages if p.last_update), default=None)
    warnings = [_relative(f, catalogue.root) for f in findings if f.severity is Severity.WARNING]
    version, kind = catalogue_version(catalogue.root)
    return SiteModel(
        strategy=strategy,
        lang=lang,
        as_of=as_of,
        contact=contact or strategy.contact,
        base_url=base_url,
        goals=goal_pages,
        actions=pages,
        qualities=quality_pages,
        matrix=report.coverage,
        organisations=orgs.result(),
        by_status=_status_counts(actions, current),
        by_term=_term_counts(actions),
        by_goal=[
            (
                page.goal,
                sum(a.is_flywheel for a in page.members),
                sum(not a.is_flywheel for a in page.members),
            )
            for page in goal_pages
        ],
        last_change=last_change,
        data=DataInfo(
            warnings=warnings,
            version=version,
            version_kind=kind,
            action_count=len(actions),
            goal_count=len(goals),
            quality_count=len(catalogue.qualities),
        ),
        report=report,
        cross_cutting=report.cross_cutting,
    )


def _links(graph: LinkGraph, action: Action) -> list[LinkRow]:
    """The printed links of ``action``. "All flywheels" is one mark (the action
    page says it once, and the network page lists such actions once): listing
    every flywheel on such an action's page, and every such action on each
    flywheel's page, would make the site grow with actions x flywheels."""
    rows = []
    for other in graph.linked(action.id, implicit=False):
        here = graph.names(action.id, other.id)
        there = graph.names(other.id, action.id)
        if other.links_all_flywheels and not here:
            sides = "all"
        elif here and there:
            sides = "both"
        else:
            sides = "here" if here else "there"
        rows.append(LinkRow(other, sides))
    return rows


def _status_counts(
    actions: list[Action], current: dict[str, Status | None]
) -> list[tuple[Status | None, int]]:
    counts = Counter(current[a.id] for a in actions)
    order: list[Status | None] = [*Status, None]
    return [(s, counts[s]) for s in order if counts[s]]


def _term_counts(actions: list[Action]) -> list[tuple[Term | None, int]]:
    counts = Counter(a.term for a in actions)
    order: list[Term | None] = [*Term, None]
    return [(t, counts[t]) for t in order if counts[t]]


def is_done(status: Status | None) -> bool:
    return status in DONE


def _relative(item: Finding, root: Path) -> Finding:
    """The finding with its file named relative to the catalogue (no build paths in pages)."""
    try:
        name = Path(item.file).resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        name = Path(item.file).name
    return Finding(name, item.line, item.column, item.code, item.message, item.field, item.severity)


def catalogue_version(root: Path) -> tuple[str, str]:
    """A hash of the catalogue files' names and content: the same files, the same version.

    Not a git commit: whether a checkout is clean takes ``git status``, which
    runs what the repository's configuration names (an fsmonitor command); rrs
    site runs no program but the search indexer.
    """
    digest = hashlib.sha256()
    for path in sorted(_catalogue_files(root)):
        digest.update(path.relative_to(root).as_posix().encode("utf-8", "surrogateescape"))
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16], "hash"


def _catalogue_files(root: Path) -> list[Path]:
    files = [root / n for n in (STRATEGY_FILE, GOALS_FILE, QUALITIES_FILE)]
    actions = root / ACTIONS_DIR
    if actions.is_dir():
        files += [p for p in actions.iterdir() if p.suffix == ".yaml"]
    return [p for p in files if p.is_file() and not p.is_symlink()]

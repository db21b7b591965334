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

import dataclasses
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..catalogue import Catalogue
from ..diagnostics import Finding, Severity
from ..graph import LinkGraph
from ..i18n import Language
from ..layout import ACTIONS_DIR, GOALS_FILE, QUALITIES_FILE, STRATEGY_FILE
from ..models import Action, Goal, ProgressEntry, Quality, Status, Strategy, Term
from ..query import (
    alias_index,
    fold,
    group_organisations,
    organisation_group_key,
    organisation_names,
)
from ..report import DONE, Report, build_report


@dataclass(frozen=True)
class LinkRow:
    """One linked action as an action page shows it."""

    action: Action
    # As printed: "both": each block names the other; "here": only this
    # action's block names it; "there": only the other block does; "all": the
    # other action is linked with every flywheel (shown once, not as a one-sided
    # link); "none": neither prints it (both namings are inferred).
    sides: str
    # A naming the strategy does not print but the catalogue infers
    # (links_inferred): by this action's file, by the other action's file.
    inferred_here: bool = False
    inferred_there: bool = False


@dataclass(frozen=True)
class KnownIssue:
    """One known inconsistency of the source, to be told in a reader's words.

    ``kind`` is a finding's code (RRS101, ...) or "inferred" (a link the strategy
    does not print); ``other`` is the other action it involves, when there is one.
    """

    kind: str
    action_id: str
    other: str = ""


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
    # Each organisation the owner / partners text names: (as printed, its key).
    owner_names: list[tuple[str, str]]
    partner_names: list[tuple[str, str]]
    progress: list[ProgressEntry]  # up to as_of, oldest first
    last_update: date | None
    # The term has ended (horizon passed) and the action is neither completed nor stopped.
    overdue: bool = False
    issues: list[KnownIssue] = field(default_factory=list)


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
    # Every finding, file paths relative to the catalogue: for the downloadable
    # findings table only; pages show ``issues`` in readers' words.
    findings: list[Finding]
    issues: list[KnownIssue]  # the accepted findings and the inferred links
    unaccepted: int  # warnings nobody has judged yet (none in a published catalogue)
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
    # Past their term without any progress entry, and without any at all.
    overdue_without_update: int = 0
    never_updated: int = 0

    @property
    def catalogue_language(self) -> str:
        return self.strategy.language


_NON_WORD = re.compile(r"[\W_]+")


def slug(text: str) -> str:
    """A stable, URL- and attribute-safe key for ``text`` (folded)."""
    out = _NON_WORD.sub("-", fold(text)).strip("-")
    if not out:
        out = "org-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return out


def _organisations(
    actions: list[Action], strategy: Strategy
) -> tuple[list[Organisation], dict[str, str]]:
    """Owners and partners by the one rule the CLI and the report use
    (``query.group_organisations``), each organisation with both roles; and
    each organisation's page key by its group key."""
    orgs = strategy.organisations
    owners = group_organisations(actions, lambda a: (a.owner,), orgs)
    partners = group_organisations(actions, lambda a: (a.partners,), orgs)
    by_key: dict[str, Organisation] = {}
    spellings: dict[str, Counter[str]] = {}
    for groups, owner in ((owners, True), (partners, False)):
        for group in groups:
            org = by_key.get(group.key)
            if org is None:
                org = by_key[group.key] = Organisation(slug(group.name), group.name)
                spellings[group.key] = Counter()
            spellings[group.key].update(group.spellings)
            (org.owns if owner else org.partner_in).extend(group.actions)
    taken: set[str] = set()
    for key, org in by_key.items():
        counts = spellings[key]
        org.spellings = sorted(counts, key=lambda s: (-counts[s], s))
        while org.key in taken:  # two names with one slug ("a.b" and "a-b")
            org.key += "-" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:4]
        taken.add(org.key)
    ordered = sorted(by_key.values(), key=lambda o: (fold(o.name), o.key))
    return ordered, {key: org.key for key, org in by_key.items()}


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
    version, kind = catalogue_version(catalogue.root)
    report = build_report(catalogue, graph, actions, as_of=as_of, version=(version, kind))
    goals = sorted(catalogue.goals.values(), key=lambda g: g.number)
    organisations, slug_of = _organisations(actions, strategy)
    keys_of = _organisation_keys(organisations)

    index = alias_index(strategy.organisations)

    def named(text: str) -> list[tuple[str, str]]:
        return [
            (name, slug_of[organisation_group_key(name, strategy.organisations, index)])
            for name in organisation_names(text)
        ]

    goals_of = {a.id: graph.goals_of(a) for a in actions}
    relative = [_relative(f, catalogue.root) for f in findings]
    issues = known_issues(catalogue, relative)
    issues_of: dict[str, list[KnownIssue]] = {}
    for issue in issues:
        issues_of.setdefault(issue.action_id, []).append(issue)

    pages: list[ActionPage] = []
    for action in actions:
        horizon = strategy.horizon(action.term)
        now = action.status_on(as_of)
        passed = horizon is not None and as_of > horizon
        pages.append(
            ActionPage(
                action=action,
                section_goal=catalogue.goals.get(action.goal) if action.goal else None,
                goals_reached=[
                    catalogue.goals[k] for k in goals_of[action.id] if k in catalogue.goals
                ],
                links=_links(catalogue, graph, action),
                current_status=now,
                horizon=horizon,
                horizon_passed=passed,
                owners=keys_of[("owner", action.id)],
                partners=keys_of[("partner", action.id)],
                owner_names=named(action.owner),
                partner_names=named(action.partners),
                progress=sorted(
                    (e for e in action.progress if e.date <= as_of), key=lambda e: e.date
                ),
                last_update=action.last_update_on(as_of),
                overdue=passed and now not in DONE,
                issues=issues_of.get(action.id, []),
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
    warnings = [f for f in relative if f.severity is Severity.WARNING]
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
        organisations=organisations,
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
            findings=relative,
            issues=issues,
            unaccepted=sum(f.accepted is None for f in warnings),
            action_count=len(actions),
            goal_count=len(goals),
            quality_count=len(catalogue.qualities),
        ),
        report=report,
        cross_cutting=report.cross_cutting,
        overdue_without_update=sum(p.overdue and p.last_update is None for p in pages),
        never_updated=sum(p.last_update is None for p in pages),
    )


def _organisation_keys(organisations: list[Organisation]) -> dict[tuple[str, str], list[str]]:
    """("owner" or "partner", action id) -> the keys of the organisations it names."""
    keys: dict[tuple[str, str], list[str]] = defaultdict(list)
    for org in organisations:
        for action in org.owns:
            keys[("owner", action.id)].append(org.key)
        for action in org.partner_in:
            keys[("partner", action.id)].append(org.key)
    return keys


# The kinds of finding told in readers' words on the site (i18n "issue.<code>");
# any other code is told as "a point the check found" (issue.other).
TOLD_KINDS = ("RRS101", "RRS102", "RRS103", "RRS104", "RRS106", "RRS107")
_INDEX = re.compile(r"\[(\d+)\]")


def known_issues(catalogue: Catalogue, findings: list[Finding]) -> list[KnownIssue]:
    """The accepted findings about actions and the inferred links, in catalogue order.

    A catalogue publishes only after judging its warnings (accepted.yaml); a
    warning not yet judged is counted on the data page, not told as a fact.
    """
    by_file = {path.name: action_id for action_id, path in catalogue.action_files.items()}
    issues: list[KnownIssue] = []
    for item in findings:
        action_id = by_file.get(Path(item.file).name)
        if item.accepted is None or action_id is None:
            continue
        action = catalogue.actions.get(action_id)
        kind = item.code if item.code in TOLD_KINDS else "other"
        other = ""
        index = _INDEX.search(item.field) if item.field.startswith("links[") else None
        if action is not None and index and int(index.group(1)) < len(action.links):
            other = action.links[int(index.group(1))]
        issues.append(KnownIssue(kind, action_id, other))
    for action in catalogue.actions.values():
        for target in dict.fromkeys(action.links_inferred):
            issues.append(KnownIssue("inferred", action.id, target))
    order = {action_id: n for n, action_id in enumerate(catalogue.actions)}
    return sorted(issues, key=lambda i: (order.get(i.action_id, len(order)), i.kind, i.other))


def _links(catalogue: Catalogue, graph: LinkGraph, action: Action) -> list[LinkRow]:
    """The printed and inferred links of ``action``. "All flywheels" is one mark
    (the action page says it once, and the network page lists such actions once):
    listing every flywheel on such an action's page, and every such action on each
    flywheel's page, would make the site grow with actions x flywheels."""
    rows = []
    for other in graph.linked(action.id, implicit=False):
        named_here = graph.names(action.id, other.id)
        named_there = graph.names(other.id, action.id)
        inferred_here = named_here and other.id in action.links_inferred
        inferred_there = named_there and action.id in other.links_inferred
        here = named_here and not inferred_here
        there = named_there and not inferred_there
        if other.links_all_flywheels and not named_here:
            sides = "all"
        elif here and there:
            sides = "both"
        elif here or there:
            sides = "here" if here else "there"
        else:
            sides = "none"
        rows.append(LinkRow(other, sides, inferred_here, inferred_there))
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
    return dataclasses.replace(item, file=name)


def catalogue_version(root: Path) -> tuple[str, str]:
    """A hash of the catalogue files' names and content: the same files, the same version.

    Not a git commit: whether a checkout is clean takes ``git status``, which
    runs what the repository's configuration names (an fsmonitor command); rrs
    site runs no program but the search indexer. The printed report names it;
    the public pages do not (it is of use to the steering group, not a reader).
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

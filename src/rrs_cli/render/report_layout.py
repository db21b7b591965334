"""The progress report's one layout: what it says, in which order, in the reader's language.

:func:`layout` turns a :class:`~rrs_cli.report.Report` (the numbers) into a
:class:`Document`: sections with headings, paragraphs, lists, tables and
charts, every label already in ``lang`` and every cell already worded. The
Markdown renderer (``render/report.py``) and the HTML templates
(``report_body.html``, the site's report parts) only draw this document, so
the two formats cannot say different things; ``tests/test_report_layout.py``
checks that they do not.

Text here is plain and unescaped (catalogue text as written): each renderer
escapes it for its own format.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar, Literal

from ..i18n import Language, format_date, status_label, term_label, text
from ..models import Action, Goal
from ..report import Change, Group, Report


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell. ``lead`` is shown in bold before ``text`` (an action's id before
    its title); ``action`` names the action the cell stands for (the site links it)."""

    text: str = ""
    lead: str = ""
    strong: bool = False
    number: bool = False
    day: date | None = None  # the cell is this date (``text`` is how it is written)
    action: str | None = None
    ids: tuple[str, ...] = ()  # a list of action ids (``text``: what to show for none)
    gap: bool = False  # a count of nothing where something could be (coverage)

    def __post_init__(self) -> None:
        # A cell is one line in every format: line breaks of any kind become spaces.
        object.__setattr__(self, "text", _line(self.text))
        object.__setattr__(self, "lead", _line(self.lead))


@dataclass(frozen=True, slots=True)
class Column:
    label: str
    number: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "label", _line(self.label))


@dataclass(frozen=True)
class Table:
    shape: ClassVar[str] = "table"

    kind: str  # what the table lists, also its HTML class: counts, actions, owners, ...
    columns: list[Column]
    rows: list[list[Cell]]
    total: list[Cell] | None = None  # a totals row, drawn apart from the rows
    row_header: int = 0  # the cell that names its row
    title: str = ""  # a table's own heading inside a group (a flywheel action)
    wide: bool = False  # may be wider than the page on a small screen (scrolls there)


@dataclass(frozen=True)
class Paragraph:
    shape: ClassVar[str] = "paragraph"

    text: str
    style: Literal["", "caption", "note", "tagline"] = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", _line(self.text))


@dataclass(frozen=True)
class Bullets:
    shape: ClassVar[str] = "bullets"

    items: list[str]


@dataclass(frozen=True)
class Chart:
    """The numbers of the table before it, drawn (Mermaid pie, SVG bars)."""

    shape: ClassVar[str] = "chart"

    id: str
    title: str
    items: list[tuple[str, int]]


@dataclass(frozen=True)
class TableGroup:
    """Tables of the same columns, each under its own ``title`` (one per flywheel action)."""

    shape: ClassVar[str] = "group"

    tables: list[Table]


Block = Paragraph | Bullets | Table | Chart | TableGroup


@dataclass(frozen=True)
class Section:
    shape: ClassVar[str] = "section"

    id: str
    level: int  # 2 for the report's parts, 3 and 4 below them
    title: str
    blocks: list[Block | Section] = field(default_factory=list)
    kind: str = ""  # "goal": one goal's actions

    def __post_init__(self) -> None:
        object.__setattr__(self, "title", _line(self.title))

    @property
    def subsections(self) -> list[Section]:
        return [b for b in self.blocks if isinstance(b, Section)]


@dataclass(frozen=True)
class Document:
    lang: Language
    title: str
    meta: list[str]  # the header line: reference date, period, scope
    baseline: str
    sections: list[Section]
    contact: str | None


def layout(report: Report, lang: Language) -> Document:
    return _Layout(report, lang).document()


class _Layout:
    def __init__(self, report: Report, lang: Language) -> None:
        self.report = report
        self.lang = lang
        self.none = self.t("value.none")

    def t(self, key: str, **fields: object) -> str:
        return text(key, self.lang, **fields)

    # -- words ---------------------------------------------------------------------

    def goal_name(self, goal: Goal | None) -> str:
        if goal is None:
            return self.t("report.no_goal")
        name = goal.name_nl if self.lang == "nl" else goal.name_en
        return self.t("report.goal_name", number=goal.number, name=name)

    def listing(self, items: list[str]) -> str:
        """``items`` as a list in a sentence: "a, b and c"."""
        if len(items) < 2:
            return "".join(items)
        return f"{', '.join(items[:-1])} {self.t('report.and')} {items[-1]}"

    def year(self) -> str:
        year = self.report.strategy.year
        return str(year) if year is not None else self.none

    def or_none(self, value: str, empty: str = "value.none") -> str:
        return value if value.strip() else self.t(empty)

    def owner(self, name: str | None) -> str:
        if name is None:
            return self.t("report.other_owners")
        return self.or_none(name, "report.no_owner")

    def day(self, day: date | None) -> Cell:
        if day is None:
            return Cell(self.t("report.never"))
        return Cell(day.isoformat(), day=day)

    def status(self, action: Action) -> str:
        return status_label(self.report.current(action), self.lang)

    # -- the document --------------------------------------------------------------

    def document(self) -> Document:
        report = self.report
        meta = [self.t("report.as_of", date=format_date(report.as_of, self.lang))]
        if report.since:
            meta.append(
                self.t(
                    "report.period",
                    since=format_date(report.since, self.lang),
                    as_of=format_date(report.as_of, self.lang),
                )
            )
        meta.append(self.scope())
        return Document(
            self.lang,
            self.t("report.title", name=report.strategy_name(self.lang)),
            meta,
            self.t("report.baseline_note", year=self.year()),
            [
                self.summary(),
                self.overview(),
                self.changes(),
                self.attention(),
                self.goals(),
                self.coverage(),
                self.owners(),
                self.funding(),
                self.appendix(),
            ],
            report.strategy.contact,
        )

    def scope(self) -> str:
        goals = self.report.scope_goals
        count = len(self.report.actions)
        if len(goals) == 1:
            return self.t("report.scope_goal", count=count, goal=self.goal_name(goals[0]))
        if goals:
            names = ", ".join(self.goal_name(g) for g in goals)
            return self.t("report.scope_goals", count=count, goals=names)
        return self.t("report.scope_all", count=count)

    # -- lead: what needs a decision -----------------------------------------------

    def summary(self) -> Section:
        report = self.report
        total = len(report.actions)
        if report.changes:
            changes = self.t(
                "report.summary.changes" if report.since else "report.summary.all_changes",
                entries=len(report.changes),
                actions=report.changed_actions,
                status_changes=report.status_changes,
            )
        else:
            changes = self.t(
                "report.summary.no_changes" if report.since else "report.summary.no_changes_ever"
            )
        bullets = Bullets(
            [
                changes,
                self.t("report.summary.overdue", count=len(report.overdue), total=total),
                self.t(
                    "report.summary.stale",
                    count=len(report.stale),
                    total=total,
                    days=report.stale_days,
                    never=len(report.never_updated),
                ),
                self.t("report.summary.funding", count=len(report.unsettled_funding)),
            ]
        )
        attention = [
            Column(self.t("report.col.actions"), number=True),
            Column(self.t("report.col.changed"), number=True),
            Column(self.t("report.col.overdue"), number=True),
            Column(self.t("report.col.stale"), number=True),
        ]
        totals = report.totals
        per_goal = Table(
            "counts",
            [Column(self.t("field.goal")), *attention],
            [
                [Cell(self.goal_name(g.goal)), *_numbers(g.total, g.changed, g.overdue, g.stale)]
                for g in report.by_goal
            ],
            total=[
                Cell(self.t("report.total"), strong=True),
                *_numbers(totals.total, totals.changed, totals.overdue, totals.stale),
            ],
        )
        per_owner = Table(
            "counts",
            [Column(self.t("field.owner")), *attention],
            [
                [Cell(self.owner(r.name)), *_numbers(r.actions, r.changed, r.overdue, r.stale)]
                for r in report.owner_rows()
            ],
        )
        return Section(
            "rrs-summary",
            2,
            self.t("report.summary"),
            [
                bullets,
                Paragraph(self.t("report.summary.decide")),
                Section("rrs-summary-goals", 3, self.t("report.per_goal"), [per_goal]),
                Section(
                    "rrs-summary-owners",
                    3,
                    self.t("report.per_owner"),
                    [per_owner, Paragraph(self.owner_caption(), "caption")],
                ),
            ],
        )

    def owner_caption(self) -> str:
        return self.t("report.per_owner.caption", others=len(self.report.minor_owners))

    # -- overview charts -------------------------------------------------------------

    def overview(self) -> Section:
        report = self.report
        statuses = [(status_label(s, self.lang), n) for s, n in report.by_status]
        terms = [(term_label(term, self.lang), n) for term, n in report.by_term]
        totals = report.totals
        by_goal = Table(
            "counts",
            [
                Column(self.t("field.goal")),
                Column(self.t("kind.flywheel.plural"), number=True),
                Column(self.t("kind.connected.plural"), number=True),
                Column(self.t("report.col.total"), number=True),
                Column(self.t("report.col.also"), number=True),
            ],
            [
                [Cell(self.goal_name(g.goal)), *_numbers(g.flywheels, g.connected, g.total, g.also)]
                for g in report.by_goal
            ],
            total=[
                Cell(self.t("report.total"), strong=True),
                *_numbers(totals.flywheels, totals.connected, totals.total, totals.also),
            ],
        )
        goal_items = [
            (
                self.t("report.goal_short", number=g.goal.number)
                if g.goal
                else self.t("report.no_goal"),
                g.total,
            )
            for g in report.by_goal
            if g.total
        ]
        return Section(
            "rrs-overview",
            2,
            self.t("report.overview"),
            [
                Section(
                    "rrs-overview-status",
                    3,
                    self.t("report.by_status"),
                    [
                        self.count_table(self.t("field.current_status"), statuses),
                        Chart("rrs-chart-status", self.t("report.chart.status"), statuses),
                    ],
                ),
                Section(
                    "rrs-overview-goal",
                    3,
                    self.t("report.by_goal"),
                    [
                        by_goal,
                        Paragraph(
                            self.t("report.per_goal.caption", total=totals.total, also=totals.also),
                            "caption",
                        ),
                        Chart("rrs-chart-goal", self.t("report.chart.goal"), goal_items),
                    ],
                ),
                Section(
                    "rrs-overview-term",
                    3,
                    self.t("report.by_term"),
                    [
                        self.count_table(self.t("field.term"), terms),
                        Chart("rrs-chart-term", self.t("report.chart.term"), terms),
                    ],
                ),
            ],
        )

    def count_table(self, label: str, items: Iterable[tuple[str, int]]) -> Table:
        return Table(
            "counts",
            [Column(label), Column(self.t("report.col.actions"), number=True)],
            [[Cell(name), Cell(str(n), number=True)] for name, n in items],
        )

    # -- the period's changes --------------------------------------------------------

    def changes(self) -> Section:
        report = self.report
        title = self.t("report.changes" if report.since else "report.changes_all")
        if not report.changes:
            key = "report.changes.none" if report.since else "report.summary.no_changes_ever"
            return Section("rrs-changes", 2, title, [Paragraph(self.t(key))])
        table = Table(
            "changes",
            [
                Column(self.t("field.date")),
                Column(self.t("report.col.action")),
                Column(self.t("report.col.change")),
                Column(self.t("field.note")),
                Column(self.t("field.by")),
            ],
            [self.change_row(c) for c in report.changes],
            row_header=1,
        )
        return Section("rrs-changes", 2, title, [table])

    def change_row(self, change: Change) -> list[Cell]:
        action = change.action
        after = status_label(change.entry.status, self.lang)
        if change.status_changed:
            what = f"{status_label(change.previous, self.lang)} → {after}"
        else:
            what = self.t("report.unchanged", status=after)
        return [
            self.day(change.when),
            Cell(action.title, lead=action.id, action=action.id),
            Cell(what),
            Cell(self.or_none(change.entry.note)),
            Cell(self.or_none(change.entry.by or "")),
        ]

    # -- attention, counted; the lists are in the appendix ----------------------------

    def attention(self) -> Section:
        report = self.report
        parts = []
        for number, (heading, actions, appendix) in enumerate(
            (
                (
                    self.t("report.overdue", count=len(report.overdue)),
                    report.overdue_actions,
                    self.t("report.appendix.overdue"),
                ),
                (
                    self.t("report.stale", days=report.stale_days, count=len(report.stale)),
                    report.stale,
                    self.t("report.appendix.stale"),
                ),
            ),
            1,
        ):
            blocks: list[Block | Section] = []
            if not actions:
                blocks.append(Paragraph(self.t("report.none")))
            else:
                count = Column(self.t("report.col.count"), number=True)
                goals = [
                    [Cell(self.goal_name(g)), Cell(str(n), number=True)]
                    for g, n in report.goal_counts(actions)
                ]
                owners = [
                    [Cell(self.owner(name)), Cell(str(n), number=True)]
                    for name, n in report.owner_summary(actions)
                ]
                blocks += [
                    Table("counts", [Column(self.t("field.goal")), count], goals),
                    Table("counts", [Column(self.t("field.owner")), count], owners),
                    Paragraph(self.t("report.see_appendix", section=appendix), "caption"),
                ]
            parts.append(Section(f"rrs-attention-{number}", 3, heading, blocks))
        return Section("rrs-attention", 2, self.t("report.attention"), list(parts))

    # -- detail per goal ---------------------------------------------------------------

    def action_columns(self) -> list[Column]:
        return [
            Column(self.t("field.id")),
            Column(self.t("field.title")),
            Column(self.t("report.col.baseline", year=self.year())),
            Column(self.t("field.current_status")),
            Column(self.t("field.term")),
            Column(self.t("field.last_update")),
        ]

    def action_row(self, action: Action) -> list[Cell]:
        return [
            Cell(action.id, strong=action.is_flywheel, action=action.id),
            Cell(self.or_none(action.title)),
            Cell(status_label(action.status, self.lang)),
            Cell(self.status(action)),
            Cell(term_label(action.term, self.lang)),
            self.day(self.report.last_update(action)),
        ]

    def action_table(self, actions: Sequence[Action], title: str = "") -> Table:
        rows = [self.action_row(a) for a in actions]
        return Table("actions", self.action_columns(), rows, title=title)

    def goals(self) -> Section:
        report = self.report
        sections: list[Block | Section] = []
        for number, section in enumerate(report.sections, 1):
            blocks: list[Block | Section] = []
            if section.goal.tagline:
                blocks.append(Paragraph(section.goal.tagline, "tagline"))
            if not section.flywheels and not section.unattached:
                blocks.append(Paragraph(self.t("report.no_actions")))
            tables = [
                self.action_table(
                    [flywheel, *connected],
                    self.t("report.flywheel_heading", id=flywheel.id, title=flywheel.title),
                )
                for flywheel, connected in section.flywheels
            ]
            if section.unattached:
                tables.append(self.action_table(section.unattached, self.t("report.unattached")))
            if tables:
                blocks.append(TableGroup(tables))
            sections.append(
                Section(f"rrs-goal-{number}", 3, self.goal_name(section.goal), blocks, "goal")
            )
        if report.cross_cutting:
            sections.append(
                Section(
                    "rrs-cross-cutting",
                    3,
                    self.t("report.cross_cutting"),
                    [self.action_table(report.cross_cutting)],
                )
            )
        return Section("rrs-goals", 2, self.t("report.goals"), sections)

    # -- coverage, owners, funding ---------------------------------------------------

    def coverage(self) -> Section:
        report = self.report
        names = [q.name_nl if self.lang == "nl" else q.name_en for q in report.qualities]
        table = Table(
            "coverage",
            [Column(self.t("field.goal")), *[Column(name, number=True) for name in names]],
            [
                [
                    Cell(self.goal_name(goal)),
                    *[Cell(str(n) if n else "—", number=True, gap=not n) for n in counts],
                ]
                for goal, counts in report.coverage
            ],
            wide=True,
        )
        total = len(report.coverage) * len(report.qualities)
        return Section(
            "rrs-coverage",
            2,
            self.t("report.coverage"),
            [
                Paragraph(self.t("report.coverage.caption"), "caption"),
                table,
                Paragraph(self.t("report.coverage.gaps", gaps=report.coverage_gaps, total=total)),
            ],
        )

    def owner_table(self, groups: list[Group]) -> Table:
        return Table(
            "owners",
            [
                Column(self.t("field.owner")),
                Column(self.t("report.col.actions")),
                Column(self.t("report.col.statuses")),
            ],
            [
                [
                    Cell(self.owner(group.name)),
                    Cell(self.none, ids=tuple(a.id for a in group.actions)),
                    Cell(
                        ", ".join(
                            f"{status_label(s, self.lang)} {n}"
                            for s, n in self.report.status_mix(group.actions)
                        )
                    ),
                ]
                for group in groups
            ],
        )

    def owners(self) -> Section:
        return Section(
            "rrs-owners",
            2,
            self.t("report.owners"),
            [
                self.owner_table(self.report.major_owners),
                Paragraph(self.owner_caption(), "caption"),
            ],
        )

    def id_cell(self, action: Action) -> Cell:
        return Cell(action.id, strong=True, action=action.id)

    def funding(self) -> Section:
        report = self.report
        blocks: list[Block | Section] = []
        if report.strategy.unsettled_funding:
            words = [f"‘{w}’" for w in report.strategy.unsettled_funding]
            listed = self.listing([self.t("report.funding.empty"), *words])
            blocks.append(Paragraph(self.t("report.funding.unsettled_words", words=listed)))
        if report.unsettled_funding:
            blocks.append(
                Table(
                    "funding",
                    [
                        Column(self.t("field.id")),
                        Column(self.t("field.title")),
                        Column(self.t("field.funding")),
                    ],
                    [
                        [
                            self.id_cell(a),
                            Cell(self.or_none(a.title)),
                            Cell(self.or_none(a.funding)),
                        ]
                        for a in report.unsettled_funding
                    ],
                )
            )
        else:
            blocks.append(Paragraph(self.t("report.none")))
        unsettled = self.t("report.funding.unsettled", count=len(report.unsettled_funding))
        return Section(
            "rrs-funding",
            2,
            self.t("report.funding"),
            [
                Paragraph(self.t("report.funding.note"), "note"),
                Section("rrs-funding-unsettled", 3, unsettled, blocks),
                Paragraph(
                    self.t("report.see_appendix", section=self.t("report.appendix.funding")),
                    "caption",
                ),
            ],
        )

    # -- appendix: the full lists ------------------------------------------------------

    def appendix(self) -> Section:
        report = self.report
        overdue: Block = Paragraph(self.t("report.none"))
        if report.overdue:
            overdue = Table(
                "actions",
                [
                    Column(self.t("field.id")),
                    Column(self.t("field.title")),
                    Column(self.t("field.owner")),
                    Column(self.t("field.term")),
                    Column(self.t("report.col.horizon")),
                    Column(self.t("field.current_status")),
                ],
                [
                    [
                        self.id_cell(a),
                        Cell(self.or_none(a.title)),
                        Cell(self.or_none(a.owner, "report.no_owner")),
                        Cell(term_label(a.term, self.lang)),
                        self.day(deadline),
                        Cell(self.status(a)),
                    ]
                    for a, deadline in report.overdue
                ],
            )
        stale: Block = Paragraph(self.t("report.none"))
        if report.stale:
            stale = Table(
                "actions",
                [
                    Column(self.t("field.id")),
                    Column(self.t("field.title")),
                    Column(self.t("field.owner")),
                    Column(self.t("field.last_update")),
                    Column(self.t("field.current_status")),
                ],
                [
                    [
                        self.id_cell(a),
                        Cell(self.or_none(a.title)),
                        Cell(self.or_none(a.owner, "report.no_owner")),
                        self.day(report.last_update(a)),
                        Cell(self.status(a)),
                    ]
                    for a in report.stale
                ],
            )
        funders = Table(
            "funding",
            [Column(self.t("field.funding")), Column(self.t("report.col.actions"))],
            [
                [
                    Cell(self.or_none(g.name, "report.no_funding")),
                    Cell(self.none, ids=tuple(a.id for a in g.actions)),
                ]
                for g in report.funders
            ],
        )
        return Section(
            "rrs-appendix",
            2,
            self.t("report.appendix"),
            [
                Section("rrs-appendix-overdue", 3, self.t("report.appendix.overdue"), [overdue]),
                Section("rrs-appendix-stale", 3, self.t("report.appendix.stale"), [stale]),
                Section(
                    "rrs-appendix-owners",
                    3,
                    self.t("report.appendix.owners"),
                    [self.owner_table(report.owners)],
                ),
                Section(
                    "rrs-appendix-funding",
                    3,
                    self.t("report.appendix.funding"),
                    [Paragraph(self.t("report.funding.note")), funders],
                ),
            ],
            "appendix",
        )


def _line(text: str) -> str:
    """``text`` on one line: every line break (of any kind) and run of spaces one space."""
    return " ".join(text.split())


def _numbers(*values: int) -> list[Cell]:
    return [Cell(str(v), number=True) for v in values]

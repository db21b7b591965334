"""The progress report's one layout: what it says, in which order, in the reader's language.

:func:`layout` turns a :class:`~rrs_cli.report.Report` (the numbers) into a
:class:`~rrs_cli.render.report_document.Document`: sections with headings,
paragraphs, lists, tables and charts, every label already in ``lang`` and
every cell already worded. The Markdown renderer (``render/report.py``) and the
HTML templates (``report_body.html``, the site's report parts) only draw it, so
the two formats cannot say different things; ``tests/test_report_layout.py``
checks that they do not.

The order puts what the steering group decides on first (actions stopped and
terms expired in the period), then the summary and what needs attention, and
the long lists last. Dates in tables are written the short way of the reader's
language ("31-12-2018"), never ISO.
"""

from __future__ import annotations

from ..i18n import Language, format_date, name_in, status_label, term_label
from ..report import Report
from .report_document import (
    Block,
    Bullets,
    Cell,
    Chart,
    Column,
    Document,
    Paragraph,
    Run,
    Section,
    Table,
    TableGroup,
    one_line,
)
from .report_tables import ReportWords, numbers, short_date


def layout(report: Report, lang: Language) -> Document:
    return _Layout(report, lang).document()


class _Layout(ReportWords):
    """The sections, in reading order."""

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
        notes = [self.t("report.baseline_note", year=self.year())]
        footer = [
            self.t("report.title", name=report.strategy_name(self.lang)),
            self.t("report.as_of", date=short_date(report.as_of, self.lang)),
        ]
        if report.catalogue_version:
            value, _ = report.catalogue_version
            notes.append(self.t("report.version", version=value[:12]))
            footer.append(self.t("report.version.short", version=value[:12]))
        if report.strategy.contact:
            notes.append(self.t("report.generated", contact=report.strategy.contact))
        return Document(
            self.lang,
            self.t("report.title", name=report.strategy_name(self.lang)),
            meta,
            notes,
            [
                self.decisions(),
                self.summary(),
                self.changes(),
                self.attention(),
                self.overview(),
                self.goals(),
                self.coverage(),
                self.owners(),
                self.funding(),
                self.appendix(),
            ],
            " · ".join(footer),
            self.t("report.page_of", page="{page}", pages="{pages}"),
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

    # -- first: what the steering group decides on -----------------------------------

    def decisions(self) -> Section:
        report = self.report
        period = "" if report.since else "_all"
        stopped: list[Block] = [Paragraph(self.t("report.none"))]
        if report.stopped:
            stopped = [
                Table(
                    "changes",
                    [
                        Column(self.t("field.date"), role="date"),
                        Column(self.t("report.col.action")),
                        Column(self.t("field.owner")),
                        Column(self.t("field.note")),
                    ],
                    [
                        [
                            self.day(c.when),
                            self.action_cell(c.action),
                            self.text_cell(c.action.owner, "report.no_owner"),
                            self.text_cell(c.entry.note),
                        ]
                        for c in report.stopped
                    ],
                    row_header=1,
                )
            ]
        parts: list[Block | Section] = [
            Paragraph(self.t(f"report.decisions.intro{period}")),
            Section(
                "rrs-decisions-stopped",
                3,
                self.t(f"report.decisions.stopped{period}", count=len(report.stopped)),
                list(stopped),
            ),
        ]
        if report.since:
            expired = report.expired_in_period
            blocks: list[Block | Section] = [Paragraph(self.t("report.none"))]
            if expired:
                blocks = [self.overdue_table(expired), self.derived_note(expired)]
            parts.append(
                Section(
                    "rrs-decisions-expired",
                    3,
                    self.t("report.decisions.expired", count=len(expired)),
                    blocks,
                )
            )
        return Section("rrs-decisions", 2, self.t("report.decisions"), parts)

    # -- the summary -------------------------------------------------------------------

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
                *filter(None, [report.round_line(self.lang)]),
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
                [Cell(self.goal_name(g.goal)), *numbers(g.total, g.changed, g.overdue, g.stale)]
                for g in report.by_goal
            ],
            total=[
                Cell(self.t("report.total"), strong=True),
                *numbers(totals.total, totals.changed, totals.overdue, totals.stale),
            ],
        )
        per_owner = Table(
            "counts",
            [Column(self.t("field.owner")), *attention],
            [
                [self.owner(r.name), *numbers(r.actions, r.changed, r.overdue, r.stale)]
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
                Column(self.t("field.date"), role="date"),
                Column(self.t("report.col.action")),
                Column(self.t("report.col.change"), role="status"),
                Column(self.t("field.note")),
                Column(self.t("field.by"), role="by"),
            ],
            [self.change_row(c) for c in report.changes],
            row_header=1,
        )
        return Section("rrs-changes", 2, title, [table])

    # -- attention, counted; the lists are in the appendix ----------------------------

    def attention(self) -> Section:
        report = self.report
        parts: list[Block | Section] = []
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
            blocks: list[Block | Section] = [Paragraph(self.t("report.none"))]
            if actions:
                count = Column(self.t("report.col.count"), number=True)
                goals = [
                    [Cell(self.goal_name(g)), Cell(str(n), number=True)]
                    for g, n in report.goal_counts(actions)
                ]
                owners = [
                    [self.owner(name), Cell(str(n), number=True)]
                    for name, n in report.owner_summary(actions)
                ]
                blocks = [
                    Table("counts", [Column(self.t("field.goal")), count], goals),
                    Table("counts", [Column(self.t("field.owner")), count], owners),
                    Paragraph(self.t("report.see_appendix", section=appendix), "caption"),
                ]
            parts.append(Section(f"rrs-attention-{number}", 3, heading, blocks))
        return Section("rrs-attention", 2, self.t("report.attention"), parts)

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
                [Cell(self.goal_name(g.goal)), *numbers(g.flywheels, g.connected, g.total, g.also)]
                for g in report.by_goal
            ],
            total=[
                Cell(self.t("report.total"), strong=True),
                *numbers(totals.flywheels, totals.connected, totals.total, totals.also),
            ],
        )
        goal_items = [(self.goal_short(g.goal), g.total) for g in report.by_goal if g.total]
        caption = self.t("report.per_goal.caption", total=totals.total, also=totals.also)
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
                        Paragraph(caption, "caption"),
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

    # -- detail per goal ---------------------------------------------------------------

    def goals(self) -> Section:
        report = self.report
        sections: list[Block | Section] = [
            Paragraph(self.t("report.goals.caption", year=self.year()), "caption")
        ]
        for number, section in enumerate(report.sections, 1):
            blocks: list[Block | Section] = []
            if section.goal.tagline:
                blocks.append(Paragraph(section.goal.tagline, "tagline", lang=self.text_lang))
            if not section.flywheels and not section.unattached:
                blocks.append(Paragraph(self.t("report.no_actions")))
            tables = [
                self.action_table(
                    [flywheel, *connected],
                    *self.mixed(
                        "report.flywheel_heading",
                        id=flywheel.id,
                        title=self.catalogue_run(flywheel.title),
                    ),
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
        """Qualities down, goals across: seven quality names fit no page as columns."""
        report = self.report
        goals = [goal for goal, _ in report.coverage]
        rows = [
            [
                Cell(one_line(name_in(quality, self.lang))),
                *[
                    Cell(str(n) if n else "—", number=True, gap=not n)
                    for n in (counts[index] for _, counts in report.coverage)
                ],
            ]
            for index, quality in enumerate(report.qualities)
        ]
        table = Table(
            "coverage",
            [
                Column(self.t("report.col.quality")),
                *[Column(self.goal_short(goal), number=True) for goal in goals],
            ],
            rows,
            wide=True,
        )
        legend = self.t("report.coverage.legend", goals="; ".join(map(self.goal_name, goals)))
        total = len(report.coverage) * len(report.qualities)
        return Section(
            "rrs-coverage",
            2,
            self.t("report.coverage"),
            [
                Paragraph(self.t("report.coverage.caption"), "caption"),
                table,
                Paragraph(legend, "caption"),
                Paragraph(self.t("report.coverage.gaps", gaps=report.coverage_gaps, total=total)),
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

    def funding(self) -> Section:
        report = self.report
        blocks: list[Block | Section] = []
        if report.strategy.unsettled_funding:
            # Each word quoted as the strategy writes it: catalogue text, tagged.
            words = [
                (Run("‘"), self.catalogue_run(word), Run("’"))
                for word in report.strategy.unsettled_funding
            ]
            listed = self.listed([(Run(self.t("report.funding.empty")),), *words])
            line, runs = self.mixed("report.funding.unsettled_words", words=listed)
            blocks.append(Paragraph(line, runs=runs))
        if report.unsettled_funding:
            blocks.append(
                Table(
                    "funding",
                    [
                        Column(self.t("field.id"), role="id"),
                        Column(self.t("field.title")),
                        Column(self.t("field.funding")),
                    ],
                    [
                        [
                            self.id_cell(a),
                            self.text_cell(a.title),
                            self.text_cell(a.funding),
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
        overdue: list[Block | Section] = [Paragraph(self.t("report.none"))]
        if report.overdue:
            overdue = [self.overdue_table(report.overdue), self.derived_note(report.overdue)]
        stale: list[Block | Section] = [Paragraph(self.t("report.none"))]
        updated = [a for a in report.stale if report.last_update(a) is not None]
        if report.stale:
            stale = []
        if updated:
            stale.append(
                Table(
                    "actions",
                    [
                        Column(self.t("report.col.action")),
                        Column(self.t("field.owner")),
                        Column(self.t("report.col.last_update"), role="date"),
                        Column(self.t("field.current_status"), role="status"),
                    ],
                    [
                        [
                            self.action_cell(a),
                            self.text_cell(a.owner, "report.no_owner"),
                            self.day(report.last_update(a)),
                            Cell(self.status(a)),
                        ]
                        for a in updated
                    ],
                )
            )
        if report.never_updated:
            # A row each would read "none yet" down the page: their ids, in one line.
            never = self.t("report.appendix.never", count=len(report.never_updated))
            stale.append(Paragraph(never, ids=tuple(a.id for a in report.never_updated)))
        funders = Table(
            "funding",
            [Column(self.t("field.funding")), Column(self.t("report.col.actions"))],
            [
                [
                    self.text_cell(g.name or "", "report.no_funding"),
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
                Section("rrs-appendix-overdue", 3, self.t("report.appendix.overdue"), overdue),
                Section("rrs-appendix-stale", 3, self.t("report.appendix.stale"), stale),
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

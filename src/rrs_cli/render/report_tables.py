"""The progress report's words and tables, in the reader's language.

:class:`ReportWords` holds what the report's sections share: goal and owner
names, dates as tables write them ("31-12-2018"), the status since publication
in one cell, and the tables that appear in more than one section (actions of a
goal, overdue actions, owners, counts). ``report_layout`` builds the sections
from them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from ..i18n import Language, name_in, status_label, term_label, text
from ..models import Action, Goal, Term
from ..report import Change, Group, Report
from .report_document import Cell, Column, Paragraph, Run, Table, fill, one_line, plain


def short_date(day: date, lang: Language) -> str:
    """``day`` as a table writes it: "31-12-2018" in Dutch, "31/12/2018" in English."""
    return text("report.date", lang, day=day.day, month=day.month, year=day.year)


class ReportWords:
    """One report's words and shared tables in one language; the layout's base."""

    def __init__(self, report: Report, lang: Language) -> None:
        self.report = report
        self.lang = lang
        self.none = self.t("value.none")
        language = report.strategy.language
        # Catalogue text keeps its language; the HTML report tags it where it differs.
        self.text_lang = language if language != lang else ""

    def t(self, key: str, **fields: object) -> str:
        return text(key, self.lang, **fields)

    def goal_name(self, goal: Goal | None) -> str:
        if goal is None:
            return self.t("report.no_goal")
        name = one_line(name_in(goal, self.lang))
        return self.t("report.goal_name", number=goal.number, name=name)

    def goal_short(self, goal: Goal | None) -> str:
        return self.t("report.goal_short", number=goal.number) if goal else self.t("report.no_goal")

    def listing(self, items: list[str]) -> str:
        """``items`` as a list in a sentence: "a, b and c"."""
        return plain(self.listed([(Run(item),) for item in items]))

    def listed(self, items: Sequence[tuple[Run, ...]]) -> tuple[Run, ...]:
        """As :meth:`listing`, of items in runs (some of them catalogue text)."""
        if len(items) < 2:
            return tuple(run for item in items for run in item)
        joined = [run for item in items[:-2] for run in (*item, Run(", "))]
        return (*joined, *items[-2], Run(f" {self.t('report.and')} "), *items[-1])

    def catalogue_run(self, value: str) -> Run:
        """Catalogue text inside interface text, tagged with its language where it differs."""
        return Run(one_line(value), self.text_lang)

    def mixed(self, key: str, **fields: object) -> tuple[str, tuple[Run, ...]]:
        """The interface string ``key`` with fields given as runs (:meth:`catalogue_run`):
        its plain text, and its runs when a part of it is tagged (else none)."""
        runs = fill(self.t(key), fields)
        return plain(runs), runs if any(run.lang for run in runs) else ()

    def year(self) -> str:
        year = self.report.strategy.year
        return str(year) if year is not None else self.none

    def or_none(self, value: str, empty: str = "value.none") -> str:
        """Catalogue text on one line, or the words for "none" when it is empty."""
        return one_line(value) if value.strip() else self.t(empty)

    def text_cell(self, value: str, empty: str = "value.none") -> Cell:
        """A cell of catalogue text (tagged with its language), or the words for none."""
        if not value.strip():
            return Cell(self.t(empty))
        return Cell(one_line(value), lang=self.text_lang)

    def owner(self, name: str | None) -> Cell:
        if name is None:
            return Cell(self.t("report.other_owners"))
        return self.text_cell(name, "report.no_owner")

    def day(self, day: date | None) -> Cell:
        if day is None:
            return Cell(self.t("report.never"))
        return Cell(short_date(day, self.lang), day=day)

    def status(self, action: Action) -> str:
        return status_label(self.report.current(action), self.lang)

    def status_since(self, action: Action) -> str:
        """The status at publication and now, as one cell: "Nieuw" or "Nieuw → Lopend"."""
        before, now = action.status, self.report.current(action)
        if before is now:
            return status_label(now, self.lang)
        return f"{status_label(before, self.lang)} → {status_label(now, self.lang)}"

    def id_cell(self, action: Action) -> Cell:
        return Cell(action.id, strong=True, action=action.id)

    def action_cell(self, action: Action) -> Cell:
        lang = self.text_lang if action.title.strip() else ""
        return Cell(self.or_none(action.title), lead=action.id, action=action.id, lang=lang)

    def overdue_table(self, rows: Sequence[tuple[Action, date]]) -> Table:
        return Table(
            "actions",
            [
                Column(self.t("report.col.action")),
                Column(self.t("field.owner")),
                Column(self.t("field.term"), role="term"),
                Column(self.t("report.col.horizon"), role="date"),
                Column(self.t("field.current_status"), role="status"),
            ],
            [
                [
                    self.action_cell(a),
                    self.text_cell(a.owner, "report.no_owner"),
                    Cell(term_label(a.term, self.lang)),
                    self.day(deadline),
                    Cell(self.status(a)),
                ]
                for a, deadline in rows
            ],
        )

    def derived_note(self, rows: Sequence[tuple[Action, date]]) -> Paragraph:
        """Says that the end-of-term dates are worked out, not printed, and how."""
        strategy = self.report.strategy
        terms: list[Term] = []
        for action, _ in rows:
            if action.term is not None and action.term not in terms:
                terms.append(action.term)
        years = [
            self.t(
                "report.derived.term",
                term=term_label(term, self.lang).lower(),
                years=strategy.horizon_years(term),
            )
            for term in sorted(terms, key=list(Term).index)
        ]
        return Paragraph(
            self.t("report.derived", year=self.year(), terms=self.listing(years)), "caption"
        )

    def change_row(self, change: Change) -> list[Cell]:
        after = status_label(change.entry.status, self.lang)
        if change.status_changed:
            what = f"{status_label(change.previous, self.lang)} → {after}"
        else:
            what = self.t("report.unchanged", status=after)
        return [
            self.day(change.when),
            self.action_cell(change.action),
            Cell(what),
            self.text_cell(change.entry.note),
            Cell(self.or_none(change.entry.by or "")),
        ]

    def count_table(self, label: str, items: Iterable[tuple[str, int]]) -> Table:
        return Table(
            "counts",
            [Column(label), Column(self.t("report.col.actions"), number=True)],
            [[Cell(name), Cell(str(n), number=True)] for name, n in items],
        )

    def action_table(
        self, actions: Sequence[Action], title: str = "", title_runs: tuple[Run, ...] = ()
    ) -> Table:
        columns = [
            Column(self.t("field.id"), role="id"),
            Column(self.t("field.title")),
            Column(self.t("report.col.status"), role="status"),
            Column(self.t("field.term"), role="term"),
            Column(self.t("report.col.last_update"), role="date"),
        ]
        rows = [
            [
                Cell(a.id, strong=a.is_flywheel, action=a.id),
                self.text_cell(a.title),
                Cell(self.status_since(a)),
                Cell(term_label(a.term, self.lang)),
                self.day(self.report.last_update(a)),
            ]
            for a in actions
        ]
        return Table("actions", columns, rows, title=title, title_runs=title_runs)

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
                    self.owner(group.name),
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


def numbers(*values: int) -> list[Cell]:
    return [Cell(str(v), number=True) for v in values]

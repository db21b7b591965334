"""Renderers for the progress report: Markdown, the terminal, JSON and HTML.

The human formats speak the reader's language (``lang``; every label from
``i18n``) and show statuses and terms in words, never as codes. They open with
what needs a decision (a summary and counts per goal and per owner) and put
the full lists in an appendix. JSON keeps the codes: it is for scripts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from ..i18n import Language, format_date, status_label, term_label, text
from ..models import Action
from ..report import Report
from .export import to_json
from .text import md_inline, mermaid_label


def _table(headers: list[str], rows: Iterable[list[str]], right: Iterable[int] = ()) -> list[str]:
    align = ["---:" if i in set(right) else "---" for i in range(len(headers))]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _pie(title: str, counts: list[tuple[str, int]]) -> list[str]:
    # Labels are interface words or goal numbers; mermaid_label neutralises the rest.
    lines = ["```mermaid", f"pie showData title {title}"]
    lines += [f'    "{mermaid_label(name)}" : {count}' for name, count in counts]
    return [*lines, "```"]


class _Markdown:
    """One Markdown report in one language."""

    def __init__(self, report: Report, lang: Language) -> None:
        self.report = report
        self.lang = lang

    def t(self, key: str, **fields: object) -> str:
        return text(key, self.lang, **fields)

    def cell(self, value: str, empty: str = "value.none") -> str:
        return md_inline(value) if value.strip() else self.t(empty)

    def ids(self, actions: Iterable[Action]) -> str:
        return ", ".join(md_inline(a.id) for a in actions) or self.t("value.none")

    def date(self, day: date | None) -> str:
        return day.isoformat() if day else self.t("report.never")

    def goal_name(self, count_goal: Any) -> str:
        if count_goal is None:
            return self.t("report.no_goal")
        return self.t(
            "report.goal_name",
            number=count_goal.number,
            name=md_inline(count_goal.name_nl if self.lang == "nl" else count_goal.name_en),
        )

    def year(self) -> str:
        year = self.report.strategy.year
        return str(year) if year is not None else self.t("value.none")

    def render(self) -> str:
        report = self.report
        if report.goal_filter:
            scope = self.t(
                "report.scope_goal",
                count=len(report.actions),
                goal=self.goal_name(report.goal_filter),
            )
        elif report.goal_filters:
            scope = self.t(
                "report.scope_goals",
                count=len(report.actions),
                goals=", ".join(self.goal_name(g) for g in report.goal_filters),
            )
        else:
            scope = self.t("report.scope_all", count=len(report.actions))
        header = [self.t("report.as_of", date=format_date(report.as_of, self.lang))]
        if report.since:
            header.append(
                self.t(
                    "report.period",
                    since=format_date(report.since, self.lang),
                    as_of=format_date(report.as_of, self.lang),
                )
            )
        header.append(scope)
        out = [
            f"# {self.t('report.title', name=md_inline(report.strategy_name(self.lang)))}",
            "",
            " · ".join(header) + ".",
            self.t("report.baseline_note", year=self.year()),
            "",
        ]
        for part in (
            self.summary,
            self.overview,
            self.changes,
            self.attention,
            self.goals,
            self.coverage,
            self.owners,
            self.funding,
            self.appendix,
        ):
            out += part()
        return "\n".join(out).rstrip("\n") + "\n"

    # -- lead: what needs a decision ------------------------------------------

    def summary(self) -> list[str]:
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
        bullets = [
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
        round_line = report.round_line(self.lang)
        if round_line:
            bullets.append(round_line)
        out = [f"## {self.t('report.summary')}", "", *[f"- {b}" for b in bullets], ""]
        out += [self.t("report.summary.decide"), ""]
        out += [f"### {self.t('report.per_goal')}", ""]
        rows = [
            [
                self.goal_name(g.goal),
                str(g.total),
                str(g.changed),
                str(g.overdue),
                str(g.stale),
            ]
            for g in report.by_goal
        ]
        rows.append(
            [
                f"**{self.t('report.total')}**",
                str(sum(g.total for g in report.by_goal)),
                str(sum(g.changed for g in report.by_goal)),
                str(sum(g.overdue for g in report.by_goal)),
                str(sum(g.stale for g in report.by_goal)),
            ]
        )
        out += _table(
            [
                self.t("field.goal"),
                self.t("report.col.actions"),
                self.t("report.col.changed"),
                self.t("report.col.overdue"),
                self.t("report.col.stale"),
            ],
            rows,
            right=[1, 2, 3, 4],
        )
        out += ["", f"### {self.t('report.per_owner')}", ""]
        out += _table(
            [
                self.t("field.owner"),
                self.t("report.col.actions"),
                self.t("report.col.changed"),
                self.t("report.col.overdue"),
                self.t("report.col.stale"),
            ],
            (
                [
                    self.cell(r.name, "report.no_owner"),
                    str(r.actions),
                    str(r.changed),
                    str(r.overdue),
                    str(r.stale),
                ]
                for r in report.owner_rows()
            ),
            right=[1, 2, 3, 4],
        )
        minor = report.minor_owners
        out += ["", self.t("report.per_owner.caption", others=len(minor)), ""]
        return out

    # -- overview charts --------------------------------------------------------

    def overview(self) -> list[str]:
        report = self.report
        out = [f"## {self.t('report.overview')}", "", f"### {self.t('report.by_status')}", ""]
        statuses = [(status_label(s, self.lang), n) for s, n in report.by_status]
        out += _table(
            [self.t("field.current_status"), self.t("report.col.actions")],
            ([name, str(n)] for name, n in statuses),
            right=[1],
        )
        out += ["", *_pie(self.t("report.chart.status"), statuses), ""]
        out += [f"### {self.t('report.by_goal')}", ""]
        rows = [
            [
                self.goal_name(g.goal),
                str(g.flywheels),
                str(g.connected),
                str(g.total),
                str(g.also),
            ]
            for g in report.by_goal
        ]
        rows.append(
            [
                f"**{self.t('report.total')}**",
                str(sum(g.flywheels for g in report.by_goal)),
                str(sum(g.connected for g in report.by_goal)),
                str(sum(g.total for g in report.by_goal)),
                str(report.also_total),
            ]
        )
        out += _table(
            [
                self.t("field.goal"),
                self.t("kind.flywheel.plural"),
                self.t("kind.connected.plural"),
                self.t("report.col.total"),
                self.t("report.col.also"),
            ],
            rows,
            right=[1, 2, 3, 4],
        )
        out += [
            "",
            self.t(
                "report.per_goal.caption",
                total=sum(g.total for g in report.by_goal),
                also=report.also_total,
            ),
            "",
        ]
        pie = [
            (
                self.t("report.goal_short", number=g.goal.number)
                if g.goal
                else self.t("report.no_goal"),
                g.total,
            )
            for g in report.by_goal
            if g.total
        ]
        out += [*_pie(self.t("report.chart.goal"), pie), ""]
        out += [f"### {self.t('report.by_term')}", ""]
        terms = [(term_label(term, self.lang), n) for term, n in report.by_term]
        out += _table(
            [self.t("field.term"), self.t("report.col.actions")],
            ([name, str(n)] for name, n in terms),
            right=[1],
        )
        return [*out, "", *_pie(self.t("report.chart.term"), terms), ""]

    # -- the period's changes ---------------------------------------------------

    def changes(self) -> list[str]:
        report = self.report
        out = [
            f"## {self.t('report.changes' if report.since else 'report.changes_all')}",
            "",
        ]
        if not report.changes:
            key = "report.changes.none" if report.since else "report.summary.no_changes_ever"
            return [*out, self.t(key), ""]
        rows = (
            [
                c.when.isoformat(),
                f"**{md_inline(c.action.id)}** {md_inline(c.action.title)}",
                f"{status_label(c.previous, self.lang)} → {status_label(c.entry.status, self.lang)}"
                if c.status_changed
                else self.t("report.unchanged", status=status_label(c.entry.status, self.lang)),
                self.cell(c.entry.note),
                self.cell(c.entry.by or ""),
            ]
            for c in report.changes
        )
        headers = [
            self.t("field.date"),
            self.t("report.col.action"),
            self.t("report.col.change"),
            self.t("field.note"),
            self.t("field.by"),
        ]
        return [*out, *_table(headers, rows), ""]

    # -- attention, counted; the lists are in the appendix -------------------

    def attention(self) -> list[str]:
        report = self.report
        out = [f"## {self.t('report.attention')}", ""]
        for heading, actions, appendix in (
            (
                self.t("report.overdue", count=len(report.overdue)),
                [a for a, _ in report.overdue],
                self.t("report.appendix.overdue"),
            ),
            (
                self.t("report.stale", days=report.stale_days, count=len(report.stale)),
                report.stale,
                self.t("report.appendix.stale"),
            ),
        ):
            out += [f"### {heading}", ""]
            if not actions:
                out += [self.t("report.none"), ""]
                continue
            out += _table(
                [self.t("field.goal"), self.t("report.col.count")],
                ([self.goal_name(g), str(n)] for g, n in report.goal_counts(actions)),
                right=[1],
            )
            out.append("")
            rows = [
                [
                    self.cell(name, "report.no_owner")
                    if name is not None
                    else self.t("report.other_owners"),
                    str(n),
                ]
                for name, n in report.owner_summary(actions)
            ]
            out += _table([self.t("field.owner"), self.t("report.col.count")], rows, right=[1])
            out += ["", self.t("report.see_appendix", section=appendix), ""]
        return out

    # -- detail per goal ----------------------------------------------------------

    def goals(self) -> list[str]:
        report = self.report
        out = [f"## {self.t('report.goals')}", ""]
        headers = [
            self.t("field.id"),
            self.t("field.title"),
            self.t("report.col.baseline", year=self.year()),
            self.t("field.current_status"),
            self.t("field.term"),
            self.t("field.last_update"),
        ]
        for section in report.sections:
            out += [f"### {self.goal_name(section.goal)}", ""]
            if section.goal.tagline:
                out += [f"> {md_inline(section.goal.tagline)}", ""]
            if not section.flywheels and not section.unattached:
                out += [self.t("report.no_actions"), ""]
            for flywheel, connected in section.flywheels:
                out += [
                    "#### "
                    + self.t(
                        "report.flywheel_heading",
                        id=md_inline(flywheel.id),
                        title=md_inline(flywheel.title),
                    ),
                    "",
                ]
                out += [*_table(headers, [self.row(a) for a in [flywheel, *connected]]), ""]
            if section.unattached:
                out += [f"#### {self.t('report.unattached')}", ""]
                out += [*_table(headers, [self.row(a) for a in section.unattached]), ""]
        if report.cross_cutting:
            out += [f"### {self.t('report.cross_cutting')}", ""]
            out += [*_table(headers, [self.row(a) for a in report.cross_cutting]), ""]
        return out

    def row(self, action: Action) -> list[str]:
        report = self.report
        return [
            f"**{md_inline(action.id)}**" if action.is_flywheel else md_inline(action.id),
            self.cell(action.title),
            status_label(action.status, self.lang),
            status_label(report.current(action), self.lang),
            term_label(action.term, self.lang),
            self.date(report.last_update(action)),
        ]

    def coverage(self) -> list[str]:
        report = self.report
        out = [
            f"## {self.t('report.coverage')}",
            "",
            self.t("report.coverage.caption"),
            "",
        ]
        names = [md_inline(q.name_nl if self.lang == "nl" else q.name_en) for q in report.qualities]
        rows = (
            [self.goal_name(g), *[str(n) if n else "—" for n in counts]]
            for g, counts in report.coverage
        )
        out += _table([self.t("field.goal"), *names], rows, right=range(1, len(names) + 1))
        gaps = report.coverage_gaps
        total = len(report.coverage) * len(report.qualities)
        return [*out, "", self.t("report.coverage.gaps", gaps=gaps, total=total), ""]

    def owners(self) -> list[str]:
        out = [f"## {self.t('report.owners')}", ""]
        out += self.owner_table(self.report.major_owners)
        return [
            *out,
            "",
            self.t("report.per_owner.caption", others=len(self.report.minor_owners)),
            "",
        ]

    def owner_table(self, groups: list[Any]) -> list[str]:
        rows = [
            [
                self.cell(group.name, "report.no_owner"),
                self.ids(group.actions),
                ", ".join(
                    f"{status_label(s, self.lang)} {n}"
                    for s, n in self.report.status_mix(group.actions)
                ),
            ]
            for group in groups
        ]
        return _table(
            [self.t("field.owner"), self.t("report.col.actions"), self.t("report.col.statuses")],
            rows,
        )

    def funding(self) -> list[str]:
        report = self.report
        out = [f"## {self.t('report.funding')}", "", self.t("report.funding.note"), ""]
        out += [
            f"### {self.t('report.funding.unsettled', count=len(report.unsettled_funding))}",
            "",
        ]
        words = ", ".join(f"‘{md_inline(w)}’" for w in report.strategy.unsettled_funding)
        if words:
            out += [self.t("report.funding.unsettled_words", words=words), ""]
        if report.unsettled_funding:
            out += _table(
                [self.t("field.id"), self.t("field.title"), self.t("field.funding")],
                (
                    [f"**{md_inline(a.id)}**", self.cell(a.title), self.cell(a.funding)]
                    for a in report.unsettled_funding
                ),
            )
        else:
            out.append(self.t("report.none"))
        return [
            *out,
            "",
            self.t("report.see_appendix", section=self.t("report.appendix.funding")),
            "",
        ]

    # -- appendix: the full lists ---------------------------------------------

    def appendix(self) -> list[str]:
        report = self.report
        out = [f"## {self.t('report.appendix')}", ""]
        out += [f"### {self.t('report.appendix.overdue')}", ""]
        if report.overdue:
            out += _table(
                [
                    self.t("field.id"),
                    self.t("field.title"),
                    self.t("field.owner"),
                    self.t("field.term"),
                    self.t("report.col.horizon"),
                    self.t("field.current_status"),
                ],
                (
                    [
                        f"**{md_inline(a.id)}**",
                        self.cell(a.title),
                        self.cell(a.owner, "report.no_owner"),
                        term_label(a.term, self.lang),
                        deadline.isoformat(),
                        status_label(report.current(a), self.lang),
                    ]
                    for a, deadline in report.overdue
                ),
            )
        else:
            out.append(self.t("report.none"))
        out += ["", f"### {self.t('report.appendix.stale')}", ""]
        if report.stale:
            out += _table(
                [
                    self.t("field.id"),
                    self.t("field.title"),
                    self.t("field.owner"),
                    self.t("field.last_update"),
                    self.t("field.current_status"),
                ],
                (
                    [
                        f"**{md_inline(a.id)}**",
                        self.cell(a.title),
                        self.cell(a.owner, "report.no_owner"),
                        self.date(report.last_update(a)),
                        status_label(report.current(a), self.lang),
                    ]
                    for a in report.stale
                ),
            )
        else:
            out.append(self.t("report.none"))
        out += ["", f"### {self.t('report.appendix.owners')}", ""]
        out += self.owner_table(report.owners)
        out += [
            "",
            f"### {self.t('report.appendix.funding')}",
            "",
            self.t("report.funding.note"),
            "",
        ]
        out += _table(
            [self.t("field.funding"), self.t("report.col.actions")],
            ([self.cell(g.name, "report.no_funding"), self.ids(g.actions)] for g in report.funders),
        )
        return [*out, ""]


def markdown(report: Report, lang: Language) -> str:
    return _Markdown(report, lang).render()


_PIE = re.compile(r"```mermaid\npie showData title (.*?)\n(.*?)```\n", re.S)


def terminal(report: Report, lang: Language) -> Any:
    """The Markdown report for rich, with each Mermaid chart drawn as text bars."""
    from rich.markdown import Markdown

    def bars(match: re.Match[str]) -> str:
        items = re.findall(r'"(.*)" : (\d+)', match.group(2))
        width = max((len(name) for name, _ in items), default=0)
        top = max((int(n) for _, n in items), default=1) or 1
        lines = [
            f"{name.ljust(width)} {'█' * max(1, round(int(n) / top * 40))} {n}" for name, n in items
        ]
        return "```text\n" + "\n".join(lines) + "\n```\n"

    return Markdown(_PIE.sub(bars, markdown(report, lang)))


def html(report: Report, lang: Language) -> str:
    """One self-contained HTML file: inline CSS and SVG, no script, no external request."""
    from importlib.resources import files

    from .html import render

    css = files("rrs_cli").joinpath("static", "report.css").read_text(encoding="utf-8")
    return render("report_standalone.html", lang, report=report, strategy=report.strategy, css=css)


def json_text(report: Report) -> str:
    def brief(action: Action) -> dict[str, Any]:
        current = report.current(action)
        return {
            "id": action.id,
            "title": action.title,
            "baseline_status": action.status.value if action.status else None,
            "current_status": current.value if current else None,
        }

    def code(value: Any) -> Any:
        return value.value if value is not None else None

    strategy = report.strategy
    return to_json(
        {
            "as_of": report.as_of.isoformat(),
            "since": report.since.isoformat() if report.since else None,
            "since_inclusive": True,
            "goal": report.goal_filter.key if report.goal_filter else None,
            # Every --goal given (one or several); "goal" above keeps its meaning.
            "goals_selected": [goal.key for goal in report.goal_filters],
            "actions": len(report.actions),
            "strategy": {
                "name": strategy.name,
                "name_en": strategy.name_en,
                "city": strategy.city,
                "published": strategy.year,
            },
            "summary": {
                "progress_entries": len(report.changes),
                "actions_changed": report.changed_actions,
                "status_changes": report.status_changes,
                "overdue": len(report.overdue),
                "stale": len(report.stale),
                "never_updated": len(report.never_updated),
                "funding_not_settled": len(report.unsettled_funding),
                **_round_summary(report),
            },
            "by_status": {code(s) or "none": n for s, n in report.by_status},
            "by_goal": {
                (g.goal.key if g.goal else "none"): {
                    "flywheels": g.flywheels,
                    "connected": g.connected,
                    "total": g.total,
                    "also_contributes": g.also,
                    "changed": g.changed,
                    "overdue": g.overdue,
                    "stale": g.stale,
                }
                for g in report.by_goal
            },
            "by_term": {code(t) or "none": n for t, n in report.by_term},
            "goals": [
                {
                    "goal": s.goal.key,
                    "flywheels": [
                        {**brief(f), "connected": [brief(c) for c in cs]} for f, cs in s.flywheels
                    ],
                    "unattached": [brief(c) for c in s.unattached],
                }
                for s in report.sections
            ],
            "changes": [
                {
                    "date": c.when.isoformat(),
                    "id": c.action.id,
                    "from": code(c.previous),
                    "to": c.entry.status.value,
                    "note": c.entry.note,
                    "by": c.entry.by,
                }
                for c in report.changes
            ],
            "overdue": [
                {**brief(a), "term": code(a.term), "horizon": d.isoformat()}
                for a, d in report.overdue
            ],
            "stale": [a.id for a in report.stale],
            "never_updated": [a.id for a in report.never_updated],
            "stale_days": report.stale_days,
            "coverage": {
                g.key: dict(zip([q.key for q in report.qualities], counts, strict=True))
                for g, counts in report.coverage
            },
            "owners": {g.name: [a.id for a in g.actions] for g in report.owners},
            # Every value is possible funding, as the strategy prints it.
            "funding": {g.name: [a.id for a in g.actions] for g in report.funders},
            "funding_not_settled": [a.id for a in report.unsettled_funding],
        }
    )


def _round_summary(report: Report) -> dict[str, object]:
    """The latest progress round's numbers, when the catalogue has a round."""
    status = report.round
    if status is None:
        return {}
    return {
        "round": {
            "name": status.name,
            "owners": len(status.owners),
            "answered": status.answered,
            "actions_updated": len(status.updated),
            "actions_waiting": len(status.waiting),
        }
    }

"""Renderers for the progress report: Markdown, the terminal, and JSON."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from ..models import Action
from ..report import Report, label
from .export import to_json
from .text import md_inline, mermaid_label

TITLE = "Rotterdam Resilience Strategy: progress report"


def _cell(text: str) -> str:
    return md_inline(text) if text else "—"


def _table(headers: list[str], rows: Iterable[list[str]], right: Iterable[int] = ()) -> list[str]:
    align = ["---:" if i in set(right) else "---" for i in range(len(headers))]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _pie(title: str, counts: list[tuple[str, int]]) -> list[str]:
    lines = ["```mermaid", f"pie showData title {title}"]
    lines += [f'    "{mermaid_label(name)}" : {count}' for name, count in counts]
    return [*lines, "```"]


def _ids(actions: Iterable[Action]) -> str:
    return ", ".join(md_inline(a.id) for a in actions) or "—"


def _last_update(report: Report, action: Action) -> str:
    last = action.last_update_on(report.as_of)
    return last.isoformat() if last else "—"


def markdown(report: Report) -> str:
    scope = f"goal {report.goal_filter.number}" if report.goal_filter else "all goals"
    period = f" · changes since {report.since}" if report.since else ""
    out = [
        f"# {TITLE}",
        "",
        f"As of {report.as_of}{period} · {len(report.actions)} actions ({scope}).",
        "Baseline: the strategy's 2016 status; current: the latest logged status.",
        "",
    ]
    out += _summary(report) + _goals(report) + _changes(report) + _attention(report)
    out += _coverage(report) + _owners(report) + _funding(report)
    return "\n".join(out).rstrip("\n") + "\n"


def _summary(report: Report) -> list[str]:
    out = ["## Summary", "", "### By current status", ""]
    out += _table(["Status", "Actions"], ([s, str(n)] for s, n in report.by_status), right=[1])
    out += ["", *_pie("Actions by current status", report.by_status), ""]
    out += ["### By goal", ""]
    out += _table(
        ["Goal", "Flywheels", "Connected actions"],
        ([f"{g.number}. {md_inline(g.name_nl)}", str(f), str(c)] for g, f, c in report.by_goal),
        right=[1, 2],
    )
    out += [
        "",
        *_pie("Actions by goal", [(f"{g.number}. {g.key}", f + c) for g, f, c in report.by_goal]),
        "",
    ]
    out += ["### By expected-result term", ""]
    out += _table(["Term", "Actions"], ([t, str(n)] for t, n in report.by_term), right=[1])
    out += ["", *_pie("Actions by term", report.by_term), ""]
    return out


def _goals(report: Report) -> list[str]:
    out = ["## Goals", ""]
    headers = ["Action", "Title", "Baseline (2016)", "Current", "Term", "Last update"]
    for section in report.sections:
        out += [f"### {section.goal.number}. {md_inline(section.goal.name_nl)}", ""]
        if section.goal.tagline:
            out += [f"> {md_inline(section.goal.tagline)}", ""]
        rows = []
        for flywheel, connected in section.flywheels:
            rows.append(_goal_row(report, flywheel, f"**{md_inline(flywheel.id)}**"))
            rows += [
                _goal_row(report, c, f"{md_inline(flywheel.id)} › {md_inline(c.id)}")
                for c in connected
            ]
        rows += [_goal_row(report, c, md_inline(c.id)) for c in section.unattached]
        out += _table(headers, rows) if rows else ["No actions."]
        out.append("")
    if report.cross_cutting:
        out += ["### Linked to all flywheels", ""]
        out += _table(
            headers, (_goal_row(report, a, md_inline(a.id)) for a in report.cross_cutting)
        )
        out.append("")
    return out


def _goal_row(report: Report, action: Action, name: str) -> list[str]:
    return [
        name,
        _cell(action.title),
        label(action.status),
        label(action.status_on(report.as_of)),
        action.term.value if action.term else "—",
        _last_update(report, action),
    ]


def _changes(report: Report) -> list[str]:
    heading = f"## Changes since {report.since}" if report.since else "## All recorded changes"
    out = [heading, ""]
    if not report.changes:
        return [*out, "No progress was recorded in this period.", ""]
    rows = (
        [
            str(c.when),
            f"**{md_inline(c.action.id)}** {md_inline(c.action.title)}",
            f"{label(c.previous)} → {c.entry.status.value}"
            if c.previous is not c.entry.status
            else c.entry.status.value,
            _cell(c.entry.note),
            _cell(c.entry.by or ""),
        ]
        for c in report.changes
    )
    return [*out, *_table(["Date", "Action", "Status", "Note", "By"], rows), ""]


def _attention(report: Report) -> list[str]:
    out = ["## Needs attention", "", "### Expected-result horizon passed, not completed", ""]
    if report.overdue:
        out += _table(
            ["Action", "Title", "Term", "Horizon", "Current"],
            (
                [
                    f"**{md_inline(a.id)}**",
                    _cell(a.title),
                    a.term.value if a.term else "—",
                    str(deadline),
                    label(a.status_on(report.as_of)),
                ]
                for a, deadline in report.overdue
            ),
        )
    else:
        out.append("None.")
    out += ["", f"### No update in the last {report.stale_days} days", ""]
    out.append(
        f"{len(report.stale)} of {len(report.actions)} actions: {_ids(report.stale)}."
        if report.stale
        else "None."
    )
    return [*out, ""]


def _coverage(report: Report) -> list[str]:
    out = [
        "## Goal × quality coverage",
        "",
        "Actions per goal whose resilience value names each quality; — marks a gap.",
        "",
    ]
    rows = (
        [f"{g.number}. {md_inline(g.key)}", *[str(n) if n else "—" for n in counts]]
        for g, counts in report.coverage
    )
    out += _table(["Goal", *report.qualities], rows, right=range(1, len(report.qualities) + 1))
    gaps = sum(n == 0 for _, counts in report.coverage for n in counts)
    total = len(report.coverage) * len(report.qualities)
    return [*out, "", f"{gaps} of {total} goal–quality pairs have no action.", ""]


def _owners(report: Report) -> list[str]:
    out = ["## Owners", ""]
    rows = []
    for owner, actions in report.owners:
        statuses = Counter(label(a.status_on(report.as_of)) for a in actions)
        rows.append(
            [
                _cell(owner),
                _ids(actions),
                ", ".join(f"{s} {n}" for s, n in sorted(statuses.items())),
            ]
        )
    return [*out, *_table(["Owner", "Actions", "Current statuses"], rows), ""]


def _funding(report: Report) -> list[str]:
    out = ["## Funding", "", "### Not settled (PM, NVT, nader te bepalen)", ""]
    if report.unsettled_funding:
        out += _table(
            ["Action", "Title", "Funding"],
            (
                [f"**{md_inline(a.id)}**", _cell(a.title), _cell(a.funding)]
                for a in report.unsettled_funding
            ),
        )
    else:
        out.append("None.")
    out += ["", "### Who funds what", ""]
    out += _table(
        ["Funding (as printed)", "Actions"],
        ([_cell(funding), _ids(actions)] for funding, actions in report.funders),
    )
    return [*out, ""]


_PIE = re.compile(r"```mermaid\npie showData title (.*?)\n(.*?)```\n", re.S)


def terminal(report: Report) -> Any:
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

    return Markdown(_PIE.sub(bars, markdown(report)))


def json_text(report: Report) -> str:
    def brief(action: Action) -> dict[str, Any]:
        current = action.status_on(report.as_of)
        return {
            "id": action.id,
            "title": action.title,
            "baseline_status": action.status.value if action.status else None,
            "current_status": current.value if current else None,
        }

    return to_json(
        {
            "as_of": report.as_of.isoformat(),
            "since": report.since.isoformat() if report.since else None,
            "goal": report.goal_filter.key if report.goal_filter else None,
            "actions": len(report.actions),
            "by_status": dict(report.by_status),
            "by_goal": {g.key: {"flywheels": f, "connected": c} for g, f, c in report.by_goal},
            "by_term": dict(report.by_term),
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
                    "from": c.previous.value if c.previous else None,
                    "to": c.entry.status.value,
                    "note": c.entry.note,
                    "by": c.entry.by,
                }
                for c in report.changes
            ],
            "overdue": [
                {**brief(a), "term": a.term.value if a.term else None, "horizon": d.isoformat()}
                for a, d in report.overdue
            ],
            "stale": [a.id for a in report.stale],
            "stale_days": report.stale_days,
            "coverage": {
                g.key: dict(zip(report.qualities, counts, strict=True))
                for g, counts in report.coverage
            },
            "owners": {owner: [a.id for a in actions] for owner, actions in report.owners},
            "funding": {funding: [a.id for a in actions] for funding, actions in report.funders},
            "funding_not_settled": [a.id for a in report.unsettled_funding],
        }
    )

"""Renderers for the progress report: Markdown, the terminal, JSON and HTML.

The human formats speak the reader's language (``lang``; every label from
``i18n``) and show statuses and terms in words, never as codes. They open with
what needs a decision (a summary and counts per goal and per owner) and put
the full lists in an appendix. JSON keeps the codes: it is for scripts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..i18n import Language
from ..models import Action
from ..report import Report
from .export import to_json
from .report_document import (
    Block,
    Bullets,
    Cell,
    Chart,
    Document,
    Paragraph,
    Section,
    Table,
    TableGroup,
)
from .report_layout import layout

if TYPE_CHECKING:
    from markupsafe import Markup
from .text import md_inline, mermaid_label, visible


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
    """The report's layout (``report_layout``) drawn as Markdown: every text escaped."""

    def __init__(self, document: Document) -> None:
        self.document = document

    def render(self) -> str:
        doc = self.document
        out = [
            f"# {md_inline(doc.title)}",
            "",
            md_inline(" · ".join(doc.meta) + "."),
            *[md_inline(note) for note in doc.notes],
            "",
        ]
        for section in doc.sections:
            out += self.section(section)
        return "\n".join(out).rstrip("\n") + "\n"

    def section(self, section: Section) -> list[str]:
        out = [f"{'#' * section.level} {md_inline(section.title)}", ""]
        for block in section.blocks:
            out += self.block(block, section.level)
        return out

    def block(self, block: Block | Section, level: int) -> list[str]:
        if isinstance(block, Section):
            return self.section(block)
        if isinstance(block, Paragraph):
            prefix = "> " if block.style == "tagline" else ""
            ids = [", ".join(md_inline(i) for i in block.ids)] if block.ids else []
            return [prefix + " ".join([md_inline(block.text), *ids]), ""]
        if isinstance(block, Bullets):
            return [*[f"- {md_inline(item)}" for item in block.items], ""]
        if isinstance(block, Chart):
            return [*_pie(block.title, block.items), ""]
        if isinstance(block, TableGroup):
            out: list[str] = []
            for table in block.tables:
                out += [f"{'#' * (level + 1)} {md_inline(table.title)}", ""]
                out += self.table(table)
            return out
        return self.table(block)

    def table(self, table: Table) -> list[str]:
        rows = [[self.cell(c) for c in row] for row in table.rows]
        if table.total is not None:
            rows.append([self.cell(c) for c in table.total])
        right = [i for i, column in enumerate(table.columns) if column.number]
        return [*_table([md_inline(c.label) for c in table.columns], rows, right), ""]

    def cell(self, cell: Cell) -> str:
        if cell.number or cell.day:
            return cell.text  # digits, or a date the layout wrote: nothing to escape
        if cell.ids:
            return ", ".join(_escaped(i) for i in cell.ids)
        if cell.lead:
            return f"**{_escaped(cell.lead)}** {_escaped(cell.text)}"
        value = _escaped(cell.text)
        return f"**{value}**" if cell.strong else value


# Statuses, terms and owners repeat down a large report's tables: each is escaped once.
_escaped = lru_cache(maxsize=4096)(md_inline)


def markdown(report: Report, lang: Language) -> str:
    return _Markdown(layout(report, lang)).render()


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
    document = layout(report, lang)
    return render(
        "report_standalone.html", lang, document=document, css=css, page_css=page_css(document)
    )


def page_css(document: Document) -> Markup:
    """The printed page's footer: the report's title, reference date and catalogue
    version at the left, "page X of Y" at the right (CSS paged media margin boxes).

    The text is the catalogue's, so it is written as a CSS string with every
    character but ASCII letters, digits and spaces as a hex escape: nothing in it
    can end the string, the rule or the ``<style>`` element."""
    from markupsafe import Markup

    pages = re.split(r"(\{page\}|\{pages\})", document.page_of)
    counter = {"{page}": "counter(page)", "{pages}": "counter(pages)"}
    right = " ".join(counter.get(piece) or _css_string(piece) for piece in pages if piece)
    return Markup(
        "@page {\n"
        f"  @bottom-left {{ content: {_css_string(document.footer)}; }}\n"
        f"  @bottom-right {{ content: {right}; }}\n"
        "}"
    )


def _css_string(value: str) -> str:
    safe = "".join(
        char if char.isascii() and (char.isalnum() or char == " ") else f"\\{ord(char):x} "
        for char in visible(value)
    )
    return f'"{safe}"'


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
            # Which catalogue the numbers come from: a git commit or a hash of its files.
            "catalogue_version": (
                dict(zip(("id", "kind"), report.catalogue_version, strict=True))
                if report.catalogue_version
                else None
            ),
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

"""Renderers for a list of actions: a rich table, Markdown, CSV and JSON."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from rich import box
from rich.table import Table

from ..graph import LinkGraph
from ..models import Action
from .export import action_record, to_json
from .text import csv_cell, md_inline, rich_safe


def _status(action: Action) -> str:
    current = action.current_status
    return current.value if current else "—"


def _row(action: Action, graph: LinkGraph) -> list[str]:
    return [
        action.id,
        action.kind.value,
        action.title,
        _status(action),
        action.term.value if action.term else "—",
        ", ".join(graph.goals_of(action)),
    ]


HEADERS = ["ID", "Kind", "Title", "Status", "Term", "Goals"]


def table(actions: Sequence[Action], graph: LinkGraph, *, plain: bool) -> Table:
    """A table that stays readable at 80 columns: the title column wraps.

    The kind is left out here (letters are flywheels, numbers connected
    actions); the other formats carry it.
    """
    result = Table(
        box=None if plain else box.SIMPLE_HEAD,
        show_edge=False,
        header_style="" if plain else "bold",
        pad_edge=False,
        caption=f"{len(actions)} action{'s' if len(actions) != 1 else ''}",
    )
    result.add_column("ID", no_wrap=True, style="" if plain else "bold cyan")
    result.add_column("Title", ratio=1, min_width=20)
    result.add_column("Status", no_wrap=True)
    result.add_column("Term", no_wrap=True)
    result.add_column("Goals", min_width=11, max_width=24, overflow="fold")
    total_goals = len(graph.catalogue.goals)
    for action in actions:
        goals = graph.goals_of(action)
        shown = "all" if total_goals > 1 and len(goals) == total_goals else ", ".join(goals)
        row = _row(action, graph)
        result.add_row(*(rich_safe(cell) for cell in (row[0], row[2], row[3], row[4], shown)))
    return result


def markdown(actions: Sequence[Action], graph: LinkGraph) -> str:
    lines = ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    for action in actions:
        lines.append("| " + " | ".join(md_inline(cell) for cell in _row(action, graph)) + " |")
    return "\n".join(lines) + "\n"


def csv_text(actions: Sequence[Action], graph: LinkGraph) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(["id", "kind", "title", "status", "term", "goals", "owner", "links"])
    for action in actions:
        row = _row(action, graph)
        writer.writerow(
            [
                csv_cell(cell)
                for cell in (
                    *row[:4],
                    action.term.value if action.term else "",
                    " ".join(graph.goals_of(action)),
                    action.owner,
                    " ".join(a.id for a in graph.linked(action.id)),
                )
            ]
        )
    return buffer.getvalue()


def json_text(actions: Sequence[Action], graph: LinkGraph) -> str:
    return to_json([action_record(a, graph) for a in actions])

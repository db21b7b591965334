"""Renderers for a list of actions: a rich table, plain lines, Markdown, CSV and JSON.

Field names mean one thing in every format: ``current_status`` is the status
after the progress log, ``status`` (JSON only) the status the action had when
the strategy was published (or when the action was added), ``links`` the ids
the action's file names, ``links_in`` the ids whose files name it and
``linked`` both together. CSV columns use the JSON export's names.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..graph import LinkGraph
from ..i18n import Language, plural, status_label, term_label, text
from ..models import Action
from .columns import COLUMNS, DEFAULT_COLUMNS, Column, View
from .export import action_record, records_to_json
from .text import csv_cell, md_inline, rich_safe, visible

if TYPE_CHECKING:
    from rich.table import Table

# Space between two columns of the terminal table (padding and separator).
_GAP = 2


def _status(action: Action, lang: Language) -> str:
    current = action.current_status
    if current is None:
        return "—"
    return current.value if lang == "en" else status_label(current, lang)


def _term(action: Action, lang: Language) -> str:
    if action.term is None:
        return "—"
    return action.term.value if lang == "en" else term_label(action.term, lang)


def _goals(action: Action, graph: LinkGraph, lang: Language) -> str:
    goals = graph.goals_of(action)
    total = len(graph.catalogue.goals)
    if total > 1 and len(goals) == total:
        return text("value.all_goals", lang)
    return ", ".join(goals)


@dataclass(frozen=True)
class _Widths:
    title: int | None
    term: int | None
    goals: int | None


def _fit(rows: list[list[str]], width: int | None) -> _Widths:
    """Column widths for a terminal ``width`` columns wide.

    The status is never wrapped; when room runs out the term wraps between its
    words first, then the goals between theirs, and the title takes the rest
    (wrapping, long words folded). Nothing is cut.
    """
    if width is None or not rows:
        return _Widths(None, None, None)

    def longest(column: int, *, word: bool = False) -> int:
        cells = [row[column] for row in rows]
        if word:
            return max(len(w) for cell in cells for w in cell.replace(",", " ").split() or [""])
        return max(len(cell) for cell in cells)

    fixed = longest(0) + longest(2) + 4 * _GAP
    term, goals = longest(3), min(longest(4), 24)
    room = width - fixed
    # Titles are what people read: below 30 columns for them, term and goals wrap.
    if room - term - goals < 30:
        term = max(longest(3, word=True), min(term, 8))
    if room - term - goals < 30:
        goals = min(goals, max(longest(4, word=True), 11))
    return _Widths(max(room - term - goals, 8), term, goals)


def _caption(count: int, lang: Language) -> str:
    return plural("list.count", count, lang)


def _custom_table(
    actions: Sequence[Action], columns: Sequence[Column], view: View, *, plain: bool
) -> Table:
    """A table of the chosen columns: long texts wrap, short values stay whole."""
    from rich import box  # here, not at the top: see table()
    from rich.table import Table

    result = Table(
        box=None if plain else box.SIMPLE_HEAD,
        show_edge=False,
        header_style="" if plain else "bold",
        pad_edge=False,
        padding=(0, _GAP - 1, 0, 0),
        caption=_caption(len(actions), view.lang),
    )
    for column in columns:
        result.add_column(
            column.label(view),
            style="bold cyan" if column.name == "id" and not plain else "",
            ratio=1 if column.wide else None,
            min_width=8 if column.wide else None,
            no_wrap=column.name == "id",
            overflow="fold",
        )
    for action in actions:
        result.add_row(*(rich_safe(column.cell(action, view)) for column in columns))
    return result


def table(
    actions: Sequence[Action],
    graph: LinkGraph,
    *,
    plain: bool,
    width: int | None = None,
    lang: Language = "en",
    columns: Sequence[Column] | None = None,
) -> Table:
    """A table for a terminal ``width`` columns wide: titles wrap, statuses stay whole.

    The kind is left out here (letters are flywheels, numbers connected
    actions); the other formats carry it. ``columns``: see ``columns.py``.
    """
    if columns is not None and [c.name for c in columns] != list(DEFAULT_COLUMNS):
        return _custom_table(actions, columns, View(graph, lang), plain=plain)
    count = len(actions)
    # rich is imported here, not at the top: piped output (lines) never loads it
    # (start-up speed).
    from rich import box
    from rich.table import Table

    result = Table(
        box=None if plain else box.SIMPLE_HEAD,
        show_edge=False,
        header_style="" if plain else "bold",
        pad_edge=False,
        padding=(0, _GAP - 1, 0, 0),
        caption=_caption(count, lang),
    )
    rows = [
        [
            action.id,
            action.title,
            _status(action, lang),
            # The term wraps between its words in a narrow terminal.
            _term(action, lang).replace("-", " "),
            _goals(action, graph, lang),
        ]
        for action in actions
    ]
    headers = [
        text("field.id", lang),
        text("field.title", lang),
        text("field.current_status", lang),
        text("list.term", lang),
        text("list.goals", lang),
    ]
    widths = _fit([headers, *rows], width)
    result.add_column(headers[0], no_wrap=True, style="" if plain else "bold cyan")
    result.add_column(headers[1], ratio=1, min_width=8, width=widths.title, overflow="fold")
    result.add_column(headers[2], no_wrap=True)
    result.add_column(headers[3], width=widths.term, overflow="fold")
    result.add_column(headers[4], width=widths.goals, overflow="fold")
    for row in rows:
        result.add_row(*(rich_safe(cell) for cell in row))
    return result


def lines(
    actions: Sequence[Action],
    graph: LinkGraph,
    *,
    lang: Language = "en",
    columns: Sequence[Column] | None = None,
) -> str:
    """One line per action, fields separated by a tab, no padding: for pipes and grep.

    Fields: the ``columns`` (default: id, title, current status, term, goals
    reached, as in the table). Tabs and line breaks inside a value are shown
    as escapes.
    """
    view = View(graph, lang)
    chosen = columns or [COLUMNS[name] for name in DEFAULT_COLUMNS]
    return "".join(
        "\t".join(visible(column.cell(action, view)) for column in chosen) + "\n"
        for action in actions
    )


MARKDOWN_FIELDS = (
    "field.id",
    "field.kind",
    "field.title",
    "field.current_status",
    "list.term",
    "list.goals",
)


def markdown(
    actions: Sequence[Action],
    graph: LinkGraph,
    *,
    lang: Language = "en",
    columns: Sequence[Column] | None = None,
) -> str:
    if columns is not None:
        view = View(graph, lang)
        out = ["| " + " | ".join(c.label(view) for c in columns) + " |"]
        out.append("|" + "---|" * len(columns))
        out += [
            "| " + " | ".join(md_inline(c.cell(a, view)) for c in columns) + " |" for a in actions
        ]
        return "\n".join(out) + "\n"
    headers = [text(key, lang) for key in MARKDOWN_FIELDS]
    out = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for action in actions:
        cells = (
            action.id,
            action.kind.value,
            action.title,
            _status(action, lang),
            _term(action, lang),
            ", ".join(graph.goals_of(action)),
        )
        out.append("| " + " | ".join(md_inline(cell) for cell in cells) + " |")
    return "\n".join(out) + "\n"


# The CSV's columns: each is a key of the JSON export with the same meaning.
CSV_COLUMNS = (
    "id",
    "kind",
    "title",
    "current_status",
    "term",
    "goals_reached",
    "owner",
    "linked",
)


def linked_cell(action: Action, graph: LinkGraph) -> str:
    """The export's ``linked``: printed links only ("all flywheels" is one mark, the
    export's ``all_flywheels``, not a list of every flywheel or every such action)."""
    return " ".join(a.id for a in graph.linked(action.id, implicit=False))


def csv_text(
    actions: Sequence[Action], graph: LinkGraph, columns: Sequence[Column] | None = None
) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    if columns is not None:  # the chosen columns, by name, with codes rather than labels
        view = View(graph, "en")
        writer.writerow([c.name for c in columns])
        for action in actions:
            cells = (c.cell(action, view) for c in columns)
            writer.writerow([csv_cell("" if cell == "—" else cell) for cell in cells])
        return buffer.getvalue()
    writer.writerow(CSV_COLUMNS)
    for action in actions:
        current = action.current_status
        writer.writerow(
            [
                csv_cell(cell)
                for cell in (
                    action.id,
                    action.kind.value,
                    action.title,
                    current.value if current else "",
                    action.term.value if action.term else "",
                    " ".join(graph.goals_of(action)),
                    action.owner,
                    # As in the export: printed links; "all flywheels" is one mark.
                    linked_cell(action, graph),
                )
            ]
        )
    return buffer.getvalue()


def json_text(actions: Sequence[Action], graph: LinkGraph) -> str:
    return records_to_json([action_record(a, graph) for a in actions])

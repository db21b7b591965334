"""Renderers for one action with its goals and links in both directions.

Labels come from i18n.py in the chosen language (``--lang``); catalogue text
is shown as the strategy printed it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..catalogue import Catalogue
from ..graph import LinkGraph
from ..i18n import Language, status_label, term_label, text
from ..models import Action, ProgressEntry
from .text import md_block, md_inline, rich_safe, visible

if TYPE_CHECKING:
    from rich.console import RenderableType


def _goal_names(catalogue: Catalogue, keys: list[str]) -> list[str]:
    """Goals as the strategy names them (catalogue text, whatever the label language)."""
    names = []
    for key in keys:
        goal = catalogue.goals.get(key)
        names.append(f"{goal.number}. {goal.name_nl} ({key})" if goal else key)
    return names


def _links(graph: LinkGraph, action: Action, lang: Language) -> list[tuple[str, str, str]]:
    """(id, title, which blocks print the link) for every linked action."""
    return [
        (other.id, other.title, text(f"show.link.{graph.sides(action.id, other.id)}", lang))
        for other in graph.linked(action.id)
    ]


def _status(action: Action, lang: Language) -> str:
    if action.status is None:
        return "—"
    return action.status.value if lang == "en" else status_label(action.status, lang)


def _facts(
    catalogue: Catalogue, graph: LinkGraph, action: Action, lang: Language
) -> list[tuple[str, str]]:
    term = action.term
    term_shown = "—" if term is None else term.value if lang == "en" else term_label(term, lang)
    current = action.current_status
    current_shown = (
        "—" if current is None else current.value if lang == "en" else status_label(current, lang)
    )
    kind = action.kind.value if lang == "en" else text(f"kind.{action.kind.value}", lang)

    def goals(keys: list[str], sep: str) -> str:
        return sep.join(_goal_names(catalogue, keys)) or "—"

    facts = [
        (text("field.kind", lang), kind),
        (text("field.goal_section", lang), goals([action.goal], ", ") if action.goal else "—"),
        (text("field.goals_reached", lang), goals(graph.goals_of(action), "; ")),
        (text("show.goals_named", lang), goals(action.goals, "; ")),
        (text("field.owner", lang), action.owner or "—"),
        (text("field.partners", lang), action.partners or "—"),
        (text("field.funding", lang), action.funding or "—"),
        (
            _status_heading(catalogue, action, lang),
            f"{_status(action, lang)}  [“{action.status_text}”]",
        ),
        (text("field.current_status", lang), current_shown),
        (text("list.term", lang), f"{term_shown}  [“{action.term_text}”]"),
        (text("field.qualities", lang), ", ".join(action.qualities) or "—"),
        (
            text("field.impact_levels", lang),
            ", ".join(level.value for level in action.impact_levels) or "—",
        ),
    ]
    if action.links_all_flywheels:
        facts.append((text("field.links", lang), text("value.all_flywheels", lang)))
    else:
        shown = " ".join(action.links) or "—"
        if action.links_inferred:
            inferred = ", ".join(action.links_inferred)
            shown += f"  [{text('show.links_inferred', lang, ids=inferred)}]"
        facts.append((text("show.links_as_printed", lang), shown))
    return facts


def _status_heading(catalogue: Catalogue, action: Action, lang: Language) -> str:
    """ "Status at publication (year)" from strategy.yaml; an action added later
    (``added``, set by `rrs new`) has an initial status instead."""
    year = catalogue.strategy.year
    if year is None or action.added is not None:
        return text("field.status_initial", lang)
    return text("field.status_at_publication", lang, year=year)


def _progress_line(entry: ProgressEntry, lang: Language) -> str:
    """One progress entry: date, status (and who reported it), note."""
    status = entry.status.value if lang == "en" else status_label(entry.status, lang)
    who = f" ({entry.by})" if entry.by else ""
    return f"{entry.date}  {status}{who}  {entry.note}"


def _bodies(action: Action, lang: Language) -> list[tuple[str, str | None]]:
    return [
        (text("field.description", lang), action.description),
        (text("field.resilience_value", lang), action.resilience_value),
        (text("show.notes", lang), action.notes),
    ]


def rich_view(
    catalogue: Catalogue, graph: LinkGraph, action: Action, lang: Language = "en"
) -> RenderableType:
    # Here, not at the top: the view for a pipe (plain_text) never loads rich (start-up).
    from rich.console import Group
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    # Text() never reads markup; visible() shows control characters as escapes.
    parts: list[RenderableType] = [Text(visible(f"{action.id}  {action.title}"), style="bold")]
    if action.subtitle:
        parts.append(Text(visible(action.subtitle), style="italic"))
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column(ratio=1)
    for name, value in _facts(catalogue, graph, action, lang):
        facts.add_row(name, rich_safe(value))
    parts += [Text(""), facts]
    for heading, body in _bodies(action, lang):
        if body:
            body_text = Text(visible(body, keep_newlines=True))
            parts += [Text(""), Text(heading, style="bold underline"), Padding(body_text, (0, 2))]
    links = _links(graph, action, lang)
    parts += [
        Text(""),
        Text(text("show.linked", lang, count=len(links)), style="bold underline"),
    ]
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True, style="cyan")
    table.add_column(ratio=1)
    table.add_column(no_wrap=True, style="dim")
    for row in links:
        table.add_row(*(rich_safe(cell) for cell in row))
    parts.append(Padding(table if links else Text(text("show.none", lang)), (0, 2)))
    if action.progress:
        parts += [Text(""), Text(text("field.progress", lang), style="bold underline")]
        for entry in action.progress:
            parts.append(Padding(Text(visible(_progress_line(entry, lang))), (0, 2)))
    return Group(*parts)


def plain_text(
    catalogue: Catalogue, graph: LinkGraph, action: Action, lang: Language = "en"
) -> str:
    """The terminal view for a pipe or a file: the same parts in the same order, in
    aligned columns without padding to a screen's width, and each value and paragraph
    on one line (for grep and scripts; a terminal gets :func:`rich_view`, wrapped)."""
    lines = [visible(f"{action.id}  {action.title}")]
    if action.subtitle:
        lines.append(visible(action.subtitle))
    lines += [
        "",
        *_columns(
            [(name, visible(value)) for name, value in _facts(catalogue, graph, action, lang)]
        ),
    ]
    for heading, body in _bodies(action, lang):
        if body:
            lines += ["", heading]
            lines += [
                f"  {line}" if line else ""
                for line in visible(body, keep_newlines=True).split("\n")
            ]
    links = _links(graph, action, lang)
    lines += ["", text("show.linked", lang, count=len(links))]
    rows = [tuple(visible(cell) for cell in row) for row in links]
    lines += [f"  {line}" for line in _columns(rows)] or [f"  {text('show.none', lang)}"]
    if action.progress:
        lines += ["", text("field.progress", lang)]
        lines += [f"  {visible(_progress_line(entry, lang))}" for entry in action.progress]
    return "\n".join(lines) + "\n"


def _columns(rows: list[tuple[str, ...]]) -> list[str]:
    """Rows as lines, each column but the last padded to its widest cell, two spaces apart."""
    if not rows:
        return []
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    return [
        "  ".join(
            [*(cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True)), row[-1]]
        ).rstrip()
        for row in rows
    ]


def markdown(catalogue: Catalogue, graph: LinkGraph, action: Action, lang: Language = "en") -> str:
    lines = [f"# {md_inline(action.id)}: {md_inline(action.title)}", ""]
    if action.subtitle:
        lines += [f"*{md_inline(action.subtitle)}*", ""]
    lines += [f"| {text('show.field', lang)} | {text('show.value', lang)} |", "|---|---|"]
    lines += [
        f"| {name} | {md_inline(value)} |" for name, value in _facts(catalogue, graph, action, lang)
    ]
    for heading, body in _bodies(action, lang):
        if body:
            lines += ["", f"## {heading}", "", md_block(body)]
    lines += ["", f"## {text('show.linked.heading', lang)}", ""]
    links = _links(graph, action, lang)
    lines += [f"- **{md_inline(i)}** {md_inline(t)} ({d})" for i, t, d in links] or [
        text("show.none", lang)
    ]
    if action.progress:
        lines += ["", f"## {text('field.progress', lang)}", ""]
        for entry in action.progress:
            status = entry.status.value if lang == "en" else status_label(entry.status, lang)
            who = f" ({md_inline(entry.by)})" if entry.by else ""
            lines.append(f"- **{entry.date}** {status}{who}: {md_inline(entry.note)}")
    return "\n".join(lines) + "\n"

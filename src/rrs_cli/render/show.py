"""Renderers for one action with its goals and links in both directions."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..catalogue import Catalogue
from ..graph import LinkGraph
from ..i18n import text
from ..models import Action
from .text import md_block, md_inline, rich_safe, visible


def _goal_names(catalogue: Catalogue, keys: list[str]) -> list[str]:
    names = []
    for key in keys:
        goal = catalogue.goals.get(key)
        names.append(f"{goal.number}. {goal.name_nl} ({key})" if goal else key)
    return names


def _links(catalogue: Catalogue, graph: LinkGraph, action: Action) -> list[tuple[str, str, str]]:
    """(id, title, direction) for every linked action."""
    rows = []
    for other in graph.linked(action.id):
        here = graph.names(action.id, other.id)
        there = graph.names(other.id, action.id)
        direction = (
            "both" if here and there else ("named here only" if here else "named there only")
        )
        if other.links_all_flywheels and not here:
            direction = "named there (all flywheels)"
        rows.append((other.id, other.title, direction))
    return rows


def _facts(catalogue: Catalogue, graph: LinkGraph, action: Action) -> list[tuple[str, str]]:
    status = action.status.value if action.status else "—"
    term = action.term.value if action.term else "—"
    current = action.current_status
    facts = [
        ("Kind", action.kind.value),
        ("Goal section", ", ".join(_goal_names(catalogue, [action.goal])) if action.goal else "—"),
        ("Goals reached", "; ".join(_goal_names(catalogue, graph.goals_of(action))) or "—"),
        ("Goals named", "; ".join(_goal_names(catalogue, action.goals)) or "—"),
        ("Owner", action.owner or "—"),
        ("Partners", action.partners or "—"),
        (text("field.funding", "en"), action.funding or "—"),
        (_status_heading(catalogue, action), f"{status}  [“{action.status_text}”]"),
        ("Current status", current.value if current else "—"),
        ("Term", f"{term}  [“{action.term_text}”]"),
        ("Qualities", ", ".join(action.qualities) or "—"),
        ("Impact levels", ", ".join(level.value for level in action.impact_levels) or "—"),
    ]
    if action.links_all_flywheels:
        facts.append(("Links", text("value.all_flywheels", "en")))
    else:
        facts.append(("Links as printed", " ".join(action.links) or "—"))
    return facts


def _status_heading(catalogue: Catalogue, action: Action) -> str:
    """ "Status at publication (year)" from strategy.yaml; an action added later
    (``added``, set by `rrs new`) has an initial status instead."""
    year = catalogue.strategy.year
    if year is None or action.added is not None:
        return text("field.status_initial", "en")
    return text("field.status_at_publication", "en", year=year)


def rich_view(catalogue: Catalogue, graph: LinkGraph, action: Action) -> RenderableType:
    # Text() never reads markup; visible() shows control characters as escapes.
    parts: list[RenderableType] = [Text(visible(f"{action.id}  {action.title}"), style="bold")]
    if action.subtitle:
        parts.append(Text(visible(action.subtitle), style="italic"))
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column(ratio=1)
    for name, value in _facts(catalogue, graph, action):
        facts.add_row(name, rich_safe(value))
    parts += [Text(""), facts]
    for heading, body in (
        ("Description", action.description),
        ("Resilience value", action.resilience_value),
        ("Notes", action.notes),
    ):
        if body:
            body_text = Text(visible(body, keep_newlines=True))
            parts += [Text(""), Text(heading, style="bold underline"), Padding(body_text, (0, 2))]
    links = _links(catalogue, graph, action)
    parts += [Text(""), Text(f"Linked actions ({len(links)})", style="bold underline")]
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True, style="cyan")
    table.add_column(ratio=1)
    table.add_column(no_wrap=True, style="dim")
    for row in links:
        table.add_row(*(rich_safe(cell) for cell in row))
    parts.append(Padding(table, (0, 2)) if links else Padding(Text("none"), (0, 2)))
    if action.progress:
        parts += [Text(""), Text("Progress", style="bold underline")]
        for entry in action.progress:
            who = f" ({entry.by})" if entry.by else ""
            parts.append(
                Padding(
                    Text(visible(f"{entry.date}  {entry.status.value}{who}  {entry.note}")), (0, 2)
                )
            )
    return Group(*parts)


def markdown(catalogue: Catalogue, graph: LinkGraph, action: Action) -> str:
    lines = [f"# {md_inline(action.id)}: {md_inline(action.title)}", ""]
    if action.subtitle:
        lines += [f"*{md_inline(action.subtitle)}*", ""]
    lines += ["| Field | Value |", "|---|---|"]
    lines += [
        f"| {name} | {md_inline(value)} |" for name, value in _facts(catalogue, graph, action)
    ]
    for heading, body in (
        ("Description", action.description),
        ("Resilience value", action.resilience_value),
        ("Notes", action.notes),
    ):
        if body:
            lines += ["", f"## {heading}", "", md_block(body)]
    lines += ["", "## Linked actions", ""]
    links = _links(catalogue, graph, action)
    lines += [f"- **{md_inline(i)}** {md_inline(t)} ({d})" for i, t, d in links] or ["none"]
    return "\n".join(lines) + "\n"

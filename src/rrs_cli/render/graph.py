"""The link network as Mermaid (for GitHub/GitLab Markdown) or Graphviz DOT.

Labels come from catalogue files, so each format escapes them: a title with
quotes, brackets, ``#`` or Mermaid keywords cannot break the diagram.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..catalogue import Catalogue
from ..graph import LinkGraph
from ..models import Action, action_sort_key
from .text import shorten, visible


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    both_sides: bool


@dataclass(frozen=True)
class Network:
    """The part of the graph to draw: actions, their goals, and the links among them."""

    actions: list[Action]
    goals: list[tuple[str, str]]  # (key, label)
    goal_edges: list[tuple[str, str]]  # (goal key, flywheel id)
    edges: list[Edge]
    # Actions linked with every flywheel: one edge each to a single "all
    # flywheels" node, never an edge to each flywheel (N x F edges).
    to_all: list[str] = field(default_factory=list)


def network(
    catalogue: Catalogue, graph: LinkGraph, actions: Sequence[Action], *, with_goals: bool
) -> Network:
    selected = {a.id for a in actions}
    edges = []
    for action in actions:
        for other in graph.linked(action.id, implicit=False):
            if other.id in selected and action_sort_key(action.id) < action_sort_key(other.id):
                both = graph.names(action.id, other.id) and graph.names(other.id, action.id)
                edges.append(Edge(action.id, other.id, both))
    goals: list[tuple[str, str]] = []
    goal_edges: list[tuple[str, str]] = []
    if with_goals:
        sections = {a.goal for a in actions if a.is_flywheel and a.goal}
        for goal in sorted(catalogue.goals.values(), key=lambda g: g.number):
            if goal.key in sections:
                goals.append((goal.key, f"{goal.number}. {goal.name_nl}"))
        goal_edges = [(a.goal, a.id) for a in actions if a.is_flywheel and a.goal in sections]
    to_all = [a.id for a in actions if a.id in graph.to_all_flywheels]
    return Network(list(actions), goals, goal_edges, edges, to_all)


def _label(action: Action) -> str:
    return f"{action.id}: {shorten(visible(action.title), 48)}"


_PLAIN_ID = re.compile(r"[A-Za-z0-9]+")


def node_id(prefix: str, key: str) -> str:
    """A node id that is safe in Mermaid and DOT whatever the key holds.

    Keys that are plain letters and digits are kept (readable output); any
    other key is written in hex, so ``cyber---evil`` cannot become an edge.
    """
    if _PLAIN_ID.fullmatch(key):
        return f"{prefix}_{key}"
    return f"{prefix}x_{key.encode().hex()}"


def _g(key: str) -> str:
    return node_id("g", key)


def _a(action_id: str) -> str:
    return node_id("a", action_id)


def _mermaid_text(text: str) -> str:
    """Mermaid entity codes for every character that could end or alter a label."""
    out = []
    for char in text:
        if char.isalnum() or char in " .,:-/'’‘–()?!":
            out.append(char)
        else:
            out.append(f"#{ord(char)};")
    return "".join(out)


# The one node that stands for every flywheel (no key or id starts like it).
ALL_NODE = "all_flywheels"
ALL_LABEL = "All flywheel actions"


def mermaid(net: Network) -> str:
    lines = ["flowchart LR"]
    lines += [f'  {_g(key)}(["{_mermaid_text(label)}"])' for key, label in net.goals]
    for action in net.actions:
        shape = ('["', '"]') if action.is_flywheel else ('("', '")')
        lines.append(f"  {_a(action.id)}{shape[0]}{_mermaid_text(_label(action))}{shape[1]}")
    lines += [f"  {_g(goal)} --- {_a(flywheel)}" for goal, flywheel in net.goal_edges]
    lines += [
        f"  {_a(e.source)} {'---' if e.both_sides else '-.-'} {_a(e.target)}" for e in net.edges
    ]
    if net.to_all:
        lines.append(f'  {ALL_NODE}[["{_mermaid_text(ALL_LABEL)}"]]')
        lines += [f"  {_a(action_id)} --- {ALL_NODE}" for action_id in net.to_all]
    flywheels = [_a(a.id) for a in net.actions if a.is_flywheel]
    if flywheels:
        lines.append("  classDef flywheel fill:#fff3c4,stroke:#b58900")
        lines.append(f"  class {','.join(flywheels)} flywheel")
    if net.goals:
        lines.append("  classDef goal fill:#d7ecff,stroke:#268bd2")
        lines.append(f"  class {','.join(_g(k) for k, _ in net.goals)} goal")
    return "\n".join(lines) + "\n"


def _dot_text(text: str) -> str:
    return visible(" ".join(text.split())).replace("\\", "\\\\").replace('"', '\\"')


def _dot_node(node_id: str, label: str, attrs: Iterable[str]) -> str:
    return f'  "{node_id}" [label="{_dot_text(label)}", {", ".join(attrs)}];'


def dot(net: Network) -> str:
    lines = [
        "graph rrs {",
        "  rankdir=LR;",
        '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica"];',
    ]
    for key, label in net.goals:
        lines.append(_dot_node(_g(key), label, ["shape=ellipse", 'fillcolor="#d7ecff"']))
    for action in net.actions:
        fill = '"#fff3c4"' if action.is_flywheel else '"#ffffff"'
        lines.append(_dot_node(_a(action.id), _label(action), [f"fillcolor={fill}"]))
    lines += [f'  "{_g(goal)}" -- "{_a(flywheel)}";' for goal, flywheel in net.goal_edges]
    for edge in net.edges:
        style = "" if edge.both_sides else " [style=dashed]"
        lines.append(f'  "{_a(edge.source)}" -- "{_a(edge.target)}"{style};')
    if net.to_all:
        lines.append(_dot_node(ALL_NODE, ALL_LABEL, ["shape=box3d", 'fillcolor="#fff3c4"']))
        lines += [f'  "{_a(action_id)}" -- "{ALL_NODE}";' for action_id in net.to_all]
    lines.append("}")
    return "\n".join(lines) + "\n"

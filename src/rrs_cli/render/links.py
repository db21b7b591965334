"""Renderers for a walk over the link graph (`rrs links`)."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from rich import box
from rich.table import Table

from ..catalogue import Catalogue
from ..graph import LinkGraph
from ..models import Action, action_sort_key
from .export import to_json


@dataclass(frozen=True)
class Step:
    depth: int
    action: Action
    via: str | None  # the action one step closer to the start
    sides: str  # which blocks print the link: "both", or the one id that does


def walk(catalogue: Catalogue, graph: LinkGraph, start: Action, depth: int) -> list[Step]:
    """Breadth-first steps from ``start``; each action once, at its shortest distance."""
    steps = [Step(0, start, None, "")]
    seen = {start.id}
    queue = deque(steps)
    while queue:
        step = queue.popleft()
        if step.depth >= depth:
            continue
        for other in graph.linked(step.action.id):
            if other.id in seen:
                continue
            seen.add(other.id)
            here = graph.names(step.action.id, other.id)
            there = graph.names(other.id, step.action.id)
            sides = "both" if here and there else (step.action.id if here else other.id)
            queue.append(Step(step.depth + 1, other, step.action.id, sides))
            steps.append(queue[-1])
    return sorted(steps, key=lambda s: (s.depth, action_sort_key(s.action.id)))


def table(steps: list[Step], *, plain: bool) -> Table:
    result = Table(box=None if plain else box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for name in ("Depth", "ID", "Kind", "Title", "Via", "Named by"):
        result.add_column(name, ratio=1 if name == "Title" else None, no_wrap=name != "Title")
    for step in steps:
        result.add_row(
            str(step.depth),
            step.action.id,
            step.action.kind.value,
            step.action.title,
            step.via or "",
            step.sides,
        )
    return result


def json_text(steps: list[Step]) -> str:
    return to_json(
        [
            {
                "depth": s.depth,
                "id": s.action.id,
                "kind": s.action.kind.value,
                "title": s.action.title,
                "via": s.via,
                "named_by": s.sides or None,
            }
            for s in steps
        ]
    )

"""Renderers for a walk over the link graph (`rrs links`)."""

from __future__ import annotations

from rich import box
from rich.table import Table

from ..graph import Step
from .export import to_json
from .text import rich_safe


def table(steps: list[Step], *, plain: bool) -> Table:
    result = Table(box=None if plain else box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for name in ("Depth", "ID", "Kind", "Title", "Via", "Named by"):
        result.add_column(name, ratio=1 if name == "Title" else None, no_wrap=name != "Title")
    for step in steps:
        cells = (
            str(step.depth),
            step.action.id,
            step.action.kind.value,
            step.action.title,
            step.via or "",
            step.sides,
        )
        result.add_row(*(rich_safe(cell) for cell in cells))
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

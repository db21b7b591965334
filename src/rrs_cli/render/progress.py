"""Renderers for an action's progress log (`rrs progress list`)."""

from __future__ import annotations

from ..models import Action
from .export import to_json
from .text import visible


def lines(action: Action) -> list[str]:
    """One numbered entry a line; the numbers are the ones ``--index`` takes."""
    width = len(str(len(action.progress)))
    shown = []
    for number, entry in enumerate(action.progress, start=1):
        who = f"  ({entry.by})" if entry.by else ""
        line = f"{number:>{width}}  {entry.date}  {entry.status.value:<14}  {entry.note}{who}"
        shown.append(visible(line.rstrip()))
    return shown


def json_text(action: Action) -> str:
    """The log as data, with the same numbers as the text form."""
    return to_json(
        {
            "id": action.id,
            "entries": [
                {
                    "index": number,
                    "date": entry.date.isoformat(),
                    "status": entry.status.value,
                    "note": entry.note,
                    "by": entry.by,
                }
                for number, entry in enumerate(action.progress, start=1)
            ],
        }
    )

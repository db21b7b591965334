"""Renderers for a catalogue diff: Markdown for a pull-request comment, and JSON."""

from __future__ import annotations

from typing import Any

from ..diff import CatalogueDiff
from .export import to_json
from .text import md_code, md_inline


def _show(value: Any) -> str:
    if value is None or value == "":
        return "—"
    return md_inline(str(value))


def markdown(diff: CatalogueDiff) -> str:
    title = f"## Catalogue changes: {md_code(diff.base)} → {md_code(diff.head)}"
    if diff.is_empty():
        return f"{title}\n\nNo changes to actions.\n"
    lines = [
        title,
        "",
        f"{len(diff.added)} added, {len(diff.removed)} removed, {len(diff.changed)} changed.",
    ]
    for heading, actions in (("Added", diff.added), ("Removed", diff.removed)):
        if actions:
            lines += ["", f"### {heading}", ""]
            lines += [f"- **{md_inline(a.id)}** {md_inline(a.title)}" for a in actions]
    if diff.changed:
        lines += ["", "### Changed", ""]
        lines += ["| Action | What | Before | After |", "|---|---|---|---|"]
        for change in diff.changed:
            who = f"**{md_inline(change.id)}** {md_inline(change.title)}"
            for name, (before, after) in change.fields.items():
                lines.append(f"| {who} | {name} | {_show(before)} | {_show(after)} |")
            if change.links_added:
                lines.append(f"| {who} | links added | | {_show(' '.join(change.links_added))} |")
            if change.links_removed:
                removed = _show(" ".join(change.links_removed))
                lines.append(f"| {who} | links removed | {removed} | |")
            for entry in change.progress_added:
                note = f"{entry.date}: {entry.status.value}" + (
                    f" ({entry.note})" if entry.note else ""
                )
                lines.append(f"| {who} | progress | | {_show(note)} |")
    return "\n".join(lines) + "\n"


def json_text(diff: CatalogueDiff) -> str:
    return to_json(
        {
            "base": diff.base,
            "head": diff.head,
            "added": [a.id for a in diff.added],
            "removed": [a.id for a in diff.removed],
            "changed": [
                {
                    "id": c.id,
                    "fields": {k: {"before": b, "after": a} for k, (b, a) in c.fields.items()},
                    "links_added": c.links_added,
                    "links_removed": c.links_removed,
                    "progress_added": [e.model_dump(mode="json") for e in c.progress_added],
                }
                for c in diff.changed
            ],
        }
    )

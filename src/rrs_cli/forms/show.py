"""The import's review and the round's status as text or JSON (no writing here)."""

from __future__ import annotations

import json
from typing import Any

from ..i18n import Language, status_label
from ..render.text import json_safe, shorten, visible
from .check import Review, ReviewRow
from .model import Problem, Round
from .status import RoundStatus


def _status(row: ReviewRow, lang: Language) -> str:
    before = status_label(row.before, lang)
    after = status_label(row.after, lang)
    return after if row.before == row.after else f"{before} → {after}"


def review_lines(review: Review, lang: Language) -> list[str]:
    """The review, one action a line (and where its row is)."""
    counts = {
        o: sum(r.outcome == o for r in review.rows)
        for o in ("record", "forced", "already", "conflict")
    }
    lines = [
        f"{review.forms} form(s) read: {counts['record'] + counts['forced']} entr"
        f"{'y' if counts['record'] + counts['forced'] == 1 else 'ies'} to record, "
        f"{counts['already']} already recorded, {counts['conflict']} conflict(s), "
        f"{review.empty} empty row(s)"
    ]
    for row in review.rows:
        mark = {"record": " ", "forced": "!", "already": "=", "conflict": "?"}[row.outcome]
        parts = [f"{mark} {row.action_id:<4} {_status(row, lang)}", str(row.day)]
        if row.note:
            parts.append(f"“{shorten(row.note, 60)}”")
        if row.by:
            parts.append(f"({row.by})")
        lines.append(visible("  ".join(parts)))
        lines.append(visible(f"      {row.where}" + (f" — {row.owner}" if row.owner else "")))
        if row.outcome == "conflict":
            lines.append(
                visible(
                    f"      conflict, skipped: {row.detail}; --force-row {row.action_id} records it"
                )
            )
        elif row.outcome == "forced":
            lines.append(visible(f"      conflict, recorded (--force-row): {row.detail}"))
        elif row.outcome == "already":
            lines.append("      already in the log (imported before): nothing to record")
    return lines


def problem_line(problem: Problem) -> str:
    return visible(f"{problem.where}: {problem.message}")


def review_json(review: Review, problems: list[Problem], *, dry_run: bool, recorded: bool) -> str:
    data: dict[str, Any] = {
        "dry_run": dry_run,
        "recorded": recorded,
        "forms": review.forms,
        "empty_rows": review.empty,
        "rows": [
            {
                "file": row.form,
                "sheet": row.sheet or None,
                "row": row.row,
                "action": row.action_id,
                "owner": row.owner,
                "round": row.round,
                "before": row.before.value if row.before else None,
                "after": row.after.value if row.after else None,
                "date": row.day.isoformat() if row.day else None,
                "note": row.note,
                "by": row.by or None,
                "outcome": row.outcome,
                "detail": row.detail or None,
            }
            for row in review.rows
        ],
        "problems": [
            {
                "code": p.code,
                "file": p.file,
                "sheet": p.sheet,
                "cell": p.cell,
                "where": p.where,
                "message": p.message,
            }
            for p in problems
        ],
    }
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


SHOWN = 60  # forms listed one a line; round.csv lists them all


def made_lines(made: Round, outdir: str, file_format: str) -> list[str]:
    total = sum(len(f.rows) for f in made.forms)
    lines = [
        f"round {made.name}: {len(made.forms)} form(s) for {total} action(s) in {outdir}",
    ]
    width = max(len(f.stem) for f in made.forms[:SHOWN]) + len(file_format) + 1
    for form in made.forms[:SHOWN]:
        lines.append(
            visible(
                f"  {form.stem + '.' + file_format:<{width}}  {len(form.rows):>4}  {form.title}"
            )
        )
    return lines


def status_lines(status: RoundStatus) -> list[str]:
    due = f", due {status.due}" if status.due else ""
    lines = [
        f"round {status.name} (began {status.made}{due}): {status.answered} of "
        f"{len(status.owners)} owners answered; {len(status.updated)} of "
        f"{len(status.updated) + len(status.waiting)} actions updated"
    ]
    answered = [o for o in status.owners if o.answered]
    waiting = [o for o in status.owners if not o.answered]
    for title, owners in (("answered", answered), ("not answered yet", waiting)):
        if owners:
            lines.append(f"{title}:")
            lines += [
                visible(f"  {o.owner or '(no owner)'}: {', '.join(o.actions)}") for o in owners
            ]
    if status.waiting:
        lines.append("actions without an entry since the round began: " + ", ".join(status.waiting))
    return lines


def status_json(status: RoundStatus) -> str:
    data = {
        "round": status.name,
        "began": status.made.isoformat(),
        "due": status.due.isoformat() if status.due else None,
        "owners": [
            {"owner": o.owner, "actions": o.actions, "answered": o.answered} for o in status.owners
        ],
        "answered": status.answered,
        "updated": status.updated,
        "waiting": status.waiting,
    }
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"

"""Recording a review's rows: all of them in one go, through ``rrs update``'s write path.

:func:`progress.append_many` takes the actions folder's lock once, inserts
each entry with the same line edits as ``rrs update``, checks every changed
file against the whole catalogue as ``rrs validate`` would, and writes all
files (and ``rounds.yaml``, which records the import) or none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..catalogue import LoadResult
from ..errors import WriteRefusedError
from ..progress import BeforeWrite, append_many
from .check import Review, ReviewRow
from .model import Problem
from .rounds import ROUNDS_FILE, check_rounds_text, find_round, rounds_yaml, with_returned


@dataclass
class Recorded:
    """What recording did (or, with ``dry_run``, would do)."""

    rows: list[ReviewRow]
    problems: list[Problem]  # rows the write path refused: then nothing was written
    written: list[Path]


def record_review(
    root: Path,
    review: Review,
    *,
    today: date,
    dry_run: bool = False,
    before_write: BeforeWrite | None = None,
) -> Recorded:
    rows = review.to_record
    if not rows:
        return Recorded([], [], [])

    def rounds_file(result: LoadResult) -> list[tuple[Path, bytes | None, str]]:
        return _rounds_change(root, result, rows, today)

    batch = append_many(
        root,
        review.updates(),
        extra=rounds_file,
        dry_run=dry_run,
        today=today,
        before_write=before_write,
    )
    problems = [
        Problem(
            "FRM014",
            f"the catalogue refuses this entry: {message}",
            rows[i].form,
            rows[i].sheet or None,
            f"row {rows[i].row}",
        )
        for i, message in sorted(batch.refused.items())
    ]
    return Recorded(rows, problems, batch.written)


def _rounds_change(
    root: Path, result: LoadResult, rows: Sequence[ReviewRow], today: date
) -> list[tuple[Path, bytes | None, str]]:
    """``rounds.yaml`` with this import added to each round it belongs to."""
    path = root / ROUNDS_FILE
    if any(Path(f.file) == path and f.severity.value == "error" for f in result.findings):
        raise WriteRefusedError(
            f"{ROUNDS_FILE} has errors; fix them before importing forms (nothing was written)",
            hint="run `rrs validate`",
        )
    rounds = list(result.catalogue.rounds)
    by_round: dict[str, dict[str, list[str]]] = {}
    for row in rows:
        found = find_round(rounds, row.round) if row.round else None
        if found is None:
            continue
        # A form names its digest; a CSV row counts for the form that held its action.
        digest = row.digest or next(
            (f.digest for f in found.forms if row.action_id in f.actions), None
        )
        if digest is not None:
            by_round.setdefault(found.name, {}).setdefault(digest, []).append(row.action_id)
    if not by_round:
        return []
    for name, recorded in by_round.items():
        rounds = with_returned(rounds, name, recorded, today)
    text = rounds_yaml(rounds)
    check_rounds_text(root, text)
    raw = path.read_bytes() if path.exists() else None
    return [(path, raw, text)]

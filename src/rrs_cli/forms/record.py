"""Importing returned forms: check every row, then record them all in one go,
through ``rrs update``'s write path.

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
from typing import Any

from ..catalogue import LoadResult
from ..edits import BeforeWrite
from ..errors import UnknownChoiceError, WriteRefusedError
from ..layout import ROUNDS_FILE
from ..progress import Update, append_many
from ..rounds import check_rounds_text, find_round, rounds_yaml, with_returned
from .check import Review, ReviewRow, check_forms
from .container import ReadForm
from .model import Problem


@dataclass
class Imported:
    """What an import did (or, with ``dry_run``, would do)."""

    review: Review
    problems: list[Problem]  # the review's, and rows the write path refused
    written: list[Path]
    language: str  # the catalogue's

    @property
    def rows(self) -> list[ReviewRow]:
        return self.review.to_record


class _Stop(Exception):
    """The review has problems: stop before any edit, nothing is written."""


def import_forms(
    root: Path,
    forms: Sequence[ReadForm],
    *,
    today: date,
    force: Sequence[str] = (),
    csv_round: str | None = None,
    dry_run: bool = False,
    confirmed: list[tuple[str, str]] | None = None,
    before_write: BeforeWrite | None = None,
) -> Imported:
    """Check every row and record the accepted ones, under one lock and one load.

    ``confirmed``: the entries a person agreed to (:func:`entries` of the review
    shown); if the catalogue changed since, so that the review would differ,
    nothing is written.
    """
    seen: dict[str, Any] = {}

    def plan(result: LoadResult) -> list[Update]:
        catalogue = result.catalogue
        seen["language"] = catalogue.strategy.language
        if csv_round is not None and find_round(catalogue.rounds, csv_round) is None:
            known = ", ".join(r.name for r in catalogue.rounds) or "none yet"
            raise UnknownChoiceError(f"unknown round '{csv_round}'", hint=f"rounds: {known}")
        review = check_forms(catalogue, forms, today=today, force=force, csv_round=csv_round)
        seen["review"] = review
        if review.problems:
            raise _Stop
        if confirmed is not None and entries(review) != confirmed:
            raise WriteRefusedError(
                "the catalogue changed while the review was shown; nothing was recorded",
                hint="run the import again to see the new review",
            )
        return review.updates()

    def rounds_file(result: LoadResult) -> list[tuple[Path, bytes | None, str]]:
        return _rounds_change(root, result, seen["review"].to_record, today)

    try:
        batch = append_many(
            root, plan, extra=rounds_file, dry_run=dry_run, today=today, before_write=before_write
        )
    except _Stop:
        review = seen["review"]
        return Imported(review, list(review.problems), [], seen["language"])
    review = seen["review"]
    rows = review.to_record
    refused = [
        Problem(
            "FRM014",
            f"the catalogue refuses this entry: {message}",
            rows[i].form,
            rows[i].sheet or None,
            f"row {rows[i].row}",
        )
        for i, message in sorted(batch.refused.items())
    ]
    return Imported(review, refused, batch.written, seen["language"])


def entries(review: Review) -> list[tuple[str, str]]:
    """What a review would record, to compare two reviews."""
    return [(r.action_id, f"{r.day}|{r.after}|{r.note}|{r.by}") for r in review.to_record]


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

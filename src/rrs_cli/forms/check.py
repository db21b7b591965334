"""Returned forms' rows -> the progress entries they propose, with every problem located.

The rules are those of ``rrs update``: a known status (the form's words, or
the other language's, or rrs's own), a real date that is not in the future
(an earlier date than the last entry is a backfill and goes in at its place),
a note that is text, and something to record (a new status or a note). On
top of those, what a form adds:

* the form must be one rrs made for this catalogue: its hidden data must
  still hash to its digest, and that digest must be recorded for its round in
  ``rounds.yaml``;
* each row's id must be one of the form's rows, once, and its read-only cells
  must be as the form showed them (a changed protected cell is reported);
* a row whose action's log changed since the form was made is a conflict: it
  is skipped (``--force-row ID`` records it anyway); a row whose entry is
  already in the log (the same form imported again) records nothing.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ..catalogue import Catalogue
from ..i18n import LANGUAGES, MESSAGES, Language, language, status_label
from ..models import Action, Status
from ..progress import Update
from ..query import fold
from ..rounds import FormRecords, find_round
from ..textsafety import has_invisible, invisible_characters, visible
from .container import ReadForm
from .model import (
    COLUMNS,
    FORM_VERSION,
    Problem,
    canonical,
    cell_name,
    form_row,
    log_fingerprint,
    row_hash,
)

STATUS_AT = COLUMNS.index("new_status")
DATE_AT = COLUMNS.index("date")
NOTE_AT = COLUMNS.index("note")
BY_AT = COLUMNS.index("by")


@dataclass
class ReviewRow:
    """One row that proposes an entry (or says why it records nothing)."""

    form: str
    sheet: str
    row: int
    action_id: str
    owner: str
    before: Status | None
    after: Status | None
    day: date | None
    note: str
    by: str
    outcome: str  # record, forced, already, conflict
    detail: str = ""
    round: str | None = None
    digest: str | None = None  # the form's (None for a CSV file)

    @property
    def where(self) -> str:
        return " › ".join(p for p in (self.form, self.sheet, f"row {self.row}") if p)


@dataclass
class Review:
    """Everything the import would do, before anything is written."""

    rows: list[ReviewRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    empty: int = 0  # rows left empty
    forms: int = 0

    @property
    def to_record(self) -> list[ReviewRow]:
        return [r for r in self.rows if r.outcome in ("record", "forced")]

    def updates(self) -> list[Update]:
        return [
            Update(r.action_id, r.after, r.note, r.day or date.today(), r.by or None)
            for r in self.to_record
        ]


def _status_words() -> dict[str, Status]:
    words: dict[str, Status] = {}
    for status in Status:
        for lang in LANGUAGES:
            words[fold(status_label(status, lang))] = status
        words[fold(status.value)] = status
        words[fold(status.value.replace("-", " "))] = status
    return words


STATUS_WORDS = _status_words()


def _hint_words() -> dict[str, Status]:
    """Every status word, and the words owners write for one (i18n ``forms.hint.*``)."""
    words = dict(STATUS_WORDS)
    for status in Status:
        for written in MESSAGES[f"forms.hint.{status.value}"]:
            words.update({fold(w): status for w in written.split(",") if w.strip()})
    return words


_HINTS = _hint_words()


def parse_status(value: Any, lang: Language) -> tuple[Status | None, str | None]:
    """The status a cell names; or an error message with a "did you mean"."""
    written = canonical(value)
    found = STATUS_WORDS.get(fold(written))
    if found is not None:
        return found, None
    choices = {status_label(s, lang): s for s in Status}
    hint = ""
    suggested = _HINTS.get(fold(written))
    close = difflib.get_close_matches(fold(written), list(_HINTS), n=1, cutoff=0.6)
    if suggested is None and close:
        suggested = _HINTS[close[0]]
    if suggested is not None:
        hint = f" — did you mean ‘{status_label(suggested, lang)}’?"
    return None, (
        f"unknown status ‘{visible(written)}’{hint} (choose one of: {', '.join(choices)})"
    )


_DAY_FIRST = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")


def parse_date(value: Any) -> tuple[date | None, str | None]:
    """A cell's date: a date cell, or text as 2026-10-05 or 5-10-2026 (day first)."""
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    written = canonical(value)
    try:
        return date.fromisoformat(written), None
    except ValueError:
        pass
    match = _DAY_FIRST.match(written)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return date(year, month, day), None
        except ValueError:
            pass
    return None, f"‘{visible(written)}’ is not a date; write it as 2026-10-05 or 5-10-2026"


def text_problem(value: str, what: str) -> str | None:
    """Why a note or name cannot be recorded as it is, or None."""
    if any((ord(c) < 32 and c not in "\t\n\r") or 0x7F <= ord(c) < 0xA0 for c in value):
        return f"the {what} holds a control character; type plain text"
    if has_invisible(value):
        shown = ", ".join(visible(c) for c in invisible_characters(value)[:3])
        return (
            f"the {what} holds invisible or direction-changing characters ({shown}) that can "
            "make it read differently from what it says; retype it"
        )
    return None


def _cell_text(value: Any) -> str:
    """A note or name as text: line ends made plain newlines, outer blanks removed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def check_forms(
    catalogue: Catalogue,
    forms: Sequence[ReadForm],
    *,
    today: date,
    force: Iterable[str] = (),
    csv_round: str | None = None,
) -> Review:
    """Check every row of every form; nothing is written here."""
    review = Review(forms=len(forms))
    forced = {f.strip().upper() for f in force}
    seen: dict[str, str] = {}
    records = FormRecords(catalogue.rounds)
    for form in forms:
        review.problems.extend(form.problems)
        if form.fatal:
            continue
        if form.kind == "csv":
            _check_csv(catalogue, form, review, today, forced, seen, csv_round, records)
        else:
            _check_form(catalogue, form, review, today, forced, seen, records)
    return review


def _check_form(
    catalogue: Catalogue,
    form: ReadForm,
    review: Review,
    today: date,
    forced: set[str],
    seen: dict[str, str],
    records: FormRecords,
) -> None:
    hidden = form.hidden
    assert hidden is not None

    def problem(code: str, message: str, cell: str | None = None) -> None:
        review.problems.append(
            Problem(code, message, form.name, form.sheet if cell else None, cell)
        )

    if hidden.version != FORM_VERSION:
        problem("FRM005", f"a form of another version of rrs ({visible(hidden.version)})")
        return
    if hidden.digest() != form.stored_digest:
        problem(
            "FRM006",
            "the form's hidden sheet ‘rrs’ was changed (its checksum does not match); "
            "nothing of this form is recorded",
        )
        return
    record = records.get(hidden.round, form.stored_digest)
    if record is None:
        problem("FRM007", _unknown_form(catalogue, hidden.round, hidden.catalogue))
        return
    lang = language(hidden.language)
    if not _headings_match(form.headings):
        problem(
            "FRM006",
            "the columns of the sheet were changed (moved, added or removed); "
            "rrs reads the form's own columns A to K",
            "A1:K1",
        )
        return
    expected = {row[0]: row for row in hidden.rows}
    owned = set(record.actions)
    round_ = find_round(catalogue.rounds, hidden.round)
    for number, cells in form.rows:
        action_id = canonical(cells[0])
        entry = expected.get(action_id)
        if entry is None or action_id not in owned:
            problem(
                "FRM006",
                f"action ‘{visible(action_id)}’ is not one of this form's rows "
                f"(the form is for {visible(hidden.owner) or 'actions without an owner'}); "
                "was the id changed?"
                if action_id
                else "a row without an action id (rows cannot be added to the form)",
                cell_name(0, number),
            )
            continue
        action = catalogue.actions.get(action_id)
        if action is None:
            problem(
                "FRM006",
                f"action {visible(action_id)} is no longer in the catalogue (or its file has "
                "errors; run `rrs validate`)",
                cell_name(0, number),
            )
            continue
        if row_hash(cells[:7]) != entry[2]:
            _protected_changed(
                catalogue, action, hidden.as_of, lang, cells, entry[2], number, problem
            )
            continue
        row = _proposal(action, cells, number, lang, today, problem, hidden.made)
        if row is None:
            review.empty += 1
            continue
        # Only rows that say something count twice (an empty copy of a form is harmless).
        if _duplicate(action_id, form.name, number, seen, problem) or row.outcome == "error":
            continue
        row.form, row.sheet, row.owner = form.name, form.sheet, hidden.owner
        row.round = round_.name if round_ else hidden.round
        row.digest = form.stored_digest
        _outcome(row, action, entry[1], forced, cells)
        review.rows.append(row)


def _unknown_form(catalogue: Catalogue, round_name: str, made_for: str) -> str:
    if fold(made_for) != fold(catalogue.strategy.name):
        return (
            f"this form was made from another catalogue (‘{visible(made_for)}’, round "
            f"{visible(round_name)}); nothing of it is recorded here"
        )
    if find_round(catalogue.rounds, round_name) is None:
        known = ", ".join(r.name for r in catalogue.rounds) or "none"
        return (
            f"this form is of round {visible(round_name)}, which this catalogue does not know "
            f"(rounds: {known}); was it made from another copy of the catalogue?"
        )
    return (
        f"this form is not one of the forms made for round {visible(round_name)} in this "
        "catalogue (made from another copy of it, or its hidden sheet was changed)"
    )


def _headings_match(headings: list[Any]) -> bool:
    if len(headings) < len(COLUMNS):
        return False
    for column, key in (
        (0, "forms.col.id"),
        (STATUS_AT, "forms.col.new_status"),
        (NOTE_AT, "forms.col.note"),
    ):
        if fold(canonical(headings[column])) not in {fold(w) for w in MESSAGES[key]}:
            return False
    return True


def _duplicate(
    action_id: str, form_name: str, number: int, seen: dict[str, str], problem: Any
) -> bool:
    where = f"{form_name} row {number}"
    if action_id in seen:
        problem(
            "FRM015",
            f"action {action_id} is also in {seen[action_id]}; give each action once",
            cell_name(0, number),
        )
        return True
    seen[action_id] = where
    return False


def _protected_changed(
    catalogue: Catalogue,
    action: Action,
    as_of: date,
    lang: Language,
    cells: list[Any],
    stored: str,
    number: int,
    problem: Any,
) -> None:
    """Say which protected cell changed, when the catalogue still gives the row as it was."""
    now = form_row(action, catalogue, as_of, lang)
    if now.row_hash == stored:
        for column, (was, found) in enumerate(zip(now.read_only_values(), cells[:7], strict=True)):
            if canonical(was) != canonical(found):
                problem(
                    "FRM006",
                    f"a protected cell was changed: it says ‘{visible(canonical(found))[:80]}’, "
                    f"the form said ‘{visible(canonical(was))[:80]}’; nothing of this row is "
                    "recorded",
                    cell_name(column, number),
                )
        return
    problem(
        "FRM006",
        "a protected cell of this row (columns A to G) was changed; nothing of this row is "
        "recorded",
        f"{cell_name(0, number)}:{cell_name(6, number)}",
    )


def _proposal(
    action: Action,
    cells: list[Any],
    number: int,
    lang: Language,
    today: date,
    problem: Any,
    since: date | None = None,
) -> ReviewRow | None:
    """The entry a row proposes, or None for an empty row; problems go to ``problem``."""
    raw_status, raw_date, raw_note, raw_by = (
        cells[STATUS_AT],
        cells[DATE_AT],
        cells[NOTE_AT],
        cells[BY_AT],
    )
    note, by = _cell_text(raw_note), _cell_text(raw_by)
    status: Status | None = None
    failed = False
    if canonical(raw_status):
        status, message = parse_status(raw_status, lang)
        if message:
            problem("FRM010", message, cell_name(STATUS_AT, number))
            failed = True
    if status is None and not note and not failed:
        return None  # nothing to record (a date or a name alone says nothing)
    day = today
    if canonical(raw_date):
        parsed, message = parse_date(raw_date)
        if message or parsed is None:
            problem("FRM011", message or "not a date", cell_name(DATE_AT, number))
            failed = True
        elif parsed > today:
            problem(
                "FRM011",
                f"{parsed} is in the future; progress is recorded when it has happened",
                cell_name(DATE_AT, number),
            )
            failed = True
        else:
            day = parsed
    for value, column, what in ((note, NOTE_AT, "note"), (by, BY_AT, "name")):
        message = text_problem(value, what)
        if message:
            problem("FRM012", message, cell_name(column, number))
            failed = True
    current = action.status_on(day)
    # Without a date the entry got the day of the import: the same row imported on
    # a later day matches an entry from any day since the form was made.
    earliest = since if since is not None and not canonical(raw_date) else day
    if not failed and _already(action, earliest, day, status, note, by):
        row = ReviewRow(
            "",
            "",
            number,
            action.id,
            "",
            status or current,
            status or current,
            day,
            note,
            by,
            "already",
        )
        row.detail = "this entry is already in the log (imported before); nothing to record"
        return row
    if not failed and status is not None and status == current and not note:
        problem(
            "FRM013",
            f"nothing to record: on {day} the status is already ‘{status_label(status, lang)}’; "
            "clear the cell, or add a note saying what happened",
            cell_name(STATUS_AT, number),
        )
        failed = True
    if not failed and status is None and current is None:
        problem(
            "FRM010",
            f"action {action.id} has no status yet; choose one",
            cell_name(STATUS_AT, number),
        )
        failed = True
    if failed:
        return ReviewRow("", "", number, action.id, "", current, status, day, note, by, "error")
    return ReviewRow(
        "", "", number, action.id, "", current, status or current, day, note, by, "record"
    )


def _already(
    action: Action, earliest: date, day: date, status: Status | None, note: str, by: str
) -> bool:
    """Is this row's entry already in the log (the same form imported before)?"""
    return any(
        earliest <= e.date <= day
        and (status is None or e.status == status)
        and e.note == note
        and (e.by or "") == by
        for e in action.progress
    )


def _outcome(
    row: ReviewRow,
    action: Action,
    fingerprint: str | None,
    forced: set[str],
    cells: Sequence[Any] = (),
) -> None:
    """A conflict, or to record (an entry already in the log stays as it is)."""
    if row.outcome == "already":
        return
    if fingerprint is not None and fingerprint != log_fingerprint(action.progress):
        last = max(action.progress, key=lambda e: e.date) if action.progress else None
        now = f"{last.date}, {last.status.value}" if last else "no entries"
        saw = ""
        if cells:
            seen_last = canonical(cells[COLUMNS.index("last_update")]) or "no entries"
            saw = f"the form saw {seen_last}, {canonical(cells[COLUMNS.index('current')])}; "
        row.detail = (
            f"{saw}the log of {action.id} changed after the form was made and now ends with {now}"
        )
        row.outcome = "forced" if action.id in forced else "conflict"


def _check_csv(
    catalogue: Catalogue,
    form: ReadForm,
    review: Review,
    today: date,
    forced: set[str],
    seen: dict[str, str],
    csv_round: str | None,
    records: FormRecords,
) -> None:
    """A CSV has no hidden sheet: the ids must exist, and the read-only "last update"
    column stands in for the log's fingerprint."""

    def problem(code: str, message: str, cell: str | None = None) -> None:
        review.problems.append(Problem(code, message, form.name, None, cell))

    if not _headings_match(form.headings):
        problem(
            "FRM005",
            "the first line must hold the form's column headings (as the sheet ‘Acties’ "
            "or ‘Actions’ of a form has them), columns A to K",
            "A1:K1",
        )
        return
    lang = language(catalogue.strategy.language)
    for number, cells in form.rows:
        action_id = canonical(cells[0]).upper()
        action = catalogue.actions.get(action_id)
        if action is None:
            problem("FRM006", f"there is no action ‘{visible(action_id)}’", cell_name(0, number))
            continue
        row = _proposal(action, cells, number, lang, today, problem)
        if row is None:
            review.empty += 1
            continue
        if _duplicate(action_id, form.name, number, seen, problem) or row.outcome == "error":
            continue
        row.form, row.round = form.name, csv_round
        # The owner whose form of the round holds the action, else its own.
        in_round = records.owner(csv_round, action.id) if csv_round else None
        row.owner = action.owner if in_round is None else in_round
        _outcome(row, action, None, forced)
        shown_last = canonical(cells[COLUMNS.index("last_update")])
        actual = action.last_update
        if row.outcome == "record" and shown_last != (actual.isoformat() if actual else ""):
            row.detail = (
                f"the file saw the last entry of {shown_last or 'never'}, the log has "
                f"{actual or 'none'}"
            )
            row.outcome = "forced" if action.id in forced else "conflict"
        review.rows.append(row)

"""Recording and correcting progress: every write of the progress log of an action file.

Each write here changes only the lines it must (``yamledit``): comments, key
order, quoting, blank lines and the layout of untouched lists stay byte for
byte. Before anything is written:

* the whole catalogue, with the new content in place, is checked with the same
  loader, limits (file size, nesting) and checks as ``rrs validate``; the
  write is refused if the changed files would have errors;
* the new text is parsed again and compared with the old: an edit that would
  change anything but its own key is refused (a layout the line edits do not
  handle can never corrupt a file);
* everything the write depends on (the log, the current status) is read under
  an exclusive lock on the actions folder, so concurrent writers queue up
  instead of losing or reverting each other's entries;
* if a file changed on disk between reading and writing (an editor saved it
  meanwhile), the write is refused and nothing is written.

Several files (a batch of updates; a new action and its back-links, see
``new_action.py``) are written all or nothing. The reading, checking and
writing under the lock are ``edits.py``'s; this module makes the changes.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from .catalogue import LoadResult, load_catalogue
from .edits import (
    BeforeWrite,
    Change,
    Parsed,
    Refusal,
    action_of,
    check_change,
    check_changes,
    commit,
    locked,
    read_action_file,
)
from .errors import (
    RrsError,
    UnknownChoiceError,
    UsageError,
    WriteRefusedError,
)
from .fieldspan import field_span
from .layout import ACTIONS_DIR
from .models import Action, ProgressEntry, Status
from .parallel import in_two
from .query import resolve_action
from .validation import entry_key
from .yamledit import (
    EditError,
    insert_styled_item,
    item_style,
    mapping_item_lines,
    move_item,
    quoted,
    remove_item,
    set_item_fields,
)

_QUOTED = frozenset({"note", "by"})


@dataclass(frozen=True)
class Update:
    """A new progress entry; ``status`` None keeps the status the action had on ``when``."""

    action_id: str
    status: Status | None
    note: str
    when: date
    by: str | None = None


@dataclass(frozen=True)
class Amendment:
    """New values for an entry's fields; None leaves a field as it is."""

    status: Status | None = None
    note: str | None = None
    when: date | None = None
    by: str | None = None

    @property
    def empty(self) -> bool:
        return self == Amendment()


@dataclass(frozen=True)
class EntryRef:
    """Which entry: the one on ``day`` (``index``: its number in `rrs progress list`
    when the day has several); ``day`` None: the latest entry."""

    day: date | None = None
    index: int | None = None


# An edit: the action as read and its file's text -> the new text and the log it
# must hold (checked by parsing the new text again).
Edit = Callable[[Action, str], tuple[str, list[ProgressEntry]]]


def append_progress(
    root: Path,
    update: Update,
    *,
    today: date | None = None,
    before_write: BeforeWrite | None = None,
    on_duplicate: Callable[[ProgressEntry], None] | None = None,
) -> Path:
    """Insert ``update`` into its action's log at its date; return the file written.

    An earlier date than the last entry's is a backfill: the entry goes where its
    date puts it (after the entries already on that date), so the log stays sorted.
    An entry that repeats one already there (the same day and note, see
    ``validation.entry_key``) is still written, and ``on_duplicate`` is told
    which one it repeats (`rrs update` warns; `rrs validate` reports RRS113).
    """
    _check_note(update.note)

    def edit(action: Action, text: str) -> tuple[str, list[ProgressEntry]]:
        entry = _new_entry(action, update)
        log = list(action.progress)
        repeated = [e for e in log if entry_key(e) == entry_key(entry)]
        if repeated and on_duplicate is not None:
            on_duplicate(repeated[0])
        index = bisect_right([e.date for e in log], entry.date)
        log.insert(index, entry)
        return _insert(text, index, entry), log

    return _edit_action(root, update.action_id, edit, today, before_write)


def amend_progress(
    root: Path,
    action_id: str,
    ref: EntryRef,
    amendment: Amendment,
    *,
    today: date | None = None,
    before_write: BeforeWrite | None = None,
) -> tuple[Path, ProgressEntry, ProgressEntry]:
    """Correct one entry; a new date moves it to its place. Returns (file, old, new)."""
    if amendment.empty:
        raise UsageError(
            "nothing to change", hint="give --status, --note, --date or --by with the new value"
        )
    if amendment.note is not None:
        _check_note(amendment.note, required=True)
    changed: list[tuple[ProgressEntry, ProgressEntry]] = []

    def edit(action: Action, text: str) -> tuple[str, list[ProgressEntry]]:
        index = _find(action, ref)
        old = action.progress[index]
        new = old.model_copy(
            update={
                name: value
                for name, value in (
                    ("status", amendment.status),
                    ("note", amendment.note),
                    ("date", amendment.when),
                    ("by", amendment.by),
                )
                if value is not None
            }
        )
        if new == old:
            raise UsageError(f"entry {index + 1} of {action.id} already says that; nothing changed")
        changed.append((old, new))
        # Only the values that change are rewritten: the entry's comments,
        # anchor and other fields stay; a new date moves its lines as they are.
        values = {
            name: _value_text(name, getattr(new, name))
            for name in ("date", "status", "note", "by")
            if getattr(new, name) != getattr(old, name)
        }
        text = set_item_fields(text, "progress", index, values)
        log = list(action.progress)
        del log[index]
        position = bisect_right([e.date for e in log], new.date) if new.date != old.date else index
        log.insert(position, new)
        if position != index:
            text = move_item(text, "progress", index, position)
        return text, log

    path = _edit_action(root, action_id, edit, today, before_write)
    return path, *changed[0]


def remove_progress(
    root: Path,
    action_id: str,
    ref: EntryRef,
    *,
    today: date | None = None,
    before_write: BeforeWrite | None = None,
) -> tuple[Path, ProgressEntry]:
    """Remove one mistaken entry; returns the file and the entry removed."""
    removed: list[ProgressEntry] = []

    def edit(action: Action, text: str) -> tuple[str, list[ProgressEntry]]:
        index = _find(action, ref)
        removed.append(action.progress[index])
        log = [e for i, e in enumerate(action.progress) if i != index]
        return remove_item(text, "progress", index), log

    return _edit_action(root, action_id, edit, today, before_write), removed[0]


def _check_note(note: str, *, required: bool = False) -> None:
    if (note or required) and not note.strip():
        raise UsageError("the note is empty", hint="write what happened, or leave --note out")


def _new_entry(action: Action, update: Update) -> ProgressEntry:
    """The entry to record; refuses one that records nothing."""
    current = action.status_on(update.when)
    status = update.status or current
    if status is None:
        raise WriteRefusedError(f"action {action.id} has no status yet; give one with --status")
    if not update.note and status == current:
        raise UsageError(
            f"nothing to record: {action.id}'s status on {update.when} is already {status.value}",
            hint="give another --status, or a --note saying what happened",
        )
    return ProgressEntry(date=update.when, status=status, note=update.note, by=update.by or None)


def _find(action: Action, ref: EntryRef) -> int:
    """The 0-based position of the entry ``ref`` names; refuses when it is ambiguous."""
    log = action.progress
    if not log:
        raise UnknownChoiceError(f"action {action.id} has no progress entries")
    if ref.day is None:
        return len(log) - 1
    on_day = [i for i, entry in enumerate(log) if entry.date == ref.day]
    if ref.index is not None:
        index = ref.index - 1
        if index not in on_day:
            raise UnknownChoiceError(
                f"entry {ref.index} of {action.id} is not dated {ref.day}",
                hint=f"see `rrs progress list {action.id}`",
            )
        return index
    if not on_day:
        raise UnknownChoiceError(
            f"action {action.id} has no progress entry on {ref.day}",
            hint=f"see `rrs progress list {action.id}`",
        )
    if len(on_day) > 1:
        numbers = ", ".join(str(i + 1) for i in on_day)
        raise UsageError(
            f"action {action.id} has {len(on_day)} entries on {ref.day} ({numbers}); "
            "choose one with --index",
            hint=f"see `rrs progress list {action.id}`",
        )
    return on_day[0]


def _entry_fields(entry: ProgressEntry) -> dict[str, Any]:
    fields: dict[str, Any] = {"date": entry.date, "status": entry.status.value}
    if entry.note:
        fields["note"] = entry.note
    if entry.by:
        fields["by"] = entry.by
    return fields


def _value_text(name: str, value: Any) -> str:
    """A progress field's value as YAML text, in the layout `rrs update` writes."""
    if name in _QUOTED:
        return quoted(value or "")
    return value.isoformat() if isinstance(value, date) else str(getattr(value, "value", value))


def _entry_lines(text: str, entry: ProgressEntry) -> list[str]:
    style = item_style(text, "progress")
    return mapping_item_lines(_entry_fields(entry), _QUOTED, style.dash, style.indent)


def _insert(text: str, index: int, entry: ProgressEntry) -> str:
    fields = _entry_fields(entry)
    return insert_styled_item(
        text,
        "progress",
        index,
        lambda style: mapping_item_lines(fields, _QUOTED, style.dash, style.indent),
    )


def _edit_action(
    root: Path, action_id: str, edit: Edit, today: date | None, before_write: BeforeWrite | None
) -> Path:
    today = today or date.today()
    with locked(root / ACTIONS_DIR):
        result = load_catalogue(root)
        path, raw, text, _ = read_action_file(result, action_id)
        change = _prepared(path, raw, text, action_of(text, path), edit)
        check_changes(result, [change], today)
        commit([change], before_write)
    return path


def _prepared(
    path: Path,
    raw: bytes,
    text: str,
    action: Action,
    edit: Edit,
    span: tuple[int, int] | None = None,
) -> Change:
    """The change ``edit`` makes to the action's file, with the log its new text must
    hold; with ``span`` (the progress field's lines) the edit sees only those lines."""
    start, end = span or (0, len(text))
    try:
        new_part, log = edit(action, text[start:end])
    except EditError as error:
        raise WriteRefusedError(
            f"rrs cannot edit the progress log of {path.name} in place: {error}",
            hint="edit the file by hand",
        ) from None
    expected = partial(_log_is, [_entry_fields(e) for e in log])
    new_text = text[:start] + new_part + text[end:]
    change = Change(path, text, new_text, raw, "progress", expected)
    if span is not None:
        change.span = (start, start + len(new_part))
    return change


# More files to write in the same go as a batch of entries (``rounds.yaml``),
# made under the lock from the catalogue as it is then: (path, bytes read or
# None for a new file, new text).
ExtraFiles = Callable[[LoadResult], list[tuple[Path, bytes | None, str]]]


@dataclass
class BatchResult:
    """What a batch of updates did: per update (by position) why it was refused."""

    refused: dict[int, str]
    written: list[Path]


def append_many(
    root: Path,
    updates: Sequence[Update] | Callable[[LoadResult], Sequence[Update]],
    *,
    extra: ExtraFiles | None = None,
    dry_run: bool = False,
    today: date | None = None,
    before_write: BeforeWrite | None = None,
) -> BatchResult:
    """Insert every update into its action's log in one go, all or nothing.

    The same path as :func:`append_progress` (one lock, the same edits, the same
    checks of every changed file against the catalogue, the same stale check and
    all-or-nothing write), done once for the whole batch. Nothing is written when
    any update is refused (``refused`` says which and why) or with ``dry_run``.
    At most one update per action. ``updates`` may be a function of the
    catalogue as loaded under the lock (so a caller decides from what is written).
    """
    today = today or date.today()
    refused: dict[int, str] = {}
    with locked(root / ACTIONS_DIR):
        result = load_catalogue(root)
        batch = list(updates(result) if callable(updates) else updates)
        ids = [u.action_id.strip().upper() for u in batch]
        if len(set(ids)) != len(ids):
            raise UsageError("a batch may hold one entry per action")
        for update in batch:
            _check_note(update.note)
        if not batch:
            return BatchResult({}, [])
        changes: dict[int, Change] = {}
        checked: dict[Path, Parsed | Refusal] = {}
        work = partial(_prepared_and_checked, result, result.files_with_errors())
        for number, made, answer in in_two(work, list(enumerate(batch)), least=PARALLEL_FROM):
            if isinstance(made, str):
                refused[number] = made
            elif answer is not None:
                changes[number], checked[made.path] = made, answer
        problems: dict[Path, list[str]] = {}
        check_changes(result, list(changes.values()), today, collect=problems, checked=checked)
        for number, change in changes.items():
            if change.path in problems:
                refused[number] = "; ".join(problems[change.path])
        if refused or dry_run:
            return BatchResult(refused, [])
        files = [changes[number] for number in sorted(changes)]
        for path, raw, text in extra(result) if extra else []:
            files.append(Change(path, None, text, raw))
        commit(files, before_write)
    return BatchResult({}, [change.path for change in files])


# From this many updates on, a forked worker makes and checks half of the changes
# (parallel.in_two): each is an edit and a parse of its own file, and an import
# of a round makes thousands.
PARALLEL_FROM = 1000


def _prepared_and_checked(
    result: LoadResult, broken: set[Path], items: list[tuple[int, Update]]
) -> list[tuple[int, Change | str, Parsed | Refusal | None]]:
    """Per update (by its number): its change and the changed file parsed again
    (edits.check_change), or why it is refused. Reads the catalogue, changes nothing
    in it, so half of a batch can be done in a forked process."""
    done: list[tuple[int, Change | str, Parsed | Refusal | None]] = []
    for number, update in items:
        try:
            change = _prepared_update(result, update, broken)
        except RrsError as error:
            done.append((number, error.message + (f" ({error.hint})" if error.hint else ""), None))
            continue
        answer = check_change(change, result.catalogue.documents.get(str(change.path)))
        # Checked: only the new text is needed from here on (and is all a forked
        # worker sends back).
        change.old, change.old_data, change.expected = "", None, None
        done.append((number, change, answer))
    return done


def _prepared_update(result: LoadResult, update: Update, broken: set[Path]) -> Change:
    """One update's change; the action as loaded under the lock (the new text is
    parsed again and compared, so a file that changed since cannot slip through)."""
    path, raw, text, stamp = read_action_file(result, update.action_id, broken)
    action = resolve_action(result.catalogue, update.action_id)

    def edit(action: Action, text: str) -> tuple[str, list[ProgressEntry]]:
        entry = _new_entry(action, update)
        log = list(action.progress)
        index = bisect_right([e.date for e in log], entry.date)
        log.insert(index, entry)
        return _insert(text, index, entry), log

    document = result.catalogue.documents.get(str(path))
    # The file as loaded (same stamp): its marks say where the progress lines are.
    span = None
    if document is not None and document.stamp == stamp:
        span = field_span(text, document, "progress")
    change = _prepared(path, raw, text, action, edit, span)
    if document is not None:
        # The old text as loaded is all the check needs of it: a batch of thousands
        # of files keeps one copy of each old file (its bytes), not three.
        change.old_data, change.old = document.data, ""
    return change


def _log_is(wanted: list[dict[str, Any]], value: Any) -> bool:
    """Does ``value`` (a log as parsed) hold the entries ``wanted``?"""
    return _as_entries(value) == wanted


def _as_entries(value: Any) -> list[dict[str, Any]] | None:
    try:
        return [_entry_fields(ProgressEntry.model_validate(item)) for item in value or []]
    except (ValueError, TypeError):
        return None

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
``new_action.py``) are written all or nothing (``writing.write_files``).
"""

from __future__ import annotations

import fcntl
import os
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from .catalogue import LoadResult, load_catalogue
from .diagnostics import Finding
from .errors import (
    CatalogueInvalidError,
    RrsError,
    UnknownChoiceError,
    UsageError,
    WriteRefusedError,
)
from .fieldspan import field_span
from .layout import ACTIONS_DIR
from .models import Action, ProgressEntry, Status
from .query import resolve_action
from .schemacheck import validate_model
from .validation import check_catalogue, entry_key
from .writing import clean_stale_temporaries, write_files
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
from .yamlio import MAX_FILE_BYTES, Document, YamlProblem, file_stamp, parse

# Tests replace this to simulate another writer between read and write.
BeforeWrite = Callable[[Path], None]

_QUOTED = frozenset({"note", "by"})
_BOM = "\ufeff"


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


@dataclass
class _Change:
    """One file to write: its text before (None: a new file) and after.

    ``key`` is the one top-level key the edit may change and ``expected`` checks
    its new value, as the parser reads it.
    """

    path: Path
    old: str | None
    new: str
    raw: bytes | None = None  # the file's bytes when read, for the stale check
    key: str | None = None
    expected: Callable[[Any], bool] | None = None
    # The old text as parsed when the catalogue was loaded (saves parsing it again).
    old_data: Any = None
    # Where the changed field's lines are in ``new`` when only they need parsing
    # again (fieldspan.field_span); None: the whole file.
    span: tuple[int, int] | None = None


def _edit_action(
    root: Path, action_id: str, edit: Edit, today: date | None, before_write: BeforeWrite | None
) -> Path:
    today = today or date.today()
    with _locked(root / ACTIONS_DIR):
        result = load_catalogue(root)
        path, raw, text, _ = _read_action_file(result, action_id)
        change = _prepared(path, raw, text, _action_of(text, path), edit)
        _check(result, [change], today)
        _commit([change], before_write)
    return path


def _prepared(
    path: Path,
    raw: bytes,
    text: str,
    action: Action,
    edit: Edit,
    span: tuple[int, int] | None = None,
) -> _Change:
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
    wanted = [_entry_fields(e) for e in log]

    def expected(value: Any) -> bool:
        return _as_entries(value) == wanted

    new_text = text[:start] + new_part + text[end:]
    change = _Change(path, text, new_text, raw, "progress", expected)
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
    with _locked(root / ACTIONS_DIR):
        result = load_catalogue(root)
        batch = list(updates(result) if callable(updates) else updates)
        ids = [u.action_id.strip().upper() for u in batch]
        if len(set(ids)) != len(ids):
            raise UsageError("a batch may hold one entry per action")
        for update in batch:
            _check_note(update.note)
        if not batch:
            return BatchResult({}, [])
        changes: dict[int, _Change] = {}
        broken = result.files_with_errors()
        for number, update in enumerate(batch):
            try:
                changes[number] = _prepared_update(result, update, broken)
            except RrsError as error:
                refused[number] = error.message + (f" ({error.hint})" if error.hint else "")
        problems: dict[Path, list[str]] = {}
        _check(result, list(changes.values()), today, collect=problems)
        for number, change in changes.items():
            if change.path in problems:
                refused[number] = "; ".join(problems[change.path])
        if refused or dry_run:
            return BatchResult(refused, [])
        for change in changes.values():
            change.old, change.old_data = "", None  # checked: only the new text is needed
        files = [changes[number] for number in sorted(changes)]
        for path, raw, text in extra(result) if extra else []:
            files.append(_Change(path, None, text, raw))
        _commit(files, before_write)
    return BatchResult({}, [change.path for change in files])


def _prepared_update(result: LoadResult, update: Update, broken: set[Path]) -> _Change:
    """One update's change; the action as loaded under the lock (the new text is
    parsed again and compared, so a file that changed since cannot slip through)."""
    path, raw, text, stamp = _read_action_file(result, update.action_id, broken)
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


def _as_entries(value: Any) -> list[dict[str, Any]] | None:
    try:
        return [_entry_fields(ProgressEntry.model_validate(item)) for item in value or []]
    except (ValueError, TypeError):
        return None


def _read_action_file(
    result: LoadResult, action_id: str, broken: set[Path] | None = None
) -> tuple[Path, bytes, str, tuple[int, int, int]]:
    """The file of ``action_id``, read under the lock: path, bytes, text (BOM removed)
    and its stamp (yamlio.file_stamp, taken after reading: a write during the read
    changes it). ``broken``: result.files_with_errors(), for a batch to work out once."""
    catalogue = result.catalogue
    if action_id.strip().upper() in catalogue.unreadable_ids:
        raise CatalogueInvalidError(
            f"the file of action {action_id.upper()} has errors; fix them before writing to it",
            hint="run `rrs validate`",
        )
    action = resolve_action(catalogue, action_id)
    path = catalogue.action_files[action.id]
    if path in (broken if broken is not None else result.files_with_errors()):
        raise CatalogueInvalidError(
            f"{path.name} has errors; fix them before writing to it", hint="run `rrs validate`"
        )
    with path.open("rb") as handle:
        raw = handle.read()
        stamp = file_stamp(os.fstat(handle.fileno()))
    return path, raw, raw.decode("utf-8").removeprefix(_BOM), stamp


def _action_of(text: str, path: Path) -> Action:
    """The action as the text just read says (not as an earlier load said)."""
    try:
        document, findings = parse(text, path)
    except YamlProblem as problem:
        raise CatalogueInvalidError(
            f"{path.name} changed and no longer parses: {problem.message}"
        ) from None
    action = validate_model(Action, document.data, document, (), findings)
    if action is None:
        raise CatalogueInvalidError(f"{path.name} has errors", hint="run `rrs validate`")
    return action


def _check(
    result: LoadResult,
    changes: list[_Change],
    today: date,
    *,
    collect: dict[Path, list[str]] | None = None,
) -> None:
    """Refuse unless every changed file passes `rrs validate`'s checks in the catalogue.

    With ``collect``, every problem is added to it under its file instead.
    """

    def refuse(path: Path, message: str, hint: str = "") -> None:
        if collect is None:
            raise WriteRefusedError(message, hint=hint)
        collect.setdefault(path, []).append(message)

    catalogue = result.catalogue
    problems: list[Finding] = []
    checked: list[_Change] = []
    for change in changes:
        name = change.path.name
        size = len(change.new.encode("utf-8"))
        if size > MAX_FILE_BYTES:
            refuse(
                change.path,
                f"{name} would be {size / 1_048_576:.1f} MiB; rrs reads catalogue files of at "
                f"most {MAX_FILE_BYTES // 1_048_576} MiB, so nothing was written",
            )
            continue
        in_span = _parsed_span(change, catalogue.documents.get(str(change.path)))
        try:
            document, findings = in_span or parse(change.new, change.path)
        except YamlProblem as problem:
            refuse(
                change.path,
                f"the new {name} would not parse ({problem.message}); nothing was written",
            )
            continue
        if (
            in_span is None
            and change.old is not None
            and not _only_key_changed(change, document.data)
        ):
            refuse(
                change.path,
                f"rrs could not change {name} without touching other lines; nothing was written",
                "make the change by hand in an editor",
            )
            continue
        action = validate_model(Action, document.data, document, (), findings)
        problems += [f for f in findings if f.severity.value == "error"]
        checked.append(change)
        if action is not None:
            catalogue.actions[action.id] = action
            catalogue.action_files[action.id] = change.path
            catalogue.documents[str(change.path)] = document
    paths = {change.path for change in checked}
    problems += [
        f
        for f in check_catalogue(result, today=today)
        if Path(f.file) in paths and f.severity.value == "error"
    ]
    if problems and collect is not None:
        for f in problems:
            collect.setdefault(Path(f.file), []).append(
                f"{f.field}: {f.message}" if f.field else f.message
            )
    elif problems:
        names = " and ".join(sorted(p.name for p in paths))
        raise WriteRefusedError(
            f"the change would make {names} invalid; nothing was written",
            hint="; ".join(f"{f.field}: {f.message}" if f.field else f.message for f in problems),
        )


def _parsed_span(change: _Change, loaded: Document | None) -> tuple[Document, list[Finding]] | None:
    """The new file as the loaded one with the changed field's lines parsed alone,
    when they parse to that one field holding what the edit must write (the other
    lines are the loaded file's, unchanged: fieldspan.field_span); else None, and
    the whole file is parsed."""
    if change.span is None or loaded is None or not isinstance(loaded.data, dict):
        return None
    start, end = change.span
    try:
        part, findings = parse(change.new[start:end], change.path)
    except YamlProblem:
        return None
    key, old = change.key, loaded.data
    if key is None or change.expected is None or not isinstance(part.data, dict):
        return None
    names = list(part.data)
    if names != [key]:  # or the last field's lines, the new field added after them:
        last = next(reversed(old), None)
        if key in old or names != [last, key] or part.data[last] != old[last]:
            return None
    value = part.data[key]
    if not change.expected(value):
        return None
    data = dict(old)
    data[key] = value  # in its place, or added last (as the whole file would read)
    return replace(loaded, data=data), findings


def _only_key_changed(change: _Change, new: Any) -> bool:
    """Did the edit change only its own key, to the value it must hold?"""
    assert change.old is not None and change.key is not None and change.expected is not None
    old = change.old_data if change.old_data is not None else parse(change.old, change.path)[0].data
    before = {k: v for k, v in old.items() if k != change.key}
    after = {k: v for k, v in new.items() if k != change.key} if isinstance(new, dict) else None
    return before == after and change.expected(new.get(change.key))


def _commit(changes: list[_Change], before_write: BeforeWrite | None) -> None:
    """Refuse if any file changed since it was read; then write them all or none."""
    originals: dict[Path, bytes | None] = {}
    for change in changes:
        if before_write is not None:
            before_write(change.path)
        try:
            now: bytes | None = change.path.read_bytes()
        except FileNotFoundError:
            now = None
        if now != change.raw:
            raise WriteRefusedError(
                f"{change.path.name} changed on disk while rrs was writing it; nothing was written",
                hint="run the command again",
            )
        originals[change.path] = now
    write_files(
        [
            (c.path, (_BOM if c.raw and c.raw.startswith(b"\xef\xbb\xbf") else "") + c.new)
            for c in changes
        ],
        originals=originals,
    )


def write_lock(root: Path) -> AbstractContextManager[None]:
    """The catalogue's write lock (the one every rrs write takes), for writes of
    other catalogue files that must not interleave with them (``rounds.yaml``)."""
    return _locked(root / ACTIONS_DIR)


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """An exclusive lock on the folder: one writer at a time, across processes.

    Held while rrs reads what a write depends on, so that also stale temporary
    files of rrs's own (left by a killed writer) can be cleaned safely.
    """
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as error:
        raise WriteRefusedError(f"cannot open folder '{folder}': {error.strerror}") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        clean_stale_temporaries(folder)
        yield
    finally:
        os.close(fd)  # closing releases the lock

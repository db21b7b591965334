"""Checked, atomic edits of catalogue files, one writer at a time.

Every write to an action file (``rrs update``, ``rrs progress``, ``rrs new``,
an import of returned forms) goes through here: under the catalogue's write
lock the file is read, its new text made, checked (it parses, only the field
meant to change did, the catalogue stays valid) and then written with the
other files of the same change, all or nothing (writing.write_files).
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from .catalogue import LoadResult
from .diagnostics import Finding
from .document import Document
from .errors import CatalogueInvalidError, WriteRefusedError
from .layout import ACTIONS_DIR
from .models import Action
from .query import resolve_action
from .schemacheck import validate_model
from .validation import check_catalogue
from .writing import clean_stale_temporaries, write_files
from .yamlio import MAX_FILE_BYTES, YamlProblem, file_stamp, parse

BOM = "\ufeff"

# Tests replace this to simulate another writer between read and write.
BeforeWrite = Callable[[Path], None]


@dataclass
class Change:
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


def read_action_file(
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
    return path, raw, raw.decode("utf-8").removeprefix(BOM), stamp


def action_of(text: str, path: Path) -> Action:
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


@dataclass
class Refusal:
    """Why a changed file cannot be written."""

    message: str
    hint: str = ""


@dataclass
class Parsed:
    """A changed file as parsed again: ``document`` (None: the loaded one with the
    changed field's lines alone parsed again, to ``value``) and its findings."""

    findings: list[Finding]
    document: Document | None = None
    value: Any = None

    def in_place_of(self, loaded: Document | None, key: str | None) -> Document:
        if self.document is not None:
            return self.document
        assert loaded is not None and key is not None and isinstance(loaded.data, dict)
        data = dict(loaded.data)
        data[key] = self.value  # in its place, or added last (as the whole file would read)
        return replace(loaded, data=data)


def check_change(change: Change, loaded: Document | None) -> Parsed | Refusal:
    """The changed file parsed again, or why it cannot be written: too large, it
    would not parse, or the edit touched more than its own field. ``loaded``: the
    file as the catalogue was loaded (None: a new file). Reads only its arguments,
    so a batch's files can be checked in any process."""
    name = change.path.name
    size = len(change.new.encode("utf-8"))
    if size > MAX_FILE_BYTES:
        return Refusal(
            f"{name} would be {size / 1_048_576:.1f} MiB; rrs reads catalogue files of at "
            f"most {MAX_FILE_BYTES // 1_048_576} MiB, so nothing was written"
        )
    found = verify_span(change, loaded.data) if loaded is not None else None
    if found is not None:  # the loaded file is a mapping, with the field's new value
        value, findings = found
        return Parsed(findings, value=value)
    try:
        document, findings = parse(change.new, change.path)
    except YamlProblem as problem:
        return Refusal(f"the new {name} would not parse ({problem.message}); nothing was written")
    if change.old is not None and not _only_key_changed(change, document.data):
        return Refusal(
            f"rrs could not change {name} without touching other lines; nothing was written",
            "make the change by hand in an editor",
        )
    return Parsed(findings, document)


def check_changes(
    result: LoadResult,
    changes: list[Change],
    today: date,
    *,
    collect: dict[Path, list[str]] | None = None,
    checked: dict[Path, Parsed | Refusal] | None = None,
) -> None:
    """Refuse unless every changed file passes `rrs validate`'s checks in the catalogue.

    With ``collect``, every problem is added to it under its file instead.
    ``checked``: check_change's answers already worked out (by a second process).
    """

    def refuse(path: Path, message: str, hint: str = "") -> None:
        if collect is None:
            raise WriteRefusedError(message, hint=hint)
        collect.setdefault(path, []).append(message)

    catalogue = result.catalogue
    problems: list[Finding] = []
    paths: set[Path] = set()
    for change in changes:
        loaded = catalogue.documents.get(str(change.path))
        answer = checked.get(change.path) if checked is not None else None
        if answer is None:
            answer = check_change(change, loaded)
        if isinstance(answer, Refusal):
            refuse(change.path, answer.message, answer.hint)
            continue
        document = answer.in_place_of(loaded, change.key)
        findings = answer.findings
        action = validate_model(Action, document.data, document, (), findings)
        problems += [f for f in findings if f.severity.value == "error"]
        paths.add(change.path)
        if action is not None:
            catalogue.actions[action.id] = action
            catalogue.action_files[action.id] = change.path
            catalogue.documents[str(change.path)] = document
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


def verify_span(change: Change, old: Any) -> tuple[Any, list[Finding]] | None:
    """The changed field's new value and the findings of its lines, when those lines
    (``change.span`` of the new text) parse alone to that one field holding what the
    edit must write; the other lines are the loaded file's, unchanged
    (fieldspan.field_span), whose data is ``old``. None when they do not: the whole
    file is then parsed, and its check says what is wrong."""
    if change.span is None or change.key is None or change.expected is None:
        return None
    start, end = change.span
    try:
        part, findings = parse(change.new[start:end], change.path)
    except YamlProblem:
        return None
    key = change.key
    if not isinstance(part.data, dict) or not isinstance(old, dict):
        return None
    names = list(part.data)
    if names != [key]:  # or the last field's lines, the new field added after them:
        last = next(reversed(old), None)
        if key in old or names != [last, key] or part.data[last] != old[last]:
            return None
    value = part.data[key]
    return (value, findings) if change.expected(value) else None


def _only_key_changed(change: Change, new: Any) -> bool:
    """Did the edit change only its own key, to the value it must hold?"""
    assert change.old is not None and change.key is not None and change.expected is not None
    old = change.old_data if change.old_data is not None else parse(change.old, change.path)[0].data
    before = {k: v for k, v in old.items() if k != change.key}
    after = {k: v for k, v in new.items() if k != change.key} if isinstance(new, dict) else None
    return before == after and change.expected(new.get(change.key))


def commit(changes: list[Change], before_write: BeforeWrite | None) -> None:
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
            (c.path, (BOM if c.raw and c.raw.startswith(b"\xef\xbb\xbf") else "") + c.new)
            for c in changes
        ],
        originals=originals,
    )


def write_lock(root: Path) -> AbstractContextManager[None]:
    """The catalogue's write lock (the one every rrs write takes), for writes of
    other catalogue files that must not interleave with them (``rounds.yaml``)."""
    return locked(root / ACTIONS_DIR)


@contextmanager
def locked(folder: Path) -> Iterator[None]:
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

"""Recording progress: appending a dated entry to an action's file, safely.

``append_progress`` rewrites one action file and nothing else:

* ruamel.yaml's round-trip mode keeps the file's comments, key order, quoting
  and layout; only the new entry is added;
* the result is validated with the same loader and checks as ``rrs validate``
  before anything is written;
* the write is atomic (``writing.write_atomic``) and happens under an
  exclusive lock on the actions folder, so concurrent updates queue up
  instead of losing each other's entries;
* if the file changed on disk between reading and writing (an editor saved
  it meanwhile), the update is refused and nothing is written.
"""

from __future__ import annotations

import fcntl
import io
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .catalogue import load_catalogue, validate_model
from .diagnostics import Finding, has_errors
from .errors import CatalogueInvalidError, WriteRefusedError
from .models import Action, Status
from .query import resolve_action, resolve_goal
from .writing import action_yaml, write_atomic
from .yamlio import YamlProblem, parse

# Tests replace this to simulate another writer between read and write.
BeforeWrite = Callable[[Path], None]


@dataclass(frozen=True)
class Update:
    action_id: str
    status: Status | None
    note: str
    when: date
    by: str | None = None


def append_progress(
    root: Path,
    update: Update,
    *,
    today: date | None = None,
    before_write: BeforeWrite | None = None,
) -> Path:
    """Append ``update`` to its action's progress log; return the file written."""
    today = today or date.today()
    result = load_catalogue(root)
    if update.action_id.strip().upper() in result.catalogue.unreadable_ids:
        raise CatalogueInvalidError(
            f"the file of action {update.action_id.upper()} has errors; fix them before "
            "recording progress",
            hint="run `rrs validate`",
        )
    action = resolve_action(result.catalogue, update.action_id)
    path = result.catalogue.action_files[action.id]
    file_errors = [f for f in result.findings if Path(f.file) == path]
    if has_errors(file_errors):
        raise CatalogueInvalidError(
            f"{path.name} has errors; fix them before recording progress",
            hint="run `rrs validate`",
        )
    with _locked(path.parent):
        original = path.read_bytes()
        text = _with_entry(original.decode("utf-8"), _entry(action, update))
        _check(text, path, today)
        if before_write is not None:
            before_write(path)
        if path.read_bytes() != original:
            raise WriteRefusedError(
                f"{path.name} changed on disk while rrs was updating it; nothing was written",
                hint="run the update again",
            )
        write_atomic(path, text)
    return path


def _entry(action: Action, update: Update) -> dict[str, Any]:
    status = update.status or action.current_status
    if status is None:
        raise WriteRefusedError(
            f"action {action.id} has no status yet; give one with --status",
        )
    entry: dict[str, Any] = {"date": update.when, "status": status.value, "note": update.note}
    if update.by:
        entry["by"] = update.by
    return entry


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never re-wrap a long line the editor wrote on one line
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.add_representer(
        type(None), lambda rep, _: rep.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    return yaml


def _with_entry(text: str, entry: dict[str, Any]) -> str:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    yaml = _yaml()
    document = yaml.load(text)
    item = CommentedMap()
    for key, value in entry.items():
        item[key] = DoubleQuotedScalarString(value) if key in ("note", "by") else value
    log = document.get("progress")
    if log is None:
        document["progress"] = CommentedSeq([item])
    else:
        log.append(item)
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue()


def _check(text: str, path: Path, today: date) -> None:
    """Validate the new file content exactly as `rrs validate` would."""
    from .validation import progress_findings

    try:
        document, findings = parse(text, path)
    except YamlProblem as problem:  # pragma: no cover - ruamel wrote invalid YAML
        raise WriteRefusedError(f"the updated {path.name} would not parse: {problem}") from None
    action = validate_model(Action, document.data, document, (), findings)
    if action is not None:
        findings += progress_findings(action, path, document, today)
    problems: list[Finding] = [f for f in findings if f.severity.value == "error"]
    if problems:
        raise WriteRefusedError(
            f"the update would make {path.name} invalid; nothing was written",
            hint="; ".join(f"{f.field}: {f.message}" if f.field else f.message for f in problems),
        )


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """An exclusive lock on the folder: one writer at a time, across processes."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def create_action(root: Path, fields: dict[str, Any]) -> Path:
    """Write a new action file; refuse to overwrite, validate against the catalogue first."""
    from .validation import check_catalogue

    result = load_catalogue(root)
    catalogue = result.catalogue
    if fields.get("goal") is not None:
        fields["goal"] = resolve_goal(catalogue, str(fields["goal"])).key
    data = {key: value for key, value in fields.items() if value not in (None, "", [])}
    action = _validated_action(data, root)
    path = root / "actions" / f"{action.id}.yaml"
    with _locked(path.parent):
        if path.exists() or path.is_symlink() or action.id in catalogue.actions:
            raise WriteRefusedError(f"action {action.id} already exists ({path.name})")
        catalogue.actions[action.id] = action
        catalogue.action_files[action.id] = path
        text = action_yaml(action)
        document, _ = parse(text, path)
        catalogue.documents[str(path)] = document
        problems = [
            f
            for f in check_catalogue(result)
            if Path(f.file) == path and f.severity.value == "error"
        ]
        if problems:
            raise WriteRefusedError(
                f"the new action {action.id} would not be valid; nothing was written",
                hint="; ".join(
                    f"{f.field}: {f.message}" if f.field else f.message for f in problems
                ),
            )
        write_atomic(path, text)
    return path


def _validated_action(data: dict[str, Any], root: Path) -> Action:
    from pydantic import ValidationError

    try:
        return Action.model_validate(data)
    except ValidationError as error:
        details = "; ".join(
            f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors(include_url=False)
        )
        raise WriteRefusedError(
            "the new action is not valid; nothing was written", hint=details
        ) from None

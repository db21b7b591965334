"""Loading a catalogue directory into models, collecting every problem on the way.

A catalogue directory holds ``goals.yaml``, ``qualities.yaml`` and
``actions/<ID>.yaml``. :func:`load_catalogue` never raises for bad content:
each file that fails the schema is left out of the result and described by
findings with file, line, column and field path. Only a directory that does
not exist (or cannot be listed) raises :class:`CatalogueNotFoundError`.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .diagnostics import Finding, finding
from .errors import CatalogueNotFoundError
from .locations import ACTIONS_DIR, ENV_VAR
from .models import (
    UNNAMED_STRATEGY,
    AcceptedFinding,
    Action,
    Goal,
    ProgressEntry,
    Quality,
    Round,
    Strategy,
    action_sort_key,
)
from .yamlio import Document, load_file

GOALS_FILE = "goals.yaml"
QUALITIES_FILE = "qualities.yaml"
STRATEGY_FILE = "strategy.yaml"

Model = TypeVar("Model", bound=BaseModel)


@dataclass
class Catalogue:
    """The valid part of a catalogue, with the documents it was read from."""

    root: Path
    # What strategy.yaml says; a neutral stand-in when it is missing or invalid.
    strategy: Strategy = UNNAMED_STRATEGY
    goals: dict[str, Goal] = field(default_factory=dict)
    qualities: dict[str, Quality] = field(default_factory=dict)
    actions: dict[str, Action] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    action_files: dict[str, Path] = field(default_factory=dict)
    # Ids of action files that exist but could not be loaded: links to them are
    # not reported again as dangling, the file's own findings say what is wrong.
    unreadable_ids: set[str] = field(default_factory=set)
    # Goal and quality keys that may exist but could not be read (None: the whole
    # file); references to them are not reported again as unknown.
    unreadable_keys: dict[str, set[str] | None] = field(default_factory=dict)
    # accepted.yaml: the findings the catalogue accepts (with each entry's index),
    # and the document, to locate stale entries.
    accepted: list[tuple[int, AcceptedFinding]] = field(default_factory=list)
    accepted_document: Document | None = None
    # rounds.yaml: the progress rounds (forms sent out and taken in), see forms/rounds.py.
    rounds: list[Round] = field(default_factory=list)

    def may_exist(self, kind: str, key: str) -> bool:
        """Could ``key`` be a goal/quality whose entry failed to load?"""
        if kind not in self.unreadable_keys:
            return False
        keys = self.unreadable_keys[kind]
        return keys is None or key in keys

    def flywheels(self) -> list[Action]:
        return [a for a in self.actions.values() if a.is_flywheel]

    def connected(self) -> list[Action]:
        return [a for a in self.actions.values() if not a.is_flywheel]

    def locate(
        self, path: Path, loc: tuple[str | int, ...], *, key: bool = False
    ) -> tuple[int | None, int | None]:
        document = self.documents.get(str(path))
        return document.locate(loc, key=key) if document else (None, None)


@dataclass
class LoadResult:
    catalogue: Catalogue
    findings: list[Finding]


def load_catalogue(root: Path) -> LoadResult:
    """Read every file of the catalogue at ``root``."""
    # Loading makes many long-lived objects and no reference cycles; the cyclic
    # garbage collector would rescan them all again and again (superlinear in
    # the catalogue's size), so it pauses while the catalogue is read.
    # The catalogue then lives as long as the command: freezing it keeps later
    # collections from scanning it again.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load(root)
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _load(root: Path) -> LoadResult:
    _require_directory(root)
    catalogue = Catalogue(root=root)
    findings: list[Finding] = []
    strategy = _load_strategy(root / STRATEGY_FILE, catalogue, findings)
    if strategy is not None:
        catalogue.strategy = strategy

    for goal in _load_list(root / GOALS_FILE, Goal, "key", catalogue, findings):
        catalogue.goals[goal.key] = goal
    for quality in _load_list(root / QUALITIES_FILE, Quality, "key", catalogue, findings):
        catalogue.qualities[quality.key] = quality
    _load_accepted(root, catalogue, findings)
    _load_rounds(root, catalogue, findings)

    actions_dir = root / ACTIONS_DIR
    if actions_dir.is_symlink() and leaves(actions_dir, root):
        findings.append(
            finding(
                "RRS013",
                f"'{ACTIONS_DIR}/' is a symbolic link that leads outside the catalogue; "
                "rrs does not read through it",
                file=actions_dir,
            )
        )
        return LoadResult(catalogue, findings)
    if not actions_dir.is_dir():
        findings.append(
            finding("RRS015", f"the catalogue has no '{ACTIONS_DIR}/' folder", file=actions_dir)
        )
        return LoadResult(catalogue, findings)
    loaded: list[tuple[Action, Path]] = []
    paths = _action_files(actions_dir, root, findings, catalogue)
    for path, (document, problems) in zip(paths, read_files(paths), strict=True):
        action = _load_action(path, document, problems, catalogue, findings)
        if action is not None:
            loaded.append((action, path))
        else:
            catalogue.unreadable_ids.add(path.stem)
    _register_actions(loaded, catalogue, findings)
    return LoadResult(catalogue, findings)


def _load_accepted(root: Path, catalogue: Catalogue, findings: list[Finding]) -> None:
    """Read accepted.yaml, if there is one (see ``accepted``)."""
    from .accepted import ACCEPTED_FILE, load_accepted

    outside = _outside_link(root / ACCEPTED_FILE, root)
    if outside is not None:
        findings.append(outside)
        return
    entries, problems, document = load_accepted(root)
    findings.extend(problems)
    catalogue.accepted, catalogue.accepted_document = entries, document


def _load_rounds(root: Path, catalogue: Catalogue, findings: list[Finding]) -> None:
    """Read rounds.yaml, if there is one (see ``forms.rounds``)."""
    from .forms.rounds import ROUNDS_FILE, load_rounds

    outside = _outside_link(root / ROUNDS_FILE, root)
    if outside is not None:
        findings.append(outside)
        return
    rounds, problems, document = load_rounds(root)
    findings.extend(problems)
    catalogue.rounds = rounds
    if document is not None:
        catalogue.documents[str(root / ROUNDS_FILE)] = document


def _load_strategy(path: Path, catalogue: Catalogue, findings: list[Finding]) -> Strategy | None:
    """Read strategy.yaml: one mapping that describes the strategy (a warning if absent)."""
    if not path.exists() and not path.is_symlink():
        findings.append(
            finding(
                "RRS110",
                f"the catalogue has no {path.name}; rrs cannot tell which strategy this is, "
                "when it was published (term horizons) or whom to contact. "
                "`rrs init` writes one; see the README",
                file=path,
            )
        )
        return None
    outside = _outside_link(path, catalogue.root)
    if outside is not None:
        findings.append(outside)
        return None
    document, problems = load_file(path)
    findings.extend(problems)
    if document is None:
        return None
    catalogue.documents[str(path)] = document
    if not isinstance(document.data, dict):
        findings.append(
            finding(
                "RRS004",
                f"{path.name} must be a mapping of fields (name, city, published, ...), "
                f"not {_describe(document.data)}",
                file=path,
                line=1,
                column=1,
            )
        )
        return None
    return validate_model(Strategy, document.data, document, (), findings)


def _require_directory(root: Path) -> None:
    if not root.exists():
        raise CatalogueNotFoundError(
            f"catalogue folder '{root}' does not exist",
            hint=f"pass --catalogue PATH or set {ENV_VAR} to a folder with goals.yaml, "
            "qualities.yaml and actions/",
        )
    if not root.is_dir():
        raise CatalogueNotFoundError(f"catalogue path '{root}' is not a folder")
    try:
        with os.scandir(root) as entries:
            next(entries, None)
    except OSError as error:
        raise CatalogueNotFoundError(
            f"catalogue folder '{root}' cannot be read: {error.strerror}"
        ) from None


def leaves(path: Path, root: Path) -> bool:
    """Does ``path`` (a symbolic link, or reached through one) resolve outside ``root``?"""
    try:
        return not path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a link loop: nothing rrs can read
        return True


def _outside_link(path: Path, root: Path) -> Finding | None:
    """A finding for a file that is a symbolic link leading outside the catalogue.

    Nothing of the target is read, so none of its content can reach a message.
    """
    if not path.is_symlink() or not leaves(path, root):
        return None
    return finding(
        "RRS013",
        "this file is a symbolic link that leads outside the catalogue; rrs does not read it",
        file=path,
    )


def _action_files(
    actions_dir: Path, root: Path, findings: list[Finding], catalogue: Catalogue
) -> list[Path]:
    try:
        entries = sorted(os.scandir(actions_dir), key=lambda e: e.name)
    except OSError as error:
        findings.append(
            finding("RRS013", f"the folder cannot be read: {error.strerror}", file=actions_dir)
        )
        return []
    paths: list[Path] = []
    for entry in entries:
        path = Path(entry.path)
        if entry.name.endswith((".yaml", ".yml")):
            outside = _outside_link(path, root) if entry.is_symlink() else None
            if outside is not None:
                findings.append(outside)
                catalogue.unreadable_ids.add(path.stem)
                continue
            paths.append(path)
        elif not entry.name.startswith("."):
            findings.append(
                finding(
                    "RRS109", "rrs reads only .yaml files here; this file is ignored", file=path
                )
            )
    paths.sort(key=lambda p: action_sort_key(p.stem))
    return paths


# Below this many files one process reads faster than two (a fork costs ~10 ms).
PARALLEL_FROM = 1500


def read_files(paths: list[Path]) -> list[tuple[Document | None, list[Finding]]]:
    """Read and parse every file; large catalogues use a second core.

    Parsing YAML is most of a large catalogue's load time, and each file is
    independent, so half the files go to a forked worker while this process
    reads the other half. Without fork (or with other threads running, where
    forking is unsafe) the files are read here, in order.
    """
    if len(paths) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        return [load_file(path) for path in paths]
    import multiprocessing
    import threading

    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return [load_file(path) for path in paths]
    half = len(paths) // 2
    with multiprocessing.get_context("fork").Pool(1) as pool:
        later = pool.apply_async(_load_files, (paths[half:],))
        first = _load_files(paths[:half])
        return first + later.get()


def _load_files(paths: list[Path]) -> list[tuple[Document | None, list[Finding]]]:
    return [load_file(path) for path in paths]


def _load_action(
    path: Path,
    document: Document | None,
    problems: list[Finding],
    catalogue: Catalogue,
    findings: list[Finding],
) -> Action | None:
    findings.extend(problems)
    if document is None:
        return None
    catalogue.documents[str(path)] = document
    if not isinstance(document.data, dict):
        findings.append(
            finding(
                "RRS004",
                f"an action file must be a mapping of fields (id, kind, title, ...), "
                f"not {_describe(document.data)}",
                file=path,
                line=1,
                column=1,
            )
        )
        return None
    return validate_model(Action, document.data, document, (), findings)


def _register_actions(
    loaded: Iterable[tuple[Action, Path]], catalogue: Catalogue, findings: list[Finding]
) -> None:
    for action, path in loaded:
        if path.stem != action.id:
            line, column = catalogue.locate(path, ("id",))
            findings.append(
                finding(
                    "RRS008",
                    f"id {action.id!r} does not match the file name {path.name!r}; "
                    f"name the file {action.id}.yaml or change the id",
                    file=path,
                    line=line,
                    column=column,
                    field_path="id",
                )
            )
        if action.id in catalogue.actions:
            line, column = catalogue.locate(path, ("id",))
            findings.append(
                finding(
                    "RRS009",
                    f"id {action.id!r} is also used by {catalogue.action_files[action.id].name}",
                    file=path,
                    line=line,
                    column=column,
                    field_path="id",
                )
            )
            continue
        catalogue.actions[action.id] = action
        catalogue.action_files[action.id] = path


def _load_list(
    path: Path, model: type[Model], key: str, catalogue: Catalogue, findings: list[Finding]
) -> list[Model]:
    """Load a file that is a list of records (goals.yaml, qualities.yaml).

    Keys of entries that fail to load are remembered in ``unreadable_keys``
    (``None`` when the whole file fails), so references to them are not
    reported a second time.
    """
    kind = path.stem
    catalogue.unreadable_keys[kind] = None
    if not path.exists() and not path.is_symlink():
        findings.append(finding("RRS015", f"the catalogue has no {path.name}", file=path))
        return []
    outside = _outside_link(path, catalogue.root)
    if outside is not None:
        findings.append(outside)
        return []
    document, problems = load_file(path)
    findings.extend(problems)
    if document is None:
        return []
    catalogue.documents[str(path)] = document
    if not isinstance(document.data, list):
        findings.append(
            finding(
                "RRS004",
                f"{path.name} must be a list of entries, not {_describe(document.data)}",
                file=path,
                line=1,
                column=1,
            )
        )
        return []
    bad_keys: set[str] = set()
    catalogue.unreadable_keys[kind] = bad_keys
    records: list[Model] = []
    seen: dict[Any, int] = {}
    for index, item in enumerate(document.data):
        if not isinstance(item, dict):
            bad_keys.add(str(item))
            line, column = document.locate((index,))
            findings.append(
                finding(
                    "RRS004",
                    f"entry {index + 1} must be a mapping of fields, not {_describe(item)}",
                    file=path,
                    line=line,
                    column=column,
                    field_path=f"[{index}]",
                )
            )
            continue
        record = validate_model(model, item, document, (index,), findings)
        if record is None:
            bad_keys.add(str(item.get(key)))
            continue
        value = getattr(record, key)
        if value in seen:
            line, column = document.locate((index, key))
            findings.append(
                finding(
                    "RRS009",
                    f"{key} {value!r} is used twice (also entry {seen[value] + 1})",
                    file=path,
                    line=line,
                    column=column,
                    field_path=f"[{index}].{key}",
                )
            )
            continue
        seen[value] = index
        records.append(record)
    if not bad_keys:
        del catalogue.unreadable_keys[kind]
    return records


def validate_model(
    model: type[Model],
    data: dict[str, Any],
    document: Document,
    prefix: tuple[str | int, ...],
    findings: list[Finding],
) -> Model | None:
    """Validate ``data`` against ``model``; turn each Pydantic error into a finding."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        for number, detail in enumerate(error.errors(include_url=False)):
            # A hostile file can hold thousands of bad fields: suggestions
            # (difflib) only for the first few; the output is capped anyway.
            findings.append(
                _schema_finding(detail, document, prefix, model, suggest=number < _SUGGEST)
            )
        return None


_SUGGEST = 20


def _schema_finding(
    detail: Any,
    document: Document,
    prefix: tuple[str | int, ...],
    model: type[BaseModel],
    *,
    suggest: bool = True,
) -> Finding:
    loc = prefix + tuple(detail["loc"])
    kind = detail["type"]
    field_path = format_path(loc)
    name = str(detail["loc"][-1]) if detail["loc"] else ""
    if kind == "extra_forbidden":
        code, message = "RRS005", f"unknown field {name!r}"
        suggestion = _suggest_field(name, model, loc) if suggest else None
        if suggestion:
            message += f"; did you mean {suggestion!r}?"
        line, column = document.locate(loc, key=True)
    elif kind == "missing":
        code, message = "RRS006", f"required field {name!r} is missing"
        line, column = document.locate(loc[:-1])
    else:
        code, message = "RRS007", _value_message(detail)
        line, column = document.locate(loc)
    return finding(
        code, message, file=document.path, line=line, column=column, field_path=field_path
    )


def _value_message(detail: Any) -> str:
    kind: str = detail["type"]
    value = detail.get("input")
    shown = (
        repr(value)
        if isinstance(value, (str, int, float, bool)) or value is None
        else _describe(value)
    )
    if kind == "enum":
        expected = detail.get("ctx", {}).get("expected", "")
        return f"{shown} is not allowed here; expected {expected}"
    if kind == "string_pattern_mismatch":
        return (
            f"{shown} is not a valid id or key (ids are A-Z letters or numbers "
            "from 1; keys are lower-case words)"
        )
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"{shown} is not a date; write it as YYYY-MM-DD"
    if kind in {
        "string_type",
        "list_type",
        "bool_type",
        "int_type",
        "date_type",
        "date_from_datetime_inexact",
        "int_parsing",
        "bool_parsing",
        "date_parsing",
    }:
        return f"{shown} has the wrong type: {detail['msg'].lower()}"
    if kind == "string_too_short":
        return "this field must not be empty"
    return f"{shown}: {detail['msg']}"


def _suggest_field(name: str, model: type[BaseModel], loc: tuple[str | int, ...]) -> str | None:
    """The known field closest to a misspelt one, if any is close."""
    import difflib

    fields = list(ProgressEntry.model_fields if "progress" in loc else model.model_fields)
    matches = difflib.get_close_matches(name, fields, n=1)
    return matches[0] if matches else None


def format_path(loc: Iterable[str | int]) -> str:
    """``("progress", 0, "date")`` -> ``progress[0].date``."""
    text = ""
    for step in loc:
        if isinstance(step, int):
            text += f"[{step}]"
        else:
            text += f".{step}" if text else str(step)
    return text


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, str):
        return "a single piece of text"
    return f"a single {type(value).__name__} value"

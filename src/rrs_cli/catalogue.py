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
from typing import Any

from .accepted import load_accepted
from .diagnostics import Finding, finding
from .document import Document
from .errors import CatalogueNotFoundError
from .layout import (
    ACCEPTED_FILE,
    ACTIONS_DIR,
    ENV_VAR,
    GOALS_FILE,
    QUALITIES_FILE,
    ROUNDS_FILE,
    STRATEGY_FILE,
)
from .limits import too_big, too_many_actions, too_many_entries
from .models import (
    UNNAMED_STRATEGY,
    AcceptedFinding,
    Action,
    Goal,
    Quality,
    Round,
    Strategy,
    action_sort_key,
)
from .parallel import in_two
from .rounds import load_rounds
from .schemacheck import Model, describe, validate_model
from .yamlio import load_file


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
    # rounds.yaml: the progress rounds (forms sent out and taken in), see rounds.py.
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

    def files_with_errors(self) -> set[Path]:
        """The files with an error as loaded."""
        return {Path(f.file) for f in self.findings if f.severity.value == "error"}


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
    if root.is_symlink():
        # Files that are links out of the catalogue are refused; a catalogue
        # folder that is a link would make "inside" wherever it points (in a
        # repository, a pull request can turn catalogue/ into such a link).
        findings.append(
            finding(
                "RRS013",
                "the catalogue folder is a symbolic link; rrs reads a catalogue only at its "
                "real path (name that folder instead)",
                file=root,
            )
        )
        return LoadResult(catalogue, findings)
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
    over = _over_limits(root, actions_dir, paths)
    if over is not None:  # checked before a single action file is read
        findings.append(over)
        catalogue.unreadable_ids.update(path.stem for path in paths)
        paths = []
    for path, (document, problems) in zip(paths, read_files(paths), strict=True):
        action = _load_action(path, document, problems, catalogue, findings)
        if action is not None:
            loaded.append((action, path))
        else:
            catalogue.unreadable_ids.add(path.stem)
    _register_actions(loaded, catalogue, findings)
    return LoadResult(catalogue, findings)


def _over_limits(root: Path, actions_dir: Path, paths: list[Path]) -> Finding | None:
    """RRS014 when the catalogue has more actions or bytes than rrs reads (``limits``)."""
    others = [root / name for name in (STRATEGY_FILE, GOALS_FILE, QUALITIES_FILE, ACCEPTED_FILE)]
    return too_many_actions(actions_dir, len(paths)) or too_big(root, [*others, *paths])


def _load_accepted(root: Path, catalogue: Catalogue, findings: list[Finding]) -> None:
    """Read accepted.yaml, if there is one (see ``accepted``)."""
    outside = _outside_link(root / ACCEPTED_FILE, root)
    if outside is not None:
        findings.append(outside)
        return
    entries, problems, document = load_accepted(root)
    findings.extend(problems)
    catalogue.accepted, catalogue.accepted_document = entries, document


def _load_rounds(root: Path, catalogue: Catalogue, findings: list[Finding]) -> None:
    """Read rounds.yaml, if there is one (see ``rounds``)."""
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
                f"not {describe(document.data)}",
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
    """Read and parse every file; large catalogues use a second core (parallel.in_two):
    parsing YAML is most of a large catalogue's load time."""
    return in_two(_load_files, paths, least=PARALLEL_FROM)


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
                f"not {describe(document.data)}",
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
                f"{path.name} must be a list of entries, not {describe(document.data)}",
                file=path,
                line=1,
                column=1,
            )
        )
        return []
    over = too_many_entries(kind, document.data, path, document)
    if over is not None:  # none is read: every page and matrix is drawn per entry
        findings.append(over)
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
                    f"entry {index + 1} must be a mapping of fields, not {describe(item)}",
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

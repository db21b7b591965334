"""Comparing two versions of a catalogue, for reviewers of a pull request.

A version is a catalogue directory, or a git revision of the repository that
holds the catalogue (``main``, ``HEAD~1``, a commit id). A revision is
extracted with ``git archive`` into a temporary directory and read like any
other catalogue; nothing in the working tree is touched.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .catalogue import Catalogue, load_catalogue
from .diagnostics import has_errors
from .errors import CatalogueInvalidError, CatalogueNotFoundError, UnknownChoiceError
from .models import Action, ProgressEntry

TRACKED_FIELDS = ("title", "status", "owner", "partners", "funding", "term", "goal")


@dataclass
class ActionChange:
    id: str
    title: str
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    links_added: list[str] = field(default_factory=list)
    links_removed: list[str] = field(default_factory=list)
    progress_added: list[ProgressEntry] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.fields or self.links_added or self.links_removed or self.progress_added)


@dataclass
class CatalogueDiff:
    base: str
    head: str
    added: list[Action] = field(default_factory=list)
    removed: list[Action] = field(default_factory=list)
    changed: list[ActionChange] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def _value(action: Action, name: str) -> Any:
    value = getattr(action, name)
    return getattr(value, "value", value)


def compare(base: Catalogue, head: Catalogue, base_name: str, head_name: str) -> CatalogueDiff:
    result = CatalogueDiff(base_name, head_name)
    result.added = [a for i, a in head.actions.items() if i not in base.actions]
    result.removed = [a for i, a in base.actions.items() if i not in head.actions]
    for action_id, new in head.actions.items():
        old = base.actions.get(action_id)
        if old is None:
            continue
        change = ActionChange(action_id, new.title)
        for name in TRACKED_FIELDS:
            before, after = _value(old, name), _value(new, name)
            if before != after:
                change.fields[name] = (before, after)
        change.links_added = [link for link in new.links if link not in old.links]
        change.links_removed = [link for link in old.links if link not in new.links]
        if old.links_all_flywheels != new.links_all_flywheels:
            change.fields["links_all_flywheels"] = (
                old.links_all_flywheels,
                new.links_all_flywheels,
            )
        change.progress_added = [entry for entry in new.progress if entry not in old.progress]
        if not change.is_empty():
            result.changed.append(change)
    return result


@contextmanager
def checkout(spec: str, catalogue_root: Path) -> Iterator[Path]:
    """A directory holding the catalogue ``spec`` names: a folder, or a git revision."""
    folder = Path(spec)
    if folder.is_dir():
        yield folder
        return
    repo, relative = _repository_of(catalogue_root)
    try:
        archive = _git(repo, "archive", "--format=tar", spec, "--", relative.as_posix() or ".")
    except UnknownChoiceError as error:
        raise UnknownChoiceError(
            f"'{spec}' is neither a folder nor a git revision of the catalogue's repository",
            hint=error.hint,
        ) from None
    with tempfile.TemporaryDirectory(prefix="rrs-diff-") as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        yield Path(tmp) / relative


def _repository_of(catalogue_root: Path) -> tuple[Path, Path]:
    root = catalogue_root.resolve()
    if not root.is_dir():
        raise CatalogueNotFoundError(f"catalogue folder '{catalogue_root}' does not exist")
    top = Path(_git(root, "rev-parse", "--show-toplevel").decode().strip())
    return top, root.relative_to(top)


def _git(cwd: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise UnknownChoiceError("git is not installed; compare two folders instead") from None
    if done.returncode != 0:
        message = done.stderr.decode(errors="replace").strip().splitlines()
        raise UnknownChoiceError(
            f"git {args[0]} failed in '{cwd}'", hint=message[-1] if message else ""
        )
    return done.stdout


def load_version(path: Path, name: str) -> Catalogue:
    result = load_catalogue(path)
    if has_errors(result.findings):
        raise CatalogueInvalidError(
            f"catalogue version '{name}' has errors; a diff would be misleading",
            hint="run `rrs validate` on it first",
        )
    return result.catalogue

"""Which catalogue a command uses, and whether it may write there.

The catalogue is, in this order:

1. the folder given with ``--catalogue``/``-C`` (before or after the command);
2. the folder in the environment variable ``RRS_CATALOGUE`` (when not empty);
3. the catalogue found from the current folder upwards, the way git finds
   ``.git``: the first folder holding both ``goals.yaml`` and an ``actions/``
   folder. The walk stops at the first repository root (a folder holding
   ``.git``); there, a ``catalogue/`` subfolder that is a catalogue counts
   too, so ``rrs list`` works anywhere in a catalogue repository;
4. the catalogue bundled with rrs.

A catalogue found upwards is not taken on trust, as git does not take a
repository on trust (``safe.directory``):

* one whose folder, ``goals.yaml`` or ``actions/`` belongs to another user is
  refused unless named (another user may have planted it in a shared folder
  such as ``/tmp``, above the folder one works in);
* a repository root that is a catalogue itself and also holds a ``catalogue/``
  that is one is refused as ambiguous, naming both (a pull request that adds
  ``goals.yaml`` and ``actions/`` at the root must not replace, unseen, the
  catalogue the repository keeps in ``catalogue/``);
* when it is not the current folder, commands name it on standard error
  (:func:`discovered_notice`).

The bundled catalogue is never written by default: a reinstall replaces the
installed copy, and the source checkout's ``data/`` is the project's own
release. Writing commands call :func:`catalogue_for_writing`, which refuses
it unless it was named explicitly; the copy inside an installed package is
refused even then, because the next ``pip install`` would delete the writes.

Light on purpose (no models, no YAML): the CLI needs it before any command runs.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from .errors import CatalogueNotWritableError, CatalogueRefusedError
from .layout import ACTIONS_DIR, ENV_VAR, GOALS_FILE, bundled_catalogue, packaged_catalogue

REPOSITORY_MARKER = ".git"  # a folder or, in a git worktree, a file
REPOSITORY_CATALOGUE = "catalogue"


class Source(StrEnum):
    """How the catalogue was chosen."""

    OPTION = "option"
    ENVIRONMENT = "environment"
    DISCOVERED = "discovered"
    BUNDLED = "bundled"


@dataclass(frozen=True)
class CatalogueLocation:
    """A catalogue folder and how it was chosen."""

    path: Path
    source: Source
    reason: str  # one sentence for `rrs where`
    installed: bool = False  # inside the installed package: a reinstall replaces it

    @property
    def writable(self) -> bool:
        """May writing commands change it? (See :func:`catalogue_for_writing`.)"""
        return self.refusal is None

    @property
    def refusal(self) -> str | None:
        """Why writing commands may not change it, or None."""
        if self.installed:
            return "the catalogue installed with rrs: the next install of rrs would delete writes"
        if self.source is Source.BUNDLED:
            return "rrs update and rrs new need a catalogue of your own"
        if _actions_leave(self.path):
            return f"its {ACTIONS_DIR}/ folder is a symbolic link that leads outside it"
        return None


def is_catalogue(folder: Path) -> bool:
    """Does ``folder`` look like a catalogue: ``goals.yaml`` and an ``actions/`` folder?"""
    try:
        return (folder / GOALS_FILE).is_file() and (folder / ACTIONS_DIR).is_dir()
    except OSError:  # an unreadable folder on the way up is not a catalogue
        return False


def discover(start: Path) -> Path | None:
    """The catalogue at or above ``start``, or None; see the module's description."""
    for folder in (start, *start.parents):
        if _is_repository_root(folder):
            inside = folder / REPOSITORY_CATALOGUE
            here, there = is_catalogue(folder), is_catalogue(inside)
            if here and there:
                raise CatalogueRefusedError(
                    f"the repository root '{folder}' is a catalogue and so is its "
                    f"'{REPOSITORY_CATALOGUE}/' folder ('{inside}'); rrs does not guess which",
                    hint="name the one you mean: --catalogue PATH (or -C PATH)",
                )
            return folder if here else inside if there else None
        if is_catalogue(folder):
            return folder
    return None


def _is_repository_root(folder: Path) -> bool:
    try:
        return (folder / REPOSITORY_MARKER).exists()
    except OSError:
        return False


def _other_owner(folder: Path) -> int | None:
    """The user id owning ``folder``, its goals.yaml or its actions/, when not the user's own."""
    me = os.geteuid() if hasattr(os, "geteuid") else None
    if me is None:  # no user ids to compare (Windows)
        return None
    for path in (folder, folder / GOALS_FILE, folder / ACTIONS_DIR):
        try:
            owner = path.lstat().st_uid
        except OSError:
            continue
        if owner != me:
            return owner
    return None


def _actions_leave(root: Path) -> bool:
    """Is ``root/actions`` a symbolic link out of ``root`` (rrs neither reads nor writes it)?"""
    actions = root / ACTIONS_DIR
    try:
        return actions.is_symlink() and not actions.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return True


def current_folder() -> Path | None:
    """Where discovery starts (tests replace it to start from a neutral folder)."""
    try:
        return Path.cwd()  # the physical path: symbolic links on the way are resolved
    except OSError:  # the current folder was deleted
        return None


def _same_folder(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve()
    except OSError:
        return False


def _inside_package(path: Path) -> bool:
    packaged = packaged_catalogue()
    if packaged is None:
        return False
    try:
        return path.resolve().is_relative_to(packaged.resolve())
    except OSError:
        return False


def locate(
    option: Path | None,
    *,
    environ: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> CatalogueLocation:
    """The catalogue a command uses: option, environment, discovered, bundled."""
    env = os.environ if environ is None else environ
    if option is not None:
        return CatalogueLocation(
            option, Source.OPTION, "given with --catalogue", _inside_package(option)
        )
    from_env = env.get(ENV_VAR)
    if from_env:
        path = Path(from_env)
        return CatalogueLocation(
            path, Source.ENVIRONMENT, f"given in ${ENV_VAR}", _inside_package(path)
        )
    bundled = bundled_catalogue()
    start = cwd if cwd is not None else current_folder()
    found = discover(start) if start is not None else None
    if found is not None and _same_folder(found, bundled):
        return CatalogueLocation(
            bundled,
            Source.BUNDLED,
            "the current folder is inside it",
            _inside_package(bundled),
        )
    if found is not None and start is not None:
        owner = _other_owner(found)
        if owner is not None:
            raise CatalogueRefusedError(
                f"found a catalogue at '{found}' from the current folder upwards, but it is "
                f"owned by another user (uid {owner}); rrs does not use it unless named",
                hint=f"if you trust it: --catalogue '{found}' (or -C); "
                "else work in a folder of your own",
            )
        reason = (
            f"the nearest folder with {GOALS_FILE} and {ACTIONS_DIR}/ from the current "
            "folder upwards"
            if start.is_relative_to(found)
            else f"the {REPOSITORY_CATALOGUE}/ folder at the root of the current repository"
        )
        return CatalogueLocation(found, Source.DISCOVERED, reason)
    return CatalogueLocation(
        bundled,
        Source.BUNDLED,
        f"no --catalogue, no ${ENV_VAR}, and no catalogue found from the current folder upwards",
        _inside_package(bundled),
    )


HOW_TO_CHOOSE = (
    f"to use your own: --catalogue PATH (or -C PATH), {ENV_VAR}=PATH, or cd into your "
    f"catalogue folder (the one with {GOALS_FILE} and {ACTIONS_DIR}/)\n"
    "`rrs init DIR` starts a new catalogue; `rrs where` shows which one rrs uses"
)


def catalogue_for_writing(location: CatalogueLocation, command: str) -> Path:
    """The folder a writing command may change; refuses the bundled catalogue (exit 2).

    Every command that writes into the catalogue calls this first.
    """
    if location.installed:
        raise CatalogueNotWritableError(
            f"rrs {command} does not write into the catalogue installed with rrs "
            f"('{location.path}'): the next install of rrs would delete the change",
            hint=f"copy it to a folder of your own first: cp -r '{location.path}' my-catalogue\n"
            f"{HOW_TO_CHOOSE}",
        )
    if location.source is Source.BUNDLED:
        raise CatalogueNotWritableError(
            f"rrs {command} does not write into the catalogue bundled with rrs ('{location.path}')",
            hint=f"rrs uses it because: {location.reason}\n{HOW_TO_CHOOSE}",
        )
    if location.refusal is not None:
        raise CatalogueNotWritableError(
            f"rrs {command} does not write into '{location.path}': {location.refusal}"
        )
    return location.path


def discovered_notice(location: CatalogueLocation, cwd: Path | None = None) -> str | None:
    """One line naming a catalogue found above the current folder, or None.

    Said whenever the catalogue is not the current folder itself, so that a
    catalogue nobody chose (a parent folder's, the repository's) is never used
    unseen.
    """
    if location.source is not Source.DISCOVERED:
        return None
    start = cwd if cwd is not None else current_folder()
    if start is not None and _same_folder(start, location.path):
        return None
    return f"rrs: using the catalogue at {location.path} ({location.reason})"


def bundled_hint(location: CatalogueLocation) -> str | None:
    """A one-line reminder that the bundled catalogue is in use, or None."""
    if location.source is not Source.BUNDLED:
        return None
    return (
        f"rrs: using the catalogue bundled with rrs ({location.path}); for your own, "
        f"pass --catalogue PATH, set {ENV_VAR} or cd into it (see `rrs where`)"
    )


__all__ = [
    "CatalogueLocation",
    "Source",
    "bundled_hint",
    "catalogue_for_writing",
    "discover",
    "discovered_notice",
    "is_catalogue",
    "locate",
]


def catalogue_for_path(path: Path) -> tuple[Path, str | None]:
    """The catalogue a path given on the command line means, and a note when it is
    not the path itself.

    People name the actions folder (``catalogue/actions``), one file of the
    catalogue (``catalogue/goals.yaml``, ``actions/1.yaml``) or the root of a
    catalogue repository (``.`` with a ``catalogue/`` subfolder): each means
    the catalogue folder it belongs to. Any other path is returned as given,
    and loading it says what is missing.
    """
    if is_catalogue(path):
        return path, None
    candidates: list[tuple[Path, str]] = []
    if path.name == ACTIONS_DIR:
        candidates.append((path.parent, "is the actions folder of"))
    if path.suffix in (".yaml", ".yml"):
        candidates.append((path.parent, "is a file of"))
        if path.parent.name == ACTIONS_DIR:
            candidates.append((path.parent.parent, "is an action file of"))
    candidates.append((path / REPOSITORY_CATALOGUE, "holds"))
    for folder, relation in candidates:
        if is_catalogue(folder):
            shown = folder if str(folder) != "" else Path()
            return shown, f"'{path}' {relation} the catalogue '{shown}'; using the catalogue"
    return path, None

"""Reading a catalogue as it is in a git revision, without trusting the revision.

A pull request controls everything in its branch: file names, folders,
``.gitattributes``, symbolic links and file sizes. So a revision is read with
git's plumbing only:

* the revision is resolved first (``git rev-parse --verify --end-of-options
  REV^{commit}``) and only the resolved object id is passed on, after
  ``--end-of-options``: a "revision" such as ``--output=/file`` is refused,
  never read as an option;
* the tree is listed with ``git ls-tree -r -z -l`` and blobs are read with
  ``git cat-file --batch``: neither applies attributes, filters or
  ``export-ignore``, so the branch's ``.gitattributes`` changes nothing;
* each blob's size is known before it is read; a blob over the catalogue's
  file-size limit is never read, it becomes a finding;
* symbolic links are not followed: a link that stays inside the catalogue is
  recreated as a link (the loader reads through it as in a working tree); a
  link that is absolute or leaves the catalogue becomes a finding;
* files are written only below a fresh temporary folder, under names checked
  component by component.

A folder is never taken for a revision: comparing folders is a separate form
of ``rrs diff`` (``--base-dir``/``--head-dir``).

:func:`catalogue_version` names the catalogue a website was built from: the
commit of a clean checkout, else a hash of its files (this module is the one
that runs git).
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .catalogue import Catalogue, load_catalogue
from .diagnostics import Finding, Severity, finding
from .errors import CatalogueInvalidError, CatalogueNotFoundError, UnknownChoiceError
from .layout import ACTIONS_DIR, GOALS_FILE, QUALITIES_FILE, STRATEGY_FILE
from .textsafety import visible
from .yamlio import MAX_FILE_BYTES

_OID = re.compile(r"^[0-9a-f]{40}([0-9a-f]{24})?$")
# How deep below the catalogue folder files are extracted: the catalogue's own
# files, and the entries of its folders (actions/). Deeper files are never read
# by the loader; their folders are created so that it can report them.
_MAX_DEPTH = 2


@dataclass
class Checkout:
    """A revision's catalogue extracted into a temporary folder."""

    revision: str  # as the user wrote it
    commit: str  # the resolved commit id
    path: Path  # the catalogue folder inside the temporary folder
    findings: list[Finding] = field(default_factory=list)


def git(cwd: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """Run git with ``args``; a failure raises UnknownChoiceError (exit 2)."""
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            check=False,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_LITERAL_PATHSPECS": "1"},
        )
    except FileNotFoundError:
        raise UnknownChoiceError(
            "git is not installed; to compare two folders use --base-dir and --head-dir"
        ) from None
    if done.returncode != 0:
        message = done.stderr.decode(errors="replace").strip().splitlines()
        raise UnknownChoiceError(
            f"git {args[0]} failed in '{visible(str(cwd))}'",
            hint=visible(message[-1]) if message else "",
        )
    return done.stdout


def repository_of(catalogue_root: Path) -> tuple[Path, PurePosixPath]:
    """The top of the git repository holding the catalogue, and the catalogue's path in it."""
    root = catalogue_root.resolve()
    if not root.is_dir():
        raise CatalogueNotFoundError(
            f"catalogue folder '{visible(str(catalogue_root))}' does not exist"
        )
    top = Path(git(root, "rev-parse", "--show-toplevel").decode(errors="replace").strip())
    return top, PurePosixPath(root.relative_to(top.resolve()).as_posix())


def resolve(repo: Path, revision: str) -> str:
    """The commit id ``revision`` names; never reads ``revision`` as an option."""
    try:
        out = git(
            repo, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"
        )
    except UnknownChoiceError:
        hint = "use a branch, tag or commit id (for example origin/main)"
        if Path(revision).is_dir():
            hint = f"to compare with the folder '{visible(revision)}', use --base-dir or --head-dir"
        raise UnknownChoiceError(
            f"'{visible(revision)}' is not a git revision of the catalogue's repository",
            hint=hint,
        ) from None
    commit = out.decode(errors="replace").strip()
    if not _OID.match(commit):
        raise UnknownChoiceError(
            f"git rev-parse gave an unexpected answer for '{visible(revision)}'"
        )
    return commit


@dataclass(frozen=True)
class _Entry:
    mode: str
    kind: str
    oid: str
    size: int | None
    path: PurePosixPath  # relative to the catalogue folder


def _tree(repo: Path, commit: str, catalogue: PurePosixPath) -> list[_Entry]:
    spec = "." if str(catalogue) in ("", ".") else str(catalogue)
    out = git(
        repo, "ls-tree", "-r", "-z", "-l", "--full-tree", "--end-of-options", commit, "--", spec
    )
    entries = []
    for record in out.split(b"\0"):
        if not record:
            continue
        meta, _, raw_path = record.partition(b"\t")
        mode, kind, oid, size = meta.decode().split()
        path = PurePosixPath(raw_path.decode("utf-8", errors="surrogateescape"))
        try:
            relative = path.relative_to(catalogue) if spec != "." else path
        except ValueError:
            continue
        entries.append(_Entry(mode, kind, oid, int(size) if size.isdigit() else None, relative))
    return entries


def _safe_parts(path: PurePosixPath) -> bool:
    return all(part not in ("", ".", "..") and "\0" not in part for part in path.parts)


def _inside(link: PurePosixPath, target: str) -> bool:
    """Does a relative link at ``link`` (catalogue-relative) point inside the catalogue?"""
    if not target or target.startswith("/"):
        return False
    joined = posixpath.normpath(posixpath.join(str(link.parent), target))
    return not (joined == ".." or joined.startswith("../") or joined.startswith("/"))


@contextmanager
def checkout(revision: str, catalogue_root: Path) -> Iterator[Checkout]:
    """The catalogue as it is in ``revision``, extracted into a temporary folder."""
    repo, catalogue = repository_of(catalogue_root)
    commit = resolve(repo, revision)
    with tempfile.TemporaryDirectory(prefix="rrs-diff-") as tmp:
        base = Path(tmp).resolve() / "catalogue"
        base.mkdir()
        result = Checkout(revision, commit, base)
        _extract(repo, commit, catalogue, base, result.findings)
        yield result


def _extract(
    repo: Path, commit: str, catalogue: PurePosixPath, base: Path, findings: list[Finding]
) -> None:
    blobs: list[tuple[_Entry, Path]] = []
    for entry in _tree(repo, commit, catalogue):
        shown = visible(str(entry.path))
        if not _safe_parts(entry.path):
            findings.append(finding("RRS013", f"a path rrs refuses to extract: {shown}", file=base))
            continue
        depth = len(entry.path.parts)
        target = base.joinpath(*entry.path.parts[:_MAX_DEPTH])
        if not target.resolve().is_relative_to(base):
            findings.append(
                finding("RRS013", f"a path outside the catalogue: {shown}", file=target)
            )
            continue
        if depth > _MAX_DEPTH:
            target.mkdir(parents=True, exist_ok=True)  # a folder the loader reports as stray
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if entry.kind == "blob":
            if entry.size is None or entry.size > MAX_FILE_BYTES:
                findings.append(
                    finding(
                        "RRS014",
                        f"the file is {(entry.size or 0) / 1_048_576:.1f} MiB; rrs reads catalogue "
                        f"files of at most {MAX_FILE_BYTES // 1_048_576} MiB (not read)",
                        file=target,
                    )
                )
                continue
            blobs.append((entry, target))
        else:  # a submodule: nothing rrs reads
            findings.append(
                finding("RRS013", "a submodule, not a file; rrs does not read it", file=target)
            )
    contents = _read_blobs(repo, [entry.oid for entry, _ in blobs])
    for (entry, target), data in zip(blobs, contents, strict=True):
        if entry.mode == "120000":
            link = data.decode("utf-8", errors="replace")
            if not _inside(entry.path, link):
                findings.append(
                    finding(
                        "RRS013",
                        "a symbolic link that leads outside the catalogue "
                        f"(to '{visible(link)}'); rrs does not follow it",
                        file=target,
                        line=None,
                    )
                )
                continue
            target.symlink_to(link)
        else:
            target.write_bytes(data)


def _read_blobs(repo: Path, oids: list[str]) -> list[bytes]:
    """The contents of ``oids`` (each already checked for size), in one git process."""
    if not oids:
        return []
    out = git(repo, "cat-file", "--batch", stdin="".join(f"{oid}\n" for oid in oids).encode())
    contents = []
    at = 0
    for oid in oids:
        end = out.index(b"\n", at)
        header = out[at:end].decode().split()
        if len(header) != 3 or header[0] != oid:
            raise UnknownChoiceError(f"git cat-file gave an unexpected answer for {oid}")
        size = int(header[2])
        contents.append(out[end + 1 : end + 1 + size])
        at = end + 1 + size + 1
    return contents


def load_version(path: Path, name: str, extra: list[Finding] | None = None) -> Catalogue:
    """The catalogue at ``path``; a version with errors is refused, its errors shown."""
    result = load_catalogue(path)
    errors = [f for f in (extra or []) + result.findings if f.severity is Severity.ERROR]
    if errors:
        shown = [_relocated(f, path, name) for f in errors[:_SHOWN]]
        more = f"\n  ... and {len(errors) - _SHOWN} more" if len(errors) > _SHOWN else ""
        raise CatalogueInvalidError(
            f"catalogue version '{visible(name)}' has errors; a diff would be misleading",
            hint="\n  ".join(shown) + more + "\n  run `rrs validate` on it first",
        )
    return result.catalogue


_SHOWN = 10


def _relocated(item: Finding, root: Path, name: str) -> str:
    """One error as a line, its file shown relative to the version's catalogue folder."""
    try:
        where = f"{name}:" + Path(item.file).relative_to(root).as_posix()
    except ValueError:
        where = item.file
    if item.line is not None:
        where += f":{item.line}"
    return visible(f"{where}: {item.code} {item.message}")


def catalogue_version(root: Path) -> tuple[str, str]:
    """The git commit of a clean catalogue checkout, else a hash of its files' content."""
    commit = _git_commit(root)
    if commit:
        return commit, "git"
    digest = hashlib.sha256()
    for path in sorted(_catalogue_files(root)):
        digest.update(path.relative_to(root).as_posix().encode("utf-8", "surrogateescape"))
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16], "hash"


def _catalogue_files(root: Path) -> list[Path]:
    files = [root / n for n in (STRATEGY_FILE, GOALS_FILE, QUALITIES_FILE)]
    actions = root / ACTIONS_DIR
    if actions.is_dir():
        files += [p for p in actions.iterdir() if p.suffix == ".yaml"]
    return [p for p in files if p.is_file() and not p.is_symlink()]


def _git_commit(root: Path) -> str | None:
    """HEAD's commit when the catalogue folder has no uncommitted change, else None."""
    try:
        head = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--verify", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
        if head.returncode != 0:
            return None
        dirty = subprocess.run(
            ["git", "-C", str(root), "status", "--porcelain", "--", "."],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if dirty.returncode != 0 or dirty.stdout.strip():
        return None
    value = head.stdout.strip()
    return value if re.fullmatch(r"[0-9a-f]{40,64}", value) else None

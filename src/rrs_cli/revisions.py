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
* each blob's size is known before it is read (``ls-tree -l``): a blob over
  the catalogue's file-size limit is never read, it becomes a finding; so is a
  tree with more entries, or blobs adding up to more bytes, than the
  catalogue's limits (``limits``), and then not one blob is read;
* the tree listing and the blobs are streamed (one ``git cat-file --batch``
  process, each blob copied into its file a chunk at a time), so memory stays
  bounded whatever the sizes;
* git runs with a clean environment and the settings that could start a
  command switched off (``tools``);
* symbolic links are not followed: a link that stays inside the catalogue is
  recreated as a link (the loader reads through it as in a working tree); a
  link that is absolute or leaves the catalogue becomes a finding;
* files are written only below a fresh temporary folder, under names checked
  component by component.

A folder is never taken for a revision: comparing folders is a separate form
of ``rrs diff`` (``--base-dir``/``--head-dir``).
"""

from __future__ import annotations

import posixpath
import re
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO

from . import limits
from .catalogue import Catalogue, load_catalogue
from .diagnostics import Finding, Severity, finding
from .errors import CatalogueNotFoundError, UnknownChoiceError
from .textsafety import visible
from .tools import git_command, git_environment
from .yamlio import MAX_FILE_BYTES

_OID = re.compile(r"^[0-9a-f]{40}([0-9a-f]{24})?$")
# How deep below the catalogue folder files are extracted: the catalogue's own
# files, and the entries of its folders (actions/). Deeper files are never read
# by the loader; their folders are created so that it can report them.
_MAX_DEPTH = 2
# How much of a blob or a listing is held at once.
_CHUNK = 64 * 1024


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
            git_command(*args),
            cwd=cwd,
            input=stdin,
            capture_output=True,
            check=False,
            env=git_environment(),
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


def _tree(repo: Path, commit: str, catalogue: PurePosixPath) -> list[_Entry] | None:
    """The catalogue's entries in ``commit``; None when there are more than the limit.

    The listing is read a record at a time and stopped just past the limit: a
    tree of nested trees can list billions of entries from a few objects.
    """
    spec = "." if str(catalogue) in ("", ".") else str(catalogue)
    args = ("ls-tree", "-r", "-z", "-l", "--full-tree", "--end-of-options", commit, "--", spec)
    entries: list[_Entry] = []
    with _git_process(repo, *args) as process:
        assert process.stdout is not None
        for record in _records(process.stdout):
            meta, _, raw_path = record.partition(b"\t")
            mode, kind, oid, size = meta.decode().split()
            path = PurePosixPath(raw_path.decode("utf-8", errors="surrogateescape"))
            try:
                relative = path.relative_to(catalogue) if spec != "." else path
            except ValueError:
                continue
            entries.append(_Entry(mode, kind, oid, int(size) if size.isdigit() else None, relative))
            if len(entries) > limits.MAX_TREE_ENTRIES:
                return None
    return entries


def _records(stream: IO[bytes]) -> Iterator[bytes]:
    """The NUL-terminated records of ``stream``, read a chunk at a time."""
    pending = b""
    while chunk := stream.read(_CHUNK):
        *complete, pending = (pending + chunk).split(b"\0")
        yield from (record for record in complete if record)
    if pending:
        yield pending


@contextmanager
def _git_process(repo: Path, *args: str, stdin: bool = False) -> Iterator[subprocess.Popen[bytes]]:
    """A git process whose output is read as it comes.

    Left early (a limit reached), the process is stopped; a git that failed on
    its own raises UnknownChoiceError (exit 2), as :func:`git` does.
    """
    with tempfile.TemporaryFile() as errors:  # a file: a full pipe could block git
        try:
            process = subprocess.Popen(
                git_command(*args),
                cwd=repo,
                stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=errors,
                env=git_environment(),
            )
        except FileNotFoundError:
            raise UnknownChoiceError("git is not installed") from None
        stopped = False
        try:
            yield process
        finally:
            for stream in (process.stdin, process.stdout):
                if stream is not None:
                    stream.close()
            if process.poll() is None:
                stopped = True
                process.kill()
            code = process.wait()
        if code != 0 and not stopped:
            errors.seek(0)
            lines = errors.read(_CHUNK).decode(errors="replace").strip().splitlines()
            raise UnknownChoiceError(
                f"git {args[0]} failed in '{visible(str(repo))}'",
                hint=visible(lines[-1]) if lines else "",
            )


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
    tree = _tree(repo, commit, catalogue)
    if tree is None:
        findings.append(
            finding(
                "RRS014",
                f"the catalogue folder holds more than {limits.MAX_TREE_ENTRIES:,} entries in this "
                "revision; rrs reads at most that many (nothing was read)",
                file=base,
            )
        )
        return
    blobs = _planned(tree, base, findings)
    over = limits.total_finding(base, sum(entry.size or 0 for entry, _ in blobs))
    if over is not None:  # before a single blob is read
        findings.append(over)
        return
    _write_blobs(repo, blobs, findings)


def _planned(tree: list[_Entry], base: Path, findings: list[Finding]) -> list[tuple[_Entry, Path]]:
    """The blobs to read and where each goes; a finding for every entry refused."""
    blobs: list[tuple[_Entry, Path]] = []
    for entry in tree:
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
    return blobs


def _write_blobs(repo: Path, blobs: list[tuple[_Entry, Path]], findings: list[Finding]) -> None:
    """Stream each blob (its size already checked) from one git process into its file."""
    if not blobs:
        return
    with _git_process(repo, "cat-file", "--batch", stdin=True) as process:
        assert process.stdin is not None and process.stdout is not None
        for entry, target in blobs:
            process.stdin.write(f"{entry.oid}\n".encode())
            process.stdin.flush()
            header = process.stdout.readline(200).split()
            if header != [entry.oid.encode(), b"blob", str(entry.size).encode()]:
                raise UnknownChoiceError(f"git cat-file gave an unexpected answer for {entry.oid}")
            assert entry.size is not None
            if entry.mode == "120000":
                _link(entry, target, _read_exactly(process.stdout, entry.size), findings)
            else:
                _copy(process.stdout, entry.size, target, findings)
            if process.stdout.read(1) != b"\n":
                raise UnknownChoiceError(f"git cat-file gave an unexpected answer for {entry.oid}")


def _read_exactly(stream: IO[bytes], size: int) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise UnknownChoiceError("git cat-file stopped in the middle of a file")
    return data


def _copy(stream: IO[bytes], size: int, target: Path, findings: list[Finding]) -> None:
    """Copy ``size`` bytes of ``stream`` into a new file ``target``, a chunk at a time.

    A file that cannot be made new (a link or a file already there, a folder on
    the way that is a file) is a finding; its bytes are read and dropped.
    """
    try:
        out: IO[bytes] | None = target.open("xb")  # never through a link, never over a file
    except OSError:
        out = None
        findings.append(
            finding("RRS013", f"a path rrs refuses to extract: {visible(target.name)}", file=target)
        )
    try:
        left = size
        while left:
            chunk = _read_exactly(stream, min(left, _CHUNK))
            if out is not None:
                out.write(chunk)
            left -= len(chunk)
    finally:
        if out is not None:
            out.close()


def _link(entry: _Entry, target: Path, data: bytes, findings: list[Finding]) -> None:
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
        return
    try:
        target.symlink_to(link)
    except OSError:
        findings.append(
            finding("RRS013", f"a path rrs refuses to extract: {visible(target.name)}", file=target)
        )


@dataclass
class Version:
    """A catalogue version as read, with the errors that left files out of it."""

    catalogue: Catalogue
    errors: list[Finding] = field(default_factory=list)
    # Each error as one line, its file shown relative to the version's folder.
    error_lines: list[str] = field(default_factory=list)


def read_version(path: Path, name: str, extra: list[Finding] | None = None) -> Version:
    """The catalogue at ``path`` and its errors; a version with errors is still read.

    A pull request with errors still needs its summary: the diff compares what
    can be read and says which files it could not (see ``diff.compare``).
    """
    result = load_catalogue(path)
    errors = [f for f in (extra or []) + result.findings if f.severity is Severity.ERROR]
    return Version(result.catalogue, errors, [_relocated(f, path, name) for f in errors])


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

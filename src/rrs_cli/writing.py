"""Atomic file writes: a reader sees the old file or the new one, never half of one.

The new content goes to a temporary file in the same directory, is flushed
and fsynced, and then renamed over the target (atomic on POSIX). The
directory is fsynced too, so the rename survives a crash.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

from .errors import WriteRefusedError

BATCH_SYNC_FROM = 32


def write_atomic(path: Path, text: str) -> None:
    write_files([(path, text)])


def write_files(
    files: list[tuple[Path, str]] | list[tuple[Path, str | bytes]],
    *,
    unsynced: frozenset[Path] = frozenset(),
    originals: Mapping[Path, bytes | None] | None = None,
) -> None:
    """Write several files all or nothing.

    ``unsynced``: files that can be made again (a round's forms): their content
    is not flushed to disk one by one (thousands of fsyncs), only renamed into
    place as atomically as the others. ``originals``: each file's bytes as the
    caller just read them (None: no file), so they are not read again.

    Every temporary file is written and fsynced first; then each is renamed over
    its target. If a rename fails, the files already renamed are put back as
    they were (a new file removed, an old one's bytes restored), so a failure
    leaves every file as it was. Errors of the file system (a full disk, a
    read-only folder) are reported as what they are, with the path.
    """
    folders: set[Path] = set()
    modes = [_check_target(path, folders) for path, _ in files]
    # Many files (an import of a progress round): one sync of the file systems
    # before the renames instead of one fsync a file, which on a slow disk is
    # seconds per thousand files. Either way every new content is on disk
    # before any file is replaced.
    durable = [path for path, _ in files if path not in unsynced]
    batch_sync = len(durable) >= BATCH_SYNC_FROM
    prepared: list[tuple[Path, Path, bytes | None]] = []
    renamed: list[tuple[Path, bytes | None]] = []
    current = files[0][0] if files else Path()
    try:
        for (path, text), mode in zip(files, modes, strict=True):
            current = path
            if originals is not None and path in originals:
                original = originals[path]
            else:
                original = path.read_bytes() if mode is not None else None
            sync = path not in unsynced and not batch_sync
            prepared.append((path, _temporary(path, text, sync=sync, mode=mode), original))
        if batch_sync:
            os.sync()
        for path, tmp, original in prepared:
            current = path
            tmp.replace(path)
            renamed.append((path, original))
    except BaseException as error:
        for _, tmp, _ in prepared:
            with contextlib.suppress(OSError):
                tmp.unlink()
        _roll_back(renamed)
        if isinstance(error, OSError):
            raise WriteRefusedError(
                f"cannot write '{current}': {error.strerror or error}; nothing was changed",
                hint=_hint(error),
            ) from None
        raise
    for directory in dict.fromkeys(path.parent for path, _ in files):
        _fsync_directory(directory)


def _check_target(path: Path, folders: set[Path]) -> int | None:
    """Refuse what rrs must not replace: folders, links, devices, FIFOs, read-only
    files; the permission bits of the file there (None: no file yet).

    ``folders``: the folders already found to exist (one look per folder).
    """
    directory = path.parent
    if directory not in folders:
        if not directory.is_dir():
            raise WriteRefusedError(f"folder '{directory}' does not exist")
        folders.add(directory)
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None
    except OSError as error:  # the folder cannot be searched, say
        raise WriteRefusedError(f"cannot write '{path}': {error.strerror}") from None
    if stat.S_ISLNK(info.st_mode):
        raise WriteRefusedError(
            f"'{path}' is a symbolic link (to '{path.readlink()}'); rrs does not write "
            "through links",
            hint="remove the link or give the real path",
        )
    if stat.S_ISDIR(info.st_mode):
        raise WriteRefusedError(f"'{path}' is a folder; give a file name")
    if not stat.S_ISREG(info.st_mode):
        raise WriteRefusedError(
            f"'{path}' is not a regular file (a device or a pipe?); rrs replaces only files",
            hint="give a file name (for --output, - means standard output)",
        )
    # The owner's write bit: root may write anything, but a file someone made
    # read-only is meant to stay as it is.
    if not info.st_mode & stat.S_IWUSR or not os.access(path, os.W_OK):
        raise WriteRefusedError(
            f"'{path}' is read-only; rrs does not replace it",
            hint=f"make it writable first (chmod u+w '{path}') if the change is meant",
        )
    return info.st_mode & 0o777


# A file name holds at most 255 bytes; mkstemp and mkdtemp add 8 characters and
# the suffix to the prefix ".NAME.", so a longer NAME is cut (its extension kept).
_NAME_MAX = 255


def temporary_prefix(path: Path, suffix: str = ".tmp") -> str:
    """``.NAME.``, for a temporary beside ``path`` named ``.NAME.xxxxxxxx<suffix>``: an
    action file whose id nearly fills a file name (or a long output folder) still gets
    one (the name cut, the extension kept, so stale ones are still found)."""
    room = _NAME_MAX - len(".") - len(".xxxxxxxx") - len(os.fsencode(suffix))
    name = path.name
    if len(os.fsencode(name)) > room:
        stem, dot, extension = name.rpartition(".")
        left = room - len(os.fsencode(dot + extension))
        if not dot or left < 1:
            stem, dot, extension, left = name, "", "", room
        name = os.fsencode(stem)[:left].decode("utf-8", "ignore") + dot + extension
    return f".{name}."


def _temporary(
    path: Path, text: str | bytes, *, sync: bool = True, mode: int | None = None
) -> Path:
    """The content (text as UTF-8, or bytes) in a hidden temporary file beside ``path``,
    flushed to disk, with ``mode`` (the file's it replaces; 0o644 for a new one)."""
    fd, tmp_name = tempfile.mkstemp(prefix=temporary_prefix(path), suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        data = text.encode("utf-8") if isinstance(text, str) else text
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
            os.fchmod(handle.fileno(), 0o644 if mode is None else mode)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def _roll_back(renamed: list[tuple[Path, bytes | None]]) -> None:
    for path, original in reversed(renamed):
        with contextlib.suppress(OSError):
            if original is None:
                path.unlink()
            else:
                tmp = _temporary(path, original, mode=path.stat().st_mode & 0o777)
                tmp.replace(path)


def _hint(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "the disk is full; free some space and run the command again"
    if error.errno == errno.EROFS:
        return "the file system is mounted read-only"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "you may not write in that folder"
    return ""


# The names `tempfile.mkstemp` gives write_files' temporaries: `.NAME.xxxxxxxx.tmp`.
_TEMPORARY = re.compile(r"\.(?P<name>.+\.ya?ml)\.[a-z0-9_]{8}\.tmp")


def clean_stale_temporaries(directory: Path) -> list[Path]:
    """Remove the temporaries a killed writer of rrs left in ``directory``.

    Call only while holding the folder's write lock: then no rrs writer is
    between writing a temporary and renaming it, and every one left is stale.
    Only regular files named as rrs names them are removed.
    """
    removed = []
    with contextlib.suppress(OSError), os.scandir(directory) as entries:
        for entry in entries:
            if _TEMPORARY.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    Path(entry.path).unlink()
                    removed.append(Path(entry.path))
    return removed


def _fsync_directory(directory: Path) -> None:
    with contextlib.suppress(OSError):  # not every file system allows it
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

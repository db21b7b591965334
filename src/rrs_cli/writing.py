"""Atomic file writes: a reader sees the old file or the new one, never half of one.

The new content goes to a temporary file in the same directory, is flushed
and fsynced, and then renamed over the target (atomic on POSIX). The
directory is fsynced too, so the rename survives a crash.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import WriteRefusedError
from .models import Action


def write_atomic(path: Path, text: str) -> None:
    if path.is_dir():
        raise WriteRefusedError(f"'{path}' is a folder; give a file name")
    if path.is_symlink():
        raise WriteRefusedError(
            f"'{path}' is a symbolic link (to '{path.readlink()}'); rrs does not write "
            "through links",
            hint="remove the link or give the real path",
        )
    if path.exists() and not path.is_file():
        # Replacing a device or a pipe with a regular file would break it.
        raise WriteRefusedError(
            f"'{path}' is not a regular file (a device or a pipe?); rrs writes only files",
            hint="give a file name (for --output, - means standard output)",
        )
    directory = path.parent
    if not directory.is_dir():
        raise WriteRefusedError(f"folder '{directory}' does not exist")
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.chmod(mode)
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_directory(directory)


def _fsync_directory(directory: Path) -> None:
    with contextlib.suppress(OSError):  # not every file system allows it
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def action_yaml(action: Action) -> str:
    """An action file's text, fields in schema order, defaults left out.

    PyYAML's safe dumper writes plain data only; long text stays on one line
    (``width``), so an editor's diff shows whole sentences.
    """
    import yaml

    data = action.model_dump(mode="json", exclude_defaults=True)
    for required in ("id", "kind", "title"):
        data.setdefault(required, getattr(action, required))
    for entry, original in zip(data.get("progress", []), action.progress, strict=True):
        entry["date"] = original.date  # a YAML date, not a quoted string
    ordered = {name: data[name] for name in Action.model_fields if name in data}
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text: str = yaml.dump(
        ordered, Dumper=dumper, sort_keys=False, allow_unicode=True, width=1_000_000
    )
    return text

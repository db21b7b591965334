"""The disk's part of a large import: atomically replace every action file, no rrs.

    python benchmarks/replace_floor.py CATALOGUE

Reads each ``actions/*.yaml`` and puts the same bytes back the way rrs writes a
batch (writing.write_files): a temporary file beside each, one sync of the file
systems, then each renamed over its file. Nothing else: no parsing, no checks.
``forms.py`` runs it beside ``rrs progress import`` (which rewrites as many files),
so the report can say how much of the import's time the disk alone takes.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def main() -> None:
    actions = Path(sys.argv[1]) / "actions"
    written = []
    for path in sorted(actions.glob("*.yaml")):
        data = path.read_bytes()
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=actions)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            os.fchmod(handle.fileno(), 0o644)
        written.append((name, path))
    os.sync()
    for name, path in written:
        Path(name).replace(path)


if __name__ == "__main__":
    main()

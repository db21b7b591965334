"""The catalogue's size limits, checked before the work they bound is done.

Each file is already limited (``yamlio``: 1 MiB, nesting, alias expansion,
number length). These limits bound the catalogue as a whole, so that no
command's time, memory or output can grow beyond a known multiple of them:

* at most ``MAX_ACTIONS`` action files, counted from the folder listing,
  before any is read;
* at most ``MAX_CATALOGUE_BYTES`` in all the files rrs reads, summed from
  their sizes on disk (or in a revision's tree listing), before any is read;
* at most ``MAX_GOALS`` goals and ``MAX_QUALITIES`` qualities: every page,
  report section and matrix is drawn per goal or per quality, so their number
  multiplies the output.

Going over a limit is a located error (RRS014), like a file that is too big.
The limits are generous for a city's strategy (tens of goals, a few hundred
actions) and for rrs's own benchmarks (40,000 synthetic actions, 38 MB).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .diagnostics import Finding, finding
from .document import Document

MAX_ACTIONS = 50_000
MAX_CATALOGUE_BYTES = 64 * 1024 * 1024
MAX_GOALS = 100
MAX_QUALITIES = 100
# A revision's tree: every action file plus the catalogue's other files and
# some stray ones (each stray file is a finding, so not unbounded either).
MAX_TREE_ENTRIES = MAX_ACTIONS + 1000

MAX_ENTRIES = {"goals": MAX_GOALS, "qualities": MAX_QUALITIES}


def _mib(size: int) -> str:
    return f"{size / 1_048_576:.1f} MiB"


def too_many_actions(folder: Path, count: int) -> Finding | None:
    """RRS014 when the actions folder holds more action files than rrs reads."""
    if count <= MAX_ACTIONS:
        return None
    return finding(
        "RRS014",
        f"the folder holds {count:,} action files; rrs reads catalogues of at most "
        f"{MAX_ACTIONS:,} actions (none was read)",
        file=folder,
    )


def file_size(path: Path) -> int:
    """The size of ``path`` as stat says (a link: its target's); 0 when it cannot be read."""
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the loader reports the file itself


def too_big(root: Path, paths: list[Path]) -> Finding | None:
    """RRS014 when the files rrs would read add up to more than the limit."""
    total = sum(file_size(path) for path in paths)
    return total_finding(root, total)


def total_finding(root: Path | str, total: int) -> Finding | None:
    if total <= MAX_CATALOGUE_BYTES:
        return None
    return finding(
        "RRS014",
        f"the catalogue's files add up to {_mib(total)}; rrs reads catalogues of at most "
        f"{_mib(MAX_CATALOGUE_BYTES)} in all (its actions were not read)",
        file=root,
    )


def too_many_entries(kind: str, data: list[Any], path: Path, document: Document) -> Finding | None:
    """RRS014 when goals.yaml or qualities.yaml holds more entries than rrs reads,
    located at the first entry beyond the limit."""
    most = MAX_ENTRIES.get(kind)
    if most is None or len(data) <= most:
        return None
    line, column = document.locate((most,))
    return finding(
        "RRS014",
        f"{path.name} holds {len(data):,} entries; rrs reads at most {most:,} {kind} "
        "(none was read)",
        file=path,
        line=line,
        column=column,
        field_path=f"[{most}]",
    )

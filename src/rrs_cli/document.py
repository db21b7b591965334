"""A parsed catalogue file: its plain data, and where each value stands in the text.

``yamlio`` builds a :class:`Document` in its one parse of a file; findings are
located later from its marks, and ``fieldspan`` finds a field's lines from them,
without reading or parsing the file again.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Path_ = tuple[str | int, ...]


# A position packed into one int: line << SHIFT | column (both 0-based). A
# column is below 2**21 because a file holds at most MAX_FILE_BYTES characters.
SHIFT = 21
COLUMN = (1 << SHIFT) - 1


class Marks:
    """Where one mapping or sequence and the values inside it start.

    Recorded while parsing, as packed ints (``SHIFT``) in compact arrays:
    ``start`` is the collection's own position, ``at`` the position of each
    value and ``keys`` of each mapping key, both in the collection's order
    (the order of ``names``, the mapping itself); ``kids`` holds the marks of
    values that are collections, by index. Recording costs an array append per
    value during the one parse; locating a finding is then a few lookups,
    whatever the number of findings.
    """

    __slots__ = ("_index", "at", "keys", "kids", "names", "start")

    def __init__(
        self,
        start: int,
        at: array[int],
        keys: array[int] | None,
        kids: dict[int, Marks] | None,
        names: dict[str, Any] | None,
    ) -> None:
        self.start, self.at, self.keys, self.kids, self.names = start, at, keys, kids, names
        self._index: dict[str, int] | None = None

    def index(self, name: str) -> int | None:
        """The position of key ``name`` in the mapping (the index is built once)."""
        if self.names is None:
            return None
        if self._index is None:
            self._index = {key: i for i, key in enumerate(self.names)}
        return self._index.get(name)

    def __reduce__(self) -> tuple[Any, ...]:  # for the parallel reader's pickles
        keys = self.keys.tobytes() if self.keys is not None else None
        return (_restore, (self.start, self.at.tobytes(), keys, self.kids, self.names))


def key_positions(marks: Marks) -> list[tuple[int, int]]:
    """(line, column), both from 0, of the mapping's own start and then of each key."""
    return [(p >> SHIFT, p & COLUMN) for p in (marks.start, *(marks.keys or ()))]


def _restore(
    start: int, at: bytes, keys: bytes | None, kids: dict[int, Marks] | None, names: Any
) -> Marks:
    """A ``Marks`` from its pickled form (the arrays as bytes: cheaper to send)."""
    positions = array("q")
    positions.frombytes(at)
    key_positions = None
    if keys is not None:
        key_positions = array("q")
        key_positions.frombytes(keys)
    return Marks(start, positions, key_positions, kids, names)


@dataclass
class Document:
    """A parsed YAML file: its plain data, and where to find each value."""

    path: Path
    data: Any
    marks: Marks | int | None = field(default=None, repr=False)  # int: a lone scalar
    # Does the file define an anchor (so one value may appear in two places)?
    anchored: bool = False
    # The file as read (inode, size, modification time), to tell later that it is
    # unchanged; set by load_file.
    stamp: tuple[int, int, int] | None = None

    def locate(self, loc: Path_, *, key: bool = False) -> tuple[int | None, int | None]:
        """Line and column (1-based) of the value at ``loc``, or of its nearest ancestor.

        With ``key=True`` the position of the mapping key is returned instead of
        its value (unless the value is itself a mapping), which is where an
        editor should look for an unknown field.
        """
        node: Any = self.marks
        if node is None:
            return None, None
        pos: int = node.start if isinstance(node, Marks) else node
        for step in loc:
            if not isinstance(node, Marks):
                break
            if node.names is not None:
                index = node.index(str(step))
                if index is None:
                    break
            elif isinstance(step, int) and 0 <= step < len(node.at):
                index = step
            else:
                break
            child = node.kids.get(index) if node.kids else None
            if key and node.keys is not None and (child is None or child.names is None):
                pos = node.keys[index]
                break
            pos, node = node.at[index], child
        return (pos >> SHIFT) + 1, (pos & COLUMN) + 1

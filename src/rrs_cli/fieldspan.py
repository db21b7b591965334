"""Where one top-level field of a catalogue file lies in its text.

An edit of one field (a progress entry inserted into ``progress``) can then be
made and checked on that field's lines alone: parsing a whole action file again
to check an insertion of three lines is most of the time an import of
thousands of rows would take. The lines stand alone only in a plain layout
(the one rrs and editors write); for any other the answer is None, and the
caller edits and parses the whole file.
"""

from __future__ import annotations

from .document import Document, Marks, key_positions

# Characters YAML reads as line breaks besides "\n" (the marks count them; "\r\n"
# is one break, but a bare "\r" is not told apart here: such files go whole).
_OTHER_BREAKS = ("\r", "\x85", "\u2028", "\u2029")


def field_span(text: str, document: Document, key: str) -> tuple[int, int] | None:
    """The offsets ``[start, end)`` of the lines that hold top-level ``key`` and its
    value in ``text`` (the text ``document`` was parsed from), when those lines
    parse alone to ``{key: value}`` and the rest of the file cannot depend on them.
    A file without ``key`` gets the last field's lines, to which it would be added.
    The layout must be plain:

    - the root is a block mapping (not ``{...}``) whose keys each start a line at
      column 1, so a key's lines end where the next key's line starts;
    - the file defines no anchor, so no other value can be an alias of one of these;
    - "\\n" is the only line break (the marks' line numbers are then line numbers).
    """
    marks = document.marks
    if document.anchored or not isinstance(marks, Marks) or marks.names is None:
        return None
    index = marks.index(key)
    if index is None:
        index = len(marks.names) - 1
    if index < 0 or any(mark in text for mark in _OTHER_BREAKS):
        return None
    (root_line, root_column), *keys = key_positions(marks)
    if any(column for _, column in keys):
        return None
    starts = _line_starts(text, keys[-1][0])
    if len(starts) <= keys[-1][0]:
        return None  # not the text the document was parsed from
    root = starts[root_line] + root_column if root_line < len(starts) else -1
    if text[root : root + 1] == "{":
        return None
    start = starts[keys[index][0]]
    end = starts[keys[index + 1][0]] if index + 1 < len(keys) else len(text)
    return start, end


def _line_starts(text: str, last: int) -> list[int]:
    """The offset at which each line starts, up to line ``last`` (from 0)."""
    starts = [0]
    while len(starts) <= last:
        found = text.find("\n", starts[-1])
        if found < 0:
            break
        starts.append(found + 1)
    return starts

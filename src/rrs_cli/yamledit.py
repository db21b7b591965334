"""Line edits of an action file's YAML text: only the lines an edit touches change.

A YAML library that loads and dumps a file re-renders all of it: sequences the
edit did not touch come back re-indented, and comments near the end of the
file move (a trailing ``# einde bestand`` lands between ``progress:`` and its
entries). These functions instead find, with the parser's marks, where one
top-level sequence and its items are in the text, and splice new lines in or
cut old ones out. Everything else (comments, blank lines, quoting, line ends)
stays byte for byte.

The caller checks the result by parsing it again (``progress.py``): an edit
that changed anything but the intended key is refused, never written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import yaml

# The layout of a new block sequence (the bundled files' and `rrs update`'s):
# the dash two columns in, the item's keys four.
DASH_COLUMN = 2


class EditError(Exception):
    """The file's layout is one these edits do not handle (a flow-style root, say)."""


@dataclass
class SequenceLayout:
    """Where one top-level key's value is in the text."""

    style: str  # "block", "flow", "null" (key with no value) or "absent"
    key_start: int = 0
    value_start: int = 0
    value_end: int = 0
    items: list[tuple[int, int]] = field(default_factory=list)  # (node start, content end)


@dataclass
class _Scan:
    layouts: dict[str, SequenceLayout]
    content_end: int  # just after the last character of the root mapping's content


try:  # libyaml's parser gives the same events and marks, many times faster
    from yaml import CSafeLoader as _FastLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _FastLoader  # type: ignore[assignment]


def _events(text: str) -> list[Any]:
    """The parser's events; the pure-Python parser where libyaml counts differently
    (a byte-order mark) or refuses what it accepts (deep nesting)."""
    if not text.startswith("\ufeff"):
        try:
            return list(yaml.parse(text, Loader=_FastLoader))
        except yaml.YAMLError:
            pass
    return list(yaml.parse(text, Loader=yaml.SafeLoader))


def _scan(text: str, keys: tuple[str, ...]) -> _Scan:
    events = _events(text)
    if len(events) < 4 or not isinstance(events[2], yaml.MappingStartEvent):
        raise EditError("the file is not a mapping of fields")
    if events[2].flow_style:
        raise EditError("the file is written as one flow mapping ({...})")
    layouts = {key: SequenceLayout("absent") for key in keys}
    content_end = 0
    position = 3
    while not isinstance(events[position], yaml.MappingEndEvent):
        key_event = events[position]
        value_start = position + 1
        position = _skip(events, value_start)
        content_end = max(content_end, _content_end(events[value_start:position], text))
        name = key_event.value if isinstance(key_event, yaml.ScalarEvent) else None
        if name not in layouts:
            continue
        value = events[value_start]
        layout = layouts[name]
        layout.key_start = _start(key_event)
        layout.value_start = _start(value)
        layout.value_end = _end(events[position - 1])
        if isinstance(value, yaml.SequenceStartEvent):
            layout.style = "flow" if value.flow_style else "block"
            layout.items = _items(events[value_start + 1 : position - 1], text)
        elif isinstance(value, yaml.ScalarEvent) and value.tag is None and _is_null(value):
            layout.style = "null"
        else:
            raise EditError(f"'{name}' is not a list")
    return _Scan(layouts, content_end)


def _start(event: Any) -> int:
    return int(event.start_mark.index)


def _end(event: Any) -> int:
    return int(event.end_mark.index)


def _is_null(event: yaml.ScalarEvent) -> bool:
    return event.implicit[0] and event.value in ("", "~", "null", "Null", "NULL")


def _skip(events: list[Any], start: int) -> int:
    """The index just past the node that starts at ``start``."""
    depth = 0
    position = start
    while True:
        event = events[position]
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
        position += 1
        if depth == 0:
            return position


def _content_end(events: list[Any], text: str) -> int:
    """Where a node's text really ends: its last scalar or flow bracket.

    A block collection's end mark sits at the next token, after any comments
    that follow; a block scalar's takes in the blank lines after it.
    """
    end = 0
    for event in events:
        closes_flow = isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)) and (
            _start(event) != _end(event)
        )
        if isinstance(event, yaml.ScalarEvent) or closes_flow:
            end = max(end, _end(event))
    while end > 0 and text[end - 1] in " \t\r\n":
        end -= 1
    return end


def _items(events: list[Any], text: str) -> list[tuple[int, int]]:
    items = []
    position = 0
    while position < len(events):
        after = _skip(events, position)
        items.append((_start(events[position]), _content_end(events[position:after], text)))
        position = after
    return items


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _line_end(text: str, index: int) -> int:
    """Just past the newline of the line holding ``index`` (the end of a last line)."""
    newline = text.find("\n", index)
    return len(text) if newline < 0 else newline + 1


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _insert_lines(text: str, at: int, lines: list[str]) -> str:
    """Insert whole lines at a line start ``at`` (``len(text)``: at the end)."""
    newline = _newline(text)
    block = "".join(line + newline for line in lines)
    if at == len(text) and text and not text.endswith("\n"):
        block = newline + block
    return text[:at] + block + text[at:]


def _dash_of(text: str, item_start: int) -> int:
    """The offset of the ``-`` that opens a block sequence item."""
    return text.rfind("-", 0, item_start + 1)


# YAML double-quoted scalars: JSON's escapes, plus the characters YAML itself
# reads as line breaks or refuses (NEL, line/paragraph separators, C1, BOM).
_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def quoted(value: str) -> str:
    """``value`` as a YAML double-quoted scalar."""
    body = json.dumps(value, ensure_ascii=False)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", body)


def _scalar(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def mapping_item_lines(
    fields: dict[str, Any], quote: frozenset[str], dash: int, indent: int
) -> list[str]:
    """A block sequence item holding a mapping: ``- key: value`` lines."""
    lines = []
    for number, (key, value) in enumerate(fields.items()):
        text = quoted(value) if key in quote else _scalar(value)
        lead = " " * dash + "- " + " " * (indent - dash - 2) if number == 0 else " " * indent
        lines.append(f"{lead}{key}: {text}")
    return lines


@dataclass(frozen=True)
class ItemStyle:
    dash: int  # column of the '-'
    indent: int  # column of the item's content


def item_style(text: str, key: str) -> ItemStyle:
    """How the block items of ``key`` are indented (the default for a new list)."""
    return _style_of(text, _scan(text, (key,)).layouts[key])


def _style_of(text: str, layout: SequenceLayout) -> ItemStyle:
    if layout.style != "block" or not layout.items:
        return ItemStyle(DASH_COLUMN, DASH_COLUMN + 2)
    start = layout.items[0][0]
    dash = _dash_of(text, start)
    return ItemStyle(dash - _line_start(text, dash), start - _line_start(text, start))


def insert_item(text: str, key: str, index: int, lines: list[str]) -> str:
    """Insert an item (its block lines, indented as ``item_style`` says) at ``index``."""
    return _insert_at(text, _scan(text, (key,)), key, index, lines)


def insert_styled_item(
    text: str, key: str, index: int, lines: Callable[[ItemStyle], list[str]]
) -> str:
    """:func:`insert_item` with lines made for the list's own style, from one scan."""
    scan = _scan(text, (key,))
    return _insert_at(text, scan, key, index, lines(_style_of(text, scan.layouts[key])))


def _insert_at(text: str, scan: _Scan, key: str, index: int, lines: list[str]) -> str:
    layout = scan.layouts[key]
    if layout.style == "block":
        if index < len(layout.items):
            at = _line_start(text, _dash_of(text, layout.items[index][0]))
        else:
            at = _line_end(text, layout.items[-1][1])
        return _insert_lines(text, at, lines)
    if layout.style == "flow" and layout.items:
        raise EditError(f"'{key}' is a flow list ([...]) with items")
    if layout.style in ("flow", "null"):
        # `key: []` or `key:` becomes `key:` with block items below; a comment
        # after the value stays on the key's line.
        head = text[: layout.value_start].rstrip(" \t")
        if not head.endswith(":"):
            raise EditError(f"'{key}' is not on one line with its value")
        rest = text[layout.value_end :]
        edited = head + rest
        return _insert_lines(edited, _line_end(edited, len(head)), lines)
    at = _line_end(text, scan.content_end) if scan.content_end else 0
    return _insert_lines(text, at, [f"{key}:", *lines])


def remove_item(text: str, key: str, index: int) -> str:
    """Cut the item at ``index`` (its lines, and an inline comment on its last line)."""
    layout = _scan(text, (key,)).layouts[key]
    if layout.style != "block" or index >= len(layout.items):
        raise EditError(f"'{key}' has no item {index} to remove")
    start, end = layout.items[index]
    cut_from = _line_start(text, _dash_of(text, start))
    edited = text[:cut_from] + text[_line_end(text, end) :]
    if len(layout.items) == 1:  # the last one: the key keeps an empty list
        colon = edited.index(":", layout.key_start)
        edited = edited[: colon + 1] + " []" + edited[colon + 1 :]
    return edited


def replace_item(text: str, key: str, index: int, lines: list[str]) -> str:
    layout = _scan(text, (key,)).layouts[key]
    if layout.style != "block" or index >= len(layout.items):
        raise EditError(f"'{key}' has no item {index} to replace")
    start, end = layout.items[index]
    cut_from = _line_start(text, _dash_of(text, start))
    return _insert_lines(text[:cut_from] + text[_line_end(text, end) :], cut_from, lines)


def append_scalar(text: str, key: str, value: str) -> str:
    """Add a double-quoted string to the end of the list ``key`` in its own style."""
    scan = _scan(text, (key,))
    layout = scan.layouts[key]
    item = quoted(value)
    if layout.style == "flow":
        close = text.rindex("]", layout.value_start, layout.value_end)
        separator = ", " if layout.items else ""
        return text[:close] + separator + item + text[close:]
    if layout.style == "block":
        style = item_style(text, key)
        line = " " * style.dash + "- " + " " * (style.indent - style.dash - 2) + item
        return _insert_lines(text, _line_end(text, layout.items[-1][1]), [line])
    if layout.style == "null":
        return text[: layout.value_start].rstrip(" \t") + f" [{item}]" + text[layout.value_end :]
    at = _line_end(text, scan.content_end) if scan.content_end else 0
    return _insert_lines(text, at, [f"{key}: [{item}]"])

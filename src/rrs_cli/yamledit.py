"""Line edits of an action file's YAML text: only the lines an edit touches change.

A YAML library that loads and dumps a file re-renders all of it: sequences the
edit did not touch come back re-indented, and comments near the end of the
file move (a trailing ``# einde bestand`` lands between ``progress:`` and its
entries). These functions instead find, with the parser's marks, where one
top-level sequence and its items are in the text, and splice new lines in or
cut old ones out. Everything else (comments, blank lines, quoting, line ends)
stays byte for byte.

The file is read with the same parser as ``rrs validate`` (libyaml's, when
present), so what validate accepts the edits can read; a layout they cannot
edit (a flow-style root, ``? progress`` as a complex key, an entry written as
an alias) is refused with that reason. The dash of a block item is found as
the parser's token, never by searching the text (a comment may hold a ``-``).

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

from .yamlio import LOADER, plain_is_text

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
    dashes: list[int] = field(default_factory=list)  # each block item's "-"
    events: list[Any] = field(default_factory=list)  # each item's events (block style)


@dataclass
class _Scan:
    layouts: dict[str, SequenceLayout]
    content_end: int  # just after the last character of the root mapping's content


def _scan(text: str, keys: tuple[str, ...]) -> _Scan:
    events = list(yaml.parse(text, Loader=LOADER))
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
        if not _simple_key(text, key_event):
            raise EditError(f"'{name}' is written as a complex key ('? {name}')")
        value = events[value_start]
        layout = layouts[name]
        layout.key_start = _start(key_event)
        layout.value_start = _start(value)
        layout.value_end = _end(events[position - 1])
        if isinstance(value, yaml.SequenceStartEvent):
            layout.style = "flow" if value.flow_style else "block"
            inner = events[value_start + 1 : position - 1]
            layout.items, layout.events = _items(inner, text)
            if layout.style == "block":
                layout.dashes = _dashes(text, layout)
        elif isinstance(value, yaml.ScalarEvent) and value.tag is None and _is_null(value):
            layout.style = "null"
        else:
            raise EditError(f"'{name}' is not a list")
    return _Scan(layouts, content_end)


def _simple_key(text: str, key: Any) -> bool:
    """Is ``key`` an implicit key, followed on its line by its ``:``?"""
    rest = text[_end(key) :]
    stripped = rest.lstrip(" \t")
    return stripped.startswith(":") and "\n" not in rest[: len(rest) - len(stripped)]


# A line up to a block item's first character when its dash is on that line:
# indentation, the dash, spaces. Nothing else can stand there (no comment, no tag).
_DASH_LEAD = re.compile(r" *(-) +")


def _dashes(text: str, layout: SequenceLayout) -> list[int]:
    """The offset of the ``-`` token that opens each block item of ``layout``."""
    dashes = []
    for start, _ in layout.items:
        line_start = _line_start(text, start)
        lead = _DASH_LEAD.fullmatch(text, line_start, start)
        if lead is None:  # the dash on a line above, say: the parser's tokens tell
            return _scanned_dashes(text, layout)
        dashes.append(lead.start(1))
    return dashes


def _scanned_dashes(text: str, layout: SequenceLayout) -> list[int]:
    # The tokens of the whole text, up to the list's end: a text cut there could end
    # inside a token (a block list ends where the next key starts).
    entries = []
    for token in yaml.scan(text, Loader=LOADER):
        start = _start(token)
        if start > layout.value_end:
            break
        if isinstance(token, yaml.BlockEntryToken) and start >= layout.value_start:
            entries.append(start)
    dashes = []
    for start, _ in layout.items:
        before = [index for index in entries if index <= start]
        if not before:
            raise EditError("an entry whose '-' rrs cannot find")
        dashes.append(before[-1])
    return dashes


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
        if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent)) or closes_flow:
            end = max(end, _end(event))
    while end > 0 and text[end - 1] in " \t\r\n":
        end -= 1
    return end


def _items(events: list[Any], text: str) -> tuple[list[tuple[int, int]], list[Any]]:
    """Each item's (start, content end), and each item's own events."""
    items = []
    per_item = []
    position = 0
    while position < len(events):
        after = _skip(events, position)
        items.append((_start(events[position]), _content_end(events[position:after], text)))
        per_item.append(events[position:after])
        position = after
    return items, per_item


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


# YAML double-quoted scalars: JSON's escapes, plus the characters YAML itself
# reads as line breaks or refuses (NEL, line/paragraph separators, C1, BOM).
_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def quoted(value: str) -> str:
    """``value`` as a YAML double-quoted scalar."""
    body = json.dumps(value, ensure_ascii=False)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", body)


_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")  # a key's or an id's shape, nothing YAML parses


def plain_or_quoted(value: str) -> str:
    """``value`` plain, as the bundled files write keys and ids, unless YAML would
    read the plain word as something else ("on" and "no" are booleans, "null" is
    null): then double-quoted."""
    return value if plain_is_text(value) and _PLAIN.fullmatch(value) else quoted(value)


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
    dash = layout.dashes[0]
    if _line_start(text, start) != _line_start(text, dash):  # keys below the dash
        return ItemStyle(dash - _line_start(text, dash), dash - _line_start(text, dash) + 2)
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
            at = _line_start(text, layout.dashes[index])
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
    _, end = layout.items[index]
    cut_from = _line_start(text, layout.dashes[index])
    edited = text[:cut_from] + text[_line_end(text, end) :]
    if len(layout.items) == 1:  # the last one: the key keeps an empty list
        colon = edited.index(":", layout.key_start)
        edited = edited[: colon + 1] + " []" + edited[colon + 1 :]
    return edited


def replace_item(text: str, key: str, index: int, lines: list[str]) -> str:
    layout = _scan(text, (key,)).layouts[key]
    if layout.style != "block" or index >= len(layout.items):
        raise EditError(f"'{key}' has no item {index} to replace")
    _, end = layout.items[index]
    cut_from = _line_start(text, layout.dashes[index])
    return _insert_lines(text[:cut_from] + text[_line_end(text, end) :], cut_from, lines)


def set_item_fields(text: str, key: str, index: int, values: dict[str, str]) -> str:
    """Give the mapping at item ``index`` of ``key`` new values, in place.

    ``values`` maps a field to its new value as YAML text. Only each value's
    own characters change: comments, anchors and the other fields stay. A
    field the item lacks is added as a line after its last one.
    """
    layout = _scan(text, (key,)).layouts[key]
    if layout.style != "block" or index >= len(layout.items):
        raise EditError(f"'{key}' has no item {index} to change")
    events = layout.events[index]
    if not isinstance(events[0], yaml.MappingStartEvent):
        raise EditError(f"entry {index + 1} of '{key}' is not written as fields")
    spans: dict[str, tuple[int, int]] = {}
    position = 1
    while position < len(events) - 1:
        name, value = events[position], events[position + 1]
        after = _skip(events, position + 1)
        if isinstance(name, yaml.ScalarEvent) and name.value in values:
            if not isinstance(value, yaml.ScalarEvent):
                raise EditError(f"'{name.value}' of entry {index + 1} is not a plain value")
            spans[name.value] = (_start(value), _content_end([value], text))
        position = after
    missing = [name for name in values if name not in spans]
    if missing and events[0].flow_style:
        raise EditError(f"entry {index + 1} of '{key}' is a flow mapping ({{...}})")
    for name, (start, end) in sorted(spans.items(), key=lambda item: -item[1][0]):
        text = text[:start] + values[name] + text[end:]
    if missing:
        layout = _scan(text, (key,)).layouts[key]
        start, end = layout.items[index]
        indent = " " * (start - _line_start(text, start))
        text = _insert_lines(
            text, _line_end(text, end), [f"{indent}{name}: {values[name]}" for name in missing]
        )
    return text


def move_item(text: str, key: str, index: int, to: int) -> str:
    """Move item ``index`` of ``key``, its lines as they are, to position ``to``
    (counted in the list without it)."""
    layout = _scan(text, (key,)).layouts[key]
    if layout.style != "block" or index >= len(layout.items):
        raise EditError(f"'{key}' has no item {index} to move")
    cut_from = _line_start(text, layout.dashes[index])
    cut_to = _line_end(text, layout.items[index][1])
    block = text[cut_from:cut_to]
    if not block.endswith("\n"):
        block += _newline(text)
    rest = text[:cut_from] + text[cut_to:]
    remaining = _scan(rest, (key,)).layouts[key]
    if remaining.style != "block":  # the only item: it goes back where it was
        return text
    if to < len(remaining.items):
        at = _line_start(rest, remaining.dashes[to])
    else:
        at = _line_end(rest, remaining.items[-1][1])
        if at == len(rest) and rest and not rest.endswith("\n"):
            block = _newline(rest) + block.rstrip("\r\n")
    return rest[:at] + block + rest[at:]


def append_scalar(text: str, key: str, value: str) -> str:
    """Add a double-quoted string to the end of the list ``key`` in its own style."""
    scan = _scan(text, (key,))
    layout = scan.layouts[key]
    item = quoted(value)
    if layout.style == "flow":
        close = text.rindex("]", layout.value_start, layout.value_end)
        # After the last item, or after its trailing comma ([a, b,]).
        last = layout.items[-1][1] if layout.items else close
        trailing_comma = bool(layout.items) and text[last:close].strip() == ","
        separator = " " if trailing_comma else ", " if layout.items else ""
        return text[:close].rstrip(" \t") + separator + item + text[close:]
    if layout.style == "block":
        style = item_style(text, key)
        line = " " * style.dash + "- " + " " * (style.indent - style.dash - 2) + item
        return _insert_lines(text, _line_end(text, layout.items[-1][1]), [line])
    if layout.style == "null":
        return text[: layout.value_start].rstrip(" \t") + f" [{item}]" + text[layout.value_end :]
    at = _line_end(text, scan.content_end) if scan.content_end else 0
    return _insert_lines(text, at, [f"{key}: [{item}]"])

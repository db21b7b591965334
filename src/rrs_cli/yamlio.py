"""Safe, located YAML reading.

PyYAML's loaders keep the last of two duplicate keys without a word, build
Python objects for ``!!python/...`` tags (the unsafe loaders), expand alias
bombs, and the C composer overflows the C stack on very deep flow nesting.
This module reads the (C, when present) safe parser's events and builds plain
Python values itself, in one pass, so that it can:

* reject duplicate keys, unknown tags, merge keys, oversized alias expansion
  and deep nesting, each with the line and column of the offending node;
* record where each value starts (``Marks``), so later stages can point at the
  value behind any field path (``Document.locate``) in a few dictionary
  lookups, without reading or parsing the file again.
"""

from __future__ import annotations

import os
import re
import stat
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Finding, finding
from .document import COLUMN, SHIFT, Document, Marks

try:  # The C parser is several times faster; fall back when libyaml is absent.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

# The parser rrs reads catalogue files with (the line editor reads them with it too).
LOADER = _Loader

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 40
MAX_NODES = 100_000
MAX_NUMBER_CHARS = 100

_TAG = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ, _MERGE = _TAG + "str", _TAG + "map", _TAG + "seq", _TAG + "merge"
_TIMESTAMP = _TAG + "timestamp"
_SCALAR_TAGS = frozenset(_TAG + t for t in ("null", "bool", "int", "float", "timestamp"))
_NUMBER_TAGS = frozenset((_TAG + "int", _TAG + "float"))


class YamlProblem(Exception):
    """A problem that stops a file from being read at all."""

    def __init__(self, code: str, message: str, line: int | None, column: int | None) -> None:
        super().__init__(message)
        self.code, self.message, self.line, self.column = code, message, line, column


_OPEN = object()  # an anchor whose collection is still being read


@dataclass
class _Frame:
    """A collection being built from the event stream."""

    value: Any
    is_mapping: bool
    anchor: str | None
    start: int  # the collection's position
    at: array[int]  # value positions, in order
    keys: array[int] | None  # key positions, in order (mappings)
    kids: dict[int, Marks] | None = None  # marks of values that are collections
    first: dict[str, int] | None = None  # key -> position, built at a duplicate key
    size: int = 1
    key: Any = _OPEN  # for mappings: the key waiting for its value


@dataclass
class _EventBuilder:
    """Builds plain Python values straight from the parser's events.

    Skipping PyYAML's node tree and constructor roughly halves the cost of a
    file, and one pass checks everything: duplicate keys, tags, merge keys,
    nesting depth and how far aliases expand.
    """

    loader: Any
    path: Path
    findings: list[Finding] = field(default_factory=list)
    total: int = 0
    anchors: dict[str, Any] = field(default_factory=dict)
    marks: Marks | int | None = None  # where the document's values start

    def document(self) -> Any:
        loader = self.loader
        loader.get_event()  # StreamStart
        if loader.check_event(yaml.StreamEndEvent):
            return None
        loader.get_event()  # DocumentStart
        value = self._value()
        loader.get_event()  # DocumentEnd
        if not loader.check_event(yaml.StreamEndEvent):
            event = loader.peek_event()
            raise YamlProblem(
                "RRS001",
                "a second YAML document ('---') follows the first; a catalogue file holds one",
                event.start_mark.line + 1,
                event.start_mark.column + 1,
            )
        return value

    def _value(self) -> Any:
        """Read one complete value (scalar, alias or collection) from the stream.

        This loop runs once per YAML event, so the common case (an untagged
        plain-text scalar in a mapping) is handled inline. Each value's start
        mark is kept on the way (``Marks``), so that locating a finding later
        never reads or parses the file again.
        """
        get_event = self.loader.get_event
        scalar_event = yaml.ScalarEvent
        stack: list[_Frame] = []
        while True:
            event = get_event()
            if type(event) is scalar_event:
                value = event.value
                if (
                    event.tag is None
                    and event.anchor is None
                    and (not event.implicit[0] or plain_is_text(value))
                ):
                    done: Any = value
                else:
                    done = self._scalar(event, stack)
                    if event.anchor:
                        self.anchors[event.anchor] = (done, 1)
                size = 1
                mark: Any = event.start_mark
                pos = mark.line << SHIFT | mark.column
                marks = None
            elif isinstance(event, yaml.AliasEvent):
                done, size = self._alias(event)
                mark = event.start_mark
                pos = mark.line << SHIFT | mark.column
                marks = None
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                stack.append(self._start(event, len(stack)))
                continue
            else:  # MappingEnd or SequenceEnd
                frame = stack.pop()
                done, size, pos = frame.value, frame.size, frame.start
                marks = Marks(
                    pos, frame.at, frame.keys, frame.kids, done if frame.is_mapping else None
                )
                if frame.anchor:
                    self.anchors[frame.anchor] = (done, size)
            # A scalar counts one, an alias what it expands to, a finished collection
            # one for itself (its values were counted as they came).
            self.total += size if marks is None else 1
            if self.total > MAX_NODES:
                self._too_many(event)
            if not stack:
                self.marks = pos if marks is None else marks
                return done
            frame = stack[-1]
            key = frame.key
            if frame.is_mapping and key is not _OPEN and key is not _DUPLICATE:
                if marks is not None:
                    self._kid(frame, marks)
                frame.value[key] = done  # a value for its key: the common case
                frame.at.append(pos)
                frame.key = _OPEN
                frame.size += size
            else:
                self._add(frame, done, size, event, pos, marks)

    @staticmethod
    def _kid(frame: _Frame, marks: Marks) -> None:
        if frame.kids is None:
            frame.kids = {}
        frame.kids[len(frame.at)] = marks

    def _start(self, event: Any, depth: int) -> _Frame:
        mapping = isinstance(event, yaml.MappingStartEvent)
        if event.tag not in (None, "!", _MAP if mapping else _SEQ):
            raise _tag_problem(event.tag, event)
        if depth >= MAX_DEPTH:
            raise _problem("RRS014", f"data nested deeper than {MAX_DEPTH} levels", event)
        if event.anchor:
            self.anchors[event.anchor] = _OPEN
        mark = event.start_mark
        start = mark.line << SHIFT | mark.column
        if mapping:
            return _Frame({}, True, event.anchor, start, array("q"), array("q"))
        return _Frame([], False, event.anchor, start, array("q"), None)

    def _scalar(self, event: Any, stack: list[_Frame]) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _STR:
            return event.value
        if tag == _MERGE and stack and stack[-1].is_mapping and stack[-1].key is _OPEN:
            raise _problem(
                "RRS014", "merge keys (<<) are not supported; write the fields out", event
            )
        if tag not in _SCALAR_TAGS:
            raise _tag_problem(tag, event)
        if tag in _NUMBER_TAGS and len(event.value) > MAX_NUMBER_CHARS:
            # Checked before conversion: a 4,300-digit integer cannot be printed
            # later, and a sexagesimal one (1:59:59:...) costs quadratic time.
            raise _problem(
                "RRS007",
                f"a number written with {len(event.value):,} characters; rrs reads numbers "
                f"of at most {MAX_NUMBER_CHARS} characters (quote it if it is text)",
                event,
            )
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return self.loader.construct_object(node, deep=True)
        except ValueError as error:
            if tag == _TIMESTAMP:
                # Shaped like a date but none (2026-11-31): kept as the text it is,
                # so the schema reports it at its field with the reason, and the
                # rest of the file is still read.
                return event.value
            raise _problem(
                "RRS007", f"{event.value!r} is not a valid value ({error})", event
            ) from None
        except (OverflowError, yaml.YAMLError) as error:
            raise _problem(
                "RRS007", f"{event.value!r} is not a valid value ({error})", event
            ) from None

    def _alias(self, event: Any) -> tuple[Any, int]:
        if event.anchor not in self.anchors:
            raise _problem("RRS001", f"found undefined alias {event.anchor!r}", event)
        found = self.anchors[event.anchor]
        if found is _OPEN:
            raise _problem("RRS014", f"alias *{event.anchor} refers to itself", event)
        value, size = found
        return value, size

    def _too_many(self, event: Any) -> None:
        raise _problem(
            "RRS014",
            f"the file expands to more than {MAX_NODES:,} values (an alias bomb?); "
            "rrs refuses to load it",
            event,
        )

    def _add(
        self, frame: _Frame, value: Any, size: int, event: Any, mark: int, marks: Marks | None
    ) -> None:
        frame.size += size
        if not frame.is_mapping:
            if marks is not None:
                self._kid(frame, marks)
            frame.value.append(value)
            frame.at.append(mark)
            return
        if frame.key is _OPEN:
            if not isinstance(value, str):
                shown = "a list or mapping" if isinstance(value, (list, dict)) else repr(value)
                raise _problem(
                    "RRS004",
                    f"a mapping key must be text, not {shown}; field names are plain words",
                    event,
                )
            if value in frame.value:
                if frame.first is None:  # built once per mapping: linear in its keys
                    frame.first = dict(zip(frame.value, frame.keys or (), strict=False))
                self.findings.append(
                    finding(
                        "RRS002",
                        f"key {value!r} appears twice (first on line "
                        f"{(frame.first[value] >> SHIFT) + 1}); "
                        "YAML would silently keep only one of the values",
                        file=self.path,
                        line=(mark >> SHIFT) + 1,
                        column=(mark & COLUMN) + 1,
                        field_path=str(value),
                    )
                )
                frame.key = _DUPLICATE
                return
            frame.keys.append(mark)  # type: ignore[union-attr]
            frame.key = value
            return
        frame.key = _OPEN


_DUPLICATE = object()  # the value of a duplicate key: read, then dropped

# Plain scalars that YAML 1.1 reads as something other than text start with one
# of these characters or are one of these words (booleans and nulls).
_TYPED_START = frozenset("0123456789-+.~<=")
_TYPED_WORDS = frozenset(
    (
        *("yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE"),
        *("false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF"),
        *("null", "Null", "NULL"),
    )
)


def plain_is_text(value: str) -> bool:
    """Is this plain (unquoted) scalar certainly a string, without the resolver?"""
    return bool(value) and value[0] not in _TYPED_START and value not in _TYPED_WORDS


def _tag_problem(tag: str, event: Any) -> YamlProblem:
    shown = tag.replace(_TAG, "!!", 1) if tag.startswith(_TAG) else tag
    return _problem(
        "RRS014", f"the YAML tag {shown} is not allowed; rrs reads plain data only", event
    )


def _problem(code: str, message: str, at: Any) -> YamlProblem:
    """A problem located at a node's or an event's start."""
    return YamlProblem(code, message, at.start_mark.line + 1, at.start_mark.column + 1)


def file_stamp(info: os.stat_result) -> tuple[int, int, int]:
    """What changes when a file is written: inode (a file replaced), size, modification time."""
    return info.st_ino, info.st_size, info.st_mtime_ns


def read_text(path: Path) -> tuple[str, list[Finding], tuple[int, int, int]]:
    """A file as UTF-8 text, the findings on its encoding and line ends, and its stamp
    (:func:`file_stamp`, taken before reading); YamlProblem when it cannot be read."""
    raw, info = _read_bytes(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise YamlProblem(
            "RRS013",
            f"byte 0x{raw[error.start]:02x} is not UTF-8; save the file as UTF-8",
            line,
            column,
        ) from None
    notes: list[Finding] = []
    if text.startswith("\ufeff"):
        text = text[1:]
        notes.append(
            finding(
                "RRS108",
                "the file starts with a byte-order mark; save it as UTF-8 without BOM",
                file=path,
                line=1,
                column=1,
            )
        )
    if "\r\n" in text:
        line = text.count("\n", 0, text.index("\r\n")) + 1
        notes.append(
            finding(
                "RRS108",
                "the file has Windows (CRLF) line ends; use LF line ends",
                file=path,
                line=line,
                column=None,
            )
        )
    bare = _BARE_CR.search(text)
    if bare is not None:  # YAML reads it as a line break; editors and diffs may not
        line = len(_LINE_BREAK.findall(text, 0, bare.start())) + 1
        notes.append(
            finding(
                "RRS108",
                "the file has old Mac (CR) line ends; use LF line ends",
                file=path,
                line=line,
                column=None,
            )
        )
    return text, notes, file_stamp(info)


_BARE_CR = re.compile("\r(?!\n)")
_LINE_BREAK = re.compile("\r\n|\r|\n")


def _read_bytes(path: Path) -> tuple[bytes, os.stat_result]:
    """The bytes of a regular file of at most MAX_FILE_BYTES, and its fstat before reading.

    Opened non-blocking and checked with fstat before reading, so a FIFO or a
    device (a link to /dev/zero, say) is refused instead of blocking or never
    ending.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise YamlProblem(
            "RRS013", "the file does not exist (a broken link?)", None, None
        ) from None
    except IsADirectoryError:
        raise YamlProblem("RRS013", "this is a folder, not a file", None, None) from None
    except OSError as error:
        raise YamlProblem(
            "RRS013", f"the file cannot be read: {error.strerror}", None, None
        ) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise YamlProblem("RRS013", "this is a folder, not a file", None, None)
        if not stat.S_ISREG(info.st_mode):
            raise YamlProblem(
                "RRS013", "this is not a regular file (a pipe or a device?)", None, None
            )
        if info.st_size > MAX_FILE_BYTES:
            raise YamlProblem(
                "RRS014",
                f"the file is {info.st_size / 1_048_576:.1f} MiB; rrs reads catalogue files "
                f"of at most {MAX_FILE_BYTES // 1_048_576} MiB",
                None,
                None,
            )
        chunks = []
        remaining = MAX_FILE_BYTES + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as error:
        raise YamlProblem(
            "RRS013", f"the file cannot be read: {error.strerror}", None, None
        ) from None
    finally:
        os.close(fd)
    raw = b"".join(chunks)
    if len(raw) > MAX_FILE_BYTES:  # grew while being read
        raise YamlProblem(
            "RRS014", "the file grew past the size limit while being read", None, None
        )
    return raw, info


def parse(text: str, path: Path) -> tuple[Document, list[Finding]]:
    """Parse one YAML document; raise YamlProblem for what cannot be read."""
    loader = _Loader(text)
    builder = _EventBuilder(loader, path)
    try:
        data = builder.document()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        nesting = "nesting depth" in (error.problem or "")
        raise YamlProblem(
            "RRS014" if nesting else "RRS001",
            _yaml_message(error, text),
            mark.line + 1 if mark else None,
            mark.column + 1 if mark else None,
        ) from None
    except yaml.reader.ReaderError as error:
        # A control character such as NUL: the reader gives a character offset.
        where = min(error.position, len(text))
        line = text.count("\n", 0, where) + 1
        column = where - (text.rfind("\n", 0, where) + 1) + 1
        raise YamlProblem(
            "RRS013", f"{error.reason} (character {error.character!r})", line, column
        ) from None
    except yaml.YAMLError as error:
        raise YamlProblem("RRS001", str(error), None, None) from None
    finally:
        loader.dispose()
    if data is None:
        raise YamlProblem(
            "RRS003", "the file is empty (it holds no data, only comments or white space)", 1, 1
        )
    return Document(path, data, builder.marks, bool(builder.anchors)), builder.findings


def _yaml_message(error: yaml.MarkedYAMLError, text: str) -> str:
    problem = error.problem or "invalid YAML"
    if "another document" in problem:
        return "a second YAML document ('---') follows the first; a catalogue file holds one"
    mark = error.problem_mark
    if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
        return "a tab character where YAML expects spaces; indent with spaces, not tabs"
    if error.context:
        return f"{problem} ({error.context})"
    return problem


def load_file(path: Path) -> tuple[Document | None, list[Finding]]:
    """Read and parse one file, turning every problem into findings."""
    findings: list[Finding] = []
    try:
        text, notes, stamp = read_text(path)
        findings.extend(notes)
        document, more = parse(text, path)
        document.stamp = stamp
    except YamlProblem as problem:
        findings.append(
            finding(
                problem.code, problem.message, file=path, line=problem.line, column=problem.column
            )
        )
        return None, findings
    findings.extend(more)
    return document, findings

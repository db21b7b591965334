"""Safe, located YAML reading.

PyYAML's loaders keep the last of two duplicate keys without a word, build
Python objects for ``!!python/...`` tags (the unsafe loaders), expand alias
bombs, and the C composer overflows the C stack on very deep flow nesting.
This module composes the node tree with the (C, when present) safe parser and
then builds plain Python values itself, so that it can:

* reject duplicate keys, unknown tags, merge keys, oversized alias expansion
  and deep nesting, each with the line and column of the offending node;
* keep the node tree, so later stages can point at the node behind any field
  path (``Document.locate``) at no cost when there is nothing to report.
"""

from __future__ import annotations

import stat
from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Finding, finding

try:  # The C parser is several times faster; fall back when libyaml is absent.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 40
MAX_NODES = 100_000

_TAG = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ, _MERGE = _TAG + "str", _TAG + "map", _TAG + "seq", _TAG + "merge"
_SCALAR_TAGS = frozenset(_TAG + t for t in ("null", "bool", "int", "float", "timestamp"))

Path_ = tuple[str | int, ...]


@dataclass
class Document:
    """A parsed YAML file: its plain data and the node tree it came from."""

    path: Path
    data: Any
    root: yaml.Node | None = None

    def locate(self, loc: Path_, *, key: bool = False) -> tuple[int | None, int | None]:
        """Line and column (1-based) of the node at ``loc``, or of its nearest ancestor.

        With ``key=True`` the mark of the mapping key is returned instead of its
        value, which is where an editor should look for an unknown field.
        """
        node = self.root
        if node is None:
            return None, None
        mark = node.start_mark
        for step in loc:
            child = _child(node, step, key=key)
            if child is None:
                break
            node = child
            mark = node.start_mark
        return mark.line + 1, mark.column + 1


def _child(node: yaml.Node, step: str | int, *, key: bool) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(step):
                return (
                    key_node if key and not isinstance(value_node, yaml.MappingNode) else value_node
                )
    elif (
        isinstance(node, yaml.SequenceNode)
        and isinstance(step, int)
        and 0 <= step < len(node.value)
    ):
        child: yaml.Node = node.value[step]
        return child
    return None


class YamlProblem(Exception):
    """A problem that stops a file from being read at all."""

    def __init__(self, code: str, message: str, line: int | None, column: int | None) -> None:
        super().__init__(message)
        self.code, self.message, self.line, self.column = code, message, line, column


@dataclass
class _Builder:
    """Turns a composed node tree into plain Python values, checking as it goes."""

    loader: Any
    path: Path
    findings: list[Finding] = field(default_factory=list)
    nodes: int = 0

    def build(self, node: yaml.Node, depth: int = 0) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _problem(
                "RRS014",
                f"the file expands to more than {MAX_NODES:,} values (an alias bomb?); "
                "rrs refuses to load it",
                node,
            )
        if depth > MAX_DEPTH:
            raise _problem("RRS014", f"data nested deeper than {MAX_DEPTH} levels", node)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if isinstance(node, yaml.SequenceNode):
            self._expect_tag(node, _SEQ)
            return [self.build(child, depth + 1) for child in node.value]
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, depth)
        raise _problem("RRS014", "unsupported YAML node", node)  # pragma: no cover

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag == _STR:
            return node.value
        self._expect_tag(node, *_SCALAR_TAGS)
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, OverflowError, yaml.YAMLError) as error:
            raise _problem(
                "RRS007", f"{node.value!r} is not a valid value ({error})", node
            ) from None

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict[Any, Any]:
        self._expect_tag(node, _MAP)
        result: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                raise _problem(
                    "RRS014", "merge keys (<<) are not supported; write the fields out", key_node
                )
            key = self.build(key_node, depth + 1)
            if not isinstance(key, Hashable) or isinstance(key, (list, dict)):
                raise _problem("RRS004", "a mapping key must be plain text", key_node)
            if key in result:
                line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                self.findings.append(
                    finding(
                        "RRS002",
                        f"key {key!r} appears twice (first on line {first_line[key]}); "
                        "YAML would silently keep only one of the values",
                        file=self.path,
                        line=line,
                        column=column,
                        field_path=str(key),
                    )
                )
                continue
            first_line[key] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, depth + 1)
        return result

    def _expect_tag(self, node: yaml.Node, *allowed: str) -> None:
        if node.tag not in allowed:
            shown = node.tag.replace(_TAG, "!!", 1) if node.tag.startswith(_TAG) else node.tag
            raise _problem(
                "RRS014", f"the YAML tag {shown} is not allowed; rrs reads plain data only", node
            )


def _problem(code: str, message: str, node: yaml.Node) -> YamlProblem:
    return YamlProblem(code, message, node.start_mark.line + 1, node.start_mark.column + 1)


def read_text(path: Path) -> tuple[str, list[Finding]]:
    """Read a file as UTF-8 text; raise YamlProblem when that is impossible."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            # A FIFO or a device (a link to /dev/zero, say) would block or never end.
            raise YamlProblem(
                "RRS013", "this is not a regular file (a pipe or a device?)", None, None
            )
        size = info.st_size
        if size > MAX_FILE_BYTES:
            raise YamlProblem(
                "RRS014",
                f"the file is {size / 1_048_576:.1f} MiB; rrs reads catalogue files "
                f"of at most {MAX_FILE_BYTES // 1_048_576} MiB",
                None,
                None,
            )
        raw = path.read_bytes()
    except IsADirectoryError:
        raise YamlProblem("RRS013", "this is a folder, not a file", None, None) from None
    except FileNotFoundError:
        raise YamlProblem(
            "RRS013", "the file does not exist (a broken link?)", None, None
        ) from None
    except OSError as error:
        raise YamlProblem(
            "RRS013", f"the file cannot be read: {error.strerror}", None, None
        ) from None
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
    return text, notes


def parse(text: str, path: Path) -> tuple[Document, list[Finding]]:
    """Parse one YAML document; raise YamlProblem for what cannot be read."""
    _refuse_deep_flow_nesting(text)
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
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
    if root is None:
        raise YamlProblem(
            "RRS003", "the file is empty (it holds no data, only comments or white space)", 1, 1
        )
    builder = _Builder(loader, path)
    data = builder.build(root)
    return Document(path, data, root), builder.findings


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


def _refuse_deep_flow_nesting(text: str) -> None:
    """Refuse flow nesting deep enough to overflow the C composer's stack.

    Counting brackets is a cheap upper bound; only a file with many of them
    pays for an event scan, which uses no recursion.
    """
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return
    depth = 0
    try:
        for event in _events(text):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    raise YamlProblem(
                        "RRS014",
                        f"data nested deeper than {MAX_DEPTH} levels",
                        mark.line + 1 if mark else None,
                        mark.column + 1 if mark else None,
                    )
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return  # the composer reports the syntax error with its location


def _events(text: str) -> Iterator[yaml.Event]:
    loader = _Loader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if event is not None:
                yield event
    finally:
        loader.dispose()


def load_file(path: Path) -> tuple[Document | None, list[Finding]]:
    """Read and parse one file, turning every problem into findings."""
    findings: list[Finding] = []
    try:
        text, notes = read_text(path)
        findings.extend(notes)
        document, more = parse(text, path)
    except YamlProblem as problem:
        findings.append(
            finding(
                problem.code, problem.message, file=path, line=problem.line, column=problem.column
            )
        )
        return None, findings
    findings.extend(more)
    return document, findings

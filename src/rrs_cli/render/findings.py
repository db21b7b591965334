"""Renderers for validation findings: for people, for scripts, for GitHub Actions."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ..diagnostics import Finding, Severity
from .export import to_json
from .text import visible

JSON_FORMAT_VERSION = 1


def display_path(file: str) -> str:
    """The path relative to the working directory when it lies below it."""
    path = Path(file).absolute()  # absolute, but not through symbolic links
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except (ValueError, OSError):
        return Path(file).as_posix()


class _Paths(dict[str, str]):
    """``display_path`` of each file, worked out once per file and with string
    operations (pathlib costs more than the rest of a finding's line)."""

    def __init__(self) -> None:
        super().__init__()
        try:
            self.cwd = os.getcwd()  # noqa: PTH109 - strings, not paths, on purpose
        except OSError:
            self.cwd = ""

    def __missing__(self, file: str) -> str:
        cwd = self.cwd
        plain = (
            os.sep == "/"
            and cwd not in ("", "/")
            and file not in ("", ".", "..", cwd)
            and "//" not in file
            and "/." not in file
            and "./" not in file
            and not file.endswith("/")
        )
        if plain and file.startswith(cwd + "/"):
            shown = file[len(cwd) + 1 :]
        elif plain:  # outside the working directory, or already relative to it
            shown = file
        else:
            shown = display_path(file)
        self[file] = shown
        return shown


def _where(item: Finding, paths: _Paths) -> str:
    where = visible(paths[item.file])
    if item.line is not None:
        where += f":{item.line}"
        if item.column is not None:
            where += f":{item.column}"
    return where


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def counts(findings: Sequence[Finding]) -> tuple[int, int, int]:
    """Errors, warnings (not accepted) and accepted findings, including those an
    "and N more" finding stands for."""
    errors = warnings = accepted = 0
    for item in findings:
        if item.stands_for is not None:
            errors += item.stands_for[0]
            warnings += item.stands_for[1]
            accepted += item.stands_for[2]
        elif item.accepted is not None:
            accepted += 1
        elif item.severity is Severity.ERROR:
            errors += 1
        else:
            warnings += 1
    return errors, warnings, accepted


def summary_line(
    findings: Sequence[Finding], files: int | None = None, *, errors_only: bool = False
) -> str:
    errors, warnings, accepted = counts(findings)
    text = f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
    if accepted:
        text += f", {accepted} accepted"
    if errors_only and (warnings or accepted):
        hidden = _plural(warnings, "warning") + (f" and {accepted} accepted" if accepted else "")
        text += f" ({hidden} not shown: --errors-only)"
    return text + (f" in {files} files" if files is not None else "")


def shown(findings: Sequence[Finding], *, errors_only: bool) -> list[Finding]:
    """The findings to print: with ``errors_only``, the errors that count."""
    if not errors_only:
        return list(findings)
    return [f for f in findings if f.severity is Severity.ERROR and f.accepted is None]


def text(findings: Sequence[Finding]) -> str:
    lines = []
    paths = _Paths()
    for item in findings:
        # Every part may come from the catalogue (file and key names, values,
        # reasons): shown with escapes, so no line can start a forged CI command.
        field = f" [{visible(item.field)}]" if item.field else ""
        accepted = f" (accepted: {visible(item.accepted)})" if item.accepted is not None else ""
        lines.append(
            f"{_where(item, paths)}: {item.severity.value} {item.code} "
            f"{item.check.name}{field}: {visible(item.message)}{accepted}"
        )
    return "\n".join(lines) + ("\n" if lines else "")


def json_text(findings: Sequence[Finding], *, strict: bool, errors_only: bool = False) -> str:
    errors, warnings, accepted = counts(findings)
    paths = _Paths()
    return to_json(
        {
            "version": JSON_FORMAT_VERSION,
            "ok": errors == 0 and (not strict or not warnings),
            "errors": errors,
            "warnings": warnings,
            "accepted": accepted,
            "findings": [
                {
                    "file": paths[f.file],
                    "line": f.line,
                    "column": f.column,
                    "severity": f.severity.value,
                    "code": f.code,
                    "check": f.check.name,
                    "field": f.field,
                    "message": f.message,
                    "accepted": f.accepted is not None,
                    "reason": f.accepted,
                }
                for f in shown(findings, errors_only=errors_only)
            ],
        }
    )


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(findings: Sequence[Finding], *, strict: bool) -> str:
    """GitHub Actions workflow commands, so findings show on the pull request's diff.

    An accepted finding is a notice, never an error: it shows on the diff
    with its reason and does not fail the check.
    """
    lines = []
    paths = _Paths()
    for item in findings:
        if item.accepted is not None:
            command = "notice"
        else:
            command = "error" if item.severity is Severity.ERROR or strict else "warning"
        props = [f"file={_escape_property(visible(paths[item.file]))}"]
        if item.line is not None:
            props.append(f"line={item.line}")
        if item.column is not None:
            props.append(f"col={item.column}")
        props.append(f"title={_escape_property(f'{item.code} {item.check.name}')}")
        field = f"{item.field}: " if item.field else ""
        message = field + item.message
        if item.accepted is not None:
            message = f"accepted: {item.accepted} ({message})"
        message = visible(message)
        lines.append(f"::{command} {','.join(props)}::{_escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")

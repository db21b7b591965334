"""Renderers for validation findings: for people, for scripts, for GitHub Actions."""

from __future__ import annotations

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


def _where(item: Finding) -> str:
    where = visible(display_path(item.file))
    if item.line is not None:
        where += f":{item.line}"
        if item.column is not None:
            where += f":{item.column}"
    return where


def summary_line(findings: Sequence[Finding], files: int | None = None) -> str:
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = len(findings) - errors
    text = (
        f"{errors} error{'s' if errors != 1 else ''}, "
        f"{warnings} warning{'s' if warnings != 1 else ''}"
    )
    return text + (f" in {files} files" if files is not None else "")


def text(findings: Sequence[Finding]) -> str:
    lines = []
    for item in findings:
        # Every part may come from the catalogue (file and key names, values):
        # shown with escapes, so no line can start a forged CI command.
        field = f" [{visible(item.field)}]" if item.field else ""
        lines.append(
            f"{_where(item)}: {item.severity.value} {item.code} "
            f"{item.check.name}{field}: {visible(item.message)}"
        )
    return "\n".join(lines) + ("\n" if lines else "")


def json_text(findings: Sequence[Finding], *, strict: bool) -> str:
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    return to_json(
        {
            "version": JSON_FORMAT_VERSION,
            "ok": errors == 0 and (not strict or not findings),
            "errors": errors,
            "warnings": len(findings) - errors,
            "findings": [
                {
                    "file": display_path(f.file),
                    "line": f.line,
                    "column": f.column,
                    "severity": f.severity.value,
                    "code": f.code,
                    "check": f.check.name,
                    "field": f.field,
                    "message": f.message,
                }
                for f in findings
            ],
        }
    )


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(findings: Sequence[Finding], *, strict: bool) -> str:
    """GitHub Actions workflow commands, so findings show on the pull request's diff."""
    lines = []
    for item in findings:
        command = "error" if item.severity is Severity.ERROR or strict else "warning"
        props = [f"file={_escape_property(visible(display_path(item.file)))}"]
        if item.line is not None:
            props.append(f"line={item.line}")
        if item.column is not None:
            props.append(f"col={item.column}")
        props.append(f"title={_escape_property(f'{item.code} {item.check.name}')}")
        field = f"{item.field}: " if item.field else ""
        message = visible(field + item.message)
        lines.append(f"::{command} {','.join(props)}::{_escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")

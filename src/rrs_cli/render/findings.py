"""Renderers for validation findings: for people, for scripts, for GitHub Actions."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Finding, Severity
from .export import to_json
from .text import visible

# 2: "warnings" counts only the warnings that are not accepted, accepted
# findings are listed only when asked for, and "unaccepted_warnings" is gone.
JSON_FORMAT_VERSION = 2


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


@dataclass(frozen=True)
class Counts:
    """Errors, warnings the catalogue has not accepted, and accepted findings.

    One count for every format: text, JSON and GitHub all report these three.
    """

    errors: int
    warnings: int
    accepted: int


def counts(findings: Sequence[Finding]) -> Counts:
    """The three counts, including what an "and N more" finding stands for."""
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
    return Counts(errors, warnings, accepted)


def passes(found: Counts, *, strict: bool) -> bool:
    """The gate: no errors, and with ``strict`` no warning that is not accepted."""
    return found.errors == 0 and not (strict and found.warnings)


def listed(
    findings: Sequence[Finding],
    *,
    strict: bool = False,
    errors_only: bool = False,
    show_accepted: bool = False,
) -> list[Finding]:
    """The findings a run prints, the same in every format.

    Errors always; warnings the catalogue has not accepted, unless
    ``errors_only`` (but with ``strict`` they fail the gate, so they are
    listed even then); accepted findings only with ``show_accepted``.
    """
    chosen = []
    for item in findings:
        if item.accepted is not None:
            keep = show_accepted
        elif item.severity is Severity.ERROR:
            keep = True
        else:
            keep = strict or not errors_only
        if keep:
            chosen.append(item)
    return chosen


def summary_line(
    findings: Sequence[Finding],
    files: int | None = None,
    *,
    strict: bool = False,
    errors_only: bool = False,
    show_accepted: bool = False,
) -> str:
    """The counts, and what was left out and how to see it.

    "0 errors, 1 warning, 23 accepted (listed with --show-accepted)".
    """
    found = counts(findings)
    text = f"{_plural(found.errors, 'error')}, {_plural(found.warnings, 'warning')}"
    if found.accepted:
        text += f", {found.accepted} accepted"
    if files is not None:
        text += f" in {files} files"
    left_out = []
    if errors_only and found.warnings and not strict:
        left_out.append(f"{_plural(found.warnings, 'warning')} not shown: --errors-only")
    if found.accepted and not show_accepted:
        left_out.append(
            f"{found.accepted} accepted listed with --show-accepted"
            if left_out
            else "listed with --show-accepted"
        )
    return text + (f" ({'; '.join(left_out)})" if left_out else "")


def verdict(findings: Sequence[Finding], *, strict: bool) -> str:
    """ "ok", or "failed" with the reason when only --strict makes it fail."""
    found = counts(findings)
    if passes(found, strict=strict):
        return "ok"
    if found.errors:
        return "failed"
    return (
        f"failed (--strict: {_plural(found.warnings, 'warning')} "
        "that accepted.yaml does not accept)"
    )


def text(findings: Sequence[Finding]) -> str:
    lines = []
    paths = _Paths()
    for item in findings:
        # Every part may come from the catalogue (file and key names, values,
        # reasons): shown with escapes, so no line can start a forged CI command.
        field = f" [{visible(item.field)}]" if item.field else ""
        if item.accepted is not None:
            # Accepted: never shown as a warning, always with the reason.
            severity, reason = "accepted", f" (reason: {visible(item.accepted)})"
        else:
            severity, reason = item.severity.value, ""
        lines.append(
            f"{_where(item, paths)}: {severity} {item.code} "
            f"{item.check.name}{field}: {visible(item.message)}{reason}"
        )
    return "\n".join(lines) + ("\n" if lines else "")


def json_text(
    findings: Sequence[Finding],
    *,
    strict: bool,
    errors_only: bool = False,
    show_accepted: bool = False,
) -> str:
    found = counts(findings)
    paths = _Paths()
    return to_json(
        {
            "version": JSON_FORMAT_VERSION,
            "ok": passes(found, strict=strict),
            "errors": found.errors,
            # The warnings that count; accepted findings are counted apart,
            # as in the text and GitHub formats.
            "warnings": found.warnings,
            "accepted": found.accepted,
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
                for f in listed(
                    findings, strict=strict, errors_only=errors_only, show_accepted=show_accepted
                )
            ],
        }
    )


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(findings: Sequence[Finding], *, strict: bool) -> str:
    """GitHub Actions workflow commands, so findings show on the pull request's diff.

    An accepted finding gets no annotation at all: it is known and reviewed,
    and a notice on every pull request would bury the findings that matter.
    With ``strict`` a warning fails the gate, so it is an error annotation.
    """
    lines = []
    paths = _Paths()
    for item in findings:
        if item.accepted is not None:
            continue
        command = "error" if item.severity is Severity.ERROR or strict else "warning"
        props = [f"file={_escape_property(visible(paths[item.file]))}"]
        if item.line is not None:
            props.append(f"line={item.line}")
        if item.column is not None:
            props.append(f"col={item.column}")
        props.append(f"title={_escape_property(f'{item.code} {item.check.name}')}")
        field = f"{item.field}: " if item.field else ""
        message = visible(field + item.message)
        lines.append(f"::{command} {','.join(props)}::{_escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")

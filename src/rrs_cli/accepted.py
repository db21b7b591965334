"""Accepted findings: what a catalogue knowingly keeps, with its reason.

A catalogue may hold ``accepted.yaml``, a reviewed list of warnings it
accepts (the way linters keep a baseline)::

    - code: RRS101
      action: "13"          # an action id, a goal or quality key, or a file name
      field: links[0]       # optional: only the finding at this field path
      reason: 13's LINK names A, but flywheel A does not list 13.

An accepted finding is still reported, marked as accepted with its reason,
and never counts towards ``--strict`` or the exit code. An entry that matches
no finding is itself a warning (RRS111 stale-acceptance), so the file cannot
rot. Only warnings can be accepted: an error means rrs cannot read part of the
catalogue, and accepting it would hide that.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .catalogue import Catalogue, validate_model
from .diagnostics import CHECKS, Finding, Severity, finding
from .locations import ACTIONS_DIR
from .models import AcceptedFinding
from .yamlio import Document, load_file

ACCEPTED_FILE = "accepted.yaml"


Entries = list[tuple[int, AcceptedFinding]]


def load_accepted(root: Path) -> tuple[Entries, list[Finding], Document | None]:
    """The valid entries of ``root/accepted.yaml`` (with their index), its findings
    and the document (for locating entries)."""
    path = root / ACCEPTED_FILE
    if not path.exists() and not path.is_symlink():
        return [], [], None
    document, findings = load_file(path)
    if document is None:
        return [], findings, None
    if not isinstance(document.data, list):
        findings.append(
            finding(
                "RRS004",
                f"{ACCEPTED_FILE} must be a list of entries (code, action, field, reason)",
                file=path,
                line=1,
                column=1,
            )
        )
        return [], findings, document
    entries: list[tuple[int, AcceptedFinding]] = []
    for index, item in enumerate(document.data):
        if not isinstance(item, dict):
            line, column = document.locate((index,))
            findings.append(
                finding(
                    "RRS004",
                    f"entry {index + 1} must be a mapping (code, action, field, reason)",
                    file=path,
                    line=line,
                    column=column,
                    field_path=f"[{index}]",
                )
            )
            continue
        entry = validate_model(AcceptedFinding, item, document, (index,), findings)
        if entry is None:
            continue
        check = CHECKS.get(entry.code)
        if check is None or check.severity is not Severity.WARNING:
            line, column = document.locate((index, "code"))
            why = (
                f"there is no check {entry.code}"
                if check is None
                else f"{entry.code} is an error; only warnings can be accepted (fix the error)"
            )
            findings.append(
                finding(
                    "RRS007", why, file=path, line=line, column=column, field_path=f"[{index}].code"
                )
            )
            continue
        entries.append((index, entry))
    return entries, findings, document


def _subjects(item: Finding, catalogue: Catalogue) -> list[str]:
    """What a finding is about: its file's name, and the action, goal or quality."""
    path = Path(item.file)
    subjects = [path.name]
    if path.parent.name == ACTIONS_DIR:
        subjects.append(path.stem)
    elif item.field.startswith("["):
        document = catalogue.documents.get(item.file)
        number = item.field[1:].split("]", 1)[0]
        if document is not None and number.isdigit() and isinstance(document.data, list):
            index = int(number)
            entry = document.data[index] if index < len(document.data) else None
            if isinstance(entry, dict) and isinstance(entry.get("key"), str):
                subjects.append(entry["key"])
    return subjects


def apply_accepted(catalogue: Catalogue, findings: list[Finding]) -> list[Finding]:
    """Mark the findings ``accepted.yaml`` accepts (read with the catalogue), and add
    a stale-acceptance finding for each entry that matches nothing."""
    entries, document = catalogue.accepted, catalogue.accepted_document
    problems: list[Finding] = []
    if not entries:
        return findings
    by_subject: dict[tuple[str, str], list[int]] = {}
    for position, item in enumerate(findings):
        if item.severity is Severity.WARNING:
            for subject in _subjects(item, catalogue):
                by_subject.setdefault((item.code, subject), []).append(position)
    result = list(findings)
    path = catalogue.root / ACCEPTED_FILE
    for index, entry in entries:
        matches = [
            position
            for position in by_subject.get((entry.code, entry.action), [])
            if entry.field is None or findings[position].field == entry.field
        ]
        for position in matches:
            if result[position].accepted is None:
                result[position] = replace(result[position], accepted=entry.reason)
        if not matches:
            line, column = document.locate((index,)) if document else (None, None)
            where = f" at {entry.field}" if entry.field else ""
            problems.append(
                finding(
                    "RRS111",
                    f"accepted {entry.code} for {entry.action}{where} no longer occurs; "
                    "remove the entry",
                    file=path,
                    line=line,
                    column=column,
                    field_path=f"[{index}]",
                )
            )
    return result + problems

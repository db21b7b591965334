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

This module reads the file (the catalogue loads it with everything else);
``validation.apply_accepted`` marks the findings it accepts.
"""

from __future__ import annotations

from pathlib import Path

from .diagnostics import CHECKS, Finding, Severity, finding
from .document import Document
from .layout import ACCEPTED_FILE
from .models import AcceptedFinding
from .schemacheck import load_list_file

Entries = list[tuple[int, AcceptedFinding]]


def load_accepted(root: Path) -> tuple[Entries, list[Finding], Document | None]:
    """The valid entries of ``root/accepted.yaml`` (with their index), its findings
    and the document (for locating entries)."""
    path = root / ACCEPTED_FILE
    items, findings, document = load_list_file(
        path, AcceptedFinding, "entry", "entries", "code, action, field, reason"
    )
    if document is None:
        return [], findings, document
    entries: list[tuple[int, AcceptedFinding]] = []
    for index, entry in items:
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

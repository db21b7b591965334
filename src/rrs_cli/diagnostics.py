"""Findings: every problem rrs reports about a catalogue, as data.

A finding carries a stable code, a severity, a location (file, line, column,
field path) and a message written for a person who edits the catalogue, not
for a programmer. Loading and validation collect findings instead of raising,
so one run reports every problem at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Check:
    """A kind of finding: its stable code, short name, severity and meaning."""

    code: str
    name: str
    severity: Severity
    summary: str


def _checks(*checks: Check) -> dict[str, Check]:
    return {check.code: check for check in checks}


E, W = Severity.ERROR, Severity.WARNING

# The codes are a public contract (CI annotations and JSON output use them):
# never renumber a check; retire a code rather than reuse it.
CHECKS: dict[str, Check] = _checks(
    Check("RRS001", "yaml-syntax", E, "the file is not valid YAML"),
    Check("RRS002", "duplicate-key", E, "a key appears twice in one mapping"),
    Check("RRS003", "empty-file", E, "the file holds no data"),
    Check("RRS004", "not-a-mapping", E, "the file or an entry has the wrong overall shape"),
    Check("RRS005", "unknown-field", E, "a field the schema does not know"),
    Check("RRS006", "missing-field", E, "a required field is absent"),
    Check("RRS007", "invalid-value", E, "a value has the wrong type or is not allowed"),
    Check("RRS008", "id-mismatch", E, "an action's id differs from its file name"),
    Check("RRS009", "duplicate-id", E, "two entries share one id or key"),
    Check("RRS010", "unknown-action", E, "a link names an action that does not exist"),
    Check("RRS011", "unknown-goal", E, "a goal key that does not exist"),
    Check("RRS012", "unknown-quality", E, "a quality key that does not exist"),
    Check("RRS013", "unreadable-file", E, "the file cannot be read as UTF-8 text"),
    Check(
        "RRS014",
        "unsafe-yaml",
        E,
        "YAML rrs refuses to load: object tags, alias bombs, deep nesting, huge files "
        "or catalogues over the size limits",
    ),
    Check("RRS015", "missing-catalogue-file", E, "a file or folder the catalogue needs is absent"),
    Check("RRS016", "kind-mismatch", E, "a link or field that does not fit the action's kind"),
    Check("RRS017", "bad-progress", E, "a progress entry with a bad, future or unordered date"),
    Check("RRS101", "one-sided-link", W, "a link that the other action does not name back"),
    Check("RRS102", "unlinked-connected-action", W, "a connected action linked to no flywheel"),
    Check("RRS103", "empty-status", W, "the status is empty"),
    Check("RRS104", "flywheel-without-actions", W, "a flywheel with no connected actions"),
    Check("RRS105", "self-link", E, "an action links to itself"),
    Check("RRS106", "repeated-link", W, "a link is listed twice in one action"),
    Check("RRS107", "empty-term", W, "the expected-result term is empty"),
    Check("RRS108", "text-encoding", E, "a byte-order mark or CRLF line ends"),
    Check("RRS109", "stray-file", W, "a file in the actions folder that rrs does not read"),
    Check("RRS110", "missing-strategy", W, "the catalogue has no strategy.yaml describing it"),
    Check("RRS111", "stale-acceptance", W, "an accepted finding that no longer occurs"),
    Check(
        "RRS112",
        "invisible-character",
        W,
        "text holds control, format, bidi, default-ignorable or tag characters, or blank "
        "fillers, that hide what it says",
    ),
    Check(
        "RRS113",
        "duplicate-progress",
        W,
        "a progress entry that repeats another one (same day, same note)",
    ),
)


@dataclass(frozen=True, order=True)
class Finding:
    """One problem, located as precisely as the source allows."""

    file: str
    line: int | None
    column: int | None
    code: str
    message: str
    field: str = ""
    severity: Severity = dataclass_field(default=Severity.ERROR, compare=False)
    # The reason from accepted.yaml when the catalogue accepts this finding:
    # still reported, never counted towards --strict or the exit code.
    accepted: str | None = dataclass_field(default=None, compare=False)
    # For an "and N more" finding (cap_per_file): the errors, warnings and
    # accepted findings it stands for, so that counts stay true.
    stands_for: tuple[int, int, int] | None = dataclass_field(default=None, compare=False)

    @property
    def check(self) -> Check:
        return CHECKS[self.code]


def finding(
    code: str,
    message: str,
    *,
    file: Path | str,
    line: int | None = None,
    column: int | None = None,
    field_path: str = "",
) -> Finding:
    """Build a finding whose severity comes from the check's registration."""
    return Finding(
        file=str(file),
        line=line,
        column=column,
        code=code,
        message=message,
        field=field_path,
        severity=CHECKS[code].severity,
    )


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)


def open_findings(findings: list[Finding]) -> list[Finding]:
    """The findings that count: every one the catalogue has not accepted."""
    return [f for f in findings if f.accepted is None]


def fails(findings: list[Finding], *, strict: bool) -> bool:
    """Does this set of findings fail validation (exit 1)?"""
    counted = open_findings(findings)
    return has_errors(counted) or (strict and bool(counted))


# A file cannot flood the output: beyond this many findings in one file, the
# rest are summed up in one "and N more" finding.
MAX_FINDINGS_PER_FILE = 50


def cap_per_file(findings: list[Finding], most: int = MAX_FINDINGS_PER_FILE) -> list[Finding]:
    """Keep the first ``most`` findings of each file (in order); sum up the rest."""
    per_file: dict[str, list[Finding]] = {}
    for item in findings:
        per_file.setdefault(item.file, []).append(item)
    if all(len(items) <= most for items in per_file.values()):
        return findings
    kept: list[Finding] = []
    for file, items in per_file.items():
        kept.extend(items[:most])
        hidden = items[most:]
        if not hidden:
            continue
        counted = open_findings(hidden)
        errors = sum(1 for f in counted if f.severity is Severity.ERROR)
        warnings = len(counted) - errors
        first = next((f for f in counted if f.severity is Severity.ERROR), None)
        first = first or (counted[0] if counted else hidden[0])
        kept.append(
            Finding(
                file=file,
                line=None,
                column=None,
                code=first.code,
                message=(
                    f"and {len(hidden):,} more findings in this file, not shown "
                    f"({errors:,} errors, {warnings:,} warnings, "
                    f"{len(hidden) - len(counted):,} accepted); fix the ones above first"
                ),
                severity=first.severity,
                accepted=None if counted else "every one of them is accepted",
                stands_for=(errors, warnings, len(hidden) - len(counted)),
            )
        )
    return kept

"""``rounds.yaml``: the progress rounds of a catalogue, and how far each has got.

A catalogue may hold ``rounds.yaml``, written by rrs (`rrs progress forms`
adds a round and its forms, `rrs progress import` adds what it took in)::

    - name: "2026-Q4"
      made: 2026-10-01       # the round begins
      as_of: 2026-10-01      # the forms show the statuses of this day
      due: 2026-10-31
      revision: "3f2a..."    # the catalogue's content hash the forms were made from
      forms:
        - owner: "Havenbedrijf Rotterdam"
          file: "havenbedrijf-rotterdam.xlsx"
          actions: "B 12"    # the form's rows (ids, space-separated)
          digest: "9c1e..."  # SHA-256 of the form's hidden data
          returned: 2026-10-20  # the last day a filled form was taken in
          recorded: "B"      # the actions that got an entry from it

The progress entries themselves stay in the action files, unchanged in form;
the round file says which forms went out (so a returned form can be
recognised) and which came back (so the round's status can be told).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from .diagnostics import Finding, finding
from .document import Document
from .errors import WriteRefusedError
from .layout import ROUNDS_FILE
from .models import Round, RoundForm
from .schemacheck import load_list_file, validate_model
from .yamledit import quoted
from .yamlio import MAX_FILE_BYTES, YamlProblem, parse


def load_rounds(root: Path) -> tuple[list[Round], list[Finding], Document | None]:
    """The valid rounds of ``root/rounds.yaml`` (none when there is no such file)."""
    path = root / ROUNDS_FILE
    items, findings, document = load_list_file(
        path, Round, "round", "rounds", "name, made, as_of, forms"
    )
    if document is None:
        return [], findings, document
    rounds: list[Round] = []
    seen: set[str] = set()
    for index, entry in items:
        if entry.name in seen:
            line, column = document.locate((index, "name"))
            findings.append(
                finding(
                    "RRS009",
                    f"round {entry.name!r} is named twice",
                    file=path,
                    line=line,
                    column=column,
                    field_path=f"[{index}].name",
                )
            )
            continue
        seen.add(entry.name)
        rounds.append(entry)
    return rounds, findings, document


def rounds_yaml(rounds: Sequence[Round]) -> str:
    """The text of ``rounds.yaml``: strings double-quoted, lists of ids in flow style."""
    lines = [
        "# Progress rounds, written by rrs (`rrs progress forms`, `rrs progress import`).",
        "# The digests recognise the forms sent out; edit by hand only to remove a round.",
    ]
    for item in rounds:
        lines += [f"- name: {quoted(item.name)}", f"  made: {item.made.isoformat()}"]
        lines.append(f"  as_of: {item.as_of.isoformat()}")
        if item.due:
            lines.append(f"  due: {item.due.isoformat()}")
        lines.append(f"  revision: {quoted(item.revision)}")
        lines.append("  forms:" + ("" if item.forms else " []"))
        for form in item.forms:
            lines += [
                f"    - owner: {quoted(form.owner)}",
                f"      file: {quoted(form.file)}",
                f"      actions: {_ids(form.actions)}",
                f"      digest: {quoted(form.digest)}",
            ]
            if form.returned:
                lines.append(f"      returned: {form.returned.isoformat()}")
            if form.recorded:
                lines.append(f"      recorded: {_ids(form.recorded)}")
    return "\n".join(lines) + "\n"


def _ids(ids: Sequence[str]) -> str:
    """Ids as one quoted string: thousands of forms stay one value each."""
    return quoted(" ".join(ids))


def check_rounds_text(root: Path, text: str) -> None:
    """Refuse (WriteRefusedError) a new ``rounds.yaml`` that would not load cleanly."""
    path = root / ROUNDS_FILE
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise WriteRefusedError(
            f"{ROUNDS_FILE} would be larger than {MAX_FILE_BYTES // 1_048_576} MiB; "
            "nothing was written",
            hint="remove old rounds from it (they stay in the catalogue's history)",
        )
    try:
        document, findings = parse(text, path)
    except YamlProblem as problem:
        raise WriteRefusedError(
            f"the new {ROUNDS_FILE} would not parse: {problem.message}"
        ) from None
    data: Any = document.data
    for index, item in enumerate(data if isinstance(data, list) else []):
        validate_model(Round, item, document, (index,), findings)
    errors = [f for f in findings if f.severity.value == "error"]
    if errors or not isinstance(data, list):
        raise WriteRefusedError(
            f"the new {ROUNDS_FILE} would be invalid; nothing was written",
            hint="; ".join(f"{f.field}: {f.message}" for f in errors),
        )


def find_round(rounds: Sequence[Round], name: str) -> Round | None:
    """The round of that name (names are plain ASCII: case does not matter)."""
    wanted = name.strip().casefold()
    return next((r for r in rounds if r.name.casefold() == wanted), None)


def with_forms(rounds: list[Round], new: Round) -> list[Round]:
    """``rounds`` with ``new`` added, or its forms added to the round of that name."""
    existing = find_round(rounds, new.name)
    if existing is None:
        return [*rounds, new]
    merged = existing.model_copy(update={"forms": [*existing.forms, *new.forms]})
    return [merged if r is existing else r for r in rounds]


def with_returned(
    rounds: list[Round], name: str, recorded: dict[str, list[str]], day: date
) -> list[Round]:
    """``rounds`` with the forms (by digest) whose rows were recorded marked as returned."""
    existing = find_round(rounds, name)
    if existing is None:
        return rounds
    forms = [
        form.model_copy(
            update={
                "returned": day,
                "recorded": list(dict.fromkeys([*form.recorded, *recorded[form.digest]])),
            }
        )
        if form.digest in recorded
        else form
        for form in existing.forms
    ]
    merged = existing.model_copy(update={"forms": forms})
    return [merged if r is existing else r for r in rounds]


class FormRecords:
    """The forms the rounds made, found by round name and digest, and the owner whose
    form holds an action (an import of a round's thousands of forms or rows looks up
    each one: an index per round, made once)."""

    def __init__(self, rounds: Sequence[Round]) -> None:
        self._rounds = rounds
        self._by_digest: dict[str, dict[str, RoundForm]] = {}
        self._by_action: dict[str, dict[str, str]] = {}

    def get(self, name: str, digest: str) -> RoundForm | None:
        """The form of round ``name`` whose hidden data has this digest."""
        if name not in self._by_digest:
            index: dict[str, RoundForm] = {}
            for form in self._forms(name):
                index.setdefault(form.digest, form)  # the first, should two share one
            self._by_digest[name] = index
        return self._by_digest[name].get(digest)

    def owner(self, name: str, action_id: str) -> str | None:
        """The owner whose form of round ``name`` holds the action (the first such)."""
        if name not in self._by_action:
            owners: dict[str, str] = {}
            for form in self._forms(name):
                for held in form.actions:
                    owners.setdefault(held, form.owner)
            self._by_action[name] = owners
        return self._by_action[name].get(action_id)

    def _forms(self, name: str) -> list[RoundForm]:
        found = find_round(self._rounds, name)
        return list(found.forms) if found is not None else []

"""Comparing two versions of a catalogue, for reviewers of a pull request.

A version is a catalogue folder or a git revision of the repository that
holds the catalogue; reading a revision safely is ``revisions``' job. This
module compares two loaded catalogues.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from .catalogue import Catalogue
from .models import AcceptedFinding, Action, Goal, ProgressEntry, Quality, action_sort_key

# Action fields with a change report of their own (identity, links, history).
_OWN_REPORT = frozenset({"id", "links", "progress"})


@dataclass
class HistoryChange:
    """A progress entry of the base that the head removed or edited: history rewritten."""

    change: str  # "removed" or "edited"
    before: ProgressEntry
    after: ProgressEntry | None = None


@dataclass
class ActionChange:
    id: str
    title: str
    # Every changed field: name -> (before, after), as JSON values. Derived
    # values (the current status) are listed under their own names.
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    links_added: list[str] = field(default_factory=list)
    links_removed: list[str] = field(default_factory=list)
    progress_added: list[ProgressEntry] = field(default_factory=list)
    history: list[HistoryChange] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (
            self.fields
            or self.links_added
            or self.links_removed
            or self.progress_added
            or self.history
        )


@dataclass
class RecordChange:
    """A changed goal or quality (by key), or the strategy."""

    key: str
    title: str
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)


@dataclass
class RecordsDiff:
    """Goals or qualities: added, removed (key, name) and changed."""

    added: list[tuple[str, str]] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)
    changed: list[RecordChange] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


@dataclass
class CatalogueDiff:
    base: str
    head: str
    added: list[Action] = field(default_factory=list)
    removed: list[Action] = field(default_factory=list)
    changed: list[ActionChange] = field(default_factory=list)
    goals: RecordsDiff = field(default_factory=RecordsDiff)
    qualities: RecordsDiff = field(default_factory=RecordsDiff)
    strategy: RecordChange | None = None
    # accepted.yaml: an acceptance added silences a warning, so a reviewer must see it.
    accepted_added: list[AcceptedFinding] = field(default_factory=list)
    accepted_removed: list[AcceptedFinding] = field(default_factory=list)
    # A version with errors is still compared, as far as it can be read: its
    # errors (one line each) and the actions whose file has errors in either
    # version (not compared, rather than reported as added or removed).
    base_errors: list[str] = field(default_factory=list)
    head_errors: list[str] = field(default_factory=list)
    not_compared: list[str] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return bool(self.base_errors or self.head_errors)

    def is_empty(self) -> bool:
        return not (
            self.not_compared
            or self.accepted_added
            or self.accepted_removed
            or self.added
            or self.removed
            or self.changed
            or self.strategy
            or not self.goals.is_empty()
            or not self.qualities.is_empty()
        )

    @property
    def history_rewritten(self) -> list[ActionChange]:
        """The changed actions whose progress log lost or changed an entry."""
        return [c for c in self.changed if c.history]


def _field_changes(
    old: BaseModel, new: BaseModel, skip: frozenset[str] = frozenset()
) -> dict[str, tuple[Any, Any]]:
    """Every field (in the model's order) whose value differs, as JSON values."""
    before, after = old.model_dump(mode="json"), new.model_dump(mode="json")
    return {
        name: (before[name], after[name])
        for name in type(new).model_fields
        if name not in skip and before[name] != after[name]
    }


def _history(
    old: list[ProgressEntry], new: list[ProgressEntry]
) -> tuple[list[ProgressEntry], list[HistoryChange]]:
    """Entries added to the log, and base entries removed or edited (history rewritten).

    The log is history: an entry that is in the base but not in the head was
    removed or edited. A missing entry is paired with a new entry of the same
    date (or, failing that, of the same status and note) as an edit.
    """
    unmatched = Counter(new)
    missing: list[ProgressEntry] = []
    for entry in old:
        if unmatched[entry] > 0:
            unmatched[entry] -= 1
        else:
            missing.append(entry)
    added: list[ProgressEntry] = []
    for entry in new:
        if unmatched[entry] > 0:
            unmatched[entry] -= 1
            added.append(entry)
    history: list[HistoryChange] = []
    for entry in missing:
        partner = next((e for e in added if e.date == entry.date), None) or next(
            (e for e in added if (e.status, e.note) == (entry.status, entry.note)), None
        )
        if partner is None:
            history.append(HistoryChange("removed", entry))
        else:
            added.remove(partner)
            history.append(HistoryChange("edited", entry, partner))
    return added, history


def _compare_action(old: Action, new: Action) -> ActionChange:
    change = ActionChange(new.id, new.title)
    change.fields = _field_changes(old, new, _OWN_REPORT)
    change.links_added = [link for link in new.links if link not in old.links]
    change.links_removed = [link for link in old.links if link not in new.links]
    if old.links != new.links and not (change.links_added or change.links_removed):
        change.fields["links"] = (list(old.links), list(new.links))  # order or repeats
    change.progress_added, change.history = _history(old.progress, new.progress)
    was, now = old.current_status, new.current_status
    if was != now:  # e.g. a deleted log: the status falls back to the baseline
        change.fields["current_status"] = (
            was.value if was else None,
            now.value if now else None,
        )
    return change


def _compare_records(
    old: dict[str, Goal] | dict[str, Quality], new: dict[str, Goal] | dict[str, Quality]
) -> RecordsDiff:
    result = RecordsDiff()
    result.added = [(k, r.name_nl) for k, r in new.items() if k not in old]
    result.removed = [(k, r.name_nl) for k, r in old.items() if k not in new]
    for key, record in new.items():
        if key in old:
            fields = _field_changes(old[key], record)
            if fields:
                result.changed.append(RecordChange(key, record.name_nl, fields))
    return result


def compare(
    base: Catalogue,
    head: Catalogue,
    base_name: str,
    head_name: str,
    *,
    base_errors: list[str] | None = None,
    head_errors: list[str] | None = None,
) -> CatalogueDiff:
    """Every difference between two catalogues: strategy, goals, qualities, actions.

    An action whose file has errors in one version is in neither version's
    ``actions``: it is listed as not compared, never as added or removed.
    """
    result = CatalogueDiff(base_name, head_name)
    result.base_errors, result.head_errors = list(base_errors or []), list(head_errors or [])
    unreadable = base.unreadable_ids | head.unreadable_ids
    result.not_compared = sorted(unreadable, key=action_sort_key)
    result.added = [
        a for i, a in head.actions.items() if i not in base.actions and i not in unreadable
    ]
    result.removed = [
        a for i, a in base.actions.items() if i not in head.actions and i not in unreadable
    ]
    for action_id, new in head.actions.items():
        old = base.actions.get(action_id)
        if old is None:
            continue
        change = _compare_action(old, new)
        if not change.is_empty():
            result.changed.append(change)
    result.goals = _compare_records(base.goals, head.goals)
    result.qualities = _compare_records(base.qualities, head.qualities)
    strategy = _field_changes(base.strategy, head.strategy)
    if strategy:
        result.strategy = RecordChange("strategy", head.strategy.name, strategy)
    old_accepted = Counter(entry for _, entry in base.accepted)
    new_accepted = Counter(entry for _, entry in head.accepted)
    result.accepted_added = list((new_accepted - old_accepted).elements())
    result.accepted_removed = list((old_accepted - new_accepted).elements())
    return result

"""Comparing two versions of a catalogue, for reviewers of a pull request.

A version is a catalogue folder or a git revision of the repository that
holds the catalogue; reading a revision safely is ``revisions``' job. This
module compares two loaded catalogues.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .catalogue import Catalogue
from .models import Action, ProgressEntry

TRACKED_FIELDS = ("title", "status", "owner", "partners", "funding", "term", "goal")


@dataclass
class ActionChange:
    id: str
    title: str
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    links_added: list[str] = field(default_factory=list)
    links_removed: list[str] = field(default_factory=list)
    progress_added: list[ProgressEntry] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.fields or self.links_added or self.links_removed or self.progress_added)


@dataclass
class CatalogueDiff:
    base: str
    head: str
    added: list[Action] = field(default_factory=list)
    removed: list[Action] = field(default_factory=list)
    changed: list[ActionChange] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def _value(action: Action, name: str) -> Any:
    value = getattr(action, name)
    return getattr(value, "value", value)


def compare(base: Catalogue, head: Catalogue, base_name: str, head_name: str) -> CatalogueDiff:
    result = CatalogueDiff(base_name, head_name)
    result.added = [a for i, a in head.actions.items() if i not in base.actions]
    result.removed = [a for i, a in base.actions.items() if i not in head.actions]
    for action_id, new in head.actions.items():
        old = base.actions.get(action_id)
        if old is None:
            continue
        change = ActionChange(action_id, new.title)
        for name in TRACKED_FIELDS:
            before, after = _value(old, name), _value(new, name)
            if before != after:
                change.fields[name] = (before, after)
        change.links_added = [link for link in new.links if link not in old.links]
        change.links_removed = [link for link in old.links if link not in new.links]
        if old.links_all_flywheels != new.links_all_flywheels:
            change.fields["links_all_flywheels"] = (
                old.links_all_flywheels,
                new.links_all_flywheels,
            )
        change.progress_added = [entry for entry in new.progress if entry not in old.progress]
        if not change.is_empty():
            result.changed.append(change)
    return result

"""The JSON export: the stable contract for scripts and dashboards.

``export_document`` returns ``{"goals": [...], "qualities": [...],
"actions": [...], "strategy": {...}}``. The keys of each object are documented in
docs/export.md; add keys rather than rename or remove them.
"""

from __future__ import annotations

import json
from typing import Any

from ..catalogue import Catalogue
from ..graph import LinkGraph
from ..models import Action, Goal, Quality, Term
from .text import json_safe


def goal_record(goal: Goal) -> dict[str, Any]:
    return goal.model_dump(mode="json", exclude_none=False)


def quality_record(quality: Quality) -> dict[str, Any]:
    return quality.model_dump(mode="json")


def action_record(action: Action, graph: LinkGraph) -> dict[str, Any]:
    """Every stored field, plus what the graph and the log derive.

    ``linked`` and ``links_in`` hold the links the files print. The links that
    "all flywheels" gives (an action with ``links_all_flywheels``, and every
    flywheel) are not listed per action: they are one mark, the document's
    ``all_flywheels``, so the export grows with the catalogue, not with
    actions x flywheels.
    """
    record = action.model_dump(mode="json")
    linked = graph.linked(action.id, implicit=False)
    record["linked"] = [a.id for a in linked]
    record["goals_reached"] = graph.goals_of(action)
    current = action.current_status
    record["current_status"] = current.value if current else None
    last = action.last_update
    record["last_update"] = last.isoformat() if last else None
    # Added later: the actions whose files name this one (``links`` are the ids
    # this file names; ``linked`` is both together).
    record["links_in"] = [a.id for a in linked if graph.names(a.id, action.id)]
    return record


def export_document(catalogue: Catalogue, graph: LinkGraph) -> dict[str, Any]:
    return {
        "goals": [goal_record(g) for g in sorted(catalogue.goals.values(), key=lambda g: g.number)],
        "qualities": [quality_record(q) for q in catalogue.qualities.values()],
        "actions": [action_record(a, graph) for a in catalogue.actions.values()],
        # Added after the first three (keys are only ever added): strategy.yaml.
        "strategy": strategy_record(catalogue),
        # Added later: the actions linked with every flywheel, listed once.
        "all_flywheels": [
            a.id for a in catalogue.actions.values() if a.id in graph.to_all_flywheels
        ],
    }


def strategy_record(catalogue: Catalogue) -> dict[str, Any]:
    """strategy.yaml as stored, plus the publication year and each term's horizon."""
    strategy = catalogue.strategy
    record = strategy.model_dump(mode="json")
    record["year"] = strategy.year
    record["horizons"] = {
        term.value: (day.isoformat() if (day := strategy.horizon(term)) else None) for term in Term
    }
    return record


def to_json(data: Any) -> str:
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"

"""The JSON export: the stable contract for scripts and dashboards.

``export_document`` returns ``{"goals": [...], "qualities": [...],
"actions": [...], "strategy": {...}}``. The keys of each object are documented in
docs/export.md; add keys rather than rename or remove them.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
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
    """``data`` as indented JSON text: ``json.dumps(data, ensure_ascii=False, indent=2)``,
    with the characters a terminal or a CI log would act on escaped (same data)."""
    try:
        text = _indented(data)
    except _NotPlain:
        text = json.dumps(data, ensure_ascii=False, indent=2)
    return json_safe(text) + "\n"


def records_to_json(data: Any) -> str:
    """:func:`to_json` for data without floats (the export, the records of
    ``list --format json``: model dumps and derived ids, strings, ints and booleans),
    written by orjson about five times as fast: the same text, since for these types
    orjson's two-space indent writes what ``json.dumps`` does. Its float format
    differs (``1e16`` for ``1e+16``), hence not for every output. What orjson
    refuses (a lone surrogate from a YAML escape, an integer beyond 64 bits) goes to
    :func:`to_json`.
    """
    # Imported here: only the commands with large JSON outputs load it (start-up).
    import orjson

    try:
        text = orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()
    except (orjson.JSONEncodeError, UnicodeDecodeError):
        return to_json(data)
    return json_safe(text) + "\n"


class _NotPlain(Exception):
    """A value _indented leaves to json.dumps (a float, a tuple, a str subclass ...)."""


def _indented(data: Any) -> str:
    """What ``json.dumps(data, ensure_ascii=False, indent=2)`` writes, about twice as fast.

    The standard library's C encoder does not indent, and its Python encoder passes
    every token through a chain of generators: a third of ``rrs export``'s own time
    at 10,000 actions. This writes the same text for what the export and the other
    JSON outputs hold (dicts with string keys, lists, strings, ints, booleans,
    None), with the C string encoder; anything else raises :class:`_NotPlain`.
    """
    out: list[str] = []
    write = out.append

    def value(item: Any, pad: str) -> None:
        kind = type(item)
        if kind is str:
            write(encode_basestring(item))
        elif item is None:
            write("null")
        elif item is True:
            write("true")
        elif item is False:
            write("false")
        elif kind is int:
            write(int.__repr__(item))
        elif kind is dict:
            mapping(item, pad)
        elif kind is list:
            sequence(item, pad)
        else:
            raise _NotPlain

    def mapping(items: dict[Any, Any], pad: str) -> None:
        if not items:
            write("{}")
            return
        inner = pad + "  "
        separator = "{\n" + inner
        for key, item in items.items():
            if type(key) is not str:
                raise _NotPlain
            write(separator + encode_basestring(key) + ": ")
            separator = ",\n" + inner
            value(item, inner)
        write("\n" + pad + "}")

    def sequence(items: list[Any], pad: str) -> None:
        if not items:
            write("[]")
            return
        inner = pad + "  "
        separator = "[\n" + inner
        for item in items:
            write(separator)
            separator = ",\n" + inner
            value(item, inner)
        write("\n" + pad + "]")

    value(data, "")
    return "".join(out)

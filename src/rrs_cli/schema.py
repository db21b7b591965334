"""JSON Schemas of the catalogue files, generated from the Pydantic models."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from .models import AcceptedFinding, Action, Goal, Quality, Round

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def json_schema(target: str) -> dict[str, Any]:
    """The schema of an action file, or of goals/qualities/accepted/rounds.yaml."""
    if target == "action":
        schema = Action.model_json_schema()
        schema["title"] = "rrs action file"
    else:
        model = {
            "goals": Goal,
            "qualities": Quality,
            "accepted": AcceptedFinding,
            "rounds": Round,
        }[target]
        schema = TypeAdapter(list[model]).json_schema()  # type: ignore[valid-type]
        schema["title"] = f"rrs {target}.yaml"
    return {"$schema": SCHEMA_DIALECT, **schema}

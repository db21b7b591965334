"""Pydantic errors as located findings: file, line, column, field path and a stable code.

Shared by everything that reads a YAML file into a model (the catalogue, its
``accepted.yaml``, a progress edit's re-check), so it sits below all of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .diagnostics import Finding, finding
from .document import Document
from .models import ProgressEntry
from .suggest import date_problem, file_value_message
from .yamlio import load_file

Model = TypeVar("Model", bound=BaseModel)


def validate_model(
    model: type[Model],
    data: dict[str, Any],
    document: Document,
    prefix: tuple[str | int, ...],
    findings: list[Finding],
) -> Model | None:
    """Validate ``data`` against ``model``; turn each Pydantic error into a finding."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        for number, detail in enumerate(error.errors(include_url=False)):
            # A hostile file can hold thousands of bad fields: suggestions
            # (difflib) only for the first few; the output is capped anyway.
            findings.append(
                _schema_finding(detail, document, prefix, model, suggest=number < _SUGGEST)
            )
        return None


_SUGGEST = 20


def _schema_finding(
    detail: Any,
    document: Document,
    prefix: tuple[str | int, ...],
    model: type[BaseModel],
    *,
    suggest: bool = True,
) -> Finding:
    loc = prefix + tuple(detail["loc"])
    kind = detail["type"]
    field_path = format_path(loc)
    name = str(detail["loc"][-1]) if detail["loc"] else ""
    if kind == "extra_forbidden":
        code, message = "RRS005", f"unknown field {name!r}"
        suggestion = _suggest_field(name, model, loc) if suggest else None
        if suggestion:
            message += f"; did you mean {suggestion!r}?"
        line, column = document.locate(loc, key=True)
    elif kind == "missing":
        code, message = "RRS006", f"required field {name!r} is missing"
        line, column = document.locate(loc[:-1])
    else:
        code, message = "RRS007", _value_message(detail)
        line, column = document.locate(loc)
    return finding(
        code, message, file=document.path, line=line, column=column, field_path=field_path
    )


def _value_message(detail: Any) -> str:
    kind: str = detail["type"]
    value = detail.get("input")
    shown = (
        repr(value)
        if isinstance(value, (str, int, float, bool)) or value is None
        else describe(value)
    )
    if kind == "enum":
        expected = detail.get("ctx", {}).get("expected", "")
        names = [step for step in detail["loc"] if isinstance(step, str)]
        return file_value_message(names[-1] if names else "", value, expected)
    if kind == "string_pattern_mismatch":
        return (
            f"{shown} is not a valid id or key (ids are A-Z letters or numbers "
            "from 1; keys are lower-case words)"
        )
    if kind.startswith("date") or kind.startswith("datetime"):
        problem = date_problem(value) if isinstance(value, str) else ""
        return f"{shown} is not a date: {problem or 'write it as YYYY-MM-DD'}"
    if kind in {
        "string_type",
        "list_type",
        "bool_type",
        "int_type",
        "date_type",
        "date_from_datetime_inexact",
        "int_parsing",
        "bool_parsing",
        "date_parsing",
    }:
        return f"{shown} has the wrong type: {detail['msg'].lower()}"
    if kind == "string_too_short":
        return "this field must not be empty"
    return f"{shown}: {detail['msg']}"


def _suggest_field(name: str, model: type[BaseModel], loc: tuple[str | int, ...]) -> str | None:
    """The known field closest to a misspelt one, if any is close."""
    import difflib  # here, not at the top: only a misspelt field needs it (start-up speed)

    fields = list(ProgressEntry.model_fields if "progress" in loc else model.model_fields)
    matches = difflib.get_close_matches(name, fields, n=1)
    return matches[0] if matches else None


def format_path(loc: Iterable[str | int]) -> str:
    """``("progress", 0, "date")`` -> ``progress[0].date``."""
    text = ""
    for step in loc:
        if isinstance(step, int):
            text += f"[{step}]"
        else:
            text += f".{step}" if text else str(step)
    return text


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, str):
        return "a single piece of text"
    return f"a single {type(value).__name__} value"


def load_list_file(
    path: Path, model: type[Model], noun: str, plural: str, fields: str
) -> tuple[list[tuple[int, Model]], list[Finding], Document | None]:
    """The valid items (with their index) of an optional catalogue file that holds a
    YAML list of ``model`` (``accepted.yaml``, ``rounds.yaml``), its findings and its
    document (for locating items): none when the file is absent, an RRS004 finding
    when it is not a list or an item is not a mapping. ``noun``/``plural`` and
    ``fields`` name an item and what it holds, for those findings."""
    if not path.exists() and not path.is_symlink():
        return [], [], None
    document, findings = load_file(path)
    if document is None:
        return [], findings, None
    if not isinstance(document.data, list):
        message = f"{path.name} must be a list of {plural} ({fields})"
        findings.append(finding("RRS004", message, file=path, line=1, column=1))
        return [], findings, document
    valid: list[tuple[int, Model]] = []
    for index, item in enumerate(document.data):
        if not isinstance(item, dict):
            line, column = document.locate((index,))
            findings.append(
                finding(
                    "RRS004",
                    f"{noun} {index + 1} must be a mapping ({fields})",
                    file=path,
                    line=line,
                    column=column,
                    field_path=f"[{index}]",
                )
            )
            continue
        entry = validate_model(model, item, document, (index,), findings)
        if entry is not None:
            valid.append((index, entry))
    return valid, findings, document

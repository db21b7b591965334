"""Adding actions (`rrs new`): a new action file in the layout of the bundled
ones, with, on request, the back-links in the actions it links to.

The writes go through the same checks, lock and all-or-nothing commit as
recording progress (``progress.py``): the catalogue with the new files in place
is validated first, and the new file and every back-link are written together
or not at all.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .catalogue import LoadResult, load_catalogue
from .edits import BeforeWrite, Change, check_changes, commit, locked, read_action_file
from .errors import (
    CatalogueInvalidError,
    UsageError,
    WriteRefusedError,
)
from .i18n import language as interface_language
from .i18n import status_label, term_label
from .layout import ACTIONS_DIR
from .models import Action, Kind, Status, Strategy, Term
from .query import resolve_goal
from .yamledit import (
    EditError,
    append_scalar,
    plain_or_quoted,
    quoted,
)


def publication_day(strategy: Strategy) -> date | None:
    """The day the strategy counts as published: its date, or the last day of its year."""
    if isinstance(strategy.published, date):
        return strategy.published
    return date(strategy.published, 12, 31) if strategy.published else None


def added_day(
    strategy: Strategy, today: date, *, added: date | None = None, published: bool = False
) -> date | None:
    """The ``added:`` of a new action, or None when it is part of the published strategy.

    ``published``: the action is part of the strategy (it is being transcribed);
    ``added``: it was added on that day, after publication. Neither: an action
    entered before the strategy's publication (strategy.yaml) is part of it,
    one entered after is a later addition, added today. A year of publication
    counts up to its last day (an inference: a year says no more).
    """
    if added is not None and published:
        raise UsageError("give either --published or --added, not both")
    day = publication_day(strategy)
    if added is not None and day is not None and added <= day:
        raise UsageError(
            f"--added {added} is before the strategy's publication ({strategy.published})",
            hint="an action in the published strategy takes --published (no added date)",
        )
    if published:
        return None
    if added is not None:
        return added
    return today if day is None or today > day else None


def create_action(
    root: Path,
    fields: dict[str, Any],
    *,
    back_links: bool = False,
    today: date | None = None,
    before_write: BeforeWrite | None = None,
    added: date | None = None,
    published: bool = False,
) -> list[Path]:
    """Write a new action file (and, with ``back_links``, the back-links to it).

    Without a ``kind`` the id's shape gives it: a number is a connected action,
    letters a flywheel. ``added``/``published``: see :func:`added_day`. Refuses
    to overwrite; every file is checked against the catalogue first and all of
    them are written, or none. Returns the files written, the new one first.
    """
    today = today or date.today()
    if fields.get("kind") is None:
        fields["kind"] = (Kind.CONNECTED if str(fields["id"]).isdigit() else Kind.FLYWHEEL).value
    with locked(root / ACTIONS_DIR):
        result = load_catalogue(root)
        catalogue = result.catalogue
        if fields.get("goal") is not None:
            fields["goal"] = resolve_goal(catalogue, str(fields["goal"])).key
        fields["added"] = added_day(catalogue.strategy, today, added=added, published=published)
        action = _validated_action(fields)
        path = root / ACTIONS_DIR / f"{action.id}.yaml"
        if (
            path.exists()
            or path.is_symlink()
            or action.id in catalogue.actions
            or action.id in catalogue.unreadable_ids
        ):
            raise WriteRefusedError(f"action {action.id} already exists ({path.name})")
        lang = "nl" if catalogue.strategy.language == "nl" else "en"
        changes = [Change(path, None, new_action_yaml(action, lang))]
        if back_links:
            changes += _back_links(result, action)
        check_changes(result, changes, today)
        commit(changes, before_write)
    return [change.path for change in changes]


def _back_links(result: LoadResult, action: Action) -> list[Change]:
    """Add ``action`` to the links of every action it links to that does not name it."""
    changes = []
    for link in dict.fromkeys(action.links):
        if link in result.catalogue.unreadable_ids:
            # Its file has errors: the back-link cannot be added, and skipping it
            # silently would leave the one-sided link the option was asked to avoid.
            raise CatalogueInvalidError(
                f"the file of action {link} has errors; the back-link to {action.id} "
                "cannot be added to it",
                hint="fix it first (`rrs validate` shows where), or run with --no-back-link",
            )
        other = result.catalogue.actions.get(link)
        if other is None or action.id in other.links:
            continue
        if other.links_all_flywheels and action.is_flywheel:
            continue
        path, raw, text, _ = read_action_file(result, link)
        try:
            new = append_scalar(text, "links", action.id)
        except EditError as error:
            raise WriteRefusedError(
                f"rrs cannot add the back-link to {path.name} in place: {error}",
                hint="run without --back-link and add it by hand",
            ) from None
        wanted = [*other.links, action.id]

        def expected(value: Any, wanted: list[str] = wanted) -> bool:
            return [str(v) for v in value or []] == wanted

        changes.append(Change(path, text, new, raw, "links", expected))
    return changes


def _validated_action(fields: dict[str, Any]) -> Action:
    data = {key: value for key, value in fields.items() if value not in (None, "", [])}
    try:
        return Action.model_validate(data)
    except ValidationError as error:
        details = "; ".join(
            f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors(include_url=False)
        )
        raise WriteRefusedError(
            "the new action is not valid; nothing was written", hint=details
        ) from None


def new_action_yaml(action: Action, lang: str) -> str:
    """A new action's file in the layout of the bundled ones.

    The same keys in the same order, strings double-quoted, lists in flow style
    with quoted ids; ``status_text``/``term_text`` in the catalogue's language
    (the action is not in the printed strategy, so there are no printed words),
    and ``added``: the day it was added, which marks its status as its initial one.
    """
    language = interface_language(lang)
    lines = [f"id: {quoted(action.id)}", f"kind: {action.kind.value}"]
    lines.append(f"title: {quoted(action.title)}")
    for name in ("subtitle", "description", "resilience_value", "owner", "partners", "funding"):
        value = getattr(action, name)
        if value is not None and (value or name in ("description", "owner", "partners", "funding")):
            lines.append(f"{name}: {quoted(value)}")
    status: Status | None = action.status
    term: Term | None = action.term
    lines += [
        f"status: {status.value if status else 'null'}",
        f"status_text: {quoted(status_label(status, language) if status else '')}",
        f"term: {term.value if term else 'null'}",
        f"term_text: {quoted(term_label(term, language) if term else '')}",
    ]
    if action.goal:
        lines.append(f"goal: {plain_or_quoted(action.goal)}")
    lines += [
        f"goals: [{', '.join(map(plain_or_quoted, action.goals))}]",
        f"qualities: [{', '.join(map(plain_or_quoted, action.qualities))}]",
        f"impact_levels: [{', '.join(level.value for level in action.impact_levels)}]",
        f"links: [{', '.join(quoted(link) for link in action.links)}]",
    ]
    if action.added:
        lines.append(f"added: {action.added.isoformat()}")
    return "\n".join(lines) + "\n"

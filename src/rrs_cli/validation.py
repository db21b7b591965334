"""Reference and consistency checks over a loaded catalogue.

Schema problems are found while loading (``catalogue``); this module checks
what only the whole catalogue can tell: that links, goals and qualities
exist, that both sides of a link agree, and that progress logs make sense.
Every check yields findings located at the YAML node that holds the value.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from .catalogue import Catalogue, LoadResult, load_catalogue
from .diagnostics import Finding, Severity, cap_per_file, finding, has_errors
from .document import Document
from .errors import CatalogueInvalidError
from .graph import LinkGraph
from .layout import ACCEPTED_FILE, ACTIONS_DIR, GOALS_FILE, STRATEGY_FILE
from .models import CONNECTED_ID, FLYWHEEL_ID, Action, ProgressEntry
from .query import loose
from .schemacheck import format_path
from .textsafety import has_invisible, invisible_characters, visible
from .theme import read_tokens

# Builds a finding located at a field path of the action being checked.
At = Callable[[tuple[str | int, ...], str, str], Finding]


def validate(root: Path, *, today: date | None = None) -> list[Finding]:
    """Every finding for the catalogue at ``root``, sorted by file and line.

    Findings that ``accepted.yaml`` accepts are marked (``Finding.accepted``);
    beyond ``MAX_FINDINGS_PER_FILE`` in one file the rest are summed up.
    """
    return findings_of(load_catalogue(root), today=today)


def load_valid(
    root: Path, refusal: str, *, show_errors: Callable[[list[Finding]], object] | None = None
) -> tuple[Catalogue, LinkGraph, list[Finding]]:
    """The catalogue at ``root``, its link graph and its findings, read once, for the
    commands that need a valid catalogue (export, site).

    A catalogue with errors raises :class:`CatalogueInvalidError` with ``refusal`` as
    its message, after handing the errors to ``show_errors`` when given.
    """
    loaded = load_catalogue(root)
    graph = LinkGraph.build(loaded.catalogue)
    found = findings_of(loaded, graph=graph)
    if has_errors(found):
        if show_errors is not None:
            show_errors([f for f in found if f.severity is Severity.ERROR])
        raise CatalogueInvalidError(refusal, hint="run `rrs validate` and fix the errors first")
    return loaded.catalogue, graph, found


def findings_of(
    result: LoadResult, *, today: date | None = None, graph: LinkGraph | None = None
) -> list[Finding]:
    """What :func:`validate` reports, for a catalogue that is already loaded (and,
    when given, its link graph)."""
    found = result.findings + check_catalogue(result, today=today, graph=graph)
    found = apply_accepted(result.catalogue, found)
    return cap_per_file(sorted(found, key=_order))


def _order(item: Finding) -> tuple[str, int, int, str]:
    return (item.file, item.line or 0, item.column or 0, item.code)


def check_catalogue(
    result: LoadResult, *, today: date | None = None, graph: LinkGraph | None = None
) -> list[Finding]:
    catalogue = result.catalogue
    graph = graph or LinkGraph.build(catalogue)
    today = today or date.today()
    found: list[Finding] = []
    goal_numbers: Counter[int] = Counter(g.number for g in catalogue.goals.values())
    for goal in catalogue.goals.values():
        if goal_numbers[goal.number] > 1:
            found.append(
                _at(
                    catalogue,
                    catalogue.root / GOALS_FILE,
                    (),
                    "RRS009",
                    f"goal number {goal.number} is used by more than one goal",
                )
            )
    found.extend(_organisation_names(catalogue))
    for action in catalogue.actions.values():
        found.extend(_check_action(catalogue, graph, action, today))
    found.extend(unreadable_action_references(result))
    for document in catalogue.documents.values():
        found.extend(invisible_text(document))
    found.extend(read_tokens(catalogue)[1])
    return found


def _organisation_names(catalogue: Catalogue) -> Iterator[Finding]:
    """RRS009 for a name listed under two organisations in strategy.yaml.

    Matching takes every name of a group for any of them (`--owner HbR` finds
    "Havenbedrijf"): a name in two groups would join them, so adding one word
    to a group could move dozens of actions to another organisation.
    """
    first_group: dict[str, int] = {}
    for group_index, names in enumerate(catalogue.strategy.organisations):
        for name_index, name in enumerate(names):
            key = loose(name)  # as --owner and --org match names
            owner = first_group.setdefault(key, group_index)
            if owner != group_index:
                yield _at(
                    catalogue,
                    catalogue.root / STRATEGY_FILE,
                    ("organisations", group_index, name_index),
                    "RRS009",
                    f"the name {visible(name)!r} is also one of organisation {owner + 1}'s "
                    "names; a name may belong to one organisation only",
                )


def unreadable_action_references(result: LoadResult) -> list[Finding]:
    """Reference checks for the action files that failed the schema.

    Such a file is left out of the catalogue, but its links, goals and
    qualities can still be checked where they have the right shape, so one run
    reports every problem of the file ("status: lopendd" and a link to an
    action that does not exist both), not one now and the next after a fix.
    A value the schema already refused is not reported a second time.
    """
    catalogue = result.catalogue
    if not catalogue.unreadable_ids:
        return []
    refused: dict[str, list[str]] = {}
    for item in result.findings:
        refused.setdefault(item.file, []).append(item.field)
    found: list[Finding] = []
    actions_dir = catalogue.root / ACTIONS_DIR
    for stem in sorted(catalogue.unreadable_ids):
        for suffix in (".yaml", ".yml"):
            path = actions_dir / f"{stem}{suffix}"
            document = catalogue.documents.get(str(path))
            if document is not None and isinstance(document.data, dict):
                found.extend(
                    _raw_references(catalogue, path, document.data, refused.get(str(path), []))
                )
    return found


def _raw_references(
    catalogue: Catalogue, path: Path, data: dict[str, Any], refused: list[str]
) -> Iterator[Finding]:
    """Unknown actions, goals and qualities named in an unloaded action file."""

    def fresh(field_path: str) -> bool:
        return not any(
            field_path == other or field_path.startswith((other + "[", other + "."))
            for other in refused
        )

    own_id = str(data.get("id", path.stem))
    links = data.get("links")
    for index, target in enumerate(links if isinstance(links, list) else []):
        target_id = str(target) if isinstance(target, int) else target
        if not isinstance(target_id, str) or not fresh(f"links[{index}]"):
            continue
        known = target_id in catalogue.actions or target_id in catalogue.unreadable_ids
        if not known and target_id != own_id:
            yield _at(
                catalogue,
                path,
                ("links", index),
                "RRS010",
                f"link {target_id}: there is no action {target_id} in the catalogue",
            )
    references: list[tuple[tuple[str | int, ...], Any, str]] = [
        (("goal",), data.get("goal"), "goals")
    ]
    for name in ("goals", "qualities"):
        values = data.get(name)
        references += [
            ((name, index), value, name)
            for index, value in enumerate(values if isinstance(values, list) else [])
        ]
    for loc, key, kind in references:
        known_keys: Mapping[str, object] = getattr(catalogue, kind)
        if (
            not isinstance(key, str)
            or not fresh(format_path(loc))
            or key in known_keys
            or catalogue.may_exist(kind, key)
        ):
            continue
        what = "goal" if kind == "goals" else "quality"
        code = "RRS011" if kind == "goals" else "RRS012"
        yield _at(catalogue, path, loc, code, _unknown_key(what, key, known_keys))


def invisible_text(document: Document) -> list[Finding]:
    """RRS112 for every text value holding a character that hides, reorders or fakes text
    (``textsafety``: controls, format and bidi characters, default ignorables, tags).

    Such characters make a title or an owner read differently from what it is
    (a right-to-left override reorders it, a zero-width space or a Hangul filler
    splits a name so a search misses it, tag characters carry a message nobody
    sees); one pass over the file's values, located at each.
    """
    if not has_invisible("\n".join(_texts(document.data, []))):
        return []  # the common case: one scan of the file's text values
    found: list[Finding] = []
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), document.data)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, str):
            if has_invisible(value):
                shown = ", ".join(visible(c) for c in invisible_characters(value)[:5])
                line, column = document.locate(loc)
                found.append(
                    finding(
                        "RRS112",
                        f"the text holds invisible or control characters ({shown}) that can "
                        "make it read differently from what it is; remove them",
                        file=document.path,
                        line=line,
                        column=column,
                        field_path=format_path(loc),
                    )
                )
        elif isinstance(value, dict):
            stack.extend(((*loc, key), item) for key, item in value.items() if isinstance(key, str))
        elif isinstance(value, list):
            stack.extend(((*loc, index), item) for index, item in enumerate(value))
    return found


def _at(
    catalogue: Catalogue, path: Path, loc: tuple[str | int, ...], code: str, message: str
) -> Finding:
    line, column = catalogue.locate(path, loc)
    return finding(code, message, file=path, line=line, column=column, field_path=format_path(loc))


def _texts(value: Any, out: list[str]) -> list[str]:
    """Append every text value in ``value`` to ``out`` (a flat, fast pass)."""
    if isinstance(value, str):
        out.append(value)
        return out
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    for item in items:
        kind = type(item)
        if kind is str:
            out.append(item)
        elif kind is dict or kind is list:
            _texts(item, out)
    return out


def _check_action(
    catalogue: Catalogue, graph: LinkGraph, action: Action, today: date
) -> Iterator[Finding]:
    path = catalogue.action_files[action.id]

    def at(loc: tuple[str | int, ...], code: str, message: str) -> Finding:
        return _at(catalogue, path, loc, code, message)

    id_pattern = FLYWHEEL_ID if action.is_flywheel else CONNECTED_ID
    if not id_pattern.fullmatch(action.id):
        shape = "letters (A, B, ..., AA)" if action.is_flywheel else "numbers (1, 2, ...)"
        yield at(
            ("kind",),
            "RRS016",
            f"a {action.kind.value} action's id must be {shape}, not {action.id!r}",
        )
    if action.is_flywheel and not action.goal:
        yield at(
            (),
            "RRS006",
            "required field 'goal' is missing: a flywheel needs the goal section it belongs to",
        )
    if action.is_flywheel and action.links_all_flywheels:
        yield at(
            ("links_all_flywheels",), "RRS016", "only a connected action can link to all flywheels"
        )
    if (
        action.goal
        and action.goal not in catalogue.goals
        and not catalogue.may_exist("goals", action.goal)
    ):
        yield at(("goal",), "RRS011", _unknown_key("goal", action.goal, catalogue.goals))
    for index, key in enumerate(action.goals):
        if key not in catalogue.goals and not catalogue.may_exist("goals", key):
            yield at(("goals", index), "RRS011", _unknown_key("goal", key, catalogue.goals))
    for index, key in enumerate(action.qualities):
        if key not in catalogue.qualities and not catalogue.may_exist("qualities", key):
            yield at(
                ("qualities", index), "RRS012", _unknown_key("quality", key, catalogue.qualities)
            )
    yield from _check_links(catalogue, graph, action, at)
    if action.status is None:
        yield at(
            ("status",),
            "RRS103",
            "the status is empty" + (" in the source" if not action.status_text else ""),
        )
    if action.term is None:
        yield at(("term",), "RRS107", "the expected-result term is empty")
    document = catalogue.documents.get(str(path))
    if document is not None:
        yield from progress_findings(action, path, document, today)


def _check_links(
    catalogue: Catalogue, graph: LinkGraph, action: Action, at: At
) -> Iterator[Finding]:
    seen: set[str] = set()
    for index, target_id in enumerate(action.links):
        loc = ("links", index)
        if target_id in seen:
            yield at(loc, "RRS106", f"link {target_id} is listed twice")
            continue
        seen.add(target_id)
        if target_id == action.id:
            yield at(loc, "RRS105", f"action {action.id} links to itself")
            continue
        target = catalogue.actions.get(target_id)
        if target is None and target_id in catalogue.unreadable_ids:
            continue
        if target is None:
            yield at(
                loc, "RRS010", f"link {target_id}: there is no action {target_id} in the catalogue"
            )
            continue
        if target.is_flywheel == action.is_flywheel:
            wanted = "connected actions" if action.is_flywheel else "flywheels"
            yield at(
                loc,
                "RRS016",
                f"link {target_id}: a {action.kind.value} action "
                f"links to {wanted}, and {target_id} is a {target.kind.value} action",
            )
            continue
        if not graph.names(target_id, action.id):
            yield at(
                loc,
                "RRS101",
                f"{action.id} names {target_id}, but {target_id} does not name {action.id} back",
            )
    for index, target_id in enumerate(action.links_inferred):
        if target_id not in action.links:
            yield at(
                ("links_inferred", index),
                "RRS007",
                f"links_inferred names {target_id}, which is not in links: an inferred link "
                "must also be one of the action's links",
            )
    # Constant time per action: "all flywheels" links are never listed here.
    if not action.is_flywheel and not graph.has_links(action.id):
        yield at(("links",), "RRS102", f"connected action {action.id} is linked to no flywheel")
    unreadable = catalogue.unreadable_ids.intersection(action.links)
    if action.is_flywheel and not unreadable and not graph.has_named_partner(action.id):
        yield at(
            ("links",),
            "RRS104",
            f"flywheel {action.id} has no connected actions (none named on either side)",
        )


def entry_key(entry: ProgressEntry) -> tuple[date, str]:
    """What makes two progress entries the same report: the day and the note
    (case and spacing aside); without a note, the day and the status."""
    note = " ".join(entry.note.casefold().split())
    return entry.date, note or f"status: {entry.status.value}"


def progress_findings(action: Action, path: Path, document: Document, today: date) -> list[Finding]:
    """Progress-log checks: no dates in the future, entries in date order, none twice."""
    found: list[Finding] = []

    def at(index: int, message: str) -> None:
        line, column = document.locate(("progress", index, "date"))
        found.append(
            finding(
                "RRS017",
                message,
                file=path,
                line=line,
                column=column,
                field_path=f"progress[{index}].date",
            )
        )

    previous: date | None = None
    seen: dict[tuple[date, str], int] = {}
    for index, entry in enumerate(action.progress):
        key = entry_key(entry)
        if key in seen:
            line, column = document.locate(("progress", index))
            found.append(
                finding(
                    "RRS113",
                    f"this entry repeats progress[{seen[key]}] ({entry.date}, the same note); "
                    "remove one (`rrs progress remove`)",
                    file=path,
                    line=line,
                    column=column,
                    field_path=f"progress[{index}]",
                )
            )
        seen.setdefault(key, index)
        if entry.date > today:
            at(index, f"progress date {entry.date} is in the future")
        if previous is not None and entry.date < previous:
            at(
                index,
                f"progress date {entry.date} comes before the entry above it "
                f"({previous}); keep the log in date order",
            )
        previous = entry.date
    return found


def _unknown_key(what: str, key: str, known: Mapping[str, object]) -> str:
    import difflib  # here, not at the top: only an unknown key needs it (start-up speed)

    close = difflib.get_close_matches(key, list(known), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else f"; known: {', '.join(known)}"
    return f"there is no {what} {key!r}{hint}"


def _subjects(item: Finding, catalogue: Catalogue) -> list[str]:
    """What a finding is about: its file's name, and the action, goal or quality."""
    path = Path(item.file)
    subjects = [path.name]
    if path.parent.name == ACTIONS_DIR:
        subjects.append(path.stem)
    elif item.field.startswith("["):
        document = catalogue.documents.get(item.file)
        number = item.field[1:].split("]", 1)[0]
        if document is not None and number.isdigit() and isinstance(document.data, list):
            index = int(number)
            entry = document.data[index] if index < len(document.data) else None
            if isinstance(entry, dict) and isinstance(entry.get("key"), str):
                subjects.append(entry["key"])
    return subjects


def apply_accepted(catalogue: Catalogue, findings: list[Finding]) -> list[Finding]:
    """Mark the findings ``accepted.yaml`` accepts (read with the catalogue), and add
    a stale-acceptance finding for each entry that matches nothing."""
    entries, document = catalogue.accepted, catalogue.accepted_document
    problems: list[Finding] = []
    if not entries:
        return findings
    by_subject: dict[tuple[str, str], list[int]] = {}
    for position, item in enumerate(findings):
        if item.severity is Severity.WARNING:
            for subject in _subjects(item, catalogue):
                by_subject.setdefault((item.code, subject), []).append(position)
    result = list(findings)
    path = catalogue.root / ACCEPTED_FILE
    for index, entry in entries:
        matches = [
            position
            for position in by_subject.get((entry.code, entry.action), [])
            if entry.field is None or findings[position].field == entry.field
        ]
        for position in matches:
            if result[position].accepted is None:
                result[position] = replace(result[position], accepted=entry.reason)
        if not matches:
            line, column = document.locate((index,)) if document else (None, None)
            where = f" at {entry.field}" if entry.field else ""
            problems.append(
                finding(
                    "RRS111",
                    f"accepted {entry.code} for {entry.action}{where} no longer occurs; "
                    "remove the entry",
                    file=path,
                    line=line,
                    column=column,
                    field_path=f"[{index}]",
                )
            )
    return result + problems

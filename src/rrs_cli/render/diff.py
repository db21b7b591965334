"""Renderers for a catalogue diff: Markdown for a pull-request comment, and JSON.

The Markdown shows every changed field. Short values sit in a table (before,
after); long texts (descriptions, notes, ...) get a compact word diff, folded
in a ``<details>`` block. A progress log is history: entries removed or edited
are reported first and loudly ("history rewritten"), with what was there
before. Two values that would look the same when printed (a title changed
only from NFC to NFD, or in white space or invisible characters) are spelt
out as code points, so a reviewer sees that, and where, they differ.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from typing import Any

from ..diff import ActionChange, CatalogueDiff, HistoryChange, RecordChange, RecordsDiff
from ..models import ProgressEntry
from ..textsafety import HIDDEN_NOT_SPACE
from .export import to_json
from .text import html_inline, md_code, md_inline, visible

# A value longer than this (or with a line break) is shown as a word diff.
LONG = 80
# Unchanged words kept on each side of a change in a word diff.
CONTEXT = 6


def _plain(value: Any) -> str:
    """A JSON value as one line of text (before Markdown escaping)."""
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, list):
        return ", ".join(_plain(v) if isinstance(v, (list, dict)) else str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=False)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _cell(text: str) -> str:
    return md_inline(text) if text else "—"


def _code_points(text: str) -> str:
    return " ".join(f"U+{ord(c):04X}" for c in text)


def _spelt(before: str, after: str) -> tuple[str, str]:
    """Both texts with the parts that differ spelt out as code points."""
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    left: list[str] = []
    right: list[str] = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            left.append(md_inline(before[a1:a2]))
            right.append(md_inline(after[b1:b2]))
        else:
            if a2 > a1:
                left.append(f"⟨{_code_points(before[a1:a2])}⟩")
            if b2 > b1:
                right.append(f"⟨{_code_points(after[b1:b2])}⟩")
    return "".join(left), "".join(right)


def _printed(text: str) -> str:
    """What a reader sees of ``text``: without the characters that print as
    nothing (tags, zero-width, bidi, fillers), composed, white space folded."""
    return unicodedata.normalize("NFC", md_inline(HIDDEN_NOT_SPACE.sub("", text)))


def _looks_same(before: str, after: str) -> bool:
    """Do two different texts print the same (NFC and NFD, white space, invisible
    characters such as a message in tag characters appended to a title)?"""
    return before != after and _printed(before) == _printed(after)


def _pair(before: Any, after: Any) -> tuple[str, str]:
    b, a = _plain(before), _plain(after)
    if _looks_same(b, a):
        shown_b, shown_a = _spelt(b, a)
        return shown_b + " (code points differ)", shown_a + " (code points differ)"
    return _cell(b), _cell(a)


def _is_long(before: Any, after: Any) -> bool:
    return any(isinstance(v, str) and (len(v) > LONG or "\n" in v) for v in (before, after))


_TOKEN = re.compile(r"\s+|[^\s]+")


def word_diff(before: str, after: str) -> str:
    """A compact word diff in Markdown: <del>removed</del> <ins>added</ins>, with context."""
    old, new = _TOKEN.findall(before), _TOKEN.findall(after)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    parts: list[str] = []
    opcodes = matcher.get_opcodes()
    for index, (op, a1, a2, b1, b2) in enumerate(opcodes):
        if op == "equal":
            words = old[a1:a2]
            first, last = index == 0, index == len(opcodes) - 1
            keep = CONTEXT * 2
            if len(words) > keep * (1 if first or last else 2):
                head = [] if first else words[:keep]
                tail = [] if last else words[-keep:]
                words = [*head, " … ", *tail]
            parts.append(md_inline("".join(words)) if words != [" … "] else "…")
            parts.append(" ")
            continue
        removed, added = "".join(old[a1:a2]), "".join(new[b1:b2])
        if removed and added and _looks_same(removed, added):
            removed, added = _spelt(removed, added)
        else:
            removed, added = md_inline(removed), md_inline(added)
        if removed.strip():
            parts.append(f"<del>{removed}</del> ")
        if added.strip():
            parts.append(f"<ins>{added}</ins> ")
    return re.sub(r" +", " ", "".join(parts)).strip()


def _entry(entry: ProgressEntry) -> str:
    text = f"{entry.date}: {entry.status.value}"
    if entry.note:
        text += f" ({entry.note})"
    if entry.by:
        text += f" by {entry.by}"
    return text


def _field_rows(
    who: str,
    label: str,
    fields: dict[str, tuple[Any, Any]],
    long: list[tuple[str, str, Any, Any]],
) -> list[str]:
    """Table rows for short values; long texts go to ``long`` (with a plain label)."""
    rows = []
    for name, (before, after) in fields.items():
        if _is_long(before, after):
            long.append((label, name, before, after))
            rows.append(f"| {who} | {name} | (long text: word diff below) | |")
            continue
        shown_before, shown_after = _pair(before, after)
        rows.append(f"| {who} | {name} | {shown_before} | {shown_after} |")
    return rows


def _long_blocks(long: list[tuple[str, str, Any, Any]]) -> list[str]:
    lines: list[str] = []
    for label, name, before, after in long:
        lines += [
            "",
            f"<details><summary>{html_inline(label)}: {html_inline(name)}</summary>",
            "",
            word_diff(_plain(before), _plain(after)),
            "",
            "</details>",
        ]
    return lines


def _history_lines(diff: CatalogueDiff) -> list[str]:
    rewritten = diff.history_rewritten
    if not rewritten:
        return []
    count = sum(len(c.history) for c in rewritten)
    lines = [
        "",
        "### ⚠ History rewritten",  # U+26A0 alone: rrs prints no variation selector
        "",
        f"**{count} progress {'entry' if count == 1 else 'entries'} of the base "
        f"{'was' if count == 1 else 'were'} removed or edited.** The progress log is the "
        "record of what happened; check that this is a correction, not a loss.",
        "",
    ]
    for change in rewritten:
        who = f"**{md_inline(change.id)}** {md_inline(change.title)}"
        for item in change.history:
            lines.append(f"- {who}: {_history_text(item)}")
        if "current_status" in change.fields:
            before, after = change.fields["current_status"]
            lines.append(
                f"  - current status now {_cell(_plain(after))} (was {_cell(_plain(before))})"
            )
    return lines


def _accepted_lines(diff: CatalogueDiff) -> list[str]:
    if not (diff.accepted_added or diff.accepted_removed):
        return []
    lines = ["", "### Accepted findings (accepted.yaml)", ""]
    if diff.accepted_added:
        lines += [
            "**Newly accepted findings: `rrs validate --strict` will no longer fail on "
            "these.** Check each reason.",
            "",
        ]
    for word, entries in (
        ("accepted", diff.accepted_added),
        ("no longer accepted", diff.accepted_removed),
    ):
        for entry in entries:
            where = f" {md_code(entry.field)}" if entry.field else ""
            lines.append(
                f"- {word}: {entry.code} **{md_inline(entry.action)}**{where}: "
                f"{md_inline(entry.reason)}"
            )
    return lines


def _history_text(item: HistoryChange) -> str:
    before = md_inline(_entry(item.before))
    if item.after is None:
        return f"entry **removed**; it was: {before}"
    after_text, before_text = _entry(item.after), _entry(item.before)
    if _looks_same(before_text, after_text):
        before, after = _spelt(before_text, after_text)
    else:
        after = md_inline(after_text)
    return f"entry **edited**; it was: {before}; now: {after}"


def _records_lines(
    heading: str, records: RecordsDiff, long: list[tuple[str, str, Any, Any]]
) -> tuple[list[str], list[str]]:
    lines: list[str] = []
    rows: list[str] = []
    if records.added or records.removed:
        lines += ["", f"### {heading}", ""]
        lines += [f"- added **{md_inline(k)}** {md_inline(t)}" for k, t in records.added]
        lines += [f"- removed **{md_inline(k)}** {md_inline(t)}" for k, t in records.removed]
    for change in records.changed:
        rows += _field_rows(_who(change), _label(change), change.fields, long)
    return lines, rows


def _who(change: ActionChange | RecordChange) -> str:
    key = change.id if isinstance(change, ActionChange) else change.key
    return f"**{md_inline(key)}** {md_inline(change.title)}"


def _label(change: ActionChange | RecordChange) -> str:
    key = change.id if isinstance(change, ActionChange) else change.key
    return f"{key} {change.title}"


# At most this many errors of one version are listed in the summary.
SHOWN_ERRORS = 10


def _error_lines(diff: CatalogueDiff) -> list[str]:
    """A warning block per version with errors: how many, the first ones, what it means."""
    lines: list[str] = []
    for name, errors in ((diff.base, diff.base_errors), (diff.head, diff.head_errors)):
        if not errors:
            continue
        count = f"{len(errors)} {'error' if len(errors) == 1 else 'errors'}"
        lines += [
            "",
            "> [!WARNING]",
            f"> **{md_inline(visible(name))} has {count}.** Files with errors are left out "
            "of this comparison; `rrs validate` lists every problem.",
            ">",
        ]
        lines += [f"> - {md_code(line)}" for line in errors[:SHOWN_ERRORS]]
        if len(errors) > SHOWN_ERRORS:
            lines.append(f"> - … and {len(errors) - SHOWN_ERRORS} more")
    if diff.not_compared:
        shown = ", ".join(f"**{md_inline(i)}**" for i in diff.not_compared)
        lines += ["", f"Not compared (the action's file has errors): {shown}."]
    return lines


def markdown(diff: CatalogueDiff) -> str:
    title = f"## Catalogue changes: {md_code(visible(diff.base))} → {md_code(visible(diff.head))}"
    if diff.has_errors:
        title += " (with errors)"
    if diff.is_empty():
        return "\n".join([title, *_error_lines(diff), "", "No changes to the catalogue.", ""])
    lines = [
        title,
        *_error_lines(diff),
        "",
        f"Actions: {len(diff.added)} added, {len(diff.removed)} removed, "
        f"{len(diff.changed)} changed.",
    ]
    lines += _history_lines(diff)
    lines += _accepted_lines(diff)
    for heading, actions in (("Added", diff.added), ("Removed", diff.removed)):
        if actions:
            lines += ["", f"### {heading}", ""]
            lines += [f"- **{md_inline(a.id)}** {md_inline(a.title)}" for a in actions]
    long: list[tuple[str, str, Any, Any]] = []
    rows: list[str] = []
    if diff.strategy is not None:
        rows += _field_rows("strategy", "strategy", diff.strategy.fields, long)
    for heading, records in (("Goals", diff.goals), ("Qualities", diff.qualities)):
        more, record_rows = _records_lines(heading, records, long)
        lines += more
        rows += record_rows
    for change in diff.changed:
        who = _who(change)
        rows += _field_rows(who, _label(change), change.fields, long)
        if change.links_added:
            rows.append(f"| {who} | links added | | {_cell(' '.join(change.links_added))} |")
        if change.links_removed:
            rows.append(f"| {who} | links removed | {_cell(' '.join(change.links_removed))} | |")
        for entry in change.progress_added:
            rows.append(f"| {who} | progress | | {_cell(_entry(entry))} |")
    if rows:
        lines += ["", "### Changed", "", "| Record | What | Before | After |", "|---|---|---|---|"]
        lines += rows
    lines += _long_blocks(long)
    return "\n".join(lines) + "\n"


def _fields_json(fields: dict[str, tuple[Any, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for name, (before, after) in fields.items():
        result[name] = {"before": before, "after": after}
        if _looks_same(_plain(before), _plain(after)):
            result[name]["looks_the_same"] = True  # only the code points differ
    return result


def _records_json(records: RecordsDiff) -> dict[str, Any]:
    return {
        "added": [k for k, _ in records.added],
        "removed": [k for k, _ in records.removed],
        "changed": [{"key": c.key, "fields": _fields_json(c.fields)} for c in records.changed],
    }


def _history_json(item: HistoryChange) -> dict[str, Any]:
    return {
        "change": item.change,
        "before": item.before.model_dump(mode="json"),
        "after": item.after.model_dump(mode="json") if item.after else None,
    }


def json_text(diff: CatalogueDiff) -> str:
    return to_json(
        {
            "base": diff.base,
            "head": diff.head,
            "errors": {"base": diff.base_errors, "head": diff.head_errors},
            "not_compared": diff.not_compared,
            "history_rewritten": bool(diff.history_rewritten),
            "added": [a.id for a in diff.added],
            "removed": [a.id for a in diff.removed],
            "changed": [
                {
                    "id": c.id,
                    "title": c.title,
                    "fields": _fields_json(c.fields),
                    "links_added": c.links_added,
                    "links_removed": c.links_removed,
                    "progress_added": [e.model_dump(mode="json") for e in c.progress_added],
                    "history_rewritten": [_history_json(h) for h in c.history],
                }
                for c in diff.changed
            ],
            "goals": _records_json(diff.goals),
            "qualities": _records_json(diff.qualities),
            "strategy": {"fields": _fields_json(diff.strategy.fields)} if diff.strategy else None,
            "accepted": {
                "added": [e.model_dump(mode="json") for e in diff.accepted_added],
                "removed": [e.model_dump(mode="json") for e in diff.accepted_removed],
            },
        }
    )

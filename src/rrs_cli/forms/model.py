"""A progress round's forms as data: who gets which rows, and what the form carries hidden.

Pure data, no spreadsheet library: the writers (``write_xlsx``, ``write_ods``)
lay a :class:`Form` out, the reader (``read``) gives rows back, and the check
(``check``) compares them with the catalogue.

Each form carries, on a hidden sheet, the round, the catalogue's revision, and
for each row the action id, a fingerprint of that action's progress log and a
hash of the row's read-only cells; ``digest`` is the SHA-256 of all of it. The
digest is also recorded in the catalogue's ``rounds.yaml`` when the forms are
made, so a form whose hidden data was changed, or that was made from another
catalogue or for another round, matches nothing recorded and is refused.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..catalogue import Catalogue
from ..graph import LinkGraph
from ..i18n import Language, language, status_label, text
from ..models import Action, ProgressEntry, Status, action_sort_key
from ..query import ActionFilter, fold
from ..report import form_owner_groups

FORM_VERSION = "1"
HIDDEN_SHEET = "rrs"
FORMATS = ("xlsx", "ods")

# Columns of the actions sheet: A-G read-only (what the catalogue says), H-K to fill.
READ_ONLY = ("id", "title", "baseline", "current", "last_update", "end_of_term", "last_note")
TO_FILL = ("new_status", "date", "note", "by")
COLUMNS = READ_ONLY + TO_FILL
FIRST_ROW = 2  # row 1 holds the headings

# A read-only cell's text is cut here: a spreadsheet cell holds at most 32,767
# characters, and the form only reminds the owner of the last note.
MAX_SHOWN_CHARS = 2000

# Characters no spreadsheet cell can hold (XML 1.0 forbids them; a lone
# surrogate cannot even be encoded).
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: str) -> str:
    """``value`` with every character XML cannot hold replaced by U+FFFD."""
    return _NOT_IN_XML.sub("\ufffd", value)


def hidden_text(value: str) -> str:
    """Text for the hidden sheet, the same after any reader: XML-safe, and its
    whitespace (which XML and OpenDocument normalise) made single spaces."""
    return " ".join(cell_text(value, 10_000).split())


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_name(column: int, row: int) -> str:
    """A spreadsheet cell name: column 0-based, row 1-based (``E7``)."""
    return f"{column_letter(column)}{row}"


def headings(lang: Language, year: int | None, as_of: date) -> list[str]:
    """The actions sheet's headings, in the form's language."""
    shown_year = str(year) if year else "—"
    return [
        text("forms.col.id", lang),
        text("forms.col.title", lang),
        text("forms.col.baseline", lang, year=shown_year),
        text("forms.col.current", lang, date=as_of.isoformat()),
        text("forms.col.last_update", lang),
        text("forms.col.end_of_term", lang),
        text("forms.col.last_note", lang),
        text("forms.col.new_status", lang),
        text("forms.col.date", lang),
        text("forms.col.note", lang),
        text("forms.col.by", lang),
    ]


def status_words(lang: Language) -> list[str]:
    """The statuses as the drop-down lists them, in the form's language."""
    return [status_label(status, lang) for status in Status]


def cell_text(value: str, limit: int = MAX_SHOWN_CHARS) -> str:
    """Catalogue text as a spreadsheet can hold it: characters XML forbids become
    U+FFFD, and long text is cut with an ellipsis."""
    cleaned = xml_safe(value)
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


@dataclass(frozen=True)
class FormRow:
    """One action on a form: what the owner sees in the read-only cells."""

    action_id: str
    title: str
    baseline: str
    current: str
    last_update: date | None
    end_of_term: date | None
    open_term: str  # shown when end_of_term is None
    last_note: str
    fingerprint: str

    def read_only_values(self) -> list[str | date | None]:
        """Cells A-G as written (a date stays a date cell)."""
        end: str | date = self.end_of_term if self.end_of_term else self.open_term
        return [
            self.action_id,
            self.title,
            self.baseline,
            self.current,
            self.last_update,
            end,
            self.last_note,
        ]

    @property
    def row_hash(self) -> str:
        return row_hash(self.read_only_values())


def canonical(value: object) -> str:
    """A cell's value as the row hash sees it, the same after any client saved it.

    Dates as ISO dates, numbers without a trailing ``.0``, text with its
    whitespace runs (line ends included) made one space and NFC-normalised.
    """
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return " ".join(unicodedata.normalize("NFC", str(value)).split())


def row_hash(values: Sequence[object]) -> str:
    """A short hash of a row's read-only cells, to tell a changed protected cell."""
    joined = "\x1f".join(canonical(v) for v in values)
    return hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def log_fingerprint(log: Sequence[ProgressEntry]) -> str:
    """A short hash of a progress log: any added, changed or removed entry changes it."""
    entries = [[e.date.isoformat(), e.status.value, e.note, e.by or ""] for e in log]
    data = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True)
class HiddenData:
    """What a form carries on its hidden sheet."""

    round: str
    revision: str
    made: date
    as_of: date
    owner: str
    language: str
    sheet: str  # the name of the actions sheet
    catalogue: str  # the strategy's name, to name the catalogue a stray form was made from
    rows: tuple[tuple[str, str, str], ...]  # (action id, log fingerprint, row hash)
    version: str = FORM_VERSION

    def digest(self) -> str:
        data = [
            self.version,
            self.round,
            self.revision,
            self.made.isoformat(),
            self.as_of.isoformat(),
            self.owner,
            self.language,
            self.sheet,
            self.catalogue,
            [list(row) for row in self.rows],
        ]
        encoded = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(encoded.encode("utf-8", "surrogatepass")).hexdigest()

    def cells(self) -> list[list[str]]:
        """The hidden sheet, row by row: key/value lines, then one line per form row."""
        return [
            ["rrs-form", self.version],
            ["round", self.round],
            ["revision", self.revision],
            ["made", self.made.isoformat()],
            ["as_of", self.as_of.isoformat()],
            ["owner", self.owner],
            ["language", self.language],
            ["sheet", self.sheet],
            ["catalogue", self.catalogue],
            ["digest", self.digest()],
            ["rows", str(len(self.rows))],
            *[list(row) for row in self.rows],
        ]


HIDDEN_KEYS = (
    "rrs-form",
    "round",
    "revision",
    "made",
    "as_of",
    "owner",
    "language",
    "sheet",
    "catalogue",
    "digest",
    "rows",
)


@dataclass
class Form:
    """One owner's form."""

    owner: str  # the owner's display name ("" for actions without an owner)
    stem: str  # the file name without its extension
    title: str  # the owner as the form names it
    rows: list[FormRow]
    hidden: HiddenData
    lang: Language
    strategy: str
    as_of: date
    year: int | None
    due: date | None = None
    contact: str = ""
    file_format: str = "xlsx"

    @property
    def action_ids(self) -> list[str]:
        return [row.action_id for row in self.rows]


@dataclass
class Round:
    """The forms of one round, as made (before anything is written)."""

    name: str
    made: date
    as_of: date
    due: date | None
    revision: str
    forms: list[Form] = field(default_factory=list)


def default_round_name(day: date) -> str:
    """``2026-Q4`` for a day in October to December 2026."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def form_row(action: Action, catalogue: Catalogue, as_of: date, lang: Language) -> FormRow:
    strategy = catalogue.strategy
    log = [e for e in action.progress if e.date <= as_of]
    last = max(log, key=lambda e: e.date) if log else None
    return FormRow(
        action_id=action.id,
        title=cell_text(action.title),
        baseline=status_label(action.status, lang),
        current=status_label(action.status_on(as_of), lang),
        last_update=last.date if last else None,
        end_of_term=strategy.horizon(action.term),
        open_term=text("forms.open_term", lang),
        last_note=cell_text(last.note) if last else "",
        fingerprint=log_fingerprint(action.progress),
    )


_SLUG_DROP = re.compile(r"[^a-z0-9]+")


def file_stem(owner: str, lang: Language, taken: set[str]) -> str:
    """A file name for an owner's form: plain letters and digits, unique in ``taken``."""
    base = _SLUG_DROP.sub("-", fold(owner).encode("ascii", "ignore").decode()).strip("-")
    base = base[:60].rstrip("-") or fold(text("forms.no_owner", lang)).replace(" ", "-")
    stem, number = base, 1
    while stem in taken:
        number += 1
        stem = f"{base}-{number}"
    taken.add(stem)
    return stem


def owner_selection(
    catalogue: Catalogue, actions: list[Action], owners: Sequence[str]
) -> list[tuple[str, list[Action]]]:
    """The owners (as the report groups them) and their actions, in name order.

    ``owners`` (``--owner``): only the owners one of whose actions `rrs list
    --owner` would find; each chosen owner's form holds all of its actions.
    """
    groups = form_owner_groups(actions, catalogue.strategy)
    if owners:
        chosen = {
            a.id
            for a in ActionFilter(owner=list(owners)).select(catalogue, LinkGraph.build(catalogue))
        }
        groups = [g for g in groups if any(a.id in chosen for a in g.actions)]
    return sorted(
        ((g.name, g.actions) for g in groups), key=lambda item: (item[0] == "", fold(item[0]))
    )


def make_round(
    catalogue: Catalogue,
    *,
    name: str,
    made: date,
    as_of: date,
    due: date | None,
    revision: str,
    owners: Sequence[str] = (),
) -> Round:
    """Every owner's form for a round (nothing is written here)."""
    lang = language(catalogue.strategy.language)
    strategy = catalogue.strategy
    result = Round(name, made, as_of, due, revision)
    taken: set[str] = set()
    for owner, actions in owner_selection(catalogue, list(catalogue.actions.values()), owners):
        ordered = sorted(actions, key=lambda a: action_sort_key(a.id))
        rows = [form_row(a, catalogue, as_of, lang) for a in ordered]
        title = owner or text("forms.no_owner", lang)
        hidden = HiddenData(
            round=name,
            revision=revision,
            made=made,
            as_of=as_of,
            owner=hidden_text(owner),
            language=lang,
            sheet=text("forms.sheet.actions", lang),
            catalogue=hidden_text(strategy.name),
            rows=tuple((r.action_id, r.fingerprint, r.row_hash) for r in rows),
        )
        result.forms.append(
            Form(
                owner=owner,
                stem=file_stem(title, lang, taken),
                title=cell_text(title, 500),
                rows=rows,
                hidden=hidden,
                lang=lang,
                strategy=cell_text(strategy.name, 500),
                as_of=as_of,
                year=strategy.year,
                due=due,
                contact=cell_text(strategy.contact or "", 500),
            )
        )
    return result


def catalogue_revision(root: Path) -> str:
    """A hash of the catalogue's content (strategy, goals, qualities, actions).

    Not the git commit: a round's own ``rounds.yaml`` and other commits would
    change that while the catalogue's content stays the same.
    """
    digest = hashlib.sha256()
    files = [root / n for n in ("strategy.yaml", "goals.yaml", "qualities.yaml")]
    actions = root / "actions"
    if actions.is_dir():
        files += sorted(p for p in actions.iterdir() if p.suffix in (".yaml", ".yml"))
    for path in files:
        if path.is_file() and not path.is_symlink():
            digest.update(path.relative_to(root).as_posix().encode("utf-8", "surrogateescape"))
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()[:16]


# Problems with a returned form, by stable code (JSON output and the docs use them).
PROBLEMS: dict[str, str] = {
    "FRM001": "not-a-workbook",
    "FRM002": "too-large",
    "FRM003": "unsafe-content",
    "FRM004": "formula",
    "FRM005": "not-a-form",
    "FRM006": "form-edited",
    "FRM007": "other-round",
    "FRM010": "bad-status",
    "FRM011": "bad-date",
    "FRM012": "bad-text",
    "FRM013": "nothing-to-record",
    "FRM014": "refused-by-catalogue",
    "FRM015": "duplicate-row",
}


@dataclass(frozen=True)
class Problem:
    """One problem with a returned form, located as ``file › sheet › cell``."""

    code: str
    message: str
    file: str
    sheet: str | None = None
    cell: str | None = None

    @property
    def where(self) -> str:
        return " › ".join(part for part in (self.file, self.sheet, self.cell) if part)

"""The progress report as a document: sections, paragraphs, lists, tables, charts.

:func:`rrs_cli.render.report_layout.layout` fills it, in the reader's
language; the Markdown renderer (``render/report.py``) and the HTML templates
(``report_body.html``, ``report_macros.html``, the site's report parts) draw
it. Text is plain and unescaped (catalogue text as written): each renderer
escapes it for its own format. Every text is one line. A line of interface
text with catalogue text in it ("Flywheel action A: <title>") also comes as
:class:`Run` pieces, so that HTML can tag the catalogue's part with its language.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar, Literal

from ..i18n import Language


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of a line: catalogue text in another language than the report's
    (``lang``, e.g. "nl" in an English report), or the report's own text."""

    text: str
    lang: str = ""


def fill(template: str, fields: Mapping[str, object]) -> tuple[Run, ...]:
    """An interface string's ``template`` with its placeholders filled in, as runs: a
    field given as a :class:`Run` or a tuple of runs keeps its runs (and their
    language); any other field is formatted as :meth:`str.format` would."""
    formatter = string.Formatter()
    runs: list[Run] = []

    def add(run: Run) -> None:
        if runs and runs[-1].lang == run.lang:
            runs[-1] = Run(runs[-1].text + run.text, run.lang)
        elif run.text:
            runs.append(run)

    for literal, name, spec, conversion in formatter.parse(template):
        add(Run(literal))
        if name is None:
            continue
        value = fields[name]
        if isinstance(value, Run):
            value = (value,)
        if isinstance(value, tuple) and all(isinstance(piece, Run) for piece in value):
            for piece in value:
                add(piece)
        else:
            value = formatter.convert_field(value, conversion)
            add(Run(formatter.format_field(value, spec or "")))
    return tuple(runs)


def plain(runs: tuple[Run, ...]) -> str:
    """The runs as one line of plain text (Markdown, headings of a split report)."""
    return "".join(run.text for run in runs)


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell. ``lead`` is shown in bold before ``text`` (an action's id before
    its title); ``action`` names the action the cell stands for (the site links it).
    A cell is one line in every format: the layout passes catalogue text through
    :func:`one_line` (not done here: a large report has hundreds of thousands of cells)."""

    text: str = ""
    lead: str = ""
    strong: bool = False
    number: bool = False
    day: date | None = None  # the cell is this date (``text`` is how it is written)
    action: str | None = None
    ids: tuple[str, ...] = ()  # a list of action ids (``text``: what to show for none)
    gap: bool = False  # a count of nothing where something could be (coverage)
    # The language of catalogue text in a report of another language ("nl" in an
    # English report): HTML tags the cell with it, so it is read as Dutch.
    lang: str = ""


@dataclass(frozen=True, slots=True)
class Column:
    label: str
    number: bool = False
    role: str = ""  # what the column holds (id, date, status, term, ...): its printed width

    def __post_init__(self) -> None:
        object.__setattr__(self, "label", one_line(self.label))


@dataclass(frozen=True)
class Table:
    shape: ClassVar[str] = "table"

    kind: str  # what the table lists, also its HTML class: counts, actions, owners, ...
    columns: list[Column]
    rows: list[list[Cell]]
    total: list[Cell] | None = None  # a totals row, drawn apart from the rows
    row_header: int = 0  # the cell that names its row
    title: str = ""  # a table's own heading inside a group (a flywheel action)
    title_runs: tuple[Run, ...] = ()  # ``title`` in runs when part of it is tagged
    wide: bool = False  # may be wider than the page on a small screen (scrolls there)


@dataclass(frozen=True)
class Paragraph:
    shape: ClassVar[str] = "paragraph"

    text: str
    style: Literal["", "caption", "note", "tagline"] = ""
    ids: tuple[str, ...] = ()  # actions listed after the text, each by its id
    lang: str = ""  # as Cell.lang: the text is the catalogue's, in another language
    runs: tuple[Run, ...] = ()  # ``text`` in runs when part of it is tagged

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", one_line(self.text))


@dataclass(frozen=True)
class Bullets:
    shape: ClassVar[str] = "bullets"

    items: list[str]


@dataclass(frozen=True)
class Chart:
    """The numbers of the table before it, drawn (Mermaid pie, SVG bars)."""

    shape: ClassVar[str] = "chart"

    id: str
    title: str
    items: list[tuple[str, int]]


@dataclass(frozen=True)
class TableGroup:
    """Tables of the same columns, each under its own ``title`` (one per flywheel action)."""

    shape: ClassVar[str] = "group"

    tables: list[Table]


Block = Paragraph | Bullets | Table | Chart | TableGroup


@dataclass(frozen=True)
class Section:
    shape: ClassVar[str] = "section"

    id: str
    level: int  # 2 for the report's parts, 3 and 4 below them
    title: str
    blocks: list[Block | Section] = field(default_factory=list)
    kind: str = ""  # "goal": one goal's actions

    def __post_init__(self) -> None:
        object.__setattr__(self, "title", one_line(self.title))

    @property
    def subsections(self) -> list[Section]:
        return [b for b in self.blocks if isinstance(b, Section)]


@dataclass(frozen=True)
class Document:
    lang: Language
    title: str
    meta: list[str]  # the header line: reference date, period, scope
    notes: list[str]  # lines under it: the baseline, the catalogue's version, the contact
    sections: list[Section]
    footer: str  # what each printed page repeats at its foot (with its page number)
    page_of: str  # "page {page} of {pages}" in the reader's language


def one_line(text: str) -> str:
    """``text`` on one line: every line break (of any kind) and run of spaces one space."""
    if text.isprintable() and "  " not in text and text == text.strip():
        return text  # the common case, checked in C
    return " ".join(text.split())

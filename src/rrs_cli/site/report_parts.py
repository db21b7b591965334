"""The site's report in parts, for catalogues too large for one page.

Up to :data:`REPORT_SPLIT` actions the site's report page is the whole report,
as ``rrs report --format html`` writes it. Above that, its two long parts (the
goal sections, one table per flywheel, and the appendix) would make a page of
megabytes (8.5 MB at 10,000 actions), so they move into numbered pages
``report/goals-N.html`` and ``report/appendix-N.html`` of at most
:data:`PART_ROWS` table rows each; the report page keeps everything else and
lists the parts. A table longer than a part continues in the next one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..render.report_document import Document, Paragraph, Run, Section, Table, TableGroup
from ..report import Report

# More actions than this: the goal sections and the appendix go into parts.
REPORT_SPLIT = 1000
# Table rows per part (about 150-400 bytes each: a part stays well under 1 MB).
PART_ROWS = 1000


@dataclass(frozen=True)
class Block:
    """One table of the report's layout (or a piece of one), or the line that stands
    for an empty one, under its section's heading."""

    section_id: str  # anchor of the section heading in the part
    section: str  # the section's heading (a goal's name, an appendix table's name)
    table: Table | None = None
    paragraph: Paragraph | None = None  # shown instead of a table ("None.", "No actions.")
    title: str = ""  # the table's own heading (a flywheel), if any
    title_runs: tuple[Run, ...] = ()  # the heading in runs, when part of it is tagged
    note: str = ""  # a line under the section heading (a goal's tagline, a caption)
    note_style: str = ""
    note_lang: str = ""  # the note is catalogue text in another language (a tagline)
    section_start: bool = True  # False: the section began in an earlier part
    continued: bool = False  # the table began in an earlier part

    @property
    def size(self) -> int:
        return len(self.table.rows) if self.table else 1


@dataclass(frozen=True)
class Part:
    kind: str  # "goals" or "appendix"
    number: int
    total: int
    blocks: list[Block]

    @property
    def title_key(self) -> str:
        """The i18n key of the part's title ("Goals, part 2 of 12")."""
        return {"goals": "site.report.part_goals", "appendix": "site.report.part_appendix"}[
            self.kind
        ]

    @property
    def path(self) -> str:
        return part_path(self.kind, self.number)

    @property
    def sections(self) -> list[Block]:
        """The first block of each section in this part (for the list of parts)."""
        firsts: list[Block] = []
        for block in self.blocks:
            if not firsts or firsts[-1].section_id != block.section_id:
                firsts.append(block)
        return firsts


def part_path(kind: str, number: int) -> str:
    return f"report/{kind}-{number}.html"


def is_split(report: Report) -> bool:
    return len(report.actions) > REPORT_SPLIT


def report_parts(report: Report, document: Document) -> dict[str, list[Part]]:
    """The report's goal sections and appendix as parts (empty lists: not split)."""
    if not is_split(report):
        return {"goals": [], "appendix": []}
    sections = {section.id: section for section in document.sections}
    return {
        kind: _pack(kind, [b for s in sections[f"rrs-{kind}"].subsections for b in _blocks(s)])
        for kind in ("goals", "appendix")
    }


def _blocks(section: Section) -> list[Block]:
    """One section of the layout as blocks: a block per table, or per line standing for
    one ("No actions."); a tagline, or a line before a table, is the section's note."""
    items = [
        item
        for block in section.blocks
        for item in (block.tables if isinstance(block, TableGroup) else [block])
    ]
    has_table = any(isinstance(item, Table) for item in items)
    notes = [
        item
        for item in items
        if isinstance(item, Paragraph) and (item.style == "tagline" or has_table)
    ]
    blocks: list[Block] = []
    for item in items:
        if isinstance(item, Table):
            blocks.append(
                Block(
                    section.id,
                    section.title,
                    table=item,
                    title=item.title,
                    title_runs=item.title_runs,
                )
            )
        elif isinstance(item, Paragraph) and not any(item is note for note in notes):
            blocks.append(Block(section.id, section.title, paragraph=item))
    if not notes:
        return blocks
    note = notes[0]
    return [replace(b, note=note.text, note_style=note.style, note_lang=note.lang) for b in blocks]


def _pieces(block: Block) -> list[Block]:
    """``block`` cut into tables of at most PART_ROWS rows."""
    table = block.table
    if table is None or len(table.rows) <= PART_ROWS:
        return [block]
    return [
        replace(
            block,
            table=replace(table, rows=table.rows[start : start + PART_ROWS]),
            continued=start > 0,
        )
        for start in range(0, len(table.rows), PART_ROWS)
    ]


def _pack(kind: str, blocks: list[Block]) -> list[Part]:
    """Blocks in order, into parts of at most PART_ROWS rows (a block is never split
    unless it alone is longer than a part)."""
    groups: list[list[Block]] = [[]]
    rows = 0
    started: set[str] = set()
    for block in blocks:
        for piece in _pieces(block):
            size = piece.size
            if groups[-1] and rows + size > PART_ROWS:
                groups.append([])
                rows = 0
            if piece.section_id in started:
                piece = replace(piece, section_start=False)
            started.add(piece.section_id)
            groups[-1].append(piece)
            rows += size
    filled = [group for group in groups if group]
    return [Part(kind, n, len(filled), group) for n, group in enumerate(filled, 1)]

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
from typing import Any

from ..i18n import Language, text
from ..report import Report

# More actions than this: the goal sections and the appendix go into parts.
REPORT_SPLIT = 1000
# Table rows per part (about 150-400 bytes each: a part stays well under 1 MB).
PART_ROWS = 1000


@dataclass(frozen=True)
class Block:
    """One table (or a piece of one) of a part, under its section's heading."""

    section_id: str  # anchor of the section heading in the part
    section: str  # the section's heading (a goal's name, an appendix table's name)
    kind: str  # "actions", "none", "overdue", "stale", "owners", "funders"
    items: list[Any]
    title: str = ""  # the table's own heading (a flywheel), if any
    note: str = ""  # a line under the section heading (a goal's tagline)
    section_start: bool = True  # False: the section began in an earlier part
    continued: bool = False  # the table began in an earlier part


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


def report_parts(report: Report, lang: Language) -> dict[str, list[Part]]:
    """The report's goal sections and appendix as parts (empty lists: not split)."""
    if not is_split(report):
        return {"goals": [], "appendix": []}
    return {
        "goals": _pack("goals", _goal_blocks(report, lang)),
        "appendix": _pack("appendix", _appendix_blocks(report, lang)),
    }


def _goal_name(report: Report, lang: Language, index: int) -> str:
    goal = report.sections[index].goal
    name = goal.name_nl if lang == "nl" else goal.name_en
    return text("report.goal_name", lang, number=goal.number, name=name)


def _goal_blocks(report: Report, lang: Language) -> list[Block]:
    blocks: list[Block] = []
    for index, section in enumerate(report.sections):
        section_id = f"goal-{section.goal.key}"
        name = _goal_name(report, lang, index)
        note = section.goal.tagline or ""
        if not section.flywheels and not section.unattached:
            blocks.append(Block(section_id, name, "none", [], note=note))
        for flywheel, connected in section.flywheels:
            title = text("report.flywheel_heading", lang, id=flywheel.id, title=flywheel.title)
            items = [flywheel, *connected]
            blocks.append(Block(section_id, name, "actions", items, title=title, note=note))
        if section.unattached:
            title = text("report.unattached", lang)
            items = section.unattached
            blocks.append(Block(section_id, name, "actions", items, title=title, note=note))
    if report.cross_cutting:
        title = text("report.cross_cutting", lang)
        blocks.append(Block("cross-cutting", title, "actions", report.cross_cutting, title=title))
    return blocks


def _appendix_blocks(report: Report, lang: Language) -> list[Block]:
    return [
        Block("overdue", text("report.appendix.overdue", lang), "overdue", report.overdue),
        Block("stale", text("report.appendix.stale", lang), "stale", report.stale),
        Block("owners", text("report.appendix.owners", lang), "owners", report.owners),
        Block(
            "funding",
            text("report.appendix.funding", lang),
            "funders",
            report.funders,
            note=text("report.funding.note", lang),
        ),
    ]


def _pieces(block: Block) -> list[Block]:
    """``block`` cut into tables of at most PART_ROWS rows."""
    if len(block.items) <= PART_ROWS:
        return [block]
    return [
        replace(block, items=block.items[start : start + PART_ROWS], continued=start > 0)
        for start in range(0, len(block.items), PART_ROWS)
    ]


def _pack(kind: str, blocks: list[Block]) -> list[Part]:
    """Blocks in order, into parts of at most PART_ROWS rows (a block is never split
    unless it alone is longer than a part)."""
    groups: list[list[Block]] = [[]]
    rows = 0
    started: set[str] = set()
    for block in blocks:
        for piece in _pieces(block):
            size = max(len(piece.items), 1)
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

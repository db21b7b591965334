"""The choices of the command line's --format options and arguments.

Kept apart from the renderers so that the CLI can declare its options
without importing rich or the catalogue models at start-up.
"""

from __future__ import annotations

from enum import StrEnum


class ListFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"
    CSV = "csv"


class ShowFormat(StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"
    JSON = "json"


class LinksFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


class ProgressFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


class GraphFormat(StrEnum):
    MERMAID = "mermaid"
    DOT = "dot"


class FindingsFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


class ExportFormat(StrEnum):
    JSON = "json"


class DiffFormat(StrEnum):
    MARKDOWN = "markdown"
    JSON = "json"


class ReportFormat(StrEnum):
    MARKDOWN = "markdown"
    JSON = "json"
    HTML = "html"


class LanguageChoice(StrEnum):
    NL = "nl"
    EN = "en"


class SchemaTarget(StrEnum):
    ACTION = "action"
    GOALS = "goals"
    QUALITIES = "qualities"
    ACCEPTED = "accepted"
    ROUNDS = "rounds"


class WhereFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


class FormFormat(StrEnum):
    XLSX = "xlsx"
    ODS = "ods"

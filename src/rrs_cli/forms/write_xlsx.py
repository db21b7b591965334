"""A form as an Office Open XML workbook (``.xlsx``), written with XlsxWriter.

XlsxWriter writes only (it never reads a file), is fast (about 2 ms a form)
and its output is compared with Excel's own in its test suite. Every value is
written with ``write_string`` or ``write_datetime``: catalogue text that starts
with ``=`` stays text, never a formula.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from typing import Any

from ..i18n import format_date, text
from .model import COLUMNS, FIRST_ROW, HIDDEN_SHEET, READ_ONLY, Form, headings, status_words

WIDTHS = (8, 48, 18, 18, 14, 14, 40, 18, 13, 48, 22)
DATE_FORMAT = "yyyy-mm-dd"
GREY = "#E7E6E6"


def form_xlsx(form: Form) -> bytes:
    """The workbook's bytes."""
    import xlsxwriter  # type: ignore[import-untyped]

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    book.set_properties({"title": text("forms.title", form.lang, round=form.hidden.round)})
    styles = _styles(book)
    _instructions(book, form, styles)
    _actions(book, form, styles)
    _hidden(book, form)
    book.close()
    return buffer.getvalue()


def _styles(book: Any) -> dict[str, Any]:
    wrap = {"text_wrap": True, "valign": "top"}
    return {
        "title": book.add_format({"bold": True, "font_size": 14}),
        "heading": book.add_format({"bold": True, "font_size": 12}),
        "para": book.add_format(wrap),
        "head": book.add_format({"bold": True, "bg_color": GREY, "border": 1, **wrap}),
        "ro": book.add_format({"bg_color": GREY, "border": 1, **wrap}),
        "ro_date": book.add_format(
            {"bg_color": GREY, "border": 1, "num_format": DATE_FORMAT, **wrap}
        ),
        "fill": book.add_format({"locked": False, "border": 1, **wrap}),
        "fill_date": book.add_format({"locked": False, "border": 1, "num_format": DATE_FORMAT}),
    }


def instruction_lines(form: Form) -> list[tuple[str, str]]:
    """The instruction sheet's lines: (style, text); shared with the ODS writer."""
    lang = form.lang
    due = format_date(form.due, lang) if form.due else None
    contact = form.contact or text("forms.when.sender", lang)
    when = (
        text("forms.when.due", lang, due=due, contact=contact)
        if due
        else text("forms.when.soon", lang, contact=contact)
    )
    sheet = text("forms.sheet.actions", lang)
    return [
        ("title", text("forms.title", lang, round=form.hidden.round)),
        ("heading", text("forms.for", lang, owner=form.title)),
        ("para", ""),
        (
            "para",
            text(
                "forms.intro",
                lang,
                strategy=form.strategy,
                sheet=sheet,
                count=len(form.rows),
                as_of=format_date(form.as_of, lang),
            ),
        ),
        ("para", ""),
        ("heading", text("forms.what.heading", lang)),
        ("para", "• " + text("forms.what.status", lang, statuses=", ".join(status_words(lang)))),
        ("para", "• " + text("forms.what.date", lang)),
        ("para", "• " + text("forms.what.note", lang)),
        ("para", "• " + text("forms.what.by", lang)),
        ("para", text("forms.what.empty", lang)),
        ("para", ""),
        ("heading", text("forms.use.heading", lang)),
        ("para", text("forms.use.text", lang)),
        ("para", ""),
        ("heading", text("forms.when.heading", lang)),
        ("para", when),
        ("para", text("forms.keep", lang, format=form.file_format.upper())),
    ]


def _instructions(book: Any, form: Form, styles: dict[str, Any]) -> None:
    sheet = book.add_worksheet(text("forms.sheet.instructions", form.lang))
    sheet.set_column(0, 0, 100)
    for row, (style, line) in enumerate(instruction_lines(form)):
        if line:
            sheet.write_string(row, 0, line, styles[style])
    sheet.protect("", {"select_locked_cells": True, "select_unlocked_cells": True})
    sheet.activate()


def _actions(book: Any, form: Form, styles: dict[str, Any]) -> None:
    lang = form.lang
    sheet = book.add_worksheet(text("forms.sheet.actions", lang))
    for column, width in enumerate(WIDTHS):
        sheet.set_column(column, column, width)
    for column, heading in enumerate(headings(lang, form.year, form.as_of)):
        sheet.write_string(0, column, heading, styles["head"])
    sheet.freeze_panes(1, 1)
    for offset, row in enumerate(form.rows):
        number = FIRST_ROW - 1 + offset
        for column, value in enumerate(row.read_only_values()):
            _write(sheet, number, column, value, styles)
        for column in range(len(READ_ONLY), len(COLUMNS)):
            style = styles["fill_date"] if COLUMNS[column] == "date" else styles["fill"]
            sheet.write_blank(number, column, None, style)
    if form.rows:
        last = FIRST_ROW - 2 + len(form.rows)
        status_column = COLUMNS.index("new_status")
        date_column = COLUMNS.index("date")
        sheet.data_validation(
            FIRST_ROW - 1,
            status_column,
            last,
            status_column,
            {
                "validate": "list",
                "source": status_words(lang),
                "error_title": text("forms.valid.title", lang),
                "error_message": text("forms.valid.status", lang),
            },
        )
        sheet.data_validation(
            FIRST_ROW - 1,
            date_column,
            last,
            date_column,
            {
                "validate": "date",
                "criteria": "between",
                "minimum": datetime(1900, 1, 1),
                "maximum": datetime(2999, 12, 31),
                "error_title": text("forms.valid.title", lang),
                "error_message": text("forms.valid.date", lang, example=form.as_of.isoformat()),
                "input_title": text("forms.col.date", lang),
                "input_message": text("forms.valid.date", lang, example=form.as_of.isoformat()),
            },
        )
    sheet.protect(
        "",
        {
            "select_locked_cells": True,
            "select_unlocked_cells": True,
            "format_columns": True,
            "format_rows": True,
        },
    )


def _write(sheet: Any, row: int, column: int, value: str | date | None, styles: Any) -> None:
    if isinstance(value, date):
        sheet.write_datetime(
            row, column, datetime(value.year, value.month, value.day), styles["ro_date"]
        )
    elif value:
        sheet.write_string(row, column, value, styles["ro"])
    else:
        sheet.write_blank(row, column, None, styles["ro"])


def _hidden(book: Any, form: Form) -> None:
    sheet = book.add_worksheet(HIDDEN_SHEET)
    for row, values in enumerate(form.hidden.cells()):
        for column, value in enumerate(values):
            sheet.write_string(row, column, value)
    sheet.protect()
    sheet.hide()

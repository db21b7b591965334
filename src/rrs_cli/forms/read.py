"""Reading returned forms (``.xlsx``, ``.ods``, ``.csv``) without trusting them.

Forms come back by e-mail from outside the organisation, so nothing in them is
believed before it is measured. Every limit is checked before the values are
parsed:

* the file and its container: see ``forms/container.py`` (size, type, zip
  limits, macros, links, document type declarations, formulas, cell sizes,
  rows and columns);
* only then python-calamine (Rust, no entity expansion either) reads the two
  sheets' values.

Every problem is a :class:`Problem` located as ``file › sheet › cell``.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import Any

import python_calamine

from ..parallel import in_two
from ..textsafety import visible
from .container import (
    _OLE,
    _ZIP,
    MACRO_SUFFIXES,
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_FORM_BYTES,
    MAX_ROWS,
    ReadForm,
    _read_zip,
    _Refused,
)
from .model import COLUMNS, HIDDEN_KEYS, HIDDEN_SHEET, HiddenData, cell_name

# From this many forms on, a forked worker reads half of them (parallel.in_two): a
# form takes a millisecond or two to check and read, a round of 2,000 owners seconds.
PARALLEL_FROM = 64


def read_forms(paths: list[Path]) -> list[ReadForm]:
    """Every returned form, read as :func:`read_form` reads one (named as given)."""
    return in_two(_read_all, paths, least=PARALLEL_FROM)


def _read_all(paths: list[Path]) -> list[ReadForm]:
    return [read_form(path, str(path)) for path in paths]


def read_form(path: Path, shown: str | None = None) -> ReadForm:
    """Read one returned form; never raises for bad content (see ``problems``)."""
    name = visible(shown or path.name)
    suffix = path.suffix.lower()
    form = ReadForm(path, name, suffix.lstrip(".") or "?")
    try:
        data = _read_bytes(path, suffix)
        if data.startswith(_ZIP):
            _values(form, data, _read_zip(form, data))
        elif data.startswith(_OLE):
            raise _Refused(
                "FRM003",
                "the file is password-protected (encrypted) or an old binary .xls workbook; "
                "ask for it again without a password, saved as .xlsx or .ods",
            )
        elif suffix == ".csv":
            form.kind = "csv"
            _read_csv(form, data)
        else:
            raise _Refused(
                "FRM001", f"not a workbook: {_what(data)}; rrs reads .xlsx, .ods and .csv"
            )
    except _Refused as refused:
        form.problem(refused.code, refused.message)
    return form


def _read_bytes(path: Path, suffix: str) -> bytes:
    if suffix in MACRO_SUFFIXES:
        raise _Refused(
            "FRM003",
            f"rrs does not read {suffix} files (they can hold macros, or are an old format); "
            "ask for the form as .xlsx or .ods",
        )
    try:
        info = path.stat()
    except OSError as error:
        raise _Refused("FRM001", f"cannot read the file: {error.strerror}") from None
    if not path.is_file():
        raise _Refused("FRM001", "not a file")
    if info.st_size > MAX_FORM_BYTES:
        raise _Refused(
            "FRM002",
            f"the file is {info.st_size / 1_048_576:.1f} MiB; a form is at most "
            f"{MAX_FORM_BYTES // 1_048_576} MiB",
        )
    try:
        with path.open("rb") as handle:
            return handle.read(MAX_FORM_BYTES + 1)
    except OSError as error:
        raise _Refused("FRM001", f"cannot read the file: {error.strerror}") from None


def _what(data: bytes) -> str:
    """A guess at what a file that is not a workbook is, from its first bytes."""
    head = data[:8]
    for magic, kind in (
        (b"%PDF", "a PDF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"{\\rtf", "an RTF document"),
    ):
        if head.startswith(magic):
            return f"it is {kind}"
    if not data:
        return "the file is empty"
    if data.lstrip()[:1] == b"<":
        return "it is an HTML or XML file"
    return "its content is not a zip container"


# --- values -----------------------------------------------------------------


def _values(form: ReadForm, data: bytes, sheets: list[str]) -> None:
    """Read the hidden sheet and the actions sheet with python-calamine."""
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        if HIDDEN_SHEET not in sheets:
            raise _Refused(
                "FRM005",
                "not a form made by rrs: it has no (hidden) sheet ‘rrs’; "
                "was it copied into another workbook?",
            )
        hidden = book.get_sheet_by_name(HIDDEN_SHEET).to_python(
            skip_empty_area=False, nrows=MAX_ROWS + 20
        )
        _hidden_data(form, hidden)
        if form.sheet not in sheets:
            raise _Refused("FRM005", f"the form has no sheet ‘{visible(form.sheet)}’ (renamed?)")
        rows = book.get_sheet_by_name(form.sheet).to_python(
            skip_empty_area=False, nrows=MAX_ROWS + 1
        )
    except _Refused:
        raise
    except Exception as error:  # the reader's own errors: a broken file
        raise _Refused(
            "FRM001",
            f"the workbook cannot be read ({type(error).__name__}: {visible(str(error))[:200]})",
        ) from None
    _take_rows(form, rows)


def _take_rows(form: ReadForm, rows: list[list[Any]]) -> None:
    width = len(COLUMNS)
    if rows:
        form.headings = list(rows[0][:width])
    for offset, cells in enumerate(rows[1:], start=2):
        values = [_plain(v) for v in cells[:width]]
        values += [None] * (width - len(values))
        if any(v not in (None, "") for v in values) or any(
            v not in (None, "") for v in cells[width:]
        ):
            form.rows.append((offset, values))
            for column, extra in enumerate(cells[width:], start=width):
                if extra not in (None, ""):
                    form.problem(
                        "FRM006",
                        "a value outside the form's columns; rrs reads columns A to "
                        f"{cell_name(width - 1, 1)[:-1]} only",
                        cell_name(column, offset),
                    )


def _plain(value: Any) -> Any:
    """A cell's value: text, a number, a date (or datetime), or None when empty."""
    if value == "":
        return None
    return value


def _hidden_data(form: ReadForm, rows: list[list[Any]]) -> None:
    cells = [[_text(v) for v in row[:3]] + [""] * (3 - len(row[:3])) for row in rows]
    keys = [row[0] for row in cells[: len(HIDDEN_KEYS)]]
    if keys != list(HIDDEN_KEYS):
        raise _Refused(
            "FRM006",
            "the form's hidden sheet ‘rrs’ was changed (its keys are not the ones rrs wrote)",
        )
    values = {row[0]: row[1] for row in cells[: len(HIDDEN_KEYS)]}
    count = values["rows"]
    if not count.isdigit() or int(count) != len(cells) - len(HIDDEN_KEYS):
        raise _Refused(
            "FRM006", "the form's hidden sheet ‘rrs’ was changed (rows added or removed)"
        )
    try:
        made, as_of = date.fromisoformat(values["made"]), date.fromisoformat(values["as_of"])
    except ValueError:
        raise _Refused("FRM006", "the form's hidden sheet ‘rrs’ was changed (a date)") from None
    form.sheet = values["sheet"]
    form.stored_digest = values["digest"]
    form.hidden = HiddenData(
        round=values["round"],
        revision=values["revision"],
        made=made,
        as_of=as_of,
        owner=values["owner"],
        language=values["language"],
        sheet=values["sheet"],
        catalogue=values["catalogue"],
        rows=tuple((r[0], r[1], r[2]) for r in cells[len(HIDDEN_KEYS) :]),
        version=values["rrs-form"],
    )


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


# --- CSV ---------------------------------------------------------------------


def _read_csv(form: ReadForm, data: bytes) -> None:
    """A CSV with the actions sheet's columns (as a spreadsheet saves that sheet)."""
    if b"\0" in data[:8192]:
        raise _Refused("FRM001", f"not a CSV file: {_what(data)}")
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # A spreadsheet in a Dutch or English locale saves CSV as Windows-1252.
        content = data.decode("cp1252", errors="replace")
    sample = content[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    csv.field_size_limit(MAX_CELL_CHARS + 1)
    rows: list[list[Any]] = []
    try:
        for number, row in enumerate(csv.reader(io.StringIO(content), delimiter=delimiter), 1):
            if number > MAX_ROWS:
                raise _Refused("FRM002", f"the file has more than {MAX_ROWS:,} rows")
            if len(row) > MAX_COLUMNS:
                raise _Refused(
                    "FRM002", f"row {number} has {len(row)} columns; a form has {len(COLUMNS)}"
                )
            rows.append([cell.strip() if cell.strip() else None for cell in row])
    except csv.Error as error:
        raise _Refused("FRM002", f"the CSV cannot be read: {error}") from None
    form.sheet = ""  # a CSV has one sheet: cells are located as file › cell
    _take_rows(form, rows)

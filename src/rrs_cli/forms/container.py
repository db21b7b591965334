"""The safety checks on a returned form's container, before any value is read.

Forms come back by e-mail from outside the organisation, so nothing in them is
believed before it is measured (``forms/read.py`` reads the values after these
checks):

* the file: a regular file of at most ``MAX_FORM_BYTES``; what it is comes
  from its first bytes, not its name (a renamed PDF is "not a workbook");
  ``.xlsm`` and other macro formats are refused by name and by content, a
  password-protected file (an OLE container) as what it is;
* the zip container: at most ``MAX_ENTRIES`` entries, each at most
  ``MAX_ENTRY_BYTES`` and all together at most ``MAX_TOTAL_BYTES`` when
  unpacked, counted while unpacking (a zip's stated sizes can lie), so a zip
  bomb stops within a few megabytes; encrypted entries, macros (``vbaProject``,
  ``Basic/``), external links and data connections are refused;
* the XML parts the reader uses are first streamed through expat with a
  handler that refuses any document type declaration, so no entity (internal
  or external) is ever defined, let alone expanded; the same pass finds
  formulas (an error for that cell: a formula is never evaluated), cells of
  more than ``MAX_CELL_CHARS`` characters, and any value beyond ``MAX_ROWS``
  rows or ``MAX_COLUMNS`` columns (a single value at ZZ200000 would otherwise
  make the parser allocate gigabytes for the empty cells before it);
* a part that is plainly safe on its bytes skips that pass (a round's import
  reads thousands of forms): UTF-8, nothing but elements and text (no ``<!``, no
  processing instruction but the XML declaration, so every ``<`` starts a tag),
  and for a sheet every cell referenced within the limits with no formula, for
  the shared texts every one shorter than a cell may hold, measured in bytes
  (``_plainly_safe``, ``_shared_string_lengths``). Anything else goes to expat,
  which finds and locates the problem.

A broken limit or rule raises :class:`_Refused`; a bad cell is a problem of the
:class:`ReadForm`.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.parsers import expat

from ..i18n import MESSAGES
from ..textsafety import visible
from .model import HIDDEN_SHEET, HiddenData, Problem, cell_name

MAX_FORM_BYTES = 20 * 1024 * 1024
MAX_ENTRIES = 300
MAX_ENTRY_BYTES = 16 * 1024 * 1024
MAX_TOTAL_BYTES = 64 * 1024 * 1024
MAX_ROWS = 50_000
MAX_COLUMNS = 64
MAX_CELL_CHARS = 32_767  # a spreadsheet cell's own limit
MAX_SHARED_STRINGS = 1_000_000
_CHUNK = 64 * 1024

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
MACRO_SUFFIXES = (".xlsm", ".xltm", ".xlsb", ".xlam", ".ots", ".xls", ".xlt")


@dataclass
class ReadForm:
    """A returned form as read: its hidden data, its rows' cells, and its problems."""

    path: Path
    name: str  # as messages show it
    kind: str  # "xlsx", "ods" or "csv"
    sheet: str = ""  # the actions sheet
    hidden: HiddenData | None = None
    stored_digest: str = ""
    headings: list[Any] = field(default_factory=list)
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)  # (row number, A..K)
    problems: list[Problem] = field(default_factory=list)

    def problem(self, code: str, message: str, cell: str | None = None, sheet: str = "") -> None:
        self.problems.append(
            Problem(code, message, self.name, sheet or (self.sheet if cell else None) or None, cell)
        )

    @property
    def fatal(self) -> bool:
        """Could the form not be read at all (rather than some of its cells)?"""
        return any(p.cell is None for p in self.problems)


class _Refused(Exception):
    """A limit or a rule the file breaks; the form is not read further."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


# --- the zip container ---------------------------------------------------


def _read_zip(form: ReadForm, data: bytes) -> list[str]:
    """Check the zip container and scan its parts; the names of its sheets."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as error:
        raise _Refused("FRM001", f"not a workbook: a broken zip container ({error})") from None
    if len(entries) > MAX_ENTRIES:
        raise _Refused(
            "FRM002", f"the file holds {len(entries)} parts; a form has at most {MAX_ENTRIES}"
        )
    names = {entry.filename for entry in entries}
    if any(entry.flag_bits & 0x1 for entry in entries):
        raise _Refused(
            "FRM003",
            "the file is password-protected (encrypted parts); ask for it again without a password",
        )
    stated = sum(entry.file_size for entry in entries)
    if stated > MAX_TOTAL_BYTES or any(e.file_size > MAX_ENTRY_BYTES for e in entries):
        raise _Refused(
            "FRM002",
            f"the file unpacks to {stated / 1_048_576:.0f} MiB (a zip bomb?); a form unpacks to "
            f"at most {MAX_TOTAL_BYTES // 1_048_576} MiB",
        )
    budget = _Budget()
    if "mimetype" in names and _entry(archive, "mimetype", budget).strip() == ODS_MIMETYPE:
        form.kind = "ods"
        _check_ods_parts(archive, names, budget)
        sheets = _scan_ods(form, archive, budget)
    elif "[Content_Types].xml" in names:
        form.kind = "xlsx"
        sheets = _scan_xlsx(form, archive, names, budget)
    else:
        raise _Refused("FRM001", "not a workbook: a zip file that is neither .xlsx nor .ods")
    return sheets


class _Budget:
    """How many unpacked bytes all parts read so far came to (a zip's sizes can lie)."""

    def __init__(self) -> None:
        self.total = 0

    def add(self, size: int, name: str) -> None:
        self.total += size
        if self.total > MAX_TOTAL_BYTES:
            raise _Refused(
                "FRM002",
                f"the file unpacks to more than {MAX_TOTAL_BYTES // 1_048_576} MiB "
                f"(at {visible(name)}; a zip bomb?)",
            )


def _chunks(archive: zipfile.ZipFile, name: str, budget: _Budget) -> Any:
    """The unpacked bytes of one part, in chunks, stopping at the limits."""
    size = 0
    try:
        with archive.open(name) as handle:
            while chunk := handle.read(_CHUNK):
                size += len(chunk)
                if size > MAX_ENTRY_BYTES:
                    raise _Refused(
                        "FRM002",
                        f"part {visible(name)} unpacks to more than "
                        f"{MAX_ENTRY_BYTES // 1_048_576} MiB (a zip bomb?)",
                    )
                budget.add(len(chunk), name)
                yield chunk
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as error:
        raise _Refused("FRM001", f"part {visible(name)} cannot be unpacked ({error})") from None


def _entry(archive: zipfile.ZipFile, name: str, budget: _Budget) -> bytes:
    return b"".join(_chunks(archive, name, budget))


def _parse(
    archive: zipfile.ZipFile,
    name: str,
    budget: _Budget,
    start: Callable[[str, dict[str, str]], None] | None = None,
    end: Callable[[str], None] | None = None,
    chars: Callable[[str], None] | None = None,
    *,
    data: bytes | None = None,
) -> None:
    """Stream one XML part through expat; a document type declaration is refused.
    ``data``: the part's bytes when they have been unpacked already."""
    parser = expat.ParserCreate(namespace_separator=" ")

    def refuse_doctype(*_: Any) -> None:
        raise _Refused(
            "FRM003",
            f"part {visible(name)} declares a document type (XML entities); rrs refuses it",
        )

    parser.StartDoctypeDeclHandler = refuse_doctype
    parser.EntityDeclHandler = refuse_doctype
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    if start:
        parser.StartElementHandler = start
    if end:
        parser.EndElementHandler = end
    if chars:
        parser.CharacterDataHandler = chars
    try:
        for chunk in _chunks(archive, name, budget) if data is None else (data,):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as error:
        reason = expat.errors.messages.get(error.code, str(error))
        raise _Refused(
            "FRM001", f"part {visible(name)} is not well-formed XML ({reason})"
        ) from None


def _plain_part(archive: zipfile.ZipFile, name: str, budget: _Budget) -> bytes:
    """A part whose content rrs does not need, only refused if it declares a document
    type. A declaration is the literal ``<!DOCTYPE`` in any ASCII-compatible
    encoding; a part in UTF-16 (or anything else) goes through expat instead."""
    data = _entry(archive, name, budget)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\0" in data[:64]:
        _parse(archive, name, budget, data=data)
    elif b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise _Refused(
            "FRM003",
            f"part {visible(name)} declares a document type (XML entities); rrs refuses it",
        )
    return data


def _local(tag: str) -> str:
    """An element's name without its namespace ("ns local" -> "local")."""
    # A part names a handful of elements thousands of times: each is split once.
    # A hostile part may name millions of different ones: the memo stays small.
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        if len(_LOCAL_NAMES) >= 512:
            _LOCAL_NAMES.clear()
        name = _LOCAL_NAMES[tag] = tag.rsplit(" ", 1)[-1]
    return name


_LOCAL_NAMES: dict[str, str] = {}


# --- OpenDocument ----------------------------------------------------------

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0 "
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0 "
_ODS_LINKS = {"table-source", "dde-source", "cell-range-source", "dde-links", "dde-link"}


def _check_ods_parts(archive: zipfile.ZipFile, names: set[str], budget: _Budget) -> None:
    if any(n.startswith(("Basic/", "Scripts/")) for n in names):
        raise _Refused("FRM003", "the file holds macros (Basic or scripts); rrs refuses it")
    manifest = "META-INF/manifest.xml"
    if manifest in names and b"encryption-data" in _plain_part(archive, manifest, budget):
        raise _Refused(
            "FRM003", "the file is password-protected; ask for it again without a password"
        )
    for part in ("styles.xml", "meta.xml", "settings.xml"):
        if part in names:
            _plain_part(archive, part, budget)  # to refuse entity tricks anywhere it is read


class _OdsScan:
    """One pass over content.xml: where the values are, and what must be refused."""

    def __init__(self, form: ReadForm) -> None:
        self.form = form
        self.table: str | None = None
        self.row = 0
        self.row_repeat = 1
        self.column = 0
        self.cell: tuple[int, int, bool] | None = None  # column, repeat, has a value
        self.chars = 0
        self.tables: list[str] = []
        self.hidden_rows: dict[int, list[str]] = {}
        self.hidden_text: list[str] = []

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        name = _local(tag)
        if name in _ODS_LINKS:
            raise _Refused(
                "FRM003", "the file links to other files or data sources; rrs refuses it"
            )
        if name == "table" and tag.startswith(_TABLE):
            self.table = attrs.get(_TABLE + "name", "")
            self.tables.append(self.table)
            self.row = 0
        elif name == "table-row" and self.table is not None:
            self.row_repeat = _count(attrs.get(_TABLE + "number-rows-repeated"))
            self.column = 0
        elif name in ("table-cell", "covered-table-cell") and self.table is not None:
            repeat = _count(attrs.get(_TABLE + "number-columns-repeated"))
            valued = (_OFFICE + "value-type") in attrs
            if (_TABLE + "formula") in attrs and _is_read(self.table):
                self.form.problem(
                    "FRM004",
                    "the cell holds a formula; rrs never evaluates formulas: type the value",
                    cell_name(self.column, self.row + 1),
                    self.table,
                )
            self.cell = (self.column, repeat, valued)
            self.chars = 0
            self.hidden_text = []

    def text(self, data: str) -> None:
        if self.cell is None:
            return
        self.chars += len(data)
        if self.table == HIDDEN_SHEET and self.chars <= MAX_CELL_CHARS:
            self.hidden_text.append(data)

    def end(self, tag: str) -> None:
        name = _local(tag)
        if name in ("table-cell", "covered-table-cell") and self.cell is not None:
            column, repeat, valued = self.cell
            self._cell_done(column, repeat, valued or self.chars > 0)
            self.column += repeat
            self.cell = None
        elif name == "p" and self.cell is not None:
            self.chars += 1  # a paragraph break is a character of the cell's text
            if self.table == HIDDEN_SHEET:
                self.hidden_text.append("\n")
        elif name == "table-row" and self.table is not None:
            self.row += self.row_repeat
        elif name == "table" and tag.startswith(_TABLE):
            self.table = None

    def _cell_done(self, column: int, repeat: int, filled: bool) -> None:
        if not filled or not _is_read(self.table or ""):
            return
        beyond = self.row + self.row_repeat > MAX_ROWS or column + repeat > MAX_COLUMNS
        if not beyond and self.chars <= MAX_CELL_CHARS:
            return  # the common case: nothing to say, no cell name to make
        where = cell_name(column, self.row + 1)
        if beyond:
            raise _Refused(
                "FRM002",
                f"sheet ‘{visible(self.table or '')}’ has values beyond row {MAX_ROWS:,} or "
                f"column {MAX_COLUMNS} (from {where}); a form is much smaller",
            )
        if self.chars > MAX_CELL_CHARS:
            self.form.problem(
                "FRM002",
                f"the cell holds {self.chars:,} characters; a cell holds at most "
                f"{MAX_CELL_CHARS:,}",
                where,
                self.table or "",
            )


def _count(value: str | None) -> int:
    if value is None:
        return 1
    if not value.isdigit() or len(value) > 9:
        raise _Refused("FRM001", f"a repeat count that is not a number: {visible(value[:20])}")
    return max(1, int(value))


def _scan_ods(form: ReadForm, archive: zipfile.ZipFile, budget: _Budget) -> list[str]:
    if "content.xml" not in {e.filename for e in archive.infolist()}:
        raise _Refused("FRM001", "not a workbook: the spreadsheet has no content part")
    scan = _OdsScan(form)
    _parse(archive, "content.xml", budget, scan.start, scan.end, scan.text)
    return scan.tables


# --- Office Open XML -------------------------------------------------------

_CELL_REF = re.compile(r"^([A-Z]{1,3})([0-9]{1,7})$")


def _column_number(letters: str) -> int:
    number = 0
    for char in letters:
        number = number * 26 + ord(char) - 64
    return number - 1


def _scan_xlsx(
    form: ReadForm, archive: zipfile.ZipFile, names: set[str], budget: _Budget
) -> list[str]:
    if "xl/vbaProject.bin" in names or any(n.startswith("xl/activeX") for n in names):
        raise _Refused("FRM003", "the file holds macros or ActiveX controls; rrs refuses it")
    if any(n.startswith("xl/externalLinks/") for n in names) or "xl/connections.xml" in names:
        raise _Refused(
            "FRM003", "the file links to other workbooks or data sources; rrs refuses it"
        )
    if b"macroEnabled" in _plain_part(archive, "[Content_Types].xml", budget):
        raise _Refused("FRM003", "the file is macro-enabled (.xlsm); rrs refuses it")
    sheets = _xlsx_sheets(archive, names, budget)
    lengths = _shared_string_lengths(archive, names, budget)
    for part in ("xl/styles.xml", "docProps/core.xml", "docProps/app.xml"):
        if part in names:
            _plain_part(archive, part, budget)  # to refuse entity tricks anywhere it is read
    for sheet, part in sheets:
        if _is_read(sheet) and not _plainly_safe(archive, part, lengths, budget):
            _scan_xlsx_sheet(form, archive, part, sheet, lengths, budget)
    return [s for s, _ in sheets]


def _is_read(sheet: str) -> bool:
    """Is ``sheet`` one the reader takes values from? Every sheet but the
    instructions: the actions sheet's name is only known from the hidden sheet,
    which is read after this check."""
    return sheet not in MESSAGES["forms.sheet.instructions"]


def _xlsx_sheets(
    archive: zipfile.ZipFile, names: set[str], budget: _Budget
) -> list[tuple[str, str]]:
    """(sheet name, part) for each sheet of the workbook."""
    if "xl/workbook.xml" not in names:
        raise _Refused("FRM001", "not a workbook: the .xlsx has no workbook part")
    listed: list[tuple[str, str]] = []
    external: list[bool] = []

    def start(tag: str, attrs: dict[str, str]) -> None:
        name = _local(tag)
        if name == "sheet":
            rid = next((v for k, v in attrs.items() if _local(k) == "id"), "")
            listed.append((attrs.get("name", ""), rid))
        elif name in ("externalReference", "externalReferences"):
            external.append(True)

    _parse(archive, "xl/workbook.xml", budget, start)
    if external:
        raise _Refused("FRM003", "the file links to other workbooks; rrs refuses it")
    targets: dict[str, str] = {}
    rels = "xl/_rels/workbook.xml.rels"
    if rels in names:

        def relation(tag: str, attrs: dict[str, str]) -> None:
            if _local(tag) == "Relationship":
                if attrs.get("TargetMode") == "External":
                    external.append(True)
                target = attrs.get("Target", "")
                targets[attrs.get("Id", "")] = (
                    target.lstrip("/") if target.startswith("/") else "xl/" + target
                )

        _parse(archive, rels, budget, relation)
    if external:
        raise _Refused("FRM003", "the file links to files outside it; rrs refuses it")
    return [(name, targets.get(rid, "")) for name, rid in listed]


# A quick proof that a sheet part is safe to hand to the reader, on its bytes; when
# it cannot prove it (anything unusual), the part is scanned with expat, which
# finds and locates the problem. The elements are matched by local name with any
# namespace prefix, attribute values in either quotes.
_PREFIX = rb"(?:[^\s<>/:!?]+:)?"
_CELL_OR_ROW = re.compile(rb"<" + _PREFIX + rb"(c|row)[\s/>]")
_REFERENCE = re.compile(
    rb"<" + _PREFIX + rb"(c|row)\s[^>]*?(?<=\s)r\s*=\s*([\"'])([A-Z]{0,3})([0-9]{1,7})\2"
)
_FORMULA = re.compile(rb"<" + _PREFIX + rb"f[\s/>]")
_MARKUP = 1024  # bytes of markup a cell's element may hold besides its text


def _plainly_safe(archive: zipfile.ZipFile, part: str, lengths: list[int], budget: _Budget) -> bool:
    """Does every cell and row of the part carry a reference within the limits, with no
    formula, no declaration or comment, and every text short? (A cell's text lies
    between its start and the next cell's: no such stretch may be longer than a cell
    may hold; the shared texts are measured apart.)"""
    if part not in {e.filename for e in archive.infolist()}:
        return False
    data = _entry(archive, part, budget)
    if not _only_elements(data):
        return False
    if any(n > MAX_CELL_CHARS for n in lengths) or _FORMULA.search(data):
        return False
    starts = [match.start() for match in _CELL_OR_ROW.finditer(data)]
    references = _REFERENCE.findall(data)
    if len(references) != len(starts):
        return False  # an element without a plain reference: let expat read it
    closing = data.rfind(b"sheetData>")
    if starts and closing < starts[-1]:
        return False
    ends = [*starts[1:], closing]
    stretches = zip(starts, ends, strict=True)
    if any(end - start > MAX_CELL_CHARS + _MARKUP for start, end in stretches):
        return False
    for kind, _quote, column, row in references:
        if (kind == b"c") != bool(column) or int(row) > MAX_ROWS:
            return False
        if column and _column_number(column.decode()) >= MAX_COLUMNS:
            return False
    return True


# The start of a part in UTF-8: an optional byte order mark, then an XML
# declaration that names no encoding or UTF-8, or none.
_UTF8_START = re.compile(
    rb"(?:\xef\xbb\xbf)?(?:<\?xml(?:\s+(?:version|standalone)\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'))*"
    rb"(?:\s+encoding\s*=\s*(?:\"(?i:utf-8)\"|'(?i:utf-8)'))?"
    rb"(?:\s+(?:version|standalone)\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'))*\s*\?>)?\s*<[^?!]"
)


def _only_elements(data: bytes) -> bool:
    """Is the part, read as bytes, plainly elements and text: UTF-8, no document type,
    comment or CDATA (``<!``) and no processing instruction but the XML
    declaration? Then every ``<`` starts a tag, and an element's text lies between
    its tag and the next one. Anything else is for expat to read."""
    if b"<!" in data or not _UTF8_START.match(data):
        return False
    declaration = data.find(b"?>")
    return data.find(b"<?", declaration + 2 if declaration >= 0 else 0) < 0


_SHARED_TEXT = re.compile(rb"<" + _PREFIX + rb"si[\s/>]")


def _shared_string_lengths(archive: zipfile.ZipFile, names: set[str], budget: _Budget) -> list[int]:
    """The length of each shared text, in characters; when every one is plainly
    within MAX_CELL_CHARS, an upper bound for each instead (the bytes from its
    element to the next), which is all the checks need of them then."""
    part = "xl/sharedStrings.xml"
    if part not in names:
        return []
    data = _entry(archive, part, budget)
    if _only_elements(data):
        # A text's characters lie between its <si> and the next one (or the end),
        # and a UTF-8 character is at least one byte.
        starts = [match.start() for match in _SHARED_TEXT.finditer(data)]
        bounds = [end - start for start, end in zip(starts, [*starts[1:], len(data)], strict=True)]
        if len(starts) <= MAX_SHARED_STRINGS and all(n <= MAX_CELL_CHARS for n in bounds):
            return bounds
    lengths: list[int] = []
    depth = [0]

    def start(tag: str, _attrs: dict[str, str]) -> None:
        if _local(tag) == "si":
            if len(lengths) >= MAX_SHARED_STRINGS:
                raise _Refused("FRM002", f"the file holds more than {MAX_SHARED_STRINGS:,} texts")
            lengths.append(0)
            depth[0] = 1

    def chars(data: str) -> None:
        if depth[0] and lengths:
            lengths[-1] += len(data)

    def end(tag: str) -> None:
        if _local(tag) == "si":
            depth[0] = 0

    _parse(archive, part, budget, start, end, chars, data=data)
    return lengths


def _scan_xlsx_sheet(
    form: ReadForm,
    archive: zipfile.ZipFile,
    part: str,
    sheet: str,
    lengths: list[int],
    budget: _Budget,
) -> None:
    if part not in {e.filename for e in archive.infolist()}:
        raise _Refused("FRM001", f"sheet ‘{visible(sheet)}’ has no part in the file")
    state: dict[str, Any] = {"row": 0, "column": -1, "cell": None, "type": "", "chars": 0, "in": ""}

    def start(tag: str, attrs: dict[str, str]) -> None:
        name = _local(tag)
        if name == "row":
            number = attrs.get("r")
            state["row"] = int(number) if number and number.isdigit() else state["row"] + 1
            state["column"] = -1
        elif name == "c":
            ref = _CELL_REF.match(attrs.get("r", ""))
            if ref:
                state["column"] = _column_number(ref.group(1))
                state["row"] = int(ref.group(2))
            else:
                state["column"] += 1
            state["cell"] = cell_name(state["column"], state["row"])
            state["type"] = attrs.get("t", "n")
            state["chars"] = 0
            state["valued"] = False
        elif name == "f" and state["cell"]:
            form.problem(
                "FRM004",
                "the cell holds a formula; rrs never evaluates formulas: type the value",
                state["cell"],
                sheet,
            )
        elif name in ("v", "t", "is"):
            state["in"] = name
            state["valued"] = True

    def chars(data: str) -> None:
        if state["cell"] and state["in"]:
            state["chars"] += len(data)
            if state["in"] == "v" and state["type"] == "s":
                state.setdefault("index", []).append(data)

    def end(tag: str) -> None:
        name = _local(tag)
        if name in ("v", "t", "is"):
            state["in"] = ""
        elif name == "c" and state["cell"]:
            _xlsx_cell_done(form, sheet, state, lengths)
            state["cell"] = None
            state.pop("index", None)

    _parse(archive, part, budget, start, end, chars)


def _xlsx_cell_done(form: ReadForm, sheet: str, state: dict[str, Any], lengths: list[int]) -> None:
    if not state["valued"]:
        return
    if state["row"] > MAX_ROWS or state["column"] >= MAX_COLUMNS:
        raise _Refused(
            "FRM002",
            f"sheet ‘{visible(sheet)}’ has values beyond row {MAX_ROWS:,} or column "
            f"{MAX_COLUMNS} (at {state['cell']}); a form is much smaller",
        )
    size = state["chars"]
    if state["type"] == "s":
        index = "".join(state.get("index", [])).strip()
        size = lengths[int(index)] if index.isdigit() and int(index) < len(lengths) else 0
    if size > MAX_CELL_CHARS:
        form.problem(
            "FRM002",
            f"the cell holds {size:,} characters; a cell holds at most {MAX_CELL_CHARS:,}",
            state["cell"],
            sheet,
        )

"""A form as an Office Open XML workbook (``.xlsx``, ECMA-376), written directly.

A form is a few small XML parts in a zip: rrs writes them from templates
rather than through a library. XlsxWriter (the usual choice, and the one
these parts were modelled on and compared with) takes about 7 ms a form on
the project's machines, which for a round of 2,000 owners is several times
the whole `rrs validate`; the templates take about 1 ms. The parts follow the
order and the defaults Excel itself writes (shared strings, a style sheet
with the two fills Excel requires first, elements of a sheet in schema
order), and the tests open every form with openpyxl and in LibreOffice Calc.

Every value is a string from the shared-string table or a date serial:
catalogue text that starts with ``=`` stays text, never a formula.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date
from xml.sax.saxutils import escape, quoteattr

from ..i18n import format_date, text
from .model import (
    COLUMNS,
    FIRST_ROW,
    HIDDEN_SHEET,
    READ_ONLY,
    Form,
    cell_name,
    column_letter,
    headings,
    status_words,
    xml_safe,
)

WIDTHS = (8, 48, 18, 18, 14, 14, 40, 18, 13, 48, 22)
_EPOCH = date(1899, 12, 30)  # day 0 of a spreadsheet's date serials
# The first day whose serial a spreadsheet shows as that day: serials before it
# are off by Excel's 29 February 1900, and negative ones are no date at all (a
# log entry of 0001-01-01 read back as a time). Earlier days are written as text.
_FIRST_SERIAL_DAY = date(1900, 3, 1)

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"

_CONTENT_TYPES = (
    f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    + "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{_SHEET_TYPE}"/>'
        for n in (1, 2, 3)
    )
    + "</Types>"
)

_ROOT_RELS = (
    f'{_HEAD}<Relationships xmlns="{_PKG}">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
    f'<Relationship Id="rId2" Type="{_PKG}/metadata/core-properties" '
    'Target="docProps/core.xml"/>'
    "</Relationships>"
)

_WORKBOOK_RELS = (
    f'{_HEAD}<Relationships xmlns="{_PKG}">'
    + "".join(
        f'<Relationship Id="rId{n}" Type="{_REL}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in (1, 2, 3)
    )
    + f'<Relationship Id="rId4" Type="{_REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId5" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)

_TOP_WRAP = '<alignment vertical="top" wrapText="1"/>'
_UNLOCKED = '<protection locked="0"/>'
_BORDER = (
    '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/>'
    '</right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/>'
    "</bottom><diagonal/></border>"
)
# The cell formats, by name: (font, fill, border, number format, alignment, protection).
_FORMATS = {
    "default": (0, 0, 0, 0, "", ""),
    "title": (1, 0, 0, 0, "", ""),
    "heading": (2, 0, 0, 0, "", ""),
    "para": (0, 0, 0, 0, _TOP_WRAP, ""),
    "head": (3, 2, 1, 0, _TOP_WRAP, ""),
    "ro": (0, 2, 1, 0, _TOP_WRAP, ""),
    "ro_date": (0, 2, 1, 164, '<alignment vertical="top"/>', ""),
    "fill": (0, 0, 1, 0, _TOP_WRAP, _UNLOCKED),
    "fill_date": (0, 0, 1, 164, '<alignment vertical="top"/>', _UNLOCKED),
}
STYLE = {name: index for index, name in enumerate(_FORMATS)}


def _xf(font: int, fill: int, border: int, number: int, align: str, protect: str) -> str:
    applied = "".join(
        flag
        for flag, used in (
            (' applyNumberFormat="1"', number),
            (' applyFont="1"', font),
            (' applyFill="1"', fill),
            (' applyBorder="1"', border),
            (' applyAlignment="1"', align),
            (' applyProtection="1"', protect),
        )
        if used
    )
    inner = align + protect
    attributes = (
        f'numFmtId="{number}" fontId="{font}" fillId="{fill}" borderId="{border}" xfId="0"{applied}'
    )
    return f"<xf {attributes}>{inner}</xf>" if inner else f"<xf {attributes}/>"


_STYLES = (
    f'{_HEAD}<styleSheet xmlns="{_MAIN}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
    '<fonts count="4">'
    '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="12"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    "</fonts>"
    '<fills count="3"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFE7E6E6"/><bgColor indexed="64"/>'
    "</patternFill></fill></fills>"
    f'<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>{_BORDER}'
    "</borders>"
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    f'<cellXfs count="{len(_FORMATS)}">'
    + "".join(_xf(*spec) for spec in _FORMATS.values())
    + "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '<dxfs count="0"/>'
    "</styleSheet>"
)

_PROTECTION = (
    '<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>'
)
_MARGINS = (
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
)


class _Strings:
    """The workbook's shared-string table."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.count = 0

    def cell(self, ref: str, value: str, style: str) -> str:
        self.count += 1
        number = self.index.setdefault(xml_safe(value), len(self.index))
        return f'<c r="{ref}" s="{STYLE[style]}" t="s"><v>{number}</v></c>'

    def xml(self) -> str:
        items = "".join(
            f'<si><t xml:space="preserve">{escape(value)}</t></si>' for value in self.index
        )
        return (
            f'{_HEAD}<sst xmlns="{_MAIN}" count="{self.count}" '
            f'uniqueCount="{len(self.index)}">{items}</sst>'
        )


def _blank(ref: str, style: str) -> str:
    return f'<c r="{ref}" s="{STYLE[style]}"/>'


def _date_cell(ref: str, value: date, style: str) -> str:
    return f'<c r="{ref}" s="{STYLE[style]}"><v>{(value - _EPOCH).days}</v></c>'


def _sheet(
    rows: list[str],
    *,
    last: str,
    view: str,
    columns: str,
    validations: str = "",
    protect: bool = True,
) -> str:
    return (
        f'{_HEAD}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">'
        f'<dimension ref="A1:{last}"/><sheetViews>{view}</sheetViews>'
        f'<sheetFormatPr defaultRowHeight="15"/>{columns}'
        f"<sheetData>{''.join(rows)}</sheetData>"
        f"{_PROTECTION if protect else ''}{validations}{_MARGINS}</worksheet>"
    )


def _columns(widths: tuple[int, ...]) -> str:
    return (
        "<cols>"
        + "".join(
            f'<col min="{n}" max="{n}" width="{width + 0.7109375}" customWidth="1"/>'
            for n, width in enumerate(widths, start=1)
        )
        + "</cols>"
    )


def form_xlsx(form: Form) -> bytes:
    """The workbook's bytes."""
    strings = _Strings()
    lang = form.lang
    sheets = [
        _instructions(form, strings),
        _actions(form, strings),
        _hidden(form, strings),
    ]
    names = [text("forms.sheet.instructions", lang), text("forms.sheet.actions", lang)]
    workbook = (
        f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
        '<bookViews><workbookView activeTab="0"/></bookViews><sheets>'
        f'<sheet name={quoteattr(names[0])} sheetId="1" r:id="rId1"/>'
        f'<sheet name={quoteattr(names[1])} sheetId="2" r:id="rId2"/>'
        f'<sheet name="{HIDDEN_SHEET}" sheetId="3" state="hidden" r:id="rId3"/>'
        "</sheets></workbook>"
    )
    title = escape(text("forms.title", lang, round=form.hidden.round))
    core = (
        f'{_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{title}</dc:title><dc:creator>rrs</dc:creator></cp:coreProperties>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (
            ("[Content_Types].xml", _CONTENT_TYPES),
            ("_rels/.rels", _ROOT_RELS),
            ("docProps/core.xml", core),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS),
            ("xl/styles.xml", _STYLES),
            ("xl/sharedStrings.xml", strings.xml()),
            *((f"xl/worksheets/sheet{n}.xml", sheet) for n, sheet in enumerate(sheets, 1)),
        ):
            archive.writestr(name, data)
    return buffer.getvalue()


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


def _instructions(form: Form, strings: _Strings) -> str:
    rows = [
        f'<row r="{n}">{strings.cell(f"A{n}", line, style)}</row>'
        for n, (style, line) in enumerate(instruction_lines(form), start=1)
        if line
    ]
    count = len(instruction_lines(form))
    return _sheet(
        rows,
        last=f"A{count}",
        view='<sheetView tabSelected="1" workbookViewId="0"/>',
        columns=_columns((100,)),
    )


def _actions(form: Form, strings: _Strings) -> str:
    lang = form.lang
    head = "".join(
        strings.cell(cell_name(column, 1), value, "head")
        for column, value in enumerate(headings(lang, form.year, form.as_of))
    )
    rows = [f'<row r="1">{head}</row>']
    for offset, row in enumerate(form.rows):
        number = FIRST_ROW + offset
        cells = []
        for column, value in enumerate(row.read_only_values()):
            ref = cell_name(column, number)
            if isinstance(value, date) and value >= _FIRST_SERIAL_DAY:
                cells.append(_date_cell(ref, value, "ro_date"))
            elif isinstance(value, date):
                cells.append(strings.cell(ref, value.isoformat(), "ro"))
            elif value:
                cells.append(strings.cell(ref, value, "ro"))
            else:
                cells.append(_blank(ref, "ro"))
        for column in range(len(READ_ONLY), len(COLUMNS)):
            style = "fill_date" if COLUMNS[column] == "date" else "fill"
            cells.append(_blank(cell_name(column, number), style))
        rows.append(f'<row r="{number}">{"".join(cells)}</row>')
    last_row = FIRST_ROW - 1 + len(form.rows)
    view = (
        '<sheetView workbookViewId="0"><pane xSplit="1" ySplit="1" topLeftCell="B2" '
        'activePane="bottomRight" state="frozen"/><selection pane="topRight"/>'
        '<selection pane="bottomLeft"/><selection pane="bottomRight" activeCell="H2" '
        'sqref="H2"/></sheetView>'
    )
    return _sheet(
        rows,
        last=cell_name(len(COLUMNS) - 1, last_row),
        view=view,
        columns=_columns(WIDTHS),
        validations=_validations(form, last_row) if form.rows else "",
    )


def _validations(form: Form, last_row: int) -> str:
    lang = form.lang
    status = column_letter(COLUMNS.index("new_status"))
    day = column_letter(COLUMNS.index("date"))
    title = quoteattr(text("forms.valid.title", lang))
    example = form.as_of.isoformat()
    date_message = quoteattr(text("forms.valid.date", lang, example=example))
    words = escape('"' + ",".join(status_words(lang)) + '"')
    return (
        '<dataValidations count="2">'
        '<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" '
        f"errorTitle={title} error={quoteattr(text('forms.valid.status', lang))} "
        f'sqref="{status}{FIRST_ROW}:{status}{last_row}"><formula1>{words}</formula1>'
        "</dataValidation>"
        '<dataValidation type="date" allowBlank="1" showInputMessage="1" showErrorMessage="1" '
        f"errorTitle={title} error={date_message} "
        f"promptTitle={quoteattr(text('forms.col.date', lang))} prompt={date_message} "
        f'sqref="{day}{FIRST_ROW}:{day}{last_row}"><formula1>1</formula1>'
        f"<formula2>{(date(2999, 12, 31) - _EPOCH).days}</formula2></dataValidation>"
        "</dataValidations>"
    )


def _hidden(form: Form, strings: _Strings) -> str:
    cells = form.hidden.cells()
    rows = [
        f'<row r="{n}">'
        + "".join(
            strings.cell(cell_name(column, n), value, "default")
            for column, value in enumerate(values)
            if value
        )
        + "</row>"
        for n, values in enumerate(cells, start=1)
    ]
    width = max(len(values) for values in cells)
    return _sheet(
        rows,
        last=cell_name(width - 1, len(cells)),
        view='<sheetView workbookViewId="0"/>',
        columns="",
    )

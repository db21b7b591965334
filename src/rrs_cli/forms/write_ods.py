"""A form as an OpenDocument spreadsheet (``.ods``, ISO/IEC 26300), written directly.

An ODS file is a zip of a few XML parts; a form needs about a hundred lines
of them. rrs writes them itself rather than through odfpy: odfpy builds a
document object model in Python and takes about 35 ms a form, which for a
round of 2,000 owners is more than a minute; these templates take well under
one. What the form uses (protected sheets with unlocked cells, a list
validation, a date validation, a hidden sheet, date cells) is plain ODF 1.2,
and the tests open every form in LibreOffice Calc.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date
from xml.sax.saxutils import escape, quoteattr

from ..i18n import text
from .model import (
    COLUMNS,
    FIRST_ROW,
    HIDDEN_SHEET,
    READ_ONLY,
    Form,
    headings,
    status_words,
    xml_safe,
)
from .write_xlsx import WIDTHS, instruction_lines

MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"

_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
    'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'office:version="1.2"'
)

_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.2">'
    f'<manifest:file-entry manifest:full-path="/" manifest:version="1.2" '
    f'manifest:media-type="{MIMETYPE}"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)

_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {_NS}>'
    "<office:styles>"
    '<style:style style:name="Default" style:family="table-cell"/>'
    "</office:styles>"
    "</office:document-styles>"
)

_GREY = "#e7e6e6"
_BORDER = 'fo:border="0.5pt solid #000000"'


def _automatic_styles() -> str:
    columns = "".join(
        f'<style:style style:name="co{i}" style:family="table-column">'
        f'<style:table-column-properties style:column-width="{width * 0.19:.2f}cm"/>'
        "</style:style>"
        for i, width in enumerate(WIDTHS)
    )
    return (
        "<office:automatic-styles>"
        '<number:date-style style:name="Ndate">'
        '<number:year number:style="long"/><number:text>-</number:text>'
        '<number:month number:style="long"/><number:text>-</number:text>'
        '<number:day number:style="long"/>'
        "</number:date-style>"
        f"{columns}"
        '<style:style style:name="coWide" style:family="table-column">'
        '<style:table-column-properties style:column-width="19cm"/></style:style>'
        '<style:style style:name="ta" style:family="table">'
        '<style:table-properties table:display="true"/></style:style>'
        '<style:style style:name="taHidden" style:family="table">'
        '<style:table-properties table:display="false"/></style:style>'
        '<style:style style:name="title" style:family="table-cell">'
        '<style:text-properties fo:font-weight="bold" fo:font-size="14pt"/></style:style>'
        '<style:style style:name="heading" style:family="table-cell">'
        '<style:text-properties fo:font-weight="bold" fo:font-size="12pt"/></style:style>'
        '<style:style style:name="para" style:family="table-cell">'
        '<style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="top"/>'
        "</style:style>"
        '<style:style style:name="head" style:family="table-cell">'
        f'<style:table-cell-properties fo:background-color="{_GREY}" {_BORDER} '
        'fo:wrap-option="wrap" style:vertical-align="top"/>'
        '<style:text-properties fo:font-weight="bold"/></style:style>'
        '<style:style style:name="ro" style:family="table-cell">'
        f'<style:table-cell-properties fo:background-color="{_GREY}" {_BORDER} '
        'fo:wrap-option="wrap" style:vertical-align="top"/></style:style>'
        '<style:style style:name="roDate" style:family="table-cell" '
        'style:data-style-name="Ndate">'
        f'<style:table-cell-properties fo:background-color="{_GREY}" {_BORDER} '
        'style:vertical-align="top"/></style:style>'
        '<style:style style:name="fill" style:family="table-cell">'
        f'<style:table-cell-properties style:cell-protect="none" {_BORDER} '
        'fo:wrap-option="wrap" style:vertical-align="top"/></style:style>'
        '<style:style style:name="fillDate" style:family="table-cell" '
        'style:data-style-name="Ndate">'
        f'<style:table-cell-properties style:cell-protect="none" {_BORDER} '
        'style:vertical-align="top"/></style:style>'
        "</office:automatic-styles>"
    )


_AUTOMATIC_STYLES = _automatic_styles()


def _paragraphs(value: str) -> str:
    return "".join(f"<text:p>{escape(line)}</text:p>" for line in xml_safe(value).split("\n"))


def _string_cell(value: str, style: str, validation: str = "") -> str:
    if not value:
        return f'<table:table-cell table:style-name="{style}"{validation}/>'
    return (
        f'<table:table-cell table:style-name="{style}" office:value-type="string"{validation}>'
        f"{_paragraphs(value)}</table:table-cell>"
    )


def _date_cell(value: date, style: str) -> str:
    shown = value.isoformat()
    return (
        f'<table:table-cell table:style-name="{style}" office:value-type="date" '
        f'office:date-value="{shown}"><text:p>{shown}</text:p></table:table-cell>'
    )


def _validations(form: Form, sheet: str) -> str:
    lang = form.lang
    listed = ";".join(f"&quot;{escape(w)}&quot;" for w in status_words(lang))
    example = form.as_of.isoformat()
    title = escape(text("forms.valid.title", lang))
    status_message = escape(text("forms.valid.status", lang))
    date_message = escape(text("forms.valid.date", lang, example=example))
    base = f"'{sheet}'.H{FIRST_ROW}"
    return (
        "<table:content-validations>"
        f'<table:content-validation table:name="vStatus" '
        f'table:condition="of:cell-content-is-in-list({listed})" '
        f'table:allow-empty-cell="true" table:display-list="unsorted" '
        f"table:base-cell-address={quoteattr(base)}>"
        f'<table:error-message table:title="{title}" table:message-type="stop" '
        f'table:display="true"><text:p>{status_message}</text:p></table:error-message>'
        "</table:content-validation>"
        f'<table:content-validation table:name="vDate" '
        f'table:condition="of:cell-content-is-date()" table:allow-empty-cell="true" '
        f"table:base-cell-address={quoteattr(base.replace('.H', '.I'))}>"
        f'<table:help-message table:title="{escape(text("forms.col.date", lang))}" '
        f'table:display="true"><text:p>{date_message}</text:p></table:help-message>'
        f'<table:error-message table:title="{title}" table:message-type="stop" '
        f'table:display="true"><text:p>{date_message}</text:p></table:error-message>'
        "</table:content-validation>"
        "</table:content-validations>"
    )


def _instructions_table(form: Form) -> str:
    name = quoteattr(text("forms.sheet.instructions", form.lang))
    rows = "".join(
        f"<table:table-row>{_string_cell(line, style)}</table:table-row>"
        for style, line in instruction_lines(form)
    )
    return (
        f'<table:table table:name={name} table:style-name="ta" table:protected="true">'
        f'<table:table-column table:style-name="coWide"/>{rows}</table:table>'
    )


def _actions_table(form: Form, sheet: str) -> str:
    columns = "".join(f'<table:table-column table:style-name="co{i}"/>' for i in range(len(WIDTHS)))
    head = "".join(_string_cell(h, "head") for h in headings(form.lang, form.year, form.as_of))
    parts = [
        f'<table:table table:name={quoteattr(sheet)} table:style-name="ta" '
        f'table:protected="true">{columns}<table:table-row>{head}</table:table-row>'
    ]
    status_at = COLUMNS.index("new_status")
    date_at = COLUMNS.index("date")
    for row in form.rows:
        cells = [
            _date_cell(value, "roDate")
            if isinstance(value, date)
            else _string_cell(value or "", "ro")
            for value in row.read_only_values()
        ]
        for column in range(len(READ_ONLY), len(COLUMNS)):
            if column == status_at:
                cells.append(_string_cell("", "fill", ' table:content-validation-name="vStatus"'))
            elif column == date_at:
                cells.append(_string_cell("", "fillDate", ' table:content-validation-name="vDate"'))
            else:
                cells.append(_string_cell("", "fill"))
        parts.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
    parts.append("</table:table>")
    return "".join(parts)


def _hidden_table(form: Form) -> str:
    rows = "".join(
        "<table:table-row>"
        + "".join(_string_cell(value, "Default") for value in values)
        + "</table:table-row>"
        for values in form.hidden.cells()
    )
    return (
        f'<table:table table:name="{HIDDEN_SHEET}" table:style-name="taHidden" '
        f'table:protected="true">{rows}</table:table>'
    )


def form_ods(form: Form) -> bytes:
    """The spreadsheet's bytes."""
    sheet = text("forms.sheet.actions", form.lang)
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_NS}>'
        f"{_AUTOMATIC_STYLES}<office:body><office:spreadsheet>"
        f"{_validations(form, sheet) if form.rows else ''}"
        f"{_instructions_table(form)}{_actions_table(form, sheet)}{_hidden_table(form)}"
        "</office:spreadsheet></office:body></office:document-content>"
    )
    title = escape(text("forms.title", form.lang, round=form.hidden.round))
    meta = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta {_NS}>'
        f"<office:meta><dc:title>{title}</dc:title>"
        "<meta:generator>rrs</meta:generator></office:meta></office:document-meta>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        # The mimetype comes first and uncompressed, so tools recognise the file.
        archive.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE, zipfile.ZIP_STORED)
        for name, data in (
            ("content.xml", content),
            ("styles.xml", _STYLES),
            ("meta.xml", meta),
            ("META-INF/manifest.xml", _MANIFEST),
        ):
            archive.writestr(name, data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()

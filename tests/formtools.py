"""Helpers for the progress-round tests: make forms, fill them as an owner would.

``.xlsx`` forms are filled with openpyxl; ``.ods`` forms by editing their
content.xml (the cells rrs wrote are plain ``table:table-cell`` elements).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

COLUMNS = {"status": "H", "date": "I", "note": "J", "by": "K"}
Fill = dict[
    str, dict[str, Any]
]  # action id -> {"status": ..., "date": ..., "note": ..., "by": ...}


def fill_xlsx(
    source: Path, target: Path, rows: Fill, *, edit: Callable[[Any], None] | None = None
) -> Path:
    """Fill the rows of ``rows`` (by action id) and save as ``target``."""
    import openpyxl

    book = openpyxl.load_workbook(source)
    sheet = book.worksheets[1]
    for number in range(2, sheet.max_row + 1):
        action_id = sheet[f"A{number}"].value
        for key, value in rows.get(str(action_id), {}).items():
            sheet[f"{COLUMNS[key]}{number}"] = value
    if edit is not None:
        edit(book)
    book.save(target)
    return target


_ROW = re.compile(r"<table:table-row>.*?</table:table-row>", re.S)
_CELL = re.compile(r"<table:table-cell[^>]*?(?:/>|>.*?</table:table-cell>)", re.S)


def fill_ods(source: Path, target: Path, rows: Fill) -> Path:
    """Fill an .ods form written by rrs (its rows and cells are one element each)."""
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    content = parts["content.xml"].decode("utf-8")
    start = (
        content.index('table:name="Acties"')
        if 'table:name="Acties"' in content
        else content.index('table:name="Actions"')
    )
    end = content.index("</table:table>", start)
    table = content[start:end]

    def fill_row(match: re.Match[str]) -> str:
        row = match.group(0)
        cells = _CELL.findall(row)
        if not cells:
            return row
        first = re.search(r"<text:p>(.*?)</text:p>", cells[0])
        wanted = rows.get(first.group(1) if first else "", {})
        for key, value in wanted.items():
            index = "HIJK".index(COLUMNS[key]) + 7
            style = re.search(r'table:style-name="([^"]+)"', cells[index])
            attrs = f'table:style-name="{style.group(1) if style else "fill"}"'
            if isinstance(value, date):
                cells[index] = (
                    f'<table:table-cell {attrs} office:value-type="date" '
                    f'office:date-value="{value.isoformat()}"><text:p>{value}</text:p></table:table-cell>'
                )
            else:
                cells[index] = (
                    f'<table:table-cell {attrs} office:value-type="string">'
                    f"<text:p>{escape(str(value))}</text:p></table:table-cell>"
                )
        return "<table:table-row>" + "".join(cells) + "</table:table-row>"

    content = content[:start] + _ROW.sub(fill_row, table) + content[end:]
    parts["content.xml"] = content.encode("utf-8")
    write_zip(target, parts)
    return target


def write_zip(target: Path, parts: dict[str, bytes], *, stored: bool = False) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            method = zipfile.ZIP_STORED if name == "mimetype" or stored else zipfile.ZIP_DEFLATED
            archive.writestr(zipfile.ZipInfo(name) if name == "mimetype" else name, data, method)
    target.write_bytes(buffer.getvalue())
    return target


def parts_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def form_of(folder: Path, owner_stem: str, suffix: str = "xlsx") -> Path:
    return folder / f"{owner_stem}.{suffix}"

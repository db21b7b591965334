"""Hostile and broken returned forms: each is refused with a located error, nothing written.

Every file is made here, from a real form, and is small on disk. The ones
that would make a reader allocate without bound are read in a child process
whose address space is capped (``RLIMIT_AS``): if a limit check were missing,
the child would run out of memory and the test would fail.
"""

from __future__ import annotations

import json
import re
import resource
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import Invoke, MakeCatalogue
from .formtools import fill_xlsx, parts_of, write_zip

CAP_BYTES = 2 * 1024**3
OWNER = "havenbedrijf-rotterdam"


@pytest.fixture
def made(rrs: Invoke, make_catalogue: MakeCatalogue, tmp_path: Path) -> tuple[Path, Path]:
    root = make_catalogue()
    out = tmp_path / "out"
    for suffix in ("xlsx", "ods"):
        result = rrs(
            "progress", "forms", str(out / suffix), "--format", suffix, "--round", "R1",
            catalogue=root,
        )  # fmt: skip
        assert result.exit_code == 0, result.stderr
    return root, out


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def patched(source: Path, target: Path, part: str, change: Callable[[str], str]) -> Path:
    parts = parts_of(source)
    parts[part] = change(parts[part].decode("utf-8")).encode("utf-8")
    return write_zip(target, parts)


BOMB = (
    '<!DOCTYPE x [<!ENTITY a "AAAAAAAAAA">'
    + "".join(
        f'<!ENTITY {n} "{("&" + p + ";") * 10}">'
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + "]>"
)


def _xlsx_cases(xlsx: Path, tmp: Path) -> dict[str, tuple[Path, str]]:
    sheet = "xl/worksheets/sheet2.xml"
    cases: dict[str, tuple[Path, str]] = {}

    def add(name: str, path: Path, message: str) -> None:
        cases[name] = (path, message)

    add(
        "entities",
        patched(
            xlsx,
            tmp / "entities.xlsx",
            "xl/sharedStrings.xml",
            lambda t: t.replace("?>", "?>" + BOMB, 1).replace(">Actie<", ">&i;<"),
        ),
        "declares a document type (XML entities)",
    )
    add(
        "entities-in-styles",
        patched(
            xlsx, tmp / "styles.xlsx", "xl/styles.xml", lambda t: t.replace("?>", "?>" + BOMB, 1)
        ),
        "part xl/styles.xml declares a document type",
    )
    utf16 = parts_of(xlsx)
    styles = utf16["xl/styles.xml"].decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    utf16["xl/styles.xml"] = styles.replace("?>", "?>" + BOMB, 1).encode("utf-16")
    add(
        "entities-in-utf16",
        write_zip(tmp / "utf16.xlsx", utf16),
        "part xl/styles.xml declares a document type",
    )
    add(
        "formula",
        patched(
            xlsx,
            tmp / "formula.xlsx",
            sheet,
            lambda t: re.sub(
                r'<c r="H2" s="(\d+)"/>',
                r'<c r="H2" s="\1" t="str"><f>WEBSERVICE("x")</f><v>x</v></c>',
                t,
            ),
        ),
        "› H2: the cell holds a formula",
    )
    add(
        "million-rows",
        patched(
            xlsx,
            tmp / "rows.xlsx",
            sheet,
            lambda t: t.replace(
                "</sheetData>",
                '<row r="1000000"><c r="A1000000" t="inlineStr"><is><t>x</t></is></c></row>'
                "</sheetData>",
            ),
        ),
        "has values beyond row 50,000",
    )
    add(
        "million-columns",
        patched(
            xlsx,
            tmp / "columns.xlsx",
            sheet,
            lambda t: t.replace(
                "</sheetData>",
                '<row r="3"><c r="XFD3" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
            ),
        ),
        "or column 64 (at XFD3)",
    )
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    add(
        "far-cell-prefixed-single-quoted",
        patched(
            xlsx,
            tmp / "prefixed.xlsx",
            sheet,
            lambda t: t.replace(
                "</sheetData>",
                f"<x:row xmlns:x='{main}' r='3'><x:c r='ZZ200000' t='inlineStr'>"
                "<x:is><x:t>x</x:t></x:is></x:c></x:row></sheetData>",
            ),
        ),
        "has values beyond row 50,000",
    )
    add(
        "far-row-cell-without-reference",
        patched(
            xlsx,
            tmp / "unreferenced.xlsx",
            sheet,
            lambda t: t.replace(
                "</sheetData>",
                '<row r="900000"><c t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
            ),
        ),
        "has values beyond row 50,000",
    )
    huge = "x" * 3_000_000
    add(
        "huge-cell",
        patched(
            xlsx,
            tmp / "huge.xlsx",
            sheet,
            lambda t: re.sub(
                r'<c r="J2" s="(\d+)"/>',
                rf'<c r="J2" s="\1" t="inlineStr"><is><t>{huge}</t></is></c>',
                t,
            ),
        ),
        "› J2: the cell holds 3,000,000 characters",
    )
    # A long text the quick byte checks could miss: cut by a processing instruction
    # that looks like a cell (the sheet) or a shared text (the shared texts).
    half = "x" * 20_000
    add(
        "long-cell-cut-by-an-instruction",
        patched(
            xlsx,
            tmp / "cut.xlsx",
            sheet,
            lambda t: re.sub(
                r'<c r="J2" s="(\d+)"/>',
                rf'<c r="J2" s="\1" t="inlineStr"><is><t>{half}<?x <c r="J3"?>{half}</t></is></c>',
                t,
            ),
        ),
        "› J2: the cell holds 40,000 characters",
    )
    for name, text in (
        ("long-shared-text", half * 2),
        ("long-shared-text-cut", f"{half}<?x <si>?>{half}"),
    ):
        parts = parts_of(xlsx)
        shared = parts["xl/sharedStrings.xml"].decode("utf-8")
        index = shared.count("<si>")
        shared = shared.replace("</sst>", f"<si><t>{text}</t></si></sst>")
        parts["xl/sharedStrings.xml"] = shared.encode()
        parts[sheet] = re.sub(
            r'<c r="J2" s="(\d+)"/>',
            rf'<c r="J2" s="\1" t="s"><v>{index}</v></c>',
            parts[sheet].decode("utf-8"),
        ).encode()
        add(name, write_zip(tmp / f"{name}.xlsx", parts), "› J2: the cell holds 40,000 characters")
    parts = parts_of(xlsx)
    parts["xl/externalLinks/externalLink1.xml"] = b"<externalLink/>"
    add(
        "external-link",
        write_zip(tmp / "external.xlsx", parts),
        "links to other workbooks or data sources",
    )
    parts = parts_of(xlsx)
    parts["xl/vbaProject.bin"] = b"\0" * 64
    add("macro-content", write_zip(tmp / "macro.xlsx", parts), "holds macros")
    macro_named = tmp / "form.xlsm"
    macro_named.write_bytes(xlsx.read_bytes())
    add("xlsm", macro_named, "rrs does not read .xlsm files")
    bomb = parts_of(xlsx)
    bomb["xl/worksheets/sheet3.xml"] = b"<a>" + b" " * (200 * 1024 * 1024) + b"</a>"
    add("zip-bomb", write_zip(tmp / "bomb.xlsx", bomb), "a zip bomb?")
    lying = tmp / "lying.xlsx"
    lying.write_bytes(_lying_sizes(xlsx, "xl/worksheets/sheet2.xml", 60 * 1024 * 1024))
    add("zip-bomb-lying-sizes", lying, "a zip bomb?")
    encrypted = tmp / "encrypted.xlsx"
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
    add("password-protected", encrypted, "password-protected (encrypted)")
    renamed = tmp / "scan.xlsx"
    renamed.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    add("renamed-pdf", renamed, "not a workbook: it is a PDF document")
    garbage = tmp / "garbage.ods"
    garbage.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    add("broken-zip", garbage, "not a workbook: a broken zip container")
    return cases


def _lying_sizes(source: Path, part: str, real_size: int) -> bytes:
    """A zip whose part unpacks to ``real_size`` bytes while its headers say 1 KiB."""
    parts = parts_of(source)
    parts[part] = parts[part] + b" " * real_size
    raw = bytearray(write_zip(source.with_name("big.xlsx"), parts).read_bytes())
    archive = zipfile.ZipFile(source.with_name("big.xlsx"))
    info = archive.getinfo(part)
    # The central directory entry's uncompressed size (offset 24 in its header).
    position = raw.find(b"PK\x01\x02" + raw[info.header_offset + 4 : info.header_offset + 6])
    while position >= 0:
        name_length = int.from_bytes(raw[position + 28 : position + 30], "little")
        name = bytes(raw[position + 46 : position + 46 + name_length]).decode()
        if name == part:
            raw[position + 24 : position + 28] = (1024).to_bytes(4, "little")
            break
        position = raw.find(b"PK\x01\x02", position + 4)
    raw[info.header_offset + 22 : info.header_offset + 26] = (1024).to_bytes(4, "little")
    return bytes(raw)


TABLE_START = '<table:table table:name="Acties" table:style-name="ta" table:protected="true">'


def _ods_cases(ods: Path, tmp: Path) -> dict[str, tuple[Path, str]]:
    content = "content.xml"
    cases = {
        "ods-entities": (
            patched(
                ods,
                tmp / "entities.ods",
                content,
                lambda t: t.replace("?>", "?>" + BOMB, 1).replace(">Actie<", ">&i;<"),
            ),
            "declares a document type (XML entities)",
        ),
        "ods-formula": (
            patched(
                ods,
                tmp / "formula.ods",
                content,
                lambda t: t.replace(
                    'table:content-validation-name="vStatus"/>',
                    'table:content-validation-name="vStatus" '
                    'table:formula="of:=WEBSERVICE(&quot;x&quot;)" office:value-type="string"/>',
                    1,
                ),
            ),
            "› H2: the cell holds a formula",
        ),
        "ods-million-rows": (
            patched(
                ods,
                tmp / "rows.ods",
                content,
                lambda t: t.replace(
                    '</table:table><table:table table:name="rrs"',
                    '<table:table-row table:number-rows-repeated="1000000"><table:table-cell '
                    'office:value-type="string"><text:p>x</text:p></table:table-cell>'
                    '</table:table-row></table:table><table:table table:name="rrs"',
                ),
            ),
            "has values beyond row 50,000",
        ),
        "ods-external-link": (
            patched(
                ods,
                tmp / "linked.ods",
                content,
                lambda t: t.replace(
                    TABLE_START,
                    TABLE_START + '<table:table-source xlink:href="file:///etc/passwd" '
                    'xmlns:xlink="http://www.w3.org/1999/xlink"/>',
                ),
            ),
            "links to other files or data sources",
        ),
    }
    parts = parts_of(ods)
    parts["Basic/Standard/Module1.xml"] = b"<module/>"
    cases["ods-macro"] = (write_zip(tmp / "macro.ods", parts), "holds macros")
    parts = parts_of(ods)
    parts["META-INF/manifest.xml"] = parts["META-INF/manifest.xml"].replace(
        b"</manifest:manifest>",
        b'<manifest:file-entry manifest:full-path="x"><manifest:encryption-data/>'
        b"</manifest:file-entry></manifest:manifest>",
    )
    cases["ods-password"] = (write_zip(tmp / "locked.ods", parts), "password-protected")
    return cases


def read_capped(path: Path) -> list[dict[str, str]]:
    """The form's problems, read by a child process whose memory is capped."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (CAP_BYTES, CAP_BYTES))

    code = (
        "import json, sys; from pathlib import Path; from rrs_cli.forms.read import read_form; "
        "f = read_form(Path(sys.argv[1])); "
        "print(json.dumps([{'where': p.where, 'message': p.message, 'code': p.code} "
        "for p in f.problems]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=cap,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    problems: list[dict[str, str]] = json.loads(done.stdout)
    return problems


def test_every_hostile_workbook_is_refused_located_in_bounded_memory(
    rrs: Invoke, made: tuple[Path, Path], tmp_path: Path
) -> None:
    root, out = made
    cases = {
        **_xlsx_cases(out / "xlsx" / f"{OWNER}.xlsx", tmp_path),
        **_ods_cases(out / "ods" / f"{OWNER}.ods", tmp_path),
    }
    before = snapshot(root)
    for name, (path, message) in cases.items():
        problems = read_capped(path)
        found = " | ".join(f"{p['where']}: {p['message']}" for p in problems)
        assert message in found, (name, found)
        assert all(p["where"].startswith(path.name) for p in problems), (name, found)
        result = rrs("progress", "import", str(path), "--yes", catalogue=root)
        assert result.exit_code == 1, (name, result.stderr)
        assert "nothing was recorded" in result.stderr
    assert snapshot(root) == before


def test_bidi_and_invisible_characters_in_notes_and_names_are_refused(
    rrs: Invoke, made: tuple[Path, Path], tmp_path: Path
) -> None:
    root, out = made
    filled = fill_xlsx(
        out / "xlsx" / f"{OWNER}.xlsx",
        tmp_path / "bidi.xlsx",
        {"B": {"note": "Afgerond \u202eseveR", "by": "Jan\u200b"}},
    )
    result = rrs("progress", "import", str(filled), "--yes", catalogue=root)
    assert result.exit_code == 1
    assert "bidi.xlsx › Acties › J2: the note holds invisible" in result.stderr
    assert "\\u202e" in result.stderr and "\u202e" not in result.stderr
    assert "bidi.xlsx › Acties › K2: the name holds invisible" in result.stderr


def test_python_calamine_does_not_expand_entities(tmp_path: Path, made: tuple[Path, Path]) -> None:
    """The reader refuses any DTD first; calamine on its own refuses entities too."""
    import python_calamine

    _, out = made
    path = patched(
        out / "xlsx" / f"{OWNER}.xlsx",
        tmp_path / "e.xlsx",
        "xl/sharedStrings.xml",
        lambda t: t.replace("?>", "?>" + BOMB, 1).replace(">Actie<", ">&i;<"),
    )
    with pytest.raises(python_calamine.CalamineError):
        python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Acties")


@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
def test_forms_of_a_hostile_catalogue_are_well_formed_and_read_back(
    rrs: Invoke, tmp_path: Path, suffix: str
) -> None:
    """Catalogue text with every payload (controls, bidi, formula-looking text, markup)
    makes forms that read back cleanly: text stays text, nothing becomes a formula."""
    from rrs_cli.forms.read import read_form

    from .hostile import write_hostile_catalogue

    root = write_hostile_catalogue(tmp_path / "hostile")
    out = tmp_path / "out"
    result = rrs("progress", "forms", str(out), "--format", suffix, catalogue=root)
    assert result.exit_code == 0, result.stderr
    made = sorted(out.glob(f"*.{suffix}"))
    assert made
    for path in made:
        form = read_form(path)
        assert form.problems == [], (path.name, form.problems)
        assert form.hidden is not None and form.rows
        raw = b"".join(parts_of(path).values())
        assert b"<f>" not in raw and b"table:formula" not in raw, path.name
    returned = rrs("progress", "import", *map(str, made), "--dry-run", catalogue=root)
    assert returned.exit_code == 0, returned.stderr
    assert "nothing to record" in returned.stderr

"""The forms in a real client: LibreOffice Calc, headless.

Each generated form converts without error; a form filled in and saved by
LibreOffice (as .xlsx and as .ods) imports correctly; the drop-down and the
sheet protection survive the round trip. Without ``soffice`` these tests are
skipped on a workstation and fail in CI (``CI`` set), where ``.ci/run``
installs ``libreoffice-calc-nogui``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
import yaml

from .conftest import Invoke, MakeCatalogue
from .formtools import fill_ods, fill_xlsx, parts_of

pytestmark = pytest.mark.libreoffice
OWNER = "havenbedrijf-rotterdam"
PAST = date.today() - timedelta(days=10)
TARGETS = {"xlsx": "xlsx:Calc MS Excel 2007 XML", "ods": "ods:calc8"}


@pytest.fixture(scope="module")
def soffice(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None:
        message = "LibreOffice (soffice) is not installed"
        if os.environ.get("CI"):
            pytest.fail(f"LibreOffice tests cannot run in CI: {message}")
        pytest.skip(message)
    # A private profile: no user settings, no clash with another running LibreOffice.
    return binary, tmp_path_factory.mktemp("lo-profile")


def convert(soffice: tuple[str, Path], files: list[Path], target: str, outdir: Path) -> list[Path]:
    binary, profile = soffice
    outdir.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [
            binary,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            TARGETS[target],
            "--outdir",
            str(outdir),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Error" not in done.stderr, done.stderr
    converted = [outdir / f"{f.stem}.{target}" for f in files]
    for path in converted:
        assert path.is_file() and path.stat().st_size > 0, (path, done.stdout, done.stderr)
    return converted


@pytest.fixture
def round_forms(rrs: Invoke, make_catalogue: MakeCatalogue, tmp_path: Path) -> tuple[Path, Path]:
    root = make_catalogue()
    for suffix in ("xlsx", "ods"):
        result = rrs(
            "progress", "forms", str(tmp_path / suffix), "--format", suffix, "--round", "R1",
            catalogue=root,
        )  # fmt: skip
        assert result.exit_code == 0, result.stderr
    return root, tmp_path


def test_every_form_converts(
    soffice: tuple[str, Path], round_forms: tuple[Path, Path], tmp_path: Path
) -> None:
    _, out = round_forms
    xlsx = sorted((out / "xlsx").glob("*.xlsx"))
    ods = sorted((out / "ods").glob("*.ods"))
    assert len(xlsx) == len(ods) == 3
    convert(soffice, xlsx, "ods", tmp_path / "from-xlsx")
    convert(soffice, ods, "xlsx", tmp_path / "from-ods")


FILL = {"B": {"status": "Afgerond", "date": PAST, "note": "Opgeleverd", "by": "Jan"}}


@pytest.mark.parametrize("made", ["xlsx", "ods"])
@pytest.mark.parametrize("saved", ["xlsx", "ods"])
def test_a_form_saved_by_libreoffice_imports(
    rrs: Invoke,
    soffice: tuple[str, Path],
    round_forms: tuple[Path, Path],
    tmp_path: Path,
    made: str,
    saved: str,
) -> None:
    root, out = round_forms
    source = out / made / f"{OWNER}.{made}"
    fill = fill_xlsx if made == "xlsx" else fill_ods
    (tmp_path / "filled").mkdir()
    filled = fill(source, tmp_path / "filled" / f"{OWNER}.{made}", FILL)
    [resaved] = convert(soffice, [filled], saved, tmp_path / "saved")
    result = rrs("progress", "import", str(resaved), "--yes", catalogue=root)
    assert result.exit_code == 0, result.stderr
    data = yaml.safe_load((root / "actions" / "B.yaml").read_text(encoding="utf-8"))
    assert data["progress"] == [
        {"date": PAST, "status": "completed", "note": "Opgeleverd", "by": "Jan"}
    ]


def test_dropdown_and_protection_survive_libreoffice(
    soffice: tuple[str, Path], round_forms: tuple[Path, Path], tmp_path: Path
) -> None:
    _, out = round_forms
    [xlsx] = convert(soffice, [out / "ods" / f"{OWNER}.ods"], "xlsx", tmp_path / "x")
    book = openpyxl.load_workbook(xlsx)
    sheet = book["Acties"]
    assert sheet.protection.sheet
    assert sheet["A2"].protection.locked and not sheet["H2"].protection.locked
    lists = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
    assert lists and "Startend" in str(lists[0].formula1) and "H2" in str(lists[0].sqref)
    assert book["rrs"].sheet_state in ("hidden", "veryHidden")
    [ods] = convert(soffice, [out / "xlsx" / f"{OWNER}.xlsx"], "ods", tmp_path / "o")
    content = parts_of(ods)["content.xml"].decode("utf-8")
    assert 'table:name="Acties"' in content and 'table:protected="true"' in content
    assert "cell-content-is-in-list" in content and "Startend" in content
    assert 'style:cell-protect="none"' in content


def test_forms_of_a_hostile_catalogue_survive_libreoffice(
    rrs: Invoke, soffice: tuple[str, Path], tmp_path: Path
) -> None:
    """Every payload of the hostile catalogue, through LibreOffice and back: each form
    is still recognised, and no protected cell reads as changed."""
    from .hostile import write_hostile_catalogue

    root = write_hostile_catalogue(tmp_path / "hostile")
    saved = []
    for made, target in (("xlsx", "ods"), ("ods", "xlsx")):
        out = tmp_path / made
        result = rrs(
            "progress", "forms", str(out), "--format", made, "--round", "H", catalogue=root
        )
        assert result.exit_code == 0, result.stderr
        saved += convert(soffice, sorted(out.glob(f"*.{made}")), target, tmp_path / f"lo-{made}")
    result = rrs("progress", "import", *map(str, saved), "--dry-run", catalogue=root)
    assert result.exit_code == 0, result.stderr
    assert "nothing to record" in result.stderr

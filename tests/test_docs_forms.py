"""docs/forms.md's examples are real: its ```console blocks run in order, on a copy of
the bundled catalogue, with the returned forms filled in as the text describes.

The day the test runs is shown in the text as 1 December 2026.
"""

from __future__ import annotations

import re
import shlex
import shutil
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rrs_cli.cli import app
from rrs_cli.i18n import format_date

from .formtools import fill_xlsx
from .test_readme import blocks

DOC = Path(__file__).resolve().parent.parent / "docs" / "forms.md"
SHOWN_DAY = date(2026, 12, 1)
NOTE = "Eerste overleg met de partners is geweest."
RETURNED = {
    "havenbedrijf-rotterdam.xlsx": (
        "havenbedrijf-rotterdam.xlsx",
        {"H": {"status": "Lopend", "date": date(2026, 11, 20), "note": NOTE, "by": "A. de Vries"}},
    ),
    "gemeente-hbr.xlsx": ("gemeente-hbr.xlsx", {"21": {"status": "gestart", "by": "P. Jansen"}}),
    "gemeente-hbr-verbeterd.xlsx": (
        "gemeente-hbr.xlsx",
        {"21": {"status": "Startend", "by": "P. Jansen"}},
    ),
}


# The catalogue's checksum after the round holds the day the rows were recorded, so
# it is shown as it was on SHOWN_DAY.
SHOWN_VERSION = "8757ad3fcadc"


def shown(text: str) -> str:
    today = date.today()
    for lang in ("nl", "en"):
        text = text.replace(format_date(today, lang), format_date(SHOWN_DAY, lang))
    text = re.sub(
        r"(Catalogusversie|Catalogue version): [0-9a-f]{12}", rf"\1: {SHOWN_VERSION}", text
    )
    return text.replace(today.isoformat(), SHOWN_DAY.isoformat())


def test_the_round_in_the_docs_runs_as_shown(
    tmp_path: Path, bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalogue = tmp_path / "catalogus"
    shutil.copytree(bundled, catalogue)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner(env={"RRS_CATALOGUE": str(catalogue), "COLUMNS": "80", "NO_COLOR": "1"})
    examples = blocks(DOC.read_text(encoding="utf-8"))
    assert len(examples) >= 5
    for command, head, expected in examples:
        argv = shlex.split(command)[1:]
        for name in argv:
            if name.startswith("retour/") and not Path(name).exists():
                source, rows = RETURNED[Path(name).name]
                Path("retour").mkdir(exist_ok=True)
                fill_xlsx(Path("formulieren") / source, Path(name), rows)
        result = runner.invoke(app, argv)
        lines = (result.stdout + result.stderr).splitlines()
        if head is not None and len(lines) > head:
            lines = [*lines[:head], "..."]
        output = "\n".join(line.rstrip() for line in lines) + "\n"
        assert shown(output) == expected, command

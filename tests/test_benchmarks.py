"""The benchmark scripts start: their imports (tests/catalogues.py, measure.py) resolve.

No benchmark runs here (they take minutes and no test asserts a timing); each
script with a command line prints its help, which imports everything it uses.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
SCRIPTS = sorted(p.name for p in BENCHMARKS.glob("*.py") if "argparse" in p.read_text("utf-8"))


@pytest.mark.parametrize("script", SCRIPTS)
def test_the_script_starts(script: str, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), "--help"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "usage:" in done.stdout


def test_synth_writes_a_catalogue(tmp_path: Path) -> None:
    target = tmp_path / "synthetic"
    subprocess.run([sys.executable, str(BENCHMARKS / "synth.py"), str(target), "8"], check=True)
    assert len(list((target / "actions").glob("*.yaml"))) == 8

"""ruff and mypy are part of the test suite, so CI runs them with the tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


PATHS = [p for p in ("src", "tests", "benchmarks") if (ROOT / p).is_dir()]


def test_ruff_is_clean() -> None:
    lint = _run("ruff", "check", *PATHS)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    style = _run("ruff", "format", "--check", *PATHS)
    assert style.returncode == 0, style.stdout + style.stderr


def test_mypy_is_clean() -> None:
    result = _run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr

"""The README's examples are real: every ```console block is run and compared.

A block (fenced with three or four backticks) holds one command (``$ rrs ...``)
and its output. A block preceded by ``<!-- head: N -->`` shows only the first
N lines, followed by ``...``.
Run ``python -m tests.test_readme`` to refresh the outputs after a change.
"""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rrs_cli.cli import app

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(
    r"(?:<!-- head: (\d+) -->\n)?(?P<fence>`{3,4})console\n\$ (rrs [^\n]*)\n(.*?)(?P=fence)", re.S
)
ENV = {"COLUMNS": "80", "NO_COLOR": "1", "RRS_CATALOGUE": None}


def run(command: str, head: int | None) -> str:
    argv = shlex.split(command)[1:]
    result = CliRunner(env=ENV).invoke(app, argv)
    out = result.stdout + result.stderr
    lines = out.splitlines()
    if head is not None and len(lines) > head:
        lines = [*lines[:head], "..."]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def blocks(text: str) -> list[tuple[str, int | None, str]]:
    return [
        (m.group(3), int(m.group(1)) if m.group(1) else None, m.group(4))
        for m in BLOCK.finditer(text)
    ]


def test_readme_has_examples() -> None:
    assert len(blocks(README.read_text(encoding="utf-8"))) >= 8


@pytest.mark.parametrize(("command", "head", "shown"), blocks(README.read_text(encoding="utf-8")))
def test_readme_output_is_real(command: str, head: int | None, shown: str) -> None:
    assert run(command, head) == shown, f"refresh with: python -m tests.test_readme ({command})"


def update() -> None:
    text = README.read_text(encoding="utf-8")

    def fill(match: re.Match[str]) -> str:
        head = int(match.group(1)) if match.group(1) else None
        prefix = f"<!-- head: {head} -->\n" if head is not None else ""
        fence, command = match.group("fence"), match.group(3)
        return f"{prefix}{fence}console\n$ {command}\n{run(command, head)}{fence}"

    README.write_text(BLOCK.sub(fill, text), encoding="utf-8")


if __name__ == "__main__":
    update()
    sys.exit(0)

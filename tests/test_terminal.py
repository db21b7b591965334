"""At a terminal: one error style, each option once in the help, shell completion."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command

from rrs_cli.cli import app

from .conftest import Invoke


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("list", "--bogus"), "rrs: error: no such option: --bogus"),
        (("lst",), "rrs: error: no such command 'lst'"),
        (("show",), "rrs: error: missing argument 'ID'"),
        (("list", "--format", "xml"), "rrs: error: invalid value for '--format'"),
        (("links", "A", "--depth", "0"), "rrs: error: invalid value for '--depth'"),
    ],
)
def test_click_s_own_errors_are_in_rrs_style(
    rrs: Invoke, args: tuple[str, ...], message: str
) -> None:
    result = rrs(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message), result.stderr
    assert "Usage:" not in result.stderr and "Error:" not in result.stderr
    assert "see `rrs" in result.stderr


def _commands() -> list[tuple[str, Any]]:
    root = get_command(app)
    found: list[tuple[str, Any]] = []
    for name, command in root.commands.items():  # type: ignore[attr-defined]
        found.append((name, command))
        for sub, inner in getattr(command, "commands", {}).items():
            found.append((f"{name} {sub}", inner))
    return found


@pytest.mark.parametrize(("name", "command"), _commands())
def test_help_lists_each_option_once(rrs: Invoke, name: str, command: Any) -> None:
    names = [opt for param in command.params for opt in getattr(param, "opts", [])]
    assert len(names) == len(set(names)), (name, names)
    result = rrs(*name.split(), "--help")
    assert result.exit_code == 0
    assert result.stdout.count("-C, --catalogue") == 1, result.stdout


def test_shell_completion_installs_and_completes(tmp_path: Path) -> None:
    rrs = Path(sys.executable).parent / "rrs"
    env = {**os.environ, "HOME": str(tmp_path), "SHELL": "/bin/bash"}

    def in_bash(option: str) -> subprocess.CompletedProcess[str]:
        # As a user types it: the completion options find the shell among rrs's
        # parent processes, so rrs runs under bash (the "; true" keeps bash from
        # replacing itself with rrs), whatever started the tests.
        command = f"{shlex.quote(str(rrs))} {option}; true"
        return subprocess.run(
            ["bash", "-c", command], capture_output=True, text=True, env=env, check=True
        )

    assert "_RRS_COMPLETE" in in_bash("--show-completion").stdout
    in_bash("--install-completion")
    assert "rrs.sh" in (tmp_path / ".bashrc").read_text(encoding="utf-8")
    completed = subprocess.run(
        [rrs],
        capture_output=True,
        text=True,
        check=True,
        env={**env, "_RRS_COMPLETE": "complete_bash", "COMP_WORDS": "rrs li", "COMP_CWORD": "1"},
    )
    assert completed.stdout.split() == ["list", "links"]

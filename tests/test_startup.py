"""Start-up discipline: what a command leaves unloaded (benchmarks/ measures the time).

Each command imports what it uses, inside the command; these tests run the
entry point in a fresh interpreter and look at the modules it loaded.
"""

from __future__ import annotations

import ast
import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest

PLUGINS = "PYDANTIC_DISABLE_PLUGINS"

# Runs the entry point, then prints the loaded modules' names on stderr at exit.
PROBE = """
import atexit, sys
atexit.register(lambda: print("MODULES", *sorted(sys.modules), file=sys.stderr))
sys.argv = ["rrs", *sys.argv[1:]]
from rrs_cli.cli import main
main()
"""


def loaded(folder: Path, *args: str, plugins: str | None = None) -> set[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("RRS_CATALOGUE", PLUGINS)}
    if plugins is not None:
        env[PLUGINS] = plugins
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        cwd=folder,  # no catalogue above it: the bundled one
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return set(done.stderr.rsplit("MODULES", 1)[1].split())


def test_help_loads_no_models_yaml_or_rich(neutral_folder: Path) -> None:
    modules = loaded(neutral_folder, "--help")
    assert not {"rrs_cli.models", "pydantic.main", "yaml", "rich.console"} & modules


@pytest.mark.parametrize(
    "args", [["list"], ["list", "--format", "csv"], ["export"], ["show", "I"], ["show", "12"]]
)
def test_output_to_a_pipe_loads_no_rich(neutral_folder: Path, args: list[str]) -> None:
    modules = loaded(neutral_folder, *args)
    assert "rrs_cli.models" in modules  # the probe did run the command
    assert not {m for m in modules if m == "rich" or m.startswith("rich.")}


def test_no_plugin_loader_while_plugins_are_disabled(neutral_folder: Path) -> None:
    modules = loaded(neutral_folder, "show", "I")
    assert "rrs_cli.models" in modules and "importlib.metadata" not in modules
    # A user's own choice of plugins to disable: Pydantic's loader reads them.
    assert "importlib.metadata" in loaded(neutral_folder, "show", "I", plugins="some-plugin")


def test_pydantic_asks_the_loader_only_for_get_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    """What skip_plugin_loader relies on: if this fails, Pydantic changed; drop or adapt it."""
    from pydantic.plugin import _loader, _schema_validator

    tree = ast.parse(inspect.getsource(_schema_validator))
    imported = [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "_loader"
        for alias in node.names
    ]
    assert imported == ["get_plugins"]
    monkeypatch.setenv(PLUGINS, "__all__")
    assert tuple(_loader.get_plugins()) == ()

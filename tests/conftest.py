"""Shared fixtures: small catalogues written to tmp_path (tests/catalogues.py), a CLI runner.

Rich's width is pinned (COLUMNS) and colour is off (NO_COLOR), so rendered
output is stable whatever terminal runs the tests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rrs_cli import discovery
from rrs_cli.cli import app
from rrs_cli.layout import bundled_catalogue

from .catalogues import (
    GOALS,
    QUALITIES,
    STRATEGY,
    connected,
    default_actions,
    dump,
    flywheel,
    write_catalogue,
)

# The builders live in tests/catalogues.py; import them from there. They are
# named here too for test modules written before it existed.
__all__ = ["GOALS", "QUALITIES", "STRATEGY", "connected", "default_actions", "dump", "flywheel"]

MakeCatalogue = Callable[..., Path]


@pytest.fixture
def make_catalogue(tmp_path: Path) -> MakeCatalogue:
    """Write a catalogue; ``actions`` maps file stem to data or to raw text."""

    def make(
        actions: dict[str, Any] | None = None,
        *,
        goals: Any = None,
        qualities: Any = None,
        strategy: Any = None,
        name: str = "catalogue",
    ) -> Path:
        root = tmp_path / name
        suffix = 1
        while root.exists():
            suffix += 1
            root = tmp_path / f"{name}{suffix}"
        return write_catalogue(root, actions, goals=goals, qualities=qualities, strategy=strategy)

    return make


@pytest.fixture(scope="session")
def neutral_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty folder with no catalogue above it."""
    return tmp_path_factory.mktemp("neutral")


@pytest.fixture(autouse=True)
def no_discovered_catalogue(monkeypatch: pytest.MonkeyPatch, neutral_folder: Path) -> None:
    """Catalogue discovery starts from an empty folder, whatever folder pytest runs in.

    Without --catalogue the tests then use the bundled catalogue even when pytest is
    started inside a catalogue. tests/test_discovery.py overrides this fixture to
    test discovery from real folders.
    """
    monkeypatch.setattr(discovery, "current_folder", lambda: neutral_folder)


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("RRS_CATALOGUE", raising=False)
    return CliRunner()


Invoke = Callable[..., Any]


@pytest.fixture
def rrs(runner: CliRunner) -> Invoke:
    """Run ``rrs ARGS`` in-process; returns the click Result."""

    def invoke(*args: str, catalogue: Path | None = None) -> Any:
        argv = (["--catalogue", str(catalogue)] if catalogue else []) + list(args)
        return runner.invoke(app, argv, catch_exceptions=False)

    return invoke


@pytest.fixture(scope="session")
def bundled() -> Path:
    return bundled_catalogue()

"""Shared fixtures: small catalogues written to tmp_path, and a CLI runner.

Rich's width is pinned (COLUMNS) and colour is off (NO_COLOR), so rendered
output is stable whatever terminal runs the tests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from rrs_cli import discovery
from rrs_cli.cli import app
from rrs_cli.layout import bundled_catalogue

GOALS = [
    {
        "number": 1,
        "key": "samenleving",
        "name_nl": "Een samenleving in balans",
        "name_en": "A balanced society",
        "tagline": "Vaardige burgers",
    },
    {
        "number": 3,
        "key": "cyber",
        "name_nl": "Rotterdam cyber havenstad",
        "name_en": "Rotterdam cyber port city",
        "tagline": "Cyberveiligheid",
    },
]
QUALITIES = [
    {"key": "robust", "name_nl": "Robuustheid", "name_en": "Robust", "definition": "Stevig"},
    {
        "key": "flexible",
        "name_nl": "Flexibiliteit",
        "name_en": "Flexible",
        "definition": "Wendbaar",
    },
]


STRATEGY = {
    "name": "Teststrategie",
    "name_en": "Test strategy",
    "city": "Teststad",
    "published": 2016,
    "language": "nl",
    "contact": "test@example.org",
}


def flywheel(id_: str, **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": id_,
        "kind": "flywheel",
        "title": f"Vliegwiel {id_}",
        "description": "Een beschrijving.",
        "resilience_value": "Maakt de stad robuust.",
        "owner": "Gemeente",
        "partners": "Havenbedrijf Rotterdam",
        "funding": "PM",
        "status": "new",
        "status_text": "Nieuw",
        "term": "short",
        "term_text": "Korte termijn",
        "goal": "samenleving",
        "goals": ["samenleving"],
        "qualities": ["robust"],
        "impact_levels": [],
        "links": [],
    }
    base.update(fields)
    return base


def connected(id_: str, **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": id_,
        "kind": "connected",
        "title": f"Actie {id_}",
        "description": "Een verbonden actie.",
        "owner": "Cluster Stadsontwikkeling",
        "partners": "Scholen",
        "funding": "Gemeente",
        "status": "ongoing",
        "status_text": "Lopend",
        "term": "medium",
        "term_text": "Middellange termijn",
        "goal": "samenleving",
        "goals": [],
        "qualities": [],
        "impact_levels": [],
        "links": [],
    }
    base.update(fields)
    return base


def default_actions() -> dict[str, dict[str, Any]]:
    return {
        "A": flywheel("A", links=["1", "2"]),
        "B": flywheel(
            "B",
            title="Deltaplan cyber",
            goal="cyber",
            goals=["cyber"],
            qualities=["flexible"],
            links=["3"],
            owner="Havenbedrijf Rotterdam",
            status="in-development",
            status_text="In ontwikkeling",
        ),
        "1": connected("1", links=["A"]),
        "2": connected(
            "2",
            links=["A"],
            status="new",
            status_text="Nieuw",
            term="short",
            term_text="Korte termijn",
        ),
        "3": connected("3", links=["B"], goal="cyber", title="Cyber building blocks"),
    }


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


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
        (root / "actions").mkdir(parents=True)
        for file_name, content in (
            ("strategy.yaml", STRATEGY if strategy is None else strategy),
            ("goals.yaml", GOALS if goals is None else goals),
            ("qualities.yaml", QUALITIES if qualities is None else qualities),
        ):
            text = content if isinstance(content, str) else dump(content)
            (root / file_name).write_text(text, encoding="utf-8")
        for stem, content in (default_actions() if actions is None else actions).items():
            text = content if isinstance(content, str) else dump(content)
            (root / "actions" / f"{stem}.yaml").write_text(text, encoding="utf-8")
        return root

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

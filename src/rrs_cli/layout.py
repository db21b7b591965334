"""The catalogue's layout: its file and folder names, and where the bundled one is.

The one place that spells how a catalogue folder is laid out (see ``discovery``
for which catalogue a command uses). Light on purpose (no models, no YAML): the
CLI needs it before it knows which command runs.
"""

from __future__ import annotations

from pathlib import Path

ENV_VAR = "RRS_CATALOGUE"
ACTIONS_DIR = "actions"
GOALS_FILE = "goals.yaml"
QUALITIES_FILE = "qualities.yaml"
STRATEGY_FILE = "strategy.yaml"
ACCEPTED_FILE = "accepted.yaml"
# Progress rounds (rrs progress forms/import): written by rrs, see rounds.py.
ROUNDS_FILE = "rounds.yaml"


def packaged_catalogue() -> Path | None:
    """The catalogue inside an installed package (``rrs_cli/catalogue``), if there is one."""
    packaged = Path(__file__).resolve().parent / "catalogue"
    return packaged if (packaged / ACTIONS_DIR).is_dir() else None


def bundled_catalogue() -> Path:
    """The catalogue shipped with rrs: inside the package, or the checkout's ``data/``."""
    packaged = packaged_catalogue()
    if packaged is not None:
        return packaged
    return Path(__file__).resolve().parent.parent.parent / "data"


__all__ = [
    "ACCEPTED_FILE",
    "ACTIONS_DIR",
    "ENV_VAR",
    "GOALS_FILE",
    "QUALITIES_FILE",
    "ROUNDS_FILE",
    "STRATEGY_FILE",
    "bundled_catalogue",
    "packaged_catalogue",
]

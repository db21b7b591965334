"""Where the bundled catalogue is (see ``discovery`` for which catalogue a command uses).

Light on purpose (no models, no YAML): the CLI needs it before it knows
which command runs.
"""

from __future__ import annotations

from pathlib import Path

ENV_VAR = "RRS_CATALOGUE"
ACTIONS_DIR = "actions"


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


def resolve_root(option: Path | None) -> Path:
    """The catalogue to use: the option, $RRS_CATALOGUE, the discovered one, the bundled one."""
    from .discovery import locate

    return locate(option).path


__all__ = ["ENV_VAR", "bundled_catalogue", "packaged_catalogue", "resolve_root"]

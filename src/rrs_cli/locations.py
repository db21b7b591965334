"""Where the catalogue is: the option, the environment, or the bundled one.

Light on purpose (no models, no YAML): the CLI needs it before it knows
which command runs.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "RRS_CATALOGUE"
ACTIONS_DIR = "actions"


def bundled_catalogue() -> Path:
    """The catalogue shipped with rrs: inside the package, or the checkout's ``data/``."""
    here = Path(__file__).resolve().parent
    packaged = here / "catalogue"
    if (packaged / ACTIONS_DIR).is_dir():
        return packaged
    return here.parent.parent / "data"


def resolve_root(option: Path | None) -> Path:
    """The catalogue to use: the option, then $RRS_CATALOGUE, then the bundled one."""
    if option is not None:
        return option
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env)
    return bundled_catalogue()


__all__ = ["ENV_VAR", "bundled_catalogue", "resolve_root"]

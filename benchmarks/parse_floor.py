"""The parse floor: one process that only parses a catalogue's files with PyYAML's C loader.

    python benchmarks/parse_floor.py CATALOGUE

No checks, no models, no output: what reading the catalogue costs at the least
in Python. `rrs validate`, `rrs list` and `rrs export` are compared with it
(benchmarks/floors.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

root = Path(sys.argv[1])
paths = [root / name for name in ("strategy.yaml", "goals.yaml", "qualities.yaml")]
paths += sorted((root / "actions").glob("*.yaml"))
for path in paths:
    if path.exists():
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)

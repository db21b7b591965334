"""Write a synthetic catalogue from the command line (the builders: tests/catalogues.py).

python benchmarks/synth.py DIR N [--one-sided]     # N actions shaped like Rotterdam's
python benchmarks/synth.py DIR all-flywheels F N    # F flywheels, N actions linked to all
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.catalogues import write_all_flywheels, write_synthetic

if __name__ == "__main__":
    if sys.argv[2:3] == ["all-flywheels"]:
        write_all_flywheels(Path(sys.argv[1]), int(sys.argv[3]), int(sys.argv[4]))
    else:
        write_synthetic(
            Path(sys.argv[1]), int(sys.argv[2]), one_sided="--one-sided" in sys.argv[3:]
        )

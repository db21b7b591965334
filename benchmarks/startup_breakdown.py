"""Where `rrs list --goal cyber` spends its start-up time, step by step.

Each row is a fresh interpreter that does everything the row above did and
one thing more; the increment is that thing's cost (median of cold runs).
This is the profile behind the start-up floor in benchmarks/README.md.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

STEPS = [
    ("interpreter", "pass"),
    ("baseline: import typer, pydantic, rich, yaml", "import typer, pydantic, rich, yaml"),
    ("+ pydantic.BaseModel", "from pydantic import BaseModel"),
    ("+ rrs models (Pydantic schema build)", "import rrs_cli.models"),
    ("+ rich console and table", "import rich.console, rich.table"),
    (
        "+ rrs CLI and Typer's command tree",
        "import rrs_cli.cli, typer.main; typer.main.get_command(rrs_cli.cli.app)",
    ),
]


def timed(code: str, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main(runs: int = 9) -> None:
    rrs = Path(sys.executable).parent / "rrs"
    code = ""
    previous = 0.0
    print("| step | cumulative | increment |\n|---|---:|---:|")
    for name, statement in STEPS:
        code = f"{code}; {statement}" if code else statement
        total = timed(code, runs)
        print(f"| {name} | {total * 1000:.0f} ms | {(total - previous) * 1000:+.0f} ms |")
        previous = total
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(rrs), "list", "--goal", "cyber"], check=True, stdout=subprocess.DEVNULL)
        samples.append(time.perf_counter() - start)
    total = statistics.median(samples)
    print(
        f"| full `rrs list --goal cyber` (adds loading 68 files and rendering) "
        f"| {total * 1000:.0f} ms | {(total - previous) * 1000:+.0f} ms |"
    )


if __name__ == "__main__":
    main()

"""Where `rrs list --goal cyber` spends its start-up time, step by step.

Each row is a fresh interpreter that does everything the row above did and
one thing more, in the order the entry point does it; the increment is that
thing's cost. Rows run interleaved (``measure.py``); medians of wall and CPU
time. This is the profile behind the start-up numbers in benchmarks/README.md.

    python benchmarks/startup_breakdown.py [ROUNDS]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import compile_sources, interleaved, summary

STEPS = [
    ("interpreter", "pass"),
    ("baseline: import typer, pydantic, rich, yaml", "import typer, pydantic, rich, yaml"),
    ("+ rrs CLI modules", "import rrs_cli.cli as cli"),
    (
        "+ plugins off, Pydantic's plugin loader not imported",
        "import os; os.environ.setdefault('PYDANTIC_DISABLE_PLUGINS', '__all__'); "
        "cli.skip_plugin_loader()",
    ),
    ("+ rrs models (Pydantic schema build)", "import rrs_cli.models"),
    ("+ the catalogue loader and graph", "import rrs_cli.graph, rrs_cli.query"),
    (
        "+ Typer's command tree (only `list`)",
        "import typer.main; cli.build_only_the_command_run(['list']); "
        "typer.main.get_command(cli.app)",
    ),
]


def main(rounds: int = 15) -> None:
    commands: dict[str, list[str]] = {}
    code = ""
    for name, statement in STEPS:
        code = f"{code}; {statement}" if code else statement
        commands[name] = [sys.executable, "-c", code]
    full = "full `rrs list --goal cyber` to a pipe (adds loading 68 files and rendering)"
    commands[full] = [sys.executable, "-m", "rrs_cli", "list", "--goal", "cyber"]
    import rrs_cli

    compile_sources(Path(rrs_cli.__file__).parent)
    os.chdir(tempfile.gettempdir())  # the bundled catalogue
    samples = interleaved(commands, rounds)
    print("| step | wall | increment | CPU | increment |\n|---|---:|---:|---:|---:|")
    previous_wall = previous_cpu = 0.0
    for name, runs in samples.items():
        wall = summary([s.wall for s in runs]).median
        cpu = summary([s.cpu for s in runs]).median
        print(
            f"| {name} | {wall * 1000:.0f} ms | {(wall - previous_wall) * 1000:+.0f} ms "
            f"| {cpu * 1000:.0f} ms | {(cpu - previous_cpu) * 1000:+.0f} ms |"
        )
        previous_wall, previous_cpu = wall, cpu


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:2]))

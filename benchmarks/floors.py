"""rrs against its two floors, measured steadily enough to tell a 10 % change.

    python benchmarks/floors.py                      # both floors (about 10 minutes)
    python benchmarks/floors.py --only startup --rounds 21
    python benchmarks/floors.py --only parse --catalogue /tmp/s10k   # reuse a catalogue
    python benchmarks/floors.py --before /tmp/old/src                # and an older rrs

The parse floor: one process that only parses the catalogue's files with
PyYAML's C loader (``parse_floor.py``), on a synthetic catalogue of 10,000
actions (``tests/catalogues.py``). Targets: `rrs validate` and `rrs list` at
most 1.1 times the floor, `rrs export` at most 1.2 times.

The stack floor: ``python -c "import typer, pydantic, rich, yaml"``. Targets:
`rrs list` and `rrs show I` on the bundled catalogue at most 2.2 times it.

Runs are interleaved and each ratio is taken within its round (``measure.py``);
the tables give the median ratio with its range [min–max] and interquartile
range, for wall time and for CPU time. No timing is asserted anywhere.
``--before SRC`` adds the same rrs commands run from another ``src/`` folder (for
instance ``git archive main src | tar -x -C /tmp/old``), interleaved with these.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from measure import Sample, compile_sources, interleaved, load_average, paired_ratios, summary
from tests.catalogues import write_synthetic

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
STACK = [sys.executable, "-c", "import typer, pydantic, rich, yaml"]


def rrs_from(src: Path) -> list[str]:
    """rrs run from the ``src`` folder given (``env`` execs: the same process is measured)."""
    return ["env", f"PYTHONPATH={src}", sys.executable, "-m", "rrs_cli"]


def versions(src: Path, before: Path | None) -> dict[str, list[str]]:
    """ "" (``src``) and, with ``--before``, "before": the rrs command of each."""
    found = {"": rrs_from(src)}
    if before:
        found["before"] = rrs_from(before)
    return found


def table(
    samples: dict[str, list[Sample]],
    baseline: str,
    targets: dict[str, float],
) -> list[str]:
    """One row per command: median wall and CPU, and the paired ratios to the baseline."""
    lines = [
        "| command | wall (median) | CPU (median) | wall ratio [range] | IQR | CPU ratio [range] "
        "| IQR | target |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, runs in samples.items():
        wall = summary([s.wall for s in runs])
        cpu = summary([s.cpu for s in runs])
        if name == baseline:
            cells = "1 | — | 1 | — | —"
        else:
            wall_ratio = summary(paired_ratios(samples, name, baseline, "wall"))
            cpu_ratio = summary(paired_ratios(samples, name, baseline, "cpu"))
            target = next((f"≤ {v:g}" for k, v in targets.items() if name.startswith(k)), "—")
            cells = (
                f"{wall_ratio.text()} | {wall_ratio.iqr_text()} | {cpu_ratio.text()} "
                f"| {cpu_ratio.iqr_text()} | {target}"
            )
        lines.append(
            f"| `{name}` | {wall.median * 1000:.0f} ms | {cpu.median * 1000:.0f} ms | {cells} |"
        )
    return lines + changes(samples)


def changes(samples: dict[str, list[Sample]]) -> list[str]:
    """With --before: each command's time over its time before, round by round."""
    pairs = [(name, f"{name} (before)") for name in samples if f"{name} (before)" in samples]
    if not pairs:
        return []
    lines = [
        "",
        "| command | now / before: wall [range] | IQR | CPU [range] | IQR |",
        "|---|---:|---:|---:|---:|",
    ]
    for now, before in pairs:
        wall = summary(paired_ratios(samples, now, before, "wall"))
        cpu = summary(paired_ratios(samples, now, before, "cpu"))
        lines.append(
            f"| `{now}` | {wall.text()} | {wall.iqr_text()} | {cpu.text()} | {cpu.iqr_text()} |"
        )
    return lines


def parse_floor(
    catalogue: Path, rounds: int, env: dict[str, str], src: Path, before: Path | None
) -> list[str]:
    commands = {"parse floor": [sys.executable, str(HERE / "parse_floor.py"), str(catalogue)]}
    for label, rrs in versions(src, before).items():
        suffix = f" ({label})" if label else ""
        commands[f"rrs validate{suffix}"] = [*rrs, "validate", str(catalogue)]
        commands[f"rrs list{suffix}"] = [*rrs, "-C", str(catalogue), "list"]
        commands[f"rrs export{suffix}"] = [*rrs, "-C", str(catalogue), "export"]
    count = len(list((catalogue / "actions").glob("*.yaml")))
    print(f"parse floor: {count:,} actions, {rounds} rounds", file=sys.stderr)
    load = load_average()
    samples = interleaved(commands, rounds, env)
    targets = {"rrs validate": 1.1, "rrs list": 1.1, "rrs export": 1.2}
    return [
        f"### Against the parse floor ({count:,} synthetic actions)",
        "",
        f"{rounds} interleaved rounds after one warm-up round; load average at the start "
        f"{load}, at the end {load_average()}.",
        "",
        *table(samples, "parse floor", targets),
        "",
    ]


def stack_floor(rounds: int, env: dict[str, str], src: Path, before: Path | None) -> list[str]:
    commands = {"import typer, pydantic, rich, yaml": STACK}
    for label, rrs in versions(src, before).items():
        suffix = f" ({label})" if label else ""
        commands[f"rrs list{suffix}"] = [*rrs, "list"]
        commands[f"rrs show I{suffix}"] = [*rrs, "show", "I"]
        commands[f"rrs --help{suffix}"] = [*rrs, "--help"]
        commands[f"rrs validate{suffix}"] = [*rrs, "validate"]
    print(f"stack floor: bundled catalogue, {rounds} rounds", file=sys.stderr)
    load = load_average()
    samples = interleaved(commands, rounds, env)
    return [
        "### Against the stack import (bundled catalogue)",
        "",
        f"{rounds} interleaved rounds after one warm-up round; load average at the start "
        f"{load}, at the end {load_average()}. `--help` and `validate` are shown for "
        "reference (no target).",
        "",
        *table(samples, "import typer, pydantic, rich, yaml", {"rrs list": 2.2, "rrs show": 2.2}),
        "",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["parse", "startup"], help="one floor only")
    parser.add_argument("--rounds", type=int, default=9, help="rounds against the parse floor")
    parser.add_argument("--startup-rounds", type=int, default=21, help="rounds, stack floor")
    parser.add_argument("--size", type=int, default=10_000, help="synthetic actions")
    parser.add_argument("--catalogue", type=Path, help="use (or write) this synthetic catalogue")
    parser.add_argument(
        "--src", type=Path, default=ROOT / "src", help="run rrs from this src/ folder"
    )
    parser.add_argument("--before", type=Path, help="also run rrs from this src/ folder")
    parser.add_argument("--output", type=Path, help="also write the report to this file")
    args = parser.parse_args()
    # No catalogue from the environment; the bundled one for the start-up commands.
    env = {k: v for k, v in os.environ.items() if k not in ("RRS_CATALOGUE", "NO_COLOR")}
    compile_sources(*(src for src in (args.src, args.before) if src))
    os.chdir(tempfile.gettempdir())  # no catalogue found from the current folder
    report = [f"## Floors, {time.strftime('%Y-%m-%d %H:%M')}", ""]
    if args.only != "startup":
        with tempfile.TemporaryDirectory(prefix="rrs-floors-") as tmp:
            catalogue = args.catalogue or Path(tmp) / f"synthetic-{args.size}"
            if not (catalogue / "actions").is_dir():
                write_synthetic(catalogue, args.size)
            report += parse_floor(catalogue, args.rounds, env, args.src, args.before)
    if args.only != "parse":
        report += stack_floor(args.startup_rounds, env, args.src, args.before)
    text = "\n".join(report)
    print(text)
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

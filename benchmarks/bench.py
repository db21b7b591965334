"""rrs benchmarks: start-up and scale, as ratios against baselines from the same run.

    python benchmarks/bench.py                 # everything (about ten minutes)
    python benchmarks/bench.py --quick         # fewer runs, sizes 1,000 and 10,000
    python benchmarks/bench.py --output benchmarks/RESULTS.md

Every number is the median of several cold process runs (a new interpreter
each time). Start-up is compared with the bare import of rrs's stack
(``import typer, pydantic, rich, yaml``); scale with the next smaller size; the
peer is check-jsonschema (``pip install check-jsonschema``) validating the
same files against ``rrs schema``. No timing is asserted anywhere: this script
measures and reports.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from measure import compile_sources
from tests.catalogues import write_all_flywheels, write_synthetic

BASELINE = [sys.executable, "-c", "import typer, pydantic, rich, yaml"]


def rrs_command() -> list[str]:
    """The rrs command to measure, its modules compiled first (measure.compile_sources)."""
    import rrs_cli

    compile_sources(Path(rrs_cli.__file__).parent)
    script = Path(sys.executable).parent / "rrs"
    return [str(script)] if script.exists() else [sys.executable, "-m", "rrs_cli"]


def timed(argv: Sequence[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False
    )
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"benchmark command failed ({done.returncode}): {' '.join(argv)}")
    return elapsed


def medians(commands: dict[str, list[str]], runs: int, env: dict[str, str]) -> dict[str, float]:
    """Median wall time of each command; runs are interleaved so drift hits all alike."""
    for argv in commands.values():
        timed(argv, env)  # warm the file cache; not counted
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            samples[name].append(timed(argv, env))
    return {name: statistics.median(values) for name, values in samples.items()}


def measured(argv: Sequence[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall time, CPU time (user + system) and peak memory (max RSS, KiB) of one run.

    CPU time includes the forked reader's; on a shared, busy machine it moves
    less than wall time does.
    """
    start = time.perf_counter()
    with Path(os.devnull).open("wb") as null:
        process = subprocess.Popen(argv, stdout=null, stderr=null, env=env)
        _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        sys.exit(f"benchmark command failed ({process.returncode}): {' '.join(argv)}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def many_findings(
    rrs: list[str], size: int, runs: int, env: dict[str, str], workdir: Path
) -> list[str]:
    """Validation when nearly every action has a finding, against a clean catalogue."""
    clean = write_synthetic(workdir / "clean", size)
    findings = write_synthetic(workdir / "findings", size, one_sided=True)
    cases = {
        f"{name} {fmt}": [*rrs, "validate", str(root), "--format", fmt]
        for fmt in ("text", "json", "github")
        for name, root in (("clean", clean), ("findings", findings))
    }
    for argv in cases.values():
        measured(argv, env)  # warm the file cache; not counted
    times: dict[str, list[float]] = {name: [] for name in cases}
    cpu: dict[str, list[float]] = {name: [] for name in cases}
    memory: dict[str, list[int]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, argv in cases.items():
            elapsed, used, peak = measured(argv, env)
            times[name].append(elapsed)
            cpu[name].append(used)
            memory[name].append(peak)
    lines = [
        "## Many findings",
        "",
        f"`rrs validate` on {size:,} synthetic actions, clean and with a one-sided link in "
        f"nearly every action (`synth.py --one-sided`). Median of {runs} cold runs, "
        "interleaved; CPU time is user + system (with the forked reader); peak memory is "
        "the maximum resident set size.",
        "",
        "| format | wall: clean | findings | ratio | CPU: clean | findings | ratio "
        "| memory: clean | findings | ratio |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for fmt in ("text", "json", "github"):
        cells = []
        for values, unit, scale in ((times, "s", 1.0), (cpu, "s", 1.0), (memory, "MiB", 1024)):
            clean_value = statistics.median(values[f"clean {fmt}"]) / scale
            found_value = statistics.median(values[f"findings {fmt}"]) / scale
            digits = 0 if unit == "MiB" else 2
            cells.append(
                f"{clean_value:.{digits}f} {unit} | {found_value:.{digits}f} {unit} "
                f"| {found_value / clean_value:.2f}"
            )
        lines.append(f"| `{fmt}` | {' | '.join(cells)} |")
    shutil.rmtree(clean)
    shutil.rmtree(findings)
    return [*lines, ""]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs ({cpu}), "
        f"Python {platform.python_version()}"
    )


def startup(rrs: list[str], runs: int, env: dict[str, str]) -> list[str]:
    commands = {
        "baseline: import typer, pydantic, rich, yaml": BASELINE,
        "rrs --help": [*rrs, "--help"],
        "rrs list --goal cyber": [*rrs, "list", "--goal", "cyber"],
        "rrs show I": [*rrs, "show", "I"],
        "rrs validate": [*rrs, "validate"],
    }
    times = medians(commands, runs, env)
    base = times[next(iter(commands))]
    lines = [
        "## Start-up (bundled catalogue)",
        "",
        f"Median of {runs} cold runs each, output to /dev/null.",
        "",
        "| command | median | ratio to baseline |",
        "|---|---:|---:|",
    ]
    lines += [f"| `{name}` | {t * 1000:.0f} ms | {t / base:.2f} |" for name, t in times.items()]
    return [*lines, ""]


def scale(
    rrs: list[str], sizes: list[int], runs: int, env: dict[str, str], workdir: Path
) -> list[str]:
    schema = workdir / "action.schema.json"
    subprocess.run(
        [*rrs, "schema", "--output", str(schema)], check=True, env=env, stderr=subprocess.DEVNULL
    )
    beside = Path(sys.executable).parent / "check-jsonschema"
    peer = str(beside) if beside.exists() else shutil.which("check-jsonschema")
    lines = [
        "## Scale (synthetic catalogues)",
        "",
        f"Median of {runs} cold runs each. Growth: time at this size divided by the time "
        "at the previous size (the size grows by the factor in brackets).",
        "",
        "| actions | `rrs validate` | growth | `rrs list --text` | growth | "
        "check-jsonschema | rrs vs check-jsonschema |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    previous: tuple[int, float, float] | None = None
    for size in sizes:
        root = write_synthetic(workdir / f"catalogue-{size}", size)
        commands = {
            "validate": [*rrs, "validate", str(root)],
            "list": [
                *rrs,
                "--catalogue",
                str(root),
                "list",
                "--text",
                "veerkracht",
                "--format",
                "csv",
            ],
        }
        files = sorted(str(p) for p in (root / "actions").iterdir())
        if peer and size <= 10_000:
            commands["peer"] = [peer, "--schemafile", str(schema), *files]
        times = medians(commands, runs, env)
        grow_v = grow_l = "—"
        if previous:
            factor = size / previous[0]
            grow_v = f"{times['validate'] / previous[1]:.2f} (×{factor:g})"
            grow_l = f"{times['list'] / previous[2]:.2f} (×{factor:g})"
        peer_time = times.get("peer")
        peer_cells = (
            f"{peer_time:.2f} s | {peer_time / times['validate']:.1f}× faster"
            if peer_time
            else "not run | —"
        )
        lines.append(
            f"| {size:,} | {times['validate']:.2f} s | {grow_v} | {times['list']:.2f} s "
            f"| {grow_l} | {peer_cells} |"
        )
        previous = (size, times["validate"], times["list"])
        shutil.rmtree(root)
    if not peer:
        lines += ["", "check-jsonschema is not installed (`pip install check-jsonschema`)."]
    return [*lines, ""]


def all_flywheels(
    rrs: list[str], size: int, runs: int, env: dict[str, str], workdir: Path
) -> list[str]:
    """The hostile "all flywheels" shape against a clean catalogue of as many actions."""
    hostile = write_all_flywheels(workdir / "all-flywheels", size, size)
    total = len(list((hostile / "actions").iterdir()))
    clean = write_synthetic(workdir / "clean", total)
    commands: dict[str, list[str]] = {}
    for name, root in (("clean", clean), ("all-flywheels", hostile)):
        commands[f"{name} validate"] = [*rrs, "validate", str(root)]
        commands[f"{name} list"] = [*rrs, "--catalogue", str(root), "list", "--goal", "cyber"]
    times = medians(commands, runs, env)
    shutil.rmtree(hostile)
    shutil.rmtree(clean)
    lines = [
        '## "All flywheels" at scale',
        "",
        f'{size:,} flywheels and {size:,} connected actions whose LINK is "all flywheels" '
        f"(plus {size:,} named ones; {total:,} actions), against a synthetic catalogue of "
        f"{total:,} actions. Median of {runs} cold runs each.",
        "",
        "| command | clean | all flywheels | ratio |",
        "|---|---:|---:|---:|",
    ]
    for command, label in (("validate", "`rrs validate`"), ("list", "`rrs list --goal cyber`")):
        base, hard = times[f"clean {command}"], times[f"all-flywheels {command}"]
        lines.append(f"| {label} | {base:.2f} s | {hard:.2f} s | {hard / base:.2f} |")
    return [*lines, ""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs per start-up command")
    parser.add_argument("--scale-runs", type=int, default=3, help="runs per scale command")
    parser.add_argument("--sizes", default="1000,10000,40000", help="catalogue sizes")
    parser.add_argument("--quick", action="store_true", help="5 runs; sizes 1,000 and 10,000")
    parser.add_argument(
        "--only-findings", action="store_true", help="only the many-findings comparison"
    )
    parser.add_argument("--output", type=Path, help="also write the report to this file")
    parser.add_argument(
        "--all-flywheels", type=int, default=4000, help='flywheels in the "all flywheels" case'
    )
    args = parser.parse_args()
    if args.quick:
        args.runs, args.scale_runs, args.sizes = 5, 2, "1000,10000"
    env = {k: v for k, v in os.environ.items() if k not in ("RRS_CATALOGUE", "NO_COLOR")}
    rrs = rrs_command()
    with tempfile.TemporaryDirectory(prefix="rrs-bench-") as tmp:
        report = [f"# rrs benchmark, {time.strftime('%Y-%m-%d')}", "", f"Machine: {machine()}.", ""]
        if not args.only_findings:
            report += startup(rrs, args.runs, env)
            report += scale(
                rrs, [int(s) for s in args.sizes.split(",")], args.scale_runs, env, Path(tmp)
            )
            report += all_flywheels(rrs, args.all_flywheels, args.scale_runs, env, Path(tmp))
        report += many_findings(rrs, 10_000, max(args.scale_runs, 5), env, Path(tmp))
    text = "\n".join(report)
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()

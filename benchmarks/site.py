"""`rrs site`: build time against `rrs validate`, and growth with the catalogue.

Each command runs as a fresh process (as in bench.py). For every run the wall
time and the CPU time of the process and its children (the Pagefind indexer)
are recorded: on a shared machine the CPU time moves much less than the wall
time, so both are reported. No test asserts a timing.

    .venv/bin/python benchmarks/site.py              # bundled, 10,000 and 40,000 actions
    .venv/bin/python benchmarks/site.py --sizes 10000 --runs 1
"""

from __future__ import annotations

import argparse
import os
import resource
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

from bench import machine, rrs_command
from tests.catalogues import write_synthetic

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-28"


def run(argv: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one cold run of ``argv`` and everything it starts."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(argv)}\n{done.stderr.decode()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def medians(
    commands: dict[str, list[str]], runs: int, env: dict[str, str]
) -> dict[str, tuple[float, float]]:
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):  # interleaved, so drift hits every command alike
        for name, argv in commands.items():
            samples[name].append(run(argv, env))
    return {
        name: (statistics.median(w for w, _ in s), statistics.median(c for _, c in s))
        for name, s in samples.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 40_000])
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement")
    options = parser.parse_args()
    rrs = rrs_command()
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("RRS_CATALOGUE", None)
    work = Path(tempfile.mkdtemp(prefix="rrs-site-bench-"))
    lines = [f"Machine: {machine()}; load average at start {os.getloadavg()[0]:.1f}.", ""]
    try:
        bundled = ROOT / "data"
        out = work / "site-bundled"
        run([*rrs, "--catalogue", str(bundled), "site", "-o", str(out), "--as-of", AS_OF], env)
        times = medians(
            {
                "rrs validate": [*rrs, "validate", str(bundled)],
                "rrs site": [
                    *rrs,
                    "--catalogue",
                    str(bundled),
                    "site",
                    "-o",
                    str(out),
                    "--as-of",
                    AS_OF,
                ],
            },
            max(options.runs, 5),
            env,
        )
        (vw, vc), (sw, sc) = times["rrs validate"], times["rrs site"]
        lines += [
            "| bundled catalogue (68 actions) | wall | CPU |",
            "|---|---:|---:|",
            f"| `rrs validate` | {vw * 1000:.0f} ms | {vc * 1000:.0f} ms |",
            f"| `rrs site` | {sw * 1000:.0f} ms | {sc * 1000:.0f} ms |",
            f"| ratio site / validate | {sw / vw:.2f} | {sc / vc:.2f} |",
            "",
            "| actions | `rrs site` wall | growth | CPU | growth | `rrs validate` wall "
            "| largest page |",
            "|---:|---:|---:|---:|---:|---:|---:|",
        ]
        previous: tuple[int, float, float] | None = None
        for size in options.sizes:
            root = write_synthetic(work / f"catalogue-{size}", size)
            out = work / f"site-{size}"
            site = [*rrs, "--catalogue", str(root), "site", "-o", str(out), "--as-of", AS_OF]
            measured = medians(
                {"validate": [*rrs, "validate", str(root)], "site": site}, options.runs, env
            )
            wall, cpu = measured["site"]
            grow_w = grow_c = "—"
            if previous:
                factor = size / previous[0]
                grow_w = f"{wall / previous[1]:.2f} (×{factor:g})"
                grow_c = f"{cpu / previous[2]:.2f} (×{factor:g})"
            largest = max(out.rglob("*.html"), key=lambda page: page.stat().st_size)
            lines.append(
                f"| {size:,} | {wall:.1f} s | {grow_w} | {cpu:.1f} s | {grow_c} "
                f"| {measured['validate'][0]:.1f} s "
                f"| {largest.stat().st_size / 1000:.0f} kB ({largest.relative_to(out)}) |"
            )
            previous = (size, wall, cpu)
            shutil.rmtree(root)
            shutil.rmtree(out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    lines.append("")
    lines.append(f"Load average at the end: {os.getloadavg()[0]:.1f}.")
    print("\n".join(lines))


if __name__ == "__main__":
    main()

"""What compiling the templates on every run costs, now that rrs keeps no bytecode cache.

rrs used Jinja's FileSystemBytecodeCache (a folder at a predictable path in the
shared temporary folder, which another user could prepare). This runs the
same rrs twice over: as it is (templates compiled every run), and with a
bytecode cache put back for the measurement only (a private folder of this
benchmark's, warmed by a first run). Interleaved runs, medians of wall and CPU
time of `rrs site` and `rrs report --format html` on the bundled catalogue.

    .venv/bin/python benchmarks/template_cache.py --runs 7
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# rrs with a bytecode cache in the folder given as the first argument.
_WITH_CACHE = (
    "import sys, jinja2; "
    "cache = jinja2.FileSystemBytecodeCache(sys.argv.pop(1)); "
    "init = jinja2.Environment.__init__; "
    "jinja2.Environment.__init__ = "
    "lambda self, *a, **k: init(self, *a, **{'bytecode_cache': cache, **k}); "
    "sys.argv[0] = 'rrs'; "
    "from rrs_cli.cli import main; main()"
)
_WITHOUT = "import sys; sys.argv[0] = 'rrs'; from rrs_cli.cli import main; main()"


def run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    env = {**os.environ, "NO_COLOR": "1", "RRS_NO_HINT": "1"}
    env.pop("RRS_CATALOGUE", None)
    with tempfile.TemporaryDirectory(prefix="rrs-template-cache-") as tmp:
        work = Path(tmp)
        (work / "cache").mkdir(mode=0o700)
        commands = {
            "site": ["-C", str(ROOT / "data"), "site", "-o", str(work / "site"), "--force"],
            "report html": ["-C", str(ROOT / "data"), "report", "--format", "html"],
        }
        for name, args in commands.items():
            with_cache = [sys.executable, "-c", _WITH_CACHE, str(work / "cache"), *args]
            without = [sys.executable, "-c", _WITHOUT, *args]
            run(with_cache, env)  # warms the cache
            samples: dict[str, list[tuple[float, float]]] = {"cache": [], "none": []}
            for _ in range(options.runs):
                samples["cache"].append(run(with_cache, env))
                samples["none"].append(run(without, env))
            cached = [statistics.median(x[i] for x in samples["cache"]) for i in (0, 1)]
            plain = [statistics.median(x[i] for x in samples["none"]) for i in (0, 1)]
            print(
                f"{name}: with a bytecode cache {cached[0]:.3f} s wall, {cached[1]:.3f} s CPU; "
                f"without {plain[0]:.3f} s wall, {plain[1]:.3f} s CPU "
                f"(+{plain[1] - cached[1]:.3f} s CPU, x{plain[1] / cached[1]:.2f}); "
                f"load {os.getloadavg()[0]:.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()

"""Steady measurement of fresh processes on a shared, busy machine.

Three things make a 10 % difference visible when other jobs share the cores:

- **Interleaving.** Commands run in rounds, A B C, then B C A, ...: a change in
  the machine's load hits every command alike, and no command always runs
  first (after an idle moment) or last.
- **Paired ratios.** A command's ratio to its baseline is taken within each
  round, then summarised; a ratio of two medians taken minutes apart mixes in
  the load's drift.
- **CPU time as well as wall time.** The CPU time a process and its children
  use (user + system, from ``wait4``) hardly depends on how many other processes
  wait for the cores; wall time does. Both are reported: wall time is what a
  person waits, CPU time is what tells a change in rrs from a change in load.

Summaries are the median with the range (min–max) and the interquartile range.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


def compile_sources(*folders: Path) -> None:
    """Compile the Python modules under ``folders`` into ``__pycache__``, as pip does
    when it installs rrs.

    A checkout run with ``PYTHONPATH`` (or installed with ``pip install -e``) would
    otherwise compile its modules in every fresh process where the environment sets
    ``PYTHONDONTWRITEBYTECODE`` (as this project's machines do), and the start-up
    measured would be the compiler's, not rrs's. The floors' libraries were compiled
    when pip installed them.
    """
    for folder in folders:
        compileall.compile_dir(str(folder), quiet=1)


@dataclass(frozen=True)
class Sample:
    """One run of one command."""

    wall: float  # seconds
    cpu: float  # seconds, user + system, the process and the children it waited for
    peak_kib: int  # maximum resident set size


def run(argv: Sequence[str], env: Mapping[str, str] | None = None) -> Sample:
    """Run ``argv`` once, output to /dev/null; exit codes 0 and 1 count as done."""
    with Path(os.devnull).open("wb") as null, tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdout=null, stderr=errors, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            errors.seek(0)
            message = errors.read().decode(errors="replace")
            sys.exit(f"failed ({code}): {' '.join(argv)}\n{message}")
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def interleaved(
    commands: Mapping[str, Sequence[str]],
    rounds: int,
    env: Mapping[str, str] | None = None,
    *,
    warm_up: int = 1,
    progress: bool = True,
) -> dict[str, list[Sample]]:
    """``rounds`` samples of every command, one of each per round, in rotating order.

    The first ``warm_up`` rounds are not counted (file cache, bytecode, Jinja cache).
    """
    names = list(commands)
    samples: dict[str, list[Sample]] = {name: [] for name in names}
    for number in range(warm_up + rounds):
        shift = number % len(names)
        for name in names[shift:] + names[:shift]:
            sample = run(commands[name], env)
            if number >= warm_up:
                samples[name].append(sample)
        if progress:
            print(f"  round {number + 1}/{warm_up + rounds}", file=sys.stderr, end="\r")
    if progress:
        print(file=sys.stderr)
    return samples


@dataclass(frozen=True)
class Summary:
    median: float
    low: float
    high: float
    q1: float
    q3: float

    def text(self, digits: int = 2, unit: str = "") -> str:
        """``1.05 [0.98–1.12]``: the median and the range."""
        return f"{self.median:.{digits}f}{unit} [{self.low:.{digits}f}–{self.high:.{digits}f}]"

    def iqr_text(self, digits: int = 2) -> str:
        return f"{self.q1:.{digits}f}–{self.q3:.{digits}f}"


def summary(values: Sequence[float]) -> Summary:
    ordered = sorted(values)
    if len(ordered) >= 4:
        q1, _, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
    else:
        q1, q3 = ordered[0], ordered[-1]
    return Summary(statistics.median(ordered), ordered[0], ordered[-1], q1, q3)


def paired_ratios(
    samples: Mapping[str, Sequence[Sample]], name: str, baseline: str, kind: str
) -> list[float]:
    """``name``'s wall or CPU time over ``baseline``'s, round by round."""
    return [
        getattr(mine, kind) / getattr(base, kind)
        for mine, base in zip(samples[name], samples[baseline], strict=True)
    ]


def load_average() -> str:
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.1f} (5 min: {five:.1f})"

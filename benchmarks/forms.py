"""Progress rounds at scale: forms out and forms in, against `rrs validate`.

    python benchmarks/forms.py                  # 10,000 actions, 2,000 owners, 3 runs
    python benchmarks/forms.py --actions 2000 --owners 400 --runs 1

A synthetic catalogue (``synth.py``) of N actions whose owners are drawn from
M organisations; then, as fresh processes, interleaved:

* ``rrs validate`` (the baseline);
* ``rrs progress forms OUT --format xlsx`` and ``--format ods`` (one form per
  owner, about M forms);
* ``rrs progress import OUT/*.xlsx --yes`` with every row of every form filled
  in (a note and a name: N entries recorded, through the write path of
  ``rrs update``), and the same with the forms made and filled as ``.ods``;
* the disk floor (``replace_floor.py``): as many files replaced, no rrs.

Each command's wall time, CPU time and peak memory (maximum resident set
size; forked workers included) is the median of the runs, reported as a ratio
to ``rrs validate``'s in the same run. The import writes 10,000 files: its
wall time depends on the disk as much as on rrs (on a disk shared with other
work it varies by a factor of several), so its CPU time is reported too.
Between runs the catalogue is put back as it was and flushed to disk (not timed). Nothing is
asserted: this script measures and reports.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import machine, rrs_command
from tests.catalogues import write_synthetic as generate

DISK_FLOOR = "disk floor: as many files replaced atomically, no rrs"


def rrs(*args: str) -> list[str]:
    return [*rrs_command(), *args]


def measured(argv: Sequence[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall time, CPU time (user + system, forked workers included) and peak memory
    (KiB, the largest process of the run) of one run."""
    start = time.perf_counter()
    with Path(os.devnull).open("wb") as null:
        process = subprocess.Popen(argv, stdout=null, stderr=subprocess.PIPE, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        errors = process.stderr.read().decode(errors="replace") if process.stderr else ""
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:  # an import that refuses (exit 1) has not done the work measured
        sys.exit(f"benchmark command failed ({code}): {' '.join(argv[3:])}\n{errors[-2000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def fill_forms(folder: Path) -> int:
    """Fill every row of every form (.xlsx or .ods): a note and a name (cells J and K)."""
    rows = 0
    for path in sorted([*folder.glob("*.xlsx"), *folder.glob("*.ods")]):
        with zipfile.ZipFile(path) as archive:
            entries = [(info, archive.read(info)) for info in archive.infolist()]
        parts = {info.filename: data for info, data in entries}
        rows += _fill_xlsx(parts) if path.suffix == ".xlsx" else _fill_ods(parts)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for info, _ in entries:  # in their order, each stored as it was (mimetype first)
                archive.writestr(info, parts[info.filename], compress_type=info.compress_type)
    return rows


NOTE, BY = "Voortgang gemeld in de benchmark", "Benchmark"


def _fill_xlsx(parts: dict[str, bytes]) -> int:
    sheet = parts["xl/worksheets/sheet2.xml"].decode("utf-8")

    def note(match: re.Match[str]) -> str:
        column, row, style = match.groups()
        value = NOTE if column == "J" else BY
        return f'<c r="{column}{row}" s="{style}" t="inlineStr"><is><t>{value}</t></is></c>'

    sheet, count = re.subn(r'<c r="([JK])(\d+)" s="(\d+)"/>', note, sheet)
    parts["xl/worksheets/sheet2.xml"] = sheet.encode("utf-8")
    return count // 2


def _fill_ods(parts: dict[str, bytes]) -> int:
    # The note and name cells are a row's last two fill cells (the status and date
    # cells before them carry a validation).
    empty = '<table:table-cell table:style-name="fill"/>'
    filled = "".join(
        f'<table:table-cell table:style-name="fill" office:value-type="string">'
        f"<text:p>{value}</text:p></table:table-cell>"
        for value in (NOTE, BY)
    )
    content = parts["content.xml"].decode("utf-8")
    content, count = re.subn(
        re.escape(empty * 2 + "</table:table-row>"), filled + "</table:table-row>", content
    )
    parts["content.xml"] = content.encode("utf-8")
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--actions", type=int, default=10_000)
    parser.add_argument("--owners", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    env = {**os.environ, "RRS_NO_HINT": "1", "NO_COLOR": "1"}
    work = Path(tempfile.mkdtemp(prefix="rrs-forms-bench-"))
    try:
        report(work, args.actions, args.owners, args.runs, env)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def settle() -> None:
    """Flush the copy just made to disk, so its writing does not fall in the next
    measured command (whose own writes then meet a quiet disk, as they would in use)."""
    os.sync()
    time.sleep(1)


def report(work: Path, actions: int, owners: int, runs: int, env: dict[str, str]) -> None:
    catalogue = generate(work / "catalogue", actions, owners=owners)
    pristine = work / "pristine"
    shutil.copytree(catalogue, pristine)
    out = work / "out"
    filled = work / "filled"

    def reset() -> None:
        shutil.rmtree(catalogue)
        shutil.copytree(pristine, catalogue)
        shutil.rmtree(out, ignore_errors=True)
        settle()

    # The filled forms are made once per format (forms, then every row filled); each
    # import run starts from the catalogue as it was when they were made.
    filled_rows: dict[str, int] = {}
    with_round: dict[str, Path] = {}
    for file_format in ("xlsx", "ods"):
        reset()
        made = rrs(
            "-C", str(catalogue), "progress", "forms", str(filled / file_format),
            "--round", "B1", "--format", file_format,
        )  # fmt: skip
        subprocess.run(made, env=env, check=True, capture_output=True)
        filled_rows[file_format] = fill_forms(filled / file_format)
        with_round[file_format] = work / f"with-round-{file_format}"
        shutil.copytree(catalogue, with_round[file_format])
    rows = filled_rows["xlsx"]
    if filled_rows["ods"] != rows:
        raise SystemExit(f"filled {filled_rows['ods']:,} .ods rows and {rows:,} .xlsx rows")

    def before_import(file_format: str = "xlsx") -> Callable[[], None]:
        def prepare() -> None:
            shutil.rmtree(catalogue)
            shutil.copytree(with_round[file_format], catalogue)
            settle()

        return prepare

    def imported(file_format: str) -> list[str]:
        forms = sorted((filled / file_format).glob(f"*.{file_format}"))
        return rrs("-C", str(catalogue), "progress", "import", "--yes", *map(str, forms))

    def forms(file_format: str) -> list[str]:
        return rrs(
            "-C", str(catalogue), "progress", "forms", str(out), "--round", "B1",
            "--format", file_format,
        )  # fmt: skip

    commands: dict[str, tuple[Callable[[], None], list[str]]] = {
        "rrs validate": (reset, rrs("-C", str(catalogue), "validate")),
        "rrs progress forms --format xlsx": (reset, forms("xlsx")),
        "rrs progress forms --format ods": (reset, forms("ods")),
        "rrs progress import --yes": (before_import("xlsx"), imported("xlsx")),
        "rrs progress import --yes (.ods forms)": (before_import("ods"), imported("ods")),
        # The disk's part: as many files replaced atomically, without rrs.
        DISK_FLOOR: (
            before_import(),
            [sys.executable, str(Path(__file__).with_name("replace_floor.py")), str(catalogue)],
        ),
    }  # fmt: skip
    samples: dict[str, list[tuple[float, float, int]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (prepare, argv) in commands.items():
            prepare()
            samples[name].append(measured(argv, env))
    base = [statistics.median(v[i] for v in samples["rrs validate"]) for i in range(3)]
    print(f"Machine: {machine()}")
    print(
        f"Catalogue: {actions:,} synthetic actions, owners drawn from {owners:,} names "
        f"({len(list((filled / 'xlsx').glob('*.xlsx'))):,} forms in each format); {rows:,} "
        "filled rows imported. "
        f"Median of {runs} runs, interleaved.\n"
    )
    print("| command | wall time | ratio | CPU time | ratio | peak memory | ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    medians = {
        name: [statistics.median(v[i] for v in values) for i in range(3)]
        for name, values in samples.items()
    }
    for name, (wall, cpu, memory) in medians.items():
        print(
            f"| `{name}` | {wall:.2f} s | {wall / base[0]:.2f} | {cpu:.2f} s | {cpu / base[1]:.2f} "
            f"| {memory / 1024:.0f} MB | {memory / base[2]:.2f} |"
        )
    imported, floor = medians["rrs progress import --yes"], medians[DISK_FLOOR]
    print(
        f"\nThe import less the disk floor: {imported[0] - floor[0]:.2f} s wall "
        f"({(imported[0] - floor[0]) / base[0]:.2f} times `rrs validate`), "
        f"{imported[1] - floor[1]:.2f} s CPU ({(imported[1] - floor[1]) / base[1]:.2f} times)."
    )


if __name__ == "__main__":
    main()

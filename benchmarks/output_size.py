"""Output size against input size, for the catalogue shapes that once multiplied it.

Hostile shapes: ``F`` flywheels and ``N`` connected actions whose LINK is "all
flywheels" (N x F links if each were listed), and a qualities.yaml with many
qualities (every quality page once drew the whole goal x quality matrix). For
each, the size of the catalogue's files, of `rrs export`, `rrs list` (text and
JSON) and of the folder `rrs site` writes, with the site's wall time and the
peak memory of the largest process (rrs or Pagefind). No test asserts these.

    .venv/bin/python benchmarks/output_size.py                 # the default cases
    .venv/bin/python benchmarks/output_size.py --fanout 250 --qualities 100
    .venv/bin/python benchmarks/output_size.py --src /tmp/old/src   # another rrs tree
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import BUNDLED, generate_all_flywheels

# Runs a command and prints its exit code and the peak RSS (kB) of the
# largest process among it and everything it waited for.
_MEASURE = (
    "import resource, subprocess, sys; "
    "done = subprocess.run(sys.argv[2:], stdout=open(sys.argv[1], 'wb'), "
    "stderr=subprocess.DEVNULL); "
    "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def qualities_catalogue(target: Path, count: int) -> Path:
    """The bundled catalogue with ``count`` qualities (the bundled seven, and more)."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(BUNDLED, target)
    text = (target / "qualities.yaml").read_text(encoding="utf-8")
    extra = "".join(
        f"- key: extra-{n}\n  name_nl: Kwaliteit {n}\n  name_en: Quality {n}\n"
        "  definition: Een extra kwaliteit.\n"
        for n in range(count - 7)
    )
    (target / "qualities.yaml").write_text(text.rstrip("\n") + "\n" + extra, encoding="utf-8")
    return target


def measure(
    python: str, env: dict[str, str], catalogue: Path, work: Path, *args: str
) -> tuple[int, int, int, float]:
    """(exit code, bytes written to stdout, peak RSS in kB, wall seconds) of one command."""
    out = work / "measured"
    argv = [python, "-c", _MEASURE, str(out)]
    argv += [python, "-m", "rrs_cli", "--catalogue", str(catalogue), *args]
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=True)
    wall = time.perf_counter() - start
    code, rss = (int(x) for x in done.stdout.split())
    size = out.stat().st_size
    return code, size, rss, wall


def case(
    python: str, env: dict[str, str], name: str, catalogue: Path, work: Path
) -> dict[str, object]:
    row: dict[str, object] = {"case": name, "input_bytes": folder_bytes(catalogue)}
    for label, args in (
        ("export", ("export", "--output", "-")),
        ("list", ("list",)),
        ("list_json", ("list", "--format", "json")),
    ):
        code, size, _, _ = measure(python, env, catalogue, work, *args)
        row[label] = size if code in (0, 1) else f"exit {code}"
    site = work / "site"
    shutil.rmtree(site, ignore_errors=True)
    code, _, rss, wall = measure(
        python, env, catalogue, work, "site", "-o", str(site), "--as-of", "2026-11-28"
    )
    row["site"] = folder_bytes(site) if code == 0 and site.exists() else f"exit {code}"
    row["site_seconds"] = round(wall, 1)
    row["site_peak_mb"] = round(rss / 1024)
    shutil.rmtree(site, ignore_errors=True)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fanout", type=int, nargs="*", default=[250, 500, 1000])
    parser.add_argument("--qualities", type=int, nargs="*", default=[100, 2000])
    parser.add_argument("--src", type=Path, help="the src/ folder of the rrs to measure")
    options = parser.parse_args()
    env = {**os.environ, "NO_COLOR": "1", "RRS_NO_HINT": "1"}
    env.pop("RRS_CATALOGUE", None)
    if options.src:
        env["PYTHONPATH"] = str(options.src.resolve())
    rows = []
    with tempfile.TemporaryDirectory(prefix="rrs-output-size-") as tmp:
        work = Path(tmp)
        for n in options.fanout:
            catalogue = generate_all_flywheels(work / f"fanout-{n}", n, n)
            rows.append(case(sys.executable, env, f"all flywheels N=F={n}", catalogue, work))
            print(json.dumps(rows[-1]), flush=True)
            shutil.rmtree(catalogue)
        for count in options.qualities:
            catalogue = qualities_catalogue(work / f"qualities-{count}", count)
            rows.append(case(sys.executable, env, f"{count} qualities", catalogue, work))
            print(json.dumps(rows[-1]), flush=True)
            shutil.rmtree(catalogue)


if __name__ == "__main__":
    main()

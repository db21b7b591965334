"""`rrs diff` peak memory on a small repository whose tree reads as a huge catalogue.

A commit whose catalogue folder holds ENTRIES action files that all point at one
blob of SIZE bytes: git stores the blob once (the repository stays small), but
a reader that holds every blob it reads holds ENTRIES x SIZE bytes. Reports the
repository's size on disk and the wall time, exit code and peak memory (largest
process: rrs or git) of `rrs diff HEAD~1 HEAD`. No test asserts these.

    .venv/bin/python benchmarks/diff_memory.py                   # 468 x 1 MiB and 60 x 1 MiB
    .venv/bin/python benchmarks/diff_memory.py --src /tmp/old/src  # another rrs tree
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

ROOT = Path(__file__).resolve().parent.parent
IDENT = ["-c", "user.email=b@example.org", "-c", "user.name=bench"]
_MEASURE = (
    "import resource, subprocess, sys; "
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
    "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def git(repo: Path, *args: str, data: bytes | None = None) -> str:
    done = subprocess.run(
        ["git", *IDENT, *args], cwd=repo, input=data, capture_output=True, check=True
    )
    return done.stdout.decode().strip()


def repository(work: Path, entries: int, size: int) -> Path:
    repo = work / f"repo-{entries}"
    shutil.copytree(ROOT / "data", repo / "catalogue")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "base")
    blob = git(repo, "hash-object", "-w", "--stdin", data=b"#" + b"x" * (size - 2) + b"\n")
    index = "".join(
        f"100644 {blob}\tcatalogue/actions/{n}.yaml\n" for n in range(1000, 1000 + entries)
    )
    git(repo, "update-index", "--index-info", data=index.encode())
    git(repo, "commit", "-qm", "many")
    git(repo, "gc", "-q")
    return repo


def du(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", nargs="*", default=["468x1048576", "60x1048576"])
    parser.add_argument("--src", type=Path, help="the src/ folder of the rrs to measure")
    options = parser.parse_args()
    env = {**os.environ, "RRS_NO_HINT": "1"}
    if options.src:
        env["PYTHONPATH"] = str(options.src.resolve())
    with tempfile.TemporaryDirectory(prefix="rrs-diff-memory-") as tmp:
        for case in options.cases:
            entries, size = (int(x) for x in case.split("x"))
            repo = repository(Path(tmp), entries, size)
            git_size = du(repo / ".git")
            argv = [sys.executable, "-c", _MEASURE, sys.executable, "-m", "rrs_cli"]
            argv += ["-C", str(repo / "catalogue"), "diff", "HEAD~1", "HEAD"]
            start = time.perf_counter()
            done = subprocess.run(argv, capture_output=True, text=True, env=env, check=True)
            wall = time.perf_counter() - start
            code, rss = (int(x) for x in done.stdout.split())
            row = {
                "entries": entries,
                "blob_bytes": size,
                "repository_kb": round(git_size / 1024),
                "exit": code,
                "seconds": round(wall, 1),
                "peak_mb": round(rss / 1024),
            }
            print(json.dumps(row), flush=True)
            shutil.rmtree(repo)


if __name__ == "__main__":
    main()

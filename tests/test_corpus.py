"""A corpus of broken catalogues: each names its one defect, and none crashes rrs.

``tests/corpus/<defect>/`` holds only what differs from ``tests/corpus/_base``
(a small valid catalogue); a ``REMOVE`` file lists paths to delete. Defects
that cannot live in git (a 10 MB file, a broken link, a folder in place of a
file, a missing catalogue) are made by the test itself.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import Invoke

CORPUS = Path(__file__).resolve().parent / "corpus"
LOCATED = re.compile(r"^\S+\.ya?ml:\d+(:\d+)?: error RRS\d{3} [a-z-]+( \[\S*\])?: .+$")

# defect -> (exit code, the check code it must produce, located at a line?)
EXPECTED: dict[str, tuple[int, str, bool]] = {
    "syntax-unclosed-bracket": (1, "RRS001", True),
    "syntax-bad-indentation": (1, "RRS001", True),
    "tab-indentation": (1, "RRS001", True),
    "empty-action-file": (1, "RRS003", True),
    "comment-only-action-file": (1, "RRS003", True),
    "action-is-a-list": (1, "RRS004", True),
    "action-is-a-scalar": (1, "RRS004", True),
    "goals-is-a-mapping": (1, "RRS004", True),
    "goal-entry-is-a-scalar": (1, "RRS004", True),
    "duplicate-key": (1, "RRS002", True),
    "duplicate-key-in-progress-entry": (1, "RRS002", True),
    "unknown-key": (1, "RRS005", True),
    "missing-title": (1, "RRS006", True),
    "missing-kind": (1, "RRS006", True),
    "flywheel-without-goal": (1, "RRS006", True),
    "wrong-type-partners-list": (1, "RRS007", True),
    "wrong-type-links-text": (1, "RRS007", True),
    "wrong-type-goal-number": (1, "RRS007", True),
    "empty-title": (1, "RRS007", True),
    "bad-calendar-date": (1, "RRS007", True),
    "date-not-a-date": (1, "RRS007", True),
    "future-progress-date": (1, "RRS017", True),
    "progress-out-of-order": (1, "RRS017", True),
    "unknown-status": (1, "RRS007", True),
    "unknown-progress-status": (1, "RRS007", True),
    "unknown-term": (1, "RRS007", True),
    "unknown-impact-level": (1, "RRS007", True),
    "malformed-id": (1, "RRS007", True),
    "id-does-not-match-file-name": (1, "RRS008", True),
    "duplicate-id": (1, "RRS009", True),
    "duplicate-goal-key": (1, "RRS009", True),
    "dangling-link": (1, "RRS010", True),
    "self-link": (1, "RRS105", True),
    "flywheel-links-a-flywheel": (1, "RRS016", True),
    "connected-action-with-letter-id": (1, "RRS016", True),
    "unknown-goal": (1, "RRS011", True),
    "unknown-quality": (1, "RRS012", True),
    "non-utf8-bytes": (1, "RRS013", True),
    "nul-byte": (1, "RRS013", True),
    "utf8-bom": (1, "RRS108", True),
    "crlf-line-ends": (1, "RRS108", True),
    "cr-line-ends": (1, "RRS108", True),
    "python-object-tag": (1, "RRS014", True),
    "python-name-tag-in-field": (1, "RRS014", True),
    "billion-laughs": (1, "RRS014", True),
    "recursive-alias": (1, "RRS014", True),
    "merge-key": (1, "RRS014", True),
    "round-with-bad-digest": (1, "RRS007", True),
    "rounds-is-a-mapping": (1, "RRS004", True),
    "deep-flow-nesting": (1, "RRS014", True),
    "multiple-documents": (1, "RRS001", True),
    "complex-mapping-key": (1, "RRS004", True),
    "missing-goals-file": (1, "RRS015", False),
    "missing-actions-folder": (1, "RRS015", False),
    "huge-hex-integer-in-goals": (1, "RRS007", True),
    "huge-sexagesimal-integer-in-action": (1, "RRS007", True),
    "unicode-digit-file-name": (1, "RRS008", True),
    # A term horizon would fall after 9999-12-31 (report and export once crashed).
    "published-too-late": (1, "RRS007", True),
    # made by the test (see MADE below)
    "ten-megabyte-file": (1, "RRS014", False),
    "action-file-is-a-folder": (1, "RRS013", False),
    "broken-symlink": (1, "RRS013", False),
    "actions-entry-is-a-fifo": (1, "RRS013", False),
    "megabyte-sexagesimal-integer": (1, "RRS007", True),
}


def build(name: str, tmp_path: Path) -> Path:
    """The base catalogue with one defect applied."""
    root = tmp_path / name
    shutil.copytree(CORPUS / "_base", root)
    overlay = CORPUS / name
    if overlay.is_dir():
        for path in overlay.rglob("*"):
            if path.is_file() and path.name != "REMOVE":
                target = root / path.relative_to(overlay)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
        remove = overlay / "REMOVE"
        if remove.exists():
            for rel in remove.read_text(encoding="utf-8").split():
                victim = root / rel
                shutil.rmtree(victim) if victim.is_dir() else victim.unlink()
    if name in MADE:
        MADE[name](root)
    return root


def _ten_megabytes(root: Path) -> None:
    path = root / "actions" / "1.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "notes: '" + "x" * 10_000_000 + "'\n", encoding="utf-8"
    )


def _folder(root: Path) -> None:
    (root / "actions" / "1.yaml").unlink()
    (root / "actions" / "1.yaml").mkdir()


def _broken_symlink(root: Path) -> None:
    (root / "actions" / "1.yaml").unlink()
    (root / "actions" / "1.yaml").symlink_to(root / "nowhere.yaml")


def _fifo(root: Path) -> None:
    (root / "actions" / "1.yaml").unlink()
    os.mkfifo(root / "actions" / "1.yaml")


def _megabyte_sexagesimal(root: Path) -> None:
    # Converting 1:59:59:... is quadratic; a 1 MiB one took 31 s before it was bounded.
    path = root / "actions" / "1.yaml"
    text = path.read_text(encoding="utf-8")
    room = 1024 * 1024 - len(text) - 64
    path.write_text(text + "notes: 1" + ":59" * (room // 3) + "\n", encoding="utf-8")


MADE: dict[str, Callable[[Path], None]] = {
    "megabyte-sexagesimal-integer": _megabyte_sexagesimal,
    "ten-megabyte-file": _ten_megabytes,
    "action-file-is-a-folder": _folder,
    "broken-symlink": _broken_symlink,
    "actions-entry-is-a-fifo": _fifo,
}


def test_corpus_is_complete() -> None:
    on_disk = {p.name for p in CORPUS.iterdir() if p.is_dir() and p.name != "_base"}
    assert on_disk == set(EXPECTED) - set(MADE)
    assert len(EXPECTED) >= 40


def test_base_is_clean(rrs: Invoke, tmp_path: Path) -> None:
    result = rrs("validate", str(build("_base", tmp_path)))
    assert result.exit_code == 0, result.stdout


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_catalogue_is_reported_not_crashed(rrs: Invoke, tmp_path: Path, name: str) -> None:
    exit_code, code, located = EXPECTED[name]
    root = build(name, tmp_path)
    start = time.perf_counter()
    result = rrs("validate", str(root))
    elapsed = time.perf_counter() - start
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert result.exit_code == exit_code, output
    lines = [line for line in result.stdout.splitlines() if f" {code} " in line]
    assert lines, f"{code} not reported:\n{output}"
    if located:
        assert any(LOCATED.match(line) for line in lines), lines
    assert elapsed < 30, f"{name} took {elapsed:.1f} s"
    for command in (["list"], ["show", "A"], ["graph"], ["report", "--format", "json"]):
        other = rrs(*command, catalogue=root)
        assert "Traceback" not in other.stdout + other.stderr
        assert other.exit_code in (0, 1, 2), command


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "{missing}"],
        ["--catalogue", "{missing}", "list"],
        ["validate", "{file}"],
        ["--catalogue", "{file}", "report"],
    ],
)
def test_missing_or_wrong_catalogue_exits_2(rrs: Invoke, tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "plain.txt").write_text("not a folder", encoding="utf-8")
    argv = [a.format(missing=tmp_path / "nope", file=tmp_path / "plain.txt") for a in args]
    result = rrs(*argv)
    assert result.exit_code == 2
    assert "rrs: error:" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_unreadable_catalogue_exits_2(rrs: Invoke, tmp_path: Path) -> None:  # pragma: no cover
    root = build("_base", tmp_path)
    root.chmod(0)
    try:
        assert rrs("validate", str(root)).exit_code == 2
    finally:
        root.chmod(0o755)


BOMB_LIMIT = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (768 * 1024 * 1024, 768 * 1024 * 1024))
from rrs_cli.cli import main
sys.argv = ["rrs", "validate", sys.argv[1]]
main()
"""


def test_alias_bomb_is_refused_quickly_in_bounded_memory(tmp_path: Path) -> None:
    root = build("billion-laughs", tmp_path)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", BOMB_LIMIT, str(root)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    elapsed = time.perf_counter() - start
    assert done.returncode == 1, done.stderr
    assert "RRS014" in done.stdout and "alias bomb" in done.stdout
    assert elapsed < 20
    usage = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    assert usage < 768 * 1024

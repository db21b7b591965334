"""`rrs update`: comments and layout kept, validated first, atomic, never stale, never lost."""

from __future__ import annotations

import multiprocessing
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from rrs_cli.errors import RrsError, WriteRefusedError
from rrs_cli.models import Status
from rrs_cli.progress import Update, append_progress
from rrs_cli.validation import validate

from .conftest import Invoke, MakeCatalogue

TODAY = date(2026, 1, 1)

HAND_WRITTEN = """\
# Flywheel A, as an editor keeps it.
id: "A"   # the id
kind: flywheel
title: 'Vliegwiel A'
description: |-
  Eerste alinea.

  Tweede alinea.
owner: Gemeente
partners: "Havenbedrijf Rotterdam"
funding: PM
status: new
status_text: "Nieuw"
term: short
term_text: "Korte termijn"
goal: samenleving
goals: [samenleving]
qualities: [robust]   # from the resilience value
links: ["1", "2"]
"""


def catalogue_with_hand_written_a(make: MakeCatalogue) -> Path:
    root = make()
    (root / "actions" / "A.yaml").write_text(HAND_WRITTEN, encoding="utf-8")
    return root


def test_update_keeps_everything_and_appends(make_catalogue: MakeCatalogue) -> None:
    root = catalogue_with_hand_written_a(make_catalogue)
    append_progress(
        root,
        Update("a", Status.ONGOING, 'Gestart: "fase 1"', date(2020, 5, 1), "CRO-team"),
        today=TODAY,
    )
    text = (root / "actions" / "A.yaml").read_text(encoding="utf-8")
    assert text == HAND_WRITTEN + (
        "progress:\n"
        "  - date: 2020-05-01\n"
        "    status: ongoing\n"
        '    note: "Gestart: \\"fase 1\\""\n'
        '    by: "CRO-team"\n'
    )
    append_progress(root, Update("A", None, "Tweede stap", date(2021, 1, 2)), today=TODAY)
    text2 = (root / "actions" / "A.yaml").read_text(encoding="utf-8")
    assert text2.startswith(text)
    assert text2.endswith('  - date: 2021-01-02\n    status: ongoing\n    note: "Tweede stap"\n')
    assert validate(root, today=TODAY) == []


def test_update_a_log_followed_by_other_fields(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    """The log need not be the file's last field (it was found by scanning the text cut
    at the log's end, inside the next field's key: an internal error)."""
    root = make_catalogue()
    path = root / "actions" / "1.yaml"
    text = path.read_text(encoding="utf-8")
    logged = "progress:\n  - date: 2020-01-01\n    status: ongoing\n    note: Gestart\n"
    path.write_text(logged + "\n# the block itself\n" + text, encoding="utf-8")
    result = rrs("update", "1", "--note", "Verder", "--date", "2021-03-04", catalogue=root)
    assert result.exit_code == 0, result.stderr
    after = path.read_text(encoding="utf-8")
    assert after.endswith(text) and "note: Gestart\n  - date: 2021-03-04" in after
    assert validate(root) == []


def test_update_via_cli(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    root = make_catalogue()
    result = rrs(
        "update",
        "1",
        "--status",
        "afgerond",
        "--note",
        "Klaar",
        "--date",
        "2021-03-04",
        catalogue=root,
    )
    assert result.exit_code == 0, result.stderr
    assert "recorded 2021-03-04 for 1" in result.stderr
    listed = rrs("list", "--status", "completed", "--format", "csv", catalogue=root).stdout
    assert listed.splitlines()[1].startswith('"1",')


@pytest.mark.parametrize(
    ("when", "note", "message"),
    [
        (date(2030, 1, 1), "x", "in the future"),
        (date(2020, 1, 1), "", "nothing to record"),
    ],
)
def test_invalid_update_is_refused_and_nothing_written(
    make_catalogue: MakeCatalogue, when: date, note: str, message: str
) -> None:
    root = catalogue_with_hand_written_a(make_catalogue)
    append_progress(root, Update("A", Status.ONGOING, "eerste", date(2020, 1, 1)), today=TODAY)
    before = (root / "actions" / "A.yaml").read_bytes()
    with pytest.raises(RrsError) as raised:
        append_progress(root, Update("A", Status.ONGOING, note, when), today=TODAY)
    assert message in raised.value.hint + raised.value.message
    assert (root / "actions" / "A.yaml").read_bytes() == before


def test_bad_date_and_unknown_status_on_the_command_line(
    rrs: Invoke, make_catalogue: MakeCatalogue
) -> None:
    root = make_catalogue()
    bad_date = rrs("update", "1", "--note", "x", "--date", "2021-02-30", catalogue=root)
    assert bad_date.exit_code == 2 and "is not a date" in bad_date.stderr
    bad_status = rrs("update", "1", "--note", "x", "--status", "klaar", catalogue=root)
    assert bad_status.exit_code == 2 and "unknown status" in bad_status.stderr


def test_stale_file_is_refused(make_catalogue: MakeCatalogue) -> None:
    root = catalogue_with_hand_written_a(make_catalogue)
    path = root / "actions" / "A.yaml"

    def editor_saves_meanwhile(target: Path) -> None:
        target.write_text(HAND_WRITTEN.replace("PM", "Gemeente"), encoding="utf-8")

    with pytest.raises(WriteRefusedError) as raised:
        append_progress(
            root,
            Update("A", Status.ONGOING, "x", date(2020, 1, 1)),
            today=TODAY,
            before_write=editor_saves_meanwhile,
        )
    assert "changed on disk" in raised.value.message
    assert path.read_text(encoding="utf-8") == HAND_WRITTEN.replace("PM", "Gemeente")


def test_failure_between_write_and_rename_leaves_the_original(
    make_catalogue: MakeCatalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = catalogue_with_hand_written_a(make_catalogue)
    path = root / "actions" / "A.yaml"

    def crash(self: Path, target: Path) -> None:
        raise OSError("disk pulled out")

    monkeypatch.setattr(Path, "replace", crash)
    with pytest.raises(WriteRefusedError, match="disk pulled out"):
        append_progress(root, Update("A", Status.ONGOING, "x", date(2020, 1, 1)), today=TODAY)
    assert path.read_text(encoding="utf-8") == HAND_WRITTEN
    assert sorted(p.name for p in path.parent.iterdir()) == [
        "1.yaml",
        "2.yaml",
        "3.yaml",
        "A.yaml",
        "B.yaml",
    ]


KILLED_WRITER = """
import os, sys, time
from datetime import date
from pathlib import Path
import rrs_cli.writing as writing
from rrs_cli.models import Status
from rrs_cli.progress import Update, append_progress

real_fsync = os.fsync
def slow_fsync(fd):
    real_fsync(fd)
    print("writing", flush=True)
    time.sleep(60)   # killed here: the temporary file is written, not yet renamed
writing.os.fsync = slow_fsync
append_progress(Path(sys.argv[1]), Update("A", Status.ONGOING, "x", date(2020, 1, 1)),
                today=date(2026, 1, 1))
"""


def test_writer_killed_mid_way_leaves_the_original(make_catalogue: MakeCatalogue) -> None:
    root = catalogue_with_hand_written_a(make_catalogue)
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(root)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "writing"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    proc.stdout.close()
    assert (root / "actions" / "A.yaml").read_text(encoding="utf-8") == HAND_WRITTEN
    assert validate(root, today=TODAY) == []  # the leftover temp file is hidden and ignored


def _worker(root: str, worker: int, count: int) -> None:
    for n in range(count):
        append_progress(
            Path(root), Update("A", Status.ONGOING, f"w{worker}-{n}", date(2020, 1, 1)), today=TODAY
        )


def test_concurrent_updates_lose_no_entry(make_catalogue: MakeCatalogue) -> None:
    root = catalogue_with_hand_written_a(make_catalogue)
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_worker, args=(str(root), w, 10)) for w in range(3)]
    for proc in workers:
        proc.start()
    for proc in workers:
        proc.join(timeout=120)
        assert proc.exitcode == 0
    text = (root / "actions" / "A.yaml").read_text(encoding="utf-8")
    notes = sorted(line.split('"')[1] for line in text.splitlines() if "note:" in line)
    assert notes == sorted(f"w{w}-{n}" for w in range(3) for n in range(10))
    assert text.startswith(HAND_WRITTEN)


def test_update_refuses_a_file_with_errors(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    root = make_catalogue()
    path = root / "actions" / "2.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "onbekend: 1\n", encoding="utf-8")
    before = path.read_bytes()
    result = rrs("update", "2", "--note", "x", catalogue=root)
    assert result.exit_code == 1 and "has errors" in result.stderr
    assert path.read_bytes() == before


def test_file_mode_is_kept(make_catalogue: MakeCatalogue) -> None:
    root = catalogue_with_hand_written_a(make_catalogue)
    path = root / "actions" / "A.yaml"
    path.chmod(0o640)
    append_progress(root, Update("A", Status.ONGOING, "x", date(2020, 1, 1)), today=TODAY)
    assert path.stat().st_mode & 0o777 == 0o640
    assert time.time() >= path.stat().st_mtime


def test_new_action_is_validated_and_written(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    root = make_catalogue()
    made = rrs(
        "new", "c", "--title", "Nieuw vliegwiel", "--goal", "3", "--status", "nieuw", catalogue=root
    )
    assert made.exit_code == 0, made.stderr
    assert (
        (root / "actions" / "C.yaml")
        .read_text(encoding="utf-8")
        .startswith('id: "C"\nkind: flywheel\ntitle: "Nieuw vliegwiel"\n')
    )
    linked = rrs("new", "4", "--title", "Verbonden", "--link", "c", catalogue=root)
    assert linked.exit_code == 0, linked.stderr
    again = rrs("new", "4", "--title", "Nog eens", catalogue=root)
    assert again.exit_code == 1 and "already exists" in again.stderr
    dangling = rrs("new", "5", "--title", "Los", "--link", "Q", catalogue=root)
    assert dangling.exit_code == 1 and "there is no action Q" in dangling.stderr
    assert not (root / "actions" / "5.yaml").exists()
    no_goal = rrs("new", "D", "--title", "Zonder doel", catalogue=root)
    assert no_goal.exit_code == 1 and not (root / "actions" / "D.yaml").exists()
    # Only warnings: C does not name 4 back, and neither has a term (4 no status).
    assert {f.code for f in validate(root, today=TODAY)} == {"RRS101", "RRS103", "RRS107"}

"""Correctable progress: backfill, amend, remove; note rules; layouts kept; new --back-link;
the write path's limits (issue 13, Low)."""

from __future__ import annotations

import difflib
import errno
import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from rrs_cli import cli, writing
from rrs_cli.errors import WriteRefusedError
from rrs_cli.models import Status
from rrs_cli.progress import EntryRef, Update, append_progress, remove_progress
from rrs_cli.validation import validate
from rrs_cli.yamledit import append_scalar, insert_item

from .conftest import Invoke, MakeCatalogue
from .test_progress import HAND_WRITTEN, TODAY, catalogue_with_hand_written_a

LOGGED = HAND_WRITTEN + (
    "progress:\n"
    "  # first year\n"
    "  - date: 2020-01-01\n"
    "    status: ongoing\n"
    '    note: "een"\n'
    "  - date: 2021-06-01   # mid-year\n"
    "    status: ongoing\n"
    '    note: "twee"\n'
    "  - date: 2022-01-01\n"
    "    status: completed\n"
    '    note: "drie"\n'
    "# einde bestand\n"
)


def logged(make: MakeCatalogue, text: str = LOGGED) -> tuple[Path, Path]:
    root = make()
    path = root / "actions" / "A.yaml"
    path.write_text(text, encoding="utf-8")
    return root, path


def log_of(path: Path) -> list[tuple[str, str, str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [(str(e["date"]), e["status"], e.get("note", "")) for e in data.get("progress") or []]


def only_lines_added(before: str, after: str, added: list[str]) -> None:
    """``after`` is ``before`` with exactly the lines ``added`` inserted (in order)."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    inserted: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
        None, old, new, autojunk=False
    ).get_opcodes():
        assert tag in ("equal", "insert"), (tag, old[i1:i2], new[j1:j2])
        if tag == "insert":
            inserted += new[j1:j2]
    assert inserted == added


# 1. Backfilling


def test_backfill_goes_to_its_date_and_keeps_everything(make_catalogue: MakeCatalogue) -> None:
    root, path = logged(make_catalogue)
    append_progress(root, Update("A", None, "terug", date(2021, 1, 1)), today=TODAY)
    append_progress(root, Update("A", None, "zelfde dag", date(2021, 6, 1)), today=TODAY)
    assert log_of(path) == [
        ("2020-01-01", "ongoing", "een"),
        ("2021-01-01", "ongoing", "terug"),
        ("2021-06-01", "ongoing", "twee"),
        ("2021-06-01", "ongoing", "zelfde dag"),  # after the entries already on that day
        ("2022-01-01", "completed", "drie"),
    ]
    new_lines = [
        "  - date: 2021-01-01\n",
        "    status: ongoing\n",
        '    note: "terug"\n',
        "  - date: 2021-06-01\n",
        "    status: ongoing\n",
        '    note: "zelfde dag"\n',
    ]
    only_lines_added(LOGGED, path.read_text(encoding="utf-8"), new_lines)
    assert path.read_text(encoding="utf-8").endswith("# einde bestand\n")
    assert validate(root, today=TODAY) == []


def test_backfill_without_status_takes_the_status_of_its_date(
    make_catalogue: MakeCatalogue,
) -> None:
    root, path = logged(make_catalogue)
    append_progress(root, Update("A", None, "notulen", date(2021, 12, 1)), today=TODAY)
    assert ("2021-12-01", "ongoing", "notulen") in log_of(path)  # not the later "completed"


def test_backfill_through_the_cli(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    root, path = logged(make_catalogue)
    result = rrs("update", "a", "--note", "vergeten", "--date", "2019-05-01", catalogue=root)
    assert result.exit_code == 0, result.stderr
    assert log_of(path)[0] == ("2019-05-01", "new", "vergeten")


# 2. Corrections: update --amend, rrs progress list/amend/remove


def test_progress_list_numbers_the_entries(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    root, _ = logged(make_catalogue)
    result = rrs("progress", "list", "a", catalogue=root)
    assert result.exit_code == 0
    assert result.stdout == (
        "1  2020-01-01  ongoing         een\n"
        "2  2021-06-01  ongoing         twee\n"
        "3  2022-01-01  completed       drie\n"
    )


def test_progress_list_as_json_has_the_same_numbers(
    rrs: Invoke, make_catalogue: MakeCatalogue
) -> None:
    root, _ = logged(make_catalogue)
    result = rrs("progress", "list", "a", "--format", "json", catalogue=root)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["id"] == "A"
    assert [(e["index"], e["date"], e["status"], e["note"]) for e in data["entries"]] == [
        (1, "2020-01-01", "ongoing", "een"),
        (2, "2021-06-01", "ongoing", "twee"),
        (3, "2022-01-01", "completed", "drie"),
    ]


def test_update_amend_corrects_the_latest_entry(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    root, path = logged(make_catalogue)
    result = rrs("update", "A", "--amend", "--note", "drie, gecorrigeerd", catalogue=root)
    assert result.exit_code == 0, result.stderr
    assert log_of(path)[-1] == ("2022-01-01", "completed", "drie, gecorrigeerd")
    assert path.read_text(encoding="utf-8") == LOGGED.replace('"drie"', '"drie, gecorrigeerd"')
    nothing = rrs("update", "A", "--amend", catalogue=root)
    assert nothing.exit_code == 2 and "nothing to change" in nothing.stderr


def test_amend_with_a_new_date_moves_the_entry(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    root, path = logged(make_catalogue)
    result = rrs(
        "progress", "amend", "A", "2022-01-01", "--date", "2021-03-01", "--status", "starting",
        catalogue=root,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert [e[0] for e in log_of(path)] == ["2020-01-01", "2021-03-01", "2021-06-01"]
    assert log_of(path)[1] == ("2021-03-01", "starting", "drie")
    assert path.read_text(encoding="utf-8").endswith("# einde bestand\n")


def test_remove_refuses_an_ambiguous_date(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    root, path = logged(make_catalogue)
    append_progress(root, Update("A", None, "nog een", date(2021, 6, 1)), today=TODAY)
    before = path.read_bytes()
    ambiguous = rrs("progress", "remove", "A", "2021-06-01", catalogue=root)
    assert ambiguous.exit_code == 2 and "--index" in ambiguous.stderr
    wrong = rrs("progress", "remove", "A", "2021-06-01", "--index", "1", catalogue=root)
    assert wrong.exit_code == 2 and "not dated 2021-06-01" in wrong.stderr
    missing = rrs("progress", "remove", "A", "2021-06-02", catalogue=root)
    assert missing.exit_code == 2 and "no progress entry on 2021-06-02" in missing.stderr
    assert path.read_bytes() == before
    removed = rrs("progress", "remove", "A", "2021-06-01", "--index", "2", catalogue=root)
    assert removed.exit_code == 0, removed.stderr
    assert [e[2] for e in log_of(path)] == ["een", "nog een", "drie"]
    assert "# mid-year" not in path.read_text(encoding="utf-8")  # the entry's own comment
    assert "# first year" in path.read_text(encoding="utf-8")


def test_removing_the_last_entry_leaves_an_empty_log(make_catalogue: MakeCatalogue) -> None:
    root = catalogue_with_hand_written_a(make_catalogue)
    path = root / "actions" / "A.yaml"
    append_progress(root, Update("A", Status.ONGOING, "x", date(2020, 1, 1)), today=TODAY)
    remove_progress(root, "A", EntryRef(date(2020, 1, 1)), today=TODAY)
    assert path.read_text(encoding="utf-8") == HAND_WRITTEN + "progress: []\n"
    assert validate(root, today=TODAY) == []


def test_remove_refuses_a_stale_file(make_catalogue: MakeCatalogue) -> None:
    root, path = logged(make_catalogue)
    edited = LOGGED.replace("PM", "Gemeente")

    def editor_saves_meanwhile(target: Path) -> None:
        target.write_text(edited, encoding="utf-8")

    with pytest.raises(WriteRefusedError, match="changed on disk"):
        remove_progress(
            root, "A", EntryRef(date(2020, 1, 1)), today=TODAY, before_write=editor_saves_meanwhile
        )
    assert path.read_text(encoding="utf-8") == edited


def test_corrections_are_validated_first(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    root, path = logged(make_catalogue)
    future = rrs("progress", "amend", "A", "2020-01-01", "--date", "2999-01-01", catalogue=root)
    assert future.exit_code == 1 and "in the future" in future.stderr
    assert path.read_text(encoding="utf-8") == LOGGED


def test_diff_reports_corrections_as_history_rewritten(
    rrs: Invoke, make_catalogue: MakeCatalogue, tmp_path: Path
) -> None:
    root, _ = logged(make_catalogue)
    base = tmp_path / "base"
    shutil.copytree(root, base)
    assert rrs("progress", "remove", "A", "2020-01-01", catalogue=root).exit_code == 0
    assert rrs("update", "A", "--amend", "--note", "drie!", catalogue=root).exit_code == 0
    text = rrs("diff", "--base-dir", str(base), "--head-dir", str(root)).stdout
    assert "History rewritten" in text
    assert "entry **removed**; it was: 2020-01-01: ongoing (een)" in text
    assert "entry **edited**; it was: 2022-01-01: completed (drie); now:" in text
    data = json.loads(
        rrs("diff", "--base-dir", str(base), "--head-dir", str(root), "--format", "json").stdout
    )
    assert data["history_rewritten"] is True


# 3. A note or a real status change


def test_an_entry_must_record_something(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    root, path = logged(make_catalogue)
    for args, message in (
        ((), "nothing to record"),
        (("--note", ""), "--note is empty"),
        (("--note", "  \t"), "--note is empty"),
        (("--status", "completed"), "already completed"),
        (("--status", "afgerond", "--note", " "), "--note is empty"),
    ):
        result = rrs("update", "A", *args, "--date", "2022-02-01", catalogue=root)
        assert result.exit_code == 2, args
        assert message in result.stderr, args
    assert path.read_text(encoding="utf-8") == LOGGED


def test_a_status_change_needs_no_note(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    root, path = logged(make_catalogue)
    result = rrs("update", "A", "--status", "stopped", "--date", "2022-02-01", catalogue=root)
    assert result.exit_code == 0, result.stderr
    assert path.read_text(encoding="utf-8").endswith(
        "  - date: 2022-02-01\n    status: stopped\n# einde bestand\n"
    )
    assert validate(root, today=TODAY) == []


# 4. Layouts: trailing comments, untouched lists, flow/absent/empty logs, CRLF

ENTRY = ["  - date: 2020-05-01\n", "    status: new\n", '    note: "x"\n']


@pytest.mark.parametrize(
    ("name", "text", "lines"),
    [
        (
            "absent, trailing comment",
            HAND_WRITTEN + "\n# einde bestand\n",
            ["progress:\n", *ENTRY],
        ),
        ("empty flow list", HAND_WRITTEN + "progress: []   # nog niets\n# einde\n", ENTRY),
        ("empty flow list, no comment", HAND_WRITTEN + "progress: []\n", ENTRY),
        (
            "block list, untouched lists at column 0 with comments",
            HAND_WRITTEN.replace(
                "goals: [samenleving]", "goals:\n- samenleving    # eerste\n# tussen\n- cyber"
            )
            + "progress:\n- date: 2020-01-01\n  status: new\n# einde bestand\n",
            ["- date: 2020-05-01\n", "  status: new\n", '  note: "x"\n'],
        ),
        (
            "last key a block scalar",
            HAND_WRITTEN + "notes: |-\n  Regel een.\n  # geen commentaar\n\n# einde\n",
            ["progress:\n", *ENTRY],
        ),
    ],
)
def test_update_keeps_the_layout(
    make_catalogue: MakeCatalogue, name: str, text: str, lines: list[str]
) -> None:
    root, path = logged(make_catalogue, text)
    append_progress(root, Update("A", None, "x", date(2020, 5, 1)), today=TODAY)
    after = path.read_text(encoding="utf-8")
    if name.startswith("empty"):  # `progress: []` / `progress:` lose the empty value
        text = text.replace("progress: []", "progress:")
    only_lines_added(text, after, lines)
    last_line = text.rstrip("\n").rsplit("\n", 1)[-1]
    if last_line.startswith("#"):
        assert after.rstrip("\n").endswith(last_line)  # the last comment stays last
    assert validate(root, today=TODAY) == [] or name.startswith("last key")


def test_line_edits_keep_crlf_line_ends() -> None:
    """rrs refuses to update a CRLF file (an error, RRS108); the line edits keep CRLF anyway."""
    text = 'id: A\r\nlinks: ["1"]\r\n# einde\r\n'
    edited = insert_item(text, "progress", 0, ["  - date: 2020-05-01", "    status: new"])
    assert edited == (
        'id: A\r\nlinks: ["1"]\r\nprogress:\r\n  - date: 2020-05-01\r\n    status: new\r\n'
        "# einde\r\n"
    )
    assert append_scalar(edited, "links", "45").startswith('id: A\r\nlinks: ["1", "45"]\r\n')


# 5. rrs new: back-links, the bundled layout, "initial status"


def test_new_with_back_link_writes_both_files(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    root = make_catalogue()
    b_before = (root / "actions" / "B.yaml").read_text(encoding="utf-8")
    result = rrs("new", "45", "--title", "Nieuw", "--link", "b", "--back-link", catalogue=root)
    assert result.exit_code == 0, result.stderr
    assert "added 45 to the links" in result.stderr
    b_after = (root / "actions" / "B.yaml").read_text(encoding="utf-8")
    assert b_after == b_before.replace("links:\n- '3'\n", "links:\n- '3'\n- \"45\"\n")
    assert not [f for f in validate(root) if "45" in f.message and f.code.startswith("RRS1")]


def test_new_without_back_link_says_so(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    root = make_catalogue()
    b_before = (root / "actions" / "B.yaml").read_bytes()
    result = rrs("new", "45", "--title", "Nieuw", "--link", "B", catalogue=root)
    assert result.exit_code == 0, result.stderr
    assert "B does not name 45 back" in result.stderr
    assert (root / "actions" / "B.yaml").read_bytes() == b_before


def test_new_asks_for_the_back_link_in_a_terminal(
    runner: CliRunner, make_catalogue: MakeCatalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_catalogue()
    monkeypatch.setattr(cli.write, "interactive", lambda: True)
    argv = ["-C", str(root), "new", "45", "--title", "Nieuw", "--link", "B", "--link", "a"]
    result = runner.invoke(cli.app, argv, input="\n")  # Enter: the default, yes
    assert result.exit_code == 0, result.output
    assert "Add 45 to the links of B, A too" in result.output
    assert '- "45"' in (root / "actions" / "B.yaml").read_text(encoding="utf-8")
    assert '- "45"' in (root / "actions" / "A.yaml").read_text(encoding="utf-8")
    declined = runner.invoke(cli.app, [*argv[:3], "46", *argv[4:]], input="n\n")
    assert declined.exit_code == 0, declined.output
    assert "B and A do not name 46 back" in declined.output
    assert "46" not in (root / "actions" / "B.yaml").read_text(encoding="utf-8")


def test_new_back_link_to_a_broken_file_is_refused(
    rrs: Invoke, make_catalogue: MakeCatalogue
) -> None:
    """Skipping the back-link silently would leave the one-sided link it was asked to avoid."""
    root = make_catalogue()
    b_path = root / "actions" / "B.yaml"
    b_path.write_text('id: "B"\nkind: [\n', encoding="utf-8")
    refused = rrs("new", "45", "--title", "Nieuw", "--link", "B", "--back-link", catalogue=root)
    assert refused.exit_code == 1
    assert "the file of action B has errors" in refused.stderr
    assert "--no-back-link" in refused.stderr
    assert not (root / "actions" / "45.yaml").exists()
    assert b_path.read_text(encoding="utf-8") == 'id: "B"\nkind: [\n'


def test_new_back_link_is_all_or_nothing(
    rrs: Invoke, make_catalogue: MakeCatalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_catalogue()
    b_path = root / "actions" / "B.yaml"
    b_before = b_path.read_bytes()
    b_path.chmod(0o444)  # the back-link cannot be written: nothing is
    refused = rrs("new", "45", "--title", "Nieuw", "--link", "B", "--back-link", catalogue=root)
    assert refused.exit_code == 1 and "read-only" in refused.stderr
    assert not (root / "actions" / "45.yaml").exists()
    b_path.chmod(0o644)
    real_replace = Path.replace

    def second_rename_fails(self: Path, target: Path) -> Path:
        if Path(target).name == "B.yaml":
            raise OSError(errno.EIO, "Input/output error")
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", second_rename_fails)
    failed = rrs("new", "45", "--title", "Nieuw", "--link", "B", "--back-link", catalogue=root)
    assert failed.exit_code == 1 and "B.yaml" in failed.stderr
    assert not (root / "actions" / "45.yaml").exists()  # rolled back
    assert b_path.read_bytes() == b_before
    assert sorted(p.name for p in (root / "actions").iterdir()) == sorted(
        ["1.yaml", "2.yaml", "3.yaml", "A.yaml", "B.yaml"]
    )


def test_new_file_has_the_bundled_layout(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    root = make_catalogue()
    result = rrs(
        "new", "45", "--title", "Nieuw", "--link", "B", "--status", "lopend", "--term", "short",
        "--owner", 'De "stad"', catalogue=root,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    text = (root / "actions" / "45.yaml").read_text(encoding="utf-8")
    today = date.today().isoformat()
    assert text == (
        'id: "45"\nkind: connected\ntitle: "Nieuw"\ndescription: ""\n'
        'owner: "De \\"stad\\""\npartners: ""\nfunding: ""\n'
        'status: ongoing\nstatus_text: "Lopend"\nterm: short\nterm_text: "Korte termijn"\n'
        'goals: []\nqualities: []\nimpact_levels: []\nlinks: ["B"]\n'
        f"added: {today}\n"
    )
    shown = rrs("show", "45", "--lang", "en", catalogue=root).stdout
    assert "Initial status" in shown and "Status at publication" not in shown
    assert "Status at publication (2016)" in rrs("show", "B", "--lang", "en", catalogue=root).stdout
    exported = json.loads(rrs("export", catalogue=root).stdout)
    added = {a["id"]: a["added"] for a in exported["actions"]}
    assert added["45"] == today and added["B"] is None


# 6. The write path (issue 13, Low)


def _blocked_on_flock() -> bool:
    return any(
        "->" in line and "FLOCK" in line for line in Path("/proc/locks").read_text().splitlines()
    )


RACER = """
import sys
from datetime import date
from pathlib import Path
from rrs_cli.progress import Update, append_progress
append_progress(Path(sys.argv[1]), Update("A", None, "notulen", date(2021, 1, 1)),
                today=date(2026, 1, 1))
"""


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="needs /proc/locks")
def test_update_reads_the_status_under_the_lock(make_catalogue: MakeCatalogue) -> None:
    """A note-only update queued behind a status update keeps the new status."""
    root, path = logged(make_catalogue, HAND_WRITTEN)
    fd = os.open(root / "actions", os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)  # another writer holds the lock ...
    try:
        proc = subprocess.Popen([sys.executable, "-c", RACER, str(root)])
        for _ in range(600):  # ... until the note-only update waits for it
            if _blocked_on_flock() or proc.poll() is not None:
                break
            time.sleep(0.05)
        # the other writer records "completed", then lets go
        path.write_text(
            HAND_WRITTEN + "progress:\n  - date: 2020-06-01\n    status: completed\n",
            encoding="utf-8",
        )
    finally:
        os.close(fd)
    assert proc.wait(timeout=60) == 0
    assert log_of(path)[-1] == ("2021-01-01", "completed", "notulen")


def test_write_path_applies_the_size_limit(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    big = HAND_WRITTEN + "notes: " + "x" * (1024 * 1024 - len(HAND_WRITTEN) - 40) + "\n"
    root, path = logged(make_catalogue, big)
    assert not [f for f in validate(root) if f.code == "RRS014"]
    result = rrs("update", "A", "--note", "y" * 100, "--date", "2020-01-01", catalogue=root)
    assert result.exit_code == 1 and "MiB" in result.stderr
    assert path.read_text(encoding="utf-8") == big


def test_a_read_only_file_is_refused(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    root, path = logged(make_catalogue)
    path.chmod(0o444)
    result = rrs("update", "A", "--note", "x", "--date", "2022-02-01", catalogue=root)
    assert result.exit_code == 1 and "read-only" in result.stderr
    assert path.read_text(encoding="utf-8") == LOGGED
    assert path.stat().st_mode & 0o777 == 0o444


@pytest.mark.parametrize(
    ("where", "code", "words"),
    [
        ("fsync", errno.ENOSPC, "No space left on device"),
        ("mkstemp", errno.EROFS, "Read-only file system"),
        ("mkstemp", errno.EACCES, "Permission denied"),
    ],
)
def test_file_system_errors_are_named(
    rrs: Invoke,
    make_catalogue: MakeCatalogue,
    monkeypatch: pytest.MonkeyPatch,
    where: str,
    code: int,
    words: str,
) -> None:
    root, path = logged(make_catalogue)

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, words)

    if where == "fsync":
        monkeypatch.setattr(writing.os, "fsync", fail)
    else:
        monkeypatch.setattr(tempfile, "mkstemp", fail)
    result = rrs("update", "A", "--note", "x", "--date", "2022-02-01", catalogue=root)
    assert result.exit_code == 1, result.stderr
    assert words in result.stderr and str(path) in result.stderr
    assert "internal error" not in result.stderr
    assert path.read_text(encoding="utf-8") == LOGGED
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".")] == []


def test_stale_temporaries_are_cleaned_and_never_read(
    rrs: Invoke, make_catalogue: MakeCatalogue
) -> None:
    root, path = logged(make_catalogue)
    stale = path.parent / ".A.yaml.k3x_9q2z.tmp"
    stale.write_text("id: [broken\n", encoding="utf-8")
    other = path.parent / ".A.yaml.notes"  # not a name rrs gives its temporaries
    other.write_text("keep\n", encoding="utf-8")
    assert validate(root, today=TODAY) == []
    assert "rrs: 0" not in rrs("list", catalogue=root).stderr
    result = rrs("update", "A", "--note", "x", "--date", "2022-02-01", catalogue=root)
    assert result.exit_code == 0, result.stderr
    assert not stale.exists() and other.exists()


def test_an_id_that_nearly_fills_a_file_name_can_be_updated(
    rrs: Invoke, make_catalogue: MakeCatalogue
) -> None:
    """A 250-digit id makes a 255-byte file name, which `rrs validate` accepts; its
    temporary `.NAME.xxxxxxxx.tmp` was too long a name, so no edit could be written."""
    from .catalogues import connected, default_actions

    long_id = "1" * 250
    actions = default_actions()
    actions[long_id] = connected(long_id, links=["A"])
    actions["A"]["links"] = [*actions["A"]["links"], long_id]
    root = make_catalogue(actions)
    assert rrs("validate", catalogue=root).exit_code == 0
    result = rrs("update", long_id, "--note", "x", "--date", "2022-02-01", catalogue=root)
    assert result.exit_code == 0, result.stderr
    assert rrs("progress", "list", long_id, catalogue=root).stdout.count("2022-02-01") == 1
    stale = root / "actions" / writing.temporary_prefix(root / "actions" / f"{long_id}.yaml")
    stale = stale.with_name(stale.name + "k3x_9q2z.tmp")
    assert len(os.fsencode(stale.name)) == 255
    stale.write_text("id: [broken\n", encoding="utf-8")
    assert (
        rrs("update", long_id, "--note", "y", "--date", "2022-03-01", catalogue=root).exit_code == 0
    )
    assert not stale.exists()


def test_arguments_are_checked_as_strictly_as_files(
    rrs: Invoke, make_catalogue: MakeCatalogue
) -> None:
    root = make_catalogue()
    not_utf8 = rrs("new", "45", "--title", "\udcff", catalogue=root)
    assert not_utf8.exit_code == 2 and "not valid UTF-8" in not_utf8.stderr
    control = rrs("update", "A", "--note", "a\x1b[2Jb", catalogue=root)
    assert control.exit_code == 2 and "control character" in control.stderr
    for bad in ("ß", "ﬀ", "²", "07", "A1"):
        result = rrs("new", bad, "--title", "x", "--goal", "cyber", catalogue=root)
        assert result.exit_code == 2 and "not an action id" in result.stderr, bad
    bad_link = rrs("new", "45", "--title", "x", "--link", "ß", catalogue=root)
    assert bad_link.exit_code == 2
    assert sorted(p.name for p in (root / "actions").iterdir()) == sorted(
        ["1.yaml", "2.yaml", "3.yaml", "A.yaml", "B.yaml"]
    )


def test_undecodable_argv_does_not_crash(make_catalogue: MakeCatalogue) -> None:
    root = make_catalogue()
    result = subprocess.run(
        [sys.executable, "-m", "rrs_cli", "-C", str(root), "new", "45", "--title", b"\xff"],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert b"not valid UTF-8" in result.stderr and b"Traceback" not in result.stderr
    assert not (root / "actions" / "45.yaml").exists()


def test_output_refuses_to_replace_a_fifo(rrs: Invoke, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = rrs("schema", "--output", str(fifo))
    assert result.exit_code == 1 and "not a regular file" in result.stderr
    assert fifo.is_fifo()


def test_site_labels_an_added_action_s_initial_status(
    make_catalogue: MakeCatalogue, tmp_path: Path
) -> None:
    from .catalogues import default_actions
    from .test_site import build, parse

    actions = default_actions()
    actions["4"] = connected_added = {**actions["3"], "id": "4", "added": "2025-02-03"}
    connected_added["links"] = ["B"]
    out = tmp_path / "out"
    build(make_catalogue(actions), out)
    added = " ".join(parse(out / "actions" / "4.html").text)
    assert "Status bij opname" in added and "Status bij publicatie" not in added
    printed = " ".join(parse(out / "actions" / "3.html").text)
    assert "Status bij opname" not in printed


@pytest.mark.parametrize(("new_id", "kind"), [("46", "connected"), ("Z", "flywheel")])
def test_create_action_takes_the_kind_from_the_id(
    make_catalogue: MakeCatalogue, new_id: str, kind: str
) -> None:
    """Without a kind, the core gives a number the kind connected and letters flywheel."""
    from rrs_cli.new_action import create_action

    root = make_catalogue()
    fields = {"id": new_id, "title": "Nieuw", "goal": "cyber", "links": []}
    written = create_action(root, fields)
    assert written[0].name == f"{new_id}.yaml"
    assert f"kind: {kind}" in written[0].read_text(encoding="utf-8")

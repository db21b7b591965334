"""`rrs diff` against hostile pull requests: revisions are read with git's plumbing only.

Everything in a pull-request branch is untrusted: folder names, file names,
``.gitattributes``, symbolic links and blob sizes. Each test here reproduces
one attack on the code as it was (a folder taken for a revision, option
injection, export-ignore, an absolute link, a huge blob).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from .conftest import Invoke, MakeCatalogue, connected, default_actions, dump

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

ID = ["-c", "user.email=t@example.org", "-c", "user.name=t"]


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *ID, *args], cwd=repo, check=True, capture_output=True)
    return done.stdout.decode()


def repository(make: MakeCatalogue) -> tuple[Path, Path]:
    """A git repository holding a catalogue in ``catalogue/``, one commit on main."""
    root = make()
    repo = root.parent
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "base")
    return repo, root


def commit(repo: Path, message: str = "change") -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message)


def test_a_folder_named_like_the_base_is_not_the_base(
    rrs: Invoke, make_catalogue: MakeCatalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The PR changes action 2, adds 4, and adds a folder 'main/' holding a copy
    # of its own catalogue: the diff must still compare with the revision main.
    repo, root = repository(make_catalogue)
    git(repo, "checkout", "-qb", "pr")
    (root / "actions" / "2.yaml").write_text(
        dump({**default_actions()["2"], "status": "stopped"}), encoding="utf-8"
    )
    (root / "actions" / "4.yaml").write_text(dump(connected("4", links=["A"])), encoding="utf-8")
    shutil.copytree(root, repo / "main")
    commit(repo)
    monkeypatch.chdir(repo)
    result = rrs("diff", "main", "--format", "json", catalogue=root)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["added"] == ["4"]
    assert [c["id"] for c in data["changed"]] == ["2"]
    # And the folder form is explicit.
    folder = rrs("diff", "--base-dir", "main", "--format", "json", catalogue=root)
    assert json.loads(folder.stdout)["added"] == []


def test_a_folder_is_never_a_revision(
    rrs: Invoke, make_catalogue: MakeCatalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, root = repository(make_catalogue)
    monkeypatch.chdir(repo)
    result = rrs("diff", "catalogue", catalogue=root)
    assert result.exit_code == 2
    assert "is not a git revision" in result.stderr and "--base-dir" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("diff", "main", "--base-dir", "x"),
        ("diff", "main", "HEAD", "--head-dir", "x"),
        ("diff",),
    ],
)
def test_ambiguous_versions_are_refused(
    rrs: Invoke, make_catalogue: MakeCatalogue, args: tuple[str, ...]
) -> None:
    _, root = repository(make_catalogue)
    result = rrs(*args, catalogue=root)
    assert result.exit_code == 2
    assert "rrs: error:" in result.stderr


@pytest.mark.parametrize(
    "revision", ["--output={out}", "-o{out}", "--remote=file:///nonexistent", "--", "-"]
)
def test_a_revision_is_never_an_option(
    rrs: Invoke, make_catalogue: MakeCatalogue, tmp_path: Path, revision: str
) -> None:
    _, root = repository(make_catalogue)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    spec = revision.format(out=victim if "output" in revision else tmp_path / "created")
    result = rrs("diff", "--", spec, catalogue=root)
    assert result.exit_code == 2, result.stdout
    assert "is not a git revision" in result.stderr
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not (tmp_path / "created").exists()


def test_gitattributes_of_the_branch_change_nothing(
    rrs: Invoke, make_catalogue: MakeCatalogue
) -> None:
    repo, root = repository(make_catalogue)
    (root / "actions" / "4.yaml").write_text(dump(connected("4", links=["A"])), encoding="utf-8")
    (repo / ".gitattributes").write_text(
        "catalogue/actions/4.yaml export-ignore\ncatalogue/actions/2.yaml export-ignore\n",
        encoding="utf-8",
    )
    commit(repo)
    result = rrs("diff", "HEAD~1", "HEAD", "--format", "json", catalogue=root)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["added"] == ["4"] and data["removed"] == []


def test_an_absolute_link_in_a_revision_is_a_finding(
    rrs: Invoke, make_catalogue: MakeCatalogue, tmp_path: Path
) -> None:
    repo, root = repository(make_catalogue)
    secret = tmp_path / "secret.yaml"
    secret.write_text("title: SECRET-VALUE\n", encoding="utf-8")
    (root / "actions" / "5.yaml").symlink_to(secret)
    (root / "actions" / "6.yaml").symlink_to("../../../outside.yaml")
    commit(repo)
    result = rrs("diff", "HEAD~1", "HEAD", catalogue=root)
    assert result.exit_code == 1, result.stderr
    assert "internal error" not in result.stderr
    assert "HEAD:actions/5.yaml" in result.stderr and "HEAD:actions/6.yaml" in result.stderr
    assert "leads outside the catalogue" in result.stderr
    assert "SECRET-VALUE" not in result.stderr + result.stdout


def test_a_link_inside_the_catalogue_is_followed(
    rrs: Invoke, make_catalogue: MakeCatalogue
) -> None:
    repo, root = repository(make_catalogue)
    (root / "actions" / "2.yaml").unlink()
    (root / "shared").mkdir()
    (root / "shared" / "2.yaml").write_text(
        dump({**default_actions()["2"], "status": "stopped"}), encoding="utf-8"
    )
    (root / "actions" / "2.yaml").symlink_to("../shared/2.yaml")
    commit(repo)
    result = rrs("diff", "HEAD~1", "HEAD", "--format", "json", catalogue=root)
    assert result.exit_code == 0, result.stderr
    change = json.loads(result.stdout)["changed"][0]
    assert change["fields"]["status"] == {"before": "new", "after": "stopped"}


def test_a_huge_blob_is_not_read(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    repo, root = repository(make_catalogue)
    with (root / "actions" / "7.yaml").open("wb") as handle:
        handle.write(b"# " + b"x" * (3 * 1024 * 1024) + b"\n")
    commit(repo)
    result = rrs("diff", "HEAD~1", "HEAD", catalogue=root)
    assert result.exit_code == 1
    assert "HEAD:actions/7.yaml: RRS014" in result.stderr and "not read" in result.stderr


def test_origin_main_still_works_as_a_revision(
    rrs: Invoke, make_catalogue: MakeCatalogue, tmp_path: Path
) -> None:
    repo, _root = repository(make_catalogue)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
    (clone / "catalogue" / "actions" / "2.yaml").write_text(
        dump({**default_actions()["2"], "status": "stopped"}), encoding="utf-8"
    )
    result = rrs("diff", "origin/main", "--format", "json", catalogue=clone / "catalogue")
    assert result.exit_code == 0, result.stderr
    assert [c["id"] for c in json.loads(result.stdout)["changed"]] == ["2"]


def test_a_catalogue_at_the_top_of_its_repository(
    rrs: Invoke, make_catalogue: MakeCatalogue
) -> None:
    root = make_catalogue()
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "base")
    (root / "actions" / "3.yaml").unlink()
    result = rrs("diff", "HEAD", "--format", "json", catalogue=root)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["removed"] == ["3"]


@pytest.mark.parametrize(
    ("link", "target", "inside"),
    [
        ("actions/1.yaml", "../shared/1.yaml", True),
        ("actions/1.yaml", "2.yaml", True),
        ("actions/1.yaml", "../../x.yaml", False),
        ("actions/1.yaml", "/etc/passwd", False),
        ("goals.yaml", "../goals.yaml", False),
        ("actions/1.yaml", "sub/../../../x", False),
        ("actions/1.yaml", "", False),
    ],
)
def test_which_links_stay_inside(link: str, target: str, inside: bool) -> None:
    from pathlib import PurePosixPath

    from rrs_cli.revisions import _inside

    assert _inside(PurePosixPath(link), target) is inside


def many_entries(repo: Path, root: Path, count: int, size: int) -> None:
    """Commit a tree of ``count`` action files that all point at one blob of ``size``
    bytes (git stores it once: a small repository that reads as a huge catalogue)."""
    blob = (
        subprocess.run(
            ["git", "hash-object", "-w", "--stdin"],
            cwd=repo,
            input=b"# " + b"x" * (size - 3) + b"\n",
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .strip()
    )
    index = "".join(f"100644 {blob}\tcatalogue/actions/{n}.yaml\n" for n in range(100, 100 + count))
    subprocess.run(
        ["git", "update-index", "--index-info"], cwd=repo, input=index.encode(), check=True
    )
    git(repo, "commit", "-qm", "many")


def test_too_many_tree_entries_are_refused_before_reading(
    rrs: Invoke, make_catalogue: MakeCatalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rrs_cli import limits

    repo, root = repository(make_catalogue)
    many_entries(repo, root, 40, 1000)
    monkeypatch.setattr(limits, "MAX_TREE_ENTRIES", 30)
    result = rrs("diff", "HEAD~1", "HEAD", catalogue=root)
    assert result.exit_code == 1
    assert "RRS014" in result.stderr and "more than 30 entries" in result.stderr, result.stderr


def test_a_revision_over_the_total_size_is_refused_before_reading(
    rrs: Invoke, make_catalogue: MakeCatalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rrs_cli import limits, revisions

    repo, root = repository(make_catalogue)
    many_entries(repo, root, 20, 100_000)
    monkeypatch.setattr(limits, "MAX_CATALOGUE_BYTES", 1_000_000)
    read: list[int] = []
    original = revisions._write_blobs

    def recording(repo: Path, blobs: list[tuple[Any, Path]], findings: list[Any]) -> None:
        read.extend(entry.size for entry, _ in blobs)
        original(repo, blobs, findings)

    monkeypatch.setattr(revisions, "_write_blobs", recording)
    result = rrs("diff", "HEAD~1", "HEAD", catalogue=root)
    assert result.exit_code == 1
    assert "RRS014" in result.stderr and "add up to" in result.stderr, result.stderr
    assert 100_000 not in read  # not one blob of the large revision was read


def test_blobs_are_streamed_in_bounded_memory(
    make_catalogue: MakeCatalogue, tmp_path: Path
) -> None:
    import tracemalloc

    from rrs_cli.revisions import checkout

    repo, root = repository(make_catalogue)
    many_entries(repo, root, 40, 1_000_000)  # 40 MB of files, within the limits
    tracemalloc.start()
    try:
        with checkout("HEAD", root) as version:
            assert (version.path / "actions" / "139.yaml").stat().st_size == 1_000_000
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8_000_000, f"{peak:,} bytes held at once"


def plant_fsmonitor(repo: Path, tmp_path: Path) -> Path:
    """A repository setting that makes git run a command (same owner, so git obeys it)."""
    ran = tmp_path / "fsmonitor-ran"
    hook = tmp_path / "monitor.sh"
    hook.write_text(f"#!/bin/sh\ntouch '{ran}'\n", encoding="utf-8")
    hook.chmod(0o755)
    git(repo, "config", "core.fsmonitor", str(hook))
    return ran


def test_rrs_site_runs_no_git(rrs: Invoke, make_catalogue: MakeCatalogue, tmp_path: Path) -> None:
    repo, root = repository(make_catalogue)
    ran = plant_fsmonitor(repo, tmp_path)
    result = rrs("site", "-o", str(tmp_path / "site"), catalogue=root)
    assert result.exit_code == 0, result.stderr
    assert not ran.exists(), "rrs site ran a command from the repository's git configuration"


def test_rrs_diff_switches_off_commands_from_git_configuration(
    rrs: Invoke, make_catalogue: MakeCatalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, root = repository(make_catalogue)
    (root / "actions" / "3.yaml").write_text(dump(connected("3", links=["B"])), encoding="utf-8")
    commit(repo)
    ran = plant_fsmonitor(repo, tmp_path)
    # An environment that would point git elsewhere or add settings is not passed on.
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "elsewhere"))
    monkeypatch.setenv("GIT_CONFIG_PARAMETERS", "'core.fsmonitor=" + str(tmp_path / "x") + "'")
    result = rrs("diff", "HEAD~1", "HEAD", catalogue=root)
    assert result.exit_code == 0, result.stderr
    assert not ran.exists()

"""`rrs diff`: two folders (--base-dir/--head-dir), or git revisions of a catalogue repository."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import Invoke, MakeCatalogue, default_actions, dump


def edited(make: MakeCatalogue) -> tuple[Path, Path]:
    base = make()
    actions = default_actions()
    actions["1"] = {
        **actions["1"],
        "status": "completed",
        "owner": "Nieuwe eigenaar",
        "progress": [{"date": "2019-06-01", "status": "completed", "note": "Klaar"}],
    }
    actions["A"] = {**actions["A"], "links": ["1", "2", "4"]}
    del actions["3"]
    actions["B"] = {**actions["B"], "links": []}
    actions["4"] = {**default_actions()["2"], "id": "4", "title": "Nieuwe actie"}
    return base, make(actions)


def test_diff_json_between_folders(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    base, head = edited(make_catalogue)
    result = rrs("diff", "--base-dir", str(base), "--head-dir", str(head), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["added"] == ["4"] and data["removed"] == ["3"]
    changes = {c["id"]: c for c in data["changed"]}
    assert changes["1"]["fields"]["status"] == {"before": "ongoing", "after": "completed"}
    assert changes["1"]["fields"]["owner"]["after"] == "Nieuwe eigenaar"
    assert changes["1"]["progress_added"][0]["note"] == "Klaar"
    assert changes["A"]["links_added"] == ["4"]
    assert changes["B"]["links_removed"] == ["3"]


def test_diff_markdown_for_a_pull_request(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    base, head = edited(make_catalogue)
    text = rrs("diff", "--base-dir", str(base), "--head-dir", str(head)).stdout
    assert "1 added, 1 removed, 3 changed." in text
    assert "| **1** Actie 1 | status | ongoing | completed |" in text
    assert "| **A** Vliegwiel A | links added | | 4 |" in text


def test_diff_of_identical_catalogues(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    root = make_catalogue()
    assert (
        "No changes to the catalogue."
        in rrs("diff", "--base-dir", str(root), "--head-dir", str(root)).stdout
    )


def test_diff_summarises_a_broken_version_and_exits_1(
    rrs: Invoke, make_catalogue: MakeCatalogue
) -> None:
    actions = default_actions()
    actions["1"] = "id: [\n"
    result = rrs(
        "diff", "--base-dir", str(make_catalogue()), "--head-dir", str(make_catalogue(actions))
    )
    assert result.exit_code == 1 and "have errors" in result.stderr
    assert "actions/1.yaml:2: RRS001" in result.stderr
    # The summary is still written: a pull request's comment never goes blank.
    assert "(with errors)" in result.stdout.splitlines()[0]
    assert "Not compared (the action's file has errors): **1**." in result.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_diff_between_git_revisions(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    root = make_catalogue()
    repo = root.parent

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.email=t@example.org", "-c", "user.name=t", "add", ".")
    git("-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-qm", "base")
    changed = {**default_actions()["2"], "status": "stopped"}
    (root / "actions" / "2.yaml").write_text(dump(changed), encoding="utf-8")
    result = rrs("diff", "HEAD", "--format", "json", catalogue=root)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["head"] == "working tree"
    assert [c["id"] for c in data["changed"]] == ["2"]
    unknown = rrs("diff", "no-such-revision", catalogue=root)
    assert unknown.exit_code == 2
    assert "is not a git revision" in unknown.stderr


def _versions(make: MakeCatalogue) -> tuple[Path, Path]:
    """A head whose action 1 fails the schema and whose action 2 changed its owner."""
    base = make()
    actions = default_actions()
    actions["1"] = {**actions["1"], "status": "lopendd"}
    actions["2"] = {**actions["2"], "owner": "Nieuwe eigenaar"}
    return base, make(actions)


def test_a_branch_with_errors_is_still_summarised_and_marked(make_catalogue: MakeCatalogue) -> None:
    from rrs_cli.diff import compare
    from rrs_cli.render import diff as render
    from rrs_cli.revisions import read_version

    base_dir, head_dir = _versions(make_catalogue)
    base, head = read_version(base_dir, "main"), read_version(head_dir, "HEAD")
    assert not base.errors and [f.code for f in head.errors] == ["RRS007"]
    result = compare(base.catalogue, head.catalogue, "main", "HEAD", head_errors=head.error_lines)
    # The unreadable action is not reported as removed: it was not compared.
    assert result.removed == [] and result.not_compared == ["1"]
    text = render.markdown(result)
    assert text.startswith("## Catalogue changes: `main` → `HEAD` (with errors)\n")
    assert "> **HEAD has 1 error.**" in text
    assert "HEAD:actions/1.yaml:" in text and "RRS007" in text
    assert "| **2** Actie 2 | owner | Cluster Stadsontwikkeling | Nieuwe eigenaar |" in text
    data = json.loads(render.json_text(result))
    assert data["errors"]["head"] and data["errors"]["base"] == []
    assert data["not_compared"] == ["1"]


def test_history_rewritten_grammar(make_catalogue: MakeCatalogue, rrs: Invoke) -> None:
    actions = default_actions()
    actions["1"] = {
        **actions["1"],
        "progress": [{"date": "2019-06-01", "status": "completed", "note": "Klaar"}],
    }
    base = make_catalogue(actions)
    text = rrs("diff", "--base-dir", str(base), "--head-dir", str(make_catalogue())).stdout
    assert "**1 progress entry of the base was removed or edited.**" in text

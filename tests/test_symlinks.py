"""Symbolic links in the working tree: nothing outside the catalogue is read.

A pull request can add a link such as ``actions/5.yaml -> /etc/some.yaml`` or
make ``actions/`` itself a link; before, rrs read the target and echoed its
values in messages. Now each is a located finding and the target is not read.
"""

from __future__ import annotations

from pathlib import Path

from .catalogues import GOALS, connected, default_actions, dump
from .conftest import Invoke, MakeCatalogue

SECRET = "SECRET-VALUE-42"


def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir(exist_ok=True)
    (folder / "secret.yaml").write_text(f"id: '{SECRET}'\ntitle: {SECRET}\n", encoding="utf-8")
    return folder / "secret.yaml"


def test_an_action_file_linking_outside_is_not_read(
    rrs: Invoke, make_catalogue: MakeCatalogue, tmp_path: Path
) -> None:
    root = make_catalogue()
    (root / "actions" / "5.yaml").symlink_to(outside(tmp_path))
    (root / "actions" / "6.yaml").symlink_to("../../outside/secret.yaml")
    result = rrs("validate", str(root))
    assert result.exit_code == 1
    assert SECRET not in result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if "RRS013" in line]
    assert len(lines) == 2 and all("leads outside the catalogue" in line for line in lines)
    assert "actions/5.yaml" in lines[0] and "actions/6.yaml" in lines[1]
    listed = rrs("list", "--format", "json", catalogue=root)
    assert SECRET not in listed.stdout + listed.stderr


def test_goals_file_linking_outside_is_not_read(
    rrs: Invoke, make_catalogue: MakeCatalogue, tmp_path: Path
) -> None:
    root = make_catalogue()
    (root / "goals.yaml").unlink()
    target = tmp_path / "outside-goals.yaml"
    target.write_text(dump([{**GOALS[0], "name_nl": SECRET, "number": SECRET}]), "utf-8")
    (root / "goals.yaml").symlink_to(target)
    result = rrs("validate", str(root))
    assert result.exit_code == 1
    assert SECRET not in result.stdout + result.stderr
    assert "goals.yaml: error RRS013" in result.stdout


def test_an_actions_folder_linking_outside_is_refused(
    rrs: Invoke, make_catalogue: MakeCatalogue, tmp_path: Path
) -> None:
    root = make_catalogue()
    elsewhere = tmp_path / "elsewhere"
    (root / "actions").rename(elsewhere)
    (elsewhere / "7.yaml").write_text(dump(connected("7", title=SECRET, owner=3)), "utf-8")
    (root / "actions").symlink_to(elsewhere)
    result = rrs("validate", str(root))
    assert result.exit_code == 1
    assert SECRET not in result.stdout + result.stderr
    assert "'actions/' is a symbolic link that leads outside the catalogue" in result.stdout


def test_links_inside_the_catalogue_are_read(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    root = make_catalogue()
    (root / "shared").mkdir()
    (root / "actions" / "2.yaml").rename(root / "shared" / "2.yaml")
    (root / "actions" / "2.yaml").symlink_to("../shared/2.yaml")
    result = rrs("validate", str(root))
    assert result.exit_code == 0, result.stdout
    assert rrs("show", "2", catalogue=root).exit_code == 0
    assert default_actions()["2"]["title"] in rrs("show", "2", catalogue=root).stdout

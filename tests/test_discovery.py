"""Which catalogue rrs uses, how the user learns it, and where writes may go.

Discovery works from the real current folder here (the conftest fixture that
starts it from an empty folder is overridden), so every test changes into a
folder of its own first.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from rrs_cli import cli, discovery
from rrs_cli.discovery import Source, catalogue_for_writing, discover, locate
from rrs_cli.errors import CatalogueNotWritableError
from rrs_cli.layout import bundled_catalogue

from .conftest import Invoke, MakeCatalogue, connected, dump
from .test_revisions import commit, git, repository

REPO_ROOT = Path(__file__).resolve().parent.parent
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture(autouse=True)
def no_discovered_catalogue() -> None:
    """Overrides conftest's: discovery starts from the real current folder."""


@pytest.fixture(autouse=True)
def away(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Start in an empty folder of this test's own, no catalogue above it."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    monkeypatch.chdir(folder)
    monkeypatch.delenv("RRS_CATALOGUE", raising=False)
    monkeypatch.delenv(cli.HINT_OFF_VAR, raising=False)
    return folder


def where(rrs: Invoke, *args: str) -> dict[str, object]:
    result = rrs("where", "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` and its content's hash."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


# Discovery -----------------------------------------------------------------


def test_the_catalogue_is_found_from_a_subfolder(
    rrs: Invoke, make_catalogue: MakeCatalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_catalogue()
    deeper = root / "actions" / "notes"
    deeper.mkdir()
    monkeypatch.chdir(deeper)
    assert where(rrs) == {
        "path": str(root),
        "source": "discovered",
        "reason": "the nearest folder with goals.yaml and actions/ from the current folder upwards",
        "exists": True,
        "writable": True,
    }
    result = rrs("list", "--format", "csv")
    assert result.exit_code == 0
    assert "Deltaplan cyber" in result.stdout  # the test catalogue, not the bundled one


def test_a_folder_needs_both_goals_and_actions(make_catalogue: MakeCatalogue) -> None:
    root = make_catalogue()
    assert discover(root) == root
    (root / "goals.yaml").unlink()
    assert discover(root) is None
    half = root.parent / "half"
    half.mkdir()
    (half / "goals.yaml").write_text("[]\n", encoding="utf-8")
    (half / "actions").write_text("not a folder\n", encoding="utf-8")
    assert discover(half) is None


@needs_git
def test_a_repository_root_finds_its_catalogue_folder(
    rrs: Invoke, make_catalogue: MakeCatalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, root = repository(make_catalogue)
    (repo / "docs").mkdir()
    for start in (repo, repo / "docs"):
        monkeypatch.chdir(start)
        data = where(rrs)
        assert data["path"] == str(root) and data["source"] == "discovered"
        assert data["reason"] == "the catalogue/ folder at the root of the current repository"


def test_discovery_stops_at_the_repository_root(make_catalogue: MakeCatalogue) -> None:
    # A catalogue above a repository is not this repository's catalogue.
    outer = make_catalogue()
    inner = outer / "tools" / "project"
    (inner / ".git").mkdir(parents=True)
    (inner / "src").mkdir()
    assert discover(inner / "src") is None
    assert discover(outer / "tools") == outer  # outside the repository it is found


@needs_git
def test_the_issue_example_diff_inside_a_catalogue_repository(
    rrs: Invoke, make_catalogue: MakeCatalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `cd catrepo/catalogue && rrs diff main` compares this catalogue, not the bundled one.
    repo, root = repository(make_catalogue)
    git(repo, "checkout", "-qb", "pr")
    (root / "actions" / "4.yaml").write_text(dump(connected("4", links=["A"])), encoding="utf-8")
    commit(repo)
    monkeypatch.chdir(root)
    result = rrs("diff", "main", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["added"] == ["4"]


def test_the_source_checkout_root_is_not_a_catalogue() -> None:
    # pytest runs from the checkout; its data/ is the bundled catalogue, found only
    # from inside it, and then treated as the bundled one.
    assert discover(REPO_ROOT) is None
    inside = locate(None, environ={}, cwd=bundled_catalogue() / "actions")
    assert inside.source is Source.BUNDLED
    assert inside.reason == "the current folder is inside it"
    assert not inside.writable


def test_a_symbolic_link_to_a_catalogue_is_discovered_by_its_real_path(
    rrs: Invoke, make_catalogue: MakeCatalogue, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    root = make_catalogue()
    link = tmp_path / "link"
    link.symlink_to(root, target_is_directory=True)
    monkeypatch.chdir(link / "actions")
    assert where(rrs)["path"] == str(root.resolve())


# Precedence ----------------------------------------------------------------


def test_precedence_option_environment_discovered_bundled(
    make_catalogue: MakeCatalogue,
) -> None:
    option, env, found = make_catalogue(), make_catalogue(), make_catalogue()
    environ = {"RRS_CATALOGUE": str(env)}
    assert locate(option, environ=environ, cwd=found).path == option
    assert locate(option, environ=environ, cwd=found).source is Source.OPTION
    assert locate(None, environ=environ, cwd=found).source is Source.ENVIRONMENT
    assert locate(None, environ=environ, cwd=found).path == env
    assert locate(None, environ={"RRS_CATALOGUE": ""}, cwd=found).path == found
    assert locate(None, environ={}, cwd=found).source is Source.DISCOVERED
    fallback = locate(None, environ={}, cwd=found.parent / "nothing")
    assert fallback.source is Source.BUNDLED and fallback.path == bundled_catalogue()


def test_precedence_through_the_command_line(
    rrs: Invoke, make_catalogue: MakeCatalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    option, env, found = make_catalogue(), make_catalogue(), make_catalogue()
    monkeypatch.chdir(found)
    assert where(rrs)["source"] == "discovered"
    monkeypatch.setenv("RRS_CATALOGUE", str(env))
    assert where(rrs) == {
        "path": str(env),
        "source": "environment",
        "reason": "given in $RRS_CATALOGUE",
        "exists": True,
        "writable": True,
    }
    assert where(rrs, "-C", str(option))["path"] == str(option)
    assert where(rrs, "-C", str(option))["source"] == "option"


# -C after the command --------------------------------------------------------


def test_catalogue_option_after_the_command(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    root = make_catalogue()
    before = rrs("--catalogue", str(root), "list", "--format", "csv")
    after = rrs("list", "-C", str(root), "--format", "csv")
    long_after = rrs("list", "--format", "csv", "--catalogue", str(root))
    assert before.exit_code == after.exit_code == long_after.exit_code == 0
    assert before.stdout == after.stdout == long_after.stdout
    assert "Deltaplan cyber" in after.stdout


def test_every_command_accepts_the_catalogue_option() -> None:
    import typer.main

    group = typer.main.get_command(cli.app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        options = {opt for param in command.params for opt in param.opts}
        assert {"-C", "--catalogue"} <= options, name


def test_commands_of_a_command_group_accept_it_too() -> None:
    # A future group (for example `rrs log add`) gets the option without declaring it.
    import typer
    import typer.main

    app = typer.Typer(cls=cli.RrsGroup)
    group = typer.Typer()

    @group.command("add")
    def add() -> None:
        """Add."""

    @app.command("other")
    def other() -> None:
        """Other."""

    app.add_typer(group, name="log")
    built = typer.main.get_command(app)
    log = built.commands["log"]  # type: ignore[attr-defined]
    for command in (log, log.commands["add"]):
        assert "--catalogue" in {opt for param in command.params for opt in param.opts}


@pytest.mark.parametrize(
    "args",
    [
        ("show", "A"),
        ("links", "A"),
        ("graph",),
        ("export",),
        ("validate",),
        ("report", "--format", "json", "--as-of", "2026-01-01"),
        ("diff", "--base-dir", "{root}"),
    ],
)
def test_catalogue_option_after_each_reading_command(
    rrs: Invoke, make_catalogue: MakeCatalogue, args: tuple[str, ...]
) -> None:
    root = make_catalogue()
    args = tuple(arg.format(root=root) for arg in args)
    before = rrs("-C", str(root), *args)
    after = rrs(*args, "-C", str(root))
    assert after.exit_code == before.exit_code == 0, after.stderr
    assert after.stdout == before.stdout


def test_catalogue_option_after_writing_commands(
    rrs: Invoke, make_catalogue: MakeCatalogue
) -> None:
    root = make_catalogue()
    assert rrs("update", "1", "--note", "Gestart", "-C", str(root)).exit_code == 0
    assert "Gestart" in (root / "actions" / "1.yaml").read_text(encoding="utf-8")
    made = rrs("new", "9", "--title", "Nieuwe actie", "--link", "A", "-C", str(root))
    assert made.exit_code == 0, made.stderr
    assert (root / "actions" / "9.yaml").is_file()


def test_catalogue_given_twice(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    one, other = make_catalogue(), make_catalogue()
    clash = rrs("-C", str(one), "list", "-C", str(other))
    assert clash.exit_code == 2
    assert "--catalogue given twice with different folders" in clash.stderr
    assert clash.stdout == ""
    # The same folder twice, spelled differently, is fine.
    same = rrs("-C", str(one), "list", "-C", str(one / "actions" / ".."), "--format", "csv")
    assert same.exit_code == 0 and "Deltaplan cyber" in same.stdout


# Writing never goes into the bundled catalogue ------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("update", "7", "--note", "Gestart"),
        ("update", "7", "--note", "Gestart", "--status", "ongoing"),
        ("new", "45", "--title", "Nieuwe actie", "--link", "7"),
    ],
)
def test_writing_commands_refuse_the_bundled_catalogue(rrs: Invoke, args: tuple[str, ...]) -> None:
    bundled = bundled_catalogue()
    before = fingerprint(bundled)
    result = rrs(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"rrs: error: rrs {args[0]} does not write into the catalogue bundled with rrs "
        f"('{bundled}')\n"
    )
    assert "--catalogue PATH" in result.stderr and "RRS_CATALOGUE=PATH" in result.stderr
    assert "cd into your catalogue folder" in result.stderr
    assert result.stdout == ""
    assert fingerprint(bundled) == before


def test_writing_is_refused_from_inside_the_bundled_catalogue(
    rrs: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled = bundled_catalogue()
    before = fingerprint(bundled)
    monkeypatch.chdir(bundled / "actions")
    result = rrs("update", "7", "--note", "Gestart")
    assert result.exit_code == 2
    assert "rrs uses it because: the current folder is inside it" in result.stderr
    assert fingerprint(bundled) == before


def test_an_explicit_bundled_checkout_catalogue_may_be_written(tmp_path: Path) -> None:
    # --catalogue data in the source checkout: explicit wins (the maintainers' case).
    # Checked on the decision only; the test does not write into data/.
    bundled = bundled_catalogue()
    assert catalogue_for_writing(locate(bundled, environ={}), "update") == bundled
    from_env = locate(None, environ={"RRS_CATALOGUE": str(bundled)})
    assert catalogue_for_writing(from_env, "update") == bundled


def test_the_installed_copy_is_refused_even_when_named(
    rrs: Invoke, make_catalogue: MakeCatalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Inside site-packages a reinstall deletes what was written: refused even with -C.
    installed = make_catalogue(name="installed")
    monkeypatch.setattr(discovery, "packaged_catalogue", lambda: installed)
    before = fingerprint(installed)
    result = rrs("update", "1", "--note", "Gestart", "-C", str(installed / "actions" / ".."))
    assert result.exit_code == 2
    assert "does not write into the catalogue installed with rrs" in result.stderr
    assert "the next install of rrs would delete the change" in result.stderr
    assert fingerprint(installed) == before
    with pytest.raises(CatalogueNotWritableError):
        catalogue_for_writing(locate(installed, environ={}), "new")


def test_a_discovered_catalogue_is_written(
    rrs: Invoke, make_catalogue: MakeCatalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_catalogue()
    monkeypatch.chdir(root / "actions")
    result = rrs("update", "1", "--note", "Gestart", "--date", "2026-01-05")
    assert result.exit_code == 0, result.stderr
    assert f"in {root / 'actions' / '1.yaml'}" in result.stderr


# Telling the user which catalogue ------------------------------------------

HINT_START = "rrs: using the catalogue bundled with rrs ("


def test_the_bundled_hint_goes_to_stderr_only(rrs: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    quiet = rrs("list", "--format", "csv")  # stderr is not a terminal: no hint
    assert quiet.exit_code == 0 and quiet.stderr == ""
    monkeypatch.setattr(cli.session, "stderr_is_terminal", lambda: True)
    hinted = rrs("list", "--format", "csv")
    assert hinted.exit_code == 0
    assert hinted.stdout == quiet.stdout
    assert hinted.stderr == (
        f"{HINT_START}{bundled_catalogue()}); for your own, pass --catalogue PATH, "
        "set RRS_CATALOGUE or cd into it (see `rrs where`)\n"
    )
    monkeypatch.setenv(cli.HINT_OFF_VAR, "1")
    silenced = rrs("list", "--format", "csv")
    assert silenced.stderr == "" and silenced.stdout == quiet.stdout


@pytest.mark.parametrize(
    "args", [("show", "A"), ("export",), ("validate",), ("graph",), ("links", "A")]
)
def test_every_reading_command_hints_once(
    rrs: Invoke, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    monkeypatch.setattr(cli.session, "stderr_is_terminal", lambda: True)
    result = rrs(*args)
    assert result.stderr.count(HINT_START) == 1


def test_no_hint_for_a_chosen_catalogue(
    rrs: Invoke, make_catalogue: MakeCatalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli.session, "stderr_is_terminal", lambda: True)
    root = make_catalogue()
    assert HINT_START not in rrs("-C", str(bundled_catalogue()), "list").stderr
    assert HINT_START not in rrs("list", "-C", str(root)).stderr
    monkeypatch.chdir(root)
    assert HINT_START not in rrs("list").stderr
    assert HINT_START not in rrs("where").stderr


def test_where_text(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    result = rrs("where")
    assert result.exit_code == 0
    assert result.stdout == (
        f"{bundled_catalogue()}\n"
        "source: bundled (no --catalogue, no $RRS_CATALOGUE, and no catalogue found from "
        "the current folder upwards)\n"
        "writes: refused (rrs update and rrs new need a catalogue of your own)\n"
    )
    root = make_catalogue()
    chosen = rrs("where", "-C", str(root))
    assert chosen.stdout == (
        f"{root}\nsource: option (given with --catalogue)\nwrites: allowed (rrs update, rrs new)\n"
    )
    missing = rrs("where", "-C", "nope")
    assert missing.exit_code == 0
    assert "note: this folder does not exist" in missing.stdout
    assert missing.stdout.startswith(f"{Path.cwd() / 'nope'}\n")


def test_version_names_the_catalogue(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    result = rrs("--version")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("rrs ")
    assert lines[1] == f"catalogue: {bundled_catalogue()} (bundled)"
    root = make_catalogue()
    for args in (("-C", str(root), "--version"), ("--version", "-C", str(root))):
        assert rrs(*args).stdout.splitlines()[1] == f"catalogue: {root} (option)"


def test_a_missing_command_is_still_a_usage_error(
    rrs: Invoke, make_catalogue: MakeCatalogue
) -> None:
    result = rrs("-C", str(make_catalogue()))
    assert result.exit_code == 2
    assert "rrs: error: missing command" in result.stderr  # rrs's one error style


# -o - and export --output -----------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("schema",),
        ("schema", "goals"),
        ("export",),
        ("report", "--as-of", "2026-01-01"),
        ("report", "--format", "json", "--as-of", "2026-01-01"),
        ("report", "--format", "html", "--as-of", "2026-01-01"),
    ],
)
def test_dash_output_is_standard_output(
    rrs: Invoke, make_catalogue: MakeCatalogue, away: Path, args: tuple[str, ...]
) -> None:
    root = make_catalogue()
    to_file = rrs("-C", str(root), *args, "--output", str(away / "out.txt"))
    assert to_file.exit_code == 0, to_file.stderr
    for dash in (("-o", "-"), ("--output", "-")):
        result = rrs("-C", str(root), *args, *dash)
        assert result.exit_code == 0, result.stderr
        assert result.stdout == (away / "out.txt").read_text(encoding="utf-8")
        assert "wrote" not in result.stderr
    assert not (away / "-").exists()


def test_every_output_option_was_checked() -> None:
    # A new command with --output must be added to the tests above (or refuse -).
    import typer.main

    group = typer.main.get_command(cli.app)
    with_output = sorted(
        name
        for name, command in group.commands.items()  # type: ignore[attr-defined]
        if any("--output" in param.opts for param in command.params)
    )
    assert with_output == ["export", "report", "schema", "site"]


def test_site_refuses_dash(rrs: Invoke, make_catalogue: MakeCatalogue, away: Path) -> None:
    result = rrs("-C", str(make_catalogue()), "site", "-o", "-")
    assert result.exit_code == 2
    assert "standard output (-) cannot hold" in result.stderr
    assert result.stdout == ""
    assert not (away / "-").exists()


def test_export_output_writes_the_file(
    rrs: Invoke, make_catalogue: MakeCatalogue, away: Path
) -> None:
    root = make_catalogue()
    printed = rrs("-C", str(root), "export")
    written = rrs("export", "-C", str(root), "--output", "export.json")
    assert written.exit_code == 0
    assert written.stdout == ""
    assert written.stderr == "wrote export.json\n"
    assert (away / "export.json").read_text(encoding="utf-8") == printed.stdout
    assert [p.name for p in away.iterdir()] == ["export.json"]  # no temporary file left
    json.loads(printed.stdout)


def test_export_output_keeps_the_old_file_when_the_catalogue_has_errors(
    rrs: Invoke, make_catalogue: MakeCatalogue, away: Path
) -> None:
    root = make_catalogue()
    (root / "actions" / "1.yaml").write_text("id: [\n", encoding="utf-8")
    target = away / "export.json"
    target.write_text("old\n", encoding="utf-8")
    result = rrs("export", "-C", str(root), "-o", str(target))
    assert result.exit_code == 1
    assert target.read_text(encoding="utf-8") == "old\n"


def test_export_output_refuses_what_is_not_a_regular_file(
    rrs: Invoke, make_catalogue: MakeCatalogue, away: Path
) -> None:
    root = make_catalogue()
    (away / "folder").mkdir()
    real = away / "real.json"
    real.write_text("keep\n", encoding="utf-8")
    (away / "link.json").symlink_to(real)
    os.mkfifo(away / "pipe")
    expected = {
        "folder": "is a folder; give a file name",
        "link.json": "is a symbolic link",
        "pipe": "is not a regular file (a device or a pipe?)",
    }
    for name, message in expected.items():
        result = rrs("export", "-C", str(root), "-o", str(away / name))
        assert result.exit_code == 1, name
        assert message in result.stderr, name
    assert real.read_text(encoding="utf-8") == "keep\n"
    assert (away / "pipe").is_fifo()
    assert sorted(p.name for p in away.iterdir()) == ["folder", "link.json", "pipe", "real.json"]


def test_report_and_schema_refuse_a_pipe_too(
    rrs: Invoke, make_catalogue: MakeCatalogue, away: Path
) -> None:
    os.mkfifo(away / "pipe")
    root = make_catalogue()
    for args in (("schema",), ("report", "--as-of", "2026-01-01")):
        result = rrs("-C", str(root), *args, "-o", str(away / "pipe"))
        assert result.exit_code == 1, args
        assert "is not a regular file" in result.stderr
    assert (away / "pipe").is_fifo()


# Discovery against other users and pull requests -----------------------------

OTHER_UID = 65534  # nobody


def give_away(*paths: Path) -> None:
    for path in paths:
        os.chown(path, OTHER_UID, OTHER_UID, follow_symlinks=False)


needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="making files of another user needs root")


@needs_root
def test_a_catalogue_of_another_user_above_is_refused_unless_named(
    rrs: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_catalogue: MakeCatalogue
) -> None:
    # Another user plants goals.yaml and actions/ in a shared folder (like /tmp).
    shared = make_catalogue(name="shared")
    give_away(shared / "goals.yaml", shared / "actions")
    mine = shared / "work" / "mine"
    mine.mkdir(parents=True)
    monkeypatch.chdir(mine)
    result = rrs("list")
    assert result.exit_code == 2
    assert "owned by another user" in result.stderr and str(shared) in result.stderr
    assert "--catalogue" in result.stderr
    before = fingerprint(shared)
    update = rrs("update", "1", "--note", "x", "--date", "2026-01-05")
    assert update.exit_code == 2 and fingerprint(shared) == before
    # Named, it is the user's choice.
    assert rrs("-C", str(shared), "list").exit_code == 0


@needs_git
def test_a_root_catalogue_does_not_shadow_the_catalogue_folder(
    rrs: Invoke, make_catalogue: MakeCatalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, root = repository(make_catalogue)
    # A pull request adds a valid catalogue at the repository root.
    (repo / "goals.yaml").write_text((root / "goals.yaml").read_text())
    shutil.copytree(root / "actions", repo / "actions")
    (root / "actions" / "1.yaml").write_text("id: [\n", encoding="utf-8")  # an error
    monkeypatch.chdir(repo)
    result = rrs("validate")
    assert result.exit_code == 2, result.stdout
    assert str(repo) in result.stderr and str(root) in result.stderr
    assert "--catalogue" in result.stderr


def test_a_catalogue_found_above_is_named_on_stderr(
    rrs: Invoke, make_catalogue: MakeCatalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_catalogue()
    monkeypatch.chdir(root / "actions")
    result = rrs("list", "--format", "csv")
    assert result.exit_code == 0
    assert result.stderr.startswith(f"rrs: using the catalogue at {root} "), result.stderr
    assert root.name not in result.stdout.splitlines()[0]
    monkeypatch.chdir(root)  # the current folder itself: nothing to say
    assert rrs("list", "--format", "csv").stderr == ""


def test_a_catalogue_folder_that_is_a_link_is_a_finding(
    rrs: Invoke, make_catalogue: MakeCatalogue, tmp_path: Path
) -> None:
    real = make_catalogue()
    link = tmp_path / "linked"
    link.symlink_to(real, target_is_directory=True)
    result = rrs("validate", "--format", "json", str(link))
    assert result.exit_code == 1
    codes = [f["code"] for f in json.loads(result.stdout)["findings"]]
    assert "RRS013" in codes


def test_where_tells_the_truth_about_writes(
    rrs: Invoke, make_catalogue: MakeCatalogue, tmp_path: Path
) -> None:
    root = make_catalogue()
    outside = tmp_path / "outside-actions"
    (root / "actions").rename(outside)
    (root / "actions").symlink_to(outside, target_is_directory=True)
    data = where(rrs, "-C", str(root))
    assert data["writable"] is False
    text = rrs("where", "-C", str(root)).stdout
    assert "writes: refused" in text and "actions/" in text
    result = rrs("update", "1", "--note", "x", "--date", "2026-01-05", "-C", str(root))
    assert result.exit_code != 0

"""`rrs init`: a new city's catalogue that validates and works at once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from rrs_cli import cli
from rrs_cli.crf import QUALITIES
from rrs_cli.init import (
    catalogue_workflow,
    copy_bundled,
    goal_keys,
    install_source,
    workflow_text,
)

from .conftest import Invoke

REPO = Path(__file__).resolve().parents[1]
OPTIONS = (
    "--city",
    "Kelderwick",
    "--name",
    "Kelderwick Resilience Plan",
    "--published",
    "2019",
    "--language",
    "en",
    "--contact",
    "resilience@kelderwick.example",
    "--goal",
    "Living with the river",
    "--goal",
    "Services that keep running",
)


def init(rrs: Invoke, target: Path, *args: str, code: int = 0) -> str:
    result = rrs("init", str(target), *args)
    assert result.exit_code == code, (result.stdout, result.stderr)
    return str(result.stderr)


def test_init_writes_a_catalogue_with_zero_findings(rrs: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "catalogue"
    init(rrs, target, *OPTIONS)
    names = sorted(str(p.relative_to(target)) for p in target.rglob("*") if p.is_file())
    assert names == [
        ".github/workflows/catalogue.yml",
        ".gitignore",
        "README.md",
        "actions/1.yaml",
        "actions/A.yaml",
        "goals.yaml",
        "qualities.yaml",
        "strategy.yaml",
    ]
    result = rrs("validate", str(target), "--strict", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["findings"] == []
    strategy = yaml.safe_load((target / "strategy.yaml").read_text(encoding="utf-8"))
    assert strategy["city"] == "Kelderwick" and strategy["published"] == 2019
    assert strategy["name_en"] == "Kelderwick Resilience Plan"  # defaults to the name
    assert strategy["contact"] == "resilience@kelderwick.example"
    goals = yaml.safe_load((target / "goals.yaml").read_text(encoding="utf-8"))
    assert [g["key"] for g in goals] == ["living-with-the-river", "services-that-keep-running"]
    qualities = yaml.safe_load((target / "qualities.yaml").read_text(encoding="utf-8"))
    assert [q["key"] for q in qualities] == [q.key for q in QUALITIES]
    assert qualities[0]["name_nl"] == "Reflective"  # English catalogue: no Dutch names
    assert qualities[0]["definition"].startswith("Using past experience")
    assert not list(tmp_path.glob(".*init*"))  # no staging folder left behind
    # Every command works on it at once.
    listing = json.loads(rrs("list", "--format", "json", catalogue=target).stdout)
    assert [a["id"] for a in listing] == ["A", "1"]
    report = rrs("report", "--as-of", "2020-01-01", catalogue=target)
    assert report.exit_code == 0
    assert report.stdout.startswith("# Kelderwick Resilience Plan: progress report")


def test_init_in_dutch_uses_the_dutch_quality_names(rrs: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "nl"
    init(rrs, target, "--city", "Veendorp", "--language", "nl", "--published", "2020", "--yes")
    qualities = yaml.safe_load((target / "qualities.yaml").read_text(encoding="utf-8"))
    assert [q["name_nl"] for q in qualities] == [q.name_nl for q in QUALITIES]
    assert qualities[4]["name_nl"] == "Flexibiliteit" and qualities[4]["name_en"] == "Flexible"
    goals = yaml.safe_load((target / "goals.yaml").read_text(encoding="utf-8"))
    assert goals[0]["name_nl"] == "Voorbeelddoel"  # one example goal when none is named
    report = rrs("report", "--as-of", "2021-01-01", catalogue=target).stdout
    # The default name in the catalogue's own language.
    assert report.startswith("# Veendorp Resilience Strategie: voortgangsrapportage")


def test_the_dutch_qualities_are_the_bundled_wording(bundled: Path) -> None:
    source = yaml.safe_load((bundled / "qualities.yaml").read_text(encoding="utf-8"))
    assert [(q["key"], q["name_nl"], q["definition"]) for q in source] == [
        (q.key, q.name_nl, q.definition_nl) for q in QUALITIES
    ]


def test_init_refuses_a_non_empty_folder(rrs: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "used"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    err = init(rrs, target, "--yes", code=2)
    assert "is not empty" in err
    assert [p.name for p in target.iterdir()] == ["notes.txt"]
    afile = tmp_path / "file"
    afile.write_text("x", encoding="utf-8")
    assert "not a folder" in init(rrs, afile, "--yes", code=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "used"]


def test_init_into_a_folder_whose_name_nearly_fills_a_file_name(
    rrs: Invoke, tmp_path: Path
) -> None:
    """The staging folder `.NAME.xxxxxxxx.init` once had too long a name: an internal error."""
    target = tmp_path / ("k" * 250)
    init(rrs, target, "--yes")
    assert (target / "strategy.yaml").is_file()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_init_into_an_empty_folder(rrs: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "empty"
    target.mkdir()
    init(rrs, target, "--yes")
    assert (target / "strategy.yaml").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--contact", "not an address"), "is not an e-mail address"),
        (("--published", "16"), "is not a year"),
        # A year the schema refuses (a term horizon would pass 9999-12-31).
        (("--published", "9950"), "is not a year"),
        (("--city", "Evil\x1b[2J"), "control or invisible character"),
        (("--goal", "  "), "must not be empty"),
    ],
)
def test_init_refuses_bad_values(
    rrs: Invoke, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    assert message in init(rrs, tmp_path / "new", "--yes", *args, code=2)
    assert not (tmp_path / "new").exists()


def test_init_asks_when_a_person_is_typing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    monkeypatch.setattr(cli.start, "interactive", lambda: True)
    answers = "\n".join(
        [
            "nl",  # the language first: the other questions are then in Dutch
            "Kelderwick",  # city
            "",  # name: the default
            "",  # English name: the default
            "2019",
            "",  # no contact
            "Water",
            "Buurten",
            "",  # no more goals
        ]
    )
    result = CliRunner().invoke(cli.app, ["init", str(tmp_path / "asked")], input=answers + "\n")
    assert result.exit_code == 0, result.output
    strategy = yaml.safe_load((tmp_path / "asked" / "strategy.yaml").read_text(encoding="utf-8"))
    assert strategy["name"] == "Kelderwick Resilience Strategie"
    for question in ("Stad", "Naam van de strategie", "Jaar van publicatie", "Doel 1", "Doel 3"):
        assert question in result.output
    assert strategy["language"] == "nl" and strategy["contact"] is None
    goals = yaml.safe_load((tmp_path / "asked" / "goals.yaml").read_text(encoding="utf-8"))
    assert [g["key"] for g in goals] == ["water", "buurten"]


def test_goal_keys_are_valid_and_unique() -> None:
    keys = goal_keys(["Water", "water!", "2050 plan", "Één stad", "***"])
    assert keys == ["water", "water-2", "goal-2050-plan", "een-stad", "goal-5"]


def test_goals_named_like_yaml_words_keep_their_keys(rrs: Invoke, tmp_path: Path) -> None:
    # Plain, "on" and "no" are YAML booleans and "null" is null: the keys are quoted.
    target = tmp_path / "city"
    words = ("--goal", "On", "--goal", "No", "--goal", "Null")
    init(rrs, target, *OPTIONS[:-4], *words)
    goals = yaml.safe_load((target / "goals.yaml").read_text(encoding="utf-8"))
    assert [g["key"] for g in goals] == ["on", "no", "null"]
    new = rrs("new", "2", "--title", "T", "--goal", "no", "--link", "A", catalogue=target)
    assert new.exit_code == 0, new.stderr
    written = (target / "actions" / "2.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(written)["goal"] == "no"
    findings = json.loads(rrs("validate", str(target), "--format", "json").stdout)["findings"]
    assert [f for f in findings if f["severity"] == "error"] == []


def test_end_to_end_init_new_update_validate_report(rrs: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "city"
    init(rrs, target, *OPTIONS)
    assert (
        rrs(
            "new",
            "2",
            "--title",
            "Flood Warning by Text Message",
            "--link",
            "A",
            "--status",
            "new",
            "--term",
            "short",
            catalogue=target,
        ).exit_code
        == 0
    )
    # Name it back from A, as the strategy would print it.
    a_file = target / "actions" / "A.yaml"
    a_file.write_text(
        a_file.read_text(encoding="utf-8").replace('links: ["1"]', 'links: ["1", "2"]'),
        encoding="utf-8",
    )
    result = rrs(
        "update",
        "2",
        "--status",
        "ongoing",
        "--note",
        "Service live",
        "--date",
        "2020-03-01",
        catalogue=target,
    )
    assert result.exit_code == 0, result.stderr
    validated = rrs("validate", str(target), "--strict")
    assert validated.exit_code == 0, validated.stdout
    for fmt in ("markdown", "json", "html"):
        report = rrs(
            "report",
            "--as-of",
            "2020-06-30",
            "--since",
            "2020-03-01",
            "--format",
            fmt,
            catalogue=target,
        )
        assert report.exit_code == 0, report.stderr
        assert "Service live" in report.stdout


def test_catalogue_readme_has_the_hooks_and_the_workflow(rrs: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "c"
    init(rrs, target, *OPTIONS)
    readme = (target / "README.md").read_text(encoding="utf-8")
    assert "# Kelderwick Resilience Plan: the catalogue" in readme
    assert "id: rrs-validate" in readme
    workflow = (target / ".github" / "workflows" / "catalogue.yml").read_text(encoding="utf-8")
    assert workflow == catalogue_workflow(install_source())


def run_readme(target: Path, monkeypatch: pytest.MonkeyPatch, rrs: Invoke) -> list[str]:
    """Run every command of the README's "Everyday use" block in ``target``, as a
    person would paste them; returns the commands."""
    import re
    import shlex

    from rrs_cli import discovery

    readme = (target / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Everyday use", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(target)
    monkeypatch.setattr(discovery, "current_folder", lambda: target)
    commands = [line for line in block.replace("\\\n", " ").splitlines() if line.strip()]
    for command in commands:
        words = shlex.split(command)
        assert words[0] == "rrs", command
        result = rrs(*words[1:])
        assert result.exit_code == 0, (command, result.stdout, result.stderr)
    # Pinned to a commit, never a branch; no PyPI page that does not exist.
    assert re.search(r"rev: [0-9a-f]{40}\b", readme) and "rev: main" not in readme
    assert "pypi.org" not in readme
    assert 'args: ["."]' in readme
    workflow = (target / ".github" / "workflows" / "catalogue.yml").read_text(encoding="utf-8")
    assert '  CATALOGUE: "."\n' in workflow
    assert "/site/" in (target / ".gitignore").read_text(encoding="utf-8").splitlines()
    return commands


def test_the_readme_of_a_new_catalogue_works_when_copied(
    rrs: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "kelderwick"
    init(rrs, target, *OPTIONS)
    commands = run_readme(target, monkeypatch, rrs)
    assert any(c.startswith("rrs new 2 ") for c in commands)
    assert rrs("validate", "--strict").exit_code == 0


def test_a_copy_of_the_bundled_catalogue_is_writable_and_clean(
    rrs: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bundled: Path
) -> None:
    target = tmp_path / "mine"
    written = copy_bundled(target)
    assert "accepted.yaml" in written and "actions/A.yaml" in written
    assert (target / "actions" / "44.yaml").read_bytes() == (
        bundled / "actions" / "44.yaml"
    ).read_bytes()
    strict = json.loads(rrs("validate", str(target), "--strict", "--format", "json").stdout)
    assert strict["ok"] and strict["errors"] == 0 and strict["warnings"] == 0
    assert strict["accepted"] > 0
    commands = run_readme(target, monkeypatch, rrs)
    assert any(c.startswith("rrs new 45 ") for c in commands)
    assert "Kick-off held" in (target / "actions" / "1.yaml").read_text(encoding="utf-8")
    assert not list(tmp_path.glob(".*init*"))


def test_init_from_bundled_and_the_options_it_refuses(rrs: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "mine"
    err = init(rrs, target, "--from-bundled")
    assert "try: cd" in err and (target / "accepted.yaml").is_file()
    result = rrs("validate", str(target), "--strict")
    assert result.exit_code == 0 and ": 0 errors, 0 warnings," in result.stderr
    assert "--city" in init(rrs, tmp_path / "x", "--from-bundled", "--city", "X", code=2)
    refused = rrs("-C", str(target), "init", str(tmp_path / "y"), "--yes")
    assert refused.exit_code == 2 and "--catalogue names an existing one" in refused.stderr
    assert not (tmp_path / "x").exists() and not (tmp_path / "y").exists()


def test_goals_that_differ_only_in_case_are_refused(rrs: Invoke, tmp_path: Path) -> None:
    err = init(rrs, tmp_path / "x", "--yes", "--goal", "Water", "--goal", "water", code=2)
    assert "differ only in case" in err
    assert not (tmp_path / "x").exists()


def test_the_install_source_is_read_from_what_pip_recorded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rrs_cli import init as init_module

    commit = "a" * 40
    recorded = json.dumps(
        {"url": "https://git.example.org/city/rrs", "vcs_info": {"vcs": "git", "commit_id": commit}}
    )

    class Distribution:
        def read_text(self, name: str) -> str:
            return recorded

    monkeypatch.setattr(init_module, "distribution", lambda name: Distribution())
    source = install_source()
    assert source.known and source.pipx == f"git+https://git.example.org/city/rrs@{commit}"
    workflow = catalogue_workflow(source)
    assert f'RRS_SOURCE: "rrs-cli @ git+https://git.example.org/city/rrs@{commit}"' in workflow
    recorded = json.dumps({"url": "file:///home/me/rrs", "dir_info": {"editable": True}})
    assert not install_source().known


def test_packaged_workflow_is_the_gate_example() -> None:
    """The workflow `rrs init` writes is the pull-request gate's example, verbatim."""
    example = REPO / "examples" / "github-workflow.yml"
    packaged = workflow_text()
    if not example.exists():
        pytest.xfail(
            "examples/github-workflow.yml does not exist yet: the packaged one is a placeholder"
        )
    assert "PLACEHOLDER" not in packaged
    assert packaged == example.read_text(encoding="utf-8")

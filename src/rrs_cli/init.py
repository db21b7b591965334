"""`rrs init DIR`: start a new catalogue for any city's resilience strategy.

``plan_catalogue`` turns the answers (:class:`InitOptions`) into the files of a
catalogue: ``strategy.yaml``, ``goals.yaml``, ``qualities.yaml`` (the City
Resilience Framework's seven qualities), ``actions/`` with an example flywheel
action and an example connected action that name each other (so the new
catalogue validates with zero findings), and the files of a catalogue
repository: a ``README.md`` whose instructions work when copied, a
``.gitignore`` for what rrs builds (the website), and the pull-request gate as
``.github/workflows/catalogue.yml``. ``copy_bundled`` makes the same
repository from the catalogue bundled with rrs (a writable copy of it).
Both build the folder beside DIR, validate it, and rename it into place: DIR
appears complete or not at all.
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from importlib.metadata import PackageNotFoundError, distribution
from importlib.resources import files
from pathlib import Path
from string import Template

import yaml

from .crf import QUALITIES
from .diagnostics import fails
from .errors import RrsError, UnknownChoiceError
from .i18n import Language, name_in, text
from .layout import (
    ACCEPTED_FILE,
    ACTIONS_DIR,
    GOALS_FILE,
    QUALITIES_FILE,
    STRATEGY_FILE,
    bundled_catalogue,
)
from .models import (
    DEFAULT_TERM_HORIZONS,
    EMAIL_PATTERN,
    LAST_PUBLISHED,
    Action,
    Kind,
    Status,
    Term,
)
from .new_action import new_action_yaml
from .suggest import normal
from .textsafety import has_invisible
from .validation import validate
from .writing import temporary_prefix
from .yamledit import plain_or_quoted

# strategy.yaml's pattern, matched whole ($ alone would let a final newline through).
EMAIL = re.compile(EMAIL_PATTERN)


class InitRefusedError(RrsError):
    """`rrs init` will not write here (a non-empty folder, a file, a bad value)."""


@dataclass
class InitOptions:
    city: str
    name: str
    name_en: str
    published: int
    language: Language
    contact: str | None = None
    goals: list[str] = field(default_factory=list)


def check_options(options: InitOptions) -> None:
    """Refuse values that would make an invalid or misleading catalogue (exit 2)."""
    for label, value in (
        ("--city", options.city),
        ("--name", options.name),
        ("--name-en", options.name_en),
        *(("--goal", goal) for goal in options.goals),
    ):
        if not value.strip():
            raise UnknownChoiceError(f"{label} must not be empty")
        if has_invisible(value) or "\n" in value or "\t" in value:
            raise UnknownChoiceError(
                f"{label} holds a control or invisible character",
                hint="type the name as plain text on one line",
            )
    if not 1000 <= options.published <= LAST_PUBLISHED:
        raise UnknownChoiceError(f"--published {options.published} is not a year")
    if options.contact is not None and not EMAIL.fullmatch(options.contact):
        raise UnknownChoiceError(
            f"--contact {options.contact!r} is not an e-mail address",
            hint="for example resilience@example.org, or leave it out",
        )
    seen: dict[str, str] = {}
    for goal in options.goals:
        same = seen.setdefault(normal(goal), goal)
        if same is not goal:
            # "Water" and "water" would become the goals water and water-2.
            raise UnknownChoiceError(
                f"--goal {goal!r} and --goal {same!r} differ only in case or punctuation",
                hint="name each goal once, or give them names that tell them apart",
            )


def goal_keys(names: list[str]) -> list[str]:
    """A key (``^[a-z][a-z0-9-]*$``) for each goal name, unique, from its words."""
    keys: list[str] = []
    for number, name in enumerate(names, 1):
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        words = re.findall(r"[a-z0-9]+", ascii_name.lower())
        key = "-".join(words)[:40].strip("-")
        if not key or not key[0].isalpha():
            key = f"goal-{number}" if not key else f"goal-{key}"
        candidate, suffix = key, 2
        while candidate in keys:
            candidate, suffix = f"{key}-{suffix}", suffix + 1
        keys.append(candidate)
    return keys


def _q(value: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is a subset of it)."""
    return json.dumps(value, ensure_ascii=False)


def plan_catalogue(options: InitOptions) -> dict[str, str]:
    """Relative path -> text of every file of the new catalogue."""
    lang = options.language
    goals = options.goals or [text("init.example_goal", lang)]
    keys = goal_keys(goals)
    horizons = "\n".join(
        f"  {term.value}: {'null' if years is None else years}"
        for term, years in DEFAULT_TERM_HORIZONS.items()
    )
    contact = _q(options.contact) if options.contact else "null"
    strategy = f"""\
# The strategy this catalogue describes (made by `rrs init`; edit freely).
# rrs reads the strategy's names, its publication year (the baseline of
# "status at publication" and of the term horizons), its citation and its
# contact address from here.
name: {_q(options.name)}
name_en: {_q(options.name_en)}
city: {_q(options.city)}
# A year, or a full date (YYYY-MM-DD).
published: {options.published}
# The language of the catalogue's text (nl or en): the report's default language.
language: {lang}
source:
  title: {_q(options.name)}
  publisher: {_q(options.city)}
  year: {options.published}
contact: {contact}
# Years after publication until each expected-result term has passed
# (null: open-ended, never passes).
term_horizons:
{horizons}
# Other names of one organisation, so that --owner finds it under any of them,
# e.g. - ["City of Example", "the municipality"]
organisations: []
# How the strategy writes that funding is not settled (e.g. "TBD").
unsettled_funding: []
"""
    goal_lines = ["# The strategy's goals (made by `rrs init`).", ""]
    goal_lines.append(
        "# name_nl holds the name in the catalogue's own language; name_en the English one."
    )
    for number, (key, name) in enumerate(zip(keys, goals, strict=True), 1):
        goal_lines += [
            f"- number: {number}",
            f"  key: {plain_or_quoted(key)}",
            f"  name_nl: {_q(name)}",
            f"  name_en: {_q(name)}",
            f"  tagline: {_q('')}",
        ]
    quality_lines = [
        "# The seven qualities of the City Resilience Framework (made by `rrs init`).",
        "# name_nl holds the name in the catalogue's own language; name_en the English one.",
    ]
    for quality in QUALITIES:
        dutch = lang == "nl"
        quality_lines += [
            f"- key: {quality.key}",
            f"  name_nl: {_q(name_in(quality, lang))}",
            f"  name_en: {_q(quality.name_en)}",
            f"  definition: {_q(quality.definition_nl if dutch else quality.definition_en)}",
        ]
    common = {
        "description": text("init.example_description", lang),
        "owner": options.city,
        "status": Status.NEW,
        "goal": keys[0],
    }
    flywheel = Action(
        id="A",
        kind=Kind.FLYWHEEL,
        title=text("init.example_flywheel", lang),
        term=Term.SHORT,
        goals=[keys[0]],
        qualities=["integrated"],
        links=["1"],
        **common,
    )
    connected = Action(
        id="1",
        kind=Kind.CONNECTED,
        title=text("init.example_connected", lang),
        term=Term.MEDIUM,
        links=["A"],
        **common,
    )
    return {
        STRATEGY_FILE: strategy,
        GOALS_FILE: "\n".join(goal_lines) + "\n",
        QUALITIES_FILE: "\n".join(quality_lines) + "\n",
        f"{ACTIONS_DIR}/A.yaml": "# An example flywheel action (letters: A, B, ...); "
        "replace it with your own.\n" + new_action_yaml(flywheel, lang),
        f"{ACTIONS_DIR}/1.yaml": "# An example connected action (numbers: 1, 2, ...), "
        "linked to flywheel A.\n" + new_action_yaml(connected, lang),
        **repository_files(
            Readme(options.name, options.city, options.published, keys[0], "2"),
        ),
    }


WORKFLOW_FILE = ".github/workflows/catalogue.yml"
# What rrs builds inside a catalogue repository, and git should not keep.
GITIGNORE = """\
# Built by rrs from the catalogue; rebuild them rather than keep them in git.
/site/
/report.html
"""
# Shown where rrs cannot tell where it was installed from (an install from a
# local checkout): a placeholder to replace, never a page that does not exist.
PLACEHOLDER_REPOSITORY = "https://example.org/your-org/rrs"
PLACEHOLDER_COMMIT = "0123456789abcdef0123456789abcdef01234567"


@dataclass(frozen=True)
class Source:
    """Where rrs can be installed from: a git repository and a commit of it."""

    repository: str
    commit: str
    known: bool  # False: the placeholders, to be replaced

    @property
    def requirement(self) -> str:
        """For pip: ``rrs-cli @ git+URL@COMMIT``."""
        return f"rrs-cli @ git+{self.repository}@{self.commit}"

    @property
    def pipx(self) -> str:
        return f"git+{self.repository}@{self.commit}"


def install_source() -> Source:
    """The repository and commit this rrs was installed from, when pip recorded
    them (``pipx install git+URL@COMMIT`` does, PEP 610); else the placeholders."""
    try:
        recorded = distribution("rrs-cli").read_text("direct_url.json")
    except PackageNotFoundError:
        recorded = None
    try:
        data = json.loads(recorded or "{}")
    except ValueError:
        data = {}
    url = data.get("url") if isinstance(data, dict) else None
    vcs = data.get("vcs_info") if isinstance(data, dict) else None
    commit = vcs.get("commit_id") if isinstance(vcs, dict) else None
    if (
        isinstance(url, str)
        and isinstance(commit, str)
        and re.fullmatch(r"[0-9a-f]{40}", commit)
        and re.fullmatch(r"https://[^\s\"'@]+", url)
        and isinstance(vcs, dict)
        and vcs.get("vcs") == "git"
    ):
        return Source(url, commit, True)
    return Source(PLACEHOLDER_REPOSITORY, PLACEHOLDER_COMMIT, False)


def workflow_text() -> str:
    """The CI workflow for a catalogue repository (kept in the package's templates)."""
    return (
        files("rrs_cli")
        .joinpath("templates", "init", "github-workflow.yml")
        .read_text(encoding="utf-8")
    )


def catalogue_workflow(source: Source) -> str:
    """The workflow for a repository that is the catalogue: CATALOGUE is "."."""
    text = workflow_text()
    text = text.replace("  CATALOGUE: catalogue\n", '  CATALOGUE: "."\n', 1)
    text = text.replace(
        "# Copy it to .github/workflows/catalogue.yml, set RRS_SOURCE to where you host\n"
        "# rrs (pinned to a commit) and CATALOGUE to the catalogue's folder.\n",
        '# Written by `rrs init`; this repository is the catalogue (CATALOGUE: ".").\n'
        + (
            "# RRS_SOURCE is where rrs was installed from, pinned to that commit.\n"
            if source.known
            else "# Set RRS_SOURCE to where you host rrs, pinned to a commit.\n"
        ),
        1,
    )
    placeholder = Source(PLACEHOLDER_REPOSITORY, PLACEHOLDER_COMMIT, False).requirement
    return text.replace(placeholder, source.requirement, 1)


@dataclass(frozen=True)
class Readme:
    """What the catalogue's README names: the strategy, a goal, a free action id."""

    name: str
    city: str
    published: int | str
    goal: str
    free_id: str
    origin: str = "Made with `rrs init`."


def catalogue_readme(readme: Readme, source: Source | None = None) -> str:
    source = source or install_source()
    template = (
        files("rrs_cli").joinpath("templates", "init", "README.md").read_text(encoding="utf-8")
    )
    return Template(template).substitute(
        name=readme.name,
        city=readme.city,
        published=readme.published,
        origin=readme.origin,
        goal=readme.goal,
        free_id=readme.free_id,
        pipx=source.pipx,
        repository=source.repository,
        commit=source.commit,
        workflow=WORKFLOW_FILE,
        placeholder_note=""
        if source.known
        else (
            "\n`" + PLACEHOLDER_REPOSITORY + "` and the commit above stand for where your "
            "organisation hosts rrs and a commit of it (`git ls-remote URL HEAD` names the "
            "latest); replace them here, in the workflow's `RRS_SOURCE` and in the "
            "pre-commit configuration below.\n"
        ),
    )


def repository_files(readme: Readme) -> dict[str, str]:
    """The files that make a catalogue folder a repository: README, .gitignore, the gate."""
    source = install_source()
    return {
        "README.md": catalogue_readme(readme, source),
        ".gitignore": GITIGNORE,
        WORKFLOW_FILE: catalogue_workflow(source),
    }


def _check_target(target: Path) -> None:
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise InitRefusedError(f"'{target}' exists and is not a folder")
    if target.is_dir() and any(target.iterdir()):
        raise InitRefusedError(
            f"'{target}' is not empty; rrs init only writes a new catalogue",
            hint="give a new folder name, or an empty folder",
        )
    if not target.parent.is_dir():
        raise InitRefusedError(f"folder '{target.parent}' does not exist")


def _write_staged(target: Path, planned: dict[str, str | bytes]) -> list[str]:
    """Write ``planned`` into a folder beside ``target``, validate it, rename it into place.

    The catalogue must pass ``rrs validate --strict`` (findings its accepted.yaml
    accepts allowed); anything else is a bug in rrs, never the user's input.
    """
    _check_target(target)
    staging = Path(
        tempfile.mkdtemp(
            prefix=temporary_prefix(target, ".init"), suffix=".init", dir=target.parent
        )
    )
    try:
        for relative, content in planned.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        findings = validate(staging)
        if fails(findings, strict=True):
            raise RrsError(
                "rrs init made a catalogue with findings: "
                + "; ".join(f"{f.code} {f.message}" for f in findings[:3]),
                hint="this is a bug in rrs",
            )
        staging.chmod(0o755)
        # rename(2) replaces an empty folder atomically, and creates a missing one.
        try:
            staging.rename(target)
        except OSError as error:
            raise InitRefusedError(
                f"cannot create '{target}': {error.strerror or error}",
                hint="was something written into it meanwhile?",
            ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
        raise
    return sorted(planned)


def write_catalogue(target: Path, options: InitOptions) -> list[str]:
    """Write the new catalogue at ``target`` atomically; returns the files written."""
    check_options(options)
    _check_target(target)
    return _write_staged(target, dict(plan_catalogue(options)))


# The files of a catalogue that a copy takes (the loader reads nothing else).
CATALOGUE_FILES = (STRATEGY_FILE, GOALS_FILE, QUALITIES_FILE, ACCEPTED_FILE)


def copy_bundled(target: Path, source: Path | None = None) -> list[str]:
    """A writable copy of the bundled catalogue at ``target``, as a repository.

    Every catalogue file as it is (accepted.yaml included, so the copy passes
    ``rrs validate --strict`` as the original does), plus the README,
    .gitignore and workflow of :func:`repository_files`.
    """
    origin = source or bundled_catalogue()
    _check_target(target)
    planned: dict[str, str | bytes] = {}
    for name in CATALOGUE_FILES:
        if (origin / name).is_file():
            planned[name] = (origin / name).read_bytes()
    for path in sorted((origin / ACTIONS_DIR).glob("*.yaml")):
        planned[f"{ACTIONS_DIR}/{path.name}"] = path.read_bytes()
    strategy = yaml.safe_load(planned.get(STRATEGY_FILE, b"{}")) or {}
    goals = yaml.safe_load(planned.get(GOALS_FILE, b"[]")) or []
    stems = [Path(name).stem for name in planned if name.startswith(f"{ACTIONS_DIR}/")]
    numbers = [int(stem) for stem in stems if stem.isascii() and stem.isdigit()]
    readme = Readme(
        str(strategy.get("name", "")),
        str(strategy.get("city", "")),
        str(strategy.get("published", "")),
        str(goals[0]["key"]) if goals else "",
        str(max(numbers, default=0) + 1),
        origin="A copy of the catalogue bundled with rrs (`rrs init --from-bundled`), "
        "to record progress in.",
    )
    planned.update(repository_files(readme))
    return _write_staged(target, planned)


def default_year() -> int:
    return date.today().year

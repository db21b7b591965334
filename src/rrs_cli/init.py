"""`rrs init DIR`: start a new catalogue for any city's resilience strategy.

``plan_catalogue`` turns the answers (:class:`InitOptions`) into the files of a
catalogue: ``strategy.yaml``, ``goals.yaml``, ``qualities.yaml`` (the City
Resilience Framework's seven qualities), ``actions/`` with an example flywheel
action and an example connected action that name each other (so the new
catalogue validates with zero findings), and a ``README.md`` for the catalogue
repository. ``write_catalogue`` builds them in a temporary folder beside DIR,
validates it, and renames it into place: DIR appears complete or not at all.
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
from importlib.resources import files
from pathlib import Path
from string import Template

from .crf import QUALITIES
from .errors import RrsError, UnknownChoiceError
from .i18n import Language, text
from .layout import ACTIONS_DIR, GOALS_FILE, QUALITIES_FILE, STRATEGY_FILE
from .models import DEFAULT_TERM_HORIZONS
from .textsafety import has_invisible
from .validation import validate

EMAIL = re.compile(r"^[^@\s<>\"'()]+@[^@\s<>\"'()]+\.[^@\s<>\"'()]+$")


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
    if not 1000 <= options.published <= 9999:
        raise UnknownChoiceError(f"--published {options.published} is not a year")
    if options.contact is not None and not EMAIL.match(options.contact):
        raise UnknownChoiceError(
            f"--contact {options.contact!r} is not an e-mail address",
            hint="for example resilience@example.org, or leave it out",
        )
    keys = goal_keys(options.goals)
    if len(set(keys)) != len(keys):  # pragma: no cover - goal_keys makes them unique
        raise UnknownChoiceError("two goals have the same key")


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
            f"  key: {key}",
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
            f"  name_nl: {_q(quality.name_nl if dutch else quality.name_en)}",
            f"  name_en: {_q(quality.name_en)}",
            f"  definition: {_q(quality.definition_nl if dutch else quality.definition_en)}",
        ]
    flywheel = f"""\
# An example flywheel action (letters: A, B, ...); replace it with your own.
id: "A"
kind: flywheel
title: {_q(text("init.example_flywheel", lang))}
description: {_q(text("init.example_description", lang))}
owner: {_q(options.city)}
status: new
status_text: {_q(text("status.new", lang))}
term: short
term_text: {_q(text("term.short", lang))}
goal: {keys[0]}
goals: [{keys[0]}]
qualities: [integrated]
links: ["1"]
"""
    connected = f"""\
# An example connected action (numbers: 1, 2, ...), linked to flywheel A.
id: "1"
kind: connected
title: {_q(text("init.example_connected", lang))}
description: {_q(text("init.example_description", lang))}
owner: {_q(options.city)}
status: new
status_text: {_q(text("status.new", lang))}
term: medium
term_text: {_q(text("term.medium", lang))}
goal: {keys[0]}
links: ["A"]
"""
    return {
        STRATEGY_FILE: strategy,
        GOALS_FILE: "\n".join(goal_lines) + "\n",
        QUALITIES_FILE: "\n".join(quality_lines) + "\n",
        f"{ACTIONS_DIR}/A.yaml": flywheel,
        f"{ACTIONS_DIR}/1.yaml": connected,
        "README.md": catalogue_readme(options),
    }


def workflow_text() -> str:
    """The CI workflow for a catalogue repository (kept in the package's templates)."""
    return (
        files("rrs_cli")
        .joinpath("templates", "init", "github-workflow.yml")
        .read_text(encoding="utf-8")
    )


def catalogue_readme(options: InitOptions) -> str:
    template = (
        files("rrs_cli").joinpath("templates", "init", "README.md").read_text(encoding="utf-8")
    )
    return Template(template).substitute(
        name=options.name,
        city=options.city,
        published=options.published,
        workflow=workflow_text().rstrip("\n"),
    )


def write_catalogue(target: Path, options: InitOptions) -> list[str]:
    """Write the new catalogue at ``target`` atomically; returns the files written."""
    check_options(options)
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise InitRefusedError(f"'{target}' exists and is not a folder")
    if target.is_dir() and any(target.iterdir()):
        raise InitRefusedError(
            f"'{target}' is not empty; rrs init only writes a new catalogue",
            hint="give a new folder name, or an empty folder",
        )
    parent = target.parent
    if not parent.is_dir():
        raise InitRefusedError(f"folder '{parent}' does not exist")
    planned = plan_catalogue(options)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".init", dir=parent))
    try:
        for relative, content in planned.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
        findings = validate(staging)
        if findings:  # a bug in rrs init, never the user's input
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


def default_year() -> int:
    return date.today().year

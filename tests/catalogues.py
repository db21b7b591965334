"""Catalogues for the tests and the benchmarks, each builder written once.

- Small catalogues shaped by hand: ``GOALS``, ``QUALITIES``, ``STRATEGY``,
  ``flywheel()``, ``connected()`` and ``default_actions()``, written by
  ``write_catalogue()`` (the ``make_catalogue`` fixture and both hostile
  catalogues, ``tests/hostile.py`` and ``tests/browser/hostile.py``, use it).
- Synthetic catalogues of any size, shaped like the Rotterdam one
  (``write_synthetic``), and the "all flywheels" shape (``write_all_flywheels``),
  for ``benchmarks/`` (``benchmarks/synth.py`` writes them from the command line).
- ``letters()``: flywheel ids (A ... Z, AA ...).

Benchmarks import this module with the repository's root on ``sys.path``.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import yaml

from rrs_cli.crf import QUALITIES as CRF_QUALITIES

GOALS = [
    {
        "number": 1,
        "key": "samenleving",
        "name_nl": "Een samenleving in balans",
        "name_en": "A balanced society",
        "tagline": "Vaardige burgers",
    },
    {
        "number": 3,
        "key": "cyber",
        "name_nl": "Rotterdam cyber havenstad",
        "name_en": "Rotterdam cyber port city",
        "tagline": "Cyberveiligheid",
    },
]
QUALITIES = [
    {"key": "robust", "name_nl": "Robuustheid", "name_en": "Robust", "definition": "Stevig"},
    {
        "key": "flexible",
        "name_nl": "Flexibiliteit",
        "name_en": "Flexible",
        "definition": "Wendbaar",
    },
]


STRATEGY = {
    "name": "Teststrategie",
    "name_en": "Test strategy",
    "city": "Teststad",
    "published": 2016,
    "language": "nl",
    "contact": "test@example.org",
}


def flywheel(id_: str, **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": id_,
        "kind": "flywheel",
        "title": f"Vliegwiel {id_}",
        "description": "Een beschrijving.",
        "resilience_value": "Maakt de stad robuust.",
        "owner": "Gemeente",
        "partners": "Havenbedrijf Rotterdam",
        "funding": "PM",
        "status": "new",
        "status_text": "Nieuw",
        "term": "short",
        "term_text": "Korte termijn",
        "goal": "samenleving",
        "goals": ["samenleving"],
        "qualities": ["robust"],
        "impact_levels": [],
        "links": [],
    }
    base.update(fields)
    return base


def connected(id_: str, **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": id_,
        "kind": "connected",
        "title": f"Actie {id_}",
        "description": "Een verbonden actie.",
        "owner": "Cluster Stadsontwikkeling",
        "partners": "Scholen",
        "funding": "Gemeente",
        "status": "ongoing",
        "status_text": "Lopend",
        "term": "medium",
        "term_text": "Middellange termijn",
        "goal": "samenleving",
        "goals": [],
        "qualities": [],
        "impact_levels": [],
        "links": [],
    }
    base.update(fields)
    return base


def default_actions() -> dict[str, dict[str, Any]]:
    return {
        "A": flywheel("A", links=["1", "2"]),
        "B": flywheel(
            "B",
            title="Deltaplan cyber",
            goal="cyber",
            goals=["cyber"],
            qualities=["flexible"],
            links=["3"],
            owner="Havenbedrijf Rotterdam",
            status="in-development",
            status_text="In ontwikkeling",
        ),
        "1": connected("1", links=["A"]),
        "2": connected(
            "2",
            links=["A"],
            status="new",
            status_text="Nieuw",
            term="short",
            term_text="Korte termijn",
        ),
        "3": connected("3", links=["B"], goal="cyber", title="Cyber building blocks"),
    }


def dump(data: Any, *, width: int = 80) -> str:
    """YAML as a person would write it (``width``: where long strings fold)."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=width)


def write_catalogue(
    root: Path,
    actions: dict[str, Any] | None = None,
    *,
    goals: Any = None,
    qualities: Any = None,
    strategy: Any = None,
    width: int = 80,
) -> Path:
    """Write a catalogue at ``root``; ``actions`` maps file stem to data or to raw text.

    The goals, qualities and strategy default to the small ones above; any of
    them may be raw text too (a broken file).
    """
    (root / "actions").mkdir(parents=True, exist_ok=True)
    for file_name, content in (
        ("strategy.yaml", STRATEGY if strategy is None else strategy),
        ("goals.yaml", GOALS if goals is None else goals),
        ("qualities.yaml", QUALITIES if qualities is None else qualities),
    ):
        text = content if isinstance(content, str) else dump(content, width=width)
        (root / file_name).write_text(text, encoding="utf-8")
    for stem, content in (default_actions() if actions is None else actions).items():
        text = content if isinstance(content, str) else dump(content, width=width)
        (root / "actions" / f"{stem}.yaml").write_text(text, encoding="utf-8")
    return root


def letters(n: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: bijective base 26, like spreadsheet columns."""
    out = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(65 + rest) + out
    return out


# -- synthetic catalogues ------------------------------------------------------------
# One flywheel for every three connected actions; descriptions and resilience
# values of realistic length (drawn from the bundled catalogue's words); each
# connected action linked to one or two flywheels, and every link printed on
# both sides, so a synthetic catalogue validates without errors.

REPOSITORY = Path(__file__).resolve().parent.parent
BUNDLED = REPOSITORY / "data"
# The bundled catalogue's goal keys (its goals.yaml is copied into every synthetic
# catalogue) and the framework's seven quality keys (its qualities.yaml).
SYNTHETIC_GOALS = [
    goal["key"] for goal in yaml.safe_load((BUNDLED / "goals.yaml").read_text("utf-8"))
]
SYNTHETIC_QUALITIES = [quality.key for quality in CRF_QUALITIES]
STATUSES = ["new", "starting", "in-development", "being-set-up", "ongoing"]
TERMS = ["short", "medium", "long", "short-to-medium", "medium-to-long"]


def _words() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((BUNDLED / "actions").glob("*")))
    return [w for w in text.split() if w.isalpha()]


def write_synthetic(
    target: Path,
    count: int,
    seed: int = 2016,
    *,
    one_sided: bool = False,
    owners: int | None = None,
) -> Path:
    """Write a catalogue of ``count`` actions to ``target`` (replaced if present).

    ``owners``: the actions' owners are drawn from this many organisations (a
    progress round makes one form per owner); by default each action gets an
    owner of its own.

    ``one_sided``: the "many findings" case. Every connected action also names
    a flywheel that does not name it back, so about every action carries one
    finding (a one-sided-link warning), and the files are otherwise the same.
    """
    rng = random.Random(seed)
    words = _words()

    def sentence(n: int) -> str:
        return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."

    pool = [f"Organisatie {number} {sentence(2)}" for number in range(owners or 0)]

    def owner() -> str:
        return rng.choice(pool) if pool else sentence(3)

    if target.exists():
        shutil.rmtree(target)
    (target / "actions").mkdir(parents=True)
    shutil.copy(BUNDLED / "goals.yaml", target / "goals.yaml")
    shutil.copy(BUNDLED / "qualities.yaml", target / "qualities.yaml")
    flywheels = max(1, count // 4)
    connected = count - flywheels
    links: dict[str, list[str]] = {letters(i): [] for i in range(flywheels)}
    connected_links: dict[str, list[str]] = {}
    for number in range(1, connected + 1):
        chosen = rng.sample(sorted(links), k=min(len(links), rng.choice([1, 1, 2])))
        for flywheel in chosen:
            links[flywheel].append(str(number))
        if one_sided:
            extra = [f for f in rng.sample(sorted(links), k=min(len(links), 3)) if f not in chosen]
            chosen = chosen + extra[:1]
        connected_links[str(number)] = chosen
    if one_sided:  # each flywheel also names a connected action that does not name it
        numbers = sorted(connected_links, key=int)
        for index, flywheel in enumerate(links):
            other = numbers[(index * 7) % len(numbers)] if numbers else None
            if other and flywheel not in connected_links[other]:
                links[flywheel] = [*links[flywheel], other]
    for index, (action_id, linked) in enumerate(links.items()):
        _write_action(
            target,
            {
                "id": action_id,
                "kind": "flywheel",
                "title": sentence(6),
                "subtitle": sentence(9),
                "description": "\n\n".join(sentence(40) for _ in range(3)),
                "resilience_value": sentence(80),
                "owner": owner(),
                "partners": sentence(10),
                "funding": sentence(4),
                "status": rng.choice(STATUSES),
                "status_text": "Nieuw",
                "term": rng.choice(TERMS),
                "term_text": "Korte termijn",
                "goal": SYNTHETIC_GOALS[index % len(SYNTHETIC_GOALS)],
                "goals": rng.sample(SYNTHETIC_GOALS, 2),
                "qualities": rng.sample(SYNTHETIC_QUALITIES, 3),
                "impact_levels": [],
                "links": linked,
            },
        )
    for action_id, linked in connected_links.items():
        _write_action(
            target,
            {
                "id": action_id,
                "kind": "connected",
                "title": sentence(7),
                "description": sentence(45),
                "owner": owner(),
                "partners": sentence(8),
                "funding": sentence(4),
                "status": rng.choice(STATUSES),
                "status_text": "Nieuw",
                "term": rng.choice(TERMS),
                "term_text": "Korte termijn",
                "goal": SYNTHETIC_GOALS[int(action_id) % len(SYNTHETIC_GOALS)],
                "goals": [],
                "qualities": [],
                "impact_levels": [],
                "links": linked,
            },
        )
    return target


def write_all_flywheels(target: Path, flywheels: int, to_all: int) -> Path:
    """A catalogue of ``flywheels`` flywheels and ``to_all`` connected actions whose
    LINK is "all flywheels" (a hostile shape: F x N links if each were an edge).

    Each flywheel also names one connected action of its own (``flywheels`` more
    connected actions), so the catalogue validates without errors.
    """
    if target.exists():
        shutil.rmtree(target)
    (target / "actions").mkdir(parents=True)
    shutil.copy(BUNDLED / "goals.yaml", target / "goals.yaml")
    shutil.copy(BUNDLED / "qualities.yaml", target / "qualities.yaml")
    if (BUNDLED / "strategy.yaml").exists():
        shutil.copy(BUNDLED / "strategy.yaml", target / "strategy.yaml")
    common = {"status": "new", "term": "short", "goals": [], "qualities": [], "impact_levels": []}
    for index in range(flywheels):
        fid = letters(index)
        _write_action(
            target,
            {
                "id": fid,
                "kind": "flywheel",
                "title": f"Vliegwiel {fid}",
                "goal": SYNTHETIC_GOALS[index % len(SYNTHETIC_GOALS)],
                **common,
                "links": [str(index + 1)],
            },
        )
    for number in range(1, flywheels + to_all + 1):
        named = [letters(number - 1)] if number <= flywheels else []
        _write_action(
            target,
            {
                "id": str(number),
                "kind": "connected",
                "title": f"Actie {number}",
                **common,
                "links": named,
                "links_all_flywheels": number > flywheels,
            },
        )
    return target


def _write_action(target: Path, action: dict[str, object]) -> None:
    text = yaml.safe_dump(action, allow_unicode=True, sort_keys=False, width=1_000_000)
    (target / "actions" / f"{action['id']}.yaml").write_text(text, encoding="utf-8")

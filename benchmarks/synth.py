"""Synthetic catalogues of N actions, shaped like the Rotterdam one.

One flywheel for every three connected actions; descriptions and resilience
values of realistic length (drawn from the bundled catalogue's words); each
connected action linked to one or two flywheels, and every link printed on
both sides, so a synthetic catalogue validates without errors.
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data"
GOALS = [
    "samenleving",
    "energie",
    "cyber",
    "klimaat",
    "infrastructuur",
    "netwerkstad",
    "verankering",
]
QUALITIES = [
    "reflective",
    "resourceful",
    "robust",
    "redundant",
    "flexible",
    "inclusive",
    "integrated",
]
STATUSES = ["new", "starting", "in-development", "being-set-up", "ongoing"]
TERMS = ["short", "medium", "long", "short-to-medium", "medium-to-long"]


def letters(n: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: bijective base 26, like spreadsheet columns."""
    out = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(65 + rest) + out
    return out


def _words() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((BUNDLED / "actions").glob("*")))
    return [w for w in text.split() if w.isalpha()]


def generate(
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
    owner of its own, as before.

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
        write(
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
                "goal": GOALS[index % len(GOALS)],
                "goals": rng.sample(GOALS, 2),
                "qualities": rng.sample(QUALITIES, 3),
                "impact_levels": [],
                "links": linked,
            },
        )
    for action_id, linked in connected_links.items():
        write(
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
                "goal": GOALS[int(action_id) % len(GOALS)],
                "goals": [],
                "qualities": [],
                "impact_levels": [],
                "links": linked,
            },
        )
    return target


def generate_all_flywheels(target: Path, flywheels: int, to_all: int) -> Path:
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
        write(
            target,
            {
                "id": fid,
                "kind": "flywheel",
                "title": f"Vliegwiel {fid}",
                "goal": GOALS[index % len(GOALS)],
                **common,
                "links": [str(index + 1)],
            },
        )
    for number in range(1, flywheels + to_all + 1):
        named = [letters(number - 1)] if number <= flywheels else []
        write(
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


def write(target: Path, action: dict[str, object]) -> None:
    text = yaml.safe_dump(action, allow_unicode=True, sort_keys=False, width=1_000_000)
    (target / "actions" / f"{action['id']}.yaml").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[2:3] == ["all-flywheels"]:  # synth.py DIR all-flywheels F N
        generate_all_flywheels(Path(sys.argv[1]), int(sys.argv[3]), int(sys.argv[4]))
    else:  # synth.py DIR N [--one-sided]
        generate(Path(sys.argv[1]), int(sys.argv[2]), one_sided="--one-sided" in sys.argv[3:])

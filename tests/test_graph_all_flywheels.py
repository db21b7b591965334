""" "All flywheels" links: the same answers as materialised edges, without the edges.

4,000 actions whose LINK is "all flywheels" and 4,000 flywheels made 16 million
edges (90 s and 1.1 GB to validate). The graph keeps one mark per such
action; these tests compare it with a naive graph that materialises every edge.
"""

from __future__ import annotations

import random
from collections import deque
from pathlib import Path

import pytest

from rrs_cli.catalogue import Catalogue, LoadResult
from rrs_cli.graph import LinkGraph
from rrs_cli.models import Action, Goal, action_sort_key
from rrs_cli.validation import check_catalogue

from .catalogues import letters


def all_flywheels_catalogue(flywheels: int, to_all: int) -> Catalogue:
    """``flywheels`` flywheels and ``to_all`` connected actions linked to all of them."""
    goal = Goal(number=1, key="een", name_nl="Een", name_en="One")
    catalogue = Catalogue(root=Path(), goals={"een": goal})
    for i in range(flywheels):
        fid = letters(i)
        catalogue.actions[fid] = Action(id=fid, kind="flywheel", title=fid, goal="een")
    for i in range(1, to_all + 1):
        catalogue.actions[str(i)] = Action(
            id=str(i), kind="connected", title=str(i), links_all_flywheels=True
        )
    catalogue.action_files = {i: Path(f"{i}.yaml") for i in catalogue.actions}
    return catalogue


def naive(catalogue: Catalogue) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {i: set() for i in catalogue.actions}
    flywheels = [a.id for a in catalogue.actions.values() if a.is_flywheel]
    for action in catalogue.actions.values():
        targets = flywheels if action.links_all_flywheels else action.links
        for target in targets:
            if target in edges and target != action.id:
                edges[action.id].add(target)
                edges[target].add(action.id)
    return edges


def random_catalogue(seed: int) -> Catalogue:
    rng = random.Random(seed)
    goals = {
        k: Goal(number=n, key=k, name_nl=k, name_en=k)
        for n, k in enumerate(["een", "twee", "drie"], 1)
    }
    catalogue = Catalogue(root=Path(), goals=goals)
    flywheels = [chr(65 + i) for i in range(rng.randint(1, 8))]
    connected = [str(i) for i in range(1, rng.randint(2, 30))]
    for fid in flywheels:
        links = rng.sample(connected, rng.randint(0, min(4, len(connected))))
        catalogue.actions[fid] = Action(
            id=fid, kind="flywheel", title=fid, goal=rng.choice(list(goals)), links=links
        )
    for cid in connected:
        catalogue.actions[cid] = Action(
            id=cid,
            kind="connected",
            title=cid,
            goal=rng.choice([None, *goals]),
            links=rng.sample(flywheels, rng.randint(0, len(flywheels))),
            links_all_flywheels=rng.random() < 0.3,
        )
    return catalogue


def naive_walk(
    catalogue: Catalogue, edges: dict[str, set[str]], graph: LinkGraph, start: str, depth: int
) -> list[tuple[int, str, str | None, str]]:
    out = [(0, start, None, "")]
    seen = {start}
    queue = deque(out)
    while queue:
        d, here, _, _ = queue.popleft()
        if d >= depth:
            continue
        for other in sorted(edges[here], key=action_sort_key):
            if other in seen:
                continue
            seen.add(other)
            a, b = graph.names(here, other), graph.names(other, here)
            queue.append((d + 1, other, here, "both" if a and b else (here if a else other)))
            out.append(queue[-1])
    return sorted(out, key=lambda s: (s[0], action_sort_key(s[1])))


@pytest.mark.parametrize("seed", range(40))
def test_same_answers_as_materialised_edges(seed: int) -> None:
    catalogue = random_catalogue(seed)
    graph = LinkGraph.build(catalogue)
    edges = naive(catalogue)
    goals = catalogue.goals
    for action in catalogue.actions.values():
        assert [a.id for a in graph.linked(action.id)] == sorted(
            edges[action.id], key=action_sort_key
        )
        assert graph.has_links(action.id) == bool(edges[action.id])
        expected = {action.goal} if action.goal else set()
        if not action.is_flywheel:
            expected |= {
                catalogue.actions[i].goal
                for i in edges[action.id]
                if catalogue.actions[i].is_flywheel
            }
        expected.discard(None)
        assert graph.goals_of(action) == sorted(expected, key=lambda k: (goals[k].number, k))
        for depth in (1, 2, 3):
            walked = [(s.depth, s.action.id, s.via, s.sides) for s in graph.walk(action.id, depth)]
            assert walked == naive_walk(catalogue, edges, graph, action.id, depth)


def test_all_flywheels_is_not_materialised() -> None:
    catalogue = all_flywheels_catalogue(flywheels=300, to_all=300)
    graph = LinkGraph.build(catalogue)
    stored = sum(len(n) for n in graph.neighbours.values())
    assert stored <= 4 * len(catalogue.actions), stored  # not 2 x 300 x 300
    assert len(graph.linked("A")) >= 300
    findings = check_catalogue(LoadResult(catalogue, []))
    assert not [f for f in findings if f.severity.value == "error"]

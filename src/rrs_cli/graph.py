"""The link graph: flywheels and connected actions, and the goals they reach.

The strategy prints links on both sides: a flywheel lists its connected
actions ("VERBONDEN ACTIES"), a connected action lists its flywheels
("LINK"). The two sides do not always agree, so the graph is the union of
both directions; ``declared`` keeps what each block itself prints.

How goals reach actions: a flywheel belongs to the goal section it is printed
in (its ``goal``). A connected action belongs to the goals of every flywheel
it is linked with (in either direction), and to the goal section it is
printed in. A connected action whose LINK says "all flywheels" therefore
belongs to every goal.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from .catalogue import Catalogue
from .models import Action, action_sort_key


@dataclass
class LinkGraph:
    catalogue: Catalogue
    neighbours: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, catalogue: Catalogue) -> LinkGraph:
        graph = cls(catalogue, {action_id: set() for action_id in catalogue.actions})
        flywheel_ids = [a.id for a in catalogue.flywheels()]
        for action in catalogue.actions.values():
            targets = flywheel_ids if action.links_all_flywheels else action.links
            for target in targets:
                if target in graph.neighbours and target != action.id:
                    graph.neighbours[action.id].add(target)
                    graph.neighbours[target].add(action.id)
        return graph

    def linked(self, action_id: str) -> list[Action]:
        """Actions linked with ``action_id`` in either direction, in catalogue order."""
        ids = sorted(self.neighbours.get(action_id, ()), key=action_sort_key)
        return [self.catalogue.actions[i] for i in ids]

    def names(self, source: str, target: str) -> bool:
        """Does ``source``'s own block name ``target``?"""
        action = self.catalogue.actions[source]
        if action.links_all_flywheels:
            return self.catalogue.actions[target].is_flywheel
        return target in action.links

    def goals_of(self, action: Action) -> list[str]:
        """Goal keys the action belongs to, in goal-number order."""
        keys: set[str] = set()
        if action.goal:
            keys.add(action.goal)
        if not action.is_flywheel:
            keys.update(f.goal for f in self.linked(action.id) if f.is_flywheel and f.goal)
        goals = self.catalogue.goals
        return sorted(keys, key=lambda k: (goals[k].number if k in goals else 10**9, k))

    def walk(self, start: str, depth: int) -> list[Step]:
        """Breadth-first steps from ``start``, each action once at its shortest distance."""
        origin = self.catalogue.actions[start]
        steps = [Step(0, origin, None, "")]
        seen = {start}
        queue = deque(steps)
        while queue:
            step = queue.popleft()
            if step.depth >= depth:
                continue
            for other in self.linked(step.action.id):
                if other.id in seen:
                    continue
                seen.add(other.id)
                here = self.names(step.action.id, other.id)
                there = self.names(other.id, step.action.id)
                sides = "both" if here and there else (step.action.id if here else other.id)
                queue.append(Step(step.depth + 1, other, step.action.id, sides))
                steps.append(queue[-1])
        return sorted(steps, key=lambda s: (s.depth, action_sort_key(s.action.id)))


@dataclass(frozen=True)
class Step:
    """One action reached by a walk over the graph."""

    depth: int
    action: Action
    via: str | None  # the action one step closer to the start
    sides: str  # which blocks print the link: "both", or the one id that does

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

import heapq
from collections import deque
from collections.abc import Iterable, Set
from dataclasses import dataclass, field
from typing import Literal

from .catalogue import Catalogue
from .models import Action, action_sort_key

# Which blocks print a link, seen from one action: "both" name each other;
# "here": only this action's block names the other; "there": only the other's
# does; "all": the other action is linked with every flywheel (one mark, not a
# one-sided link).
LinkSides = Literal["both", "here", "there", "all"]


@dataclass
class LinkGraph:
    """Links in both directions; "all flywheels" is kept as one mark, not F edges.

    ``neighbours`` holds the links the blocks print (both directions).
    A connected action whose LINK is "all flywheels" is listed in
    ``to_all_flywheels`` instead of getting an edge to every flywheel: 4,000
    such actions and 4,000 flywheels would otherwise make 16 million edges.
    ``linked`` adds those links back for one action at a time.
    """

    catalogue: Catalogue
    neighbours: dict[str, set[str]] = field(default_factory=dict)
    to_all_flywheels: set[str] = field(default_factory=set)
    flywheel_ids: list[str] = field(default_factory=list)
    flywheel_goals: set[str] = field(default_factory=set)
    _sorted: dict[str, tuple[list[str], Set[str]]] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, catalogue: Catalogue) -> LinkGraph:
        graph = cls(catalogue, {action_id: set() for action_id in catalogue.actions})
        for action in catalogue.actions.values():
            if action.is_flywheel:
                graph.flywheel_ids.append(action.id)
                if action.goal:
                    graph.flywheel_goals.add(action.goal)
        for action in catalogue.actions.values():
            if action.links_all_flywheels and not action.is_flywheel:
                graph.to_all_flywheels.add(action.id)
                continue
            for target in action.links:
                if target in graph.neighbours and target != action.id:
                    graph.neighbours[action.id].add(target)
                    graph.neighbours[target].add(action.id)
        return graph

    def _implicit(self, action_id: str) -> Iterable[str]:
        """The links "all flywheels" gives ``action_id`` (either side of them)."""
        side = self._side(action_id)
        if side is None:
            return ()
        return self.flywheel_ids if side == "flywheels" else self.to_all_flywheels

    def linked(self, action_id: str, *, implicit: bool = True) -> list[Action]:
        """Actions linked with ``action_id`` in either direction, in catalogue order.

        The "all flywheels" side comes from a list sorted once, merged with the
        printed links: no per-call sort of thousands of flywheels. With
        ``implicit=False`` only printed links count (what a flywheel lists of
        its own, without every action that links to all flywheels).
        """
        actions = self.catalogue.actions
        explicit = self.neighbours.get(action_id, set())
        side = self._side(action_id) if implicit else None
        if side is None:
            return [actions[i] for i in sorted(explicit, key=action_sort_key)]
        ordered, members = self._sorted_side(side)
        extra = sorted((i for i in explicit if i not in members), key=action_sort_key)
        merged = heapq.merge(ordered, extra, key=action_sort_key)
        return [actions[i] for i in merged if i != action_id]

    def _side(self, action_id: str) -> str | None:
        """Which implicit side ``action_id`` has: "flywheels" (it links to all of
        them), "to_all" (it is a flywheel, named by every such action), or None."""
        if action_id in self.to_all_flywheels:
            return "flywheels"
        action = self.catalogue.actions.get(action_id)
        return "to_all" if action is not None and action.is_flywheel else None

    def _sorted_side(self, side: str) -> tuple[list[str], Set[str]]:
        if side not in self._sorted:
            ids = self.flywheel_ids if side == "flywheels" else self.to_all_flywheels
            self._sorted[side] = (sorted(ids, key=action_sort_key), frozenset(ids))
        return self._sorted[side]

    def has_links(self, action_id: str) -> bool:
        """Is ``action_id`` linked with anything? (Without listing the links.)"""
        if self.neighbours.get(action_id):
            return True
        return any(other != action_id for other in self._implicit(action_id))

    def has_named_partner(self, action_id: str) -> bool:
        """Is ``action_id`` linked by a printed link with an action that is not "all flywheels"?"""
        actions = self.catalogue.actions
        return any(not actions[i].links_all_flywheels for i in self.neighbours.get(action_id, ()))

    def names(self, source: str, target: str) -> bool:
        """Does ``source``'s own block name ``target``?"""
        action = self.catalogue.actions[source]
        if action.links_all_flywheels:
            return self.catalogue.actions[target].is_flywheel
        return target in action.links

    def sides(self, here: str, there: str) -> LinkSides:
        """Which blocks print the link between ``here`` and ``there``, seen from ``here``."""
        named_here = self.names(here, there)
        if self.catalogue.actions[there].links_all_flywheels and not named_here:
            return "all"
        named_there = self.names(there, here)
        if named_here and named_there:
            return "both"
        return "here" if named_here else "there"

    def goals_of(self, action: Action) -> list[str]:
        """Goal keys the action belongs to, in goal-number order."""
        keys: set[str] = set()
        if action.goal:
            keys.add(action.goal)
        if not action.is_flywheel:
            actions = self.catalogue.actions
            for other in self.neighbours.get(action.id, ()):
                flywheel = actions[other]
                if flywheel.is_flywheel and flywheel.goal:
                    keys.add(flywheel.goal)
            if action.id in self.to_all_flywheels:
                keys.update(self.flywheel_goals)
        goals = self.catalogue.goals
        return sorted(keys, key=lambda k: (goals[k].number if k in goals else 10**9, k))

    def walk(self, start: str, depth: int) -> list[Step]:
        """Breadth-first steps from ``start``, each action once at its shortest distance.

        The "all flywheels" links are followed once each way (all flywheels,
        or all actions that link to every flywheel, are reached at the first
        step that can reach them), so a walk costs what the printed links cost.
        """
        actions = self.catalogue.actions
        origin = actions[start]
        steps = [Step(0, origin, None, "")]
        seen = {start}
        queue = deque(steps)
        expanded: set[str] = set()  # "flywheels", "to_all": implicit sides already followed
        while queue:
            step = queue.popleft()
            if step.depth >= depth:
                continue
            here_id = step.action.id
            candidates = set(self.neighbours.get(here_id, ()))
            side = "flywheels" if here_id in self.to_all_flywheels else "to_all"
            if side not in expanded and (
                here_id in self.to_all_flywheels or step.action.is_flywheel
            ):
                expanded.add(side)
                candidates.update(self._implicit(here_id))
            for other_id in sorted(candidates - seen, key=action_sort_key):
                other = actions[other_id]
                seen.add(other_id)
                sides = self.sides(here_id, other_id)
                named_by = "both" if sides == "both" else here_id if sides == "here" else other_id
                queue.append(Step(step.depth + 1, other, here_id, named_by))
                steps.append(queue[-1])
        return sorted(steps, key=lambda s: (s.depth, action_sort_key(s.action.id)))


@dataclass(frozen=True)
class Step:
    """One action reached by a walk over the graph."""

    depth: int
    action: Action
    via: str | None  # the action one step closer to the start
    sides: str  # which blocks print the link: "both", or the one id that does

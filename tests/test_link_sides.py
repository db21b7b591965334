"""Which blocks print a link: one rule (``LinkGraph.sides``) for show, the site and graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from rrs_cli.catalogue import Catalogue
from rrs_cli.graph import LinkGraph
from rrs_cli.models import Action
from rrs_cli.render.graph import network

from .catalogues import connected, default_actions
from .conftest import Invoke, MakeCatalogue


def graph_of(*actions: Action) -> LinkGraph:
    catalogue = Catalogue(root=Path())
    catalogue.actions = {a.id: a for a in actions}
    return LinkGraph.build(catalogue)


GRAPH = graph_of(
    Action(id="A", kind="flywheel", title="A", links=["1", "2"]),
    Action(id="B", kind="flywheel", title="B"),
    Action(id="1", kind="connected", title="1", links=["A"]),  # both name each other
    Action(id="2", kind="connected", title="2"),  # only A names 2
    Action(id="3", kind="connected", title="3", links=["B"]),  # only 3 names B
    Action(id="4", kind="connected", title="4", links_all_flywheels=True),
)


@pytest.mark.parametrize(
    ("here", "there", "expected"),
    [
        ("A", "1", "both"),
        ("1", "A", "both"),
        ("A", "2", "here"),
        ("2", "A", "there"),
        ("B", "3", "there"),
        ("3", "B", "here"),
        ("A", "4", "all"),  # linked with every flywheel: not a one-sided link of A's
        ("4", "A", "here"),  # 4's own block names every flywheel
    ],
)
def test_sides(here: str, there: str, expected: str) -> None:
    assert GRAPH.sides(here, there) == expected


def test_graph_draws_solid_only_links_printed_on_both_sides() -> None:
    catalogue = GRAPH.catalogue
    net = network(catalogue, GRAPH, list(catalogue.actions.values()), with_goals=False)
    both = {(e.source, e.target) for e in net.edges if e.both_sides}
    assert both == {("A", "1")}


def test_show_says_which_blocks_print_each_link(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    actions = {**default_actions(), "4": connected("4", links_all_flywheels=True)}
    shown = rrs("show", "A", "--lang", "en", catalogue=make_catalogue(actions)).stdout
    linked = shown.split("Linked actions (3)")[1].split()
    assert " ".join(linked) == (
        "1 Actie 1 both 2 Actie 2 both 4 Actie 4 named there (all flywheel actions)"
    )

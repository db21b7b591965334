"""The SVG network and bar charts: well-formed, linked, inert, deterministic, laid out."""

from __future__ import annotations

import itertools
import random
import xml.etree.ElementTree as ET
from pathlib import Path

from rrs_cli.catalogue import load_catalogue
from rrs_cli.graph import LinkGraph
from rrs_cli.models import Action
from rrs_cli.render import graph as render_graph
from rrs_cli.site.svg import bar_chart_svg, network_svg, text_width

from .conftest import MakeCatalogue, connected, default_actions, flywheel

NS = "{http://www.w3.org/2000/svg}"
HOSTILE = (
    '</text><script>alert(1)</script><img src=x onerror=alert(1)> "quoted" & ]]> '
    "javascript:alert(1) [x](javascript:alert(1)) %% a_1 --> b \x00\x1b[2J\u202e end"
)


def href(action_id: str) -> str:
    return f"actions/{action_id}.html"


def network_of(root: Path) -> render_graph.Network:
    catalogue = load_catalogue(root).catalogue
    graph = LinkGraph.build(catalogue)
    return render_graph.network(catalogue, graph, list(catalogue.actions.values()), with_goals=True)


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{NS}svg"
    return root


def links(root: ET.Element) -> dict[str, ET.Element]:
    found: dict[str, ET.Element] = {}
    for a in root.iter(f"{NS}a"):
        target = a.get("href")
        assert target is not None and target not in found
        found[target] = a
    return found


def boxes(root: ET.Element) -> list[tuple[int, int, int, int]]:
    """(x, y, width, height) of every node's rectangle."""
    out = []
    for group in root.iter():
        if "node" in (group.get("class") or "").split():
            rect = group.find(f"{NS}rect")
            assert rect is not None
            out.append(tuple(int(rect.get(k, "")) for k in ("x", "y", "width", "height")))
    return out  # type: ignore[return-value]


def test_bundled_network_links_every_action(bundled: Path) -> None:
    net = network_of(bundled)
    svg = network_svg(net, href=href, title="Netwerk van alle acties")
    root = parse(svg)
    assert root.get("role") == "group" and root.get("aria-label") == "Netwerk van alle acties"
    assert root.get("width") == "100%" and root.get("viewBox", "").startswith("0 0 ")
    assert root.find(f"{NS}title") is not None
    found = links(root)
    assert set(found) == {href(a.id) for a in net.actions}
    assert len(net.actions) == 68
    for action in net.actions:
        node = found[href(action.id)]
        label = node.find(f"{NS}text")
        assert label is not None and (label.text or "").startswith(f"{action.id}: ")
        tooltip = node.find(f"{NS}title")
        assert (
            tooltip is not None and tooltip.text == f"{action.id}: {' '.join(action.title.split())}"
        )
        assert node.find(f"{NS}rect") is not None
    goals = [g for g in root.iter(f"{NS}g") if "goal" in (g.get("class") or "")]
    assert len(goals) == len(net.goals) == 7


def test_one_sided_links_are_dashed(bundled: Path) -> None:
    net = network_of(bundled)
    root = parse(network_svg(net, href=href, title="n"))
    edges = root.find(f"{NS}g[@class='edges']")
    assert edges is not None
    paths = edges.findall(f"{NS}path")
    dashed = [p for p in paths if p.get("stroke-dasharray")]
    # "All flywheels" is one node with one edge from each such action.
    assert net.to_all and len(paths) == len(net.edges) + len(net.goal_edges) + len(net.to_all)
    assert len(dashed) == sum(not e.both_sides for e in net.edges) > 0
    assert all(p.get("class") == "one-sided" for p in dashed)
    # The legend explains the dash in words, not by colour.
    legend = " ".join(t.text or "" for t in root.iter(f"{NS}text") if t.text)
    assert "aan één kant vermeld" in legend


def test_hostile_labels_are_inert(make_catalogue: MakeCatalogue) -> None:
    actions = default_actions()
    actions["1"] = {**actions["1"], "title": HOSTILE}
    actions["A"] = {**actions["A"], "title": HOSTILE}
    svg = network_svg(network_of(make_catalogue(actions)), href=href, title=HOSTILE)
    root = parse(svg)  # well-formed: nothing ended an element or an attribute
    tags = {element.tag for element in root.iter()}
    assert tags <= {f"{NS}{t}" for t in ("svg", "title", "g", "a", "rect", "text", "path", "line")}
    for element in root.iter():
        assert not any(name.lower().startswith("on") for name in element.attrib)
        assert "javascript" not in (element.get("href") or "")
    tooltips = [t.text for t in root.iter(f"{NS}title")]
    assert (
        "1: " + HOSTILE.replace("\x00", "\\x00").replace("\x1b", "\\e").replace("\u202e", "\\u202e")
        in tooltips
    )
    assert "\x1b" not in svg and "\u202e" not in svg and "\x00" not in svg


def test_same_input_same_bytes_whatever_the_input_order(bundled: Path) -> None:
    net = network_of(bundled)
    first = network_svg(net, href=href, title="n")
    shuffled = list(net.actions)
    random.Random(7).shuffle(shuffled)
    edges = list(net.edges)
    random.Random(8).shuffle(edges)
    again = render_graph.Network(shuffled, net.goals, net.goal_edges[::-1], edges, net.to_all)
    assert network_svg(again, href=href, title="n") == first
    assert network_svg(net, href=href, title="n") == first


def test_nodes_do_not_overlap(bundled: Path) -> None:
    root = parse(network_svg(network_of(bundled), href=href, title="n"))
    layers: dict[int, list[tuple[int, int, int, int]]] = {}
    for box in boxes(root):
        layers.setdefault(box[0], []).append(box)
    assert len(layers) == 3  # goals, flywheels, connected actions
    for column in layers.values():
        column.sort(key=lambda b: b[1])
        for upper, lower in itertools.pairwise(column):
            assert upper[1] + upper[3] < lower[1], (upper, lower)
    # Columns do not overlap either, and every label fits its box.
    spans = sorted((x, x + col[0][2]) for x, col in layers.items())
    for (_, right), (left, _) in itertools.pairwise(spans):
        assert right < left
    for group in root.iter():
        if "node" in (group.get("class") or "").split():
            rect, label = group.find(f"{NS}rect"), group.find(f"{NS}text")
            assert rect is not None and label is not None
            assert text_width(label.text or "") + 8 <= int(rect.get("width", "0"))


def ys(root: ET.Element) -> dict[str, int]:
    out = {}
    for a in root.iter(f"{NS}a"):
        rect = a.find(f"{NS}rect")
        assert rect is not None
        out[(a.get("href") or "").removeprefix("actions/").removesuffix(".html")] = int(
            rect.get("y", "0")
        )
    return out


def test_barycentre_ordering_removes_a_crossing(make_catalogue: MakeCatalogue) -> None:
    # In catalogue order A, B over 1, 2 the links A-2 and B-1 cross; reordering
    # the connected actions (2 above 1) removes the crossing.
    actions = {
        "A": flywheel("A", links=["2"]),
        "B": flywheel("B", links=["1"]),
        "1": connected("1", links=["B"]),
        "2": connected("2", links=["A"]),
    }
    place = ys(parse(network_svg(network_of(make_catalogue(actions)), href=href, title="n")))
    assert (place["A"] < place["B"]) == (place["2"] < place["1"])


def letters(n: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: flywheel ids."""
    out = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(65 + rest) + out
    return out


def synthetic(count: int) -> render_graph.Network:
    """A network of ``count`` actions: one flywheel per four, each connected action
    linked to two flywheels, one link in five named on one side only."""
    flywheel_ids = [letters(i) for i in range(count // 4)]
    actions = [Action.model_validate(flywheel(f, goal=None, goals=[])) for f in flywheel_ids]
    edges = {}
    for i in range(count - len(flywheel_ids)):
        actions.append(Action.model_validate(connected(str(i + 1), goal=None)))
        for f in (
            flywheel_ids[i % len(flywheel_ids)],
            flywheel_ids[(i * 7 + 3) % len(flywheel_ids)],
        ):
            edges[(f, str(i + 1))] = render_graph.Edge(f, str(i + 1), i % 5 != 0)
    return render_graph.Network(actions, [], [], list(edges.values()))


def test_large_network_stays_well_formed_and_linked() -> None:
    net = synthetic(3000)  # above the threshold where the layout takes its fast path
    root = parse(network_svg(net, href=href, title="groot"))
    assert len(links(root)) == 3000
    column: dict[int, list[int]] = {}
    for x, y, _, _ in boxes(root):
        column.setdefault(x, []).append(y)
    assert sorted(len(v) for v in column.values()) == [750, 2250]
    for values in column.values():
        assert len(set(values)) == len(values)


def test_empty_network_is_well_formed() -> None:
    root = parse(network_svg(render_graph.Network([], [], [], []), href=href, title="leeg"))
    assert root.get("aria-label") == "leeg"


def test_bar_chart_writes_labels_and_numbers_as_text() -> None:
    items = [("Lopend", 30), ("Nieuw", 0), (HOSTILE, 7)]
    svg = bar_chart_svg(items, title="Status <van> acties")
    root = parse(svg)
    assert root.get("role") == "img"
    title = root.find(f"{NS}title")
    assert title is not None and title.text == "Status <van> acties"
    texts = [t.text for t in root.iter(f"{NS}text")]
    assert texts[:2] == ["Lopend", "30"] and texts[2:4] == ["Nieuw", "0"]
    assert texts[5] == "7" and (texts[4] or "").startswith("</text><script>")
    assert "<script" not in svg and "\x1b" not in svg
    desc = root.find(f"{NS}desc")
    assert desc is not None and (desc.text or "").startswith("Lopend: 30; Nieuw: 0; ")
    widths = [int(r.get("width", "-1")) for r in root.iter(f"{NS}rect")]
    assert widths[0] > widths[2] > widths[1] == 0
    assert bar_chart_svg(items, title="t") == bar_chart_svg(list(items), title="t")


def test_bar_chart_without_items_or_counts() -> None:
    parse(bar_chart_svg([], title="leeg"))
    root = parse(bar_chart_svg([("a", 0), ("b", 0)], title="nul"))
    assert [r.get("width") for r in root.iter(f"{NS}rect")] == ["0", "0"]

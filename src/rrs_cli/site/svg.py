"""SVG images for the website: the link network and bar charts, laid out in Python.

No system binary and no JavaScript: the network is a layered drawing (goals,
then flywheels, then connected actions, left to right) whose node order within
each layer is chosen by barycentre sweeps to reduce edge crossings. Output is
deterministic: the same network gives the same bytes (integer coordinates,
stable sorts with the catalogue order as the tie-break).

Every catalogue string is XML-escaped, and control or invisible characters are
shown as escapes (``render.text.visible``), so a title cannot end an attribute,
open an element or hide text. The images carry no ``style`` and no script
(the site's Content-Security-Policy allows neither inline), only presentation
attributes and classes that the site's stylesheet may refine.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..i18n import Language, text
from ..models import Action, action_sort_key
from ..render.graph import Network
from ..render.text import shorten, visible

# Characters XML 1.0 forbids outright (after ``visible`` has shown C0/C1
# controls): lone surrogates and the two non-characters U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
FONT_SIZE = 12
NODE_HEIGHT = 24
ROW = 32  # vertical pitch of nodes in a layer
LAYER_GAP = 120  # horizontal room for the edges between two layers
MARGIN = 16
LABEL_WIDTH = 40  # characters of a title shown in a node (the full one in <title>)
SWEEPS = 4
# Above this many nodes the layout keeps one ordering sweep per direction and
# does not count crossings: the drawing stays linear in the size of the network.
LARGE = 2000

INK = "#1a1a1a"
LINE = "#4d4d4d"
FILL = {"goal": "#d7ecff", "flywheel": "#fff3c4", "connected": "#ffffff"}
STROKE = {"goal": "#1f5f99", "flywheel": "#8a6a00", "connected": "#4d4d4d"}


def xml_text(value: str) -> str:
    """``value`` safe as XML character data or a double-quoted attribute value."""
    shown = _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", visible(value))
    return (
        shown.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def text_width(value: str, size: int = FONT_SIZE) -> int:
    """An estimate of the rendered width in pixels (no font metrics at build time).

    Generous on purpose (0.62 em for narrow characters, 1.1 em for wide ones) so
    that labels stay inside their boxes in common sans-serif fonts.
    """
    ems = sum(1.1 if unicodedata.east_asian_width(c) in "WF" else 0.62 for c in value)
    return int(ems * size + 0.999)


@dataclass
class _Node:
    key: str  # "g:<goal key>" or "a:<action id>"
    layer: int
    label: str
    tooltip: str
    kind: str  # goal, flywheel or connected
    href: str | None
    x: int = 0
    y: int = 0
    width: int = 0


def _order_by_barycentre(
    layer: list[str], position: dict[str, int], neighbours: dict[str, list[str]]
) -> list[str]:
    """``layer`` sorted by the mean position of each node's neighbours in the
    reference layer (``position``); a node without such neighbours keeps its place."""

    def centre(item: tuple[int, str]) -> tuple[float, int]:
        index, key = item
        placed = [position[n] for n in neighbours.get(key, ()) if n in position]
        return (sum(placed) / len(placed) if placed else float(index), index)

    return [key for _, key in sorted(enumerate(layer), key=centre)]


def _crossings(upper: list[str], lower: list[str], neighbours: dict[str, list[str]]) -> int:
    """Edge crossings between two adjacent layers (inversion count, O(E log V))."""
    where = {key: i for i, key in enumerate(lower)}
    targets: list[int] = []
    for key in upper:
        targets.extend(sorted(where[n] for n in neighbours.get(key, ()) if n in where))
    tree = [0] * (len(lower) + 1)
    count = 0
    for seen, target in enumerate(targets):
        # number of earlier edges ending after ``target``
        i, below = target + 1, 0
        while i > 0:
            below += tree[i]
            i -= i & -i
        count += seen - below
        i = target + 1
        while i <= len(lower):
            tree[i] += 1
            i += i & -i
    return count


def _layers(
    net: Network, href: Callable[[str], str], lang: Language = "nl"
) -> tuple[list[list[str]], dict[str, _Node], dict[str, list[str]], list[tuple[str, str, bool]]]:
    nodes: dict[str, _Node] = {}
    layers: list[list[str]] = [[], [], []]
    for key, label in net.goals:
        shown = shorten(label, LABEL_WIDTH)
        nodes[f"g:{key}"] = _Node(f"g:{key}", 0, shown, label, "goal", None)
        layers[0].append(f"g:{key}")
    actions = sorted(net.actions, key=lambda a: action_sort_key(a.id))
    for action in actions:
        layer = 1 if action.is_flywheel else 2
        key = f"a:{action.id}"
        nodes[key] = _Node(
            key,
            layer,
            _action_label(action),
            f"{action.id}: {' '.join(action.title.split())}",
            "flywheel" if action.is_flywheel else "connected",
            href(action.id),
        )
        layers[layer].append(key)
    if net.to_all:  # one node for "all flywheels", beside the flywheels
        label = text("value.all_flywheels", lang)
        nodes["all"] = _Node("all", 1, shorten(label, LABEL_WIDTH), label, "flywheel", None)
        layers[1].append("all")
    edges: list[tuple[str, str, bool]] = []
    for goal, flywheel in net.goal_edges:
        if f"g:{goal}" in nodes and f"a:{flywheel}" in nodes:
            edges.append((f"g:{goal}", f"a:{flywheel}", True))
    for edge in net.edges:
        if f"a:{edge.source}" in nodes and f"a:{edge.target}" in nodes:
            edges.append((f"a:{edge.source}", f"a:{edge.target}", edge.both_sides))
    edges += [
        (f"a:{action_id}", "all", True) for action_id in net.to_all if f"a:{action_id}" in nodes
    ]
    neighbours: dict[str, list[str]] = {key: [] for key in nodes}
    for source, target, _ in edges:
        if nodes[source].layer != nodes[target].layer:
            neighbours[source].append(target)
            neighbours[target].append(source)
    return [layer for layer in layers if layer], nodes, neighbours, edges


def _action_label(action: Action) -> str:
    return f"{action.id}: {shorten(action.title, LABEL_WIDTH)}"


def _reduce_crossings(
    layers: list[list[str]], nodes: dict[str, _Node], neighbours: dict[str, list[str]]
) -> list[list[str]]:
    """Barycentre sweeps, down then up, keeping the best ordering seen.

    The goal layer keeps the strategy's goal order (readers look for goal 3
    after goal 2); the other layers are reordered.
    """
    fixed = {0} if nodes[layers[0][0]].kind == "goal" else set()
    large = sum(len(layer) for layer in layers) > LARGE
    sweeps = 1 if large else SWEEPS

    def total(order: list[list[str]]) -> int:
        return sum(_crossings(order[i], order[i + 1], neighbours) for i in range(len(order) - 1))

    best = [list(layer) for layer in layers]
    best_count = None if large else total(best)
    current = [list(layer) for layer in layers]
    for _ in range(sweeps):
        for i in range(1, len(current)):  # downwards: order by the layer before
            if i not in fixed:
                position = {key: p for p, key in enumerate(current[i - 1])}
                current[i] = _order_by_barycentre(current[i], position, neighbours)
        for i in range(len(current) - 2, -1, -1):  # upwards: order by the layer after
            if i not in fixed:
                position = {key: p for p, key in enumerate(current[i + 1])}
                current[i] = _order_by_barycentre(current[i], position, neighbours)
        if best_count is None:
            best = [list(layer) for layer in current]
            continue
        count = total(current)
        if count < best_count:
            best, best_count = [list(layer) for layer in current], count
    return best


def _layout(layers: list[list[str]], nodes: dict[str, _Node]) -> tuple[int, int, list[int]]:
    """Place the nodes; returns the drawing's width and height and each layer's x."""
    xs: list[int] = []
    x = MARGIN
    tallest = max(len(layer) for layer in layers)
    for layer in layers:
        width = max(text_width(nodes[key].label) for key in layer) + 16
        offset = (tallest - len(layer)) * ROW // 2  # centre shorter layers
        for row, key in enumerate(layer):
            node = nodes[key]
            node.x, node.y, node.width = x, MARGIN + offset + row * ROW, width
        xs.append(x)
        x += width + LAYER_GAP
    return x - LAYER_GAP + MARGIN, MARGIN * 2 + tallest * ROW - (ROW - NODE_HEIGHT), xs


def _edge_path(a: _Node, b: _Node, last_layer: int) -> str:
    if a.layer != b.layer:
        left, right = (a, b) if a.layer < b.layer else (b, a)
        x1, y1 = left.x + left.width, left.y + NODE_HEIGHT // 2
        x2, y2 = right.x, right.y + NODE_HEIGHT // 2
        mid = (x1 + x2) // 2
        return f"M{x1} {y1}C{mid} {y1} {mid} {y2} {x2} {y2}"
    # Same layer: an arc beside the column, on the right for the last layer
    # (nothing is drawn there), on the left otherwise.
    top, bottom = (a, b) if a.y <= b.y else (b, a)
    y1, y2 = top.y + NODE_HEIGHT // 2, bottom.y + NODE_HEIGHT // 2
    bulge = min(LAYER_GAP // 2 - 8, 12 + (y2 - y1) // 12)
    if a.layer == last_layer:
        x = max(top.x + top.width, bottom.x + bottom.width)
        return f"M{x} {y1}C{x + bulge} {y1} {x + bulge} {y2} {x} {y2}"
    x = min(top.x, bottom.x)
    return f"M{x} {y1}C{x - bulge} {y1} {x - bulge} {y2} {x} {y2}"


def _legend(lang: Language, y: int) -> tuple[list[str], int]:
    both, one = text("svg.link.both_sides", lang), text("svg.link.one_sided", lang)
    parts = [
        f'<g class="legend" font-size="{FONT_SIZE}" fill="{INK}">',
        f'<line x1="{MARGIN}" y1="{y}" x2="{MARGIN + 40}" y2="{y}" stroke="{LINE}"'
        ' stroke-width="1.5"/>',
        f'<text x="{MARGIN + 48}" y="{y + 4}">{xml_text(both)}</text>',
    ]
    x2 = MARGIN + 48 + text_width(both) + 24
    parts += [
        f'<line x1="{x2}" y1="{y}" x2="{x2 + 40}" y2="{y}" stroke="{LINE}"'
        ' stroke-width="1.5" stroke-dasharray="6 4"/>',
        f'<text x="{x2 + 48}" y="{y + 4}">{xml_text(one)}</text>',
        "</g>",
    ]
    return parts, x2 + 48 + text_width(one) + MARGIN


def network_svg(
    net: Network,
    *,
    href: Callable[[str], str],
    title: str,
    lang: Language = "nl",
) -> str:
    """The link network as one SVG document (no XML declaration; inline or as a file).

    Each action is a link (``<a href>``) to ``href(action id)``; its label shows
    the id and a shortened title, the full title is its ``<title>``. Links named
    on one side only are dashed (and listed as such in the legend), so they are
    told apart without colour.
    """
    head = (
        '<svg xmlns="http://www.w3.org/2000/svg" class="network" role="group"'
        f' aria-label="{xml_text(title)}" font-family="{FONT}"'
    )
    if not net.actions and not net.goals:
        return f'{head} viewBox="0 0 320 40" width="100%"><title>{xml_text(title)}</title></svg>\n'
    layers, nodes, neighbours, edges = _layers(net, href, lang)
    layers = _reduce_crossings(layers, nodes, neighbours)
    width, height, _ = _layout(layers, nodes)
    legend_y = height + 4
    legend, legend_width = _legend(lang, legend_y)
    width, height = max(width, legend_width), legend_y + 12 + MARGIN // 2
    last_layer = max(node.layer for node in nodes.values())
    out = [
        f'{head} viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMinYMin meet">',
        f"<title>{xml_text(title)}</title>",
        f'<g class="edges" fill="none" stroke="{LINE}" stroke-width="1.5">',
    ]
    for source, target, both in sorted(edges, key=lambda e: (nodes[e[0]].y, nodes[e[1]].y, e)):
        dash = "" if both else ' stroke-dasharray="6 4" class="one-sided"'
        path = _edge_path(nodes[source], nodes[target], last_layer)
        out.append(f'<path d="{path}"{dash}/>')
    out.append("</g>")
    out.append(f'<g class="nodes" font-size="{FONT_SIZE}">')
    for layer in layers:
        for key in layer:
            out.append(_node(nodes[key]))
    out.append("</g>")
    out += legend
    out.append("</svg>\n")
    return "\n".join(out)


def _node(node: _Node) -> str:
    rounded = {"goal": 12, "flywheel": 0, "connected": 6}[node.kind]
    heavy = ' stroke-width="2"' if node.kind == "flywheel" else ' stroke-width="1"'
    shape = (
        f'<rect x="{node.x}" y="{node.y}" width="{node.width}" height="{NODE_HEIGHT}"'
        f' rx="{rounded}" fill="{FILL[node.kind]}" stroke="{STROKE[node.kind]}"{heavy}/>'
    )
    label = (
        f'<text x="{node.x + 8}" y="{node.y + NODE_HEIGHT // 2 + 4}" fill="{INK}">'
        f"{xml_text(node.label)}</text>"
    )
    tooltip = f"<title>{xml_text(node.tooltip)}</title>"
    if node.href is None:
        return f'<g class="node {node.kind}">{tooltip}{shape}{label}</g>'
    return (
        f'<a class="node {node.kind}" href="{xml_text(node.href)}"'
        f' aria-label="{xml_text(node.tooltip)}">{tooltip}{shape}{label}</a>'
    )


def bar_chart_svg(items: Sequence[tuple[str, int]], *, title: str) -> str:
    """Horizontal bars, each with its label and its number written out as text.

    ``role="img"`` with a ``<title>``; the ``<desc>`` lists every label and number,
    so the numbers never depend on the bars' length or colour.
    """
    label_width = max((text_width(label) for label, _ in items), default=0) + 8
    number_width = max((text_width(str(n)) for _, n in items), default=0) + 8
    bar_room = 240
    width = MARGIN * 2 + label_width + bar_room + number_width
    height = MARGIN * 2 + max(len(items), 1) * ROW - (ROW - NODE_HEIGHT)
    top = max((n for _, n in items), default=0)
    desc = "; ".join(f"{label}: {n}" for label, n in items)
    out = [
        '<svg xmlns="http://www.w3.org/2000/svg" class="bar-chart" role="img"'
        f' viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMinYMin meet"'
        f' font-family="{FONT}" font-size="{FONT_SIZE}">',
        f"<title>{xml_text(title)}</title>",
        f"<desc>{xml_text(desc)}</desc>",
    ]
    for row, (label, number) in enumerate(items):
        y = MARGIN + row * ROW
        bar = 0 if top <= 0 else max(0, number) * bar_room // top
        if number > 0:
            bar = max(bar, 2)  # a non-zero value is never invisible
        x_bar = MARGIN + label_width
        out.append(
            f'<g class="bar"><text x="{x_bar - 8}" y="{y + NODE_HEIGHT // 2 + 4}"'
            f' text-anchor="end" fill="{INK}">{xml_text(label)}</text>'
            f'<rect x="{x_bar}" y="{y + 2}" width="{bar}" height="{NODE_HEIGHT - 4}"'
            f' fill="#2f6f9f"/>'
            f'<text x="{x_bar + bar + 6}" y="{y + NODE_HEIGHT // 2 + 4}" fill="{INK}">'
            f"{number}</text></g>"
        )
    out.append("</svg>\n")
    return "\n".join(out)

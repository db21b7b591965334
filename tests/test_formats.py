"""Byte-for-byte output of the machine formats, and graph output parsed back."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from rrs_cli.catalogue import load_catalogue
from rrs_cli.diagnostics import finding
from rrs_cli.graph import LinkGraph
from rrs_cli.render import findings as render_findings
from rrs_cli.render import graph as render_graph
from rrs_cli.schema import json_schema

from .conftest import Invoke, MakeCatalogue, default_actions


def sample_findings(root: Path) -> list:  # type: ignore[type-arg]
    path = root / "actions" / "1.yaml"
    return [
        finding(
            "RRS010",
            "link Z: there is no action Z in the catalogue",
            file=path,
            line=17,
            column=9,
            field_path="links[1]",
        ),
        finding(
            "RRS101", "A names 3, but 3 does not name A back, 100%", file=path, line=3, column=None
        ),
    ]


def test_github_format_byte_for_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = render_findings.github(sample_findings(tmp_path), strict=False)
    assert text == (
        "::error file=actions/1.yaml,line=17,col=9,title=RRS010 unknown-action::"
        "links[1]: link Z: there is no action Z in the catalogue\n"
        "::warning file=actions/1.yaml,line=3,title=RRS101 one-sided-link::"
        "A names 3, but 3 does not name A back, 100%25\n"
    )
    strict = render_findings.github(sample_findings(tmp_path), strict=True)
    assert strict.splitlines()[1].startswith("::error ")


def test_json_format_byte_for_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = render_findings.json_text(sample_findings(tmp_path)[:1], strict=False)
    assert (
        text
        == """{
  "version": 2,
  "ok": false,
  "errors": 1,
  "warnings": 0,
  "accepted": 0,
  "findings": [
    {
      "file": "actions/1.yaml",
      "line": 17,
      "column": 9,
      "severity": "error",
      "code": "RRS010",
      "check": "unknown-action",
      "field": "links[1]",
      "message": "link Z: there is no action Z in the catalogue",
      "accepted": false,
      "reason": null
    }
  ]
}
"""
    )


def test_text_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert render_findings.text(sample_findings(tmp_path)).splitlines()[0] == (
        "actions/1.yaml:17:9: error RRS010 unknown-action [links[1]]: "
        "link Z: there is no action Z in the catalogue"
    )


# A strict grammar for the Mermaid subset rrs writes: anything else fails the test.
MERMAID_LINE = re.compile(
    r"""^(flowchart\ LR
    |\ \ g_[a-z0-9-]+\(\["[^"\[\]{}<>#]*(\#\d+;[^"\[\]{}<>#]*)*"\]\)
    |\ \ a_[A-Z0-9]+(\["|\(")[^"\[\]{}<>#]*(\#\d+;[^"\[\]{}<>#]*)*("\]|"\))
    |\ \ [ag]_[A-Za-z0-9-]+\ (---|-\.-)\ a_[A-Z0-9]+
    |\ \ classDef\ [a-z]+\ [a-z:#0-9,-]+
    |\ \ class\ [ag]_[A-Za-z0-9-]+(,[ag]_[A-Za-z0-9-]+)*\ [a-z]+)$""",
    re.X,
)


def parse_mermaid(text: str) -> tuple[set[str], set[tuple[str, str]]]:
    nodes: set[str] = set()
    edges: set[tuple[str, str]] = set()
    for line in text.splitlines():
        assert MERMAID_LINE.match(line), f"not valid rrs Mermaid: {line!r}"
        if m := re.match(r"  ([ag]_[A-Za-z0-9-]+)[\[(]", line):
            nodes.add(m.group(1))
        if m := re.match(r"  (\S+) (?:---|-\.-) (\S+)$", line):
            edges.add((m.group(1), m.group(2)))
    assert all(a in nodes and b in nodes for a, b in edges), "edge to an undeclared node"
    return nodes, edges


def network_of(root: Path, **kwargs: bool) -> render_graph.Network:
    catalogue = load_catalogue(root).catalogue
    graph = LinkGraph.build(catalogue)
    return render_graph.network(
        catalogue,
        graph,
        list(catalogue.actions.values()),
        with_goals=kwargs.get("with_goals", True),
    )


HOSTILE = 'Titel "met" [haken] {accolades} <b>html</b> #1; %% end --> a_1 ; click'


def test_mermaid_parses_back_even_with_hostile_titles(make_catalogue: MakeCatalogue) -> None:
    actions = default_actions()
    actions["1"] = {**actions["1"], "title": HOSTILE}
    nodes, edges = parse_mermaid(render_graph.mermaid(network_of(make_catalogue(actions))))
    assert nodes == {"g_samenleving", "g_cyber", "a_A", "a_B", "a_1", "a_2", "a_3"}
    assert ("a_A", "a_1") in edges and ("g_cyber", "a_B") in edges


def parse_dot(text: str) -> tuple[set[str], set[tuple[str, str]]]:
    """A strict reader for the DOT rrs writes (quoted ids, escaped labels)."""
    quoted = r'"(?:[^"\\]|\\.)*"'
    lines = text.splitlines()
    assert lines[0] == "graph rrs {" and lines[-1] == "}"
    nodes: set[str] = set()
    edges: set[tuple[str, str]] = set()
    for line in lines[1:-1]:
        if m := re.fullmatch(rf"  ({quoted}) \[label=({quoted}), [^\[\]]*\];", line):
            nodes.add(json.loads(m.group(1)))
        elif m := re.fullmatch(rf"  ({quoted}) -- ({quoted})( \[style=dashed\])?;", line):
            edges.add((json.loads(m.group(1)), json.loads(m.group(2))))
        else:
            assert re.fullmatch(r"  (rankdir=LR|node \[.*\]);", line), line
    return nodes, edges


def test_dot_parses_back_with_hostile_titles(make_catalogue: MakeCatalogue) -> None:
    actions = default_actions()
    actions["1"] = {**actions["1"], "title": HOSTILE + ' \\ "'}
    nodes, edges = parse_dot(render_graph.dot(network_of(make_catalogue(actions))))
    assert "a_1" in nodes and ("a_A", "a_1") in edges


@pytest.mark.skipif(
    subprocess.run(["which", "dot"], capture_output=True).returncode != 0,
    reason="Graphviz is not installed",
)
def test_graphviz_accepts_the_bundled_network(bundled: Path) -> None:  # pragma: no cover
    text = render_graph.dot(network_of(bundled))
    done = subprocess.run(["dot", "-Tsvg"], input=text, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_one_sided_links_are_drawn_dashed(make_catalogue: MakeCatalogue) -> None:
    actions = default_actions()
    actions["A"] = {**actions["A"], "links": ["1"]}
    text = render_graph.mermaid(network_of(make_catalogue(actions), with_goals=False))
    assert "  a_A --- a_1" in text and "  a_A -.- a_2" in text
    assert "g_" not in text


def test_graph_command_filters(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    out = rrs("graph", "--goal", "cyber", catalogue=make_catalogue()).stdout
    nodes, _ = parse_mermaid(out)
    assert nodes == {"g_cyber", "a_B", "a_3"}
    dot_out = rrs("graph", "--goal", "cyber", "--format", "dot", catalogue=make_catalogue()).stdout
    assert parse_dot(dot_out)[0] == {"g_cyber", "a_B", "a_3"}


def test_links_command_depth(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    root = make_catalogue()
    data = json.loads(rrs("links", "1", "--depth", "2", "--format", "json", catalogue=root).stdout)
    assert [(s["depth"], s["id"], s["via"]) for s in data] == [
        (0, "1", None),
        (1, "A", "1"),
        (2, "2", "A"),
    ]
    text = rrs("links", "1", catalogue=root).stdout
    assert "Vliegwiel A" in text and "Actie 2" not in text


def test_schema_validates_the_bundled_files(bundled: Path) -> None:
    schema = json_schema("action")
    assert schema["additionalProperties"] is False
    required = set(schema["required"])
    assert {"id", "kind", "title"} <= required
    for path in sorted((bundled / "actions").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert required <= set(data), path.name
        assert set(data) <= set(schema["properties"]), path.name
        assert data["status"] in [*schema["$defs"]["Status"]["enum"], None]


def test_schema_command_writes_atomically(rrs: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "action.schema.json"
    result = rrs("schema", "--output", str(target))
    assert result.exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["title"] == "rrs action file"
    goals = json.loads(rrs("schema", "goals").stdout)
    assert goals["type"] == "array"


def test_schema_refuses_to_write_through_a_symlink(rrs: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.json"
    link = tmp_path / "link.json"
    link.symlink_to(target)
    result = rrs("schema", "--output", str(link))
    assert result.exit_code == 1
    assert "symbolic link" in result.stderr and not target.exists()

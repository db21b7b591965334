"""The website for another city: an owner is named once, filter values work as
`rrs list` takes them, and a value that matches nothing says so."""

from __future__ import annotations

from pathlib import Path

from .conftest import MakeCatalogue, default_actions
from .test_site import build


def test_an_owner_is_not_repeated_in_brackets(
    make_catalogue: MakeCatalogue, tmp_path: Path
) -> None:
    actions = default_actions()
    actions["1"] = {**actions["1"], "owner": "Gemeente Zeeveen"}
    out = tmp_path / "out"
    build(make_catalogue(actions), out)
    html = (out / "actions" / "1.html").read_text(encoding="utf-8")
    for label, name in (("Eigenaar", "Gemeente Zeeveen"), ("Partners", "Scholen")):
        field = html.split(f">{label}</dt><dd>", 1)[1].split("</dd>", 1)[0]
        assert field.count(name) == 1, field
        assert f"{name}</a>" in field
    # Where the printed text names more than the organisation, the links stay.
    actions["2"] = {**actions["2"], "partners": "Gemeente Zeeveen en scholen"}
    out2 = tmp_path / "out2"
    build(make_catalogue(actions), out2)
    html = (out2 / "actions" / "2.html").read_text(encoding="utf-8")
    field = html.split(">Partners</dt><dd>", 1)[1].split("</dd>", 1)[0]
    assert "Gemeente Zeeveen en scholen</span>" in field and field.count("</a>") == 2

"""`rrs list --columns`, `--sort` and `--count`: the table a person at a terminal needs."""

from __future__ import annotations

from datetime import date

import pytest

from rrs_cli.catalogue import load_catalogue
from rrs_cli.errors import RrsError
from rrs_cli.graph import LinkGraph
from rrs_cli.render import listing
from rrs_cli.render.columns import COLUMNS, View, choose_columns, sort_actions

from .conftest import Invoke, MakeCatalogue, default_actions


def loaded(make: MakeCatalogue) -> tuple[list, LinkGraph]:  # type: ignore[type-arg]
    actions = default_actions()
    actions["2"] = {
        **actions["2"],
        "progress": [{"date": "2024-05-01", "status": "starting", "note": "Begonnen"}],
    }
    actions["1"] = {
        **actions["1"],
        "progress": [{"date": "2023-01-01", "status": "ongoing", "note": "Loopt"}],
    }
    catalogue = load_catalogue(make(actions)).catalogue
    graph = LinkGraph.build(catalogue)
    return list(catalogue.actions.values()), graph


def test_columns_are_chosen_by_name_comma_separated_or_repeated() -> None:
    names = [c.name for c in choose_columns(["id,owner", "partners", "last_update"])]
    assert names == ["id", "owner", "partners", "last-update"]
    assert [c.name for c in choose_columns(None)] == ["id", "title", "status", "term", "goals"]
    with pytest.raises(RrsError, match="unknown column 'onwer'"):
        choose_columns(["onwer"])


def test_every_column_renders_every_action(make_catalogue: MakeCatalogue) -> None:
    actions, graph = loaded(make_catalogue)
    for lang in ("nl", "en"):
        view = View(graph, lang)  # type: ignore[arg-type]
        text = listing.lines(actions, graph, lang=lang, columns=list(COLUMNS.values()))
        assert len(text.splitlines()) == len(actions)
        for line in text.splitlines():
            assert len(line.split("\t")) == len(COLUMNS)
        every = list(COLUMNS.values())
        headers = listing.markdown(actions, graph, lang=lang, columns=every).splitlines()[0]
        assert headers.count("|") == len(COLUMNS) + 1
        assert listing.table(actions, graph, plain=True, lang=lang, columns=every).row_count == 5
        for column in COLUMNS.values():
            assert sort_actions(actions, column.name, view)
            assert sort_actions(actions, "-" + column.name, view)


def test_owner_partners_last_update_and_end_of_term(make_catalogue: MakeCatalogue) -> None:
    actions, graph = loaded(make_catalogue)
    columns = choose_columns(["id,owner,partners,last-update,end-of-term"])
    rows = {
        line.split("\t")[0]: line.split("\t")[1:]
        for line in listing.lines(actions, graph, lang="nl", columns=columns).splitlines()
    }
    assert rows["B"] == ["Havenbedrijf Rotterdam", "Havenbedrijf Rotterdam", "—", "2018-12-31"]
    assert rows["2"][2:] == ["2024-05-01", "2018-12-31"]
    assert rows["1"][3] == "2021-12-31"  # medium: five years after 2016


def test_sort_by_last_update_then_descending(make_catalogue: MakeCatalogue) -> None:
    actions, graph = loaded(make_catalogue)
    view = View(graph, "en")
    ordered = [a.id for a in sort_actions(actions, "last-update", view)]
    assert ordered[:2] == ["1", "2"] and set(ordered[2:]) == {"A", "B", "3"}
    newest = [a.id for a in sort_actions(actions, "-last-update", view)]
    assert newest[0] in {"A", "B", "3"}  # no update sorts last, so first when reversed
    assert next(a.id for a in sort_actions(actions, "owner", view)) == "1"  # Cluster ..., first
    assert date(2024, 5, 1) == actions[[a.id for a in actions].index("2")].last_update


def test_list_columns_sort_and_count_on_the_command_line(
    make_catalogue: MakeCatalogue, rrs: Invoke
) -> None:
    root = make_catalogue()
    out = rrs("list", "--columns", "id,owner", "--sort", "-owner", "--lang", "en", catalogue=root)
    assert out.exit_code == 0, out.stderr
    assert out.stdout.splitlines()[0] == "B\tHavenbedrijf Rotterdam"
    assert rrs("list", "--status", "ongoing", "--count", catalogue=root).stdout == "2\n"
    csv = rrs("list", "-f", "csv", "--columns", "id,status,end-of-term", catalogue=root).stdout
    assert csv.splitlines()[:2] == ['"id","status","end-of-term"', '"A","new","2018-12-31"']
    bad = rrs("list", "--sort", "colour", catalogue=root)
    assert bad.exit_code == 2 and "unknown column 'colour'" in bad.stderr

"""Filters, goal membership through links, and forgiving name matching."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest
import typer

from rrs_cli.catalogue import load_catalogue
from rrs_cli.cli import app
from rrs_cli.errors import UnknownChoiceError
from rrs_cli.graph import LinkGraph
from rrs_cli.models import Kind, Status, Term
from rrs_cli.query import ActionFilter, fold, resolve_enum, resolve_goal

from .catalogues import connected, default_actions
from .conftest import Invoke, MakeCatalogue


def ids(make: MakeCatalogue, actions: dict | None = None, **filters: str) -> list[str]:
    catalogue = load_catalogue(make(actions)).catalogue
    return [a.id for a in ActionFilter(**filters).select(catalogue, LinkGraph.build(catalogue))]


def test_fold_ignores_case_accents_and_spacing() -> None:
    assert fold("  ÓNZE   Stad ") == "onze stad"


@pytest.mark.parametrize(
    "value",
    ["cyber", "3", "CYBER", "Rotterdam cyber havenstad", "rotterdam cyber port city", "cyb"],
)
def test_goal_by_key_number_or_name(make_catalogue: MakeCatalogue, value: str) -> None:
    catalogue = load_catalogue(make_catalogue()).catalogue
    assert resolve_goal(catalogue, value).key == "cyber"


def test_unknown_goal_lists_choices_and_suggests(make_catalogue: MakeCatalogue) -> None:
    catalogue = load_catalogue(make_catalogue()).catalogue
    with pytest.raises(UnknownChoiceError) as raised:
        resolve_goal(catalogue, "cybre")
    assert "did you mean 'cyber'" in raised.value.hint
    assert "samenleving" in raised.value.hint


def test_goal_reaches_connected_actions_through_links(make_catalogue: MakeCatalogue) -> None:
    # B is the cyber flywheel; 3 is linked to it. 1 and 2 belong to A (samenleving).
    assert ids(make_catalogue, goal="cyber") == ["B", "3"]
    assert ids(make_catalogue, goal="samenleving") == ["A", "1", "2"]


def test_link_named_on_one_side_only_still_reaches_the_goal(make_catalogue: MakeCatalogue) -> None:
    actions = default_actions()
    actions["B"] = {**actions["B"], "links": ["3", "4"]}
    actions["4"] = connected("4", links=[], goal="samenleving")
    assert ids(make_catalogue, actions, goal="cyber") == ["B", "3", "4"]


def test_all_flywheels_link_reaches_every_goal(make_catalogue: MakeCatalogue) -> None:
    actions = default_actions()
    actions["9"] = connected("9", links=[], links_all_flywheels=True)
    assert "9" in ids(make_catalogue, actions, goal="cyber")
    assert "9" in ids(make_catalogue, actions, goal="samenleving")


def test_filters_combine(make_catalogue: MakeCatalogue) -> None:
    assert ids(make_catalogue, kind="connected", status="new") == ["2"]
    assert ids(make_catalogue, goal="samenleving", term="medium") == ["1"]
    assert ids(make_catalogue, owner="havenbedrijf") == ["B"]
    assert ids(make_catalogue, partner="HAVENBEDRIJF", goal="samenleving") == ["A"]
    assert ids(make_catalogue, text="building") == ["3"]
    assert ids(make_catalogue, quality="Flexibiliteit") == ["B"]


def test_status_filter_uses_the_latest_logged_status(make_catalogue: MakeCatalogue) -> None:
    actions = default_actions()
    actions["2"] = {
        **actions["2"],
        "progress": [
            {"date": "2018-01-01", "status": "ongoing"},
            {"date": "2020-01-01", "status": "completed"},
        ],
    }
    assert ids(make_catalogue, actions, status="completed") == ["2"]
    assert "2" not in ids(make_catalogue, actions, status="new")


@pytest.mark.parametrize("member", list(Status))
def test_every_status_choice_resolves(member: Status) -> None:
    assert resolve_enum(Status, member.value, "status") is member


@pytest.mark.parametrize(
    ("word", "member"),
    [("lopend", Status.ONGOING), ("Nieuw", Status.NEW), ("in ontwikkeling", Status.IN_DEVELOPMENT)],
)
def test_dutch_status_words(word: str, member: Status) -> None:
    from rrs_cli.query import STATUS_ALIASES

    assert resolve_enum(Status, word, "status", STATUS_ALIASES) is member


@pytest.mark.parametrize("member", list(Term))
def test_every_term_choice_resolves(member: Term) -> None:
    assert resolve_enum(Term, member.value, "term") is member


@pytest.mark.parametrize("member", list(Kind))
def test_every_kind_choice_resolves(member: Kind) -> None:
    assert resolve_enum(Kind, member.value, "kind") is member


def test_unknown_status_is_rejected_with_choices() -> None:
    with pytest.raises(UnknownChoiceError) as raised:
        resolve_enum(Status, "ongong", "status")
    assert "did you mean 'ongoing'" in raised.value.hint


def test_graph_walk_depth(make_catalogue: MakeCatalogue) -> None:
    catalogue = load_catalogue(make_catalogue()).catalogue
    graph = LinkGraph.build(catalogue)
    assert [(s.depth, s.action.id, s.via) for s in graph.walk("1", 1)] == [
        (0, "1", None),
        (1, "A", "1"),
    ]
    assert [s.action.id for s in graph.walk("1", 2)] == ["1", "A", "2"]


# --- organisations: one rule for the CLI, the report and the site ---------------

ORGS = [["Veiligheidsregio", "VRR", "safety region"], ["Waterschappen", "Waterschap"]]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # names that hold "en" or "&" stay whole
        (
            "Arcadis, ministerie van Infrastructuur en Milieu",
            ["Arcadis", "ministerie van Infrastructuur en Milieu"],
        ),
        (
            "TNO, Hoogheemraadschap Schieland & Krimpenerwaard",
            ["TNO", "Hoogheemraadschap Schieland & Krimpenerwaard"],
        ),
        (
            "Rijksoverheid, onderwijs- en zorginstellingen, woningcorporaties en bedrijven",
            ["Rijksoverheid", "onderwijs- en zorginstellingen", "woningcorporaties", "bedrijven"],
        ),
        ("Lokale bedrijven en kernteam", ["Lokale bedrijven en kernteam"]),
        (
            "Gemeente Rotterdam, bewoners- en wijkorganisatie",
            ["Gemeente Rotterdam", "bewoners- en wijkorganisatie"],
        ),
        # words that introduce examples, and "etc", name no organisation
        (
            "Elf Europese steden, waaronder Glasgow, Vejle",
            ["Elf Europese steden", "Glasgow", "Vejle"],
        ),
        ("Rijk, Welzijnsaanbieders, GGZ, etc.", ["Rijk", "Welzijnsaanbieders", "GGZ"]),
        ("Stedin, Evides en andere infrabeheerders", ["Stedin", "Evides"]),
        # prose stays text
        (
            "het is een oproep aan alle stakeholders die een bijdrage in het netwerk van de "
            "stad leveren.",
            [],
        ),
        ("Burgers, marktpartijen. Per initiatief kunnen de partijen anders zijn.", []),
        ("", []),
    ],
)
def test_organisation_names_split_only_where_they_yield_names(text: str, names: list[str]) -> None:
    from rrs_cli.query import organisation_names

    assert organisation_names(text) == names


def test_spellings_and_aliases_of_one_organisation_are_merged() -> None:
    from rrs_cli.query import alias_group, organisation_key

    assert organisation_key("Delfshaven Coöperatie") == organisation_key("Delfshavencoöperatie")
    assert organisation_key("WIJ-Samenleving") == organisation_key("WIJsamenleving")
    assert organisation_key("RDC-partners") == organisation_key("RDC partners")
    assert alias_group("Veiligheidsregio (VRR)", ORGS) is ORGS[0]
    assert alias_group("waterschappen (nog niet vastgesteld)", ORGS) is ORGS[1]
    assert alias_group("VRR", ORGS) is ORGS[0]
    assert alias_group("Gemeente Londen", ORGS) is None


def test_the_site_and_report_owners_are_what_the_cli_finds(bundled: Path) -> None:
    """Every action the shared grouping puts under an organisation of strategy.yaml
    is found by `rrs list --owner` / `--partner` with that organisation's name."""
    from rrs_cli.query import group_organisations

    catalogue = load_catalogue(bundled).catalogue
    graph = LinkGraph.build(catalogue)
    organisations = catalogue.strategy.organisations
    for field in ("owner", "partner"):
        attribute = "owner" if field == "owner" else "partners"
        groups = group_organisations(
            catalogue.actions.values(),
            lambda a, name=attribute: (getattr(a, name),),  # type: ignore[misc]
            organisations,
        )
        for group in organisations:
            grouped = next((g for g in groups if g.name == group[0]), None)
            if grouped is None:
                continue
            found = {a.id for a in ActionFilter(**{field: group[0]}).select(catalogue, graph)}
            assert {a.id for a in grouped.actions} <= found, (field, group[0])
    # The review's cases: the safety region of 20 and of 25 ("Veiligheidsregio (VRR)").
    partners = group_organisations(
        catalogue.actions.values(), lambda a: (a.partners,), organisations
    )
    region = next(g for g in partners if g.name == "Veiligheidsregio")
    assert {a.id for a in region.actions} == {"20", "25"}
    owners = group_organisations(catalogue.actions.values(), lambda a: (a.owner,), organisations)
    water = next(g for g in owners if g.name == "Waterschappen")
    assert "K" in {a.id for a in water.actions}


def test_the_filter_is_built_by_name(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    # Nine filters of one type: a positional call could swap two and still run.
    with pytest.raises(TypeError):
        ActionFilter(["cyber"])  # type: ignore[misc]
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    for name in ("list", "graph"):
        options = {param.name for param in commands[name].params}
        assert {field.name for field in fields(ActionFilter)} <= options, name
    root = make_catalogue()
    listed = rrs("list", "--org", "havenbedrijf", "--text", "deltaplan", catalogue=root)
    assert listed.stdout.split()[0] == "B" and len(listed.stdout.splitlines()) == 1
    drawn = rrs("graph", "--org", "havenbedrijf", "--text", "deltaplan", catalogue=root).stdout
    assert "a_B" in drawn and "a_A" not in drawn

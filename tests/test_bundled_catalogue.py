"""The bundled Rotterdam catalogue: its shape, spot checks against the strategy
text, and warnings that are exactly the known inconsistencies of the source."""

from __future__ import annotations

import json
import re
import string
from collections import Counter
from pathlib import Path

import pytest

from rrs_cli.catalogue import Catalogue, load_catalogue
from rrs_cli.crf import QUALITIES as CRF_QUALITIES
from rrs_cli.diagnostics import Severity
from rrs_cli.graph import LinkGraph
from rrs_cli.models import Status, Term
from rrs_cli.query import ActionFilter
from rrs_cli.validation import validate

CATALOGUE_DOC = Path(__file__).resolve().parent.parent / "docs" / "catalogue.md"


@pytest.fixture(scope="module")
def catalogue(bundled: Path) -> Catalogue:
    result = load_catalogue(bundled)
    assert result.findings == []
    return result.catalogue


def test_shape(catalogue: Catalogue) -> None:
    assert [a.id for a in catalogue.flywheels()] == list(string.ascii_uppercase[:24])
    assert [a.id for a in catalogue.connected()] == [str(n) for n in range(1, 45)]
    assert [g.number for g in catalogue.goals.values()] == list(range(1, 8))
    assert list(catalogue.qualities) == [q.key for q in CRF_QUALITIES]


def test_every_flywheel_sits_in_exactly_one_goal_section(catalogue: Catalogue) -> None:
    sections = {a.id: a.goal for a in catalogue.flywheels()}
    assert all(goal in catalogue.goals for goal in sections.values())
    by_goal = {key: sorted(i for i, g in sections.items() if g == key) for key in catalogue.goals}
    assert by_goal == {
        "samenleving": ["A", "B", "C", "D"],
        "energie": ["E", "F", "G", "H"],
        "cyber": ["I"],
        "klimaat": ["J", "K", "L"],
        "infrastructuur": ["M", "N", "O"],
        "netwerkstad": ["P", "Q", "R"],
        "verankering": ["S", "T", "U", "V", "W", "X"],
    }


def test_every_link_resolves_and_no_errors(bundled: Path) -> None:
    found = validate(bundled)
    assert [f for f in found if f.severity is Severity.ERROR] == []
    assert not any(f.code == "RRS010" for f in found)


def test_warnings_are_the_documented_inconsistencies(bundled: Path) -> None:
    """The "Known inconsistencies" list of docs/catalogue.md holds exactly the warnings:
    one item per warning (code and file), none missing and none left over."""
    page = CATALOGUE_DOC.read_text(encoding="utf-8")
    section = page.split("## Known inconsistencies in the source", 1)[1].split("\n## ", 1)[0]
    listed = Counter(re.findall(r"^- (RRS\d{3}) (\w+):", section, flags=re.MULTILINE))
    found = Counter((item.code, Path(item.file).stem) for item in validate(bundled))
    assert listed == found
    assert sum(found.values()) == 23


@pytest.mark.parametrize(
    ("action_id", "owner", "status_text", "term_text"),
    [
        ("A", "Gemeente / Maatschappelijke Ontwikkeling", "Nieuw", "Korte termijn"),
        ("3", "Cluster Maatschappelijke Ontwikkeling", "Nieuw", "Korte termijn"),
        ("5", "Cluster Maatschappelijke Ontwikkeling", "Nieuw", "Korte termijn"),
        ("6", None, "Lopend", None),
        ("17", None, "", "Middellange termijn"),
        ("38", "RDC-partners", "In ontwikkeling", "Korte termijn"),
        ("39", "City Deal partners", "Nieuw", "Korte termijn"),
        ("W", "Woningbouwcorporatie Vestia", "Nieuw", "Middellange termijn tot lange termijn"),
    ],
)
def test_spot_checks_against_the_source(
    catalogue: Catalogue, action_id: str, owner: str | None, status_text: str, term_text: str | None
) -> None:
    action = catalogue.actions[action_id]
    if owner is not None:
        assert action.owner == owner
    assert action.status_text == status_text
    if term_text is not None:
        assert action.term_text == term_text


def test_spot_checks_of_links(catalogue: Catalogue) -> None:
    acts = catalogue.actions
    assert acts["A"].links == ["1", "2", "3", "4", "25"]
    assert acts["K"].links == ["19", "17", "15"]  # printed glued as "191715"
    assert acts["I"].links == ["1", "14", "3", "15", "4", "16", "12", "17", "13", "44"]
    assert acts["1"].links == ["A", "I"]
    assert [a.id for a in catalogue.connected() if a.links_all_flywheels] == ["41", "42", "43"]
    assert acts["W"].title == "Resilient Peperklip"
    assert acts["17"].status is None
    assert acts["6"].status is Status.ONGOING and acts["D"].term is Term.SHORT_TO_MEDIUM


def test_recognisable_answers(catalogue: Catalogue) -> None:
    graph = LinkGraph.build(catalogue)

    def select(**filters: str) -> list[str]:
        return [a.id for a in ActionFilter(**filters).select(catalogue, graph)]

    cyber = select(goal="cyber")
    assert cyber[0] == "I" and {"12", "13", "14", "15", "16", "17"} <= set(cyber)
    assert set(select(status="ongoing")) == {"Q", "6", "18", "21", "30"}
    assert select(owner="Havenbedrijf") == ["F", "H", "21"]  # 21: "Gemeente, HbR"


# Issue 12: catalogue corrections from a second reading of the source. Each decision
# is pinned here so that it cannot silently regress.

LINK_NOTE = "LINK (one rule for every block"


@pytest.mark.parametrize(
    ("action_id", "links"),
    [
        # a lone letter displaced by the extraction, given to the block on its page
        # whose LINK is printed empty and which that flywheel lists back
        ("11", ["D"]),
        ("14", ["I"]),
        ("16", ["I"]),
        ("17", ["I", "K"]),
        ("24", ["N"]),
        ("39", ["X"]),
        ("40", ["X"]),
        # the printed LINK, the lone letters after it not added
        ("10", ["D"]),
        ("12", ["I", "I"]),
        ("15", ["K"]),
        ("25", ["A", "N"]),
        ("33", ["R"]),
        ("38", ["X"]),
        # the letter on the line directly below an empty LINK is the printed value
        ("6", ["C"]),
        ("18", ["S"]),
        ("27", ["N"]),
        ("28", ["Q"]),
        ("44", ["I", "T"]),
        # no displaced letter on the page: stays empty
        ("22", []),
        ("32", []),
        ("34", []),
        ("35", []),
        ("37", []),
    ],
)
def test_lone_link_letter_rule(catalogue: Catalogue, action_id: str, links: list[str]) -> None:
    assert catalogue.actions[action_id].links == links


def test_every_connected_action_records_its_link_decision(catalogue: Catalogue) -> None:
    """Each connected action's notes hold one LINK note naming the source line, and
    the links it decides are the links in the file."""
    for action in catalogue.connected():
        notes = [line for line in (action.notes or "").splitlines() if line.startswith(LINK_NOTE)]
        assert len(notes) == 1, action.id
        assert re.search(r"\bline \d{4} prints \"LINK", notes[0]), action.id
        decided = re.search(r"links (?:is )?(\[[^\]]*\])", notes[0])
        assert decided is not None, action.id
        assert json.loads(decided.group(1)) == action.links, action.id
        assert ("Alle vliegwielacties" in notes[0]) == action.links_all_flywheels, action.id


def test_goal_3_name_as_in_the_list_of_seven_goals(catalogue: Catalogue) -> None:
    assert catalogue.goals["cyber"].name_nl == "Rotterdam Cyber Havenstad"
    # the other six are in sentence case, as that list writes them
    assert [g.name_nl for g in catalogue.goals.values() if g.key != "cyber"] == [
        "Rotterdam: een samenleving in balans",
        "Wereldhavenstad op schone en betrouwbare energie",
        "Klimaatbestendig Rotterdam naar een nieuw niveau",
        "Infrastructuur klaar voor de 21e eeuw",
        "Rotterdam netwerkstad: ónze stad",
        "Verankeren van resilience denken in de stad",
    ]


@pytest.mark.parametrize(
    ("action_id", "field", "joined", "spaced"),
    [
        ("C", "description", "gebiedscommissies en –organisaties", "en – organisaties"),
        (
            "38",
            "description",
            "kennisontwikkeling–uitwisseling",
            "kennisontwikkeling –uitwisseling",
        ),
        ("H", "description", "De transitie-agenda bestaat", "transitie- agenda"),
        ("W", "funding", "energie-corporaties", "energie- corporaties"),
    ],
)
def test_dash_at_a_line_break_is_joined_without_a_space(
    catalogue: Catalogue, action_id: str, field: str, joined: str, spaced: str
) -> None:
    """The extracted text has no space at these line breaks; one rule for all four."""
    text = getattr(catalogue.actions[action_id], field)
    assert joined in text
    assert spaced not in text


def test_links_the_lone_letter_rule_infers_are_marked_inferred(catalogue: Catalogue) -> None:
    """A block whose LINK line is printed empty and whose links come from the
    lone-letter rule (its notes say a strict reading would give []) marks them all
    as inferred; every other action's links are printed ones."""
    strict = "A strict reading of the LINK line alone would give []"
    inferred = {a.id for a in catalogue.actions.values() if a.links_inferred}
    assert inferred == {"11", "14", "16", "17", "24", "39", "40"}
    for action in catalogue.actions.values():
        expected = action.links if strict in (action.notes or "") else []
        assert action.links_inferred == expected, action.id


# How a block's text names a goal as a goal: the words of the goal's name or tagline
# that the flywheels use when they say which goal they serve ("het doel: vitale burgers
# in een evenwichtige samenleving", "de doelstelling om ... als netwerkstad").
GOAL_WORDS = {
    "samenleving": "evenwichtige samenleving",
    "energie": "schone en betrouwbare energie",
    "cyber": "cyber",
    "klimaat": "klimaatbestendig",
    "infrastructuur": "21e eeuw",
    "netwerkstad": "netwerkstad",
    "verankering": "resilience denken",
}
ALL_GOALS = "alle resiliencedoelstellingen"


def test_a_flywheels_goals_are_only_those_its_text_names(catalogue: Catalogue) -> None:
    """``goals`` is what the block's text names, not the chapter it is printed in
    (that is ``goal``): a goal is listed only when the text speaks of a goal (doel,
    doelstelling) and uses that goal's words, or says it serves all of them."""
    wrong = {}
    for action in catalogue.flywheels():
        body = " ".join(f"{action.description} {action.resilience_value}".split()).lower()
        # doel, doelen, doelstelling, resiliencedoelstellingen; not "bedoeld"
        refers_to_a_goal = re.search(r"\b(?:resilience)?doel", body) is not None
        named = [
            key
            for key in action.goals
            if not (refers_to_a_goal and (GOAL_WORDS[key] in body or ALL_GOALS in body))
        ]
        if named:
            wrong[action.id] = named
    assert not wrong, f"goals the block's text does not name: {wrong}"
    assert sum(1 for a in catalogue.flywheels() if a.goals) == 6  # A-D, I and T

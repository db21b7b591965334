"""The interface strings: every key in both languages, with the same placeholders."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path
from typing import get_args

import pytest

import rrs_cli
from rrs_cli.crf import QUALITIES
from rrs_cli.graph import LinkSides
from rrs_cli.i18n import LANGUAGES, MESSAGES, language, name_in, status_label, term_label, text
from rrs_cli.models import ComplianceStatus, Goal, ImpactLevel, Kind, Status, Strategy, Term
from rrs_cli.render.html import environment
from rrs_cli.site.model import TOLD_KINDS


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_string_exists_in_both_languages(key: str) -> None:
    dutch, english = MESSAGES[key]
    assert dutch.strip() and english.strip(), key
    assert _placeholders(dutch) == _placeholders(english), key


def test_every_status_and_term_has_a_label() -> None:
    for lang in LANGUAGES:
        for status in [*Status, None]:
            assert status_label(status, lang)
        for term in [*Term, None]:
            assert term_label(term, lang)
    assert status_label(Status.ONGOING, "nl") == "Lopend"
    assert term_label(Term.SHORT, "nl") == "Korte termijn"
    assert status_label(Status.IN_DEVELOPMENT, "en") == "In development"


def test_placeholders_are_filled() -> None:
    assert text("field.status_at_publication", "nl", year=2020) == "Status bij publicatie (2020)"
    assert language("NL") == "nl" and language(None) == "en" and language("de") == "en"


def test_the_interface_language_follows_option_environment_then_catalogue() -> None:
    from rrs_cli.i18n import interface_language

    assert interface_language(None, "nl", {}) == "nl"
    assert interface_language(None, "en", {}) == "en"
    assert interface_language(None, "de", {}) == "en"
    assert interface_language(None, "nl", {"RRS_LANG": "en"}) == "en"
    assert interface_language("nl", "en", {"RRS_LANG": "en"}) == "nl"
    assert interface_language(None, "nl", {"RRS_LANG": "xx"}) == "nl"


def test_name_in_the_readers_language() -> None:
    goal = Goal(number=1, key="klimaat", name_nl="Klimaatbestendig", name_en="Climate-proof")
    assert [name_in(goal, lang) for lang in LANGUAGES] == ["Klimaatbestendig", "Climate-proof"]
    assert name_in(QUALITIES[0], "nl") == "Reflectievermogen"
    # A strategy has a name in its own language (any), and an English one.
    english = Strategy(name="Plan", name_en="Plan (en)", city="X", published=None, language="en")
    dutch = english.model_copy(update={"language": "nl"})
    assert [name_in(english, lang) for lang in LANGUAGES] == ["Plan (en)", "Plan"]
    assert [name_in(dutch, lang) for lang in LANGUAGES] == ["Plan", "Plan (en)"]
    # Templates call the same helper with the page's language bound.
    template = environment("nl").from_string("{{ name_in(goal) }}")
    assert template.render(goal=goal) == "Klimaatbestendig"


SIDES: tuple[str, ...] = get_args(LinkSides)

# Keys built from a value at run time: (the source that builds them, its file,
# the keys it can build). The source text is checked to still be there, so this
# list cannot outlive the code it describes.
BUILT_KEYS: list[tuple[str, str, list[str]]] = [
    ('f"status.{status.value}"', "i18n.py", [f"status.{s.value}" for s in Status]),
    ('f"term.{term.value}"', "i18n.py", [f"term.{t.value}" for t in Term]),
    ("f'month.{day.month}'", "i18n.py", [f"month.{n}" for n in range(1, 13)]),
    ('f"{prefix}.{member.value}.plural"', "query.py", [f"kind.{k.value}.plural" for k in Kind]),
    ('f"kind.{action.kind.value}"', "render/show.py", [f"kind.{k.value}" for k in Kind]),
    (
        'L["impact." + level.value]',
        "templates/site/action_body.html",
        [f"impact.{level.value}" for level in ImpactLevel],
    ),
    (
        'self.t(f"report.decisions.intro{period}")',
        "render/report_layout.py",
        ["report.decisions.intro", "report.decisions.intro_all"],
    ),
    (
        'self.t(f"report.decisions.stopped{period}"',
        "render/report_layout.py",
        ["report.decisions.stopped", "report.decisions.stopped_all"],
    ),
    (
        'MESSAGES[f"forms.hint.{status.value}"]',
        "forms/check.py",
        [f"forms.hint.{s.value}" for s in Status],
    ),
    ('f"show.link.{graph.sides(', "render/show.py", [f"show.link.{s}" for s in SIDES]),
    (
        'L["site.link." + row.sides]',
        "templates/site/action_body.html",
        [f"site.link.{s}" for s in (*SIDES, "none")],  # none: both namings inferred
    ),
    (
        'f"issue.{issue.kind}"',
        "site/common.py",
        [f"issue.{kind}" for kind in (*TOLD_KINDS, "inferred")],
    ),
    (
        'f"issue.{kind}.kind"',
        "site/pages.py",
        [f"issue.{kind}.kind" for kind in (*TOLD_KINDS, "inferred", "other")],
    ),
    ('f"language.{strategy.language}"', "site/common.py", ["language.nl", "language.en"]),
    (
        '"site.accessibility.status." + accessibility.status.value',
        "templates/site/accessibility.html",
        [f"site.accessibility.status.{status.value}" for status in ComplianceStatus],
    ),
    (
        'L["site.sort." + value]',
        "templates/site/actions.html",
        [f"site.sort.{key}" for key in ("id", "title", "status", "end", "updated")],
    ),
]
PACKAGE = Path(rrs_cli.__file__).parent
# A quoted string that looks like a key, in a template or a script.
QUOTED = re.compile(r"""["']([a-z][a-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+)["']""")


def _constants(path: Path) -> set[str]:
    """The string constants of one module, but the message table's own."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    table = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.AnnAssign | ast.Assign)
        and any(getattr(target, "id", "").endswith("MESSAGES") for target in ast.walk(node))
        for inner in ast.walk(node)
    }
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in table
    }


def _literals() -> set[str]:
    """Every string constant of the package's code, templates and scripts."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        found |= _constants(path)
    for folder, pattern in (("templates", "*.html"), ("static", "*.js")):
        for path in (PACKAGE / folder).rglob(pattern):
            found |= set(QUOTED.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_interface_string_is_used() -> None:
    used = _literals()
    for source, file, keys in BUILT_KEYS:
        assert source in (PACKAGE / file).read_text(encoding="utf-8"), (file, source)
        assert set(keys) <= set(MESSAGES), (source, sorted(set(keys) - set(MESSAGES)))
        used |= set(keys)
    # plural(key, count): key.one and key.other.
    used |= {f"{key}.{form}" for key in used for form in ("one", "other")}
    assert sorted(set(MESSAGES) - used) == []

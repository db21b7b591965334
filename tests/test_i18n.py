"""The interface strings: every key in both languages, with the same placeholders."""

from __future__ import annotations

import string

import pytest

from rrs_cli.crf import QUALITIES
from rrs_cli.i18n import LANGUAGES, MESSAGES, language, name_in, status_label, term_label, text
from rrs_cli.models import Goal, Status, Strategy, Term
from rrs_cli.render.html import environment


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

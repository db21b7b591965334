"""The interface strings: every key in both languages, with the same placeholders."""

from __future__ import annotations

import string

import pytest

from rrs_cli.i18n import LANGUAGES, MESSAGES, language, status_label, term_label, text
from rrs_cli.models import Status, Term


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

"""Invisible text by Unicode property: flagged, escaped in every output, folded in matching.

The set rrs flags (RRS112) and escapes is rebuilt here from the Unicode
definitions (``tests/unicode_reference.py``: general categories from this
Python's ``unicodedata``, the binary properties from the UCD files) and
compared with rrs's table over the whole code space, so a character that
hides text cannot be missing from it, and nothing visible is flagged.
"""

from __future__ import annotations

import json
import unicodedata

import pytest

from rrs_cli.query import fold
from rrs_cli.render.text import json_safe
from rrs_cli.textsafety import has_invisible, invisible_characters, visible

from .unicode_reference import (
    DEFAULT_IGNORABLE_PUBLISHED,
    FORBIDDEN_IN_OUTPUT,
    derived_default_ignorable,
    expand,
    hiding,
)

HIDING = sorted(hiding())
# Format controls that Unicode 15.0 assigns (Cf); unassigned in older versions,
# where flagging them in advance is harmless.
FUTURE_FORMAT = expand(((0x13439, 0x1343F),))


def test_the_derivation_reproduces_the_published_default_ignorables() -> None:
    assert derived_default_ignorable() == expand(DEFAULT_IGNORABLE_PUBLISHED)


def test_rrs_flags_exactly_the_characters_the_definitions_name() -> None:
    expected = set(HIDING)
    wrong = [
        f"U+{code:04X}"
        for code in range(0x110000)
        if has_invisible(chr(code)) != (code in expected)
        and not (code in FUTURE_FORMAT and unicodedata.category(chr(code)) == "Cn")
    ]
    assert wrong == []


@pytest.mark.parametrize(
    "char",
    # The characters found passing review: a bidi control, Mongolian vowel
    # separator, grapheme joiner, Hangul fillers, braille blank, Khmer inherent
    # vowel, variation selector, musical format control, soft hyphen, tags.
    [
        "\u061c",
        "\u180e",
        "\u034f",
        "\u115f",
        "\u3164",
        "\uffa0",
        "\u2800",
        "\u17b4",
        "\ufe0f",
        "\U0001d173",
        "\u00ad",
        "\U000e0001",
        "\U000e0041",
        "\U000e007f",
    ],
)
def test_known_hiding_characters_are_flagged(char: str) -> None:
    assert has_invisible(f"Gemeente{char}")
    assert invisible_characters(f"a{char}b{char}") == [char]


def test_every_hiding_character_is_escaped_for_people() -> None:
    for code in HIDING:
        shown = visible(f"a{chr(code)}b")
        assert FORBIDDEN_IN_OUTPUT.search(shown) is None, f"U+{code:04X}"
        assert shown != f"a{chr(code)}b"


def test_escapes_of_characters_beyond_the_bmp_are_unambiguous() -> None:
    # "\ue0041" would read as U+E004 followed by "1".
    assert visible("x\U000e0041") == "x\\U000e0041"
    assert visible("x\u3164") == "x\\u3164"


def test_every_hiding_character_is_escaped_in_json() -> None:
    text = "".join(chr(code) for code in HIDING)
    encoded = json_safe(json.dumps({"t": text}, ensure_ascii=False))
    assert FORBIDDEN_IN_OUTPUT.search(encoded) is None
    assert json.loads(encoded) == {"t": text}  # the same data


def test_matching_folds_every_hiding_character_away() -> None:
    for code in HIDING:
        char = chr(code)
        if char.isspace():
            continue  # a line break or separator still separates words
        assert fold(f"Ge{char}meente") == "gemeente", f"U+{code:04X}"

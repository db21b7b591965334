"""Reference data from the Unicode Character Database, for the text-safety tests.

Python's ``unicodedata`` gives general categories but not the binary
properties rrs flags by. These are copied from the UCD files (Unicode 14.0, the
version of Python 3.11's ``unicodedata``; unchanged for these properties in
15.0 and 15.1), so the tests can rebuild the sets by their definitions:

* ``PropList.txt``: ``Other_Default_Ignorable_Code_Point``, ``Variation_Selector``,
  ``Bidi_Control``, ``White_Space``, ``Prepended_Concatenation_Mark``;
* ``DerivedCoreProperties.txt``: ``Default_Ignorable_Code_Point`` as published,
  to check the derivation against.

The tests derive Default_Ignorable_Code_Point by the rule printed in
DerivedCoreProperties.txt::

    Other_Default_Ignorable_Code_Point + Cf + Variation_Selector
    - White_Space - FFF9..FFFB (interlinear annotation format characters)
    - 13430..1343F (Egyptian hieroglyph format characters)
    - Prepended_Concatenation_Mark (exceptional format characters that should be visible)

and compare the result with the published list.
"""

from __future__ import annotations

import re
import unicodedata

Ranges = tuple[tuple[int, int], ...]

OTHER_DEFAULT_IGNORABLE: Ranges = (
    (0x034F, 0x034F),  # COMBINING GRAPHEME JOINER
    (0x115F, 0x1160),  # HANGUL CHOSEONG FILLER..HANGUL JUNGSEONG FILLER
    (0x17B4, 0x17B5),  # KHMER VOWEL INHERENT AQ..KHMER VOWEL INHERENT AA
    (0x2065, 0x2065),  # <reserved-2065>
    (0x3164, 0x3164),  # HANGUL FILLER
    (0xFFA0, 0xFFA0),  # HALFWIDTH HANGUL FILLER
    (0xFFF0, 0xFFF8),  # <reserved-FFF0>..<reserved-FFF8>
    (0xE0000, 0xE0000),  # <reserved-E0000>
    (0xE0002, 0xE001F),  # <reserved-E0002>..<reserved-E001F>
    (0xE0080, 0xE00FF),  # <reserved-E0080>..<reserved-E00FF>
    (0xE01F0, 0xE0FFF),  # <reserved-E01F0>..<reserved-E0FFF>
)

VARIATION_SELECTOR: Ranges = (
    (0x180B, 0x180D),  # MONGOLIAN FREE VARIATION SELECTOR ONE..THREE
    (0x180F, 0x180F),  # MONGOLIAN FREE VARIATION SELECTOR FOUR
    (0xFE00, 0xFE0F),  # VARIATION SELECTOR-1..VARIATION SELECTOR-16
    (0xE0100, 0xE01EF),  # VARIATION SELECTOR-17..VARIATION SELECTOR-256
)

BIDI_CONTROL: Ranges = (
    (0x061C, 0x061C),  # ARABIC LETTER MARK
    (0x200E, 0x200F),  # LEFT-TO-RIGHT MARK..RIGHT-TO-LEFT MARK
    (0x202A, 0x202E),  # LEFT-TO-RIGHT EMBEDDING..RIGHT-TO-LEFT OVERRIDE
    (0x2066, 0x2069),  # LEFT-TO-RIGHT ISOLATE..POP DIRECTIONAL ISOLATE
)

WHITE_SPACE: Ranges = (
    (0x0009, 0x000D),
    (0x0020, 0x0020),
    (0x0085, 0x0085),
    (0x00A0, 0x00A0),
    (0x1680, 0x1680),
    (0x2000, 0x200A),
    (0x2028, 0x2029),
    (0x202F, 0x202F),
    (0x205F, 0x205F),
    (0x3000, 0x3000),
)

PREPENDED_CONCATENATION_MARK: Ranges = (
    (0x0600, 0x0605),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
)

# DerivedCoreProperties.txt, "Derived Property: Default_Ignorable_Code_Point" (4,174 code points).
DEFAULT_IGNORABLE_PUBLISHED: Ranges = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180D),
    (0x180E, 0x180E),
    (0x180F, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2065, 0x2065),
    (0x2066, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0000),
    (0xE0001, 0xE0001),
    (0xE0002, 0xE001F),
    (0xE0020, 0xE007F),
    (0xE0080, 0xE00FF),
    (0xE0100, 0xE01EF),
    (0xE01F0, 0xE0FFF),
)

# The tag block, whole (TAG characters and its reserved code points).
TAG_BLOCK: Ranges = ((0xE0000, 0xE007F),)

# Characters that print as a blank but that no property above marks: the
# braille blank (So) and the musical null notehead (So). Hangul fillers are
# already in Other_Default_Ignorable_Code_Point.
BLANK_FILLERS: Ranges = ((0x2800, 0x2800), (0x1D159, 0x1D159))


def expand(ranges: Ranges) -> set[int]:
    return {code for first, last in ranges for code in range(first, last + 1)}


def with_category(*categories: str) -> set[int]:
    """Every code point whose general category (this Python's Unicode) is one of these."""
    wanted = set(categories)
    return {code for code in range(0x110000) if unicodedata.category(chr(code)) in wanted}


def derived_default_ignorable() -> set[int]:
    """Default_Ignorable_Code_Point by its definition (see the module's description)."""
    return (expand(OTHER_DEFAULT_IGNORABLE) | with_category("Cf") | expand(VARIATION_SELECTOR)) - (
        expand(WHITE_SPACE)
        | expand(((0xFFF9, 0xFFFB), (0x13430, 0x1343F)))
        | expand(PREPENDED_CONCATENATION_MARK)
    )


def hiding() -> set[int]:
    """What rrs must flag (RRS112) and never print raw: controls (tab and newline
    aside), line/paragraph separators, format characters, bidi controls, default
    ignorables, the tag block and blank fillers."""
    controls = with_category("Cc") - {0x09, 0x0A}
    return (
        controls
        | with_category("Cf", "Zl", "Zp")
        | expand(BIDI_CONTROL)
        | expand(DEFAULT_IGNORABLE_PUBLISHED)
        | derived_default_ignorable()
        | expand(TAG_BLOCK)
        | expand(BLANK_FILLERS)
    )


def _pattern(codes: set[int]) -> re.Pattern[str]:
    parts = []
    for code in sorted(codes):
        parts.append(f"\\U{code:08x}")
    return re.compile("[" + "".join(parts) + "]")


# What must never reach output raw (tab and newline are allowed where the
# format allows them): built from the reference, not from rrs's own table.
FORBIDDEN_IN_OUTPUT = _pattern(hiding() | {0x0D})

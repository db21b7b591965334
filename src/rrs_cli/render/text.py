"""Escaping and small text helpers shared by every renderer.

Titles and notes come from catalogue files that anyone can edit, so every
renderer escapes what it quotes: Markdown cells cannot break a table or
inject HTML, CSV cells cannot start a spreadsheet formula.
"""

from __future__ import annotations

import re

# Renderers show invisible characters with the core's helper (re-exported here).
from ..textsafety import HIDDEN_RANGES, character_class, contains_any
from ..textsafety import visible as visible


def rich_safe(text: str) -> str:
    """``text`` for a rich renderable: markup escaped, invisible characters shown.

    rich interprets ``[bold]`` and ``[link=...]`` in plain strings; catalogue text
    must never be read as markup.
    """
    from rich.markup import (
        escape,
    )  # here, not at the top: piped output never loads rich (start-up speed)

    return escape(visible(text))


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|<>~])")
# What would make a line a heading, quote, list item or rule at its start.
_BLOCK_START = re.compile(r"^(\s*)(?:([#>+=-])|(\d+)([.)]))")


def _neutral_start(line: str) -> str:
    return _BLOCK_START.sub(
        lambda m: (
            m.group(1) + ("\\" + m.group(2) if m.group(2) else m.group(3) + "\\" + m.group(4))
        ),
        line,
    )


def md_inline(text: str) -> str:
    """Escape ``text`` for one Markdown table cell or inline span.

    Line breaks become spaces, control and invisible characters are shown as
    escapes, Markdown punctuation is backslash-escaped and ``<``/``>``/``&``
    become entities, so no HTML reaches the rendered page. Mentions
    (``@org/team``), references (``#1``, ``GH-1``) and bare URLs are broken up
    with a word joiner (written as the entity ``&#8288;``, so the output stays
    free of invisible characters), so a pull-request comment notifies nobody
    and links nowhere.
    """
    flat = visible(" ".join(text.split()))
    flat = flat.replace("&", "&amp;")
    escaped = _MD_SPECIAL.sub(r"\\\1", flat)
    escaped = escaped.replace("\\<", "&lt;").replace("\\>", "&gt;")
    return _defused(escaped)


_WORD_JOINER = "&#8288;"
# What GitHub turns into a notification or a link in a comment: @mentions,
# #references, GH-references, and the starts of extended autolinks.
_AUTOLINKED = re.compile(
    r"(?P<at>[@#])(?=[\w-])|(?P<gh>\bGH)(?=-\d)|(?P<scheme>\b(?:https?|ftp|mailto|xmpp))(?=:)"
    r"|(?P<www>\bwww)(?=\.)",
    re.IGNORECASE,
)


def _defused(text: str) -> str:
    return _AUTOLINKED.sub(lambda m: m.group() + _WORD_JOINER, text)


def html_inline(text: str) -> str:
    """Escape ``text`` for an HTML element in Markdown (a ``<summary>``): one line,
    invisible characters shown, ``<>&`` as entities, mentions and links defused."""
    import html  # here, not at the top: only Markdown output needs it (start-up speed)

    return _defused(html.escape(visible(" ".join(text.split())), quote=False))


def md_block(text: str) -> str:
    """Escape a multi-paragraph text, keeping its paragraph breaks."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return "\n\n".join(
        "  \n".join(_neutral_start(md_inline(line)) for line in p.splitlines() if line.strip())
        for p in paragraphs
    )


def md_code(text: str) -> str:
    """``text`` as an inline code span; a code span cannot hold a backtick safely."""
    return "`" + visible(" ".join(text.replace("`", "'").split())) + "`"


_FORMULA_START = frozenset("=+-@")


def csv_cell(text: str) -> str:
    """A spreadsheet-safe cell: no line breaks or controls, no formula at any line start.

    Control characters (CR and LF included) are shown as escapes, so a cell is
    one line whatever reader opens it; a line that starts with ``= + - @``
    (after blanks) gets a leading apostrophe, the usual guard against formulas.
    """
    lines = visible(text).split("\n")  # visible() leaves none; kept as a guard
    return "\n".join("'" + line if line.lstrip()[:1] in _FORMULA_START else line for line in lines)


# Characters json.dumps(ensure_ascii=False) leaves raw that a terminal or a
# log viewer would act on or hide: every one of the table but the C0 controls
# (which json.dumps escapes itself).
_JSON_LEAVES = "".join(map(chr, range(0x20)))
_JSON_RAW = re.compile(character_class(HIDDEN_RANGES, leave=_JSON_LEAVES))
# The same test, fast: a substitution with that class checks the ranges beyond the
# Basic Multilingual Plane one by one for every character (0.4 s on the 15 MB
# export of 10,000 actions); most texts hold none of them and skip it.
_any_json_raw = contains_any(HIDDEN_RANGES, leave=_JSON_LEAVES)


def _json_escape(char: str) -> str:
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # JSON writes a character beyond the BMP as a surrogate pair
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_safe(text: str) -> str:
    """JSON text with those characters (and ``##[``) written as ``\\uXXXX`` escapes (same data)."""
    shown = _JSON_RAW.sub(lambda m: _json_escape(m.group()), text) if _any_json_raw(text) else text
    # A CI runner reads ``##[command]`` anywhere in a line, even inside a string.
    return shown.replace("##[", "#\\u0023[") if "##[" in shown else shown


def mermaid_label(text: str) -> str:
    """Text for a quoted Mermaid label: visible, with no quote that could end it."""
    return visible(" ".join(text.split())).replace('"', "#quot;")


def shorten(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"

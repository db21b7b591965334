"""Escaping and small text helpers shared by every renderer.

Titles and notes come from catalogue files that anyone can edit, so every
renderer escapes what it quotes: Markdown cells cannot break a table or
inject HTML, CSV cells cannot start a spreadsheet formula.
"""

from __future__ import annotations

import re

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

    Line breaks become spaces, Markdown punctuation is backslash-escaped and
    ``<``/``>``/``&`` become entities, so no HTML reaches the rendered page.
    """
    flat = " ".join(text.split())
    flat = flat.replace("&", "&amp;")
    escaped = _MD_SPECIAL.sub(r"\\\1", flat)
    return escaped.replace("\\<", "&lt;").replace("\\>", "&gt;")


def md_block(text: str) -> str:
    """Escape a multi-paragraph text, keeping its paragraph breaks."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return "\n\n".join(
        "  \n".join(_neutral_start(md_inline(line)) for line in p.splitlines() if line.strip())
        for p in paragraphs
    )


def md_code(text: str) -> str:
    """``text`` as an inline code span; a code span cannot hold a backtick safely."""
    return "`" + " ".join(text.replace("`", "'").split()) + "`"


def csv_cell(text: str) -> str:
    """Neutralise spreadsheet formulas (a cell starting with = + - @)."""
    if text[:1] in {"=", "+", "-", "@", "\t", "\r"}:
        return "'" + text
    return text


def shorten(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"

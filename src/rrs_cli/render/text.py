"""Escaping and small text helpers shared by every renderer.

Titles and notes come from catalogue files that anyone can edit, so every
renderer escapes what it quotes: Markdown cells cannot break a table or
inject HTML, CSV cells cannot start a spreadsheet formula.
"""

from __future__ import annotations

import re

# Characters that change how a terminal, a log viewer or a CI runner reads the
# text around them: C0 and C1 controls, DEL, bidirectional overrides and
# isolates, zero-width characters, line/paragraph separators and the BOM.
_INVISIBLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
)
_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\x1b": "\\e"}


def _shown(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with every control and invisible character shown as an escape.

    For human-facing output (terminal, CI logs, stderr): ``\x1b]52;...`` cannot
    reach the terminal, a newline cannot start a forged ``::error`` line, and a
    right-to-left override shows as ``\u202e`` instead of reordering the line.
    Text that needs none of this is returned unchanged.
    """
    if _INVISIBLE.search(text) is None:  # the common case: nothing to show
        return text
    if keep_newlines:
        return "\n".join(visible(line) for line in text.split("\n"))
    return _INVISIBLE.sub(lambda m: _shown(m.group()), text)


def has_invisible(text: str) -> bool:
    """Does ``text`` hold a control, bidi or zero-width character (newline and tab aside)?"""
    return any(m.group() not in "\n\t" for m in _INVISIBLE.finditer(text))


def rich_safe(text: str) -> str:
    """``text`` for a rich renderable: markup escaped, invisible characters shown.

    rich interprets ``[bold]`` and ``[link=...]`` in plain strings; catalogue text
    must never be read as markup.
    """
    from rich.markup import escape

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

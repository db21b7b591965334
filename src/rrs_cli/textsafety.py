"""Text safety: control, bidirectional and zero-width characters, shown or detected.

Catalogue text is untrusted: a title may hold an escape sequence for the
terminal, a forged CI command or a right-to-left override. The core uses these
helpers to report such text (validation, revisions, init) and every renderer
uses :func:`visible` before printing it, so they sit below both.
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
    reach the terminal, a newline cannot start a forged ``::error`` line (and
    ``::``/``##[`` are written ``:\\x3a``/``#\\x23[`` wherever they occur, so not
    even a wrapped line can start one), and a right-to-left override shows as
    ``\u202e`` instead of reordering the line.
    Text that needs none of this is returned unchanged.
    """
    if _INVISIBLE.search(text) is None and "::" not in text and "##[" not in text:
        return text  # the common case: nothing to show
    if keep_newlines:
        return "\n".join(visible(line) for line in text.split("\n"))
    shown = _INVISIBLE.sub(lambda m: _shown(m.group()), text)
    if "::" in shown or "##[" in shown:
        # What a CI runner reads as a workflow command (``::error``, ``::add-mask::``,
        # ``##[...]``), at a line start or where a terminal wraps a long word.
        shown = shown.replace("::", ":\\x3a").replace("##[", "#\\x23[")
    return shown


_HIDING = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
)


def has_invisible(text: str) -> bool:
    """Does ``text`` hold a control, bidi or zero-width character (newline and tab aside)?"""
    return _HIDING.search(text) is not None


def invisible_characters(text: str) -> list[str]:
    """The distinct such characters in ``text``, in order of first appearance."""
    return list(dict.fromkeys(_HIDING.findall(text)))

"""A catalogue's own design tokens for the website (strategy.yaml ``site.tokens``).

The website ships a neutral theme: NL Design System component CSS and design
tokens as CSS custom properties (``static/tokens.css``). A catalogue may name a
CSS file of its own tokens (a city's house style), which the site loads after
the neutral one. The file is catalogue content, so it is checked like any:
inside the catalogue folder (no ``..``, no link that leads out), a regular
UTF-8 file of bounded size, and without ``@import`` or ``url(``: a tokens file
sets custom properties, it does not fetch anything (the site's
Content-Security-Policy would block an outside request anyway).
"""

from __future__ import annotations

import re
from pathlib import Path

from .catalogue import Catalogue, leaves
from .diagnostics import Finding, finding
from .layout import STRATEGY_FILE
from .schemacheck import format_path

MAX_TOKENS_BYTES = 256 * 1024
_FETCHES = re.compile(r"@import|url\s*\(", re.IGNORECASE)
LOCATION = ("site", "tokens")


def tokens_path(catalogue: Catalogue) -> Path | None:
    """The tokens file strategy.yaml names, or None."""
    site = catalogue.strategy.site
    if site is None or site.tokens is None:
        return None
    return catalogue.root / site.tokens


def read_tokens(catalogue: Catalogue) -> tuple[bytes | None, list[Finding]]:
    """The tokens file's bytes when strategy.yaml names a usable one; else findings."""
    path = tokens_path(catalogue)
    if path is None:
        return None, []
    strategy_file = catalogue.root / STRATEGY_FILE

    def problem(code: str, message: str) -> tuple[None, list[Finding]]:
        line, column = catalogue.locate(strategy_file, LOCATION)
        return None, [
            finding(
                code,
                message,
                file=strategy_file,
                line=line,
                column=column,
                field_path=format_path(LOCATION),
            )
        ]

    shown = path.relative_to(catalogue.root).as_posix()
    if leaves(path, catalogue.root):
        return problem("RRS013", f"tokens file {shown} leads outside the catalogue; not read")
    if not path.is_file():
        return problem("RRS015", f"tokens file {shown} does not exist in the catalogue folder")
    try:
        size = path.stat().st_size
        if size > MAX_TOKENS_BYTES:
            return problem(
                "RRS014", f"tokens file {shown} is larger than {MAX_TOKENS_BYTES // 1024} kB"
            )
        content = path.read_bytes()
        text = content.decode("utf-8")
    except OSError as error:
        return problem("RRS013", f"tokens file {shown} cannot be read: {error.strerror}")
    except UnicodeDecodeError:
        return problem("RRS013", f"tokens file {shown} is not UTF-8 text")
    if _FETCHES.search(text):
        return problem(
            "RRS007",
            f"tokens file {shown} uses @import or url(): a tokens file sets custom "
            "properties and fetches nothing",
        )
    return content, []

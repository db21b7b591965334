"""A catalogue that validates but whose every text field is hostile.

Script tags, event handlers, ``javascript:`` URLs, attribute breakouts,
template syntax, Markdown and Mermaid syntax, terminal escapes, bidi and
zero-width characters: in titles, owners, partners, notes, progress notes,
goal and quality names and the strategy's own fields. Every script payload
sets ``window.__pwned`` and opens a dialog, so a test can see one run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..catalogues import GOALS, QUALITIES, STRATEGY, connected, flywheel, write_catalogue

SCRIPT = "<script>window.__pwned = 1; alert(1)</script>"
IMG = '<img src=x onerror="window.__pwned = 2; alert(2)">'
JS_URL = "javascript:window.__pwned=3;alert(3)"
BREAKOUT = '" onmouseover="alert(4)" x=\'><svg onload=alert(5)>'
MARKDOWN = "[klik](javascript:alert(6)) **vet** <b>b</b> `code` # kop | cel |"
MERMAID = "```mermaid\ngraph TD; a-->b\nclick a call alert(7)\n``` %%{init: {}}%%"
TEMPLATE = "{{ 7*7 }} {% raw %} ${alert(8)}"
CONTROL = "\x1b[2J\x1b]52;c;SGVsbG8=\x07 \u202eesrever\u202c ze\u200bro \x7f\x85 end"

PAYLOADS = (SCRIPT, IMG, JS_URL, BREAKOUT, MARKDOWN, MERMAID, TEMPLATE, CONTROL)
# The title of action A, as a test can look for it on the page (HTML folds
# whitespace; control characters are shown as escapes, not dropped).
TITLE_A = f"{SCRIPT} {IMG}"


def hostile(index: int) -> str:
    """Payload ``index`` followed by all the others: one string that holds them all."""
    return " ".join(PAYLOADS[index:] + PAYLOADS[:index])


def _actions() -> dict[str, dict[str, Any]]:
    fields = {
        "subtitle": hostile(1),
        "description": hostile(2),
        "resilience_value": hostile(3),
        "owner": hostile(4),
        "partners": hostile(5),
        "funding": hostile(6),
        "status_text": hostile(7),
        "term_text": hostile(0),
        "notes": hostile(1),
        "progress": [
            {"date": "2025-01-15", "status": "starting", "note": hostile(2), "by": hostile(3)},
            {"date": "2025-06-30", "status": "ongoing", "note": hostile(4)},
        ],
    }
    return {
        "A": flywheel("A", title=TITLE_A, links=["1", "2"], **fields),
        "B": flywheel("B", title=hostile(5), goal="cyber", goals=["cyber"], links=["3"]),
        "1": connected("1", title=hostile(2), links=["A"], **fields),
        "2": connected("2", title=JS_URL, links=[]),  # a one-sided link from A
        "3": connected("3", title=MERMAID, goal="cyber", links=["B"], owner=IMG),
        "4": connected("4", title=CONTROL, links_all_flywheels=True, partners=SCRIPT),
    }


def write_hostile_catalogue(folder: Path) -> Path:
    root = folder / "hostile-catalogue"
    goals = [
        {**goal, "name_nl": goal["name_nl"] + " " + hostile(i)} for i, goal in enumerate(GOALS)
    ]
    goals[0]["tagline"] = hostile(3)
    qualities = [{**q, "definition": hostile(i + 2)} for i, q in enumerate(QUALITIES)]
    strategy = {
        **STRATEGY,
        "name": "Strategie " + hostile(0),
        "city": IMG,
        "source": {"title": hostile(1), "publisher": SCRIPT, "url": JS_URL},
        "organisations": [["Gemeente", SCRIPT]],
    }
    write_catalogue(root, _actions(), goals=goals, qualities=qualities, strategy=strategy)
    return root

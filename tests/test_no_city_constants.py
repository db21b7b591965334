"""No strategy's constants in the code: each catalogue describes its own strategy.

Every string literal in ``src/rrs_cli`` (parsed with ``ast``; docstrings are
skipped, comments are not literals) is checked against two lists:

- FORBIDDEN, anywhere in the package: the bundled strategy's city and its
  adjectives, its publication year, its organisations (the names and aliases in
  ``data/strategy.yaml``'s ``organisations`` and their well-known short forms),
  its contact address and mail domain, and its own name. These belong in the
  catalogue (``strategy.yaml``, ``goals.yaml``), never in the code.
- PRINTED_PHRASES, anywhere except ``i18n.py``: phrases the bundled strategy
  prints (its link wording, its field headings). ``i18n.py`` is the one place
  for interface vocabulary in Dutch and English, so the Dutch word for a
  flywheel action may live there as a translation; quoting the strategy's
  printed phrase anywhere else ties a renderer to one strategy.

Dutch *interface* vocabulary that any Dutch-language strategy uses (status
words such as "lopend" accepted by ``--status``) is not strategy-specific and
is allowed. Templates (``templates/*.html``) are checked for the forbidden
words as plain text, since they hold no Python literals.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import yaml

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "rrs_cli"
DATA = Path(__file__).resolve().parents[1] / "data"

FORBIDDEN_WORDS = [
    "Rotterdam",
    "Rotterdamse",
    "Rotterdammer",
    "Rotterdammers",
    "2016",
    "Havenbedrijf",
    "HbR",
    "MRDH",
    "Metropoolregio",
    "Gemeente",
    "100RC",
    "rotterdam.nl",
]
PRINTED_PHRASES = [
    "Alle vliegwielacties",
    "FINANCIËN",
    "MOGELIJK",
    "Korte Termijn (vanaf",
    "Nader te bepalen",
]


def _strategy_words() -> list[str]:
    """The bundled strategy's own names, aliases and contact, from its strategy.yaml."""
    data = yaml.safe_load((DATA / "strategy.yaml").read_text(encoding="utf-8"))
    words = [data["name"], data["name_en"], data["city"], data["contact"]]
    # Generic words an alias list may hold in lower case ("municipality", "port
    # authority", "water board") are interface words, not names.
    words += [
        name for names in data.get("organisations", []) for name in names if name != name.lower()
    ]
    return [w for w in words if w]


def _pattern(words: list[str]) -> re.Pattern[str]:
    alternatives = sorted({re.escape(w) for w in words}, key=len, reverse=True)
    return re.compile(r"(?<![\w@.])(" + "|".join(alternatives) + r")(?![\w])", re.IGNORECASE)


def _docstring_nodes(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body
        ):
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def literals(path: Path) -> Iterator[tuple[int, str]]:
    """(line, text) of every string literal in ``path`` that is not a docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    docstrings = _docstring_nodes(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and id(node) not in docstrings:
            if isinstance(node.value, str):
                yield node.lineno, node.value
            elif isinstance(node.value, int) and not isinstance(node.value, bool):
                yield node.lineno, str(node.value)


def violations(root: Path = PACKAGE) -> list[str]:
    forbidden = _pattern(FORBIDDEN_WORDS + _strategy_words())
    printed = _pattern(PRINTED_PHRASES)
    found = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root.parent)
        for line, value in literals(path):
            for pattern in (forbidden, printed):
                if pattern is printed and path.name == "i18n.py":
                    continue
                match = pattern.search(value)
                if match:
                    found.append(f"{relative}:{line}: {match.group()!r} in {value[:60]!r}")
    for path in sorted(root.rglob("*.html")):
        relative = path.relative_to(root.parent)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = forbidden.search(line) or printed.search(line)
            if match:
                found.append(f"{relative}:{number}: {match.group()!r}")
    return found


def test_no_strategy_constants_in_the_package() -> None:
    found = violations()
    assert not found, (
        "strategy-specific constants in the code (move them to the catalogue's "
        "strategy.yaml or, for interface words, to i18n.py):\n  " + "\n  ".join(found)
    )


def test_the_scan_finds_what_it_looks_for(tmp_path: Path) -> None:
    package = tmp_path / "rrs_cli"
    package.mkdir()
    (package / "bad.py").write_text(
        '"""Docstrings may name Rotterdam (2016)."""\n'
        "# comments may too: Rotterdam\n"
        'TITLE = "Rotterdam Resilience Strategy: progress report"\n'
        "YEAR = 2016\n"
        'MAIL = "mailto:resilience@rotterdam.nl"\n'
        'LINK = "all flywheels (Alle vliegwielacties)"\n'
        'ALIASES = ("havenbedrijf", "hbr")\n'
        'FINE = "Rotterdamsch"  # another word\n'
        "def f():\n"
        '    """Rotterdam in a function docstring."""\n'
        '    return f"Status ({2016})"\n',
        encoding="utf-8",
    )
    (package / "i18n.py").write_text('X = ("Alle vliegwielacties", "All flywheel actions")\n')
    (package / "page.html").write_text("<p>Gemeente</p>\n<p>fine</p>\n")
    found = violations(package)
    lines = sorted({f.split(": ")[0] for f in found})
    assert lines == [
        "rrs_cli/bad.py:11",
        "rrs_cli/bad.py:3",
        "rrs_cli/bad.py:4",
        "rrs_cli/bad.py:5",
        "rrs_cli/bad.py:6",
        "rrs_cli/bad.py:7",
        "rrs_cli/page.html:1",
    ]

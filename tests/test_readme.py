"""The documentation's examples are real: every ```console block is run and compared.

Every ```console block in README.md and docs/*.md (fenced with three or four
backticks) holds one command (``$ rrs ...``) and its output. A block preceded by
``<!-- head: N -->`` shows only the first N lines, followed by ``...``.
Commands run from the repository's root, so ``data/`` and ``tests/fixtures/``
are found as written.

Run ``python -m tests.test_readme`` to refresh the outputs of every page after a
change, or ``python -m tests.test_readme docs/commands.md`` for one page.

The same pages are checked for links: every relative link leads to a file, and
every ``#anchor`` to a heading of its page (as GitHub makes anchors).
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rrs_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"
BLOCK = re.compile(
    r"(?:<!-- head: (\d+) -->\n)?(?P<fence>`{3,4})console\n\$ (rrs [^\n]*)\n(.*?)(?P=fence)", re.S
)
ENV = {"COLUMNS": "80", "NO_COLOR": "1", "RRS_CATALOGUE": None}
FENCE = re.compile(r"(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"(#{1,6}) +(.*?) *#*$")


# Pages whose examples write into a catalogue, run in order by their own test
# (on a copy of the bundled catalogue) rather than here on the bundled one.
OWN_TEST = {"forms.md": "tests/test_docs_forms.py"}


def pages() -> list[Path]:
    """README.md and every page in docs/: the documentation whose examples are tested."""
    return [README, *sorted(DOCS.glob("*.md"))]


def name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def run(command: str, head: int | None) -> str:
    argv = shlex.split(command)[1:]
    result = CliRunner(env=ENV).invoke(app, argv)
    out = result.stdout + result.stderr
    lines = out.splitlines()
    if head is not None and len(lines) > head:
        lines = [*lines[:head], "..."]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def blocks(text: str) -> list[tuple[str, int | None, str]]:
    return [
        (m.group(3), int(m.group(1)) if m.group(1) else None, m.group(4))
        for m in BLOCK.finditer(text)
    ]


def examples() -> list[pytest.ParameterSet]:
    return [
        pytest.param(command, head, shown, id=f"{name(path)}: {command}")
        for path in pages()
        if path.name not in OWN_TEST
        for command, head, shown in blocks(path.read_text(encoding="utf-8"))
    ]


def test_readme_and_commands_have_examples() -> None:
    assert len(blocks(README.read_text(encoding="utf-8"))) >= 5
    assert len(blocks((DOCS / "commands.md").read_text(encoding="utf-8"))) >= 8


@pytest.mark.parametrize(("command", "head", "shown"), examples())
def test_example_output_is_real(
    command: str, head: int | None, shown: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    assert run(command, head) == shown, f"refresh with: python -m tests.test_readme ({command})"


# Links and anchors ---------------------------------------------------------------


def outside_fences(text: str) -> Iterator[str]:
    """The lines of a page that are not inside a fenced code block."""
    fence = ""
    for line in text.splitlines():
        opened = FENCE.match(line)
        if fence:
            closing = line.rstrip()
            if closing.startswith(fence) and closing == fence[0] * len(closing):
                fence = ""
            continue
        if opened:
            fence = opened.group(1)
            continue
        yield line


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link's text only
    return re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")


def heading_anchors(path: Path) -> set[str]:
    found: set[str] = set()
    seen: dict[str, int] = {}
    for line in outside_fences(path.read_text(encoding="utf-8")):
        match = HEADING.match(line)
        if match:
            base = slug(match.group(2))
            count = seen.get(base, 0)
            seen[base] = count + 1
            found.add(base if count == 0 else f"{base}-{count}")
    return found


def links(path: Path) -> list[str]:
    lines = outside_fences(path.read_text(encoding="utf-8"))
    text = "\n".join(CODE_SPAN.sub("", line) for line in lines)
    return [m.group(1) for m in LINK.finditer(text)]


def broken_links(path: Path) -> list[str]:
    broken = []
    for target in links(path):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto: ...
            continue
        file_part, _, anchor = target.partition("#")
        linked = (path.parent / file_part).resolve() if file_part else path
        if not linked.exists():
            broken.append(f"{target}: no such file")
        elif anchor and linked.suffix == ".md" and anchor not in heading_anchors(linked):
            broken.append(f"{target}: no heading with this anchor")
    return broken


@pytest.mark.parametrize("path", [*pages(), *sorted((ROOT / "benchmarks").glob("*.md"))], ids=name)
def test_links_lead_somewhere(path: Path) -> None:
    assert broken_links(path) == []


def test_every_page_is_in_the_index() -> None:
    index = set(links(DOCS / "README.md"))
    missing = [p.name for p in DOCS.glob("*.md") if p.name != "README.md" and p.name not in index]
    assert missing == [], "list these pages in docs/README.md"


def test_first_screen_of_the_readme_points_every_role_into_the_docs() -> None:
    first_screen = "\n".join(README.read_text(encoding="utf-8").splitlines()[:40])
    for page in ("commands.md", "catalogue.md", "ci.md", "validation.md", "development.md"):
        assert f"(docs/{page}" in first_screen, f"docs/{page} is not linked in the first screen"


def test_the_anchor_rule_is_githubs() -> None:
    assert slug("`rrs list`: find actions") == "rrs-list-find-actions"
    assert slug("Your own city's strategy") == "your-own-citys-strategy"
    assert slug("Many findings (10,000 actions, 9,996 findings against 42)") == (
        "many-findings-10000-actions-9996-findings-against-42"
    )


# Refreshing ----------------------------------------------------------------------


def update(path: Path) -> None:
    text = path.read_text(encoding="utf-8")

    def fill(match: re.Match[str]) -> str:
        head = int(match.group(1)) if match.group(1) else None
        prefix = f"<!-- head: {head} -->\n" if head is not None else ""
        fence, command = match.group("fence"), match.group(3)
        return f"{prefix}{fence}console\n$ {command}\n{run(command, head)}{fence}"

    path.write_text(BLOCK.sub(fill, text), encoding="utf-8")


if __name__ == "__main__":
    chosen = [Path(arg).resolve() for arg in sys.argv[1:]]
    os.chdir(ROOT)
    for page in chosen or pages():
        if page.name not in OWN_TEST:
            update(page)
    sys.exit(0)

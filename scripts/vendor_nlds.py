"""Refresh the NL Design System CSS that the website bundles, from npm.

The website follows NL Design System: its components' CSS comes from the
community package ``@utrecht/component-library-css`` (EUPL-1.2), vendored into
``src/rrs_cli/static/vendor/utrecht/`` so that nothing is fetched when a site
is built or viewed. Only the components the site uses are kept (COMPONENTS);
the licence and a README naming the version and the package's checksum go
beside the CSS.

    python scripts/vendor_nlds.py                 # the version in VERSION
    python scripts/vendor_nlds.py --version 9.0.4

Needs ``npm`` (it runs ``npm pack``, which only downloads the package). The
output is deterministic: the same package version gives the same files, so a
refresh shows in ``git diff`` only when the package changed.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "rrs_cli" / "static" / "vendor" / "utrecht"
PACKAGE = "@utrecht/component-library-css"
VERSION = "9.0.4"
# The components the site's templates use (class prefix after "utrecht-").
COMPONENTS = (
    "alert",
    "alternate-lang-nav",
    "button",
    "data-list",
    "form-field",
    "form-field-description",
    "form-fieldset",
    "form-label",
    "link",
    "nav-bar",
    "nav-list",
    "ordered-list",
    "pagination",
    "select",
    "skip-link",
    "table",
    "table-container",
    "textbox",
    "unordered-list",
)

# Variants the site never uses: rules (or the parts of a selector list) for them
# are left out, so the bundled CSS holds what the pages need.
DROPPED_MODIFIERS = re.compile(
    r"--(?:subtle|warning|ready|danger|busy|invalid|pressed|disabled|placeholder[a-z-]*"
    r"|[a-z-]*-size|url|tel|password|numeric|read-only|row-hover|row-focus-within|oneline"
    r"|fixed|alternate-row-color|distanced|telephone|box-content|html-span|ltr|rtl)\b"
)


def pack(version: str, work: Path) -> tuple[Path, dict[str, object]]:
    """``npm pack`` the package into ``work``; the tarball and npm's report on it."""
    done = subprocess.run(
        ["npm", "pack", f"{PACKAGE}@{version}", "--json", "--pack-destination", str(work)],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(done.stdout)[0]
    return work / report["filename"], report


def split_rules(css: str) -> list[str]:
    """The top-level rules and at-rule blocks of ``css``, comments removed."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    rules: list[str] = []
    depth, start = 0, 0
    quote = ""
    for index, char in enumerate(css):
        if quote:
            if char == quote and css[index - 1] != "\\":
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                rules.append(css[start : index + 1].strip())
                start = index + 1
        elif char == ";" and depth == 0:  # @charset, @import
            start = index + 1
    return rules


def selectors(head: str) -> list[str]:
    """The selectors of a selector list (commas inside ``:not(...)`` do not split)."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(head):
        depth += char == "("
        depth -= char == ")"
        if char == "," and depth == 0:
            parts.append(head[start:index].strip())
            start = index + 1
    return [*parts, head[start:].strip()]


def wanted(selector: str) -> bool:
    """Does the selector style one of COMPONENTS, in a variant the site uses?"""
    names = set(re.findall(r"\.utrecht-([a-z0-9-]+?)(?:__|--|(?![a-z0-9-]))", selector))
    return bool(names) and names <= set(COMPONENTS) and not DROPPED_MODIFIERS.search(selector)


def keep(rule: str) -> str | None:
    """``rule`` when it styles only COMPONENTS; an at-rule block keeps its matching rules."""
    head, _, body = rule.partition("{")
    head = head.strip()
    if head.startswith("@"):
        inner = [kept for item in split_rules(body.rsplit("}", 1)[0]) if (kept := keep(item))]
        return f"{head} {{\n" + "\n".join(inner) + "\n}" if inner else None
    kept = [selector for selector in selectors(head) if wanted(selector)]
    return ",\n".join(kept) + " {" + body if kept else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default=VERSION)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rrs-nlds-") as work:
        tarball, report = pack(options.version, Path(work))
        with tarfile.open(tarball) as archive:
            css = archive.extractfile("package/dist/index.css").read().decode()  # type: ignore[union-attr]
            licence = archive.extractfile("package/LICENSE.md").read().decode()  # type: ignore[union-attr]
    kept = [rule for item in split_rules(css) if (rule := keep(item))]
    TARGET.mkdir(parents=True, exist_ok=True)
    header = (
        f"/* {PACKAGE} {options.version}, components: {', '.join(COMPONENTS)}.\n"
        " * @license EUPL-1.2 (LICENCE.md). Copyright (c) Gemeente Utrecht, Frameless B.V.\n"
        " * and the NL Design System community.\n"
        " * Selected by scripts/vendor_nlds.py; do not edit. */\n"
    )
    (TARGET / "utrecht.css").write_text(header + "\n".join(kept) + "\n", encoding="utf-8")
    (TARGET / "LICENCE.md").write_text(licence, encoding="utf-8")
    (TARGET / "README.md").write_text(
        f"# NL Design System component CSS\n\n"
        f"`utrecht.css` holds the rules of these components from `{PACKAGE}` "
        f"version {options.version} (npm, licence EUPL-1.2, see `LICENCE.md`):\n"
        + "".join(f"`utrecht-{name}`, " for name in COMPONENTS[:-1])
        + f"`utrecht-{COMPONENTS[-1]}`.\n\n"
        f"Package checksum (npm `integrity`): `{report['integrity']}`.\n\n"
        "The files are made by `scripts/vendor_nlds.py` (run it to refresh them from npm); "
        "the site bundles them, nothing is fetched when a site is built or viewed. The "
        "component CSS reads design tokens (CSS custom properties): the site's neutral "
        "theme is `static/tokens.css`, and a catalogue can name its own in `strategy.yaml`.\n",
        encoding="utf-8",
    )
    print(f"wrote {TARGET.relative_to(ROOT)}: {len(kept)} rules from {PACKAGE} {options.version}")


if __name__ == "__main__":
    main()

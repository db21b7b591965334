"""Writing the website: a temporary folder beside the target, swapped in whole.

:func:`check_output` refuses targets that could destroy something that is not
a site rrs built; :func:`build_site` renders every page into a fresh folder
next to the target (the action pages first, then the search indexer, Pagefind,
indexes them in a background thread while the other pages are written), and
only then swaps it in, so a failed build leaves the old site as it was. Nothing outside
the target folder and rrs's own temporary folders is ever deleted.
``serve`` previews a built site on localhost.
"""

from __future__ import annotations

import contextlib
import gc
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..catalogue import Catalogue
from ..diagnostics import Finding
from ..errors import RrsError, WriteRefusedError
from ..graph import LinkGraph
from ..i18n import Language
from ..theme import read_tokens
from ..tools import tool_environment
from ..writing import temporary_prefix
from .model import build_site_model
from .pages import MARKER, SitePages

# Pagefind's stemmer knows these languages (ISO 639-1); others index unstemmed.
PAGEFIND_LANGUAGES = frozenset(
    {"ar", "da", "de", "el", "en", "es", "fi", "fr", "ga", "hi", "hu", "hy", "id", "it"}
    | {"lt", "ne", "nl", "no", "pl", "pt", "ro", "ru", "sr", "sv", "ta", "tr", "yi"}
)


class SearchIndexError(RrsError):
    """The search indexer ran and failed."""

    exit_code = 1


@dataclass(frozen=True)
class BuildResult:
    output: Path
    files: int
    search: bool  # was a search index built?


def check_output(output: Path, catalogue_root: Path, *, force: bool) -> None:
    """Refuse an output folder whose replacement could destroy someone's files."""
    target = output.absolute()
    resolved = output.resolve()
    catalogue = catalogue_root.resolve()
    if output.is_symlink():
        raise WriteRefusedError(
            f"'{output}' is a symbolic link; rrs replaces the output folder whole and does "
            "not follow links",
            hint="give the real folder",
        )
    if resolved == catalogue or resolved in catalogue.parents:
        raise WriteRefusedError(
            f"'{output}' is the catalogue or a folder that contains it; building the site "
            "there would replace the catalogue",
            hint="choose another folder, for example --output site",
        )
    if resolved.is_relative_to(catalogue):
        raise WriteRefusedError(
            f"'{output}' is inside the catalogue; rrs site does not write into the catalogue "
            "(with --force it would replace catalogue files)",
            hint="choose a folder outside the catalogue, for example --output ../site",
        )
    if resolved == Path.home().resolve() or resolved == Path(resolved.anchor):
        raise WriteRefusedError(f"'{output}' is a home or root folder; refusing to replace it")
    if target.exists() and not target.is_dir():
        raise WriteRefusedError(f"'{output}' exists and is not a folder")
    if not target.parent.is_dir():
        raise WriteRefusedError(f"folder '{target.parent}' does not exist")
    if target.is_dir() and not (target / MARKER).is_file() and any(target.iterdir()) and not force:
        raise WriteRefusedError(
            f"'{output}' is not empty and was not made by rrs site (no {MARKER} file); "
            "its content would be replaced",
            hint="choose an empty or new folder, or pass --force to replace it",
        )


def pagefind_executable() -> Path | None:
    """The Pagefind binary from the ``pagefind[bin]`` package, or on PATH."""
    try:
        import pagefind_bin  # type: ignore[import-not-found,import-untyped,unused-ignore]

        return Path(pagefind_bin.get_executable())
    except (ImportError, FileNotFoundError):
        found = shutil.which("pagefind")
        return Path(found) if found else None


def run_pagefind(executable: Path, folder: Path, language: str) -> None:
    # Only the action pages carry data-pagefind-body: the glob spares the
    # indexer reading every other page (the report alone is megabytes).
    command = [str(executable), "--site", str(folder.absolute()), "--glob", "actions/*.html"]
    command += ["--output-subdir", "pagefind", "--silent"]
    if language in PAGEFIND_LANGUAGES:
        command += ["--force-language", language]
    # Pagefind reads pagefind.{yml,yaml,json,toml} from its working folder and
    # PAGEFIND_* variables (a log file to write, a server to start): it runs in
    # an empty private folder, with a clean environment, every option above.
    with tempfile.TemporaryDirectory(prefix="rrs-pagefind-") as private:
        try:
            done = subprocess.run(
                command,
                cwd=private,
                env=tool_environment(),
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                timeout=600,
                check=False,
            )
        except (OSError, subprocess.SubprocessError) as error:
            raise SearchIndexError(f"the search indexer could not run: {error}") from None
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise SearchIndexError(
            "the search indexer (Pagefind) failed", hint=" / ".join(detail) or "no output"
        )
    # The site has its own search interface: Pagefind's ready-made ones are not used.
    for unused in (folder / "pagefind").glob("pagefind-*ui*"):
        unused.unlink()
    with contextlib.suppress(FileNotFoundError):
        (folder / "pagefind" / "pagefind-highlight.js").unlink()


class _Indexer:
    """:func:`run_pagefind` in a background thread; :meth:`wait` re-raises its error."""

    def __init__(self, executable: Path, folder: Path, language: str) -> None:
        self.error: BaseException | None = None
        self.thread = threading.Thread(
            target=self._run, args=(executable, folder, language), daemon=True
        )
        self.thread.start()

    def _run(self, executable: Path, folder: Path, language: str) -> None:
        try:
            run_pagefind(executable, folder, language)
        except BaseException as error:  # handed to the building thread by wait()
            self.error = error

    def wait(self) -> None:
        self.thread.join()
        if self.error is not None:
            raise self.error


def build_site(
    catalogue: Catalogue,
    graph: LinkGraph,
    findings: list[Finding],
    output: Path,
    *,
    lang: Language,
    as_of: date,
    contact: str | None = None,
    base_url: str | None = None,
    force: bool = False,
    search: bool = True,
    progress: Callable[[int, int], None] | None = None,
    also: Language | None = None,
) -> BuildResult:
    """Build the whole site into ``output`` (replacing a previous build atomically).

    With ``also``, the same site in that language goes into ``output/<also>/``,
    and every page of each links to the same page of the other.
    """
    check_output(output, catalogue.root, force=force)
    theme, _ = read_tokens(catalogue)  # a problem with it is a validation error
    languages = [lang] if also is None or also == lang else [lang, also]
    pagefind = pagefind_executable() if search else None
    sites: list[tuple[str, SitePages]] = []
    for index, language in enumerate(languages):
        model = build_site_model(
            catalogue, graph, findings, lang=language, as_of=as_of, contact=contact,
            base_url=_subsite_url(base_url, index, language),
        )  # fmt: skip
        other = None if len(languages) == 1 else (f"{languages[1]}/" if index == 0 else "../")
        pages = SitePages(
            model, catalogue, graph, search=pagefind is not None, other_site=other, theme=theme
        )
        sites.append(("" if index == 0 else f"{language}/", pages))
    # The page model is many long-lived objects: frozen, the collector stops
    # rescanning them while the pages (many short-lived strings) are rendered.
    gc.freeze()
    target = output.absolute()
    temp = Path(tempfile.mkdtemp(prefix=temporary_prefix(target), suffix=".tmp", dir=target.parent))
    indexers: list[_Indexer] = []
    try:
        total = sum(site.count() for _, site in sites) + 1
        done = 0

        def tick() -> None:
            nonlocal done
            done += 1
            if progress:
                progress(done, total)

        made: set[Path] = set()

        def write(prefix: str, files: Iterator[tuple[str, bytes]]) -> int:
            written = 0
            for relative, content in files:
                path = temp / (prefix + relative)
                if path.parent not in made:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    made.add(path.parent)
                path.write_bytes(content)
                written += 1
            return written

        count = 0
        try:
            for prefix, site in sites:
                # The action pages first: the indexer reads only those, so it runs
                # beside the rendering of everything else (two cores, two jobs).
                count += write(prefix, site.action_files(tick))
                if pagefind:  # the catalogue's text is in its own language on both sites
                    stemming = catalogue.strategy.language
                    indexers.append(_Indexer(pagefind, temp / prefix, stemming))
                count += write(prefix, site.other_files(tick))
        except BaseException:
            for indexer in indexers:
                indexer.thread.join()  # before the temporary folder is removed
            raise
        for indexer in indexers:
            indexer.wait()
        tick()
        temp.chmod(0o755)
        _swap(temp, target)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return BuildResult(output, count, pagefind is not None)


def _subsite_url(base_url: str | None, index: int, language: str) -> str | None:
    """The public address of the site in one language (the second is in a subfolder)."""
    if base_url is None or index == 0:
        return base_url
    return f"{base_url.rstrip('/')}/{language}/"


def _swap(new: Path, target: Path) -> None:
    """Put ``new`` where ``target`` is; the old folder is removed only after the swap."""
    if not target.exists():
        new.rename(target)
        return
    old = Path(
        tempfile.mkdtemp(prefix=temporary_prefix(target, ".old"), suffix=".old", dir=target.parent)
    )
    old.rmdir()
    target.rename(old)
    try:
        new.rename(target)
    except BaseException:
        old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)

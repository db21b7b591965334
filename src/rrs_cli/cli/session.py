"""The session: which catalogue one invocation uses, and what an incomplete read means.

A query reads the catalogue once; files with errors are left out of the answer,
named on stderr, and the command then exits 1 (:class:`~rrs_cli.cli.app.RrsGroup`
checks :attr:`Session.incomplete`). Writing commands get a catalogue of the
user's own, never the bundled one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ..errors import CatalogueInvalidError, UsageError
from ..textsafety import visible
from .output import stderr_is_terminal

# The core (discovery, catalogue, query, renderers) is imported inside the methods
# that need it, not at the top: `rrs --help` and `rrs where` never load it (start-up speed).
if TYPE_CHECKING:
    from ..catalogue import Catalogue
    from ..diagnostics import Finding
    from ..discovery import CatalogueLocation
    from ..graph import LinkGraph


@dataclass
class Session:
    """What one invocation knows: where the catalogue is, and (lazily) its content."""

    option: Path | None
    _loaded: tuple[Catalogue, LinkGraph, list[Finding]] | None = field(default=None)
    incomplete: bool = False  # files with errors were left out of the answer
    _location: CatalogueLocation | None = None
    _hinted: bool = False

    def catalogue_after_command(self, value: Path) -> None:
        """``-C PATH`` after the command name: fine unless it names another folder."""
        if self.option is not None and not _same_path(self.option, value):
            raise UsageError(
                f"--catalogue given twice with different folders: '{self.option}' before "
                f"the command and '{value}' after it",
                hint="give it once",
            )
        self.option = value

    @property
    def location(self) -> CatalogueLocation:
        """Which catalogue, and how it was chosen (option, environment, discovered, bundled)."""
        if self._location is None:
            from ..discovery import locate

            self._location = locate(self.option)
        return self._location

    @property
    def root(self) -> Path:
        """The catalogue for reading; a hint on stderr when it is the bundled one."""
        location = self.location
        if not self._hinted:
            self._hinted = True
            _bundled_hint(location)
        return location.path

    def root_for_writing(self, command: str) -> Path:
        """The catalogue a writing command may change (never the bundled one: exit 2)."""
        from ..discovery import catalogue_for_writing

        return catalogue_for_writing(self.location, command)

    def open(self) -> tuple[Catalogue, LinkGraph]:
        """The catalogue for a query; warns on stderr when parts of it were skipped."""
        if self._loaded is None:
            from ..catalogue import load_catalogue
            from ..graph import LinkGraph

            result = load_catalogue(self.root)
            graph = LinkGraph.build(result.catalogue)
            self._loaded = (result.catalogue, graph, result.findings)
        catalogue, graph, findings = self._loaded
        errors = [f for f in findings if f.severity.value == "error"]
        if errors and not self.incomplete:
            self.incomplete = True
            _report_skipped(errors)
            if not catalogue.actions:
                raise CatalogueInvalidError(
                    f"the catalogue at '{self.root}' has no readable actions",
                    hint="run `rrs validate` to see every problem",
                )
        return catalogue, graph

    def action(self, value: str) -> Any:
        """The action ``value`` names; when its file has errors, says so and where."""
        from ..query import resolve_action

        catalogue, _ = self.open()
        assert self._loaded is not None
        return resolve_action(catalogue, value, self._loaded[2])


def _report_skipped(errors: list[Finding], most: int = 10) -> None:
    """Name the problems that made files drop out of an answer (stderr)."""
    from ..render.findings import text

    typer.echo(text(errors[:most]), err=True, nl=False)
    more = f" ({len(errors) - most} more not shown)" if len(errors) > most else ""
    typer.echo(
        f"rrs: {len(errors)} error(s) in the catalogue{more}; files with errors are left out "
        "of this answer (exit 1). Run `rrs validate` for the full report.",
        err=True,
    )


def session_of(ctx: typer.Context) -> Session:
    session = ctx.find_object(Session)
    assert session is not None  # set by the callback for every command
    return session


def _same_path(one: Path, other: Path) -> bool:
    return one == other or one.resolve() == other.resolve()


HINT_OFF_VAR = "RRS_NO_HINT"


def _bundled_hint(location: CatalogueLocation) -> None:
    """Say on stderr (never stdout) that the bundled catalogue is in use.

    Only when stderr is a terminal, so scripts and CI logs stay clean; setting
    RRS_NO_HINT silences it in a terminal too.
    """
    from ..discovery import bundled_hint, discovered_notice

    hint = bundled_hint(location)
    if hint and stderr_is_terminal() and not os.environ.get(HINT_OFF_VAR):
        typer.echo(visible(hint), err=True)
    # A catalogue found above the current folder is always named (a log shows it too).
    notice = discovered_notice(location)
    if notice:
        typer.echo(visible(notice), err=True)

"""The ``rrs`` application: its command group, errors turned into exit codes, ``-C``.

Errors from the core (:class:`RrsError`) become a message on stderr and an
exit code in one place, :meth:`RrsGroup.invoke`. Data goes to stdout,
diagnostics to stderr.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup, TyperOption

from .. import __version__
from ..errors import EXIT_FINDINGS, EXIT_USAGE, RrsError
from .options import CATALOGUE_HELP
from .output import print_error, shown_path
from .session import Session

APP_HELP = (
    "Query, validate and report on a resilience strategy catalogue: goals, actions, "
    "links and progress. The strategy's name, year and contact come from the "
    "catalogue's strategy.yaml (see `rrs report`, `rrs show`)."
)


class RrsGroup(TyperGroup):
    """Turns every RrsError into one readable line and its exit code.

    It also gives every command the ``--catalogue``/``-C`` option, so it works
    after the command name too (``rrs list -C PATH``) without each command
    declaring it.
    """

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        _add_catalogue_option(self.commands.values())

    def invoke(self, ctx: Any) -> Any:
        try:
            result = super().invoke(ctx)
        except RrsError as error:
            print_error(error.message, error.hint)
            raise typer.Exit(error.exit_code) from None
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except KeyboardInterrupt:
            print_error("interrupted")
            raise typer.Exit(130) from None
        except Exception as error:  # a bug, not bad input: still no traceback
            if os.environ.get("RRS_DEBUG"):
                raise
            print_error(
                f"internal error: {type(error).__name__}: {error}",
                "this is a bug in rrs; set RRS_DEBUG=1 to see the traceback",
            )
            raise typer.Exit(EXIT_USAGE) from None
        session = ctx.find_object(Session)
        if session is not None and session.incomplete:
            # The answer was printed, but without the files that have errors.
            raise typer.Exit(EXIT_FINDINGS)
        return result


def _add_catalogue_option(commands: Iterable[Any]) -> None:
    """Give each command, and each command of a command group, ``-C/--catalogue``."""
    for command in commands:
        command.params.append(_catalogue_after_command_option())
        _add_catalogue_option(getattr(command, "commands", {}).values())


app = typer.Typer(
    cls=RrsGroup,
    name="rrs",
    help=APP_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _catalogue_after_command_option() -> Any:
    """The ``-C/--catalogue`` option every command accepts after its name."""

    def remember(ctx: Any, _param: Any, value: str | None) -> None:
        session = ctx.find_object(Session)
        if value is not None and session is not None:
            session.catalogue_after_command(Path(value))

    return TyperOption(
        param_decls=["--catalogue", "-C", "catalogue_after_command"],
        metavar="PATH",
        expose_value=False,
        callback=remember,
        help=CATALOGUE_HELP,
    )


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    catalogue: Annotated[
        Path | None,
        typer.Option("--catalogue", "-C", metavar="PATH", help=CATALOGUE_HELP),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", help="Show the version and the catalogue in use, and exit."),
    ] = False,
) -> None:
    ctx.obj = Session(catalogue)
    if version:
        location = ctx.obj.location
        typer.echo(f"rrs {__version__}")
        typer.echo(f"catalogue: {shown_path(location.path)} ({location.source.value})")
        raise typer.Exit()
    if ctx.invoked_subcommand is None:
        ctx.fail("Missing command.")

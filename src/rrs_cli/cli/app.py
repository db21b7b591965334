"""The ``rrs`` application: its command group, errors turned into exit codes, ``-C``.

Errors from the core (:class:`RrsError`) become a message on stderr and an
exit code in one place, :meth:`RrsGroup.invoke`. Data goes to stdout,
diagnostics to stderr.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup, TyperOption

from .. import __version__
from ..errors import EXIT_FINDINGS, EXIT_USAGE, RrsError
from .options import CATALOGUE_HELP
from .output import print_error, shown_path
from .session import Session

# Commands whose output goes through a pager in a terminal (pager.py), as git's
# log and diff do; never the ones that ask questions, write files or serve.
PAGED = frozenset(
    {"list", "show", "links", "graph", "diff", "report", "validate", "export", "schema"}
)

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

    def main(self, args: Sequence[str] | None = None, *extra_args: Any, **extra: Any) -> Any:
        """Click's own errors (an unknown option, a missing argument) in rrs's style:
        "rrs: error: ..." with a hint, exit 2, like every other error."""
        if extra.get("standalone_mode", True) is False:
            return super().main(args, *extra_args, **extra)
        extra["standalone_mode"] = False
        try:
            result = super().main(args, *extra_args, **extra)
        except typer.Abort:
            print_error("aborted")
            sys.exit(1)
        except Exception as error:
            usage = _usage_error(error)
            if usage is None:
                raise
            sys.exit(usage)
        sys.exit(result if isinstance(result, int) else 0)

    def invoke(self, ctx: Any) -> Any:
        try:
            result = super().invoke(ctx)
        except BrokenPipeError:
            # The reader went away (a pager quit early, `| head`): not an error.
            return None
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


def _usage_error(error: BaseException) -> int | None:
    """Print a Click usage or parameter error as rrs does; its exit code, or None."""
    # Typer carries its own copy of Click (typer._click); its exceptions are these.
    from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError

    if not isinstance(error, ClickException):
        return None
    if isinstance(error, NoArgsIsHelpError):  # `rrs` or `rrs progress` alone: the help
        error.show()
        return error.exit_code
    message = error.format_message()
    message = message[:1].lower() + message[1:] if message[1:2].islower() else message
    hint = ""
    ctx = getattr(error, "ctx", None) if isinstance(error, UsageError) else None
    if ctx is not None:
        hint = f"see `{ctx.command_path} --help`"
    print_error(message.rstrip("."), hint)
    return error.exit_code


def _add_catalogue_option(commands: Iterable[Any]) -> None:
    """Give each command, and each command of a command group, ``-C/--catalogue``, once.

    A command group (``progress``) is built as an RrsGroup too and adds the
    option to its own commands; it is never added twice.
    """
    for command in commands:
        if not any(param.name == "catalogue_after_command" for param in command.params):
            command.params.append(_catalogue_after_command_option())
        _add_catalogue_option(getattr(command, "commands", {}).values())


app = typer.Typer(
    cls=RrsGroup,
    name="rrs",
    help=APP_HELP,
    no_args_is_help=True,
    # --install-completion and --show-completion (bash, zsh, fish, PowerShell).
    add_completion=True,
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
    no_pager: Annotated[
        bool,
        typer.Option(
            "--no-pager",
            help="Print long output straight to the terminal (default: through $RRS_PAGER, "
            "$PAGER or less, in a terminal only).",
        ),
    ] = False,
) -> None:
    ctx.obj = Session(catalogue)
    if ctx.invoked_subcommand in PAGED and not no_pager:
        from ..pager import paged  # here, not at the top: start-up speed (subprocess)

        ctx.with_resource(paged())
    if version:
        location = ctx.obj.location
        typer.echo(f"rrs {__version__}")
        typer.echo(f"catalogue: {shown_path(location.path)} ({location.source.value})")
        raise typer.Exit()
    if ctx.invoked_subcommand is None:
        ctx.fail("Missing command.")

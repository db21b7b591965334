"""The ``rrs`` command line: parse arguments, call the core, print.

One module per group of commands (Typer's "one file per command" pattern):
``read`` (list, show, links, graph, export, schema, where), ``check`` (validate,
diff), ``write`` (update, new, progress ...), ``forms`` (progress forms,
import, round: a progress round), ``publish`` (report, site) and ``start``
(init), over the shared ``app`` (errors → exit codes, ``-C``), ``session`` (which
catalogue), ``options`` and ``output``. The entry point is :func:`main`.
"""

from __future__ import annotations

import os
import sys
import types

from . import check, forms, publish, read, start, write
from .app import RrsGroup, app
from .session import HINT_OFF_VAR

# `rrs --help` lists the commands in this order (a reader's first steps first),
# whichever module holds them; merging each module's app with `add_typer` would
# list them module by module instead.
COMMAND_ORDER = (
    "list",
    "show",
    "validate",
    "export",
    "links",
    "graph",
    "diff",
    "schema",
    "update",
    "report",
    "new",
    "site",
    "init",
    "where",
)
app.registered_commands += sorted(
    (
        info
        for module in (read, check, write, publish, start)
        for info in module.app.registered_commands
    ),
    key=lambda info: COMMAND_ORDER.index(str(info.name)),  # a command left out fails here
)
write.progress_app.registered_commands += forms.app.registered_commands
app.add_typer(write.progress_app, name="progress")


def main() -> None:
    """Console-script entry point."""
    # rrs uses no Pydantic plugins; looking for them scans the metadata of every
    # installed package on each start. An explicit setting by the user wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    skip_plugin_loader()
    build_only_the_command_run(sys.argv[1:])
    app()


def skip_plugin_loader() -> None:
    """With every Pydantic plugin disabled, do not import Pydantic's plugin loader.

    Pydantic asks ``pydantic.plugin._loader.get_plugins()`` for plugins when it
    builds the first model; with PYDANTIC_DISABLE_PLUGINS set to ``__all__`` (or
    ``1``, ``true``) it answers ``()``, but importing the loader imports
    ``importlib.metadata`` and with it ``email``, ``zipfile`` and ``tempfile``:
    about a twentieth of `rrs show`'s start-up. A module that gives the same
    answer takes its place (tests/test_startup.py checks Pydantic still imports
    only ``get_plugins`` from it, and answers ``()`` itself).
    """
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in ("__all__", "1", "true"):
        return
    if "pydantic.plugin._loader" in sys.modules:
        return
    loader = types.ModuleType("pydantic.plugin._loader", "Plugins disabled: none to load.")
    loader.get_plugins = lambda: ()  # type: ignore[attr-defined]
    sys.modules["pydantic.plugin._loader"] = loader


HELP_FLAGS = ("-h", "--help")


def build_only_the_command_run(args: list[str]) -> None:
    """Leave out of ``app`` every command but the one ``args`` run (start-up speed).

    Typer turns every registered command into a click command, reading each
    signature and its options, before it runs one: about a tenth of `rrs list`'s
    start-up. The command run is known when exactly one command name appears in
    the arguments and no help flag comes before it. Otherwise (`rrs --help`, a
    misspelt command, a command name also given as a value, shell completion)
    every command is built, as before.
    """
    if any(name.startswith("_") and name.endswith("_COMPLETE") for name in os.environ):
        return
    names = {str(info.name) for info in app.registered_commands}
    groups = {str(info.name) for info in app.registered_groups}
    named = (names | groups).intersection(args)
    if len(named) != 1:
        return
    (name,) = named
    if any(flag in args[: args.index(name)] for flag in HELP_FLAGS):
        return
    app.registered_commands = [info for info in app.registered_commands if info.name == name]
    app.registered_groups = [info for info in app.registered_groups if info.name == name]


__all__ = ["HINT_OFF_VAR", "RrsGroup", "app", "main"]

"""The ``rrs`` command line: parse arguments, call the core, print.

One module per group of commands (Typer's "one file per command" pattern):
``read`` (list, show, links, graph, export, schema, where), ``check`` (validate,
diff), ``write`` (update, new, progress ...), ``forms`` (progress forms,
import, round: a progress round) and ``publish`` (report, site,
init), over the shared ``app`` (errors → exit codes, ``-C``), ``session`` (which
catalogue), ``options`` and ``output``. The entry point is :func:`main`.
"""

from __future__ import annotations

import os

from . import check, forms, publish, read, write
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
    (info for module in (read, check, write, publish) for info in module.app.registered_commands),
    key=lambda info: COMMAND_ORDER.index(str(info.name)),  # a command left out fails here
)
write.progress_app.registered_commands += forms.app.registered_commands
app.add_typer(write.progress_app, name="progress")


def main() -> None:
    """Console-script entry point."""
    # rrs uses no Pydantic plugins; looking for them scans the metadata of every
    # installed package on each start. An explicit setting by the user wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    app()


__all__ = ["HINT_OFF_VAR", "RrsGroup", "app", "main"]

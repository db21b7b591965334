"""Output helpers of the command line: streams, terminals, files, the progress bar.

Data goes to stdout, diagnostics to stderr; whether stdin, stdout or stderr is a
terminal decides questions, colour and hints, so it is asked here, in one place
(tests replace these functions to act as a terminal).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import typer

from ..textsafety import visible

# rich and the writer are imported inside the functions that use them, not at the
# top: most runs print plain text and write nothing (start-up speed).


def print_error(message: str, hint: str = "") -> None:
    """One error on stderr; control characters shown as escapes (catalogue text may be in it)."""
    typer.echo(f"rrs: error: {visible(message)}", err=True)
    for line in hint.split("\n") if hint else ():
        typer.echo(f"  {visible(line.strip())}", err=True)


def interactive() -> bool:
    """May rrs ask questions? Only when a person is typing on standard input."""
    return sys.stdin.isatty()


def plain() -> bool:
    """Output for a pipe or a file: no table lines, no styles, Markdown as text.

    NO_COLOR does not make output plain: in a terminal it only removes colour
    (https://no-color.org), and the report and tables stay rendered.
    """
    return not sys.stdout.isatty()


def rich_console(*, stderr: bool = False) -> Any:
    from rich.console import Console

    no_color = plain() or "NO_COLOR" in os.environ
    return Console(stderr=stderr, no_color=no_color, highlight=False, soft_wrap=False)


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


STDOUT = Path("-")


def to_stdout(output: Path | None) -> bool:
    """No --output, or ``--output -``: the text goes to standard output."""
    return output is None or output == STDOUT


def write_output(text: str, output: Path | None) -> None:
    """Print ``text``, or write it atomically to the --output file."""
    if output is None or to_stdout(output):
        sys.stdout.write(text)
        return
    from ..writing import write_atomic

    write_atomic(output, text)
    typer.echo(f"wrote {output}", err=True)


def shown_path(path: Path) -> str:
    """An absolute path, control characters escaped (a folder name can hold anything)."""
    return visible(str(path.absolute()))


@contextlib.contextmanager
def site_progress() -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on stderr when it is a terminal, for larger builds."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    started: list[Any] = []
    with Progress(
        TextColumn("building site"),
        BarColumn(),
        MofNCompleteColumn(),
        console=rich_console(stderr=True),
        transient=True,
    ) as bar:

        def update(done: int, total: int) -> None:
            if not started:
                if total < 200:  # a moment: no bar
                    started.append(None)
                    return
                started.append(bar.add_task("site", total=total))
            task = started[0]
            if task is not None:
                bar.update(task, completed=done)

        yield update

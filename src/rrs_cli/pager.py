"""Long output through a pager in a terminal, the way git does it.

Only when standard output is a terminal: piped or redirected output is never
paged. The pager is ``$RRS_PAGER``, else ``$PAGER``, else ``less``; an empty
value or ``cat`` means none. ``less`` gets ``LESS=FRX`` unless ``$LESS`` is
set (as git does): it quits at once when the text fits on one screen (F),
shows colours (R) and leaves the text on the screen (X). ``--no-pager``
turns it off for one command.
"""

from __future__ import annotations

import contextlib
import io
import os
import shlex
import subprocess
import sys
from collections.abc import Iterator, Mapping

PAGER_VAR = "RRS_PAGER"
DEFAULT_PAGER = "less"


def pager_command(environ: Mapping[str, str] | None = None) -> list[str] | None:
    """The pager to run, or None for none."""
    env = os.environ if environ is None else environ
    for name in (PAGER_VAR, "PAGER"):
        if name in env:
            value = env[name]
            break
    else:
        value = DEFAULT_PAGER
    try:
        words = shlex.split(value)
    except ValueError:  # an unbalanced quote: not a command rrs can run
        return None
    return None if not words or words == ["cat"] else words


class _PagerStream(io.TextIOWrapper):
    """The pager's input, standing in for the terminal it writes to: colours,
    widths and tables are chosen as for the terminal itself."""

    def isatty(self) -> bool:
        return True


@contextlib.contextmanager
def paged(enabled: bool = True, environ: Mapping[str, str] | None = None) -> Iterator[bool]:
    """Send what is written to standard output through the pager; yields whether it does.

    The pager's end (a person quitting ``less`` early) is not an error.
    """
    command = pager_command(environ) if enabled and sys.stdout.isatty() else None
    if command is None:
        yield False
        return
    env = dict(os.environ if environ is None else environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    try:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, env=env)
    except OSError:  # no such pager: print as if there were none
        yield False
        return
    assert process.stdin is not None
    stream = _PagerStream(process.stdin, encoding=sys.stdout.encoding or "utf-8", errors="replace")
    original = sys.stdout
    sys.stdout = stream
    try:
        yield True
    except BrokenPipeError:
        pass
    finally:
        sys.stdout = original
        with contextlib.suppress(BrokenPipeError, OSError):
            stream.close()
        with contextlib.suppress(KeyboardInterrupt):
            process.wait()

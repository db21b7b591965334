"""The one exception hierarchy of rrs.

Every error the core raises derives from :class:`RrsError`. The CLI turns any
of them into a message on stderr and the exit code the class names, in one
place (``RrsGroup.invoke`` in ``cli/app.py``), so no command needs its own error
handling.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class RrsError(Exception):
    """Base class: a problem rrs can explain to its user."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class CatalogueNotFoundError(RrsError):
    """The catalogue directory does not exist or cannot be read."""


class UnknownChoiceError(RrsError):
    """A command-line value (goal, status, action id, ...) that does not exist."""


class CatalogueInvalidError(RrsError):
    """A command needs a valid catalogue and the catalogue has errors."""

    exit_code = EXIT_FINDINGS


class WriteRefusedError(RrsError):
    """A write was refused to keep data safe (stale file, invalid result, path)."""

    exit_code = EXIT_FINDINGS


class UsageError(RrsError):
    """Options that contradict each other or leave the request ambiguous."""


class AmbiguousChoiceError(UnknownChoiceError):
    """A command-line value that names more than one choice (e.g. several goals)."""


class CatalogueNotWritableError(RrsError):
    """A writing command without a catalogue of the user's own (the bundled one is read-only)."""


class CatalogueRefusedError(RrsError):
    """A catalogue found from the current folder that rrs will not use unless it is named
    (another user's, or two candidates where one would silently hide the other)."""

"""How rrs runs other programs (git, Pagefind): a clean environment, every option explicit.

rrs runs in folders that a pull request controls (a CI job's working folder is
the repository root). A program started there may read its own configuration
from that folder or from variables that say where to look; so:

* the environment is rebuilt from a short list of variables that only say
  where programs and the user's own configuration are (``PATH``, ``HOME``,
  ``XDG_CONFIG_HOME``, git's ``GIT_CONFIG_GLOBAL``/``GIT_CONFIG_SYSTEM``,
  ``TMPDIR``), with a fixed locale; nothing else is passed on (no ``GIT_DIR``,
  ``GIT_CONFIG_PARAMETERS``, ``GIT_EXTERNAL_DIFF``, ``PAGEFIND_*`` ...);
* git gets ``-c`` settings that switch off what can start a command or write
  where it reads (a repository's ``core.fsmonitor``, hooks, pagers); settings
  given with ``-c`` win over any
  configuration file, the repository's own ``.git/config`` included, and rrs
  uses plumbing only (no diff, filter, text conversion or remote);
* Pagefind runs in a fresh private folder (``publish.py``), so it finds no
  ``pagefind.yml`` or ``pagefind.toml`` of anyone else's, and every option it
  uses is on its command line.

The machine's and the user's own git configuration (system and global) stay
in force: they are the CI runner's, which rrs trusts (a container's
``safe.directory`` lives there).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

# Where programs and the user's own configuration are; nothing that changes
# what a program does with the folder it runs in.
_PASSED_ON = ("PATH", "HOME", "XDG_CONFIG_HOME", "TMPDIR", "SYSTEMROOT")
# For git: where the trusted (system and global) configuration is.
_GIT_PASSED_ON = ("GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM", "GIT_CONFIG_NOSYSTEM")

GIT_ENVIRONMENT = {
    "GIT_TERMINAL_PROMPT": "0",  # never wait for a password
    "GIT_LITERAL_PATHSPECS": "1",  # a path is a path, never a pattern
    "GIT_OPTIONAL_LOCKS": "0",  # reading writes nothing (no index refresh)
    "GIT_NO_REPLACE_OBJECTS": "1",  # objects are what they are, not their replacements
    "GIT_ATTR_NOSYSTEM": "1",
}

# Settings that could make the read-only commands rrs uses (rev-parse,
# ls-tree, cat-file) start another program or write. Command-line settings
# outrank every configuration file. rrs never asks git for a diff, a filter, a
# text conversion or a remote, so their commands are never reached.
GIT_SAFE_SETTINGS = (
    "core.fsmonitor=false",  # a repository's fsmonitor is a command git runs
    "core.untrackedCache=false",
    "core.hooksPath=/dev/null",  # no hook of the repository's
    "core.pager=cat",
)


def tool_environment(
    extra: Mapping[str, str] | None = None, *, git: bool = False
) -> dict[str, str]:
    """A clean environment for a program rrs runs (see the module's description)."""
    names = _PASSED_ON + (_GIT_PASSED_ON if git else ())
    env = {name: os.environ[name] for name in names if name in os.environ}
    env.update({"LC_ALL": "C", "LANG": "C"})
    env.update(extra or {})
    return env


def git_command(*args: str) -> list[str]:
    """``git`` with its safe settings, then ``args``."""
    command = ["git", "--no-pager"]
    for setting in GIT_SAFE_SETTINGS:
        command += ["-c", setting]
    return [*command, *args]


def git_environment() -> dict[str, str]:
    return tool_environment(GIT_ENVIRONMENT, git=True)

"""The website, whole: its page model (``model``), pages (``pages``, ``svg``,
``report_parts``), the build (``build``: Pagefind, the atomic swap) and the one
static server (``serve``).

``build_site`` is the entry: a loaded catalogue in, a finished folder out.
"""

from __future__ import annotations

from .build import BuildResult, build_site

__all__ = ["BuildResult", "build_site"]

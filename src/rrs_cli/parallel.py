"""Independent work over many items, split between this process and a forked one.

Reading thousands of catalogue files, or of returned forms, is work per item
that shares nothing: half of it goes to a forked worker while this process
does the other half, which on two free cores takes about half the time. The
worker's results come back pickled, which costs some CPU time; below
``least`` items one process is faster. Without fork (or with other threads
running, where forking is unsafe) everything is done here, in order.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def in_two(
    work: Callable[[list[Item]], list[Result]], items: list[Item], *, least: int
) -> list[Result]:
    """``work(items)``, the second half done by a forked process when there are at
    least ``least`` items. ``work`` returns one result per item, in order; the
    worker inherits ``work`` and ``items`` (nothing is pickled on the way there)."""
    if len(items) < least or (os.cpu_count() or 1) < 2:
        return work(items)
    # Imported here, not at the top: small inputs never fork (start-up speed).
    import multiprocessing
    import threading

    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return work(items)
    global _inherited
    _inherited = (work, items)
    half = len(items) // 2
    try:
        with multiprocessing.get_context("fork").Pool(1) as pool:
            later = pool.apply_async(_second_half, (half,))
            first = work(items[:half])
            return first + later.get()
    finally:
        _inherited = None


_inherited: tuple[Callable[[list[Any]], list[Any]], list[Any]] | None = None


def _second_half(start: int) -> list[Any]:
    """In the forked worker: the inherited work on the items from ``start`` on."""
    assert _inherited is not None
    work, items = _inherited
    return work(items[start:])

"""`rrs where --format json`: which catalogue rrs uses, why, and whether it may write there.

A folder name can hold any character, so the JSON escapes control and
invisible characters as every JSON output of rrs does (same data).
"""

from __future__ import annotations

from ..discovery import CatalogueLocation
from .export import to_json


def json_text(location: CatalogueLocation) -> str:
    return to_json(
        {
            "path": str(location.path.absolute()),
            "source": location.source.value,
            "reason": location.reason,
            "exists": location.path.is_dir(),
            "writable": location.writable,
        }
    )

"""`rrs new` writes `added:` only for a real later addition to a published strategy.

A city transcribing its strategy (before the publication date in
strategy.yaml, or saying so with --published) gets actions that are part of
the strategy: their status is the status at publication.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from rrs_cli.errors import RrsError
from rrs_cli.new_action import create_action
from rrs_cli.validation import validate

from .catalogues import STRATEGY
from .conftest import Invoke, MakeCatalogue

TODAY = date(2026, 3, 1)


def new(root: Path, **options: object) -> dict[str, object]:
    fields = {"id": "45", "kind": "connected", "title": "Nieuw", "links": []}
    create_action(root, dict(fields), today=TODAY, **options)  # type: ignore[arg-type]
    data: dict[str, object] = yaml.safe_load(
        (root / "actions" / "45.yaml").read_text(encoding="utf-8")
    )
    return data


@pytest.mark.parametrize(
    ("published", "added"),
    [
        (2016, TODAY),  # published long ago: a later addition
        (2027, None),  # not yet published: still being transcribed
        ("2026-06-01", None),
        ("2026-02-01", TODAY),
    ],
)
def test_added_follows_the_publication_date(
    make_catalogue: MakeCatalogue, published: object, added: date | None
) -> None:
    root = make_catalogue(strategy={**STRATEGY, "published": published})
    assert new(root).get("added") == added


def test_published_and_added_say_it_explicitly(make_catalogue: MakeCatalogue) -> None:
    assert "added" not in new(make_catalogue(), published=True)
    assert new(make_catalogue(), added=date(2020, 5, 1))["added"] == date(2020, 5, 1)


def test_an_addition_before_publication_is_refused(make_catalogue: MakeCatalogue) -> None:
    root = make_catalogue()
    with pytest.raises(RrsError, match="before the strategy's publication"):
        new(root, added=date(2015, 1, 1))
    assert not (root / "actions" / "45.yaml").exists()
    with pytest.raises(RrsError, match="either"):
        new(root, added=date(2020, 1, 1), published=True)


def test_rrs_new_says_when_it_records_an_addition(
    make_catalogue: MakeCatalogue, rrs: Invoke
) -> None:
    root = make_catalogue()
    result = rrs("new", "45", "--title", "Nieuw", "--link", "B", "--back-link", catalogue=root)
    assert result.exit_code == 0, result.stderr
    assert "is recorded as added on" in result.stderr and "--published" in result.stderr
    assert "added:" in (root / "actions" / "45.yaml").read_text(encoding="utf-8")
    quiet = rrs(
        "new", "46", "--title", "Ook", "--link", "B", "--back-link", "--published", catalogue=root
    )
    assert quiet.exit_code == 0 and "recorded as added" not in quiet.stderr
    assert "added:" not in (root / "actions" / "46.yaml").read_text(encoding="utf-8")
    dated = rrs("new", "47", "--title", "Later", "--added", "2020-05-01", catalogue=root)
    assert "added: 2020-05-01" in (root / "actions" / "47.yaml").read_text(encoding="utf-8")
    assert "recorded as added" not in dated.stderr


def test_a_repeated_progress_entry_warns(make_catalogue: MakeCatalogue, rrs: Invoke) -> None:
    root = make_catalogue()
    args = ("update", "1", "--note", "Kick-off", "--date", "2025-05-01")
    assert "warning" not in rrs(*args, catalogue=root).stderr
    again = rrs(*args, catalogue=root)
    assert again.exit_code == 0
    assert "rrs: warning: this entry repeats the one of 2025-05-01" in again.stderr
    codes = [f.code for f in validate(root) if f.file.endswith("1.yaml")]
    assert codes == ["RRS113"]

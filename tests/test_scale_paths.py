"""The fast paths for large catalogues give exactly what the simple ones give."""

from __future__ import annotations

from pathlib import Path

import pytest

import rrs_cli.catalogue as catalogue_module
from rrs_cli.validation import validate

from .catalogues import connected, default_actions
from .conftest import MakeCatalogue


def many_actions(count: int) -> dict[str, object]:
    actions: dict[str, object] = default_actions()
    actions["A"] = {**actions["A"], "links": ["1", "2", *(str(n) for n in range(4, count))]}
    for number in range(4, count):
        actions[str(number)] = connected(str(number), links=["A"], title=f"Actie {number} ü")
    actions["7"] = "id: [\n"  # one broken file among them
    return actions


def test_parallel_load_equals_sequential(
    make_catalogue: MakeCatalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_catalogue(many_actions(60))
    sequential = validate(root)
    monkeypatch.setattr(catalogue_module, "PARALLEL_FROM", 2)
    parallel = validate(root)
    assert parallel == sequential
    assert [f.code for f in parallel] == ["RRS001"]
    loaded = catalogue_module.load_catalogue(root).catalogue
    assert len(loaded.actions) == 60 and loaded.unreadable_ids == {"7"}


def test_garbage_collector_is_restored(make_catalogue: MakeCatalogue) -> None:
    import gc

    assert gc.isenabled()
    catalogue_module.load_catalogue(make_catalogue())
    assert gc.isenabled()


def test_locations_are_found_after_a_lazy_reparse(make_catalogue: MakeCatalogue) -> None:
    root = make_catalogue()
    result = catalogue_module.load_catalogue(root)
    path: Path = result.catalogue.action_files["1"]
    assert result.catalogue.locate(path, ("links", 0)) == (17, 3)

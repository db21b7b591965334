"""The fast paths for large catalogues give exactly what the simple ones give."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

import rrs_cli.catalogue as catalogue_module
from rrs_cli.fieldspan import field_span
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


# --- progress rounds at scale: the same records and forms as the simple paths ---

# Layouts of an action file around its progress log: each must come out of a batch
# import exactly as from an edit of the whole file (the field's own lines are
# edited and parsed alone where fieldspan allows it).
LAYOUTS = {
    "absent": "id: '{id}'\nkind: connected\ntitle: T\nlinks: [A]\n",
    "empty": "id: '{id}'\nkind: connected\ntitle: T\nprogress: []\nlinks: [A]\n",
    "empty, last, comment": "id: '{id}'\nkind: connected\ntitle: T\nlinks: [A]\n"
    "progress: []  # none yet\n# the end\n",
    "items": "id: '{id}'\nkind: connected\ntitle: T\nprogress:\n"
    "  - date: 2020-01-01\n    status: ongoing\n    note: 'een: twee'\n\n"
    "# about the links\nlinks: [A]\n",
    "items, no indent": "id: '{id}'\nkind: connected\ntitle: T\nlinks:\n- A\nprogress:\n"
    "- date: 2020-01-01\n  status: ongoing\n  note: x\n",
    "anchored": "id: '{id}'\nkind: connected\ntitle: &t T\nsubtitle: *t\nprogress: []\n"
    "links: [A]\n",
    "indented root": "  id: '{id}'\n  kind: connected\n  title: T\n  progress: []\n  links: [A]\n",
    "flow root": "{{id: '{id}', kind: connected, title: T,\nlinks: [A],\nprogress: []}}\n",
    "crlf": "id: '{id}'\r\nkind: connected\r\ntitle: T\r\nprogress: []\r\nlinks: [A]\r\n",
    "line separator": "id: '{id}'\nkind: connected\ntitle: \"T\u2028U\"\nprogress: []\n"
    "links: [A]\n",
    "document markers": "---\nid: '{id}'\nkind: connected\ntitle: T\nlinks: [A]\n"
    "progress: []\n...\n",
}


def every_layout() -> tuple[dict[str, object], list[str], list[Any]]:
    """A catalogue with an action in each of LAYOUTS (linked from A), and an update of each."""
    from rrs_cli.models import Status
    from rrs_cli.progress import Update

    actions: dict[str, object] = default_actions()
    ids = [str(number) for number in range(10, 10 + len(LAYOUTS))]
    for number, layout in zip(ids, LAYOUTS.values(), strict=True):
        actions[number] = layout.format(id=number)
    actions["A"] = {**actions["A"], "links": [*actions["A"]["links"], *ids]}  # type: ignore[index]
    updates = [
        Update(n, Status.ONGOING, f"Stand {n}: ‘goed’", date(2026, 1, 5), "Piet") for n in ids
    ]
    return actions, ids, updates


def test_a_batch_edits_every_layout_as_an_edit_of_the_whole_file(
    make_catalogue: MakeCatalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    import rrs_cli.progress as progress_module
    from rrs_cli.progress import append_many

    actions, ids, updates = every_layout()
    whole = make_catalogue(actions)
    monkeypatch.setattr(progress_module, "field_span", lambda *_: None)
    refused = append_many(whole, updates, today=date(2026, 2, 1)).refused
    monkeypatch.undo()
    spans = make_catalogue(actions)
    assert append_many(spans, updates, today=date(2026, 2, 1)).refused == refused
    # One batch, all or nothing: a file written as {...} and one with CRLF line ends
    # (an error) are refused; the same batch without them is recorded.
    assert [list(LAYOUTS)[number] for number in refused] == ["flow root", "crlf"]
    ids = [n for number, n in enumerate(ids) if number not in refused]
    updates = [u for number, u in enumerate(updates) if number not in refused]
    monkeypatch.setattr(progress_module, "field_span", lambda *_: None)
    assert append_many(whole, updates, today=date(2026, 2, 1)).refused == {}
    monkeypatch.undo()
    found: list[tuple[int, int] | None] = []

    def recorded(*args: Any) -> tuple[int, int] | None:
        found.append(field_span(*args))
        return found[-1]

    monkeypatch.setattr(progress_module, "field_span", recorded)
    assert append_many(spans, updates, today=date(2026, 2, 1)).refused == {}
    # The lines alone for the plain layouts; the whole file for the others.
    whole_file = {"anchored", "indented root", "line separator"}
    plain = [name for name in LAYOUTS if name not in {"flow root", "crlf", *whole_file}]
    assert len(found) == 9 and sum(span is not None for span in found) == len(plain) == 6
    for number in ids:
        name = f"actions/{number}.yaml"
        assert (spans / name).read_bytes() == (whole / name).read_bytes(), name
    found = [(Path(f.file).name, f.line, f.code, f.message) for f in validate(spans)]
    assert found == [(Path(f.file).name, f.line, f.code, f.message) for f in validate(whole)]


def test_a_batch_made_in_two_processes_is_the_batch_made_in_one(
    make_catalogue: MakeCatalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Half of a large batch's changes are made and checked in a forked worker: the
    refusals (from either half) and the files written are those of one process."""
    import rrs_cli.progress as progress_module
    from rrs_cli.models import Status
    from rrs_cli.progress import Update, append_many

    actions, _, updates = every_layout()
    updates.append(Update("1", Status.ONGOING, "te vroeg", date(2026, 3, 1)))  # in the future
    one, two = make_catalogue(actions), make_catalogue(actions)
    alone = append_many(one, updates, today=date(2026, 2, 1)).refused
    monkeypatch.setattr(progress_module, "PARALLEL_FROM", 2)
    assert append_many(two, updates, today=date(2026, 2, 1)).refused == alone
    # Refused in both halves: the flow root and CRLF files early, the date last.
    names = list(LAYOUTS)
    assert sorted(alone) == [names.index("flow root"), names.index("crlf"), len(names)]
    kept = [u for number, u in enumerate(updates) if number not in alone]
    monkeypatch.setattr(progress_module, "PARALLEL_FROM", 10_000)
    assert append_many(one, kept, today=date(2026, 2, 1)).refused == {}
    monkeypatch.setattr(progress_module, "PARALLEL_FROM", 2)
    written = append_many(two, kept, today=date(2026, 2, 1)).written
    assert len(written) == len(kept) == len(LAYOUTS) - 2
    for path in sorted((one / "actions").iterdir()):
        assert (two / "actions" / path.name).read_bytes() == path.read_bytes(), path.name


def test_forms_read_in_two_processes_as_in_one(
    make_catalogue: MakeCatalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    import rrs_cli.forms.read as read_module
    from rrs_cli.cli import app

    root = make_catalogue()
    out = tmp_path / "forms"
    made = CliRunner().invoke(app, ["-C", str(root), "progress", "forms", str(out)])
    assert made.exit_code == 0, made.output
    paths = sorted(out.glob("*.xlsx"))
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not a zip")
    paths.insert(1, tmp_path / "broken.xlsx")
    assert len(paths) >= 3
    one = read_module.read_forms(paths)
    monkeypatch.setattr(read_module, "PARALLEL_FROM", 2)
    two = read_module.read_forms(paths)
    assert two == one and one[1].fatal and not one[0].problems

"""Progress rounds: forms out (`rrs progress forms`), forms in (`rrs progress import`),
and the round's status (`rrs progress round`)."""

from __future__ import annotations

import json
import zipfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from typer.testing import CliRunner

from rrs_cli.catalogue import load_catalogue
from rrs_cli.cli import app
from rrs_cli.cli import forms as forms_command
from rrs_cli.errors import WriteRefusedError
from rrs_cli.forms import round_status
from rrs_cli.forms.check import check_forms
from rrs_cli.forms.read import read_form
from rrs_cli.forms.record import import_forms
from rrs_cli.report import form_owner_groups

from .conftest import STRATEGY, Invoke, MakeCatalogue, connected, default_actions, flywheel
from .formtools import fill_ods, fill_xlsx, parts_of

TODAY = date.today()
PAST = TODAY - timedelta(days=30)


@pytest.fixture
def catalogue(make_catalogue: MakeCatalogue) -> Path:
    strategy = {
        **STRATEGY,
        "organisations": [["Havenbedrijf Rotterdam", "Havenbedrijf", "HbR"]],
    }
    actions = default_actions()
    actions["C"] = flywheel("C", owner="HbR", title='=HYPERLINK("http://x","klik")')
    actions["4"] = connected("4", owner="", title="Zonder eigenaar")
    actions["1"]["progress"] = [
        {"date": PAST - timedelta(days=300), "status": "ongoing", "note": "Gestart", "by": "Piet"}
    ]
    return make_catalogue(actions, strategy=strategy)


def forms(rrs: Invoke, root: Path, out: Path, *args: str) -> Any:
    result = rrs("progress", "forms", str(out), "--round", "2026-Q4", *args, catalogue=root)
    assert result.exit_code == 0, result.stderr
    return result


def imported(rrs: Invoke, root: Path, *args: str) -> Any:
    return rrs("progress", "import", *args, catalogue=root)


def progress_of(root: Path, action_id: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((root / "actions" / f"{action_id}.yaml").read_text(encoding="utf-8"))
    return list(data.get("progress") or [])


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


# --- forms out ------------------------------------------------------------------


def test_one_form_per_owner_grouped_as_the_report_groups_them(
    rrs: Invoke, catalogue: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = forms(rrs, catalogue, out)
    loaded = load_catalogue(catalogue).catalogue
    groups = form_owner_groups(list(loaded.actions.values()), loaded.strategy)
    made = sorted(p.name for p in out.glob("*.xlsx"))
    assert len(made) == len(groups) == 4
    # "HbR" and "Havenbedrijf Rotterdam" are one owner: one form with B and C.
    assert "havenbedrijf-rotterdam.xlsx" in made
    assert "zonder-eigenaar.xlsx" in made
    book = openpyxl.load_workbook(out / "havenbedrijf-rotterdam.xlsx")
    assert [book.worksheets[1][f"A{n}"].value for n in (2, 3)] == ["B", "C"]
    lines = (out / "round.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "eigenaar,bestand,acties,actie-ids"
    assert "Havenbedrijf Rotterdam,havenbedrijf-rotterdam.xlsx,2,B C" in lines
    assert "round 2026-Q4: 4 form(s) for 7 action(s)" in result.stdout
    assert rrs("validate", catalogue=catalogue).exit_code == 0


def test_the_form_instructions_first_protected_with_a_dropdown(
    rrs: Invoke, catalogue: Path, tmp_path: Path
) -> None:
    forms(rrs, catalogue, tmp_path / "out", "--due", (TODAY + timedelta(days=20)).isoformat())
    book = openpyxl.load_workbook(tmp_path / "out" / "havenbedrijf-rotterdam.xlsx")
    assert book.sheetnames == ["Toelichting", "Acties", "rrs"]
    instructions = " ".join(str(c.value) for c in book["Toelichting"]["A"] if c.value)
    assert "Wat vult u in?" in instructions and "uiterlijk" in instructions
    assert "test@example.org" in instructions
    sheet = book["Acties"]
    assert sheet.protection.sheet
    assert sheet["A2"].protection.locked and not sheet["H2"].protection.locked
    assert not sheet["I2"].protection.locked and sheet["I2"].number_format == "yyyy-mm-dd"
    lists = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
    assert lists and "Startend" in lists[0].formula1 and "H2:H3" in str(lists[0].sqref)
    assert book["rrs"].sheet_state == "hidden"
    # A title that looks like a formula is text in the form, never a formula.
    raw = zipfile.ZipFile(tmp_path / "out" / "havenbedrijf-rotterdam.xlsx").read(
        "xl/worksheets/sheet2.xml"
    )
    assert b"<f>" not in raw
    assert sheet["B3"].value == '=HYPERLINK("http://x","klik")'


def test_forms_in_ods(rrs: Invoke, catalogue: Path, tmp_path: Path) -> None:
    forms(rrs, catalogue, tmp_path / "out", "--format", "ods")
    path = tmp_path / "out" / "havenbedrijf-rotterdam.ods"
    content = parts_of(path)["content.xml"].decode()
    assert parts_of(path)["mimetype"] == b"application/vnd.oasis.opendocument.spreadsheet"
    assert 'table:name="Acties" table:style-name="ta" table:protected="true"' in content
    assert "of:cell-content-is-in-list(&quot;Nieuw&quot;;&quot;Startend&quot;" in content
    assert 'table:name="rrs" table:style-name="taHidden"' in content


def test_forms_are_refused_inside_the_catalogue_and_over_existing_files(
    rrs: Invoke, catalogue: Path, tmp_path: Path
) -> None:
    inside = rrs("progress", "forms", str(catalogue / "forms"), catalogue=catalogue)
    assert inside.exit_code == 2 and "inside the catalogue" in inside.stderr
    forms(rrs, catalogue, tmp_path / "out")
    again = rrs("progress", "forms", str(tmp_path / "out"), catalogue=catalogue)
    assert again.exit_code == 1 and "already exists" in again.stderr


def test_owner_option_selects_forms_as_list_owner_does(
    rrs: Invoke, catalogue: Path, tmp_path: Path
) -> None:
    forms(rrs, catalogue, tmp_path / "out", "--owner", "HbR")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "havenbedrijf-rotterdam.xlsx",
        "round.csv",
    ]


# --- forms in ---------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
def test_a_round_trip_records_every_filled_row(
    rrs: Invoke, catalogue: Path, tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / "out"
    forms(rrs, catalogue, out, "--format", suffix)
    fill = fill_xlsx if suffix == "xlsx" else fill_ods
    filled = fill(
        out / f"havenbedrijf-rotterdam.{suffix}",
        tmp_path / f"filled.{suffix}",
        {
            "B": {"status": "Startend", "date": PAST, "note": "Eerste bijeenkomst", "by": "Jan"},
            "C": {"note": "Nog niets nieuws"},
        },
    )
    result = imported(rrs, catalogue, str(filled), "--yes")
    assert result.exit_code == 0, result.stderr
    assert "recorded 2 entries in 2 action file(s)" in result.stderr
    assert progress_of(catalogue, "B") == [
        {"date": PAST, "status": "starting", "note": "Eerste bijeenkomst", "by": "Jan"}
    ]
    assert progress_of(catalogue, "C") == [
        {"date": TODAY, "status": "new", "note": "Nog niets nieuws"}
    ]
    status = round_status(load_catalogue(catalogue).catalogue, "2026-Q4")
    assert status is not None
    assert [o.owner for o in status.owners if o.answered] == ["Havenbedrijf Rotterdam"]
    assert sorted(status.updated) == ["B", "C"]
    shown = rrs("progress", "round", catalogue=catalogue)
    assert "1 of 4 owners answered; 2 of 7 actions updated" in shown.stdout
    line = "Voortgangsronde 2026-Q4: 1 van 4 eigenaren hebben gereageerd; 2 acties bijgewerkt."
    assert f"- {line}" in rrs("report", "--lang", "nl", catalogue=catalogue).stdout
    assert line in rrs("report", "--lang", "nl", "--format", "html", catalogue=catalogue).stdout
    summary = json.loads(rrs("report", "--format", "json", catalogue=catalogue).stdout)["summary"]
    assert summary["round"] == {
        "name": "2026-Q4",
        "owners": 4,
        "answered": 1,
        "actions_updated": 2,
        "actions_waiting": 5,
    }
    # The same form again records nothing, and says so.
    before = snapshot(catalogue)
    again = imported(rrs, catalogue, str(filled), "--yes")
    assert again.exit_code == 0
    assert "nothing to record (every entry is already in the log)" in again.stderr
    assert snapshot(catalogue) == before


@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
def test_days_before_spreadsheet_serials_read_back_unchanged(
    rrs: Invoke, make_catalogue: MakeCatalogue, tmp_path: Path, suffix: str
) -> None:
    """A log entry of 0001-01-01 and a term ending in 1002 (published 1000) are days that
    `rrs validate` accepts but a date serial cannot hold: the .xlsx form once showed them
    as times, and its import refused the row as a changed protected cell."""
    actions = default_actions()
    actions["B"]["term"] = "short"
    actions["B"]["progress"] = [{"date": date(1, 1, 1), "status": "ongoing", "note": "Oud"}]
    root = make_catalogue(actions, strategy={**STRATEGY, "published": 1000})
    out = tmp_path / "out"
    forms(rrs, root, out, "--format", suffix)
    fill = fill_xlsx if suffix == "xlsx" else fill_ods
    filled = fill(
        out / f"havenbedrijf-rotterdam.{suffix}",
        tmp_path / f"filled.{suffix}",
        {"B": {"status": "Afgerond", "date": PAST, "note": "Klaar"}},
    )
    result = imported(rrs, root, str(filled), "--yes")
    assert result.exit_code == 0, result.stderr
    assert progress_of(root, "B")[-1] == {"date": PAST, "status": "completed", "note": "Klaar"}


def test_every_problem_in_one_run_located_and_nothing_recorded(
    rrs: Invoke, catalogue: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    forms(rrs, catalogue, out)
    filled = fill_xlsx(
        out / "cluster-stadsontwikkeling.xlsx",
        tmp_path / "cluster.xlsx",
        {
            "1": {"status": "gestart"},
            "2": {"status": "Lopend", "date": TODAY + timedelta(days=3)},
            "3": {"note": "Loopt \u202egoed"},
        },
    )
    hbr = fill_xlsx(
        out / "havenbedrijf-rotterdam.xlsx", tmp_path / "hbr.xlsx", {"B": {"status": "Afgerond"}}
    )
    before = snapshot(catalogue)
    result = imported(rrs, catalogue, str(filled), str(hbr), "--yes")
    assert result.exit_code == 1
    errors = result.stderr
    assert (
        "cluster.xlsx › Acties › H2: unknown status ‘gestart’ — did you mean ‘Startend’?" in errors
    )
    assert "cluster.xlsx › Acties › I3: " in errors and "in the future" in errors
    assert "cluster.xlsx › Acties › J4: the note holds invisible" in errors
    assert "nothing was recorded" in errors
    assert snapshot(catalogue) == before


def test_same_status_without_a_note_is_refused_as_rrs_update_refuses_it(
    rrs: Invoke, catalogue: Path, tmp_path: Path
) -> None:
    forms(rrs, catalogue, tmp_path / "out")
    filled = fill_xlsx(
        tmp_path / "out" / "havenbedrijf-rotterdam.xlsx",
        tmp_path / "f.xlsx",
        {"B": {"status": "In ontwikkeling"}},
    )
    result = imported(rrs, catalogue, str(filled), "--yes")
    assert result.exit_code == 1
    assert "H2: nothing to record: on" in result.stderr


def test_empty_rows_record_nothing_and_dry_run_writes_nothing(
    rrs: Invoke, catalogue: Path, tmp_path: Path
) -> None:
    forms(rrs, catalogue, tmp_path / "out")
    untouched = tmp_path / "out" / "havenbedrijf-rotterdam.xlsx"
    before = snapshot(catalogue)
    result = imported(rrs, catalogue, str(untouched), "--yes")
    assert result.exit_code == 0 and "nothing to record" in result.stderr
    filled = fill_xlsx(untouched, tmp_path / "f.xlsx", {"B": {"status": "Afgerond", "by": "Jan"}})
    dry = imported(rrs, catalogue, str(filled), "--dry-run")
    assert dry.exit_code == 0 and "In ontwikkeling → Afgerond" in dry.stdout
    assert snapshot(catalogue) == before
    # Not a terminal and no --yes: rrs cannot ask, so it records nothing.
    asked = imported(rrs, catalogue, str(filled))
    assert asked.exit_code == 2 and "--yes" in asked.stderr
    assert snapshot(catalogue) == before


def test_json_review(rrs: Invoke, catalogue: Path, tmp_path: Path) -> None:
    forms(rrs, catalogue, tmp_path / "out")
    filled = fill_xlsx(
        tmp_path / "out" / "havenbedrijf-rotterdam.xlsx",
        tmp_path / "f.xlsx",
        {"B": {"status": "Afgerond", "date": PAST}, "C": {"status": "bezig"}},
    )
    result = imported(rrs, catalogue, str(filled), "--dry-run", "--format", "json")
    data = json.loads(result.stdout)
    assert data["rows"][0]["action"] == "B" and data["rows"][0]["after"] == "completed"
    assert data["problems"][0]["where"].endswith("f.xlsx › Acties › H3")
    assert data["problems"][0]["code"] == "FRM010"
    assert "did you mean ‘Lopend’" in data["problems"][0]["message"]


def test_a_stale_row_is_a_conflict_others_go_on_and_force_row_records_it(
    rrs: Invoke, catalogue: Path, tmp_path: Path
) -> None:
    forms(rrs, catalogue, tmp_path / "out")
    # After the forms went out, action B's log changed.
    done = rrs("update", "B", "--note", "Tussenstand", "--date", str(PAST), catalogue=catalogue)
    assert done.exit_code == 0, done.stderr
    filled = fill_xlsx(
        tmp_path / "out" / "havenbedrijf-rotterdam.xlsx",
        tmp_path / "f.xlsx",
        {"B": {"status": "Afgerond"}, "C": {"status": "Startend"}},
    )
    result = imported(rrs, catalogue, str(filled), "--yes")
    assert result.exit_code == 0, result.stderr
    assert (
        "conflict, skipped: the form saw no entries, In ontwikkeling; the log of B changed "
        f"after the form was made and now ends with {PAST}, in-development" in result.stdout
    )
    assert len(progress_of(catalogue, "B")) == 1
    assert progress_of(catalogue, "C")[0]["status"] == "starting"
    forced = imported(rrs, catalogue, str(filled), "--yes", "--force-row", "b")
    assert forced.exit_code == 0, forced.stderr
    assert progress_of(catalogue, "B")[-1]["status"] == "completed"


def test_a_changed_hidden_sheet_another_catalogue_and_changed_cells_are_refused(
    rrs: Invoke, catalogue: Path, make_catalogue: MakeCatalogue, tmp_path: Path
) -> None:
    forms(rrs, catalogue, tmp_path / "out")
    source = tmp_path / "out" / "havenbedrijf-rotterdam.xlsx"

    def hidden_edit(book: Any) -> None:
        book["rrs"]["B12"] = "0000000000000000"  # B's log fingerprint, to hide a stale form

    def id_edit(book: Any) -> None:
        book["Acties"]["A2"] = "1"  # another owner's action

    def title_edit(book: Any) -> None:
        book["Acties"]["B3"] = "Een andere titel"

    cases = {
        "hidden": (hidden_edit, "the form's hidden sheet ‘rrs’ was changed"),
        "id": (id_edit, "› A2: action ‘1’ is not one of this form's rows"),
        "title": (title_edit, "› B3: a protected cell was changed: it says ‘Een andere titel’"),
    }
    before = snapshot(catalogue)
    for name, (edit, message) in cases.items():
        filled = fill_xlsx(source, tmp_path / f"{name}.xlsx", {"B": {"note": "x"}}, edit=edit)
        result = imported(rrs, catalogue, str(filled), "--yes")
        assert result.exit_code == 1, name
        assert message in result.stderr, (name, result.stderr)
    other = make_catalogue(name="other")
    (tmp_path / "other-out").mkdir()
    forms(rrs, other, tmp_path / "other-out")
    stray = fill_xlsx(
        tmp_path / "other-out" / "havenbedrijf-rotterdam.xlsx", tmp_path / "stray.xlsx", {}
    )
    result = imported(rrs, catalogue, str(stray), "--yes")
    assert result.exit_code == 1
    assert "is not one of the forms made for round 2026-Q4 in this catalogue" in result.stderr
    assert snapshot(catalogue) == before


def test_csv_with_the_forms_columns(rrs: Invoke, catalogue: Path, tmp_path: Path) -> None:
    forms(rrs, catalogue, tmp_path / "out")
    csv_file = tmp_path / "terug.csv"
    csv_file.write_text(
        "Actie;Titel;Status bij publicatie (2016);Status;Laatste melding;Einde termijn;"
        "Laatste toelichting;Nieuwe status;Datum;Toelichting;Gemeld door\n"
        "B;Deltaplan cyber;In ontwikkeling;In ontwikkeling;;;;"
        f"Lopend;{PAST:%d-%m-%Y};Gaat goed;An\n",
        encoding="utf-8",
    )
    result = imported(rrs, catalogue, str(csv_file), "--yes", "--round", "2026-Q4")
    assert result.exit_code == 0, result.stderr
    assert progress_of(catalogue, "B")[0] == {
        "date": PAST,
        "status": "ongoing",
        "note": "Gaat goed",
        "by": "An",
    }
    status = round_status(load_catalogue(catalogue).catalogue)
    assert status is not None and status.answered == 1


def test_all_or_nothing_when_a_write_fails(rrs: Invoke, catalogue: Path, tmp_path: Path) -> None:
    forms(rrs, catalogue, tmp_path / "out")
    filled = fill_xlsx(
        tmp_path / "out" / "havenbedrijf-rotterdam.xlsx",
        tmp_path / "f.xlsx",
        {"B": {"status": "Afgerond"}, "C": {"status": "Startend"}},
    )
    before = snapshot(catalogue)

    def someone_else_writes(path: Path) -> None:
        if path.name == "C.yaml":
            path.write_text(path.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")

    with pytest.raises(WriteRefusedError, match="changed on disk"):
        import_forms(catalogue, [read_form(filled)], today=TODAY, before_write=someone_else_writes)
    after = snapshot(catalogue)
    assert after.pop("actions/C.yaml") != before.pop("actions/C.yaml")
    assert after == before  # B.yaml and rounds.yaml untouched


def test_a_form_imported_again_on_a_later_day_is_still_already_recorded(
    rrs: Invoke, catalogue: Path, tmp_path: Path
) -> None:
    forms(rrs, catalogue, tmp_path / "out")
    filled = fill_xlsx(
        tmp_path / "out" / "havenbedrijf-rotterdam.xlsx", tmp_path / "f.xlsx", {"B": {"note": "x"}}
    )
    assert imported(rrs, catalogue, str(filled), "--yes").exit_code == 0
    later = check_forms(
        load_catalogue(catalogue).catalogue, [read_form(filled)], today=TODAY + timedelta(days=2)
    )
    assert [(r.action_id, r.outcome) for r in later.rows] == [("B", "already")]


def test_in_a_terminal_the_import_asks_and_the_default_is_no(
    rrs: Invoke, catalogue: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(forms_command, "interactive", lambda: True)
    forms(rrs, catalogue, tmp_path / "out")
    filled = fill_xlsx(
        tmp_path / "out" / "havenbedrijf-rotterdam.xlsx", tmp_path / "f.xlsx", {"B": {"note": "x"}}
    )
    before = snapshot(catalogue)
    runner = CliRunner()
    argv = ["-C", str(catalogue), "progress", "import", str(filled)]
    declined = runner.invoke(app, argv, input="\n")
    assert declined.exit_code == 1 and "Record 1 entry? [y/N]" in declined.stdout
    assert snapshot(catalogue) == before
    agreed = runner.invoke(app, argv, input="y\n")
    assert agreed.exit_code == 0, agreed.stderr
    assert progress_of(catalogue, "B")[0]["note"] == "x"


def test_the_same_action_in_two_filled_rows_is_refused(
    rrs: Invoke, catalogue: Path, tmp_path: Path
) -> None:
    forms(rrs, catalogue, tmp_path / "out")
    source = tmp_path / "out" / "havenbedrijf-rotterdam.xlsx"
    first = fill_xlsx(source, tmp_path / "a.xlsx", {"B": {"note": "een"}})
    second = fill_xlsx(source, tmp_path / "b.xlsx", {"B": {"note": "twee"}})
    result = imported(rrs, catalogue, str(first), str(second), "--yes")
    assert result.exit_code == 1
    assert "b.xlsx › Acties › A2: action B is also in" in result.stderr
    # An unfilled copy of a form beside the filled one is no duplicate.
    assert imported(rrs, catalogue, str(first), str(source), "--yes").exit_code == 0

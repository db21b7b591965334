"""One gate that says why: what `rrs validate` lists and counts, in every format.

Accepted findings are one count, listed only on request; with --strict the
warnings that fail the gate are listed even under --errors-only; text, JSON and
GitHub count alike; one run reports every finding of every file.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from rrs_cli.diagnostics import Finding, finding
from rrs_cli.render import findings as render
from rrs_cli.validation import validate

from .conftest import Invoke, MakeCatalogue, default_actions


def _sample(root: Path) -> list[Finding]:
    """One error, one warning, two accepted warnings."""
    path = root / "actions" / "1.yaml"
    error = finding("RRS010", "link Z: there is no action Z", file=path, line=17, column=9)
    warning = finding("RRS101", "1 names B, but B does not name 1 back", file=path, line=17)
    accepted = finding("RRS106", "link A is listed twice", file=path, line=18, column=3)
    empty = finding("RRS103", "the status is empty", file=path, line=9, column=9)
    return [
        error,
        warning,
        replace(accepted, accepted="printed twice"),
        replace(empty, accepted="printed empty"),
    ]


def test_accepted_findings_are_not_listed_unless_asked(tmp_path: Path) -> None:
    found = _sample(tmp_path)
    listed = render.listed(found)
    assert [f.code for f in listed] == ["RRS010", "RRS101"]
    everything = render.listed(found, show_accepted=True)
    assert [f.code for f in everything] == ["RRS010", "RRS101", "RRS106", "RRS103"]


def test_strict_lists_the_warnings_that_fail_it_even_when_quiet(tmp_path: Path) -> None:
    found = _sample(tmp_path)
    assert [f.code for f in render.listed(found, errors_only=True)] == ["RRS010"]
    quiet_strict = render.listed(found, errors_only=True, strict=True)
    assert [f.code for f in quiet_strict] == ["RRS010", "RRS101"]


def test_an_accepted_finding_is_never_shown_as_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    lines = render.text(render.listed(_sample(tmp_path), show_accepted=True)).splitlines()
    assert lines[2] == (
        "actions/1.yaml:18:3: accepted RRS106 repeated-link: link A is listed twice "
        "(reason: printed twice)"
    )
    assert not any(" warning " in line and "accepted" in line for line in lines)


def test_github_format_has_no_annotation_for_accepted_findings(tmp_path: Path) -> None:
    out = render.github(render.listed(_sample(tmp_path), show_accepted=True), strict=False)
    assert [line.split(" ", 1)[0] for line in out.splitlines()] == ["::error", "::warning"]


def test_json_counts_warnings_without_the_accepted_ones(tmp_path: Path) -> None:
    data = json.loads(render.json_text(_sample(tmp_path), strict=False))
    assert (data["errors"], data["warnings"], data["accepted"]) == (1, 1, 2)
    assert [f["code"] for f in data["findings"]] == ["RRS010", "RRS101"]
    shown = json.loads(render.json_text(_sample(tmp_path), strict=False, show_accepted=True))
    assert [f["accepted"] for f in shown["findings"]] == [False, False, True, True]
    assert (shown["errors"], shown["warnings"], shown["accepted"]) == (1, 1, 2)


def test_summary_line_counts_alike_and_says_why(tmp_path: Path) -> None:
    found = _sample(tmp_path)
    only_warning = found[1:]
    line = render.summary_line(only_warning, strict=True, errors_only=True)
    assert line == "0 errors, 1 warning, 2 accepted (listed with --show-accepted)"
    assert render.verdict(only_warning, strict=True) == (
        "failed (--strict: 1 warning that accepted.yaml does not accept)"
    )
    assert render.verdict(only_warning, strict=False) == "ok"
    assert render.verdict(found, strict=False) == "failed"
    quiet = render.summary_line(only_warning, strict=False, errors_only=True)
    assert "(1 warning not shown: --errors-only; 2 accepted listed with --show-accepted)" in quiet
    shown = render.summary_line(found[2:], strict=True, show_accepted=True)
    assert shown == "0 errors, 0 warnings, 2 accepted"


def test_schema_errors_do_not_hide_reference_errors(make_catalogue: MakeCatalogue) -> None:
    actions = default_actions()
    actions["1"] = {**actions["1"], "status": "lopendd", "links": ["C", "Z"]}
    found = [f for f in validate(make_catalogue(actions)) if f.file.endswith("1.yaml")]
    assert sorted((f.code, f.field) for f in found) == [
        ("RRS007", "status"),
        ("RRS010", "links[0]"),
        ("RRS010", "links[1]"),
    ]


@pytest.mark.parametrize(
    ("given", "noted"),
    [
        ("cat", False),
        ("cat/actions", True),
        ("cat/actions/", True),
        ("cat/actions/1.yaml", True),
        ("cat/goals.yaml", True),
        (".", True),  # a repository root whose catalogue/ is the catalogue
    ],
)
def test_common_path_mistakes_name_the_catalogue(
    make_catalogue: MakeCatalogue, monkeypatch: pytest.MonkeyPatch, given: str, noted: bool
) -> None:
    from rrs_cli.discovery import catalogue_for_path

    root = make_catalogue(name="cat")
    base = root.parent
    (base / ".git").mkdir()
    (base / "catalogue").symlink_to(root)
    monkeypatch.chdir(base)
    found, note = catalogue_for_path(Path(given))
    expected = Path("catalogue") if given == "." else Path("cat")
    assert found == expected
    assert bool(note) is noted
    if noted:
        assert str(found) in note


def test_a_folder_that_is_no_catalogue_is_left_as_given(tmp_path: Path) -> None:
    from rrs_cli.discovery import catalogue_for_path

    assert catalogue_for_path(tmp_path) == (tmp_path, None)


# --- the command ------------------------------------------------------------


def gate_catalogue(make: MakeCatalogue) -> Path:
    """One accepted one-sided link and one that is not accepted (3 names A)."""
    actions = default_actions()
    actions["A"] = {**actions["A"], "links": ["1", "2", "3"]}  # 3 names B, not A
    actions["2"] = {**actions["2"], "links": ["A", "B"]}  # B does not name 2
    root = make(actions)
    (root / "accepted.yaml").write_text(
        "- {code: RRS101, action: A, field: 'links[2]', reason: printed so}\n", encoding="utf-8"
    )
    return root


def test_strict_and_quiet_still_shows_what_fails_the_gate(
    make_catalogue: MakeCatalogue, rrs: Invoke
) -> None:
    root = gate_catalogue(make_catalogue)
    result = rrs("validate", str(root), "--strict", "-q")
    assert result.exit_code == 1
    assert result.stdout.count("warning RRS101 one-sided-link") == 1
    assert "2 names B" in result.stdout and "printed so" not in result.stdout
    assert result.stderr.rstrip().endswith(
        "0 errors, 1 warning, 1 accepted (listed with --show-accepted): "
        "failed (--strict: 1 warning that accepted.yaml does not accept)"
    )


def test_every_format_counts_alike(make_catalogue: MakeCatalogue, rrs: Invoke) -> None:
    root = gate_catalogue(make_catalogue)
    data = json.loads(rrs("validate", str(root), "--strict", "-f", "json").stdout)
    assert (data["errors"], data["warnings"], data["accepted"], data["ok"]) == (0, 1, 1, False)
    github = rrs("validate", str(root), "--strict", "-f", "github", "--show-accepted")
    assert [line.split(" ")[0] for line in github.stdout.splitlines()] == ["::error"]
    assert "0 errors, 1 warning, 1 accepted" in github.stderr
    text = rrs("validate", str(root), "-v")
    assert "accepted RRS101 one-sided-link [links[2]]" in text.stdout
    assert text.exit_code == 0 and text.stderr.rstrip().endswith("1 warning, 1 accepted: ok")


def test_the_actions_folder_names_its_catalogue(make_catalogue: MakeCatalogue, rrs: Invoke) -> None:
    root = make_catalogue()
    result = rrs("validate", str(root / "actions"))
    assert result.exit_code == 0, result.stderr
    assert "is the actions folder of the catalogue" in result.stderr
    assert result.stderr.rstrip().endswith(f"{root}: 0 errors, 0 warnings: ok")


def test_a_folder_and_another_catalogue_option_are_refused(
    make_catalogue: MakeCatalogue, rrs: Invoke
) -> None:
    one, other = make_catalogue(), make_catalogue()
    result = rrs("validate", str(one), "-C", str(other))
    assert result.exit_code == 2 and "two catalogues named" in result.stderr
    assert rrs("-C", str(one), "validate", str(one / "actions")).exit_code == 0

"""The line editor (rrs update, rrs progress) accepts what validate accepts, or refuses
with the real reason; corrections keep what they do not change (second round)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from rrs_cli import yamledit

from .conftest import Invoke, MakeCatalogue
from .test_progress import HAND_WRITTEN

ENTRY = 'progress:\n  - date: 2020-01-01\n    status: ongoing\n    note: "een"\n'


def catalogue(make: MakeCatalogue, text: str) -> tuple[Path, Path]:
    root = make()
    path = root / "actions" / "A.yaml"
    path.write_bytes(text.encode("utf-8"))
    return root, path


def entries(path: Path) -> list[dict[str, object]]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)  # as rrs reads
    return [{k: str(v) for k, v in e.items()} for e in data.get("progress") or []]


def valid(rrs: Invoke, root: Path) -> None:
    result = rrs("validate", str(root))
    assert result.exit_code == 0, result.stdout


UPDATE = ("update", "A", "--note", "later", "--date", "2021-01-01")


def test_a_tab_after_a_colon(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    root, path = catalogue(make_catalogue, HAND_WRITTEN.replace("status: new", "status:\tnew"))
    valid(rrs, root)
    result = rrs(*UPDATE, catalogue=root)
    assert result.exit_code == 0, result.stderr
    assert "status:\tnew" in path.read_text(encoding="utf-8")
    assert entries(path)[-1]["note"] == "later"
    valid(rrs, root)


def test_a_complex_key_for_progress(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    text = HAND_WRITTEN + "? progress\n: - date: 2020-01-01\n    status: ongoing\n"
    root, path = catalogue(make_catalogue, text)
    valid(rrs, root)
    for args in (("progress", "remove", "A", "2020-01-01"), UPDATE):
        result = rrs(*args, catalogue=root)
        assert "internal error" not in result.stderr
        if result.exit_code == 0:  # done, and the file is still valid
            valid(rrs, root)
        else:  # refused, saying why
            assert "progress" in result.stderr and "edit" in result.stderr, result.stderr
            assert path.read_text(encoding="utf-8") == text


def test_amend_keeps_inline_comments_and_anchors(
    rrs: Invoke, make_catalogue: MakeCatalogue
) -> None:
    text = HAND_WRITTEN + (
        "progress:\n"
        "  - &first   # the kick-off\n"
        "    date: 2020-01-01   # approximately\n"
        "    status: ongoing    # as reported\n"
        '    note: "een"        # from the minutes\n'
    )
    root, path = catalogue(make_catalogue, text)
    result = rrs("progress", "amend", "A", "2020-01-01", "--note", "twee", catalogue=root)
    assert result.exit_code == 0, result.stderr
    after = path.read_text(encoding="utf-8")
    for kept in (
        "&first",
        "# the kick-off",
        "# approximately",
        "# as reported",
        "# from the minutes",
    ):
        assert kept in after, after
    assert entries(path) == [{"date": "2020-01-01", "status": "ongoing", "note": "twee"}]
    moved = rrs("progress", "amend", "A", "2020-01-01", "--date", "2020-02-01", catalogue=root)
    assert moved.exit_code == 0, moved.stderr
    after = path.read_text(encoding="utf-8")
    assert "# as reported" in after and "&first" in after
    assert entries(path)[0]["date"] == "2020-02-01"


def test_a_comment_with_a_dash_between_the_dash_and_the_keys(
    rrs: Invoke, make_catalogue: MakeCatalogue
) -> None:
    text = HAND_WRITTEN + (
        "progress:\n  - # kick-off - see the minutes\n    date: 2020-01-01\n    status: ongoing\n"
    )
    root, path = catalogue(make_catalogue, text)
    valid(rrs, root)
    result = rrs(*UPDATE, catalogue=root)
    assert result.exit_code == 0, result.stderr
    removed = rrs("progress", "remove", "A", "2020-01-01", catalogue=root)
    assert removed.exit_code == 0, removed.stderr
    assert [e["note"] for e in entries(path)] == ["later"]
    valid(rrs, root)


def test_an_alias_as_the_last_entry(rrs: Invoke, make_catalogue: MakeCatalogue) -> None:
    text = HAND_WRITTEN + ("progress:\n  - &e\n    date: 2020-01-01\n    status: ongoing\n  - *e\n")
    root, path = catalogue(make_catalogue, text)
    valid(rrs, root)
    result = rrs(*UPDATE, catalogue=root)
    assert result.exit_code == 0, result.stderr
    assert path.read_text(encoding="utf-8").count("  - *e\n") == 1
    assert len(entries(path)) == 3
    valid(rrs, root)


def test_back_link_on_a_flow_list_with_a_trailing_comma(
    rrs: Invoke, make_catalogue: MakeCatalogue
) -> None:
    root, path = catalogue(
        make_catalogue, HAND_WRITTEN.replace('links: ["1", "2"]', 'links: ["1", "2",]')
    )
    valid(rrs, root)
    result = rrs(*("new", "7", "--title", "Nieuw", "--link", "A", "--back-link"), catalogue=root)
    assert result.exit_code == 0, result.stderr
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["links"] == ["1", "2", "7"]
    valid(rrs, root)


def test_a_file_with_cr_line_ends_is_refused_by_validate_and_editor(
    rrs: Invoke, make_catalogue: MakeCatalogue
) -> None:
    root, path = catalogue(make_catalogue, (HAND_WRITTEN + ENTRY).replace("\n", "\r"))
    checked = rrs("validate", str(root))
    assert checked.exit_code == 1 and "RRS108" in checked.stdout and "(CR)" in checked.stdout
    before = path.read_bytes()
    result = rrs(*UPDATE, catalogue=root)
    assert result.exit_code != 0 and "would not parse" not in result.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "progress",
    [
        "progress:\n- date: 2020-01-01\n  status: ongoing\n- date: 2020-02-01\n  status: ongoing\n",
        "progress:\n  - date: 2020-01-01\n    status: ongoing\n",
        "progress:\n    -   date: 2020-01-01\n        status: ongoing\n",
        "progress:\n  -\n    date: 2020-01-01\n    status: ongoing\n",
        "progress:\n  - # kick-off - see\n    date: 2020-01-01\n    status: ongoing\n",
        "progress:\n  - &e\n    date: 2020-01-01\n    status: ongoing\n  - *e\n",
        "progress:\n  - !!map\n    date: 2020-01-01\n    status: ongoing\n",
        "progress:\n  - &f date: 2020-01-01\n    status: ongoing\n",
        "progress:\r\n  - date: 2020-01-01\r\n    status: ongoing\r\n",
        "progress:\n  # - not an item\n  - date: 2020-01-01\n    status: ongoing\n",
        "progress:\n  - {date: 2020-01-01, status: ongoing}\n  - [2020-01-01]\n",
    ],
)
def test_the_dashes_read_from_the_lines_are_the_parsers(progress: str) -> None:
    """Where an item's dash stands on its line, the lines give it without the token
    scan; every other layout goes to the scan. Either way the answer is the tokens'."""
    text = "id: A\n" + progress + "links: []\n"
    layout = yamledit._scan(text, ("progress",)).layouts["progress"]
    assert layout.dashes == yamledit._scanned_dashes(text, layout)
    assert all(text[dash] == "-" for dash in layout.dashes)

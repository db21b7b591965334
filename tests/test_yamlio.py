"""The located, safe YAML reader: duplicates, tags, bombs, encodings."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from rrs_cli.yamlio import MAX_DEPTH, load_file


def load(tmp_path: Path, content: str | bytes) -> tuple[object, list[tuple[str, int | None]]]:
    path = tmp_path / "x.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    document, findings = load_file(path)
    return (document.data if document else None), [(f.code, f.line) for f in findings]


def test_plain_mapping_loads_with_types(tmp_path: Path) -> None:
    data, findings = load(tmp_path, "id: '12'\nn: 3\nok: true\nd: 2024-01-31\nnone: ~\n")
    assert findings == []
    assert data == {
        "id": "12",
        "n": 3,
        "ok": True,
        "d": __import__("datetime").date(2024, 1, 31),
        "none": None,
    }


def test_duplicate_key_is_reported_with_both_lines(tmp_path: Path) -> None:
    data, findings = load(tmp_path, "title: a\nowner: x\ntitle: b\n")
    assert findings == [("RRS002", 3)]
    assert data == {"title": "a", "owner": "x"}


def test_duplicate_keys_in_nested_mapping(tmp_path: Path) -> None:
    _, findings = load(tmp_path, "progress:\n  - date: 2020-01-01\n    date: 2021-01-01\n")
    assert findings == [("RRS002", 3)]


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system ['echo hi']\n",
        "a: !!python/name:os.system\n",
        "!!python/object:builtins.dict {}\n",
        "a: !custom x\n",
        "a: !!binary aGVsbG8=\n",
    ],
)
def test_tags_that_build_objects_are_refused(tmp_path: Path, text: str) -> None:
    data, findings = load(tmp_path, text)
    assert data is None
    assert [code for code, _ in findings] == ["RRS014"]


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        prev = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{', '.join([prev] * 9)}]")
    start = time.perf_counter()
    data, findings = load(tmp_path, "\n".join(lines) + "\n")
    elapsed = time.perf_counter() - start
    assert data is None
    assert [code for code, _ in findings] == ["RRS014"]
    assert elapsed < 5  # generous: the point is that it ends, not how fast


def test_the_value_limit_counts_each_value_once_at_any_depth(tmp_path: Path) -> None:
    """A file of 60,000 values nested four deep loads (rounds.yaml of 2,000 forms is
    like it); an alias that would take it past the limit is refused."""
    form = '{owner: "o", file: "f.xlsx", actions: "1 2 3", digest: "d", returned: 2026-12-01}'
    forms = ",\n      ".join([form] * 5_000)  # 12 values each, with keys; 5,000 forms
    text = f"- name: R\n  forms: &all [\n      {forms}]\n"
    data, findings = load(tmp_path, text)
    assert findings == [] and len(data[0]["forms"]) == 5_000
    data, findings = load(tmp_path, text + "- name: S\n  forms: *all\n")
    assert data is None and [code for code, _ in findings] == ["RRS014"]


def test_recursive_alias_is_refused(tmp_path: Path) -> None:
    data, findings = load(tmp_path, "a: &x [*x]\n")
    assert data is None and findings[0][0] == "RRS014"


@pytest.mark.parametrize("depth", [MAX_DEPTH + 5, 200_000])
def test_deep_flow_nesting_is_refused_without_crashing(tmp_path: Path, depth: int) -> None:
    data, findings = load(tmp_path, "a: " + "[" * depth + "]" * depth + "\n")
    assert data is None and findings[0][0] == "RRS014"


def test_merge_keys_are_refused(tmp_path: Path) -> None:
    _, findings = load(tmp_path, "base: &b {x: 1}\nother:\n  <<: *b\n")
    assert findings == [("RRS014", 3)]


def test_empty_and_comment_only_files_are_errors(tmp_path: Path) -> None:
    assert load(tmp_path, "")[1] == [("RRS003", 1)]
    assert load(tmp_path, "# only a comment\n\n")[1] == [("RRS003", 1)]


def test_syntax_error_is_located(tmp_path: Path) -> None:
    _, findings = load(tmp_path, "a: 1\nb: [unclosed\nc: 2\n")
    assert findings[0][0] == "RRS001" and findings[0][1] is not None


def test_tab_indentation_mentions_tabs(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("a:\n\tb: 1\n", encoding="utf-8")
    _, findings = load_file(path)
    assert findings[0].code == "RRS001"
    assert "tab" in findings[0].message
    assert findings[0].line == 2


def test_non_utf8_byte_is_located(tmp_path: Path) -> None:
    _, findings = load(tmp_path, b"title: ok\nowner: caf\xe9\n")
    assert findings == [("RRS013", 2)]


def test_bom_and_crlf_are_read_with_a_warning(tmp_path: Path) -> None:
    data, findings = load(tmp_path, "\ufeffa: 1\r\nb: 2\r\n".encode())
    assert data == {"a": 1, "b": 2}
    assert [code for code, _ in findings] == ["RRS108", "RRS108"]


def test_a_date_that_does_not_exist_stays_text_for_the_schema_to_locate(tmp_path: Path) -> None:
    # Not a reason to give up on the file: the schema reports it at its field
    # (tests/test_suggest.py), and every other value is still read.
    data, findings = load(tmp_path, "a: 1\nd: 2024-02-30\n")
    assert data == {"a": 1, "d": "2024-02-30"} and findings == []


def test_directory_and_broken_symlink(tmp_path: Path) -> None:
    folder = tmp_path / "dir.yaml"
    folder.mkdir()
    assert [f.code for f in load_file(folder)[1]] == ["RRS013"]
    link = tmp_path / "link.yaml"
    link.symlink_to(tmp_path / "missing.yaml")
    assert [f.code for f in load_file(link)[1]] == ["RRS013"]


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    _, findings = load(tmp_path, "a: '" + "x" * (2 * 1024 * 1024) + "'\n")
    assert [code for code, _ in findings] == ["RRS014"]


def test_locate_points_at_nested_values(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("id: A\nlinks:\n  - '1'\n  - '2'\n", encoding="utf-8")
    document, _ = load_file(path)
    assert document is not None
    assert document.locate(("links", 1)) == (4, 5)
    assert document.locate(("links",), key=True) == (2, 1)
    assert document.locate(("nope",)) == (1, 1)

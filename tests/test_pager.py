"""Long output goes through a pager in a terminal, as git does; never when piped."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from rrs_cli.pager import paged, pager_command


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_which_pager() -> None:
    assert pager_command({}) == ["less"]
    assert pager_command({"PAGER": "most -s"}) == ["most", "-s"]
    assert pager_command({"PAGER": "most", "RRS_PAGER": "less -S"}) == ["less", "-S"]
    assert pager_command({"RRS_PAGER": ""}) is None
    assert pager_command({"PAGER": "cat"}) is None
    assert pager_command({"PAGER": "'unbalanced"}) is None


def test_in_a_terminal_the_text_goes_through_the_pager(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "paged.txt"
    monkeypatch.setattr(sys, "stdout", Terminal())
    env = {"RRS_PAGER": f"sh -c 'cat > {out}; echo $LESS >> {out}'"}
    with paged(True, env) as active:
        assert active and sys.stdout.isatty()
        print("a long report")
    assert out.read_text(encoding="utf-8") == "a long report\nFRX\n"
    assert sys.stdout.getvalue() == ""  # type: ignore[attr-defined]


@pytest.mark.parametrize("terminal", [False, True])
def test_no_pager_when_piped_or_turned_off(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, terminal: bool
) -> None:
    out = tmp_path / "paged.txt"
    stdout = Terminal() if terminal else io.StringIO()
    monkeypatch.setattr(sys, "stdout", stdout)
    with paged(not terminal, {"RRS_PAGER": f"sh -c 'cat > {out}'"}) as active:
        assert not active
        print("text")
    assert stdout.getvalue() == "text\n" and not out.exists()


def test_a_pager_that_quits_early_is_no_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", Terminal())
    with paged(True, {"RRS_PAGER": "true"}):
        for _ in range(20_000):
            print("line " * 20)

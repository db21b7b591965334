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


def _in_a_terminal(*args: str, env: dict[str, str]) -> str:
    """Run ``rrs ARGS`` with a pseudo-terminal as its standard output; what it shows."""
    import os
    import pty
    import re
    import subprocess

    leader, follower = pty.openpty()
    full = {**os.environ, "COLUMNS": "80", "TERM": "xterm", **env}
    full.pop("RRS_CATALOGUE", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "rrs_cli", *args],
        stdout=follower,
        stderr=subprocess.PIPE,
        env=full,
    )
    os.close(follower)
    chunks = []
    while True:  # read while it writes: a long text would fill the terminal's buffer
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.stderr is not None
    with process.stderr:
        errors = process.stderr.read()
    assert process.wait(timeout=120) == 0, errors
    return re.sub(r"\x1b\[[0-9;]*m", "", b"".join(chunks).decode("utf-8"))


def test_no_color_only_removes_colour(tmp_path: Path) -> None:
    env = {"NO_COLOR": "1", "RRS_PAGER": ""}
    shown = _in_a_terminal("report", "--as-of", "2026-01-01", env=env)
    assert not shown.lstrip().startswith("# "), shown[:200]  # rendered, not raw Markdown
    raw = _in_a_terminal("report", "--as-of", "2026-01-01", "-o", "-", env=env)
    assert raw.lstrip().startswith("# ")


def test_a_terminal_gets_the_pager(tmp_path: Path) -> None:
    out = tmp_path / "paged.txt"
    env = {"RRS_PAGER": f"sh -c 'cat > {out}'", "NO_COLOR": "1"}
    assert _in_a_terminal("list", "-g", "cyber", env=env) == ""
    assert "Rotterdam cyber" in out.read_text(encoding="utf-8") or out.stat().st_size > 0
    shown = _in_a_terminal("--no-pager", "list", "-g", "cyber", env={**env, "RRS_PAGER": "false"})
    assert "Id" in shown

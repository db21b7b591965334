"""Every output grows linearly with the catalogue, on the shapes that once multiplied it.

"All flywheels": N connected actions linked with every one of F flywheels were
written out as N x F links in the export, the list, the graph and the site;
every quality page drew the whole goal x quality table (Q x Q). Doubling such a
catalogue must about double each output (a ratio near 2), never quadruple it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from .conftest import GOALS, STRATEGY, Invoke, dump

# When the input grows by a factor, no output may grow by more than 1.25 times
# that factor (quadratic growth: about twice it, here).
MOST = 1.25


def letters(n: int) -> str:
    out = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(65 + rest) + out
    return out


def fan_out(root: Path, n: int) -> Path:
    """``n`` flywheels, each naming one connected action, and ``n`` actions linked
    with every flywheel."""
    (root / "actions").mkdir(parents=True)
    (root / "strategy.yaml").write_text(dump(STRATEGY), encoding="utf-8")
    (root / "goals.yaml").write_text(dump(GOALS), encoding="utf-8")
    qualities = [{"key": "robust", "name_nl": "Robuust", "name_en": "Robust"}]
    (root / "qualities.yaml").write_text(dump(qualities), encoding="utf-8")
    common = {"status": "new", "term": "short", "goal": "samenleving"}
    for i in range(n):
        fid = letters(i)
        action = {"id": fid, "kind": "flywheel", "title": f"Vliegwiel {fid}", **common}
        write(root, {**action, "links": [str(i + 1)]})
    for number in range(1, 2 * n + 1):
        action = {"id": str(number), "kind": "connected", "title": f"Actie {number}", **common}
        if number <= n:
            write(root, {**action, "links": [letters(number - 1)]})
        else:
            write(root, {**action, "links_all_flywheels": True})
    return root


def many_qualities(root: Path, q: int) -> Path:
    fan_out(root, 3)
    qualities = [
        {"key": f"q{i}", "name_nl": f"Kwaliteit {i}", "name_en": f"Quality {i}"} for i in range(q)
    ]
    (root / "qualities.yaml").write_text(dump(qualities), encoding="utf-8")
    for path in (root / "actions").glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        write(root, {**data, "qualities": [f"q{i}" for i in range(q)]})
    return root


def write(root: Path, action: dict[str, object]) -> None:
    (root / "actions" / f"{action['id']}.yaml").write_text(dump(action), encoding="utf-8")


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def outputs(rrs: Invoke, root: Path, work: Path) -> dict[str, int]:
    sizes = {}
    for name, args in {
        "export": ("export", "--output", "-"),
        "list": ("list",),
        "list json": ("list", "--format", "json"),
        "list csv": ("list", "--format", "csv"),
        "graph": ("graph",),
        "graph dot": ("graph", "--format", "dot"),
        "report": ("report", "--as-of", "2020-01-01"),
        "report html": ("report", "--format", "html", "--as-of", "2020-01-01"),
    }.items():
        result = rrs(*args, catalogue=root)
        assert result.exit_code == 0, (args, result.stderr)
        sizes[name] = len(result.stdout.encode())
    site = work / "site"
    shutil.rmtree(site, ignore_errors=True)
    result = rrs("site", "-o", str(site), "--as-of", "2020-01-01", catalogue=root)
    assert result.exit_code == 0, result.stderr
    sizes["site"] = size_of(site)
    # One page each: no page may grow with the number of other actions or qualities.
    for page in ("actions/A.html", "actions/1.html", "goals/samenleving.html", "qualities/q0.html"):
        if (site / page).is_file():
            sizes[page] = (site / page).stat().st_size
    return sizes


def growth(small: Path, large: Path, rrs: Invoke, work: Path) -> dict[str, float]:
    """How much faster than the input each output grew (1.0: at the same rate)."""
    before, after = outputs(rrs, small, work), outputs(rrs, large, work)
    grown = size_of(large) / size_of(small)
    return {name: round(after[name] / before[name] / grown, 2) for name in before}


def test_all_flywheels_is_one_mark_in_every_output(rrs: Invoke, tmp_path: Path) -> None:
    faster = growth(fan_out(tmp_path / "small", 40), fan_out(tmp_path / "large", 80), rrs, tmp_path)
    assert all(ratio <= MOST for ratio in faster.values()), faster


def test_the_goal_quality_table_is_drawn_once(rrs: Invoke, tmp_path: Path) -> None:
    small, large = many_qualities(tmp_path / "small", 25), many_qualities(tmp_path / "large", 50)
    faster = growth(small, large, rrs, tmp_path)
    assert all(ratio <= MOST for ratio in faster.values()), faster
    # A quality page shows its own counts per goal, not the whole table.
    assert faster["qualities/q0.html"] < 0.75, faster

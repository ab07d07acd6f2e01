"""Extraction output is exactly the committed snapshot on the seed, example and dev corpora.

Speed work changes how the rules run, never what they find: any difference here is a change of
behaviour. When a rule change is *meant* to change output, regenerate the snapshots and commit
them with the rule change (their diff shows what it did):

    PYTHONPATH=src .venv/bin/python tools/snapshot_reports.py
"""
from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
REGENERATE = "PYTHONPATH=src .venv/bin/python tools/snapshot_reports.py"


@pytest.fixture(scope="module")
def snapshots() -> ModuleType:
    spec = importlib.util.spec_from_file_location("snapshot_reports", ROOT / "tools" / "snapshot_reports.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["seeds", "examples", "dev"])
def test_output_matches_snapshot(snapshots: ModuleType, shared_dir: Path, name: str) -> None:
    folder = snapshots.corpora()[name]
    path = snapshots.SNAPSHOTS / f"{name}.jsonl"
    assert folder.is_dir(), f"corpus {folder} missing"
    assert path.exists(), f"no snapshot {path}; write it with: {REGENERATE}"
    expected = path.read_text(encoding="utf-8").splitlines(keepends=True)
    diff = snapshots.first_difference(expected, snapshots.snapshot_lines(folder))
    assert diff is None, (
        f"extraction output on the {name} corpus differs from {path.relative_to(ROOT)} at {diff}\n"
        f"If a rule change meant this, regenerate the snapshots and commit them with the change: {REGENERATE}")


def test_first_difference_names_the_page(snapshots: ModuleType) -> None:
    a = ['{"page": "a.txt", "reports": []}\n', '{"page": "b.txt", "reports": []}\n']
    b = [a[0], '{"page": "b.txt", "reports": [{"killed": 1}]}\n']
    assert snapshots.first_difference(a, a) is None
    assert "page b.txt" in snapshots.first_difference(a, b)
    assert "1 pages expected, 2 found" == snapshots.first_difference(a[:1], a)

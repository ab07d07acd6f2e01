"""The extraction quality gate: run the extractor on a gold corpus, score it with the
shared scorer, and hold every figure to its floor in floors.json (floors only rise)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from attackwatch.pipeline import extract_paths

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text())


def _score(shared: Path, gold_dir: Path, tmp_path: Path) -> dict:
    pred = tmp_path / "reports.jsonl"
    failures = []
    with pred.open("w", encoding="utf-8") as fh:
        for result in extract_paths([str(gold_dir)]):
            if result.error:
                failures.append(result.error)
            for report in result.reports:
                fh.write(json.dumps(report.to_dict()) + "\n")
    assert not failures, failures
    out = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "--gold", str(gold_dir), "--pred", str(pred),
                          "--json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def _check(scores: dict, floors: dict) -> list[str]:
    problems = []
    f1 = scores["incidents"]["f1"]
    if f1 < floors["incidents_f1"]:
        problems.append(f"incident F1 {f1} < floor {floors['incidents_f1']}")
    for name, floor in floors["fields"].items():
        got = scores["fields"][name]
        if got < floor:
            problems.append(f"{name} {got} < floor {floor}")
    return problems


def test_seed_corpus_meets_floors(shared_dir: Path, tmp_path: Path) -> None:
    scores = _score(shared_dir, shared_dir / "corpus" / "seeds", tmp_path)
    assert not _check(scores, FLOORS["seeds"]), scores


def test_example_corpus_meets_floors(shared_dir: Path, repo_dir: Path, tmp_path: Path) -> None:
    if "examples" not in FLOORS:
        pytest.skip("no floors recorded for the example corpus yet")
    scores = _score(shared_dir, repo_dir / "examples", tmp_path)
    assert not _check(scores, FLOORS["examples"]), scores

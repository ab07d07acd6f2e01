"""Measuring a gold corpus: extract it, resolve it through a SQLite database, score both with
the shared scorer. The quality gate (test_gate.py) and tools/quality_report.py both use this
module, so the report and the gate cannot measure two different things."""
from __future__ import annotations

import json
import math
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from attackwatch.pipeline import PageResult, extract_paths
from attackwatch.store import open_store
from attackwatch.store.dataset import Dataset
from attackwatch.store.export import write_jsonl

Scores = dict[str, Any]


@dataclass(frozen=True)
class Extraction:
    """One corpus extracted: the per-article reports and the canonical incidents, as files the
    scorer reads."""
    gold_dir: Path
    pages: int
    reports_path: Path
    canonical_path: Path


def extract(gold_dir: Path, workdir: Path) -> Extraction:
    """Extract every page under `gold_dir`, then ingest the results into a fresh SQLite file and
    export its incidents: what `attackwatch extract`, `ingest` and `export --format jsonl` give,
    with the extraction done once for both."""
    workdir.mkdir(parents=True, exist_ok=True)
    results: list[PageResult] = list(extract_paths([str(gold_dir)]))
    failures = [r.error for r in results if r.error]
    # a page the extractor cannot read would silently lower recall; name it instead
    if failures:
        raise RuntimeError(f"{len(failures)} pages of {gold_dir} failed: {failures[:5]}")
    reports_path = workdir / "reports.jsonl"
    _write_rows(reports_path, (rep.to_dict() for r in results for rep in r.reports))
    canonical_path = workdir / "incidents.jsonl"
    store = open_store(str(workdir / "quality.db"))
    try:
        Dataset(store).ingest(results)
        with canonical_path.open("w", encoding="utf-8") as fh:
            write_jsonl(store.query_incidents(), fh)
    finally:
        store.close()
    return Extraction(gold_dir, len(results), reports_path, canonical_path)


def score(shared: Path, gold_dir: Path, reports_path: Path, canonical_path: Path | None = None) -> Scores:
    """The shared scorer's JSON verdict; run as a program, never imported or copied, so the
    project is judged by exactly the scorer everyone else uses."""
    cmd = [sys.executable, str(shared / "eval" / "score.py"), "--gold", str(gold_dir), "--pred", str(reports_path),
           "--json"]
    if canonical_path is not None:
        cmd += ["--canonical", str(canonical_path)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def score_extraction(shared: Path, ex: Extraction) -> Scores:
    return score(shared, ex.gold_dir, ex.reports_path, ex.canonical_path)


def slice_scores(shared: Path, ex: Extraction, prefix: str, workdir: Path) -> Scores:
    """Scores over the articles whose ids start with `prefix` (a year slice of the dev corpus):
    gold, same-as pairs and reports are filtered to those articles. Canonical incidents stay
    whole: the scorer only looks up the clusters of the slice's own reports."""
    out = workdir / f"slice-{prefix}"
    out.mkdir(parents=True, exist_ok=True)
    gold = [g for g in _read_rows(ex.gold_dir / "gold.jsonl") if _article(g).startswith(prefix)]
    ids = {g["id"] for g in gold}
    _write_rows(out / "gold.jsonl", gold)
    same_as = ex.gold_dir / "same_as.jsonl"
    if same_as.exists():
        _write_rows(out / "same_as.jsonl", (p for p in _read_rows(same_as) if p["a"] in ids and p["b"] in ids))
    reports = out / "reports.jsonl"
    _write_rows(reports, (r for r in _read_rows(ex.reports_path) if _article(r).startswith(prefix)))
    scores = score(shared, out, reports, ex.canonical_path)
    scores["pages"] = sum(1 for p in ex.gold_dir.glob(f"{prefix}*.meta.json"))
    return scores


def check(scores: Scores, floors: dict[str, Any]) -> list[str]:
    """Every figure below its floor, as one line each. Floors may name incident precision,
    recall and F1, each scorer field, and dedup precision, recall and F1."""
    problems = []
    for key, floor in floors.items():
        if key == "fields":
            for name, field_floor in floor.items():
                got = scores["fields"][name]
                if got < field_floor:
                    problems.append(f"{name} {got} < floor {field_floor}")
            continue
        group, _, figure = key.partition("_")  # "incidents_f1", "dedup_precision"
        if group not in ("incidents", "dedup"):
            continue
        got = scores[group][figure]
        if got < floor:
            problems.append(f"{group} {figure} {got} < floor {floor}")
    return problems


def floor_of(value: float) -> float:
    """A measured figure rounded down to 2 decimals: today's floor. The small epsilon keeps a
    figure such as 0.66 (stored as 0.65999...) from dropping to 0.65."""
    return math.floor(value * 100 + 1e-9) / 100


def _article(row: dict[str, Any]) -> str:
    return str(row.get("article_id") or row.get("article") or "")


def _read_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _write_rows(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")

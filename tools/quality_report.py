#!/usr/bin/env python3
"""Measure extraction and deduplication on every gold corpus and write docs/quality.md.

    PYTHONPATH=src .venv/bin/python tools/quality_report.py            # writes docs/quality.md
    PYTHONPATH=src .venv/bin/python tools/quality_report.py -o -       # prints it instead

Corpora: the seeds and the dev corpus from ../shared/corpus, our own examples/, and the dev
corpus's three year slices (dA 2019-20, dB 2021-Oct 2023, dC Nov 2023-2025). Each is extracted
once, ingested into a temporary SQLite database and exported, and scored by the shared scorer
(run as a program with --json and --canonical). The floors beside the figures are the gate's
(tests/quality/floors.json; the example corpus's dedup floors live in
tests/resolve/test_dedup_gate.py). The measuring code is the gate's own (tests/quality/harness.py).
"""
from __future__ import annotations

import argparse
import ast
import hashlib
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
# this checkout's code and the gate's harness, ahead of any installed attackwatch: the report
# must describe the code it sits beside
sys.path[:0] = [str(REPO / "src"), str(REPO / "tests")]

from quality.harness import Scores, extract, floor_of, score_extraction, slice_scores  # noqa: E402

FLOORS_PATH = REPO / "tests" / "quality" / "floors.json"
DEDUP_GATE = REPO / "tests" / "resolve" / "test_dedup_gate.py"
SLICES = {"dA": "2019–2020", "dB": "2021 – Oct 2023", "dC": "Nov 2023 – 2025"}


@dataclass
class Corpus:
    name: str
    gold_dir: Path
    floors: dict[str, Any] = field(default_factory=dict)
    scores: Scores = field(default_factory=dict)
    pages: int = 0


def example_dedup_floors() -> dict[str, float]:
    """The example corpus's dedup floors, read (not imported) from the dedup gate's constants."""
    if not DEDUP_GATE.exists():
        return {}
    consts = {}
    for node in ast.parse(DEDUP_GATE.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    consts[target.id] = node.value.value
    # the ingest path is what this report measures (database ingest, then export)
    names = {"dedup_f1": "FLOOR_INGEST_F1", "dedup_precision": "FLOOR_PRECISION"}
    return {k: float(consts[v]) for k, v in names.items() if v in consts}


def suggest_floors(scores: Scores, current: dict[str, Any]) -> dict[str, Any]:
    """Each figure rounded down to 2 decimals, or the current floor when that is higher: floors
    only rise, so a figure that fell is left for the gate to report, not absorbed here. A corpus
    with floors keeps its set of figures (adding one is a decision, not a side effect); a corpus
    without any gets all of them."""
    out: dict[str, Any] = {k: v for k, v in current.items() if k.startswith("_")}
    fields: dict[str, float] = {}
    for _, key, value in _figures(scores):
        old = _floor(current, key)
        if value is None or (current and old is None):
            continue
        new = max(floor_of(value), old) if old is not None else floor_of(value)
        if key.startswith("fields."):
            fields[key.split(".", 1)[1]] = new
        else:
            out[key] = new
    out["fields"] = fields
    return out


def git_commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=True).stdout.strip()
    try:
        head = git("rev-parse", "--short", "HEAD")
        if git("status", "--porcelain", "--", "src"):
            return head + " + uncommitted changes in src/"
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    # on a branch whose code is main's (docs, tests, tools only), name main's commit too: the
    # branch's own hash changes with every rebase, main's says which code was measured
    try:
        base = git("rev-parse", "--short", git("merge-base", "main", "HEAD"))
        if base != head and not git("diff", "--name-only", base, "HEAD", "--", "src"):
            return f"{head} (src/ as main's {base})"
    except (OSError, subprocess.CalledProcessError):
        pass
    return head


def digest(path: Path) -> str:
    """A short hash, so a report measured against other gold or another scorer shows it."""
    return hashlib.sha1(path.read_bytes()).hexdigest()[:10] if path.exists() else "absent"


# -- formatting -------------------------------------------------------------------------------
def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _figures(scores: Scores) -> list[tuple[str, str, float | None]]:
    """(label, floors.json key, value) for every figure the report shows, in order."""
    rows: list[tuple[str, str, float | None]] = []
    for fig in ("precision", "recall", "f1"):
        rows.append((f"incidents {fig}", f"incidents_{fig}", scores["incidents"][fig]))
    for name, value in scores["fields"].items():
        rows.append((f"field: {name}", f"fields.{name}", value))
    dedup = scores.get("dedup", {})
    # with no cross-article pair in play (no same_as.jsonl, no merge) the ratios say nothing
    counted = dedup and dedup["tp"] + dedup["fp"] + dedup["fn"] > 0
    for fig in ("precision", "recall", "f1"):
        rows.append((f"dedup pairs {fig}", f"dedup_{fig}", dedup[fig] if counted else None))
    return rows


def _floor(floors: dict[str, Any], key: str) -> float | None:
    if key.startswith("fields."):
        return floors.get("fields", {}).get(key.split(".", 1)[1])
    return floors.get(key)


def corpus_table(c: Corpus) -> str:
    s = c.scores
    inc, ded = s["incidents"], s.get("dedup", {})
    lines = [f"### {c.name}", "",
             f"{c.pages} pages; {s['n_gold']} gold incidents (optional ones excluded), {s['n_pred']} reports "
             f"predicted; matched {inc['tp']}, false {inc['fp']}, missed {inc['fn']}"
             + (f"; dedup pairs: {ded['tp']} joined right, {ded['fp']} joined wrongly, {ded['fn']} left apart"
                if ded else "")
             + (f"; median distance of matched places {s['geo_km_median']} km" if "geo_km_median" in s else "") + ".",
             "", "| figure | measured | floor | |", "|---|---:|---:|---|"]
    for label, key, value in _figures(s):
        floor = _floor(c.floors, key)
        flag = "" if floor is None or value is None or value >= floor else "**below floor**"
        lines.append(f"| {label} | {_fmt(value)} | {floor if floor is not None else '—'} | {flag} |")
    return "\n".join(lines)


def slice_table(dev: Corpus, slices: dict[str, Scores]) -> str:
    head = " | ".join(f"{p} ({SLICES[p]})" for p in slices)
    lines = ["| figure | " + head + " | dev, whole |", "|---|" + "---:|" * (len(slices) + 1)]
    counts = [("pages", "pages"), ("gold incidents", "n_gold"), ("reports predicted", "n_pred")]
    for label, key in counts:
        vals = [str(sc.get(key, "—")) for sc in slices.values()] + [str(dev.pages if key == "pages" else dev.scores[key])]
        lines.append(f"| {label} | " + " | ".join(vals) + " |")
    per = {p: dict((lab, v) for lab, _, v in _figures(sc)) for p, sc in slices.items()}
    for label, _, value in _figures(dev.scores):
        lines.append(f"| {label} | " + " | ".join(_fmt(per[p][label]) for p in slices) + f" | {_fmt(value)} |")
    return "\n".join(lines)


HISTORY_START, HISTORY_END = "<!-- history:start (one row per run, kept across runs) -->", "<!-- history:end -->"
HISTORY_HEADER = ("| measured | commit | dev incident P | R | F1 | dev dedup P | R | F1 |\n"
                  "|---|---|---:|---:|---:|---:|---:|---:|")


def history_rows(old_doc: str, dev: Corpus, when: str, commit: str) -> list[str]:
    """The history table's rows kept from the previous report, plus this run's (replacing a row
    of the same commit): the dev figures over time, which the floors alone do not show."""
    rows: list[str] = []
    if HISTORY_START in old_doc and HISTORY_END in old_doc:
        block = old_doc.split(HISTORY_START, 1)[1].split(HISTORY_END, 1)[0]
        rows = [ln for ln in block.strip().splitlines() if ln.startswith("| 2")]
    fig = {key: v for _, key, v in _figures(dev.scores)}
    row = f"| {when} | {commit} | " + " | ".join(_fmt(fig[k]) for k in (
        "incidents_precision", "incidents_recall", "incidents_f1", "dedup_precision", "dedup_recall", "dedup_f1")) + " |"
    return [r for r in rows if r.split("|")[2].strip() != commit] + [row]


def render(corpora: list[Corpus], slices: dict[str, Scores], when: str, commit: str, history: list[str]) -> str:
    summary = ["| corpus | pages | incident P | R | F1 | dedup P | R | F1 |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for c in corpora:
        fig = {key: v for _, key, v in _figures(c.scores)}
        summary.append(f"| {c.name} | {c.pages} | " + " | ".join(_fmt(fig[k]) for k in (
            "incidents_precision", "incidents_recall", "incidents_f1", "dedup_precision", "dedup_recall", "dedup_f1"))
            + " |")
    scorer, dev_gold = SHARED / "eval" / "score.py", SHARED / "corpus" / "dev" / "gold.jsonl"
    parts = [
        "# Extraction and deduplication quality",
        "",
        "Written by `tools/quality_report.py`; do not edit by hand, re-run it "
        "(`PYTHONPATH=src .venv/bin/python tools/quality_report.py`).",
        "",
        f"- measured: {when}, commit {commit}",
        f"- scorer `../shared/eval/score.py` (sha1 {digest(scorer)}), dev gold `gold.jsonl` (sha1 {digest(dev_gold)})",
        "- incidents: each page extracted as `attackwatch extract` does; a report matches a gold incident of the same "
        "article when dates and places agree (the scorer's rules); fields are scored on matched incidents only",
        "- dedup: the pages ingested into a fresh SQLite database and its incidents exported (`attackwatch ingest`, "
        "`attackwatch export --format jsonl`), scored with `--canonical`: pairs of gold incidents in different "
        "articles, among those the extractor found, that the database put in one incident",
        "- floors: `tests/quality/floors.json` (the gate in `tests/quality/test_gate.py`; the example corpus's dedup "
        "floors are in `tests/resolve/test_dedup_gate.py`). Floors only rise. — means no floor, or no pair to count",
        "- the dev corpus is third-party text read from `../shared/corpus/dev`; nothing of it is copied here",
        "",
        "## Summary",
        "",
        *summary,
        "",
        "## The dev corpus over time",
        "",
        HISTORY_START,
        HISTORY_HEADER,
        *history,
        HISTORY_END,
        "",
        "## Per corpus",
        "",
    ]
    for c in corpora:
        parts += [corpus_table(c), ""]
    if slices:
        parts += ["## The dev corpus by year slice", "",
                  "Gold, same-as pairs and reports filtered to the slice's articles (a pair across slices counts in "
                  "neither); the database is the whole corpus's. Slices are small (35 pages each): a few incidents "
                  "move a figure by several points.", "", slice_table(corpora[-1], slices), ""]
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--output", default=str(REPO / "docs" / "quality.md"), help="file to write, or - for stdout")
    ap.add_argument("--suggest-floors", action="store_true",
                    help="also print, per corpus, floors.json entries raised to today's figures (never lowered)")
    args = ap.parse_args(argv)
    if not (SHARED / "eval" / "score.py").exists():
        print(f"quality_report: ../shared is not beside the checkout ({SHARED})", file=sys.stderr)
        return 2
    floors = json.loads(FLOORS_PATH.read_text(encoding="utf-8"))
    corpora = [Corpus("seeds", SHARED / "corpus" / "seeds", floors.get("seeds", {})),
               Corpus("examples", REPO / "examples", {**floors.get("examples", {}), **example_dedup_floors()}),
               # the Arabic dev corpus; the English dev corpus stays last (its slices and history follow it)
               Corpus("dev-ar", SHARED / "corpus" / "dev-ar", floors.get("dev-ar", {})),
               Corpus("dev", SHARED / "corpus" / "dev", floors.get("dev", {}))]
    slices: dict[str, Scores] = {}
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    with tempfile.TemporaryDirectory(prefix="aw-quality-") as tmp:
        for c in corpora:
            ex = extract(c.gold_dir, Path(tmp) / c.name)
            c.pages, c.scores = ex.pages, score_extraction(SHARED, ex)
            print(f"{c.name}: incidents {c.scores['incidents']}, dedup {c.scores.get('dedup')}", file=sys.stderr)
            if c.name == "dev":
                slices = {p: slice_scores(SHARED, ex, p, Path(tmp)) for p in SLICES}
    commit = git_commit()
    out = None if args.output == "-" else Path(args.output)
    old_doc = out.read_text(encoding="utf-8") if out is not None and out.exists() else ""
    doc = render(corpora, slices, when, commit, history_rows(old_doc, corpora[-1], when, commit))
    if args.suggest_floors:
        print(json.dumps({c.name: suggest_floors(c.scores, floors.get(c.name, {})) for c in corpora}, indent=2))
    if out is None:
        print(doc)
    else:
        out.write_text(doc, encoding="utf-8")
        print(f"wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

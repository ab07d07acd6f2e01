#!/usr/bin/env python3
"""Refit the report-confidence model on the dev corpus and measure its calibration honestly.

    PYTHONPATH=src python tools/fit_confidence.py            # defaults: ../shared/corpus/dev, ../shared/eval/score.py

1. Runs the extractor over the corpus, collecting each report's features
   (attackwatch.extraction.confidence.collect_features).
2. Labels each report with the shared scorer's own matching (loaded from score.py with
   importlib, never copied): a report the scorer pairs with a gold record, required or
   optional, is a real incident with the right date and place (1); an unpaired one is a
   false record (0).
3. Fits an L2-regularised logistic model on two year slices (dA, dB, dC), predicts the
   third, rotates; writes the reliability tables and the precision of the top 80% to
   docs/confidence.md (between the generated-section markers).
4. Fits on all three slices and writes packs/default/confidence.json.
5. Ingests the corpus into a scratch database and reports how the incident confidence
   (noisy-or over outlets) of the held-out reports calibrates against incidents holding a
   matched report.

Rerunnable in one command whenever the extraction rules change.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import math
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from attackwatch.extraction.confidence import FEATURES, collect_features, incident_confidence  # noqa: E402
from attackwatch.pipeline import extract_paths  # noqa: E402

SLICES = ("dA", "dB", "dC")
# the features the model weighs: the clearest-reasoned of extraction/confidence.py's FEATURES, few
# enough for ~250 labelled reports (every feature there is computed; a longer list overfits)
FITTED = ("geo_site", "geo_town", "date_own", "date_coarse", "no_published", "weapon_known", "actor_named",
          "casualties_stated", "background", "log_evidence", "log_reports_in_article", "shadowed", "shared_evidence",
          "place_area", "coarse_background", "coarse_aside", "date_by_statement")
L2_GRID = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0)
BINS = (0.0, 0.2, 0.4, 0.6, 0.7, 0.8, 0.9, 1.0001)  # finer at the top, where most records are
BEGIN, END = "<!-- fit_confidence:begin -->", "<!-- fit_confidence:end -->"


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("shared_score", path)
    if spec is None or spec.loader is None:
        sys.exit(f"cannot load the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def collect(corpus: Path, scorer: ModuleType) -> list[dict[str, Any]]:
    """One row per extracted report: article id, features, label, and whether it matched an
    optional gold record (the scorer neither rewards nor penalises those)."""
    with collect_features() as sink:
        for result in extract_paths([str(corpus)]):
            if result.error:
                print(f"warning: {result.error}", file=sys.stderr)
    preds = [r.to_dict() for r, _ in sink]
    gold = scorer.load(str(corpus / "gold.jsonl"))
    pairs, _extra, _missed = scorer.match(gold, preds)
    matched = {id(p): g for g, p in pairs}
    rows = []
    for pred, (_, feats) in zip(preds, sink):
        g = matched.get(id(pred))
        rows.append({"article_id": pred["article_id"], "features": feats, "label": int(g is not None),
                     "optional": bool(g is not None and g.get("optional")), "record": pred})
    return rows


def design(rows: list[dict[str, Any]], names: tuple[str, ...] = FITTED) -> np.ndarray:
    return np.array([[r["features"].get(f, 0.0) for f in names] for r in rows], dtype=float)


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> tuple[float, np.ndarray]:
    """Maximum a-posteriori logistic regression (Gaussian prior on the weights, none on the
    intercept) by Newton's method; small data, so exact and deterministic."""
    n, k = x.shape
    xa = np.hstack([np.ones((n, 1)), x])
    beta = np.zeros(k + 1)
    penalty = np.full(k + 1, l2)
    penalty[0] = 0.0
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-xa @ beta))
        grad = xa.T @ (y - p) - penalty * beta
        hess = (xa * (p * (1 - p))[:, None]).T @ xa + np.diag(penalty) + 1e-9 * np.eye(k + 1)
        step = np.linalg.solve(hess, grad)
        beta += step
        if np.max(np.abs(step)) < 1e-8:
            break
    return float(beta[0]), beta[1:]


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def choose_l2(x: np.ndarray, y: np.ndarray, groups: np.ndarray) -> float:
    """The prior precision with the lowest log loss leaving out one slice at a time, among the
    slices given (inside an outer held-out fold: only its two training slices, so the held-out
    slice never picks its own prior)."""
    names = sorted(set(groups))
    if len(names) < 2:
        return 2.0
    def loss(l2: float) -> float:
        total = 0.0
        for g in names:
            test = groups == g
            b0, w = fit(x[~test], y[~test], l2)
            total += log_loss(predict(b0, w, x[test]), y[test]) * test.sum()
        return total
    return min(L2_GRID, key=loss)


def predict(intercept: float, weights: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(intercept + x @ weights)))


def precision(rows: list[dict[str, Any]]) -> float | None:
    """The scorer's precision: matches to optional gold records count neither way."""
    judged = [r for r in rows if not r["optional"]]
    return sum(r["label"] for r in judged) / len(judged) if judged else None


def top_share(rows: list[dict[str, Any]], conf: list[float], share: float) -> list[dict[str, Any]]:
    order = sorted(range(len(rows)), key=lambda i: -conf[i])
    return [rows[i] for i in order[:math.ceil(share * len(rows))]]


def auc(conf: list[float], labels: list[int]) -> float | None:
    """How often a right record outranks a false one (ties count half): the ranking power,
    whatever the calibration."""
    pos = [c for c, y in zip(conf, labels) if y]
    neg = [c for c, y in zip(conf, labels) if not y]
    if not pos or not neg:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def share_at_precision(rows: list[dict[str, Any]], conf: list[float], target: float = 0.97) -> float:
    """The largest share of records, taken most confident first, that is at least `target`
    precise (0 when not even the most confident few are)."""
    order = sorted(range(len(rows)), key=lambda i: -conf[i])
    best, good, judged = 0, 0, 0
    for k, i in enumerate(order, 1):
        if not rows[i]["optional"]:
            judged += 1
            good += rows[i]["label"]
        if judged >= 5 and good / judged >= target:
            best = k
    return best / len(rows) if rows else 0.0


def reliability(conf: list[float], labels: list[int]) -> list[tuple[str, int, float, float]]:
    out = []
    for lo, hi in zip(BINS, BINS[1:]):
        idx = [i for i, c in enumerate(conf) if lo <= c < hi]
        if idx:
            out.append((f"{lo:.1f}–{min(hi, 1.0):.1f}", len(idx), sum(conf[i] for i in idx) / len(idx),
                        sum(labels[i] for i in idx) / len(idx)))
    return out


def _fmt(v: float | None) -> str:
    return "–" if v is None else f"{v:.3f}"


def slice_report(name: str, rows: list[dict[str, Any]], conf: list[float]) -> tuple[list[str], dict[str, Any]]:
    labels = [r["label"] for r in rows]
    brier = sum((c - y) ** 2 for c, y in zip(conf, labels)) / len(rows)
    ece = sum(n * abs(m - o) for _, n, m, o in reliability(conf, labels)) / len(rows)
    top = top_share(rows, conf, 0.8)
    # the best any ranking could do: right records first, then optional matches, then false ones
    oracle = [2.0 if r["label"] and not r["optional"] else 1.0 if r["label"] else 0.0 for r in rows]
    figures = {"n": len(rows), "precision_all": precision(rows), "precision_top80": precision(top),
               "not_false_all": sum(labels) / len(rows), "not_false_top80": sum(r["label"] for r in top) / len(top),
               "brier": round(brier, 4), "ece": round(ece, 4), "share_at_0.97": share_at_precision(rows, conf),
               "ceiling_top80": precision(top_share(rows, oracle, 0.8)), "auc": auc(conf, labels)}
    lines = [f"#### {name}: {len(rows)} reports, precision {_fmt(figures['precision_all'])} all, "
             f"**{_fmt(figures['precision_top80'])} in the top 80%** (a perfect ranking: {_fmt(figures['ceiling_top80'])}; "
             f"Brier {brier:.3f}, ECE {ece:.3f}, AUC {_fmt(figures['auc'])})", "",
             "| confidence | reports | mean predicted | observed real |", "|---|---|---|---|"]
    lines += [f"| {b} | {n} | {m:.2f} | {o:.2f} |" for b, n, m, o in reliability(conf, labels)]
    shares = [(s, top_share(rows, conf, s)) for s in (0.5, 0.6, 0.7, 0.8, 0.9, 1.0)]
    lines += ["", "| top share by confidence | " + " | ".join(f"{int(s * 100)}%" for s, _ in shares) + " |",
              "|---" * (len(shares) + 1) + "|",
              "| precision | " + " | ".join(_fmt(precision(t)) for _, t in shares) + " |", "",
              f"The most confident {figures['share_at_0.97']:.0%} of these reports are at least 0.97 precise.", ""]
    return lines, figures


def incident_check(corpus: Path, rows: list[dict[str, Any]], conf: list[float]) -> list[str]:
    """Ingest the corpus, give each stored report its held-out confidence, combine them per
    incident as the database does, and compare with incidents that hold a matched report."""
    from attackwatch.cli import main as cli_main  # the very ingest and export a user runs

    key = {(r["article_id"], tuple((e["start"], e["end"]) for e in r["record"]["evidence"])): (c, r["label"])
           for r, c in zip(rows, conf)}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "dev.db"
        out = Path(tmp) / "inc.jsonl"
        for args in (["ingest", str(corpus), "--db", str(db), "--quiet"], ["export", "--db", str(db), "-o", str(out)]):
            rc = cli_main(args)
            if rc:
                return [f"(incident check skipped: `attackwatch {args[0]}` exited {rc})"]
        incidents = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
    inc_conf, inc_label, inc_best = [], [], []
    for inc in incidents:
        members = []
        real = 0
        for rep in inc.get("reports", []):
            k = (rep.get("article_id"), tuple((e["start"], e["end"]) for e in rep.get("evidence") or []))
            if k in key:
                members.append((key[k][0], rep.get("outlet") or rep.get("article_id") or "?"))
                real = max(real, key[k][1])
        c = incident_confidence(members)
        if c is not None:
            inc_conf.append(c)
            inc_label.append(real)
            inc_best.append(max(m[0] for m in members))
    if not inc_conf:
        return ["(incident check: no incidents)"]
    top = sorted(zip(inc_conf, inc_label), key=lambda t: -t[0])[:math.ceil(0.8 * len(inc_conf))]
    lines = [f"{len(inc_conf)} incidents; real (holding a matched report): {sum(inc_label) / len(inc_label):.3f} of all, "
             f"{sum(y for _, y in top) / len(top):.3f} of the top 80% by confidence. Brier score: "
             f"{_brier(inc_conf, inc_label):.3f} with the noisy-or, {_brier(inc_best, inc_label):.3f} with the most "
             "confident report alone (no credit for corroboration).", "",
             "| confidence | incidents | mean predicted | observed real |", "|---|---|---|---|"]
    lines += [f"| {b} | {n} | {m:.2f} | {o:.2f} |" for b, n, m, o in reliability(inc_conf, inc_label)]
    return lines


def _brier(conf: list[float], labels: list[int]) -> float:
    return sum((c - y) ** 2 for c, y in zip(conf, labels)) / len(conf)


def write_doc(doc: Path, lines: list[str]) -> None:
    text = doc.read_text(encoding="utf-8") if doc.exists() else f"# Confidence\n\n{BEGIN}\n{END}\n"
    if BEGIN not in text or END not in text:
        text = text.rstrip() + f"\n\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    doc.write_text(head + BEGIN + "\n" + "\n".join(lines).rstrip() + "\n" + END + tail, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev")
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py")
    ap.add_argument("--pack-file", type=Path, default=ROOT / "src" / "attackwatch" / "packs" / "default" / "confidence.json")
    ap.add_argument("--doc", type=Path, default=ROOT / "docs" / "confidence.md")
    ap.add_argument("--l2", type=float, help="Gaussian prior precision on the weights (default: chosen by "
                    "leave-one-slice-out log loss from %s)" % (L2_GRID,))
    ap.add_argument("--no-incidents", action="store_true", help="skip the incident calibration (no ingest)")
    a = ap.parse_args(argv)
    if not set(FITTED) <= set(FEATURES):
        sys.exit(f"FITTED names features extraction/confidence.py does not compute: {sorted(set(FITTED) - set(FEATURES))}")
    if not (a.corpus / "gold.jsonl").exists():
        sys.exit(f"no gold.jsonl in {a.corpus}")
    scorer = load_scorer(a.scorer)
    rows = collect(a.corpus, scorer)
    x, y = design(rows), np.array([r["label"] for r in rows], dtype=float)
    sl = np.array([r["article_id"][:2] for r in rows])

    held = np.zeros(len(rows))
    lines = [f"Generated by `tools/fit_confidence.py` on {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; "
             f"{len(rows)} reports from {a.corpus.name}/, labelled by the shared scorer's matching; "
             f"{len(FITTED)} features.", "",
             "### Held-out calibration (fit on two year slices, scored on the third)", ""]
    figures: dict[str, Any] = {}
    for s in SLICES:
        test = sl == s
        if not test.any() or test.all():
            continue
        l2 = a.l2 if a.l2 is not None else choose_l2(x[~test], y[~test], sl[~test])
        b0, w = fit(x[~test], y[~test], l2)
        held[test] = predict(b0, w, x[test])
        idx = np.where(test)[0]
        part, figures[s] = slice_report(f"held-out {s} (prior {l2:g}, chosen on the other two)",
                                        [rows[i] for i in idx], [float(held[i]) for i in idx])
        lines += part
    part, figures["all"] = slice_report("all three held-out slices pooled", rows, [float(c) for c in held])
    lines += part

    l2 = a.l2 if a.l2 is not None else choose_l2(x, y, sl)
    b0, w = fit(x, y, l2)
    final = predict(b0, w, x)
    _, figures["in_sample"] = slice_report("in sample", rows, [float(c) for c in final])
    lines += [f"### The shipped model (fitted on all three slices, prior {l2:g})", "",
              f"In sample: precision {_fmt(figures['in_sample']['precision_all'])} all, "
              f"{_fmt(figures['in_sample']['precision_top80'])} in the top 80%.", "",
              "| feature | weight |", "|---|---|", f"| (intercept) | {b0:+.3f} |"]
    lines += [f"| {f} | {wi:+.3f} |" for f, wi in sorted(zip(FITTED, w), key=lambda t: -abs(t[1]))]
    if not a.no_incidents:
        lines += ["", "### Incidents (noisy-or of held-out report confidences over outlets)", ""]
        lines += incident_check(a.corpus, rows, [float(c) for c in held])

    version = datetime.now(timezone.utc).strftime("%Y.%m.%d")
    model = {
        "version": version,
        "_fitted": (f"tools/fit_confidence.py: L2-regularised logistic regression (prior precision {l2:g}, chosen by "
                    f"leave-one-slice-out log loss; Newton) on "
                    f"{len(rows)} reports of {a.corpus.name}/ (slices {', '.join(SLICES)}); label 1 = the shared scorer "
                    "matches the report to a gold record (required or optional)"),
        "_held_out": {k: {m: (round(v, 4) if isinstance(v, float) else v) for m, v in f.items()} for k, f in figures.items()},
        "intercept": round(b0, 4),
        "weights": {f: round(float(wi), 4) for f, wi in zip(FITTED, w)},
    }
    a.pack_file.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    write_doc(a.doc, lines)
    for k, f in figures.items():
        print(f"{k:>9}: n {f['n']:3d}  precision all {_fmt(f['precision_all'])}  top80 {_fmt(f['precision_top80'])}  "
              f"brier {f['brier']:.3f}  ece {f['ece']:.3f}  auc {_fmt(f['auc'])}  share at 0.97 {f['share_at_0.97']:.2f}")
    print(f"wrote {a.pack_file} and {a.doc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Extraction speed against two fixed anchors, timed in the same run on the same pages.

Articles per CPU-second move with the machine (a shared 2-vCPU VM: steal, frequency, neighbours),
so a bare rate cannot say whether the code got slower. Two anchors that the project does not
change are timed beside it, on the same pages, in the same kind of pinned single-thread
subprocess:

* `spacy.blank("en")` tokenizing each plain-text article (the cheapest thing our pipeline
  could do with spaCy), against our plain-text rate;
* `trafilatura.bare_extraction` on each HTML page, with the arguments the cleaner uses
  (`attackwatch/clean/html.py`, copied here on purpose: the anchor must not move when the
  cleaner does), against our HTML rate.

The ratios ours/anchor are the machine-independent figure to hold ("within 10%").
The four measurements run in rounds, alternating, and the median of the rounds is reported.

    .venv/bin/python bench/bench_extract.py --keep /tmp/aw-corpus      # builds and keeps the pages
    .venv/bin/python bench/bench_anchors.py --root /tmp/aw-corpus     # then the anchors on them
    .venv/bin/python bench/bench_anchors.py --n 500                   # or build its own pages
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import bench_extract  # noqa: E402  (bench/ is the script's own folder, first on sys.path)

KINDS = ("blank", "text", "trafilatura", "html")


def worker(kind: str, root: Path) -> None:
    """Time one kind over its folder after a warm-up page; print one JSON object."""
    bench_extract._pin_one_core()
    folder = root / ("html" if kind in ("trafilatura", "html") else "text")
    suffix = ".html" if kind in ("trafilatura", "html") else ".txt"
    pages = sorted(folder.glob(f"*{suffix}"))
    if kind in ("text", "html"):
        from attackwatch.pipeline import extract_paths

        list(extract_paths([str(root / "warm" / f"warm{suffix}")]))

        def run() -> int:
            return sum(1 for r in extract_paths([str(folder)]) if not r.error)
    elif kind == "blank":
        import spacy

        nlp = spacy.blank("en")
        nlp("warm up")

        def run() -> int:
            return sum(1 for p in pages if len(nlp(p.read_text(encoding="utf-8"))))
    else:
        import trafilatura

        def one(html: str) -> bool:
            return trafilatura.bare_extraction(html, include_comments=False, include_tables=False, with_metadata=True,
                                               favor_precision=False, deduplicate=False) is not None

        one((root / "warm" / "warm.html").read_text(encoding="utf-8"))

        def run() -> int:
            return sum(1 for p in pages if one(p.read_text(encoding="utf-8")))
    c0 = time.process_time()
    ok = run()
    cpu = time.process_time() - c0
    print(json.dumps({"kind": kind, "articles": len(pages), "ok": ok, "cpu_seconds": cpu,
                      "cpu_rate": len(pages) / cpu if cpu else 0.0, "load": os.getloadavg()[0]}))


def _run(kind: str, root: Path) -> dict:
    env = {**os.environ, **bench_extract.SINGLE_THREAD_ENV}
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", kind, "--root", str(root)]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=str(bench_extract.REPO))
    if proc.returncode != 0:
        raise SystemExit(f"{kind} worker failed (exit {proc.returncode}):\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, help="a corpus kept by bench_extract.py --keep")
    ap.add_argument("--n", type=int, default=500, help="articles per format when building a corpus (default 500)")
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds; the median is reported (default 3)")
    ap.add_argument("--worker", choices=KINDS, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker, args.root)
        return 0

    tmp = None
    root = args.root
    if root is None:
        tmp = tempfile.TemporaryDirectory(prefix="aw-anchors-")
        root = Path(tmp.name)
        bench_extract.build_corpus(root, args.n)
    try:
        rates: dict[str, list[float]] = {k: [] for k in KINDS}
        loads: list[float] = []
        for r in range(args.rounds):
            for kind in KINDS:
                res = _run(kind, root)
                rates[kind].append(res["cpu_rate"])
                loads.append(res["load"])
                print(f"round {r + 1} {kind:>11}: {res['articles']} articles, {res['cpu_seconds']:.1f} CPU-s = "
                      f"{res['cpu_rate']:.1f} per CPU-second (load {res['load']:.2f})")
        med = {k: statistics.median(v) for k, v in rates.items()}
        # a ratio per round (its four timings are minutes apart, not a whole run apart), then the median
        per_round = {"text_over_blank": [t / b for t, b in zip(rates["text"], rates["blank"])],
                     "html_over_trafilatura": [h / t for h, t in zip(rates["html"], rates["trafilatura"])]}
        ratio_text = statistics.median(per_round["text_over_blank"])
        ratio_html = statistics.median(per_round["html_over_trafilatura"])
        print(json.dumps({"commit": bench_extract.git_commit(), "articles": len(list((root / "text").glob("*.txt"))),
                          "rounds": args.rounds, "median_cpu_rate": med,
                          "text_over_blank": ratio_text, "html_over_trafilatura": ratio_html, "per_round": per_round,
                          "load_max": max(loads)}))
        print(f"text {med['text']:.1f} per CPU-s, {ratio_text:.3f} x spacy.blank ({med['blank']:.0f}); "
              f"HTML {med['html']:.1f} per CPU-s, {ratio_html:.3f} x trafilatura ({med['trafilatura']:.1f}) "
              "(ratios: median over rounds)")
    finally:
        if tmp is not None:
            tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())

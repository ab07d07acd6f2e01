"""Long pages (issue 14): a ~5 MB page against its parts, and the 300 KB single-line texts.

The corpus of bench/bench_extract.py is built, its cleaned article bodies joined into one ~5 MB
page (bench_extract.build_long_page), and the page extracted whole and part by part, each in a
fresh single-thread process pinned to one core: CPU seconds, reports and peak RSS. Targets: the
whole page in <= 1.2x the CPU time of its parts, peak RSS <= 300 MB.

Then two 300 KB texts on a single line (no line break, so spaCy reads each as one piece), the
shapes tests/test_properties.py checks are processed: a sentence repeated, and words without
punctuation. Their speed is measured here in CPU time, not in the suite: a wall-clock limit in a
test fails on a loaded machine, not on slow code.

    .venv/bin/python bench/bench_long_page.py               # appends a section to bench/RESULTS-longpage.md
    .venv/bin/python bench/bench_long_page.py --mb 1 --no-write

The slow inputs of the front-door soak are replayed by `bench/soak_front_door.py --only ...`.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_corpus import build_corpus  # noqa: E402
from bench_extract import (REPO, SINGLE_THREAD_ENV, TARGET_LONG_RATIO, TARGET_LONG_RSS_MB, _pin_one_core,  # noqa: E402
                           _run_worker, build_long_page)
from results_log import append_section, commit, cpu_model  # noqa: E402

RESULTS_FILE = "RESULTS-longpage.md"
SINGLE_LINE_CHARS = 300_000


def single_line_texts() -> dict[str, str]:
    """The two 300 KB single-line texts of tests/test_properties.py."""
    sentence = ("Two rockets struck near Ain al-Asad air base in Anbar province on Monday and a drone was shot down "
                "over Erbil, officials said, while Kataib Hezbollah claimed an attack on a convoy near Nasiriyah. ")
    repeated = (sentence * (SINGLE_LINE_CHARS // len(sentence) + 1))[:SINGLE_LINE_CHARS]
    words = ("rockets hit base near Erbil drone attack convoy Anbar Monday killed two wounded three Kataib Hezbollah "
             "claimed militia targeted US forces Baghdad embassy ").split()
    parts, n, i = [], 0, 0
    while n < SINGLE_LINE_CHARS:
        w = words[i % len(words)] if i % 7 else str(i)
        parts.append(w)
        n += len(w) + 1
        i += 1
    return {"sentence repeated": repeated, "words without punctuation": " ".join(parts)[:SINGLE_LINE_CHARS]}


def single_worker() -> None:
    """Extract each single-line text (after a warm-up page); print one JSON object."""
    _pin_one_core()
    import attackwatch
    from attackwatch.ingest.files import InputError

    attackwatch.extract("Two rockets hit Ain al-Asad air base on Monday, officials said.", published="2024-01-15")
    out = {}
    for name, text in single_line_texts().items():
        c0 = time.process_time()
        try:
            reports: int | str = len(attackwatch.extract(text, published="2024-01-15"))
        except InputError as exc:  # a one-line refusal is an answer too
            reports = f"refused: {exc}"
        out[name] = {"cpu_seconds": time.process_time() - c0, "reports": reports}
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    out["load"] = os.getloadavg()[0]
    print(json.dumps(out))


def _run_single() -> dict:
    env = {**os.environ, **SINGLE_THREAD_ENV}
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--single-worker"], env=env,
                          capture_output=True, text=True, cwd=str(REPO))
    if proc.returncode != 0:
        raise SystemExit(f"single-line worker failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=5.0, help="size of the long page in MB (default 5)")
    ap.add_argument("--n", type=int, default=1000, help="articles in the corpus the page is made of (default 1000)")
    ap.add_argument("--no-write", action="store_true", help="print only; leave bench/RESULTS-longpage.md alone")
    ap.add_argument("--single-worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.single_worker:
        single_worker()
        return 0

    measured = commit()
    sys.path.insert(0, str(REPO / "src"))
    with tempfile.TemporaryDirectory(prefix="aw-long-") as tmp:
        root = Path(tmp)
        build_corpus(root, args.n)
        built = build_long_page(root, args.mb)
        whole = _run_worker("long", "whole", root)
        parts = _run_worker("long", "parts", root)
    single = _run_single()
    ratio = whole["cpu_seconds"] / parts["cpu_seconds"] if parts["cpu_seconds"] else 0.0
    loads = [whole["load"], parts["load"], single["load"]]
    misses = []
    if ratio > TARGET_LONG_RATIO:
        misses.append(f"{ratio:.2f}x its parts > {TARGET_LONG_RATIO}x")
    if whole["peak_rss_mb"] > TARGET_LONG_RSS_MB:
        misses.append(f"peak RSS {whole['peak_rss_mb']:.0f} MB > {TARGET_LONG_RSS_MB:.0f} MB")
    body = "\n".join([
        f"Commit {measured}, CPU {cpu_model()}, fresh single-thread processes pinned to one core; 1-minute load "
        f"average {min(loads):.2f}-{max(loads):.2f} (2 shared CPUs: CPU seconds are the figures to compare).",
        "",
        f"- **{built['bytes'] / 1e6:.2f} MB page** ({built['chars']:,} characters, {built['parts']} article bodies): "
        f"whole **{whole['cpu_seconds']:.1f} CPU-s**, {whole['reports']} reports; parts {parts['cpu_seconds']:.1f} CPU-s, "
        f"{parts['reports']} reports: **{ratio:.2f}x** its parts (target <= {TARGET_LONG_RATIO}x)",
        f"- peak RSS whole **{whole['peak_rss_mb']:.0f} MB** ({whole['rss_before_mb']:.0f} MB before the page: the "
        f"pipeline, the pack and the language model; so {whole['peak_rss_mb'] - whole['rss_before_mb']:.0f} MB for the "
        f"page), parts {parts['peak_rss_mb']:.0f} MB (target <= {TARGET_LONG_RSS_MB:.0f} MB)",
        *[f"- 300 KB on one line, {name}: {r['cpu_seconds']:.2f} CPU-s, {r['reports']} reports"
          for name, r in single.items() if isinstance(r, dict)],
        "",
        "**Targets met.**" if not misses else "**Targets missed:** " + "; ".join(misses),
    ])
    print(body)
    if not args.no_write:
        stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M")
        append_section(RESULTS_FILE, f"Long page ({stamp} UTC)", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())

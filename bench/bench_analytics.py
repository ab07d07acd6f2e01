#!/usr/bin/env python3
"""Analytics benchmark: the four commands (trends, lulls, alerts, report) on synthetic
incident databases of --sizes incidents (default 5,000 and 20,000), built through the store
(`put_incident`) from the seeded generator in tests/analyze/synthetic.py.

Each command runs in its own process (`python -m attackwatch.cli ...`) as a user would run
it, so the figures include interpreter start-up, imports and reading the database; the
median of --repeat runs is reported. Results go to bench/RESULTS-analytics.md (--no-write to
only print).

    .venv/bin/python bench/bench_analytics.py
    .venv/bin/python bench/bench_analytics.py --sizes 5000 --repeat 1 --no-write
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # tests/analyze/synthetic.py: the generator the tests use too

from tests.analyze.synthetic import store_records, synthetic_records  # noqa: E402
from results_log import commit, cpu_model  # noqa: E402

COMMANDS = {
    "trends --by week --split actor": ["trends", "--by", "week", "--split", "actor", "--format", "jsonl"],
    "lulls --min-days 14": ["lulls", "--min-days", "14", "--format", "jsonl"],
    "alerts": ["alerts", "--format", "jsonl"],
    "report --week 2022-W30 (html)": ["report", "--week", "2022-W30", "-o", "{tmp}/r.html"],
    "report --week 2022-W30 (pdf)": ["report", "--week", "2022-W30", "-o", "{tmp}/r.pdf"],
}


def run(argv: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "attackwatch.cli", *argv], check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    base = [sys.executable, "-c", "pass"]
    t0 = time.perf_counter()
    subprocess.run(base, check=True)
    python_start = time.perf_counter() - t0
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            db = Path(tmp) / f"syn{n}.db"
            t0 = time.perf_counter()
            store_records(db, synthetic_records(n))
            build = time.perf_counter() - t0
            print(f"{n} incidents stored in {build:.1f} s ({db.stat().st_size / 1e6:.1f} MB)")
            for label, argv in COMMANDS.items():
                argv = [a.replace("{tmp}", tmp) for a in argv] + ["--db", str(db)]
                seconds = run(argv, args.repeat)
                print(f"  {label:34} {seconds:6.2f} s")
                rows.append((n, label, seconds))
    lines = [f"## {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, commit {commit()}, "
             f"{os.cpu_count()} cores ({cpu_model()}), shared with other jobs",
             "", f"Each figure: median of {args.repeat} runs of the command in a fresh process "
             f"(`python -c pass` alone: {python_start:.2f} s); load average at the end "
             f"{', '.join(f'{x:.1f}' for x in os.getloadavg())} (other jobs on the same 2 cores).", "",
             "| incidents | command | seconds |", "|---:|---|---:|"]
    lines += [f"| {n:,} | `attackwatch {label}` | {s:.2f} |" for n, label, s in rows]
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.no_write:
        out = REPO / "bench" / "RESULTS-analytics.md"
        header = "# Analytics benchmark (bench/bench_analytics.py)\n\n" if not out.exists() else ""
        with out.open("a", encoding="utf-8") as fh:
            fh.write(header + text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

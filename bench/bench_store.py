#!/usr/bin/env python3
"""Ingest rate of the two store backends, SQLite and PostgreSQL, on the same synthetic articles.

The corpus is bench_ingest.py's: copies of the example corpus (../examples) each made new
(own id and URL, dates moved by whole months). It is extracted once; then:

1. store only: `Dataset.ingest` of the pre-extracted results (extraction excluded) into a
   fresh database of each backend, batches of 25 (the CLI's default); for PostgreSQL also
   row by row (INSERT per article and report instead of COPY), to show what COPY buys;
2. re-ingest of everything (all unchanged: the content-hash lookups only);
3. load only: the articles and reports stored without resolution (`add_extracted(...,
   resolve=False)`, batches of 250), where COPY against row-by-row INSERTs shows;
4. end to end: `Dataset.ingest(extract_paths(folder))` into a fresh database of each backend
   (what `attackwatch ingest` does, less start-up), on the first `--e2e` articles.

PostgreSQL runs as a throwaway local cluster (tests/store/pg_server.py) with its default,
durable settings (fsync on, synchronous_commit on), over TCP on 127.0.0.1; SQLite uses the
store's settings (WAL, synchronous=NORMAL). Or give `--pg URL` of an existing empty database.

    .venv/bin/python bench/bench_store.py                  # 1,000 articles, 300 end to end
    .venv/bin/python bench/bench_store.py --n 200 --e2e 70 --no-write
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path[:0] = [str(BENCH), str(REPO / "tests" / "store")]

from bench_ingest import build_corpus  # noqa: E402
from pg_server import PgServer, find_pg_bin  # noqa: E402

from attackwatch.pipeline import extract_paths  # noqa: E402
from attackwatch.store import open_store  # noqa: E402
from attackwatch.store.dataset import Dataset, IngestSummary, extracted_row  # noqa: E402
from results_log import commit, cpu_model  # noqa: E402


class RowByRow:
    """A PostgreSQL store seen without its COPY methods, so Dataset inserts row by row."""

    def __init__(self, store: Any):
        self._store = store

    def __getattr__(self, name: str) -> Any:
        if name in ("copy_articles", "bulk_insert_reports"):
            raise AttributeError(name)
        return getattr(self._store, name)


def timed_ingest(store: Any, results: Any, batch: int) -> tuple[float, Any]:
    started = time.perf_counter()
    summary = Dataset(store).ingest(results, batch_size=batch)
    return time.perf_counter() - started, summary


def run(n: int, e2e: int, pg_url: str | None) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="aw-bench-store-"))
    corpus = work / "corpus"
    corpus.mkdir()
    build_corpus(n, corpus)
    small = work / "small"
    small.mkdir()
    for page in sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".html"))[:e2e]:
        for f in (page, page.with_name(page.stem + ".meta.json")):
            if f.exists():
                (small / f.name).write_bytes(f.read_bytes())

    started = time.perf_counter()
    results = list(extract_paths([str(corpus)]))
    extract_s = time.perf_counter() - started
    n_reports = sum(len(r.reports) for r in results if not r.error)

    server = None
    if pg_url is None:
        bin_dir = find_pg_bin()
        if bin_dir is None:
            raise SystemExit("no PostgreSQL binaries: apt-get install postgresql, or pass --pg URL")
        server = PgServer(bin_dir)
        server.start(durable=True)

    def new_pg() -> str:
        if server:
            return server.create_database()
        store = open_store(str(pg_url))  # the given database, emptied for each case
        store.conn.execute("TRUNCATE articles, reports, incidents, incident_reports, edits")
        store.close()
        return str(pg_url)

    out: dict[str, Any] = {"n": len(results), "reports": n_reports, "extract_s": extract_s, "rows": []}
    try:
        cases: list[tuple[str, Any]] = [
            ("SQLite", lambda tag: open_store(str(work / f"{tag}.db"))),
            ("PostgreSQL (COPY)", lambda tag: open_store(new_pg())),
            ("PostgreSQL (row by row)", lambda tag: RowByRow(open_store(new_pg()))),
        ]
        for name, make in cases:
            store = make("store")
            secs, summary = timed_ingest(store, results, 25)
            assert summary.new == len(results), summary.line()
            re_secs, again = timed_ingest(store, results, 25)
            assert again.unchanged == len(results)
            assert store.check() == []
            counts = store.counts()
            store.close()
            out["rows"].append({"case": f"store only, {name}", "secs": secs, "rate": len(results) / secs,
                                "reingest_rate": len(results) / re_secs, "incidents": counts["incidents"]})
        # storing alone (no resolution): where COPY counts, in batches of 250
        rows = [extracted_row(r.article, r.reports) for r in results if not r.error]
        for name, make in cases:
            store = make("load")
            started = time.perf_counter()
            for i in range(0, len(rows), 250):
                Dataset(store).add_extracted(rows[i:i + 250], IngestSummary(), resolve=False)
            secs = time.perf_counter() - started
            assert store.counts()["reports"] == n_reports
            store.close()
            out["rows"].append({"case": f"load only (no resolution, batches of 250), {name}", "secs": secs,
                                "rate": len(rows) / secs, "reingest_rate": None, "incidents": None})
        for name, make in cases[:2]:
            store = make("e2e")
            started = time.perf_counter()
            summary = Dataset(store).ingest(extract_paths([str(small)]), batch_size=25)
            secs = time.perf_counter() - started
            store.close()
            out["rows"].append({"case": f"end to end, {name}", "secs": secs, "rate": summary.new / secs,
                                "reingest_rate": None, "incidents": None, "articles": summary.new})
    finally:
        if server:
            server.stop()
    return out


def report(out: dict[str, Any], n_e2e: int) -> str:
    cpu = cpu_model()
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    lines = [f"### {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, commit {commit()}, {os.cpu_count()} cores ({cpu}), "
             f"shared with other jobs (load average at the end {load})",
             "",
             f"{out['n']} synthetic articles ({out['reports']} reports); extraction alone took {out['extract_s']:.1f} s "
             f"({out['n'] / out['extract_s']:.1f} articles/s, not counted in the store-only rates). "
             f"End to end on the first {n_e2e}.",
             "",
             "| case | seconds | articles/s | re-ingest (unchanged) articles/s | incidents |",
             "|---|---:|---:|---:|---:|"]
    for r in out["rows"]:
        again = "" if r["reingest_rate"] is None else f"{r['reingest_rate']:.0f}"
        lines.append(f"| {r['case']} | {r['secs']:.1f} | {r['rate']:.1f} | {again} | {r['incidents'] or ''} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--e2e", type=int, default=300, help="articles for the end-to-end runs")
    ap.add_argument("--pg", help="URL of an existing empty PostgreSQL database (default: a throwaway local cluster)")
    ap.add_argument("--no-write", action="store_true", help="print only; leave bench/RESULTS-store.md alone")
    args = ap.parse_args()
    out = run(args.n, args.e2e, args.pg)
    text = report(out, args.e2e)
    print(text)
    if not args.no_write:
        with open(BENCH / "RESULTS-store.md", "a", encoding="utf-8") as fh:
            fh.write("\n" + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

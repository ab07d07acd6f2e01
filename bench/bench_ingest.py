#!/usr/bin/env python3
"""Ingest-rate benchmark for the SQLite incident database (`Dataset.ingest`).

Builds ~2,000 articles by copying the example corpus (../examples, 35 pages) and varying each
copy so it is new: its own id and URL, its publication date and the explicit dates in its
text moved by whole months (copy k: +k months), so each copy tells its incidents at other
dates while the outlets of one copy still tell the same incidents as each other (as in the
original corpus). Then, in one subprocess pinned to one core:

1. build: imports, pack, spaCy pipeline and one warm-up article (reported, excluded from rates);
2. extract: `extract_paths` over the whole folder (for reference);
3. store: `Dataset.ingest` of those results into a fresh database, batches of 25 (the CLI's
   default) and of 1; the database-only ingest rate;
4. end to end: `Dataset.ingest(extract_paths(folder))` into another fresh database, which is
   what `attackwatch ingest` does (less the build);
5. re-ingest of everything (all unchanged), the database size, and `check()`.

    .venv/bin/python bench/bench_ingest.py                 # 2,000 articles
    .venv/bin/python bench/bench_ingest.py --n 300 --no-write
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from results_log import append_section, commit  # noqa: E402

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
EXAMPLES = REPO / "examples"

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
ABBR = [m[:3] for m in MONTHS]
_MONTH_DAY = re.compile(r"\b(" + "|".join(MONTHS + ABBR) + r")(\.?) (\d{1,2})\b(?!\d)(,? (20\d\d))?")


def _shift_month(year: int, month: int, k: int) -> tuple[int, int]:
    m = month - 1 + k
    return year + m // 12, m % 12 + 1


def shift_text(text: str, k: int, base_year: int) -> str:
    """Move explicit dates k months later: 'February 15' -> 'March 15' (+ the year when it rolls)."""
    def month_day(m: re.Match) -> str:
        name = m.group(1)
        idx = (MONTHS.index(name) if name in MONTHS else ABBR.index(name))
        year = int(m.group(5)) if m.group(5) else base_year
        y, mo = _shift_month(year, idx + 1, k)
        new = MONTHS[mo - 1] if name in MONTHS else ABBR[mo - 1]
        day = min(int(m.group(3)), 28)
        return f"{new}{m.group(2)} {day}" + (f", \x00{y}" if m.group(5) else "")  # \x00: year already moved

    text = _MONTH_DAY.sub(month_day, text)
    # bare years ("in 2020") move by the whole years of the shift
    text = re.sub(r"(?<!\x00)\b(20[12]\d)\b", lambda m: str(int(m.group(1)) + k // 12), text)
    return text.replace("\x00", "")


def shift_published(value: str, k: int) -> str:
    d = date.fromisoformat(value[:10])
    y, m = _shift_month(d.year, d.month, k)
    return date(y, m, min(d.day, 28)).isoformat()


def _published(page: Path, meta: dict) -> str:
    """The sidecar's date, else the one the pipeline finds in the page (byline, dateline)."""
    if meta.get("published"):
        return str(meta["published"])
    sys.path.insert(0, str(REPO / "src"))
    from attackwatch.pipeline import load_article

    found = load_article(str(page)).published
    if found is None:
        raise SystemExit(f"{page}: no publication date to shift")
    return found.isoformat()


def build_corpus(n: int, dest: Path) -> int:
    pages = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html"))
    dates: dict[Path, str] = {}
    made = 0
    k = 0
    while made < n:
        k += 1
        for page in pages:
            if made >= n:
                break
            meta_path = page.with_name(page.stem + ".meta.json")
            meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
            if page not in dates:
                dates[page] = _published(page, meta)
            published = dates[page]
            base_year = int(published[:4])
            text = shift_text(page.read_text(encoding="utf-8"), k, base_year)
            new_meta = {**meta, "id": f"{meta.get('id', page.stem)}__c{k}", "published": shift_published(published, k),
                        "url": (meta.get("url") or f"https://example.org/{page.stem}") + f"?copy={k}"}
            stem = f"{page.stem}__c{k}"
            (dest / f"{stem}{page.suffix}").write_text(text, encoding="utf-8")
            (dest / f"{stem}.meta.json").write_text(json.dumps(new_meta), encoding="utf-8")
            made += 1
    return made


def _rss_mb(field: str) -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _db_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def child(folder: Path, work: Path) -> dict:
    sys.path.insert(0, str(REPO / "src"))
    t0 = time.perf_counter()
    from attackwatch.pipeline import extract_paths
    from attackwatch.store import open_store
    from attackwatch.store.dataset import Dataset

    warm = sorted(folder.glob("*.txt"))[0]
    list(extract_paths([str(warm)]))
    build = time.perf_counter() - t0

    t0 = time.perf_counter()
    results = list(extract_paths([str(folder)]))
    extract_s = time.perf_counter() - t0
    n = len(results)
    failed = sum(1 for r in results if r.error)
    n_reports = sum(len(r.reports) for r in results)

    out: dict = {"articles": n, "failed": failed, "reports": n_reports, "build_s": round(build, 2),
                 "extract_per_s": round(n / extract_s, 1)}
    for batch in (25, 1):
        db = work / f"store_b{batch}.db"
        store = open_store(str(db))
        ds = Dataset(store)
        t0 = time.perf_counter()
        summary = ds.ingest(results, batch_size=batch)
        secs = time.perf_counter() - t0
        out[f"store_b{batch}_per_s"] = round(n / secs, 1)
        out[f"store_b{batch}_s"] = round(secs, 2)
        if batch == 25:
            counts = store.counts()
            out.update(incidents=counts["incidents"], created=summary.incidents_created,
                       joined=summary.incidents_merged)
            t0 = time.perf_counter()
            again = ds.ingest(results)
            out["reingest_per_s"] = round(n / (time.perf_counter() - t0), 1)
            assert again.unchanged == n - failed, again.line()
            t0 = time.perf_counter()
            out["check_problems"] = len(store.check())
            out["check_s"] = round(time.perf_counter() - t0, 2)
            t0 = time.perf_counter()
            ds.rebuild()
            out["rebuild_s"] = round(time.perf_counter() - t0, 2)
        store.close()
        if batch == 25:
            out["db_mb"] = round(_db_size(db) / 2**20, 2)
            out["db_kb_per_article"] = round(_db_size(db) / 1024 / n, 1)

    db = work / "e2e.db"
    store = open_store(str(db))
    t0 = time.perf_counter()
    Dataset(store).ingest(extract_paths([str(folder)]))
    e2e = time.perf_counter() - t0
    store.close()
    out["end_to_end_per_s"] = round(n / e2e, 1)
    out["peak_rss_mb"] = round(_rss_mb("VmHWM"))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--cpu", default="0", help="core to pin the measuring subprocess to (taskset)")
    ap.add_argument("--no-write", action="store_true", help="print only; leave bench/RESULTS.md alone")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        print(json.dumps(child(Path(a.child[0]), Path(a.child[1]))))
        return 0

    with tempfile.TemporaryDirectory(prefix="aw-bench-ingest-") as tmp:
        folder, work = Path(tmp) / "corpus", Path(tmp) / "work"
        folder.mkdir()
        work.mkdir()
        made = build_corpus(a.n, folder)
        env = {**os.environ, "PYTHONHASHSEED": "0", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
               "OPENBLAS_NUM_THREADS": "1"}
        cmd = [sys.executable, __file__, "--child", str(folder), str(work)]
        if sys.platform.startswith("linux"):
            cmd = ["taskset", "-c", a.cpu, *cmd]
        out = subprocess.run(cmd, capture_output=True, text=True, env=env)
        if out.returncode:
            print(out.stderr, file=sys.stderr)
            return 1
        r = json.loads(out.stdout)
    print(json.dumps(r))
    assert r["articles"] == made
    table = "\n".join([
        "| articles (reports) | build s | extract art/s | store art/s (batch 25) | store art/s (batch 1) | "
        "end-to-end art/s | re-ingest art/s | incidents | db MB (KB/article) | rebuild s | check | peak RSS MB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {r['articles']:,} ({r['reports']:,}) | {r['build_s']} | {r['extract_per_s']} | {r['store_b25_per_s']} | "
        f"{r['store_b1_per_s']} | {r['end_to_end_per_s']} | {r['reingest_per_s']} | {r['incidents']:,} | "
        f"{r['db_mb']} ({r['db_kb_per_article']}) | {r['rebuild_s']} | "
        f"{'ok' if not r['check_problems'] else str(r['check_problems']) + ' problems'} | {r['peak_rss_mb']} |",
    ])
    print(table)
    if not a.no_write:
        append_section("RESULTS.md", f"SQLite ingest rate ({datetime.now():%Y-%m-%d %H:%M}, commit {commit()}, "
                       f"{platform.python_version()}, one core)", table)
    return 0


if __name__ == "__main__":
    sys.exit(main())

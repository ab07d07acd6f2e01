#!/usr/bin/env python3
"""Batch-mode benchmark: `attackwatch batch` over a synthetic WARC on 1 and 2 Dask workers.

The corpus: the example pages (../examples, our own text) varied copy by copy, written as a
gzipped WARC of HTML responses under bench/corpus/ (gitignored). Copy k moves every explicit
date and the publication date k months later (bench_ingest.shift_text), swaps one pair of
place names chosen by k // 48, and changes small casualty counts by the copy; plain-text pages
are wrapped in a simple HTML page, and each page carries its publication date as
article:published_time (the sidecar's date, moved), so no two pages are alike. After every
50th page comes a non-HTML response (an image), as in a real crawl, which the reader skips.
The generator is deterministic.

For each worker count: the wall time of `run_batch` (planning, cluster start, extraction,
Parquet), pages/s, pages/s per worker, the pages per CPU-second the workers got (what a
shared machine does not distort), and the peak RSS of each worker process. Then the load of
the last output into an empty SQLite store (`attackwatch ingest OUT --db`, bulk path).

    .venv/bin/python bench/bench_batch.py --n 20000 --workers 1 2      # the full run (long)
    .venv/bin/python bench/bench_batch.py --n 1000 --workers 1 2 --no-write
"""
from __future__ import annotations

import argparse
import html
import io
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
EXAMPLES = REPO / "examples"
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(REPO / "src"))

from bench_ingest import MONTHS, _published, shift_published, shift_text  # noqa: E402  (one date-shifting rule)
from results_log import append_section, commit  # noqa: E402

# pairs of places of one country and kind; copy group g swaps pair g % len
SWAPS = [("Erbil", "Harir"), ("Ain al-Asad", "Balad"), ("Tanf", "Shaddadi"), ("Baghdad", "Kirkuk"),
         ("Conoco", "Green Village"), ("Taji", "Balad"), ("Erbil", "Sulaymaniyah"), ("Tower 22", "Tanf")]
PERIOD = 48  # copies before the place swap changes


_ISO = re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)")
_DAY_FIRST = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") (20\d\d)\b")


def _shift_iso(text: str, k: int) -> str:
    """ISO dates (HTML metadata, <time>) k months later; the \x00 keeps shift_text from moving
    their year again (it removes the marks)."""
    def move(m: re.Match) -> str:
        month = int(m.group(1)) * 12 + int(m.group(2)) - 1 + k
        return f"\x00{month // 12}-{month % 12 + 1:02d}-{min(int(m.group(3)), 28):02d}"

    def day_first(m: re.Match) -> str:  # "23 April 2024", which shift_text does not read
        month = int(m.group(3)) * 12 + MONTHS.index(m.group(2)) + k
        return f"{min(int(m.group(1)), 28)} {MONTHS[month % 12]} \x00{month // 12}"

    return _DAY_FIRST.sub(day_first, _ISO.sub(move, text))


def _swap(text: str, a: str, b: str) -> str:
    return text.replace(a, "\x00").replace(b, a).replace("\x00", b)


def _scale_numbers(text: str, k: int) -> str:
    """'3 soldiers were wounded' -> another small count, so copies differ in casualties too."""
    return re.sub(r"\b([1-9])( (?:soldiers|service members|troops|people|personnel|civilians))",
                  lambda m: f"{(int(m.group(1)) + k) % 9 + 1}{m.group(2)}", text)


def _as_html(text: str, title: str | None) -> str:
    paras = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    return f"<html><head><title>{html.escape(title or '')}</title></head><body><article>\n{paras}\n</article></body></html>"


def _with_meta(page: str, published: str, outlet: str | None) -> str:
    tags = f'<meta property="article:published_time" content="{published}">'
    if outlet:
        tags += f'<meta property="og:site_name" content="{html.escape(outlet)}">'
    if "<head>" in page:
        return page.replace("<head>", "<head>" + tags, 1)
    return page.replace("<html>", f"<html><head>{tags}</head>", 1)


def build_warc(n: int, dest: Path) -> dict:
    """A gzipped WARC of `n` HTML pages (plus a few non-HTML records); returns counts."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html"))
    dates: dict[Path, str] = {}
    metas: dict[Path, dict] = {}
    for page in pages:
        meta_path = page.with_name(page.stem + ".meta.json")
        metas[page] = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        dates[page] = _published(page, metas[page])
    made = other = 0
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(".tmp")
    with open(tmp, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        k = 0
        while made < n:
            k += 1
            shift, group = k, (k - 1) // PERIOD  # every copy its own months: no two pages alike
            a, b = SWAPS[group % len(SWAPS)]
            for page in pages:
                if made >= n:
                    break
                meta = metas[page]
                base_year = int(dates[page][:4])
                text = shift_text(_shift_iso(page.read_text(encoding="utf-8"), shift), shift, base_year)
                text = _scale_numbers(_swap(text, a, b), k)
                published = shift_published(dates[page], shift)
                body = text if page.suffix == ".html" else _as_html(text, meta.get("title"))
                body = _with_meta(body, published, meta.get("outlet"))
                url = (meta.get("url") or f"https://example.org/{page.stem}") + f"?copy={k}"
                crawl = (date.fromisoformat(published) + timedelta(days=2)).isoformat() + "T12:00:00Z"
                http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
                rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode("utf-8")),
                                                http_headers=http, warc_headers_dict={"WARC-Date": crawl})
                writer.write_record(rec)
                made += 1
                if made % 50 == 0:  # a crawl also holds images and requests: the reader skips them
                    img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
                    writer.write_record(writer.create_warc_record(url + "&logo.png", "response",
                                                                  payload=io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(64)),
                                                                  http_headers=img))
                    other += 1
    os.replace(tmp, dest)
    return {"html_pages": made, "other_records": other, "warc_mb": round(dest.stat().st_size / 2**20, 1)}


def measure(warc: Path, workers: int, size: int, out: Path) -> dict:
    from attackwatch.scale.batch import run_batch

    if out.exists():
        shutil.rmtree(out)
    errors: list[str] = []
    t0 = time.perf_counter()
    s = run_batch([str(warc)], out, partition_size=size, workers=workers, on_error=errors.append)
    secs = time.perf_counter() - t0
    pages = s.articles + s.failed
    # busy time per worker process (partition seconds, model loading in its first partition included)
    busy: dict[int, list[float]] = {}
    for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        e = json.loads(line)
        b = busy.setdefault(e["worker_pid"], [0, 0.0])
        b[0] += e["articles"] + e["failed"]
        b[1] += e["seconds"]
    per_worker = sorted(round(n / t, 2) for n, t in busy.values() if t)
    cpu = sum(s.worker_cpu_s.values())
    return {"busy_pages_per_s_each_worker": per_worker, "worker_cpu_s": round(cpu, 1),
            "pages_per_worker_cpu_s": round(pages / cpu, 2) if cpu else None, "workers": workers, "pages": pages, "articles": s.articles, "failed": s.failed, "reports": s.reports,
            "partitions": s.partitions, "seconds": round(secs, 1), "pages_per_s": round(pages / secs, 2),
            "pages_per_s_per_worker": round(pages / secs / workers, 2),
            "worker_peak_rss_mb": sorted(s.worker_peak_rss_mb.values()), "first_errors": errors[:3]}


def measure_load(out: Path) -> dict:
    """`attackwatch ingest OUT --db NEW.db`: the bulk load of a batch output, in a subprocess."""
    import resource

    db = out.with_suffix(".db")
    for f in out.parent.glob(db.name + "*"):
        f.unlink()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "attackwatch.cli", "ingest", str(out), "--db", str(db), "--quiet"],
                          capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        raise SystemExit(proc.stderr)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {"load_s": round(wall, 1), "load_cpu_s": round(cpu, 1), "load_summary": proc.stdout.strip(),
            "db_mb": round(db.stat().st_size / 2**20, 1), "load_peak_rss_mb": round(after.ru_maxrss / 1024)}


def _load() -> str:
    return " ".join(open("/proc/loadavg").read().split()[:3])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--partition-size", type=int, default=250)
    ap.add_argument("--baseline", type=float, help="pages/s of an earlier 1-worker run, for the speed-up")
    ap.add_argument("--no-write", action="store_true", help="print only; leave bench/RESULTS-batch.md alone")
    a = ap.parse_args()

    corpus = BENCH / "corpus"
    warc = corpus / f"synthetic-v2-{a.n}.warc.gz"
    if not warc.exists():
        t0 = time.perf_counter()
        info = build_warc(a.n, warc)
        print(json.dumps({**info, "build_s": round(time.perf_counter() - t0, 1)}), flush=True)
    runs = []
    for w in a.workers:
        load_before = _load()
        r = measure(warc, w, a.partition_size, corpus / f"out-v2-{a.n}-w{w}")
        r["load_before"], r["load_after"] = load_before, _load()
        print(json.dumps(r), flush=True)
        runs.append(r)
    base = next((r for r in runs if r["workers"] == 1), None)
    if base is None and a.baseline:  # the 1-worker figure from an earlier run of the same corpus
        base = {"pages_per_s": a.baseline}
    rows = ["| pages | workers | partitions | wall s | pages/s | pages/s per worker | speed-up | busy pages/s of each worker "
            "| pages per worker CPU-second | worker peak RSS MB | load avg before / after |",
            "|---:|---:|---:|---:|---:|---:|---:|---|---:|---|---|"]
    for r in runs:
        speed = f"{r['pages_per_s'] / base['pages_per_s']:.2f}" if base else "-"
        rows.append(f"| {r['pages']:,} | {r['workers']} | {r['partitions']} | {r['seconds']} | {r['pages_per_s']} | "
                    f"{r['pages_per_s_per_worker']} | {speed} | {', '.join(str(x) for x in r['busy_pages_per_s_each_worker'])} | "
                    f"{r['pages_per_worker_cpu_s']} | "
                    f"{', '.join(str(x) for x in r['worker_peak_rss_mb'])} | "
                    f"{r['load_before']} / {r['load_after']} |")
    table = "\n".join(rows)
    load = measure_load(corpus / f"out-v2-{a.n}-w{runs[-1]['workers']}")
    print(json.dumps(load), flush=True)
    table += (f"\n\nBulk load of that output into an empty SQLite store (`attackwatch ingest OUT --db`): "
              f"{load['load_s']} s wall, {load['load_cpu_s']} s CPU, {load['db_mb']} MB, peak RSS "
              f"{load['load_peak_rss_mb']} MB: {load['load_summary']}")
    print(table)
    if not a.no_write:
        append_section("RESULTS-batch.md", f"attackwatch batch, synthetic WARC of {a.n:,} pages "
                       f"({datetime.now():%Y-%m-%d %H:%M} UTC, commit {commit()}, Python {platform.python_version()}, "
                       f"partition size {a.partition_size})", table)
    return 0


if __name__ == "__main__":
    sys.exit(main())

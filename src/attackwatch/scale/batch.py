"""The batch mode: clean and extract a large set of pages on a Dask cluster, one Parquet file
per partition.

    attackwatch batch 'archives/*.warc.gz' --out parquet-dir/ [--workers 8 | --scheduler tcp://host:8786]

The driver plans partitions (attackwatch.scale.partitions), skips those whose file exists,
and maps `run_partition` over the rest with dask.delayed on a distributed cluster: a
LocalCluster of single-threaded worker processes by default (spaCy and the pack load once
per worker), or an existing scheduler. Each partition is written to a temporary file and
renamed, so a partition file is either whole or absent: a worker killed mid-partition
leaves nothing behind, the scheduler re-runs the task on another worker, and a re-run of
the command completes whatever is missing.
"""
from __future__ import annotations

import json
import os
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from attackwatch.scale.partitions import Manifest, Partition, plan, rules_version
from attackwatch.scale.report_table import REPORTS, report_rows, reports_schema

PARTS = "parts"
MAX_PARTITION_SIZE = 500
PARTITIONS_PER_WORKER = 2

# one row per page: an article with its reports, or a failure with its reason
COLUMNS = ("kind", "id", "url", "outlet", "title", "author", "published", "published_source", "path", "text",
           "content_hash", "reports", "n_reports", "error")


def part_path(out_dir: Path, partition_id: str) -> Path:
    return out_dir / PARTS / f"{partition_id}.parquet"


def _schema():  # type: ignore[no-untyped-def]
    import pyarrow as pa

    types = {"n_reports": pa.int32(), "published": pa.date32()}
    return pa.schema([(c, types.get(c, pa.string())) for c in COLUMNS])


def reports_path(out_dir: Path, partition_id: str) -> Path:
    return out_dir / REPORTS / f"{partition_id}.parquet"


def _row(result: Any) -> dict[str, Any]:
    from attackwatch.store.dataset import content_hash

    if result.error:
        return {"kind": "failure", "path": result.path, "error": result.error, "n_reports": 0}
    a = result.article
    return {"kind": "article", "id": a.id, "url": a.url, "outlet": a.outlet, "title": a.title, "author": a.author,
            "published": a.published, "published_source": a.published_source,
            "path": a.path, "text": a.text, "content_hash": content_hash(a),
            "reports": json.dumps([r.to_dict() for r in result.reports], ensure_ascii=False),
            "n_reports": len(result.reports), "error": None}


def write_atomically(rows: list[dict[str, Any]], target: Path, schema: Any = None) -> None:
    """Write a Parquet file under a temporary name and rename it: readers see all or nothing."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows, schema=schema or _schema())
    tmp = target.with_name(f".{target.stem}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        pq.write_table(table, tmp, compression="zstd")
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


def run_partition(partition: dict[str, Any], out_dir: str, pack: str = "default",
                  any_theatre: bool = False) -> dict[str, Any]:
    """Clean and extract one partition and write its Parquet file (on a worker)."""
    from attackwatch.ingest.files import InputError
    from attackwatch.ingest.records import read_span
    from attackwatch.pipeline import process_page
    from attackwatch.pipeline import PageResult

    part = Partition.from_json(partition)
    target = part_path(Path(out_dir), part.id)
    t0 = time.perf_counter()
    rows: list[dict[str, Any]] = []
    flat: list[dict[str, Any]] = []
    for span in part.spans:
        for item in read_span(span):
            if isinstance(item, InputError):
                result = PageResult(path=item.path, error=str(item))
            else:
                result = process_page(item, pack=pack, any_theatre=any_theatre)
                if not result.error:
                    flat += report_rows(result.article, result.reports)
            rows.append(_row(result))
    # the flat reports table first: a partition counts as done when its articles file exists
    flat_target = reports_path(Path(out_dir), part.id)
    flat_target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(flat, flat_target, reports_schema())
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(rows, target)
    articles = [r for r in rows if r["kind"] == "article"]
    return {**part.to_json(), "articles": len(articles), "failed": len(rows) - len(articles),
            "reports": sum(r["n_reports"] for r in articles), "seconds": round(time.perf_counter() - t0, 3),
            "errors": [r["error"] for r in rows if r["kind"] == "failure"], "worker_pid": os.getpid()}


def _record_plan(out: Path, paths: list[str], partitions: list[Partition], **options: Any) -> None:
    """batch.json: the partitions this folder holds, in order, for `attackwatch ingest`.
    Another run into the same folder adds its partitions; those of an earlier run over the
    same files (with older rules, or another partition size) are superseded and dropped."""
    path = out / "batch.json"
    previous = json.loads(path.read_text(encoding="utf-8")).get("partitions", []) if path.exists() else []
    files = {s.path for p in partitions for s in p.spans}
    ids = {p.id for p in partitions}
    kept = [e for e in previous if isinstance(e, dict) and e["id"] not in ids and not set(e["files"]) & files]
    current = [{"id": p.id, "files": sorted({s.path for s in p.spans})} for p in partitions]
    # the reports folder reads as one table: the flat files of superseded partitions go
    listed = {e["id"] for e in kept} | ids
    for stale in (out / REPORTS).glob("*.parquet"):
        if stale.stem not in listed:
            stale.unlink()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"inputs": paths, **options, "rules_version": rules_version(options["pack"]),
                               "partitions": kept + current}, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def worker_usage() -> dict[str, float]:
    """This process's peak resident set (MB) and CPU time (s): how big and how busy a worker
    was, whatever else ran on the machine."""
    import resource

    use = resource.getrusage(resource.RUSAGE_SELF)
    peak = use.ru_maxrss / 1024  # KB on Linux
    try:
        with open("/proc/self/status") as fh:
            peak = next(int(line.split()[1]) / 1024 for line in fh if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        pass
    return {"peak_rss_mb": round(peak, 1), "cpu_s": round(use.ru_utime + use.ru_stime, 2)}


@dataclass
class BatchSummary:
    partitions: int = 0
    partition_size: int = 0
    skipped: int = 0
    ran: int = 0
    lost: int = 0  # partitions that failed on the cluster (re-run to retry)
    articles: int = 0
    failed: int = 0
    reports: int = 0
    seconds: float = 0.0
    workers: int = 0
    worker_peak_rss_mb: dict[str, float] = field(default_factory=dict)
    worker_cpu_s: dict[str, float] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def rate(self) -> float:
        return (self.articles + self.failed) / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        lost = f", {self.lost} lost (re-run to retry)" if self.lost else ""
        return (f"batch: {self.partitions} partitions of up to {self.partition_size} pages ({self.skipped} already done, "
                f"{self.ran} run{lost}); "
                f"{self.articles} articles, {self.failed} failed, {self.reports} reports in {self.seconds:.1f} s "
                f"({self.rate():.1f} pages/s on {self.workers} worker(s))")


def start_client(workers: int | None, scheduler: str | None):  # type: ignore[no-untyped-def]
    import logging

    from distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                           dashboard_address=":0", silence_logs=logging.ERROR)
    return Client(cluster), cluster


def auto_partition_size(pages: int, workers: int) -> int:
    """Pages per partition when none is asked for: at most MAX_PARTITION_SIZE, and small
    enough that every worker gets PARTITIONS_PER_WORKER partitions (so none idles on a small
    input, and a slow partition does not hold up the end alone)."""
    share = -(-pages // max(1, workers * PARTITIONS_PER_WORKER))  # ceiling division
    return max(1, min(MAX_PARTITION_SIZE, share))


def _worker_count(workers: int | None, scheduler: str | None) -> int:
    if not scheduler:
        return workers or os.cpu_count() or 1
    from distributed import Client

    with Client(scheduler) as client:
        return max(1, len(client.scheduler_info()["workers"]))


def run_batch(paths: list[str], out_dir: str | Path, *, partition_size: int | None = None, workers: int | None = None,
              scheduler: str | None = None, pack: str = "default", any_theatre: bool = False,
              on_error: Callable[[str], None] | None = None,
              on_progress: Callable[[int, int], None] | None = None) -> BatchSummary:
    """Plan, skip what is done, run the rest on the cluster; `on_error` gets each bad record's
    one-line message, `on_progress(done, total)` the pages done after each finished partition.
    `partition_size` None: sized to the input and the workers (auto_partition_size)."""
    from dask import delayed
    from distributed import as_completed

    out = Path(out_dir)
    (out / PARTS).mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    size = partition_size or MAX_PARTITION_SIZE
    partitions = plan(paths, size, rules_version(pack))
    if partition_size is None:
        fitted = auto_partition_size(sum(p.pages for p in partitions), _worker_count(workers, scheduler))
        if fitted != size:
            size, partitions = fitted, plan(paths, fitted, rules_version(pack))
    todo = [p for p in partitions if not part_path(out, p.id).exists()]
    summary = BatchSummary(partitions=len(partitions), skipped=len(partitions) - len(todo), partition_size=size)
    _record_plan(out, paths, partitions, partition_size=size, pack=pack, any_theatre=any_theatre)
    manifest = Manifest(out)
    total_pages = sum(p.pages for p in partitions)
    pages_done = total_pages - sum(p.pages for p in todo)
    pages_of = {p.id: p.pages for p in todo}
    if on_progress:
        on_progress(pages_done, total_pages)
    if todo:
        client, cluster = start_client(workers, scheduler)
        try:
            summary.workers = len(client.scheduler_info()["workers"])
            tasks = [delayed(run_partition, pure=False)(p.to_json(), str(out.resolve()), pack, any_theatre,
                                                         dask_key_name=f"partition-{p.id}") for p in todo]
            futures = client.compute(tasks)
            done = summary.skipped
            for future in as_completed(futures):
                try:
                    result = future.result()
                except Exception as exc:  # e.g. KilledWorker after repeated worker deaths
                    summary.lost += 1
                    if on_error:
                        on_error(f"partition {future.key}: {exc.__class__.__name__}: {exc}")
                    continue
                summary.ran += 1
                summary.articles += result["articles"]
                summary.failed += result["failed"]
                summary.reports += result["reports"]
                for message in result["errors"]:
                    summary.errors.append(message)
                    if on_error:
                        on_error(message)
                manifest.append([{k: v for k, v in result.items() if k != "errors"}])
                done += 1
                pages_done += pages_of.get(result["id"], 0)
                if on_progress:
                    on_progress(pages_done, total_pages)
            usage = client.run(worker_usage)
            summary.worker_peak_rss_mb = {w: u["peak_rss_mb"] for w, u in usage.items()}
            summary.worker_cpu_s = {w: u["cpu_s"] for w, u in usage.items()}
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    summary.seconds = time.perf_counter() - t0
    return summary

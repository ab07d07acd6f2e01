"""Store an `attackwatch batch` output folder: `attackwatch ingest OUT_DIR --db ...`.

Into an empty store the load is in bulk: every article and report is stored in one
transaction without per-batch resolution, the reports are resolved block-parallel
(attackwatch.scale.resolve, on Dask when a client is given), and the incidents are written
once, as a full re-resolution would make them. Into a store that already holds incidents,
the rows go through the ordinary incremental path (`Dataset.add_extracted`, batch by batch),
so new reports join the incidents already there.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Iterator

from attackwatch.scale.batch import PARTS, part_path
from attackwatch.scale.resolve import keys_from_rows, resolve_in_blocks
from attackwatch.store.dataset import Dataset, IngestSummary

ROW_FIELDS = ("id", "url", "outlet", "title", "published", "content_hash", "text", "path", "author")


def is_batch_output(path: str | Path) -> bool:
    p = Path(path)
    return p.is_dir() and (p / PARTS).is_dir() and ((p / "batch.json").exists() or (p / "manifest.jsonl").exists())


def _planned(out: Path) -> list[str]:
    if not (out / "batch.json").exists():
        return []
    entries = json.loads((out / "batch.json").read_text(encoding="utf-8")).get("partitions", [])
    return [e["id"] if isinstance(e, dict) else str(e) for e in entries]  # early outputs listed bare ids


def part_files(out_dir: str | Path) -> list[Path]:
    """The partition files batch.json lists, in order (the order the pages were given);
    outputs of superseded runs (older rules over the same files) are not among them."""
    out = Path(out_dir)
    if not (out / "batch.json").exists():  # a folder of parts without its plan: take them all
        return sorted((out / PARTS).glob("*.parquet"))
    return [part_path(out, pid) for pid in _planned(out) if part_path(out, pid).exists()]


def missing_partitions(out_dir: str | Path) -> int:
    out = Path(out_dir)
    return sum(1 for pid in _planned(out) if not part_path(out, pid).exists())


def iter_parts(out_dir: str | Path) -> Iterator[tuple[list[dict[str, Any]], list[str]]]:
    """(article rows, failure messages) of each partition file, in order."""
    import pyarrow.parquet as pq

    for f in part_files(out_dir):
        rows, failures = [], []
        for r in pq.read_table(f).to_pylist():
            if r["kind"] == "failure":
                failures.append(r["error"])
                continue
            row = {k: r.get(k) for k in ROW_FIELDS}
            row["reports"] = json.loads(r["reports"] or "[]")
            rows.append(row)
        yield rows, failures


def iter_rows(out_dir: str | Path) -> Iterator[dict[str, Any]]:
    for rows, _ in iter_parts(out_dir):
        yield from rows


def load_batch_output(ds: Dataset, out_dir: str | Path, *, batch_size: int = 25, client: Any = None,
                      on_error: Callable[[str], None] | None = None,
                      on_progress: Callable[[int], None] | None = None) -> IngestSummary:
    """Store the articles and reports of a batch output folder and resolve them."""
    summary = IngestSummary()
    if ds.store.counts()["incidents"] == 0:
        _bulk(ds, out_dir, summary, client, on_error, on_progress)
        return summary
    for rows, failures in iter_parts(out_dir):
        _failures(summary, failures, on_error)
        for i in range(0, len(rows), batch_size):
            ds.add_extracted(rows[i:i + batch_size], summary)
        if on_progress:
            on_progress(len(rows) + len(failures))
    return summary


def _failures(summary: IngestSummary, failures: list[str], on_error: Callable[[str], None] | None) -> None:
    summary.failed += len(failures)
    summary.errors += failures
    for message in failures:
        if on_error:
            on_error(message)


def _bulk(ds: Dataset, out_dir: str | Path, summary: IngestSummary, client: Any,
          on_error: Callable[[str], None] | None, on_progress: Callable[[int], None] | None) -> None:
    with ds.store.write():
        stored: list[str] = []
        all_rows: list[dict[str, Any]] = []
        for rows, failures in iter_parts(out_dir):
            _failures(summary, failures, on_error)
            stored += ds.add_extracted(rows, summary, resolve=False)
            all_rows += [{"id": r["id"], "outlet": r["outlet"], "reports": r["reports"]} for r in rows]
            if on_progress:
                on_progress(len(rows) + len(failures))
        # a later row with the same id or URL replaced an earlier one: resolve what the store kept
        kept = {r["id"] for r in ds.store.report_rows(stored)}
        keys = [k for rid, k in keys_from_rows(all_rows).items() if rid in kept]
        groups = resolve_in_blocks(keys, client=client)
        for cid, rids in groups.items():
            for rid in rids:
                ds.store.link(rid, cid)
        edits = ds.store.edits()
        for cid in groups:
            ds.recompute(cid, edits)
        summary.incidents_created += len(groups)
        summary.incidents_merged += len(keys) - len(groups)  # reports told by more than one article

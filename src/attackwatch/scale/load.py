"""Store an `attackwatch batch` output folder: `attackwatch ingest OUT_DIR --db ...`.

Into an empty store the load is in bulk: every article and report is stored in one
transaction without per-batch resolution, the reports are resolved block-parallel
(attackwatch.scale.resolve, on Dask when a client is given), and the incidents are written
once, as a full re-resolution would make them. Into a store that already holds incidents,
the rows go through the ordinary incremental path (`Dataset.add_extracted`, batch by batch),
so new reports join the incidents already there.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from attackwatch.scale.output import iter_parts
from attackwatch.scale.resolve import keys_from_rows, resolve_in_blocks
from attackwatch.store.dataset import Dataset, IngestSummary


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
        summary.reports_founding += len(groups)
        summary.reports_joined_new += len(keys) - len(groups)  # reports told by more than one article
        if len(stored) > len(keys):
            summary.dropped["replaced by a later row with the same id or URL"] += len(stored) - len(keys)

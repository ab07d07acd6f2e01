"""Read an `attackwatch batch` output folder: which partition files belong to it, and the
article rows (with their reports) and failure lines each holds. Both the loader
(attackwatch.scale.load) and the block-parallel resolver (attackwatch.scale.resolve) read
it, so it sits below both."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, Iterator

from attackwatch.scale.batch import PARTS, part_path

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
            if isinstance(row["published"], date):  # a date column since the typed output; text before
                row["published"] = row["published"].isoformat()
            row["reports"] = json.loads(r["reports"] or "[]")
            rows.append(row)
        yield rows, failures


def iter_rows(out_dir: str | Path) -> Iterator[dict[str, Any]]:
    for rows, _ in iter_parts(out_dir):
        yield from rows

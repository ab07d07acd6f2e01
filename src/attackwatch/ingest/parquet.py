"""Parquet files of pages: the columns of the JSONL source (`id`, `url`, `text` or `html`,
`published`, `title`, `outlet`). Rows are read by row group, so a partition of rows
[start, stop) reads only the row groups it overlaps."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from attackwatch.ingest.files import InputError, RawPage
from attackwatch.ingest.jsonl import page_from_row
from attackwatch.ingest.remote import open_binary

PARQUET_SUFFIXES = (".parquet", ".pq")
# a row group is decompressed whole: one whose own metadata says it expands past this is refused
# before reading (a decompression bomb would otherwise take the memory first)
MAX_ROW_GROUP_BYTES = 1 << 30


def is_parquet(path: str) -> bool:
    return path.lower().endswith(PARQUET_SUFFIXES)


def count_rows(path: str) -> int:
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(open_binary(path)).metadata.num_rows
    except Exception as exc:  # pyarrow raises several types for a file that is not Parquet
        raise InputError(path, f"not a readable Parquet file: {exc}") from exc


def scan_parquet(path: str, start: int = 0, stop: int | None = None) -> Iterator[tuple[int, RawPage | InputError | None]]:
    """(row number, item) for rows start..stop-1 (0-based)."""
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(open_binary(path))
    except InputError as exc:
        yield -1, exc
        return
    except Exception as exc:
        yield -1, InputError(path, f"not a readable Parquet file: {str(exc)[:200]}")
        return
    names = set(pf.schema_arrow.names)
    if not names & {"text", "html"}:
        yield -1, InputError(path, "no 'text' or 'html' column: not a Parquet file of pages")
        return
    stem = Path(path).name.split(".")[0]
    first = 0
    for g in range(pf.metadata.num_row_groups):
        n = pf.metadata.row_group(g).num_rows
        lo, hi = first, first + n
        first = hi
        if hi <= start or (stop is not None and lo >= stop):
            continue
        expands = pf.metadata.row_group(g).total_byte_size
        if expands > MAX_ROW_GROUP_BYTES:
            yield lo, InputError(f"{path}: rows {lo}-{hi - 1}", f"row group decompresses to {expands // 1048576} MB "
                                 f"(limit {MAX_ROW_GROUP_BYTES // 1048576} MB): skipped")
            continue
        try:
            rows = pf.read_row_group(g).to_pylist()
        except Exception as exc:
            yield lo, InputError(f"{path}: rows {lo}-{hi - 1}", f"unreadable row group: {exc}")
            continue
        for i, row in enumerate(rows, start=lo):
            if i < start or (stop is not None and i >= stop):
                continue
            where = f"{path}: row {i}"
            try:
                yield i, page_from_row(row, where, f"{stem}_{i}", f"{path}#{i}")
            except InputError as exc:
                yield i, exc

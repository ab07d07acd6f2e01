"""JSON Lines files of pages (optionally gzipped): one object per line,
`{"id", "url", "text" | "html", "published", "title", "outlet", ...}`.

A line that is not JSON, not an object, or has neither text nor html is an `InputError`
naming the file and the line number; the other lines go on. Parquet rows use the same
fields and the same rules (`page_from_row`).
"""
from __future__ import annotations

import hashlib
import os
import zlib
from typing import IO, Any, Iterator

from attackwatch.ingest.files import MAX_BYTES, InputError, RawPage, load_json
from attackwatch.ingest.remote import open_maybe_gzip
from attackwatch.validation import InvalidValue, check_page_meta

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
META_FIELDS = ("id", "url", "title", "outlet", "published")
# a 5 MB page JSON-escaped (\uXXXX can take six bytes a character), with room for its fields
MAX_LINE_BYTES = 4 * MAX_BYTES
# decompressed bytes a .gz may expand to beyond this multiple of its size (and 1 GB) are a
# decompression bomb: news text compresses 3-10 times, zeros a thousand times
MAX_EXPANSION, MIN_EXPANDED_CAP = 200, 1 << 30


def is_jsonl(path: str) -> bool:
    return path.lower().endswith(JSONL_SUFFIXES)


def page_from_row(row: Any, where: str, fallback_id: str, label: str) -> RawPage:
    """A page from one JSONL object or Parquet row; `where` names it in errors, `label`
    (FILE#LINE) is its path."""
    if not isinstance(row, dict):
        raise InputError(where, f"expected a JSON object, got {type(row).__name__}")
    text, html = row.get("text"), row.get("html")
    if isinstance(html, str) and html.strip():
        kind, content = "html", html
    elif isinstance(text, str) and text.strip():
        kind, content = "text", text
    else:
        raise InputError(where, "no page: neither a non-empty 'text' nor 'html' field")
    if len(content) > MAX_BYTES:
        raise InputError(where, f"page too large (over {MAX_BYTES // 1048576} MB)")
    try:  # the sidecar's rules (validation.check_page_meta): one bad field fails this row only
        meta = check_page_meta({k: row.get(k) for k in META_FIELDS})
    except InvalidValue as exc:
        raise InputError(where, str(exc)) from None
    if meta.get("id"):
        page_id = meta["id"]
    elif meta.get("url"):
        page_id = "url_" + hashlib.sha1(meta["url"].encode("utf-8")).hexdigest()[:16]
    else:
        page_id = fallback_id
    return RawPage(id=page_id, kind=kind, content=content, path=label, meta=meta)


def _open(path: str) -> IO[bytes]:
    return open_maybe_gzip(path)


def expanded_cap(path: str) -> int | None:
    """The most decompressed bytes a .gz may give (None: not compressed, no cap needed)."""
    if not path.lower().endswith(".gz"):
        return None
    from attackwatch.ingest.remote import is_url, size

    try:
        packed = size(path) if is_url(path) else os.path.getsize(path)
    except (OSError, InputError):
        packed = 0
    return max(MIN_EXPANDED_CAP, MAX_EXPANSION * packed)


def bounded_lines(fh: IO[bytes], path: str) -> Iterator[bytes | None]:
    """The lines of `fh`, none held longer than MAX_LINE_BYTES: an overlong line is None
    (skipped to its end in pieces). Raises InputError when a .gz expands past its cap."""
    cap = expanded_cap(path)
    while True:
        line = fh.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            while True:
                piece = fh.readline(1 << 20)
                if not piece or piece.endswith(b"\n") or (cap is not None and fh.tell() > cap):
                    break
            line = None  # type: ignore[assignment]
        if cap is not None and fh.tell() > cap:
            raise InputError(path, f"decompresses to over {cap // 1048576} MB: a decompression bomb, not pages; "
                                   "the lines before were read")
        yield line


def count_lines(path: str) -> int:
    """Lines with content (cheap: no JSON parsing), for planning partitions."""
    n = 0
    with _open(path) as fh:
        for _ in bounded_lines(fh, path):
            n += 1
    return n


def scan_jsonl(path: str, start: int = 1, stop: int | None = None) -> Iterator[tuple[int, RawPage | InputError | None]]:
    """(line number, item) for lines start..stop-1 (1-based): a RawPage, an InputError for a
    bad line, None for a blank one."""
    stem = path.rsplit("/", 1)[-1].split(".")[0]
    try:
        with _open(path) as fh:
            for n, raw in enumerate(bounded_lines(fh, path), start=1):
                if n < start:
                    continue
                if stop is not None and n >= stop:
                    return
                where = f"{path}: line {n}"
                if raw is None:
                    yield n, InputError(where, f"line too long (over {MAX_LINE_BYTES // 1048576} MB)")
                    continue
                if not raw.strip():
                    yield n, None
                    continue
                try:
                    yield n, page_from_row(load_json(raw, where, "bad JSON"), where, f"{stem}_{n}", f"{path}#{n}")
                except InputError as exc:
                    yield n, exc
    except InputError as exc:  # a decompression bomb, or a FIFO where a file should be
        yield -1, exc
    except (OSError, EOFError, zlib.error) as exc:  # a truncated .gz: the lines before it were read
        yield -1, InputError(path, f"unreadable after line {n if 'n' in locals() else 0}: {exc}")

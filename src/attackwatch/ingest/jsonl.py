"""JSON Lines files of pages (optionally gzipped): one object per line,
`{"id", "url", "text" | "html", "published", "title", "outlet", ...}`.

A line that is not JSON, not an object, or has neither text nor html is an `InputError`
naming the file and the line number; the other lines go on. Parquet rows use the same
fields and the same rules (`page_from_row`).
"""
from __future__ import annotations

import hashlib
import json
from typing import IO, Any, Iterator

from attackwatch.ingest.files import MAX_BYTES, InputError, RawPage, parse_published
from attackwatch.ingest.remote import open_maybe_gzip

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
META_FIELDS = ("id", "url", "title", "outlet", "published")


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
    meta: dict[str, Any] = {k: row[k] for k in META_FIELDS if row.get(k) not in (None, "")}
    for key in ("title", "outlet", "url", "id"):
        if key in meta and not isinstance(meta[key], str):
            meta[key] = str(meta[key])
    published = row.get("published")
    if published is not None and not isinstance(published, str):
        published = published.isoformat() if hasattr(published, "isoformat") else str(published)
    meta["published"] = parse_published(published, where)
    if meta.get("id"):
        page_id = meta["id"]
    elif meta.get("url"):
        page_id = "url_" + hashlib.sha1(meta["url"].encode("utf-8")).hexdigest()[:16]
    else:
        page_id = fallback_id
    return RawPage(id=page_id, kind=kind, content=content, path=label, meta=meta)


def _open(path: str) -> IO[bytes]:
    return open_maybe_gzip(path)


def count_lines(path: str) -> int:
    """Lines with content (cheap: no JSON parsing), for planning partitions."""
    n = 0
    with _open(path) as fh:
        for line in fh:
            n += 1
    return n


def scan_jsonl(path: str, start: int = 1, stop: int | None = None) -> Iterator[tuple[int, RawPage | InputError | None]]:
    """(line number, item) for lines start..stop-1 (1-based): a RawPage, an InputError for a
    bad line, None for a blank one."""
    stem = path.rsplit("/", 1)[-1].split(".")[0]
    try:
        with _open(path) as fh:
            for n, raw in enumerate(fh, start=1):
                if n < start:
                    continue
                if stop is not None and n >= stop:
                    return
                if not raw.strip():
                    yield n, None
                    continue
                where = f"{path}: line {n}"
                try:
                    row = json.loads(raw)
                except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                    yield n, InputError(where, f"bad JSON: {exc}")
                    continue
                try:
                    yield n, page_from_row(row, where, f"{stem}_{n}", f"{path}#{n}")
                except InputError as exc:
                    yield n, exc
    except (OSError, EOFError) as exc:  # a truncated .gz: the lines before it were read
        yield -1, InputError(path, f"unreadable after line {n if 'n' in locals() else 0}: {exc}")

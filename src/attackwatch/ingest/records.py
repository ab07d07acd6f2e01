"""One iterator of pages over every kind of source: page files and folders of them, globs,
web archives (.warc/.arc, gzipped or not), JSON Lines (.jsonl/.jsonl.gz) and Parquet files.

A source is read as *spans*: a file and a range of its records (byte offsets for an archive,
line numbers for JSONL, row numbers for Parquet, the one page of a page file). Reading a
span yields a `RawPage` for each good record and an `InputError` for each bad one, so the
caller reports it on one line and goes on. The batch mode plans spans cheaply (no
extraction) and hands groups of them to workers (attackwatch.scale.partitions).
"""
from __future__ import annotations

import glob
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from attackwatch.ingest.files import PAGE_SUFFIXES, InputError, RawPage, read_page
from attackwatch.ingest.jsonl import is_jsonl, scan_jsonl
from attackwatch.ingest.parquet import is_parquet, scan_parquet
from attackwatch.ingest.remote import expand_url, is_file, is_url, read_url_page
from attackwatch.ingest.warc import is_warc, scan_warc

SOURCE_KINDS = ("page", "warc", "jsonl", "parquet")


def source_kind(path: str) -> str:
    """page | warc | jsonl | parquet, from the file name."""
    if is_warc(path):
        return "warc"
    if is_jsonl(path):
        return "jsonl"
    if is_parquet(path):
        return "parquet"
    return "page"


def _in_folder(path: Path) -> bool:
    # JSONL and Parquet files in a folder are often not pages (an annotation file, an export):
    # they are read only when named or matched by a glob; archives always hold pages
    return path.suffix.lower() in PAGE_SUFFIXES or is_warc(path.name)


def expand_sources(paths: list[str]) -> list[str]:
    """Files to read: folders recursively (sorted: page files and web archives), glob patterns
    expanded; a path that names nothing is kept, so reading it reports 'no such file'."""
    out: list[str] = []
    for p in paths:
        if p == "-":
            out.append(p)
            continue
        if is_url(p):
            try:
                out += expand_url(p, lambda name: _in_folder(Path(name)))
            except InputError:
                out.append(p)  # reading it reports why (a missing fsspec backend, say)
            continue
        matches = sorted(glob.glob(p, recursive=True)) if glob.has_magic(p) else [p]
        if not matches:
            out.append(p)
        for m in matches:
            path = Path(m)
            if path.is_dir():
                out += [str(c) for c in sorted(path.rglob("*")) if c.is_file() and _in_folder(c)]
            else:
                out.append(m)
    return out


@dataclass(frozen=True)
class Span:
    """Records [start, stop) of one source file (stop None: to the end)."""

    path: str
    kind: str
    start: int = 0
    stop: int | None = None

    def label(self) -> str:
        if self.kind == "page":
            return self.path
        unit = {"warc": "bytes", "jsonl": "lines", "parquet": "rows"}[self.kind]
        return f"{self.path} {unit} {self.start}-{'end' if self.stop is None else self.stop}"


def whole(path: str) -> Span:
    kind = source_kind(path)
    return Span(path, kind, 1 if kind == "jsonl" else 0, None)


def read_span(span: Span) -> Iterator[RawPage | InputError]:
    """The pages of one span, bad records as InputErrors (never raises for bad input)."""
    if span.kind == "page":
        try:
            yield read_url_page(span.path) if is_url(span.path) else read_page(span.path)
        except InputError as exc:
            yield exc
        return
    try:
        exists = span.path == "-" or (is_file(span.path) if is_url(span.path) else Path(span.path).is_file())
    except InputError as exc:
        yield exc
        return
    if not exists:
        yield InputError(span.path, "no such file")
        return
    scan = {"warc": scan_warc, "jsonl": scan_jsonl, "parquet": scan_parquet}[span.kind]
    try:
        for _, item in scan(span.path, span.start, span.stop):
            if item is not None:
                yield item
    except OSError as exc:
        yield InputError(span.path, f"unreadable: {exc}")


def iter_records(paths: list[str]) -> Iterator[RawPage | InputError]:
    """Every page under `paths`, whatever the source kind."""
    for path in expand_sources(paths):
        yield from read_span(whole(path))

"""Plan a batch: cut the sources into partitions of about N pages without extracting
anything, and name each partition by what it covers.

A partition is a list of spans (attackwatch.ingest.records.Span). The spans of one file are
contiguous and cover the whole file, so every record, a corrupt one included, falls in
exactly one partition. Its id hashes each span's file (absolute path and size), range and
the rules version, so a re-run of the same batch finds the partitions already written and
skips them, while new rules or a changed file make new ones.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

from attackwatch.ingest.files import InputError
from attackwatch.ingest.jsonl import count_lines
from attackwatch.ingest.parquet import count_rows
from attackwatch.ingest.records import Span, expand_sources, source_kind
from attackwatch.ingest.remote import is_file as remote_is_file
from attackwatch.ingest.remote import is_url
from attackwatch.ingest.remote import size as remote_size
from attackwatch.ingest.warc import scan_warc


@lru_cache(maxsize=4)
def rules_version(pack: str = "default") -> str:
    """A short hash of what a page's reports depend on: the package version, the pack's data
    files and the cleaning and extraction code. New rules make new partition ids."""
    import attackwatch
    from attackwatch.packs import get_pack

    package = Path(attackwatch.__file__).parent
    h = hashlib.sha1(attackwatch.__version__.encode())
    files = sorted(f for f in get_pack(pack).root.glob("*") if f.is_file())
    files += sorted((package / "clean").glob("*.py")) + sorted((package / "extract").glob("*.py"))
    files += [package / "ingest" / "files.py", package / "models.py"]
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:12]


@dataclass(frozen=True)
class Partition:
    spans: tuple[Span, ...]
    pages: int  # planned HTML responses / lines / rows / files (a corrupt record may make it fewer)
    key: str

    @property
    def id(self) -> str:
        return hashlib.sha1(self.key.encode("utf-8")).hexdigest()[:16]

    def label(self) -> str:
        first = self.spans[0].label()
        return first if len(self.spans) == 1 else f"{first} (+{len(self.spans) - 1} more)"

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "pages": self.pages, "key": self.key,
                "spans": [[s.path, s.kind, s.start, s.stop] for s in self.spans]}

    @staticmethod
    def from_json(d: dict[str, Any]) -> "Partition":
        return Partition(tuple(Span(p, k, a, b) for p, k, a, b in d["spans"]), d["pages"], d["key"])


def _span_key(span: Span) -> str:
    if is_url(span.path):  # an object's URL is its identity; its size tells a rewritten object apart
        try:
            return f"{span.path}:{remote_size(span.path)}:{span.kind}:{span.start}-{span.stop}"
        except InputError:
            return f"{span.path}:-1:{span.kind}:{span.start}-{span.stop}"
    path = Path(span.path)
    size = path.stat().st_size if path.is_file() else -1
    return f"{path.resolve()}:{size}:{span.kind}:{span.start}-{span.stop}"


def _units(path: str, size: int) -> Iterator[tuple[Span, int]]:
    """(span, pages) pieces of one file, each at most `size` pages; they cover the file."""
    kind = source_kind(path)
    if kind == "page":
        yield Span(path, kind), 1
        return
    try:
        exists = remote_is_file(path) if is_url(path) else Path(path).is_file()
    except InputError:
        exists = False
    if not exists:
        yield Span(path, kind), 0  # reading it reports 'no such file' (or why a URL cannot be read)
        return
    if kind == "warc":
        offsets = [off for off, item in scan_warc(path, read_pages=False) if item is not None
                   and not isinstance(item, InputError)]
        starts = [0] + offsets[size::size]
        for i, start in enumerate(starts):
            stop = starts[i + 1] if i + 1 < len(starts) else None
            yield Span(path, kind, start, stop), min(size, len(offsets) - i * size)
        return
    try:
        total = count_lines(path) if kind == "jsonl" else count_rows(path)
    except (InputError, OSError, EOFError):
        yield Span(path, kind, 1 if kind == "jsonl" else 0, None), 0  # reading it reports why
        return
    first = 1 if kind == "jsonl" else 0
    starts = list(range(first, first + max(total, 1), size))
    for i, start in enumerate(starts):
        stop = starts[i + 1] if i + 1 < len(starts) else None
        yield Span(path, kind, start, stop), min(size, total - i * size)


def plan(paths: list[str], size: int, rules: str) -> list[Partition]:
    """Partitions of about `size` pages over every source under `paths`; small files (and
    page files) are packed together, a big file is cut into several partitions. Standard
    input cannot be shared out to workers: it is refused."""
    if size < 1:
        raise ValueError("partition size must be at least 1")
    if "-" in paths:
        raise ValueError("the batch mode reads files, not standard input (-)")
    out: list[Partition] = []
    spans: list[Span] = []
    count = 0

    def close() -> None:
        nonlocal spans, count
        if spans:
            key = rules + "|" + "|".join(_span_key(s) for s in spans)
            out.append(Partition(tuple(spans), count, key))
        spans, count = [], 0

    for path in expand_sources(paths):
        # absolute paths: a worker may run elsewhere (same shared filesystem, another cwd);
        # URLs (s3://...) are read by each worker from the object store itself
        for span, n in _units(path if is_url(path) else os.path.abspath(path), size):
            if count and count + n > size:
                close()
            spans.append(span)
            count += n
            if count >= size:
                close()
    close()
    return out


class Manifest:
    """`manifest.jsonl` in the output folder: one line per partition written (its id, key,
    spans and counts). Appended by the driver as partitions finish, so it survives a crash;
    the Parquet file's existence is what marks a partition done."""

    def __init__(self, out_dir: Path):
        self.path = out_dir / "manifest.jsonl"

    def read(self) -> dict[str, dict[str, Any]]:
        if not self.path.exists():
            return {}
        out: dict[str, dict[str, Any]] = {}
        for line in self.path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                try:
                    d = json.loads(line)
                except json.JSONDecodeError:
                    continue  # a line cut short by a crash: its partition is simply redone
                out[d["id"]] = d
        return out

    def append(self, entries: Iterable[dict[str, Any]]) -> None:
        with self.path.open("a", encoding="utf-8") as fh:
            for e in entries:
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")

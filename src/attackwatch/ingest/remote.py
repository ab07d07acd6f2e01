"""Inputs named by URL — `s3://bucket/crawl/*.warc.gz`, `gs://...`, `https://host/x.jsonl`,
`file:///data/...` — read through fsspec, the filesystem layer Dask itself uses, so a batch
can run over an object store without copying the archives first.

Local paths never come here (plain `open`). A URL scheme whose fsspec backend is missing
(s3fs for s3://, gcsfs for gs://) is one clear line naming the input and the package.
"""
from __future__ import annotations

import gzip
from pathlib import PurePosixPath
from typing import IO, Any

from attackwatch.ingest.files import MAX_BYTES, MAX_SIDECAR_BYTES, PAGE_SUFFIXES, InputError, RawPage, decode, parse_sidecar


def is_url(path: str) -> bool:
    return "://" in path[:16]


def _filesystem(url: str) -> tuple[Any, str]:
    try:
        import fsspec
    except ImportError as exc:
        raise InputError(url, "reading URLs needs fsspec: pip install 'attackwatch[remote]'") from exc
    try:
        return fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as exc:  # the scheme's backend package is not installed, or unknown
        raise InputError(url, f"cannot read this kind of URL: {exc}") from exc


def expand_url(url: str, keep_in_folder: Any) -> list[str]:
    """A URL, a URL glob, or a URL 'folder' (prefix) expanded into file URLs, sorted; a folder
    keeps only the files `keep_in_folder(name)` accepts (as for local folders)."""
    fs, path = _filesystem(url)
    names = sorted(fs.glob(path)) if any(c in path for c in "*?[") else [path]
    out: list[str] = []
    for name in names:
        if fs.isdir(name):
            out += [fs.unstrip_protocol(f) for f in sorted(fs.find(name)) if keep_in_folder(f)]
        else:
            out.append(fs.unstrip_protocol(name))
    return out or [url]  # a URL that names nothing is kept: reading it reports 'no such file'


def is_file(url: str) -> bool:
    fs, path = _filesystem(url)
    return bool(fs.isfile(path))


def size(url: str) -> int:
    fs, path = _filesystem(url)
    return int(fs.size(path)) if fs.isfile(path) else -1


def open_binary(path: str) -> IO[bytes]:
    """A readable, seekable binary file for a local path or a URL."""
    if not is_url(path):
        from attackwatch.ingest.files import open_regular

        return open_regular(path)  # a FIFO or a device is refused, not read forever
    fs, inner = _filesystem(path)
    return fs.open(inner, "rb")


def open_maybe_gzip(path: str) -> IO[bytes]:
    """The decompressed bytes of a `.gz` file, else the file itself (local path or URL)."""
    if not path.lower().endswith(".gz"):
        return open_binary(path)
    return _GzipClosingSource(open_binary(path))


class _GzipClosingSource(gzip.GzipFile):
    """A GzipFile that also closes the remote file under it (GzipFile leaves fileobj open)."""

    def __init__(self, raw: IO[bytes]):
        super().__init__(fileobj=raw, mode="rb")
        self._raw = raw

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._raw.close()


def read_url_page(url: str, *, max_bytes: int = MAX_BYTES) -> RawPage:
    """One page file named by URL (with its `NAME.meta.json` sidecar beside it, if any)."""
    fs, path = _filesystem(url)
    name = PurePosixPath(path)
    if name.suffix.lower() not in PAGE_SUFFIXES:
        raise InputError(url, f"unsupported file type {name.suffix or '(none)'}: expected .txt, .html or .htm")
    if not fs.isfile(path):
        raise InputError(url, "no such file")
    n = int(fs.size(path))
    if n > max_bytes:
        raise InputError(url, f"file too large ({n / 1048576:.1f} MB; limit {max_bytes / 1048576:.0f} MB)")
    with fs.open(path, "rb") as fh:
        text, enc = decode(fh.read(max_bytes + 1)[:max_bytes], url)
    meta: dict[str, Any] = {}
    side = str(name.with_name(name.stem + ".meta.json"))
    if fs.isfile(side):
        with fs.open(side, "rb") as fh:
            meta = parse_sidecar(fh.read(MAX_SIDECAR_BYTES + 1), fs.unstrip_protocol(side))
    kind = "html" if name.suffix.lower() in (".html", ".htm") else "text"
    return RawPage(id=str(meta.get("id") or name.stem), kind=kind, content=text, path=url, meta=meta, encoding=enc)

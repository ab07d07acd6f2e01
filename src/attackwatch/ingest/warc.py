"""Web archives (WARC, ARC, gzipped or not) as pages: the HTML responses only.

A record becomes a page when it is a response with a 2xx status and an HTML content type.
The page is decoded with the charset its HTTP header names, else the one its <meta> names,
else `attackwatch.ingest.files.decode` (UTF-8, then detection). The record's target URI is the
page's url; its WARC-Date is the crawl date, kept as a *hint* (`meta["crawl_date"]`): a crawl
is not a publication, so it is used only when the page itself gives no date (see
`attackwatch.pipeline.process_page`).

A corrupt record is an `InputError` naming the file, the record's byte offset and the reason;
reading resumes at the next record boundary it can find (the next gzip member of a .gz, the
next `WARC/` header line of a plain file), so one bad record costs only itself.
"""
from __future__ import annotations

import codecs
import re
import zlib
from datetime import date
from pathlib import Path
from typing import IO, Any, Iterator

from attackwatch.ingest.files import MAX_BYTES, InputError, RawPage, decode
from attackwatch.ingest.remote import open_binary

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_LINE = re.compile(rb"(?:^|\r?\n)WARC/1\.[01]\r?\n")


def is_warc(path: str) -> bool:
    return path.lower().endswith(WARC_SUFFIXES)


def _charset(name: str | None) -> str | None:
    """A codec Python knows for this charset label, or None."""
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("'\"").lower()).name
    except LookupError:
        return None


def decode_html(data: bytes, header_charset: str | None, where: str) -> tuple[str, str]:
    """Decode an HTML body: the HTTP header's charset, else the page's <meta>, else detection."""
    meta = _META_CHARSET.search(data[:4096])
    for name in (header_charset, meta.group(1).decode("ascii", "replace") if meta else None):
        codec = _charset(name)
        if codec is None:
            continue
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue  # a declared charset the bytes do not follow: fall through to detection
    return decode(data, where)


def _header_charset(content_type: str) -> str | None:
    m = re.search(r"charset\s*=\s*[\"']?([^;\"'\s]+)", content_type, re.I)
    return m.group(1) if m else None


def _crawl_date(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _resync(fh: IO[bytes], after: int, gz: bool) -> int | None:
    """The offset of the next record boundary after `after`, or None at the end of the file."""
    pos = after + 1
    fh.seek(pos)
    tail = b""
    while True:
        chunk = fh.read(1 << 20)
        if not chunk:
            return None
        buf = tail + chunk
        if gz:
            i = buf.find(_GZIP_MAGIC)
            if i >= 0:
                return pos - len(tail) + i
        else:
            m = _WARC_LINE.search(buf)
            if m:
                return pos - len(tail) + m.start() + (m.group(0).index(b"WARC/"))
        tail = buf[-16:]
        pos += len(chunk)


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    return status.startswith("2") and "html" in (record.http_headers.get_header("Content-Type") or "").lower()


def _page_from_record(record: Any, path: str, offset: int, max_bytes: int) -> RawPage | None:
    """The HTML page in one record, None when the record is not an HTML 2xx response."""
    if not _is_html_response(record):
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    where = f"{path}: record at offset {offset}"
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(where, f"page too large (over {max_bytes // 1048576} MB)")
    missing = getattr(record.raw_stream, "limit", 0) or 0  # bytes the Content-Length promised, not there
    if missing > 0:
        raise InputError(where, f"corrupt record: cut short ({missing} of {record.length} bytes missing)")
    text, encoding = decode_html(data, _header_charset(content_type), where)
    url = record.rec_headers.get_header("WARC-Target-URI") or record.rec_headers.get_header("uri")
    record_id = record.rec_headers.get_header("WARC-Record-ID") or ""
    meta: dict[str, Any] = {"url": url}
    crawl = _crawl_date(record.rec_headers.get_header("WARC-Date") or record.rec_headers.get_header("archive-date"))
    if crawl:
        meta["crawl_date"] = crawl
    page_id = _page_id(url, record_id, Path(path).name, offset)
    return RawPage(id=page_id, kind="html", content=text, path=f"{path}@{offset}", meta=meta, encoding=encoding)


def _page_id(url: str | None, record_id: str, file_name: str, offset: int) -> str:
    """A stable article id: from the URL (one article per URL), else the archive position."""
    import hashlib

    basis = url or record_id or f"{file_name}@{offset}"
    return "warc_" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


def scan_warc(path: str, start: int = 0, stop: int | None = None, *, read_pages: bool = True,
              max_bytes: int = MAX_BYTES) -> Iterator[tuple[int, RawPage | InputError | None]]:
    """(offset, item) for each record starting in [start, stop): a RawPage for an HTML 2xx
    response, None for any other record, an InputError for a corrupt one. With
    `read_pages=False` an HTML response is a RawPage with empty content (headers only: the
    cheap pass that plans partitions)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    gz = path.lower().endswith(".gz")
    pos: int | None = start
    with open_binary(path) as fh:
        while pos is not None and (stop is None or pos < stop):
            fh.seek(pos)
            records = ArchiveIterator(fh, arc2warc=True)
            offset = pos
            pos = None
            try:
                for record in records:
                    offset = records.offset  # its start (get_record_offset() would consume the body)
                    if stop is not None and offset >= stop:
                        return
                    try:
                        if not record.rec_type:
                            raise InputError(f"{path}: record at offset {offset}", "corrupt record: no WARC-Type header")
                        if read_pages:
                            item: RawPage | InputError | None = _page_from_record(record, path, offset, max_bytes)
                        else:  # planning: where the pages are, not what they say
                            item = RawPage("", "html", "", f"{path}@{offset}") if _is_html_response(record) else None
                    except InputError as exc:
                        item = exc
                    yield offset, item
                return
            except (ArchiveLoadFailed, EOFError, OSError, ValueError, IndexError, AttributeError, zlib.error) as exc:
                # the iterator dies at a corrupt record: name it, then find the next boundary
                bad = records.offset if records.offset > offset else offset
                reason = _reason(exc)
                yield bad, InputError(f"{path}: record at offset {bad}", f"corrupt record: {reason}")
                pos = _resync(fh, bad, gz)


def _reason(exc: BaseException) -> str:
    """One printable line for stderr (warcio quotes the raw bytes it could not parse)."""
    text = str(exc).strip()
    if "Unknown archive format" in text:
        return "no WARC/ARC header where a record should start (damaged or cut short)"
    line = text.splitlines()[0] if text else exc.__class__.__name__
    return "".join(c if c.isprintable() else "?" for c in line)[:160]

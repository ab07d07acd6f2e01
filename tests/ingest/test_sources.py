"""Every source kind read into pages: WARC (HTML responses only, charsets, a corrupt record),
JSON Lines (a bad line), Parquet (a bad row), folders and globs. Pages are short HTML or
text written here."""
from __future__ import annotations

import gzip
import io
import json
from datetime import date
from pathlib import Path

import pytest

from attackwatch.ingest.files import InputError, RawPage
from attackwatch.ingest.records import expand_sources, iter_records
from attackwatch.pipeline import process_page, process_records

ARTICLE = ("Rockets struck Ain al-Asad air base in Anbar province on Tuesday, a US official said. "
           "No casualties were reported among US personnel, the official added.")


def html_page(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>Base attacked</title></head><body><article><p>{body}</p>" \
           f"<p>{ARTICLE}</p></article></body></html>"


def warc_record(writer, url: str, body: bytes, *, status: str = "200 OK", ctype: str = "text/html; charset=utf-8",
                warc_date: str = "2024-02-08T10:00:00Z", kind: str = "response") -> None:  # type: ignore[no-untyped-def]
    from warcio.statusandheaders import StatusAndHeaders

    http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1") if kind == "response" else None
    rec = writer.create_warc_record(url, kind, payload=io.BytesIO(body), http_headers=http,
                                    warc_headers_dict={"WARC-Date": warc_date})
    writer.write_record(rec)


GARBAGE = gzip.compress(b"WARC/1.0\r\nthis is not a header line\r\n\r\ngarbage" * 3)
# a record cut off in the middle of its gzip member
TRUNCATED = gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 900\r\n\r\n" + bytes(range(256)) * 4)[:-200]


def write_warc(path: Path, *, corrupt_after: int | None = None, corrupt: bytes = GARBAGE) -> None:
    """Five records: an HTML page in cp1252 (charset in the header), a 404, an image, an HTML
    page whose charset only its <meta> gives, and a page with no date (the crawl date helps);
    `corrupt_after`: garbage in place of a record after that many good ones (gzip only)."""
    from warcio.warcwriter import WARCWriter

    pages = [
        ("https://news.example/a", html_page("Caf\u00e9 owners near the base heard blasts.").encode("cp1252"),
         "200 OK", "text/html; charset=windows-1252"),
        ("https://news.example/missing", b"<html><body>not found</body></html>", "404 Not Found", "text/html"),
        ("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(32), "200 OK", "image/png"),
        ("https://news.example/b", html_page("Na\u00efve hopes of calm ended.", '<meta charset="iso-8859-1">')
         .encode("latin-1"), "200 OK", "text/html"),
        ("https://news.example/c", html_page("Officials spoke late on Tuesday.").encode(), "200 OK", "text/html"),
    ]
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=path.suffix == ".gz")
        for i, (url, body, status, ctype) in enumerate(pages):
            if corrupt_after is not None and i == corrupt_after:
                fh.write(corrupt)
            warc_record(writer, url, body, status=status, ctype=ctype)


def pages_and_errors(paths: list[str]) -> tuple[list[RawPage], list[InputError]]:
    items = list(iter_records(paths))
    return [i for i in items if isinstance(i, RawPage)], [i for i in items if isinstance(i, InputError)]


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_yields_html_2xx_responses_decoded_by_declared_charset(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path)
    pages, errors = pages_and_errors([str(path)])
    assert errors == []
    assert [p.meta["url"] for p in pages] == ["https://news.example/a", "https://news.example/b",
                                              "https://news.example/c"]
    assert "Caf\u00e9 owners" in pages[0].content and pages[0].encoding == "cp1252"
    assert "Na\u00efve hopes" in pages[1].content and pages[1].encoding == "iso8859-1"
    assert all(p.kind == "html" and p.meta["crawl_date"] == date(2024, 2, 8) for p in pages)
    assert pages[0].path.startswith(str(path) + "@") and len({p.id for p in pages}) == 3


@pytest.mark.parametrize("corrupt", [GARBAGE, TRUNCATED], ids=["bad-header", "truncated"])
def test_corrupt_warc_record_is_one_error_and_the_rest_is_read(tmp_path: Path, corrupt: bytes) -> None:
    path = tmp_path / "bad.warc.gz"
    write_warc(path, corrupt_after=3, corrupt=corrupt)
    pages, errors = pages_and_errors([str(path)])
    assert [p.meta["url"] for p in pages] == ["https://news.example/a", "https://news.example/b",
                                              "https://news.example/c"]
    assert len(errors) == 1
    message = str(errors[0])
    assert message.startswith(f"{path}: record at offset ") and "corrupt record" in message
    offset = int(message.split("offset ")[1].split(":")[0])
    assert 0 < offset < path.stat().st_size


@pytest.mark.parametrize("name", ["cut.warc.gz", "cut.warc"])
def test_archive_cut_short_reports_its_last_record(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path)
    path.write_bytes(path.read_bytes()[:-150])  # an interrupted crawl: the last page is incomplete
    pages, errors = pages_and_errors([str(path)])
    assert [p.meta["url"] for p in pages] == ["https://news.example/a", "https://news.example/b"]
    assert len(errors) == 1 and "corrupt record: cut short" in str(errors[0])


def test_crawl_date_is_only_a_fallback_for_the_publication_date(tmp_path: Path) -> None:
    dated = html_page("Filed on February 6, 2024.", '<meta property="article:published_time" content="2024-02-06">')
    undated = html_page("Officials spoke.")
    crawl = date(2024, 2, 8)
    own = process_page(RawPage("d", "html", dated, "d.html", meta={"crawl_date": crawl}))
    fallback = process_page(RawPage("u", "html", undated, "u.html", meta={"crawl_date": crawl}))
    assert own.article is not None and own.article.published == date(2024, 2, 6)
    assert own.article.published_source != "crawl"
    assert fallback.article is not None and fallback.article.published == crawl
    assert fallback.article.published_source == "crawl"
    # "on Tuesday" is read against the crawl date: the Tuesday before February 8, 2024
    assert [r.date for r in fallback.reports] == ["2024-02-06"]


def test_jsonl_pages_and_a_bad_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "j1", "url": "https://x.example/1", "text": ARTICLE, "published": "2024-02-07",
                    "title": "Rockets hit base", "outlet": "Wire"}),
        "{not json",
        json.dumps({"id": "j2", "html": html_page("More."), "published": "2024-02-07"}),
        "",
        json.dumps({"id": "j3", "title": "no body"}),
        json.dumps({"id": "j4", "text": ARTICLE, "published": "yesterday"}),
    ]
    for name, opener in (("pages.jsonl", open), ("pages.jsonl.gz", gzip.open)):
        path = tmp_path / name
        with opener(path, "wt", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")
        pages, errors = pages_and_errors([str(path)])
        assert [(p.id, p.kind) for p in pages] == [("j1", "text"), ("j2", "html")]
        assert pages[0].meta["published"] == date(2024, 2, 7) and pages[0].meta["outlet"] == "Wire"
        assert pages[0].path == f"{path}#1"
        assert [str(e).split(": ")[1] for e in errors] == ["line 2", "line 5", "line 6"]
        assert "bad JSON" in str(errors[0]) and "neither" in str(errors[1]) and "ISO date" in str(errors[2])


def test_parquet_rows_and_a_bad_row(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [{"id": f"p{i}", "url": f"https://x.example/{i}", "text": ARTICLE if i != 3 else None,
             "html": None, "published": "2024-02-07", "title": None, "outlet": "Wire"} for i in range(6)]
    path = tmp_path / "pages.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=2)
    pages, errors = pages_and_errors([str(path)])
    assert [p.id for p in pages] == ["p0", "p1", "p2", "p4", "p5"]
    assert [str(e) for e in errors] == [f"{path}: row 3: no page: neither a non-empty 'text' nor 'html' field"]
    from attackwatch.ingest.parquet import scan_parquet

    assert [i for i, item in scan_parquet(str(path), 1, 5)] == [1, 2, 3, 4]  # a range reads only its rows


def test_folders_globs_and_what_a_folder_holds(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text(ARTICLE)
    (tmp_path / "b.meta.json").write_text('{"published": "2024-02-08"}')  # undated pages report nothing
    (tmp_path / "sub" / "a.html").write_text(html_page("x"))
    (tmp_path / "sub" / "a.meta.json").write_text("{}")
    write_warc(tmp_path / "sub" / "c.warc.gz")
    (tmp_path / "gold.jsonl").write_text('{"id": "annotation"}\n')
    found = expand_sources([str(tmp_path)])
    # a folder gives its pages and archives; a JSONL file in it (an annotation file, say) is read only when named
    assert found == [str(tmp_path / "b.txt"), str(tmp_path / "sub" / "a.html"), str(tmp_path / "sub" / "c.warc.gz")]
    assert expand_sources([str(tmp_path / "*.jsonl")]) == [str(tmp_path / "gold.jsonl")]
    assert expand_sources([str(tmp_path / "nothing*.warc")]) == [str(tmp_path / "nothing*.warc")]
    results = list(process_records([str(tmp_path / "b.txt"), str(tmp_path / "missing.warc.gz")]))
    assert results[0].error is None and results[0].reports
    assert results[1].error == f"{tmp_path / 'missing.warc.gz'}: no such file"


def test_arc_file_is_read_like_a_warc(tmp_path: Path) -> None:
    body = html_page("Sirens sounded.").encode()
    http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    desc = b"1 0 test\nURL IP-address Archive-date Content-type Archive-length\n"
    head = b"filedesc://test.arc 0.0.0.0 20240208100000 text/plain %d\n" % len(desc)
    record = b"http://news.example/arc 127.0.0.1 20240208100000 text/html %d\n" % len(http)
    path = tmp_path / "old.arc"
    path.write_bytes(head + desc + b"\n" + record + http + b"\n")
    pages, errors = pages_and_errors([str(path)])
    assert errors == [] and [p.meta["url"] for p in pages] == ["http://news.example/arc"]
    assert pages[0].meta["crawl_date"] == date(2024, 2, 8) and "Sirens sounded" in pages[0].content

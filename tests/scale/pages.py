"""Small inputs written by the scale tests: a gzipped WARC of short HTML pages with one
corrupt record, and a JSONL file with one broken line."""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

ARTICLE = ("Rockets struck Ain al-Asad air base in Anbar province on Tuesday, a US official said. "
           "No casualties were reported among US personnel, the official added.")
PAGES = [("https://news.example/a", "Blasts were heard across the base."),
         ("https://news.example/b", "Residents said sirens sounded."),
         ("https://news.example/c", "Officials spoke late on Tuesday.")]


def write_warc(path: Path) -> None:
    """Three HTML pages, an image response, and a corrupt record between pages 2 and 3."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, (url, lead) in enumerate(PAGES):
            if i == 2:
                fh.write(gzip.compress(b"WARC/1.0\r\nnot a header\r\n\r\n"))
            body = f"<html><head><title>Base attacked</title></head><body><article><p>{lead}</p><p>{ARTICLE}</p>" \
                   "</article></body></html>"
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode()),
                                                          http_headers=http,
                                                          warc_headers_dict={"WARC-Date": "2024-02-08T10:00:00Z"}))
        img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://news.example/logo.png", "response",
                                                      payload=io.BytesIO(bytes(40)), http_headers=img))


def write_jsonl(path: Path) -> None:
    path.write_text(json.dumps({"id": "j1", "text": ARTICLE, "published": "2024-02-07", "outlet": "Wire"}) + "\n"
                    + "{broken\n", encoding="utf-8")

"""Inputs named by URL go through fsspec, as `s3://bucket/crawl/*.warc.gz` does in production.
fsspec's in-memory filesystem (`memory://`) stands in for the object store: the code path is
the one s3fs/gcsfs plug into, without a network."""
from __future__ import annotations

import io
import json
import uuid
from pathlib import Path
from typing import Iterator

import pytest

fsspec = pytest.importorskip("fsspec")

from attackwatch.ingest.files import InputError, RawPage  # noqa: E402
from attackwatch.ingest.records import expand_sources, iter_records  # noqa: E402
from attackwatch.scale.partitions import plan  # noqa: E402

from scale.pages import write_jsonl, write_warc  # noqa: E402  (tests/ is on sys.path: shared test inputs)

# written for this test
PAGE = ("Two rockets hit near the Harir air base in Erbil province late on Monday, Kurdish officials "
        "said. No one was hurt.")


@pytest.fixture
def bucket(tmp_path: Path) -> Iterator[str]:
    """A fresh 'bucket' in fsspec's memory filesystem holding a WARC, a JSONL file, a page with
    its sidecar, and a file that is not a page."""
    fs = fsspec.filesystem("memory")
    root = f"/aw-{uuid.uuid4().hex[:8]}"
    write_warc(tmp_path / "crawl.warc.gz")
    write_jsonl(tmp_path / "wire.jsonl")
    fs.pipe(f"{root}/crawl/2024/crawl.warc.gz", (tmp_path / "crawl.warc.gz").read_bytes())
    fs.pipe(f"{root}/feeds/wire.jsonl", (tmp_path / "wire.jsonl").read_bytes())
    fs.pipe(f"{root}/pages/harir.txt", PAGE.encode())
    fs.pipe(f"{root}/pages/harir.meta.json", json.dumps({"id": "harir-1", "published": "2024-01-09",
                                                          "outlet": "Test Wire"}).encode())
    fs.pipe(f"{root}/pages/notes.md", b"not a page")
    yield f"memory://{root}"
    fs.rm(root, recursive=True)


def split(items: list[RawPage | InputError]) -> tuple[list[RawPage], list[InputError]]:
    return [i for i in items if isinstance(i, RawPage)], [i for i in items if isinstance(i, InputError)]


def test_a_url_glob_of_archives_is_read_like_local_files(bucket: str) -> None:
    pages, errors = split(list(iter_records([f"{bucket}/crawl/*/*.warc.gz"])))
    assert [p.meta["url"] for p in pages] == ["https://news.example/a", "https://news.example/b",
                                               "https://news.example/c"]
    assert len(errors) == 1 and "record at offset" in str(errors[0]) and str(errors[0]).startswith("memory://")


def test_a_url_folder_keeps_pages_and_archives_and_reads_sidecars(bucket: str) -> None:
    sources = expand_sources([f"{bucket}/pages", f"{bucket}/crawl"])
    assert [s.rsplit("/", 1)[-1] for s in sources] == ["harir.txt", "crawl.warc.gz"]
    pages, _ = split(list(iter_records([f"{bucket}/pages"])))
    assert pages[0].id == "harir-1" and pages[0].meta["outlet"] == "Test Wire"
    assert str(pages[0].meta["published"]) == "2024-01-09"


def test_jsonl_by_url_and_its_bad_line(bucket: str) -> None:
    pages, errors = split(list(iter_records([f"{bucket}/feeds/wire.jsonl"])))
    assert [p.id for p in pages] == ["j1"]
    assert len(errors) == 1 and "line 2" in str(errors[0])


def test_partitions_plan_over_urls(bucket: str) -> None:
    parts = plan([f"{bucket}/crawl/2024/crawl.warc.gz"], size=2, rules="r1")
    assert sum(p.pages for p in parts) == 3 and len(parts) == 2
    assert all(s.path.startswith("memory://") for p in parts for s in p.spans)


def test_missing_objects_and_unknown_schemes_are_one_line_each(bucket: str) -> None:
    _, errors = split(list(iter_records([f"{bucket}/crawl/missing.warc.gz", "nosuchscheme://b/x.warc.gz"])))
    assert len(errors) == 2
    assert errors[0].reason == "no such file"
    assert str(errors[1]).startswith("nosuchscheme://b/x.warc.gz: cannot read this kind of URL")

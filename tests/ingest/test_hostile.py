"""A folder of hostile inputs beside three good pages (issue 11): `attackwatch ingest` exits 1,
prints one line per bad file naming it, shows no traceback, and stores the good pages.

Every hostile case is made here, in tmp_path, at test time: a FIFO, a socket, a symlink to
/dev/zero, gzip bombs (WARC and JSONL), sidecars of every wrong shape, a page over spaCy's
1,000,000-character limit, HTML that trips lxml, a date out of range, an empty folder.
"""
from __future__ import annotations

import gzip
import os
import socket
import sqlite3
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

# Our own fixture prose (not taken from any outlet).
GOOD_A = ("Three rockets landed near Ain al-Asad air base in Anbar province on Tuesday, January 9, 2024, an Iraqi security "
          "official said. No casualties were reported.\n\nThe Islamic Resistance in Iraq said its fighters fired them.\n")
GOOD_B = ("A drone struck near Harir air base in Erbil province on Friday, January 12, 2024, the Kurdistan Region's "
          "counter-terrorism service said. The drone was shot down before reaching the base and nobody was hurt.\n")
GOOD_C = ("Two rockets struck the Victory base complex near Baghdad airport on Sunday, March 3, 2024, the US-led "
          "coalition said. No one was hurt.\n")
PAGE = "A drone hit a US base in Syria on Monday, February 5, 2024, an official said. Nobody was hurt.\n"


def _zeros_gz(path: Path, megabytes: int, prefix: bytes = b"") -> None:
    """A gzip member of `megabytes` MB of zeros (about 1 KB per MB on disk)."""
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    with open(path, "wb") as fh:
        fh.write(c.compress(prefix))
        block = b"\0" * (1 << 20)
        for _ in range(megabytes):
            fh.write(c.compress(block))
        fh.write(c.flush())


def _sidecar_case(folder: Path, stem: str, sidecar: bytes) -> None:
    (folder / f"{stem}.txt").write_text(PAGE, encoding="utf-8")
    (folder / f"{stem}.meta.json").write_bytes(sidecar)


# stem -> sidecar bytes: each makes its page fail with one line naming the sidecar
BAD_SIDECARS = {
    "title_list": b'{"title": ["a", "b"]}',
    "title_dict": b'{"title": {"a": 1}}',
    "outlet_int": b'{"outlet": 7}',
    "url_list": b'{"url": ["https://a.example/"]}',
    "deep": b'{"title": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "long_number": b'{"outlet": ' + b"9" * 5000 + b"}",
    "surrogate": b'{"title": "bad \\ud800 title"}',
    "year_one": b'{"published": "0001-01-01"}',
    "not_object": b"[1, 2, 3]",
    "huge_sidecar": b'{"title": "' + b"x" * (100 * 1024) + b'"}',
}


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Path, list[str], list[str]]:
    """(folder, extra command-line paths, names each expected to get one line)."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in (("good_a", GOOD_A), ("good_b", GOOD_B), ("good_c", GOOD_C)):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    bad: list[str] = []
    os.mkfifo(folder / "fifo.txt")
    bad.append("fifo.txt")
    os.symlink("/dev/zero", folder / "zero.html")
    bad.append("zero.html")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "sock.txt"))
    bad.append("sock.txt")
    _zeros_gz(folder / "bomb.warc.gz", 200)
    bad.append("bomb.warc.gz")
    (folder / "empty.txt").write_bytes(b"")
    bad.append("empty.txt")
    (folder / "svg.html").write_text("<svg><article></article><s>", encoding="utf-8")
    bad.append("svg.html")
    for stem, sidecar in BAD_SIDECARS.items():
        _sidecar_case(folder, stem, sidecar)
        bad.append(f"{stem}.meta.json")
    (folder / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    bad.append("dangling.txt")
    # named on the command line: JSONL is read only when named
    _zeros_gz(tmp_path / "bomb.jsonl.gz", 60)
    bad.append("bomb.jsonl.gz")
    return folder, [str(tmp_path / "bomb.jsonl.gz"), str(tmp_path / "missing.txt")], bad + ["missing.txt"]


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    return subprocess.run([sys.executable, "-m", "attackwatch", *args], capture_output=True, text=True, timeout=300,
                          cwd=cwd, env=env)


def test_hostile_folder_beside_good_pages(hostile: tuple[Path, list[str], list[str]], tmp_path: Path) -> None:
    folder, extra, bad = hostile
    db = tmp_path / "h.db"
    proc = _run("ingest", "--db", str(db), "--quiet", str(folder), *extra, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("attackwatch: skipped")]
    for name in bad:
        named = [ln for ln in lines if name in ln]
        assert len(named) == 1, (name, named, proc.stderr)
    assert len(lines) == len(bad), proc.stderr
    assert f"{len(bad)} failed" in proc.stdout
    stored = {r[0] for r in sqlite3.connect(db).execute("SELECT path FROM articles")}
    assert {Path(p).stem for p in stored} == {"good_a", "good_b", "good_c"}


def test_a_page_over_a_million_characters_is_processed(tmp_path: Path) -> None:
    from attackwatch.ingest.files import RawPage
    from attackwatch.pipeline import process_raw

    # long tokens keep it quick: a million characters of prose is slow for another reason
    # (sentence bounds set token by token, issue 14), not a crash, which is what this checks
    filler = ("(" + "x" * 2000 + ")\n\n") * 525
    raw = RawPage("long", "text", GOOD_A + "\n\n" + filler, "long.txt")
    result = process_raw(raw)
    assert result.error is None and result.reports
    assert result.article is not None and len(result.article.text) > 1_000_000  # all of it reached spaCy


def test_an_empty_folder_is_a_note_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    proc = _run("ingest", "--db", str(tmp_path / "e.db"), "--quiet", str(tmp_path / "empty"), cwd=tmp_path)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr
    assert "no pages found" in proc.stderr and "0 failed" in proc.stdout


def test_a_file_vanishing_between_listing_and_reading_is_one_failure(tmp_path: Path) -> None:
    from attackwatch.ingest.records import expand_sources, read_span, whole

    (tmp_path / "a.txt").write_text(GOOD_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD_B, encoding="utf-8")
    paths = expand_sources([str(tmp_path)])
    (tmp_path / "a.txt").unlink()
    items = [item for p in paths for item in read_span(whole(p))]
    assert [type(i).__name__ for i in items] == ["InputError", "RawPage"]
    assert "a.txt" in str(items[0]) and "no such file" in str(items[0])


def test_a_store_refusing_one_article_loses_only_that_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The batch is one transaction; when it fails, each article is retried alone."""
    from attackwatch.pipeline import extract_paths
    from attackwatch.store import open_store
    from attackwatch.store.dataset import Dataset

    for name, text in (("a", GOOD_A), ("b", GOOD_B), ("c", GOOD_C)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    store = open_store(str(tmp_path / "s.db"))
    original = store.insert_article

    def refusing(row):  # type: ignore[no-untyped-def]
        if row["id"] == "b":
            raise sqlite3.IntegrityError("simulated")
        return original(row)

    monkeypatch.setattr(store, "insert_article", refusing)
    errors: list[str] = []
    summary = Dataset(store).ingest(extract_paths([str(tmp_path)]), on_error=errors.append)
    assert summary.failed == 1 and summary.new == 2
    assert len(errors) == 1 and "b.txt" in errors[0] and "simulated" in errors[0]
    assert sorted(r[0] for r in store.conn.execute("SELECT id FROM articles")) == ["a", "c"]
    store.close()


def test_jsonl_gzip_bomb_is_bounded(tmp_path: Path) -> None:
    from attackwatch.ingest.jsonl import scan_jsonl

    path = tmp_path / "lines.jsonl.gz"
    with gzip.open(path, "wb") as fh:
        fh.write(b'{"text": "' + b"a" * 100 + b'"}\n')
    _zeros_gz(tmp_path / "bomb.jsonl.gz", 30, prefix=b'{"text": "ok"}\n')
    items = [item for _, item in scan_jsonl(str(tmp_path / "bomb.jsonl.gz"))]
    assert type(items[0]).__name__ == "RawPage" and "line too long" in str(items[1]) and len(items) == 2

"""`attackwatch feeds add/list/remove/poll` end to end, in a subprocess, against a local
HTTP server: the articles land in the database, a second poll is a 304, and the service
(`--every`) exits cleanly on SIGTERM and on Ctrl-C (SIGINT)."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import pytest

try:
    from .feed_server import FeedServer, build_news_site
except ImportError:  # tests/ingest is not a package: pytest puts this folder on sys.path
    from feed_server import FeedServer, build_news_site

ENV = {**os.environ, "PYTHONUNBUFFERED": "1"}
ENV.pop("ATTACKWATCH_DB", None)


def aw(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "attackwatch.cli", *args], capture_output=True, text=True,
                          timeout=120, env=ENV)


@pytest.fixture
def site() -> Iterator[FeedServer]:
    server = build_news_site(FeedServer().start())
    yield server
    server.stop()


def test_add_list_poll_remove(site: FeedServer, tmp_path: Path) -> None:
    db = str(tmp_path / "aw.db")
    rss, atom = site.url("/feeds/world.rss"), site.url("/feeds/syria.atom")
    out = aw("feeds", "add", rss, "--name", "world", "--outlet", "Test Gazette", "--db", db)
    assert out.returncode == 0 and out.stdout.strip() == f"added feed world <{rss}> (outlet Test Gazette)"
    assert aw("feeds", "add", atom, "--db", db).returncode == 0
    assert Path(db + ".feeds.sqlite").exists()  # the registry lives beside the database
    bad = aw("feeds", "add", "file:///etc/passwd", "--db", db)
    assert bad.returncode == 1 and bad.stderr.strip() == "attackwatch: file:///etc/passwd: not an http(s) URL"

    listed = aw("feeds", "list", "--db", db, "--format", "jsonl")
    feeds = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [(f["url"], f["name"], f["outlet"], f["last_polled"]) for f in feeds] == [
        (rss, "world", "Test Gazette", None), (atom, "127.0.0.1/feeds/syria.atom", None, None)]

    first = aw("feeds", "poll", "--db", db, "--delay", "0", "--timeout", "2")
    # the RSS feed links a PNG and a page with no article: reported, skipped, exit status 1
    assert first.returncode == 1, first.stderr
    assert re.fullmatch(r"feeds: 2 feeds polled, 0 not modified, 6 new entries, 4 pages fetched, "
                        r"3 articles ingested \(\d+ reports\), 1 disallowed by robots.txt, 2 errors", first.stdout.strip())
    errors = first.stderr.strip().splitlines()
    assert len(errors) == 3 and all(line.startswith("feeds: world: ") for line in errors)

    incidents = aw("incidents", "--db", db, "--format", "jsonl")
    records = [json.loads(line) for line in incidents.stdout.splitlines()]
    assert {r["place"] for r in records} == {"Harir Air Base", "Ain al-Asad Air Base", "Conoco gas field base"}

    second = aw("feeds", "poll", "--db", db, "--delay", "0")
    assert second.returncode == 0 and second.stderr == ""
    assert second.stdout.startswith("feeds: 2 feeds polled, 1 not modified, 0 new entries, 0 pages fetched")

    text = aw("feeds", "list", "--db", db).stdout
    assert f"{rss}\tworld\tTest Gazette\tlast polled 20" in text and "not-modified" in text

    assert aw("feeds", "remove", rss, "--db", db).returncode == 0
    gone = aw("feeds", "remove", rss, "--db", db)
    assert gone.returncode == 1 and "no such feed" in gone.stderr
    assert aw("feeds", "list", "--db", db).stdout.count("\n") == 1


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_service_exits_cleanly_on_signal(sig: signal.Signals, tmp_path: Path) -> None:
    server = FeedServer().start()
    server.add("/robots.txt", "", status=404)
    server.add("/feed.atom", '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>',
               content_type="application/atom+xml")
    feeds_db = str(tmp_path / "registry.sqlite")
    try:
        assert aw("feeds", "add", server.url("/feed.atom"), "--feeds-db", feeds_db).returncode == 0
        proc = subprocess.Popen([sys.executable, "-m", "attackwatch.cli", "feeds", "poll", "--every", "1h",
                                 "--feeds-db", feeds_db, "--db", str(tmp_path / "aw.db"), "--delay", "0"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
        assert proc.stdout is not None
        line = proc.stdout.readline()  # the first poll's summary: the service is now sleeping for an hour
        assert line.startswith("feeds: 1 feeds polled, 0 not modified, 0 new entries")
        started = time.monotonic()
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=10)
        assert proc.returncode == 0, err
        assert time.monotonic() - started < 5
        assert f"{sig.name} received" in err and err.rstrip().endswith("feeds: stopped")
        assert "Traceback" not in err
    finally:
        server.stop()

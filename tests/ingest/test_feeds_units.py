"""The small parts of the feed source: URL normalisation, durations, feed entries and their
local dates, the registry (feed list, backoff arithmetic, seen-URL set)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from attackwatch.ingest.feeds.entries import local_date, parse_feed
from attackwatch.collect.poll import parse_duration
from attackwatch.ingest.feeds.registry import MAX_PAGE_ATTEMPTS, FeedRegistry, RegistryError, feeds_db_for
from attackwatch.ingest.feeds.urls import host_key, normalise_url


@pytest.mark.parametrize("url, expected", [
    ("HTTP://News.Example.ORG:80/a/b.html?utm_source=rss&id=7&utm_medium=x#comments",
     "http://news.example.org/a/b.html?id=7"),
    ("https://example.org:443", "https://example.org/"),
    ("https://example.org:8443/x?fbclid=abc", "https://example.org:8443/x"),
    ("https://example.org/story?p=12&page=2", "https://example.org/story?p=12&page=2"),
])
def test_normalise_url(url: str, expected: str) -> None:
    assert normalise_url(url) == expected


def test_host_key_ignores_path_and_credentials() -> None:
    assert host_key("https://user:pw@Example.org:8443/a?b") == "https://example.org:8443"


@pytest.mark.parametrize("text, seconds", [("30s", 30), ("15m", 900), ("1h", 3600), ("1h30m", 5400), ("90", 90),
                                           ("0.5s", 0.5), ("2d", 172800)])
def test_parse_duration(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "15x", "m", "0s", "fifteen minutes", "15m-"])
def test_parse_duration_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(text)


def test_local_date_keeps_the_writers_offset() -> None:
    assert local_date("Tue, 09 Jan 2024 01:30:00 +0300") == date(2024, 1, 9)  # UTC: the 8th
    assert local_date("Mon, 08 Jan 2024 22:30:00 -0500") == date(2024, 1, 8)  # UTC: the 9th
    assert local_date("2024-01-12T00:40:00+03:00") == date(2024, 1, 12)
    assert local_date("2024-01-12T00:40:00Z") == date(2024, 1, 12)
    assert local_date("2024-01-12") == date(2024, 1, 12)
    assert local_date("last Tuesday") is None


RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>One</title><link>/news/one.html</link><pubDate>Tue, 09 Jan 2024 01:30:00 +0300</pubDate></item>
<item><title>No link</title><description>text only</description></item>
<item><title>Future</title><link>https://example.org/f</link><pubDate>Fri, 01 Jan 2100 00:00:00 +0000</pubDate></item>
<item><title>Odd date</title><link>https://example.org/o</link><pubDate>sometime soon</pubDate></item>
</channel></rss>"""


def test_parse_feed_entries_links_and_dates() -> None:
    feed = parse_feed(RSS, url="https://example.org/feeds/rss.xml", content_type="application/rss+xml")
    assert feed.error is None and feed.title == "T" and feed.skipped == 1
    one, future, odd = feed.entries
    assert one.link == "https://example.org/news/one.html"  # relative link resolved against the feed
    assert (one.published, one.published_raw) == (date(2024, 1, 9), "Tue, 09 Jan 2024 01:30:00 +0300")
    assert future.published is None  # a date in 2100 is a broken clock
    assert odd.published is None


@pytest.mark.parametrize("body, reason", [
    (b"<rss><channel><item><title>x</title><link>", "malformed feed"),
    (b"\x00\x01\x02 not xml at all", "malformed feed"),
    (b"<!doctype html><html><body><p>a web page</p></body></html>", "malformed feed"),
])
def test_parse_feed_rejects_what_is_not_a_feed(body: bytes, reason: str) -> None:
    feed = parse_feed(body, url="https://example.org/feed")
    assert feed.error is not None and feed.error.startswith(reason) and not feed.entries


def test_feeds_db_beside_the_sqlite_database() -> None:
    assert feeds_db_for("/data/aw.db") == "/data/aw.db.feeds.sqlite"
    assert feeds_db_for("sqlite:////data/aw.db") == "/data/aw.db.feeds.sqlite"
    assert feeds_db_for("postgresql://u@h/db") == "attackwatch.feeds.sqlite"


def test_registry_add_update_remove(tmp_path: Path) -> None:
    with FeedRegistry(tmp_path / "f.sqlite") as reg:
        feed, created = reg.add("https://Example.org/rss?utm_source=x")
        assert created and feed.url == "https://example.org/rss" and feed.name == "example.org/rss"
        feed, created = reg.add("https://example.org/rss", outlet="Example News")
        assert not created and feed.outlet == "Example News" and feed.name == "example.org/rss"
        with pytest.raises(RegistryError, match="not an http"):
            reg.add("ftp://example.org/feed")
        with pytest.raises(RegistryError, match="no such feed"):
            reg.remove("https://example.org/other")
        reg.remove("https://example.org/rss#top")
        assert reg.feeds() == []
    with pytest.raises(RegistryError, match="does not exist"):
        FeedRegistry(tmp_path / "missing" / "f.sqlite")


def test_backoff_doubles_up_to_the_cap_and_success_resets(tmp_path: Path) -> None:
    with FeedRegistry(tmp_path / "f.sqlite") as reg:
        feed, _ = reg.add("https://example.org/rss")
        delays = [reg.record_failure(feed.url, "HTTP 500", base=60, cap=500) for _ in range(5)]
        assert delays == [60, 120, 240, 480, 500]
        state = reg.require(feed.url)
        assert state.failures == 5 and state.last_error == "HTTP 500"
        assert state.next_attempt == pytest.approx(state.last_polled + 500)
        reg.record_success(feed.url, "ok", etag='"e1"', last_modified="Mon, 08 Jan 2024 10:00:00 GMT")
        state = reg.require(feed.url)
        assert (state.failures, state.next_attempt, state.last_error, state.etag) == (0, None, None, '"e1"')
        reg.record_success(feed.url, "not-modified", keep_validators=True)
        assert reg.require(feed.url).etag == '"e1"'


def test_seen_set_final_outcomes_and_limited_retries(tmp_path: Path) -> None:
    with FeedRegistry(tmp_path / "f.sqlite") as reg:
        reg.mark("https://example.org/a?utm_medium=rss", "f", "ingested")
        assert reg.is_done("https://example.org/a#comments")
        reg.mark("https://example.org/b", "f", "retry", "timed out")
        assert not reg.is_done("https://example.org/b")
        for _ in range(MAX_PAGE_ATTEMPTS - 1):
            reg.mark("https://example.org/b", "f", "retry", "HTTP 503")
        assert reg.is_done("https://example.org/b")  # given up after the last attempt
        rows = {r["url"]: r for r in reg.seen_rows()}
        assert rows["https://example.org/b"]["attempts"] == MAX_PAGE_ATTEMPTS

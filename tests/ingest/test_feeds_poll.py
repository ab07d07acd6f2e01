"""Polling feeds end to end against a local HTTP server: RSS and Atom entries become articles,
reports and incidents in the store; robots.txt, content types and pages with no article are
respected and reported; broken feeds (500, timeout, malformed XML) back off without stopping
the poller; a second poll sends If-None-Match, gets 304 and fetches nothing already seen.

The site and its articles are our own test prose (tests/ingest/feed_server.py).
"""
from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

from attackwatch.ingest.feeds.http import FetchPolicy, PoliteClient
from attackwatch.collect.poll import Poller, PollSummary, page_id
from attackwatch.ingest.feeds.registry import MAX_PAGE_ATTEMPTS, FeedRegistry
from attackwatch.store import open_store

try:
    from .feed_server import CONOCO, HARIR, RSS_ETAG, FeedServer, atom, build_news_site
except ImportError:  # tests/ingest is not a package: pytest puts this folder on sys.path
    from feed_server import CONOCO, HARIR, RSS_ETAG, FeedServer, atom, build_news_site


@dataclass
class Scenario:
    server: FeedServer
    feeds_db: Path
    db: Path
    first: PollSummary
    second: PollSummary
    forced: PollSummary
    lines: list[str]
    lines_after_first: int
    requests_after_first: int
    started: float


def _poller(tmp: Path, lines: list[str], *, stop: threading.Event | None = None) -> tuple[FeedRegistry, Poller]:
    registry = FeedRegistry(tmp / "aw.db.feeds.sqlite")
    client = PoliteClient(FetchPolicy(min_delay=0.0, timeout=0.5), stop=stop or threading.Event(), log=lines.append)
    return registry, Poller(registry, client, str(tmp / "aw.db"), backoff_base=60.0, log=lines.append)


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scenario]:
    tmp = tmp_path_factory.mktemp("feeds")
    server = build_news_site(FeedServer().start())
    lines: list[str] = []
    registry, poller = _poller(tmp, lines)
    registry.add(server.url("/feeds/world.rss"), name="world", outlet="Test Gazette")
    registry.add(server.url("/feeds/syria.atom"), name="syria", outlet="Test Gazette")
    registry.add(server.url("/feeds/down.rss"), name="down")
    registry.add(server.url("/feeds/slow.rss"), name="slow")
    registry.add(server.url("/feeds/broken.xml"), name="broken")
    started = time.time()
    first = poller.poll_once()
    after_first, requests_after_first = len(lines), len(server.requests)
    second = poller.poll_once()
    forced = poller.poll_once(force=True)
    poller.client.close()
    registry.close()
    yield Scenario(server, tmp / "aw.db.feeds.sqlite", tmp / "aw.db", first, second, forced, lines, after_first,
                   requests_after_first, started)
    server.stop()


def test_first_poll_summary_counts_every_outcome(scenario: Scenario) -> None:
    s = scenario.first
    # 5 feeds; RSS: 5 entries, Atom: 1 new + 1 already taken (the Erbil article under utm/fragment)
    assert (s.polled, s.not_modified, s.new_entries) == (5, 0, 6)
    assert s.pages_fetched == 4  # three articles and the page with no article; the PNG is refused unread
    assert (s.articles_ingested, s.disallowed) == (3, 1)
    assert s.errors == 5  # PNG, no-article page, 500, timeout, malformed XML
    assert s.line().startswith("feeds: 5 feeds polled, 0 not modified, 6 new entries, 4 pages fetched, "
                               "3 articles ingested")
    assert s.line().endswith("1 disallowed by robots.txt, 5 errors")


def test_each_problem_is_one_line_naming_feed_and_reason(scenario: Scenario) -> None:
    first = scenario.lines[:scenario.lines_after_first]
    assert len(first) == 6  # five errors and the robots.txt refusal
    by_topic = {
        "down": "HTTP 500", "slow": "timed out", "broken": "malformed feed",
        "/media/map.png": "not an HTML/text response (content-type image/png)",
        "/articles/live.html": "no article text", "/private/members-only.html": "disallowed by robots.txt",
    }
    for topic, reason in by_topic.items():
        hits = [line for line in first if topic in line]
        assert len(hits) == 1, (topic, first)
        assert reason in hits[0] and "\n" not in hits[0]
    assert all(line.startswith("feeds: ") for line in first)


def test_robots_and_tracking_parameters_respected_on_the_wire(scenario: Scenario) -> None:
    paths = scenario.server.paths()
    assert "/private/members-only.html" not in paths
    assert paths.count("/robots.txt") == 1  # cached per host across feeds and polls
    assert "/articles/asad-rockets.html" in paths  # fetched without utm_* parameters
    assert not any("utm_" in p for p in paths)
    assert scenario.server.count("/articles/harir-drones.html") == 1  # linked by both feeds, fetched once
    ua = {r.headers.get("user-agent") for r in scenario.server.requests}
    assert len(ua) == 1 and "attackwatch" in ua.pop()


def test_articles_land_in_store_with_reports_and_incidents(scenario: Scenario) -> None:
    store = open_store(str(scenario.db))
    try:
        base = scenario.server.base
        erbil = store.article_by_url(f"{base}/articles/harir-drones.html")
        assert erbil is not None and erbil["id"] == page_id(f"{base}/articles/harir-drones.html")
        article = store.article(erbil["id"])
        assert article["outlet"] == "Test Gazette" and article["title"] == "Drones strike base near Erbil"
        # pubDate "Tue, 09 Jan 2024 01:30:00 +0300" is the 9th where it was written (the 8th in UTC)
        assert article["published"] == "2024-01-09"
        assert store.article_by_url(f"{base}/articles/asad-rockets.html") is not None
        conoco = store.article(store.article_by_url(f"{base}/articles/conoco-drone.html")["id"])
        assert conoco["published"] == "2024-01-12"  # Atom 2024-01-12T00:40:00+03:00, local date
        incidents = {(r["place"], r["date"], r["weapon"]) for r in store.query_incidents()}
        assert ("Harir Air Base", "2024-01-08", "drone") in incidents  # "on Monday" before Tue 9 Jan
        assert ("Ain al-Asad Air Base", "2024-01-10", "rocket") in incidents
        assert len(incidents) == 3
        reports = store.article_reports(erbil["id"])
        assert reports and reports[0][2]["injured"] == 2
    finally:
        store.close()


def test_second_poll_is_conditional_and_fetches_nothing_seen(scenario: Scenario) -> None:
    s = scenario.second
    assert (s.polled, s.not_modified, s.backing_off) == (2, 1, 3)
    assert (s.new_entries, s.pages_fetched, s.articles_ingested, s.errors) == (0, 0, 0, 0)
    later = scenario.server.requests[scenario.requests_after_first:]
    rss = [r for r in later if r.path == "/feeds/world.rss"]
    assert rss and rss[0].headers.get("if-none-match") == RSS_ETAG
    # neither this poll nor the forced one after it fetched an article again
    assert not any(r.path.startswith(("/articles/", "/private/", "/media/")) for r in later)


def test_failing_feeds_back_off_exponentially(scenario: Scenario) -> None:
    conn = sqlite3.connect(scenario.feeds_db)
    rows = {url.rsplit("/", 1)[-1]: (failures, next_attempt, last_polled, error) for url, failures, next_attempt, last_polled, error
            in conn.execute("SELECT url, failures, next_attempt, last_polled, last_error FROM feeds")}
    conn.close()
    assert scenario.forced.polled == 5 and scenario.forced.errors == 3
    for name, reason in (("down.rss", "HTTP 500"), ("slow.rss", "timed out"), ("broken.xml", "malformed feed")):
        failures, next_attempt, last_polled, error = rows[name]
        assert failures == 2 and reason in error
        # base 60 s, doubled after the second failure
        assert next_attempt - last_polled == pytest.approx(120.0, abs=0.01)
        assert next_attempt > time.time() + 100
    for name in ("world.rss", "syria.atom"):
        assert rows[name][0] == 0 and rows[name][1] is None
    assert any("next attempt in 2m" in line for line in scenario.lines[scenario.lines_after_first:])


def test_stop_during_poll_keeps_validators_and_stores_what_was_fetched(tmp_path: Path) -> None:
    server = build_news_site(FeedServer().start())
    try:
        lines: list[str] = []
        stop = threading.Event()
        registry, poller = _poller(tmp_path, lines, stop=stop)
        registry.add(server.url("/feeds/world.rss"), name="world")
        original = poller._fetch_page

        def fetch_then_stop(*args, **kwargs):  # type: ignore[no-untyped-def]
            result = original(*args, **kwargs)
            stop.set()  # as SIGTERM would, right after the first page
            return result

        poller._fetch_page = fetch_then_stop  # type: ignore[method-assign]
        summary = poller.poll_once()
        assert summary.stopped and summary.pages_fetched == 1 and summary.articles_ingested == 1
        feed = registry.require(server.url("/feeds/world.rss"))
        assert feed.etag is None and feed.last_status == "partial"  # next poll re-reads every entry
        assert registry.is_done(server.url("/articles/harir-drones.html"))
        assert not registry.is_done(server.url("/articles/asad-rockets.html"))
        poller.client.close()
        registry.close()
    finally:
        server.stop()


def test_service_loop_polls_repeatedly_and_stops_promptly(tmp_path: Path) -> None:
    server = FeedServer().start()
    server.add("/robots.txt", "", status=404, content_type="text/plain")
    server.add("/feed.rss", '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>',
               content_type="application/rss+xml", etag='"v"')
    try:
        lines: list[str] = []
        stop = threading.Event()
        registry, poller = _poller(tmp_path, lines, stop=stop)
        registry.add(server.url("/feed.rss"))
        summaries: list[PollSummary] = []

        def on_summary(s: PollSummary) -> None:
            summaries.append(s)
            if len(summaries) == 3:
                stop.set()

        started = time.monotonic()
        thread = threading.Thread(target=poller.run, args=(0.2, on_summary))
        thread.start()
        thread.join(timeout=10)
        assert not thread.is_alive()
        assert len(summaries) == 3 and time.monotonic() - started < 5
        assert [s.not_modified for s in summaries] == [0, 1, 1]
        assert server.count("/feed.rss") == 3
        # a stop during the long wait between polls ends it at once
        stop.clear()
        summaries.clear()
        thread = threading.Thread(target=poller.run, args=(3600.0, summaries.append))
        thread.start()
        time.sleep(0.3)
        stop.set()
        thread.join(timeout=2)
        assert not thread.is_alive() and len(summaries) == 1
        poller.client.close()
        registry.close()
    finally:
        server.stop()


def test_transient_page_failure_is_retried_until_it_works_or_gives_up(tmp_path: Path) -> None:
    server = build_news_site(FeedServer().start())
    server.add("/articles/asad-rockets.html", "busy", status=503, content_type="text/plain")
    try:
        lines: list[str] = []
        registry, poller = _poller(tmp_path, lines)
        rss = server.url("/feeds/world.rss")
        registry.add(rss, name="world")
        first = poller.poll_once()
        assert first.articles_ingested == 1
        assert any("asad-rockets.html: HTTP 503 (server error); will retry" in line for line in lines)
        # the ETag is not kept while a page waits: the next poll must get the entries again, not a 304
        assert registry.require(rss).etag is None and registry.require(rss).last_status == "pending"
        second = poller.poll_once()
        assert second.not_modified == 0 and second.new_entries == 1 and second.errors == 1
        assert server.count("/articles/harir-drones.html") == 1  # done pages are not fetched again
        third = poller.poll_once()  # the third failure is the last attempt
        assert any(f"given up after {MAX_PAGE_ATTEMPTS} attempts" in line for line in lines)
        assert third.errors == 1 and registry.require(rss).etag == RSS_ETAG
        assert poller.poll_once().not_modified == 1
        assert server.count("/articles/asad-rockets.html") == MAX_PAGE_ATTEMPTS
        poller.client.close()
        registry.close()
    finally:
        server.stop()


def test_store_failure_leaves_pages_unseen_for_the_next_poll(tmp_path: Path) -> None:
    server = FeedServer().start()
    server.add("/robots.txt", "", status=404)
    server.add("/feed.atom", atom(server.base), content_type="application/atom+xml")
    server.add("/articles/conoco-drone.html", CONOCO)
    server.add("/articles/harir-drones.html", HARIR)
    try:
        lines: list[str] = []
        registry, poller = _poller(tmp_path, lines)
        registry.add(server.url("/feed.atom"), name="syria")
        poller.db_url = str(tmp_path / "not-yet" / "aw.db")  # a store that cannot be opened
        failed = poller.poll_once()
        assert failed.articles_ingested == 0 and failed.errors == 1
        assert lines == ["feeds: syria: could not store 2 article(s): "
                         f"{tmp_path / 'not-yet' / 'aw.db'}: folder {tmp_path / 'not-yet'} does not exist; will retry"]
        assert not registry.is_done(server.url("/articles/conoco-drone.html"))
        (tmp_path / "not-yet").mkdir()
        again = poller.poll_once()
        assert (again.pages_fetched, again.articles_ingested, again.errors) == (2, 2, 0)
        assert registry.is_done(server.url("/articles/conoco-drone.html"))
        poller.client.close()
        registry.close()
    finally:
        server.stop()

"""The polite HTTP client against a local server: User-Agent, per-host delay (and robots.txt
Crawl-delay), robots.txt rules / 404 / 5xx / timeout, redirects checked hop by hop,
timeouts, size cap, content-type filter, status classification."""
from __future__ import annotations

import threading
import time
from typing import Iterator

import pytest

from attackwatch.ingest.feeds.errors import FetchError, Stopped
from attackwatch.ingest.feeds.http import FetchPolicy, PoliteClient, is_feed_type

try:
    from .feed_server import FeedServer
except ImportError:  # tests/ingest is not a package: pytest puts this folder on sys.path
    from feed_server import FeedServer


@pytest.fixture
def server() -> Iterator[FeedServer]:
    s = FeedServer().start()
    s.add("/a.html", "<html><body><p>a</p></body></html>")
    s.add("/b.html", "<html><body><p>b</p></body></html>")
    s.add("/c.html", "<html><body><p>c</p></body></html>")
    yield s
    s.stop()


def _client(lines: list[str], **policy: object) -> PoliteClient:
    return PoliteClient(FetchPolicy(**{"min_delay": 0.0, "timeout": 1.0, **policy}), log=lines.append)  # type: ignore[arg-type]


def _gaps(server: FeedServer, paths: list[str]) -> list[float]:
    times = [r.at for r in server.requests if r.path in paths]
    return [b - a for a, b in zip(times, times[1:])]


def test_per_host_delay_is_honoured_and_hosts_are_independent(server: FeedServer) -> None:
    server.add("/robots.txt", "", status=404)
    lines: list[str] = []
    with _client(lines, min_delay=0.3) as client:
        for path in ("/a.html", "/b.html", "/c.html"):
            assert client.get(server.url(path)).body.startswith(b"<html>")
        client.get(f"http://localhost:{server.port}/a.html")  # another host name: its own clock
    local = [r for r in server.requests if r.host.startswith("127.0.0.1")]
    other = [r for r in server.requests if r.host.startswith("localhost")]
    assert [r.path for r in local] == ["/robots.txt", "/a.html", "/b.html", "/c.html"]
    gaps = [b.at - a.at for a, b in zip(local, local[1:])]
    assert all(g >= 0.29 for g in gaps), gaps  # spaced by the delay, robots.txt included
    assert [r.path for r in other] == ["/robots.txt", "/a.html"]
    assert other[0].at - local[-1].at < 0.25  # no waiting on 127.0.0.1's clock (0.3 s)
    assert other[1].at - other[0].at >= 0.29
    assert {r.headers["user-agent"] for r in server.requests} == {FetchPolicy().user_agent}


def test_robots_crawl_delay_wins_when_longer(server: FeedServer) -> None:
    server.add("/robots.txt", "User-agent: attackwatch\nCrawl-delay: 1\nDisallow:\n", content_type="text/plain")
    with _client([]) as client:
        client.get(server.url("/a.html"))
        client.get(server.url("/b.html"))
    assert _gaps(server, ["/a.html", "/b.html"])[0] >= 0.99  # robotparser reads whole seconds only


def test_robots_rules_block_disallowed_paths_and_redirects_into_them(server: FeedServer) -> None:
    server.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    server.add("/private/x.html", "<html><body>secret</body></html>")
    server.add("/moved.html", "", status=301, headers={"Location": "/private/x.html"})
    server.add("/old.html", "", status=302, headers={"Location": "/a.html"})
    with _client([]) as client:
        with pytest.raises(FetchError) as exc:
            client.get(server.url("/private/x.html"))
        assert exc.value.kind == "robots" and not exc.value.transient
        with pytest.raises(FetchError) as exc:
            client.get(server.url("/moved.html"))
        assert exc.value.kind == "robots"
        response = client.get(server.url("/old.html"))
        assert response.url == server.url("/a.html") and response.body.endswith(b"</html>")
    assert "/private/x.html" not in server.paths()
    assert server.count("/robots.txt") == 1


def test_robots_404_allows_everything(server: FeedServer) -> None:
    server.add("/private/x.html", "<html><body>open</body></html>")
    with _client([]) as client:  # no /robots.txt route: the server answers 404
        assert client.get(server.url("/private/x.html")).status == 200


@pytest.mark.parametrize("robots", [{"status": 503, "body": "busy"}, {"delay": 1.5, "body": "User-agent: *\n"}],
                         ids=["5xx", "timeout"])
def test_unreachable_robots_is_conservative_and_says_so(server: FeedServer, robots: dict) -> None:
    server.add("/robots.txt", content_type="text/plain", **robots)
    lines: list[str] = []
    with _client(lines, timeout=0.4) as client:
        for path in ("/a.html", "/b.html"):
            with pytest.raises(FetchError) as exc:
                client.get(server.url(path))
            assert exc.value.kind == "robots-unreachable" and exc.value.transient
            assert "not fetching, to be safe" in exc.value.reason
    assert "/a.html" not in server.paths() and "/b.html" not in server.paths()
    assert server.count("/robots.txt") == 1  # cached for a while, not asked per page
    assert len(lines) == 1 and "robots.txt" in lines[0] and "to be safe" in lines[0]
    assert ("HTTP 503" if robots.get("status") else "timed out") in lines[0]


def test_timeout_size_cap_content_type_and_status_classes(server: FeedServer) -> None:
    server.add("/robots.txt", "", status=404)
    server.add("/slow.html", "<html></html>", delay=1.5)
    server.add("/big.html", "<html>" + "x" * 5000 + "</html>")
    server.add("/photo.png", b"\x89PNG....", content_type="image/png")
    server.add("/error.html", "oops", status=500)
    server.add("/feed.xml", "<rss/>", content_type="application/rss+xml")
    with _client([], timeout=0.4, max_bytes=1000) as client:
        started = time.monotonic()
        with pytest.raises(FetchError) as exc:
            client.get(server.url("/slow.html"))
        assert exc.value.kind == "timeout" and time.monotonic() - started < 1.2
        cases = {"/big.html": ("too-large", False), "/photo.png": ("not-html", False),
                 "/error.html": ("server-error", True), "/missing.html": ("client-error", False),
                 "/feed.xml": ("not-html", False)}
        for path, (kind, transient) in cases.items():
            with pytest.raises(FetchError) as exc:
                client.get(server.url(path))
            assert (exc.value.kind, exc.value.transient) == (kind, transient), path
        # the same XML is welcome where a feed is expected
        assert client.get(server.url("/feed.xml"), accept=is_feed_type).body == b"<rss/>"


def test_stop_ends_a_wait_for_the_host_at_once(server: FeedServer) -> None:
    server.add("/robots.txt", "", status=404)
    stop = threading.Event()
    with PoliteClient(FetchPolicy(min_delay=30.0, timeout=1.0), stop=stop, log=lambda _l: None) as client:
        threading.Timer(0.3, stop.set).start()
        started = time.monotonic()
        with pytest.raises(Stopped):  # robots.txt fetched, then 30 s to wait before the page
            client.get(server.url("/a.html"))
        assert time.monotonic() - started < 2
    assert server.paths() == ["/robots.txt"]


def test_user_agent_must_name_attackwatch() -> None:
    with pytest.raises(ValueError, match="must name attackwatch"):
        FetchPolicy(user_agent="Mozilla/5.0")
    assert FetchPolicy(user_agent="AttackWatch-lab/2 (ops@example.org)").robots_token == "attackwatch"

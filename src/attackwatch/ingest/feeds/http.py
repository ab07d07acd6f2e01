"""A polite HTTP client for feeds and the pages they link to.

Politeness: a User-Agent that names attackwatch; at most one request at a time, and a
minimum delay between two requests to one host (or the host's robots.txt Crawl-delay when
longer, capped); robots.txt obeyed (`attackwatch.ingest.feeds.robots`) on every hop of a
redirect chain. Safety: connect/read timeouts plus a deadline for the whole response (a
server that drips bytes cannot hold us), a cap on the body size (checked against
Content-Length and while reading), and a content-type filter chosen by the caller.

Every failure is a `FetchError` with a short `kind` and a one-line reason, and says whether
it is transient (worth retrying later) or final for that URL.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urljoin

import httpx

from attackwatch.ingest.feeds.errors import FetchError, Stopped
from attackwatch.ingest.feeds.robots import RobotsCache
from attackwatch.ingest.feeds.urls import host_key, is_web_url

DEFAULT_USER_AGENT = "attackwatch/0.1 (incident dataset research; polite feed poller)"
MAX_PAGE_BYTES = 5 * 1024 * 1024  # as attackwatch.ingest.files.MAX_BYTES: no article is bigger
MAX_CRAWL_DELAY = 60.0  # a robots.txt Crawl-delay above this would stall the poller; cap it

@dataclass
class FetchPolicy:
    user_agent: str = DEFAULT_USER_AGENT
    min_delay: float = 2.0  # seconds between two requests to one host
    timeout: float = 20.0  # connect and read timeouts, and the deadline for a whole response
    max_bytes: int = MAX_PAGE_BYTES
    max_redirects: int = 5
    robots_ttl: float = 6 * 3600.0  # how long a host's robots.txt is trusted

    def __post_init__(self) -> None:
        if "attackwatch" not in self.user_agent.lower():
            raise ValueError(f"User-Agent {self.user_agent!r} must name attackwatch (site owners should know who calls)")
        if self.min_delay < 0 or self.timeout <= 0 or self.max_bytes <= 0:
            raise ValueError("delay must be >= 0, timeout and max size > 0")

    @property
    def robots_token(self) -> str:
        """The product token robots.txt rules are matched against."""
        return "attackwatch"


@dataclass
class Response:
    url: str  # after redirects
    status: int
    headers: httpx.Headers
    body: bytes = b""

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        ct = self.headers.get("content-type", "")
        for part in ct.split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None


def is_page_type(content_type: str) -> bool:
    """HTML or plain text (a missing type is sniffed later)."""
    return content_type in ("", "text/html", "application/xhtml+xml", "text/plain")


def is_feed_type(content_type: str) -> bool:
    """RSS/Atom are served under many names; anything XML-ish or textual goes to feedparser."""
    return (content_type == "" or content_type.startswith("text/") or "xml" in content_type
            or "rss" in content_type or "atom" in content_type)


@dataclass
class PoliteClient:
    policy: FetchPolicy = field(default_factory=FetchPolicy)
    stop: threading.Event = field(default_factory=threading.Event)
    log: Callable[[str], None] = print
    transport: httpx.BaseTransport | None = None  # for tests that need one; normally the network

    def __post_init__(self) -> None:
        p = self.policy
        self._http = httpx.Client(headers={"User-Agent": p.user_agent}, follow_redirects=False,
                                  timeout=httpx.Timeout(p.timeout), transport=self.transport)
        self._last_request: dict[str, float] = {}  # host -> monotonic time the last response ended
        self.robots = RobotsCache(self, ttl=p.robots_ttl, log=self.log)
        self.requests = 0

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> "PoliteClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- politeness ------------------------------------------------------------------------------
    def host_delay(self, host: str) -> float:
        crawl = self.robots.crawl_delay(host)
        return max(self.policy.min_delay, min(crawl or 0.0, MAX_CRAWL_DELAY))

    def _wait_turn(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is None:
            return
        remaining = last + self.host_delay(host) - time.monotonic()
        # an Event wait, not time.sleep: a stop request (SIGTERM) ends it at once
        if remaining > 0 and self.stop.wait(remaining):
            raise Stopped()

    # -- fetching ----------------------------------------------------------------------------------
    def get(self, url: str, *, headers: dict[str, str] | None = None,
            accept: Callable[[str], bool] = is_page_type, check_robots: bool = True,
            max_bytes: int | None = None) -> Response:
        """GET `url` politely, following redirects (each hop checked against robots.txt).
        A 304 is returned as a Response (the caller sent the validators); any other non-2xx
        status, a refused content type or an oversized body is a FetchError."""
        limit = max_bytes or self.policy.max_bytes
        for _ in range(self.policy.max_redirects + 1):
            if not is_web_url(url):
                raise FetchError(url, "client-error", f"not an http(s) URL: {url}")
            if check_robots:
                self.robots.check(url)
            response = self._request(url, headers or {}, accept, limit)
            if response.status in (301, 302, 303, 307, 308) and "location" in response.headers:
                url = urljoin(url, response.headers["location"])
                continue
            return response
        raise FetchError(url, "client-error", f"more than {self.policy.max_redirects} redirects")

    def _request(self, url: str, headers: dict[str, str], accept: Callable[[str], bool], limit: int) -> Response:
        host = host_key(url)
        self._wait_turn(host)
        timeout = self.policy.timeout
        started = time.monotonic()
        self.requests += 1
        try:
            with self._http.stream("GET", url, headers=headers) as r:
                response = Response(url=str(r.url), status=r.status_code, headers=r.headers)
                _check_status(url, r.status_code)
                if not 200 <= r.status_code < 300:  # a redirect or a 304: headers are all we need
                    return response
                if not accept(response.content_type):
                    raise FetchError(url, "not-html", f"not an HTML/text response (content-type {response.content_type})")
                declared = r.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise FetchError(url, "too-large", f"too large ({int(declared)} bytes declared, limit {limit})")
                chunks: list[bytes] = []
                size = 0
                for chunk in r.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise FetchError(url, "too-large", f"too large (more than {limit} bytes)")
                    if time.monotonic() - started > timeout:
                        raise FetchError(url, "timeout", f"timed out (response still arriving after {timeout:g}s)")
                    chunks.append(chunk)
                response.body = b"".join(chunks)
                return response
        except httpx.TimeoutException:
            raise FetchError(url, "timeout", f"timed out after {timeout:g}s") from None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            raise FetchError(url, "client-error", f"bad URL ({exc})") from None
        except httpx.TransportError as exc:
            raise FetchError(url, "connection", f"connection failed ({exc.__class__.__name__}: {exc})") from None
        finally:
            self._last_request[host] = time.monotonic()


def _check_status(url: str, status: int) -> None:
    if 200 <= status < 400:
        return
    if status == 429:
        raise FetchError(url, "rate-limited", "HTTP 429 (too many requests)")
    if status == 408 or status >= 500:
        raise FetchError(url, "server-error", f"HTTP {status} (server error)")
    raise FetchError(url, "client-error", f"HTTP {status}")

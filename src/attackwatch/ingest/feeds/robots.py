"""robots.txt, fetched once per host and cached (urllib.robotparser does the matching).

What a robots.txt fetch means (as RFC 9309 says):
- 2xx: its rules apply (and its Crawl-delay, if longer than ours);
- 4xx (404 and the like): there are no rules: everything is allowed;
- 5xx, a timeout or a failed connection: the site may be saying "not now"; we are
  conservative and fetch *nothing* from that host, say so once on stderr, and ask again
  after a few minutes.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from attackwatch.ingest.feeds.errors import FetchError
from attackwatch.ingest.feeds.urls import host_key

if TYPE_CHECKING:
    from attackwatch.ingest.feeds.http import PoliteClient

MAX_ROBOTS_BYTES = 500 * 1024  # RFC 9309: crawlers parse at least the first 500 KiB
UNREACHABLE_RETRY = 300.0  # seconds before asking an unreachable host's robots.txt again


@dataclass
class RobotsEntry:
    state: str  # "rules" | "allow-all" | "unreachable"
    fetched: float
    parser: RobotFileParser | None = None
    reason: str = ""


class RobotsCache:
    def __init__(self, client: "PoliteClient", *, ttl: float, log: Callable[[str], None]):
        self.client = client
        self.ttl = ttl
        self.log = log
        self._hosts: dict[str, RobotsEntry] = {}

    def entry(self, host: str) -> RobotsEntry:
        cached = self._hosts.get(host)
        now = time.monotonic()
        if cached is not None:
            age_limit = UNREACHABLE_RETRY if cached.state == "unreachable" else self.ttl
            if now - cached.fetched < age_limit:
                return cached
        entry = self._fetch(host)
        self._hosts[host] = entry
        if entry.state == "unreachable":
            self.log(f"feeds: {host}/robots.txt {entry.reason}: fetching nothing from this host for now, "
                     f"to be safe (asking again in {UNREACHABLE_RETRY / 60:g} min)")
        return entry

    def _fetch(self, host: str) -> RobotsEntry:
        now = time.monotonic()
        try:
            response = self.client.get(f"{host}/robots.txt", check_robots=False, accept=lambda _ct: True,
                                       max_bytes=MAX_ROBOTS_BYTES)
        except FetchError as exc:
            if exc.kind == "client-error":  # 4xx: no rules at all
                return RobotsEntry("allow-all", now, reason=exc.reason)
            return RobotsEntry("unreachable", now, reason=exc.reason)
        if response.status == 304 or not 200 <= response.status < 300:
            return RobotsEntry("allow-all", now, reason=f"HTTP {response.status}")
        parser = RobotFileParser(f"{host}/robots.txt")
        parser.parse(response.body.decode("utf-8", errors="replace").splitlines())
        parser.modified()  # can_fetch() answers False until the parser believes it has read the file
        return RobotsEntry("rules", now, parser=parser)

    def check(self, url: str) -> None:
        """Raise FetchError if robots.txt forbids `url` (or cannot be read right now)."""
        entry = self.entry(host_key(url))
        if entry.state == "unreachable":
            raise FetchError(url, "robots-unreachable",
                             f"robots.txt unreachable ({entry.reason}); not fetching, to be safe")
        if entry.state == "rules" and entry.parser is not None:
            if not entry.parser.can_fetch(self.client.policy.robots_token, url):
                path = urlsplit(url).path or "/"
                raise FetchError(url, "robots", f"disallowed by robots.txt ({path})")

    def crawl_delay(self, host: str) -> float | None:
        """The host's Crawl-delay for us, if its robots.txt is already known (never fetches)."""
        entry = self._hosts.get(host)
        if entry is None or entry.parser is None:
            return None
        delay = entry.parser.crawl_delay(self.client.policy.robots_token)
        return float(delay) if delay is not None else None

"""The feed list and the poller's memory, in a small SQLite file of its own.

Kept apart from the incident store so it works whatever backend holds the incidents
(SQLite or PostgreSQL): by default `<db>.feeds.sqlite` beside a SQLite database.

- `feeds`: one row per feed: name, outlet, the conditional-GET validators of the last 200
  response (ETag, Last-Modified), when it was last polled, consecutive failures and the
  earliest time it may be tried again (exponential backoff), and the last error;
- `seen`: article URLs (normalised) with what became of them. A URL whose fetch is *done*
  (ingested, not an article, disallowed by robots.txt, not HTML, too large, a 4xx) is
  never fetched again; a transient failure (timeout, 5xx, connection) is retried on later
  polls, up to `MAX_PAGE_ATTEMPTS` times.
"""
from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from attackwatch.ingest.feeds.urls import is_web_url, normalise_url

MAX_PAGE_ATTEMPTS = 3
# outcomes of a page fetch after which the URL is not fetched again
DONE_STATUSES = ("ingested", "no-article", "robots", "not-html", "too-large", "client-error")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feeds (
    url TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    outlet TEXT,
    added_at REAL NOT NULL,
    etag TEXT,
    last_modified TEXT,
    last_polled REAL,
    last_status TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    next_attempt REAL,
    last_error TEXT
);
CREATE TABLE IF NOT EXISTS seen (
    url TEXT PRIMARY KEY,
    feed_url TEXT,
    first_seen REAL NOT NULL,
    fetched_at REAL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    detail TEXT
);
"""


class RegistryError(ValueError):
    """A bad feed URL or an unknown feed; str() is the one-line message."""


@dataclass
class Feed:
    url: str
    name: str
    outlet: str | None = None
    added_at: float = 0.0
    etag: str | None = None
    last_modified: str | None = None
    last_polled: float | None = None
    last_status: str | None = None
    failures: int = 0
    next_attempt: float | None = None
    last_error: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {"url": self.url, "name": self.name, "outlet": self.outlet, "added_at": iso(self.added_at),
                "etag": self.etag, "last_modified": self.last_modified, "last_polled": iso(self.last_polled),
                "last_status": self.last_status, "failures": self.failures,
                "next_attempt": iso(self.next_attempt), "last_error": self.last_error}


def iso(ts: float | None) -> str | None:
    if ts is None:
        return None
    return datetime.fromtimestamp(ts, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def default_name(url: str) -> str:
    """host/path: one site often has several feeds, so the host alone would not tell them apart."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return f"{parts.hostname}{parts.path.rstrip('/')}"


def feeds_db_for(db_url: str) -> str:
    """The default registry file for an incident store URL: beside a SQLite file, else
    `attackwatch.feeds.sqlite` in the working folder (a server database has no 'beside')."""
    if db_url.startswith(("postgresql://", "postgres://")):
        return "attackwatch.feeds.sqlite"
    if db_url.startswith("sqlite:///"):
        db_url = db_url[len("sqlite:///"):]
    return db_url + ".feeds.sqlite"


class FeedRegistry:
    def __init__(self, path: str | Path):
        self.path = str(path)
        parent = Path(self.path).parent
        if not parent.exists():
            raise RegistryError(f"{self.path}: folder {parent} does not exist")
        # autocommit; writes are single statements or explicit `with self.conn` blocks. One
        # user at a time, but not necessarily the thread that opened it (a service thread)
        self.conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.executescript(_SCHEMA)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "FeedRegistry":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the feed list -----------------------------------------------------------------------
    def add(self, url: str, name: str | None = None, outlet: str | None = None) -> tuple[Feed, bool]:
        """Register a feed (or update the name/outlet of one already there); (feed, created)."""
        if not is_web_url(url):
            raise RegistryError(f"{url}: not an http(s) URL")
        key = normalise_url(url)
        existing = self.get(key)
        if existing is not None:
            self.conn.execute("UPDATE feeds SET name = COALESCE(?, name), outlet = COALESCE(?, outlet) WHERE url = ?",
                              (name, outlet, key))
            return self.require(key), False
        self.conn.execute("INSERT INTO feeds (url, name, outlet, added_at) VALUES (?, ?, ?, ?)",
                          (key, name or default_name(key), outlet, time.time()))
        return self.require(key), True

    def remove(self, url: str) -> None:
        key = normalise_url(url)
        if self.conn.execute("DELETE FROM feeds WHERE url = ?", (key,)).rowcount == 0:
            raise RegistryError(f"{url}: no such feed (see `attackwatch feeds list`)")

    def get(self, url: str) -> Feed | None:
        row = self.conn.execute("SELECT * FROM feeds WHERE url = ?", (normalise_url(url),)).fetchone()
        return Feed(**dict(row)) if row else None

    def require(self, url: str) -> Feed:
        feed = self.get(url)
        if feed is None:
            raise RegistryError(f"{url}: no such feed (see `attackwatch feeds list`)")
        return feed

    def feeds(self) -> list[Feed]:
        return [Feed(**dict(r)) for r in self.conn.execute("SELECT * FROM feeds ORDER BY added_at, url")]

    # -- per-feed state ------------------------------------------------------------------------
    def record_success(self, url: str, status: str, *, etag: str | None = None,
                       last_modified: str | None = None, keep_validators: bool = False) -> None:
        """A poll that worked (200 or 304): failures reset; validators replaced on a 200."""
        if keep_validators:
            self.conn.execute("UPDATE feeds SET last_polled = ?, last_status = ?, failures = 0, next_attempt = NULL, "
                              "last_error = NULL WHERE url = ?", (time.time(), status, url))
        else:
            self.conn.execute("UPDATE feeds SET last_polled = ?, last_status = ?, failures = 0, next_attempt = NULL, "
                              "last_error = NULL, etag = ?, last_modified = ? WHERE url = ?",
                              (time.time(), status, etag, last_modified, url))

    def record_failure(self, url: str, reason: str, *, base: float, cap: float) -> float:
        """One more consecutive failure: the next attempt waits base * 2^(failures-1), at most
        `cap` seconds. Returns the delay."""
        row = self.conn.execute("SELECT failures FROM feeds WHERE url = ?", (url,)).fetchone()
        failures = (row["failures"] if row else 0) + 1
        delay = min(base * 2 ** (failures - 1), cap)
        now = time.time()
        self.conn.execute("UPDATE feeds SET last_polled = ?, last_status = 'error', failures = ?, next_attempt = ?, "
                          "last_error = ? WHERE url = ?", (now, failures, now + delay, reason, url))
        return delay

    # -- the seen-URL set ----------------------------------------------------------------------
    def is_done(self, url: str) -> bool:
        row = self.conn.execute("SELECT status, attempts FROM seen WHERE url = ?", (normalise_url(url),)).fetchone()
        return row is not None and (row["status"] in DONE_STATUSES or row["attempts"] >= MAX_PAGE_ATTEMPTS)

    def mark(self, url: str, feed_url: str | None, status: str, detail: str | None = None) -> None:
        """Record the outcome of fetching `url`; a transient one ('retry') counts an attempt."""
        now = time.time()
        key = normalise_url(url)
        attempt = 1 if status == "retry" else 0
        with self.conn:
            self.conn.execute("INSERT INTO seen (url, feed_url, first_seen, fetched_at, status, attempts, detail) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET fetched_at = excluded.fetched_at, "
                              "status = excluded.status, attempts = seen.attempts + excluded.attempts, "
                              "detail = excluded.detail", (key, feed_url, now, now, status, attempt, detail))

    def seen_rows(self) -> Iterator[sqlite3.Row]:
        yield from self.conn.execute("SELECT * FROM seen ORDER BY first_seen, url")

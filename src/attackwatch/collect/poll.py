"""Poll every registered feed once, or forever as a service.

One poll: for each feed not backing off, a conditional GET (If-None-Match /
If-Modified-Since from the last 200); on 200 its entries are parsed, each entry whose
(normalised) URL is not already done is fetched, cleaned and extracted
(`attackwatch.pipeline.process_raw`), and the feed's articles go into the incident store in
one `Dataset.ingest` call. The seen-URL set is written *after* the store commits, and the
feed's validators only once all its entries were handled: a crash or a stop in between
means refetching a few pages next time, which the store absorbs (it dedups by content
hash), never losing one.

A feed that fails (timeout, 5xx, malformed XML, robots.txt unreachable...) gets one line on
stderr and waits base * 2^(failures-1) before its next attempt; a page that fails is logged
and skipped. Nothing a feed or page does stops the poller.
"""
from __future__ import annotations

import hashlib
import re
import sqlite3
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable

from attackwatch.ingest.feeds.entries import FeedEntry, parse_feed
from attackwatch.ingest.feeds.errors import FetchError, Stopped
from attackwatch.ingest.feeds.http import PoliteClient, Response, is_feed_type
from attackwatch.ingest.feeds.registry import MAX_PAGE_ATTEMPTS, Feed, FeedRegistry
from attackwatch.ingest.feeds.urls import normalise_url

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"
PAGE_ACCEPT = "text/html, application/xhtml+xml, text/plain;q=0.8"
# seen-set status for each kind of page-fetch failure (see registry.DONE_STATUSES)
_PAGE_STATUS = {"robots": "robots", "not-html": "not-html", "too-large": "too-large", "client-error": "client-error"}

_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd]?)", re.I)
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> float:
    """'30s', '15m', '1h', '1h30m', '90' (seconds) -> seconds."""
    compact = text.strip().replace(" ", "")
    parts = _DURATION.findall(compact)
    if not compact or "".join(n + u for n, u in parts) != compact:
        raise ValueError(f"not a duration: {text!r} (use e.g. 30s, 15m, 1h)")
    seconds = sum(float(n) * _UNIT[u.lower()] for n, u in parts)
    if seconds <= 0:
        raise ValueError(f"not a positive duration: {text!r}")
    return seconds


def human(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:g}s"
    if seconds < 7200:
        return f"{seconds / 60:.0f}m"
    return f"{seconds / 3600:.1f}h"


@dataclass
class PollSummary:
    polled: int = 0
    not_modified: int = 0
    backing_off: int = 0
    new_entries: int = 0
    pages_fetched: int = 0
    articles_ingested: int = 0
    reports: int = 0
    disallowed: int = 0
    errors: int = 0
    stopped: bool = False

    def line(self) -> str:
        parts = [f"{self.polled} feeds polled", f"{self.not_modified} not modified"]
        if self.backing_off:
            parts.append(f"{self.backing_off} backing off")
        parts += [f"{self.new_entries} new entries", f"{self.pages_fetched} pages fetched",
                  f"{self.articles_ingested} articles ingested ({self.reports} reports)"]
        if self.disallowed:
            parts.append(f"{self.disallowed} disallowed by robots.txt")
        parts.append(f"{self.errors} errors")
        return "feeds: " + ", ".join(parts) + (" (stopped early)" if self.stopped else "")


def page_id(url: str) -> str:
    """A stable article id from the normalised URL: one article per URL."""
    return "feed_" + hashlib.sha1(normalise_url(url).encode("utf-8")).hexdigest()[:16]


class Poller:
    def __init__(self, registry: FeedRegistry, client: PoliteClient, db_url: str | None, *,
                 backoff_base: float = 300.0, backoff_cap: float = 86400.0, pack: str = "default",
                 any_theatre: bool = False, log: Callable[[str], None] = print):
        self.registry = registry
        self.client = client
        self.db_url = db_url
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.pack = pack
        self.any_theatre = any_theatre
        self.log = log

    @property
    def stop(self) -> threading.Event:
        return self.client.stop

    # -- one poll ----------------------------------------------------------------------------------
    def poll_once(self, *, force: bool = False) -> PollSummary:
        summary = PollSummary()
        for feed in self.registry.feeds():
            if self.stop.is_set():
                summary.stopped = True
                break
            if not force and feed.next_attempt and feed.next_attempt > time.time():
                summary.backing_off += 1
                continue
            try:
                self.poll_feed(feed, summary)
            except Stopped:
                summary.stopped = True
                break
        return summary

    def _feed_failed(self, feed: Feed, reason: str, summary: PollSummary) -> None:
        delay = self.registry.record_failure(feed.url, reason, base=self.backoff_base, cap=self.backoff_cap)
        summary.errors += 1
        self.log(f"feeds: {feed.name} <{feed.url}>: {reason}; next attempt in {human(delay)}")

    def poll_feed(self, feed: Feed, summary: PollSummary) -> None:
        summary.polled += 1
        headers = {"Accept": FEED_ACCEPT}
        if feed.etag:
            headers["If-None-Match"] = feed.etag
        if feed.last_modified:
            headers["If-Modified-Since"] = feed.last_modified
        try:
            response = self.client.get(feed.url, headers=headers, accept=is_feed_type)
        except FetchError as exc:
            self._feed_failed(feed, exc.reason, summary)
            return
        if response.status == 304:
            summary.not_modified += 1
            self.registry.record_success(feed.url, "not-modified", keep_validators=True)
            return
        parsed = parse_feed(response.body, url=response.url, content_type=response.headers.get("content-type", ""))
        if parsed.error:
            self._feed_failed(feed, parsed.error, summary)
            return
        status = self._ingest_entries(feed, parsed.entries, summary)
        if status == "ok":
            self.registry.record_success(feed.url, "ok", etag=response.headers.get("etag"),
                                         last_modified=response.headers.get("last-modified"))
        else:
            # stopped half-way, or pages to retry: keep the old validators, so the next poll
            # gets the document again (not a 304) and sees those entries again
            self.registry.record_success(feed.url, status, keep_validators=True)

    # -- a feed's entries ------------------------------------------------------------------------
    def _ingest_entries(self, feed: Feed, entries: list[FeedEntry], summary: PollSummary) -> str:
        """Fetch and extract the new entries, then store them: 'ok', 'partial' (stopped
        half-way) or 'pending' (some pages failed transiently and wait for the next poll)."""
        results: list[tuple[Any, set[str]]] = []  # (PageResult, its normalised URLs)
        pending: list[str] = []
        complete = True
        taken: set[str] = set()
        for entry in entries:
            key = normalise_url(entry.link)
            if key in taken or self.registry.is_done(key):
                continue
            taken.add(key)
            if self.stop.is_set():
                complete = False
                break
            summary.new_entries += 1
            try:
                result = self._fetch_page(feed, entry, key, summary, pending)
            except Stopped:
                complete = False
                break
            if result is not None:
                results.append(result)
        stored = self._store(feed, results, summary)
        if not complete:
            summary.stopped = True
            return "partial"
        return "ok" if stored and not pending else "pending"

    def _fetch_page(self, feed: Feed, entry: FeedEntry, key: str, summary: PollSummary,
                    pending: list[str]) -> tuple[Any, set[str]] | None:
        """(PageResult, the page's URLs) for a page that was fetched and extracted; None after a
        failure (logged, and recorded in the seen set; a transient one added to `pending`)."""
        from attackwatch.ingest.files import InputError, RawPage
        from attackwatch.ingest.warc import decode_html
        from attackwatch.pipeline import process_raw

        link = key  # fetched without fragment and tracking parameters: the same page, and no campaign noise
        try:
            response = self.client.get(link, headers={"Accept": PAGE_ACCEPT})
            if not 200 <= response.status < 300:  # a 3xx with no Location, or a 304 we did not ask for
                raise FetchError(link, "client-error", f"HTTP {response.status}")
        except FetchError as exc:
            if exc.kind == "robots-unreachable":
                pending.append(key)
                return None  # said once by the robots cache; the page waits for the host, no attempt spent
            self.registry.mark(key, feed.url, _PAGE_STATUS.get(exc.kind, "retry"), exc.reason)
            if exc.kind == "robots":
                summary.disallowed += 1
            else:
                summary.errors += 1
            if not exc.transient:
                outcome = "skipped"
            elif self.registry.is_done(key):
                outcome = f"given up after {MAX_PAGE_ATTEMPTS} attempts"
            else:
                outcome = "will retry"
                pending.append(key)
            self.log(f"feeds: {feed.name}: {link}: {exc.reason}; {outcome}")
            return None
        summary.pages_fetched += 1
        kind = _page_kind(response)
        try:
            content, encoding = decode_html(response.body, response.charset, link)
        except InputError as exc:
            return self._page_failed(feed, key, exc.reason, link, summary)
        meta = {"url": key, "title": entry.title, "outlet": feed.outlet, "published": entry.published}
        result = process_raw(RawPage(id=page_id(key), kind=kind, content=content, path=link, meta=meta,
                                     encoding=encoding), pack=self.pack, any_theatre=self.any_theatre)
        if result.error:
            reason = result.error[len(link) + 2:] if result.error.startswith(link + ": ") else result.error
            return self._page_failed(feed, key, reason, link, summary)
        # a redirect target is the same article: remember it under both URLs
        return result, {key, normalise_url(response.url)}

    def _page_failed(self, feed: Feed, key: str, reason: str, link: str, summary: PollSummary) -> None:
        self.registry.mark(key, feed.url, "no-article", reason)
        summary.errors += 1
        self.log(f"feeds: {feed.name}: {link}: {reason}; skipped")
        return None

    def _store(self, feed: Feed, results: list[tuple[Any, set[str]]], summary: PollSummary) -> bool:
        """Ingest the feed's new articles, then mark their URLs done; False if the store failed."""
        if not results:
            return True
        from attackwatch.store import open_store
        from attackwatch.store.dataset import Dataset
        from attackwatch.store.sqlite import StoreError

        try:
            store = open_store(self.db_url)
            try:
                ingested = Dataset(store).ingest([r for r, _ in results])
            finally:
                store.close()
        except Exception as exc:  # noqa: BLE001
            # any backend's failure (SQLite, a PostgreSQL server gone away, a full disk) must not
            # stop a service: the pages stay unseen, so the next poll fetches and stores them again
            reason = str(exc) if isinstance(exc, (StoreError, sqlite3.Error, OSError)) else f"{exc.__class__.__name__}: {exc}"
            summary.errors += 1
            self.log(f"feeds: {feed.name}: could not store {len(results)} article(s): {reason}; will retry")
            return False
        summary.articles_ingested += ingested.new + ingested.updated
        summary.reports += ingested.reports
        for _, keys in results:
            for key in keys:
                self.registry.mark(key, feed.url, "ingested")
        return True

    # -- the service ---------------------------------------------------------------------------------
    def run(self, every: float, on_summary: Callable[[PollSummary], None], *, force: bool = False) -> None:
        """Poll every `every` seconds (from the start of one poll to the next) until stopped."""
        while not self.stop.is_set():
            started = time.monotonic()
            on_summary(self.poll_once(force=force))
            if self.stop.wait(max(0.0, every - (time.monotonic() - started))):
                break


def _page_kind(response: Response) -> str:
    if response.content_type in ("text/html", "application/xhtml+xml"):
        return "html"
    if response.content_type == "text/plain":
        return "text"
    # no content type: sniff the first bytes
    head = response.body[:512].lstrip().lower()
    return "html" if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<")) else "text"

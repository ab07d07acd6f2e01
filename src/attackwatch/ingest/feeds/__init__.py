"""RSS/Atom feeds as a source of pages.

- `registry`: the feed list, per-feed state (conditional-GET validators, failures, backoff)
  and the set of article URLs already fetched, in a small SQLite file of their own so they
  work whatever backend holds the incidents;
- `http`: a polite HTTP client (named User-Agent, per-host delay, timeouts, size cap,
  robots.txt through `robots`);
- `errors`: FetchError, the one way a fetch fails.

Polling (feed -> new entries -> pages -> pipeline -> Dataset) runs every stage, so it sits
above them all, in attackwatch.collect.poll.
"""
from __future__ import annotations

from attackwatch.ingest.feeds.urls import normalise_url

__all__ = ["normalise_url"]

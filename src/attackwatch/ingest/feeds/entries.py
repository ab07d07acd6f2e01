"""A feed document (RSS or Atom, via feedparser) -> its entries: link, title, publication date.

The publication date is read from the *raw* string the feed gives (`<pubDate>`,
`<published>`, `<updated>`), in the offset it is written in: feedparser's `*_parsed`
fields are converted to UTC, so a Baghdad article stamped "Mon, 22 Apr 2024 01:30 +0300"
would become the 21st. The UTC tuple is only a fallback for strings we cannot read.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin

from attackwatch.ingest.feeds.urls import is_web_url


@dataclass
class FeedEntry:
    link: str
    title: str | None
    published: date | None
    published_raw: str | None


@dataclass
class ParsedFeed:
    title: str | None = None
    entries: list[FeedEntry] = field(default_factory=list)
    skipped: int = 0  # entries without an http(s) link
    error: str | None = None  # set when the document is not a usable feed


def local_date(raw: str) -> date | None:
    """The calendar date of an RFC 822 (RSS) or RFC 3339 (Atom) timestamp, in its own offset."""
    text = raw.strip()
    if not text:
        return None
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def entry_date(entry: Any) -> tuple[date | None, str | None]:
    """(date, raw string) for an entry: raw published/updated string first, UTC tuple last.
    A date more than a day in the future is a broken clock, not a publication date."""
    latest = (datetime.now(timezone.utc) + timedelta(days=1)).date()
    # dict.get, not entry.get: FeedParserDict maps a missing `updated` to `published` (with a
    # deprecation warning), which would read one string twice
    for key in ("published", "updated", "created"):
        raw = dict.get(entry, key)
        if raw:
            found = local_date(str(raw))
            if found is not None:
                return (found if found <= latest else None), str(raw)
    for key in ("published_parsed", "updated_parsed"):
        parsed = dict.get(entry, key)
        if parsed:
            found = date(parsed[0], parsed[1], parsed[2])
            return (found if found <= latest else None), None
    return None, None


def parse_feed(body: bytes, *, url: str, content_type: str = "") -> ParsedFeed:
    """Entries of an RSS/Atom document; `error` set when it is malformed with no entries."""
    import feedparser

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    # bytes, never a URL: feedparser would otherwise go to the network itself
    doc = feedparser.parse(body, response_headers=headers)
    if not doc.get("bozo") and not doc.get("version") and not doc.entries:
        return ParsedFeed(error="not an RSS or Atom feed")
    out = ParsedFeed(title=doc.feed.get("title"))
    for entry in doc.entries:
        link = entry.get("link") or ""
        if not link:  # Atom entries may carry only <link rel="alternate"> among others
            link = next((l.get("href", "") for l in entry.get("links", []) if l.get("rel", "alternate") == "alternate"), "")
        link = urljoin(url, link.strip()) if link else ""
        if not is_web_url(link):
            out.skipped += 1
            continue
        published, raw = entry_date(entry)
        out.entries.append(FeedEntry(link=link, title=(entry.get("title") or None), published=published,
                                     published_raw=raw))
    if doc.get("bozo") and not out.entries:
        # the loose parser may salvage a stub entry with no link from broken XML: nothing usable
        reason = doc.get("bozo_exception")
        return ParsedFeed(error=f"malformed feed ({reason.__class__.__name__}: {reason})" if reason else "malformed feed")
    return out

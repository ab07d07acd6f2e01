"""How a fetch fails: its own module, so the HTTP client and the robots.txt cache that
both raise it need not import each other."""
from __future__ import annotations

# kinds of failure worth trying again on a later poll
TRANSIENT_KINDS = frozenset({"timeout", "connection", "server-error", "robots-unreachable", "rate-limited"})


class FetchError(Exception):
    """str() is the one-line reason (without the URL; the caller names the feed and URL)."""

    def __init__(self, url: str, kind: str, reason: str):
        super().__init__(reason)
        self.url = url
        self.kind = kind
        self.reason = reason

    @property
    def transient(self) -> bool:
        return self.kind in TRANSIENT_KINDS


class Stopped(Exception):
    """The stop event was set while waiting for a host's turn."""

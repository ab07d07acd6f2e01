"""Aggregate answers (stats, facets) kept until the database changes.

A dashboard asks the same aggregates again and again (every reload, every tab) while the data
changes a few times a day, so they are memoised. Correctness rests on the store's
`change_token()`: for SQLite, `PRAGMA data_version` (moves when another connection commits)
with the connection's own `total_changes` (moves when it writes itself). Each pool thread has
its own connection, so each thread compares the token it saw last: any thread that notices a
change empties the cache for everyone. A value computed while the cache was being emptied is
not kept (the epoch check), so a stale answer can never be stored after a change was noticed.
A store without a token (PostgreSQL: other servers may write) is never cached.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Callable, Hashable


class ResultCache:
    def __init__(self, max_entries: int = 256):
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._seen = threading.local()
        self._epoch = 0
        self.hits = 0
        self.misses = 0

    def get_or_compute(self, store: Any, key: Hashable, compute: Callable[[], Any]) -> Any:
        token_of = getattr(store, "change_token", None)
        token = token_of() if token_of else None
        if token is None:
            return compute()
        with self._lock:
            if getattr(self._seen, "token", None) != token:
                self._seen.token = token
                self._entries.clear()
                self._epoch += 1
            epoch = self._epoch
            if key in self._entries:
                self._entries.move_to_end(key)
                self.hits += 1
                return self._entries[key]
        self.misses += 1
        value = compute()
        with self._lock:
            if self._epoch == epoch:
                self._entries[key] = value
                while len(self._entries) > self.max_entries:
                    self._entries.popitem(last=False)
        return value

"""Per-thread store connections and the bearer-token checks every router shares.

FastAPI runs sync endpoints in a thread pool, and a SQLite connection must not be used by two
threads at once. Each worker thread gets its own store (opened on first use, closed at
shutdown); endpoints fetch it with `thread_store(request)` inside their body, never through a
sync dependency (FastAPI runs those on another pool thread than the endpoint itself).
"""
from __future__ import annotations

import secrets
import threading
from typing import Any

from fastapi import HTTPException, Request

from attackwatch.store import open_store

MMAP_BYTES = 1 << 30
CACHE_KIB = 16_000  # per pool thread; grows only as far as queries need


class StoreCache:
    def __init__(self, db_url: str):
        self.db_url = db_url
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[Any] = []

    def get(self) -> Any:
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.db_url)
            if getattr(store, "backend", None) == "sqlite":
                # memory-mapped reads share the OS page cache across the pool's connections
                # instead of copying pages into each connection's small private cache
                store.conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
                # the GROUP BY/ORDER BY sorters of a large query stay in memory, not temp files
                store.conn.execute("PRAGMA temp_store = MEMORY")
                store.conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def close_all(self) -> None:
        with self._lock:
            for store in self._opened:
                store.close()
            self._opened.clear()
        self._local = threading.local()


def thread_store(request: Request) -> Any:
    """The calling thread's store for the app's database (SqliteStore or a backend mirroring it)."""
    return request.app.state.stores.get()


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization") or ""
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def _check_token(request: Request, expected: str) -> None:
    given = _bearer(request)
    # compare_digest: the time taken does not tell an attacker how much of the token matched
    if given is None or not secrets.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        raise HTTPException(401, "missing or wrong bearer token (Authorization: Bearer TOKEN)",
                            headers={"WWW-Authenticate": "Bearer"})


async def require_read(request: Request) -> None:
    """Reads are open unless the server runs with --private."""
    if request.app.state.private:
        _check_token(request, request.app.state.token)


async def require_write(request: Request) -> None:
    """Writes need the token; with no token configured the server is read-only."""
    token = request.app.state.token
    if not token:
        raise HTTPException(403, "writes are disabled: start the server with --token or ATTACKWATCH_TOKEN")
    _check_token(request, token)

"""Storage of the incident dataset. `open_store(url)` picks the backend: a file path or
`sqlite:///path` for SQLite (the default), `postgresql://...` for PostgreSQL."""
from __future__ import annotations

import os
from pathlib import Path

from attackwatch.store.sqlite import SqliteStore, StoreError

DEFAULT_DB = "attackwatch.db"


def default_url() -> str:
    return os.environ.get("ATTACKWATCH_DB") or DEFAULT_DB


def open_store(url: str | None = None) -> SqliteStore:
    url = url or default_url()
    if url.startswith(("postgresql://", "postgres://")):
        raise StoreError("the PostgreSQL backend is not available in this version; use a SQLite file (--db PATH)")
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///"):]
    path = Path(url)
    if path.parent and not path.parent.exists():
        raise StoreError(f"{url}: folder {path.parent} does not exist")
    return SqliteStore(path)


__all__ = ["DEFAULT_DB", "SqliteStore", "StoreError", "default_url", "open_store"]

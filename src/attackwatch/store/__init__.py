"""Storage of the incident dataset. `open_store(url)` picks the backend: a file path or
`sqlite:///path` for SQLite (the default), `postgresql://...` for PostgreSQL."""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Union

from attackwatch.store.sqlite import SqliteStore, StoreError

if TYPE_CHECKING:
    from attackwatch.store.postgres import PostgresStore

    Store = Union[SqliteStore, PostgresStore]

DEFAULT_DB = "attackwatch.db"


def default_url() -> str:
    return os.environ.get("ATTACKWATCH_DB") or DEFAULT_DB


def open_store(url: str | None = None) -> "Store":
    url = url or default_url()
    if url.startswith(("postgresql://", "postgres://")):
        return _open_postgres(url)
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///"):]
    path = Path(url)
    if path.parent and not path.parent.exists():
        raise StoreError(f"{url}: folder {path.parent} does not exist")
    return SqliteStore(path)


def _open_postgres(url: str) -> "PostgresStore":
    try:  # an optional dependency, imported only for a PostgreSQL URL
        import psycopg  # noqa: F401
    except ImportError:
        raise StoreError("the PostgreSQL backend needs psycopg: pip install 'attackwatch[postgres]'") from None
    from attackwatch.store.postgres import PostgresStore

    return PostgresStore(url)


__all__ = ["DEFAULT_DB", "SqliteStore", "StoreError", "default_url", "open_store"]

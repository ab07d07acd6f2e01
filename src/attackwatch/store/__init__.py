"""Storage of the incident dataset. `open_store(url)` picks the backend: a file path or
`sqlite:///path` for SQLite (the default), `postgresql://...` for PostgreSQL."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Union

from attackwatch.store.sqlite import SqliteStore, StoreError

if TYPE_CHECKING:
    from attackwatch.store.postgres import PostgresStore

    Store = Union[SqliteStore, PostgresStore]

DEFAULT_DB = "attackwatch.db"


def default_url() -> str:
    return os.environ.get("ATTACKWATCH_DB") or DEFAULT_DB


def open_store(url: str | None = None, *, create: bool = True) -> "Store":
    """The store at `url`. With create=False (every command that only reads or corrects) a
    missing SQLite file is an error naming the path instead of a new empty database, so a
    mistyped --db is noticed; a file that is not a database is one line either way."""
    url = url or default_url()
    if url.startswith(("postgresql://", "postgres://")):
        return _open_postgres(url)
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///"):]
    path = Path(url)
    if path.parent and not path.parent.exists():
        raise StoreError(f"{url}: folder {path.parent} does not exist")
    if path.is_dir():
        raise StoreError(f"{url}: is a folder, not a database file")
    if not create and not path.exists():
        raise StoreError(f"{url}: no such database (`attackwatch ingest` creates one; check --db or ATTACKWATCH_DB)")
    if path.exists() and not _looks_like_sqlite(path):
        raise StoreError(f"{url}: not a database (an SQLite file starts with 'SQLite format 3'); left untouched")
    try:
        return SqliteStore(path)
    except sqlite3.DatabaseError as exc:  # damaged past the header, unreadable, locked beyond the timeout
        raise StoreError(f"{url}: cannot be opened as a database: {exc}") from None


def _looks_like_sqlite(path: Path) -> bool:
    """An empty file is a database not yet written (SQLite accepts it); anything else must
    carry SQLite's header, checked before SQLite touches the file (and adds -wal beside it)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return True  # let SQLite report why it cannot read it
    return head == b"" or head == b"SQLite format 3\x00"


def _open_postgres(url: str) -> "PostgresStore":
    try:  # an optional dependency, imported only for a PostgreSQL URL
        import psycopg  # noqa: F401
    except ImportError:
        raise StoreError("the PostgreSQL backend needs psycopg: pip install 'attackwatch[postgres]'") from None
    from attackwatch.store.postgres import PostgresStore

    return PostgresStore(url)


__all__ = ["DEFAULT_DB", "SqliteStore", "StoreError", "default_url", "open_store"]

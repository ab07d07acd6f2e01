"""Fixtures for the incident-database tests.

The example corpus is extracted once per session and stored once in a database file;
tests that change a database get their own copy of that file (`example_db_copy`).
Short articles written for these tests are in helpers.py.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from attackwatch.pipeline import PageResult, extract_paths
from attackwatch.store import open_store
from attackwatch.store.dataset import Dataset

from .helpers import EXAMPLES
from .pg_server import pg_examples, pg_examples_copy, pg_server, pg_url  # noqa: F401  (PostgreSQL fixtures)


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def example_results() -> list[PageResult]:
    results = list(extract_paths([str(EXAMPLES)]))
    assert results and not [r.error for r in results if r.error]
    return results


@pytest.fixture(scope="session")
def example_db(tmp_path_factory: pytest.TempPathFactory, example_results: list[PageResult]) -> Path:
    """The example corpus ingested with the default batch size. Read it, never write it:
    use `example_db_copy` to change a database."""
    path = tmp_path_factory.mktemp("exampledb") / "examples.db"
    store = open_store(str(path))
    summary = Dataset(store).ingest(example_results)
    assert summary.new == len(example_results) and not summary.failed
    store.close()  # checkpoints the WAL into the main file, so the file alone is the database
    return path


@pytest.fixture()
def example_db_copy(example_db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "examples.db"
    shutil.copyfile(example_db, target)
    return target


@pytest.fixture()
def open_dataset() -> Any:
    """open_dataset(path) -> Dataset; every store opened is closed at teardown."""
    stores = []

    def _open(path: Path | str) -> Dataset:
        store = open_store(str(path))
        stores.append(store)
        return Dataset(store)

    yield _open
    for s in stores:
        s.close()

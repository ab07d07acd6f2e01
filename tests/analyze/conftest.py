"""Fixtures for the analytics tests: the seed corpus ingested once into a database file (read
only), and a synthetic 5,000-incident database built through the store."""
from __future__ import annotations

from pathlib import Path

import pytest

from attackwatch.pipeline import extract_paths
from attackwatch.store import open_store
from attackwatch.store.dataset import Dataset

from .synthetic import store_records, synthetic_records

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "seeds"


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed corpus is not beside the checkout ({SEEDS})")
    path = tmp_path_factory.mktemp("analytics_seed") / "seed.db"
    store = open_store(str(path))
    try:
        summary = Dataset(store).ingest(extract_paths([str(SEEDS)]))
        assert summary.new > 0 and not summary.failed
    finally:
        store.close()
    return path


@pytest.fixture(scope="session")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return store_records(tmp_path_factory.mktemp("analytics_big") / "big.db", synthetic_records(5000))

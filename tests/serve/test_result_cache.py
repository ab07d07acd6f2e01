"""Stats and facets are memoised until the database changes, whoever changes it: the API
itself, or another process writing to the same file."""
from __future__ import annotations

from pathlib import Path

from attackwatch.pipeline import article_from_text, extract_article, PageResult
from attackwatch.serve.result_cache import ResultCache
from attackwatch.store import open_store
from attackwatch.store.dataset import Dataset

from .conftest import TOKEN, LiveServer, copy_db

# written for this test
PAGE = ("Rockets struck the Ain al-Asad air base in Anbar province on Tuesday, the US military said. "
        "There were no casualties, a spokesman said.")


def test_aggregates_are_reused_until_the_api_writes(seed_db: Path, tmp_path: Path) -> None:
    db = copy_db(seed_db, tmp_path / "c.db")
    with LiveServer(db, token=TOKEN) as srv, srv.client(TOKEN) as c:
        cache: ResultCache = srv.app.state.results
        first = c.get("/api/stats", params={"by": "month"}).json()
        misses = cache.misses
        assert c.get("/api/stats", params={"by": "month"}).json() == first
        assert cache.misses == misses and cache.hits >= 1
        r = c.post("/api/ingest", json={"text": PAGE, "published": "2030-06-05", "id": "cache-1"})
        assert r.status_code == 200 and r.json()["stored"], r.text
        after = c.get("/api/stats", params={"by": "month"}).json()
        assert after["total"] == first["total"] + 1
        assert after["periods"][-1] == "2030-06-01"


def test_a_write_by_another_process_is_seen(seed_db: Path, tmp_path: Path) -> None:
    db = copy_db(seed_db, tmp_path / "d.db")
    with LiveServer(db, token=None) as srv, srv.client() as c:
        before = c.get("/api/facets").json()
        assert c.get("/api/facets").json() == before
        article = article_from_text(PAGE, published="2030-06-05", article_id="cache-2")
        store = open_store(str(db))  # another connection, as `attackwatch ingest` would open
        try:
            Dataset(store).ingest([PageResult(path="cache-2", article=article, reports=extract_article(article))])
        finally:
            store.close()
        after = c.get("/api/facets").json()
        assert after["date_max"] == "2030-06-04"
        assert after != before


def test_a_store_without_a_change_token_is_never_cached() -> None:
    calls = []

    class Shared:  # a backend other processes write to unseen (PostgreSQL)
        def change_token(self) -> None:
            return None

    cache = ResultCache()
    for _ in range(3):
        cache.get_or_compute(Shared(), "k", lambda: calls.append(1) or len(calls))
    assert len(calls) == 3

"""Incremental ingest must reach the grouping full re-resolution gives, whatever the order the
articles arrive in. Articles are reused from test_dedup_gate (written for the tests)."""
from __future__ import annotations

from pathlib import Path

import pytest

from attackwatch.pipeline import PageResult, article_from_text, extract_article
from attackwatch.store import open_store
from attackwatch.store.dataset import Dataset

from .test_dedup_gate import ARTICLES

# a precise attack on Ain al-Asad on Monday, a monthly round-up naming the base, and a second
# precise attack on the same base three days later
NAMES = ["asad_feb_mon", "asad_feb_month", "asad_feb_thu"]
ORDERS = [["asad_feb_mon", "asad_feb_thu", "asad_feb_month"],
          ["asad_feb_mon", "asad_feb_month", "asad_feb_thu"],
          ["asad_feb_month", "asad_feb_mon", "asad_feb_thu"]]


def _page(aid: str) -> PageResult:
    outlet, published, text = ARTICLES[aid]
    article = article_from_text(text, published=published, article_id=aid)
    article.outlet, article.url = outlet, f"https://tests.example/{aid}"
    return PageResult(path=aid, article=article, reports=extract_article(article))


def _grouping(store) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return sorted(sorted(store.members(i)) for i in store.incident_ids())


@pytest.mark.parametrize("order", ORDERS)
def test_incremental_ingest_matches_rebuild_in_any_order(order: list[str], tmp_path: Path) -> None:
    pages = {n: _page(n) for n in NAMES}
    assert all(len(p.reports) == 1 for p in pages.values())
    store = open_store(str(tmp_path / "o.db"))
    try:
        ds = Dataset(store)
        for name in order:  # one article at a time, as a feed would bring them
            ds.ingest([pages[name]])
        incremental = _grouping(store)
        ds.rebuild()
        assert incremental == _grouping(store)
        assert store.check() == []
    finally:
        store.close()

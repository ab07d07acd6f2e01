"""The bulk reads that let resolution ask the store a few questions per batch instead of a
handful per article: each must answer exactly what its one-at-a-time twin answers, on both
backends, and Dataset must use them (a server pays a round trip per query)."""
from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest

from attackwatch.resolve.keys import report_key
from attackwatch.store.dataset import Dataset, IngestSummary, _date_ranges, extracted_row

from .helpers import article_page


@pytest.fixture(params=["sqlite", "postgresql"])
def examples_copy(request: pytest.FixtureRequest) -> str:
    """A writable copy of the example database on each backend (its path or URL)."""
    if request.param == "sqlite":
        return str(request.getfixturevalue("example_db_copy"))
    return str(request.getfixturevalue("pg_examples_copy"))


def _ranges(store: Any) -> list[tuple[set[str], int, int]]:
    """The store's report dates as resolution asks for them, plus one wide range over all of
    them at the end (every incident again: the earlier ranges must keep their places)."""
    keys = [report_key(json.loads(r["data"]), r["id"], r["outlet"]) for r in store.all_report_rows()]
    ranges = [(c, lo - 2, hi + 2) for c, lo, hi in _date_ranges([k for k in keys if k.dated])]
    assert len(ranges) > 3
    countries = set().union(*(c for c, _, _ in ranges))
    return ranges[::-1] + [(countries, min(r[1] for r in ranges), max(r[2] for r in ranges))]


def test_members_of_matches_members(examples_copy: str, open_dataset) -> None:
    store = open_dataset(examples_copy).store
    ids = store.incident_ids()
    got = store.members_of([*ids, "inc_nosuchthing", ids[0]])
    assert got == {i: store.members(i) for i in ids}
    assert any(len(m) > 1 for m in got.values())
    assert store.members_of([]) == {}


def test_incident_of_many_matches_incident_of(examples_copy: str, open_dataset) -> None:
    store = open_dataset(examples_copy).store
    reports = sorted(store.links())
    got = store.incident_of_many([*reports, "nosuch#0"])
    assert got == {r: store.incident_of(r) for r in reports}
    assert len(set(got.values())) < len(got)  # several reports share incidents
    assert store.incident_of_many([]) == {}


def test_incidents_exist_matches_incident(examples_copy: str, open_dataset) -> None:
    store = open_dataset(examples_copy).store
    ids = store.incident_ids()
    assert store.incidents_exist([*ids[:3], "inc_000000000000"]) == set(ids[:3])
    assert store.incidents_exist([]) == set()


def test_windows_match_successive_window_updates(examples_copy: str, open_dataset) -> None:
    store = open_dataset(examples_copy).store
    ranges = _ranges(store)
    expected: dict[str, list[str]] = {}
    for countries, lo, hi in ranges:
        expected.update(store.window(countries, lo, hi))
    got = store.windows(ranges)
    assert list(got.items()) == list(expected.items())  # the order seeds resolution
    assert len(got) == len(store.incident_ids())
    assert store.windows([]) == {} and store.windows([({"XX"}, 0, 10)]) == {}


def test_articles_matching_finds_by_id_url_and_hash(examples_copy: str, open_dataset) -> None:
    store = open_dataset(examples_copy).store
    articles = [store.article(i) for i in sorted({r["article_id"] for r in store.all_report_rows()})]
    first = articles[0]
    second = next(a for a in articles[1:] if a["url"])
    third = articles[-1]
    found = store.articles_matching([first["id"], "nosuch"], [second["url"], "https://nowhere.example/"],
                                    [third["content_hash"], "0" * 64])
    expected = {(a["id"], a["url"], a["content_hash"]) for a in articles
                if a["id"] == first["id"] or a["url"] == second["url"] or a["content_hash"] == third["content_hash"]}
    assert {(r["id"], r["url"], r["content_hash"]) for r in found} == expected
    assert len(found) == len(expected) >= 3
    assert store.articles_matching([], [], []) == []


def _row(article_id: str, url: str | None, text: str) -> dict[str, Any]:
    row = extracted_row(article_page("asad_local", rename=article_id).article, [])
    return {**row, "url": url, "text": text, "content_hash": f"hash-{text}"}


def test_batch_lookups_see_the_articles_the_batch_deleted(examples_copy: str, open_dataset) -> None:
    """A row replacing an article (same URL) frees that article's content: a later row of the
    same batch with that content is new, as it would be stored one at a time."""
    ds = open_dataset(examples_copy)
    summary = IngestSummary()
    ds.add_extracted([_row("old", "https://tests.example/page", "v1")], summary)
    assert (summary.new, summary.updated) == (1, 0)
    summary = IngestSummary()
    ds.add_extracted([_row("new", "https://tests.example/page", "v2"), _row("again", None, "v1"),
                      _row("other", None, "v2-unused")], summary)
    assert (summary.new, summary.updated, summary.unchanged) == (2, 1, 0)
    assert ds.store.article("old") is None and ds.store.article("again")["content_hash"] == "hash-v1"
    summary = IngestSummary()
    ds.add_extracted([_row("x", None, "v2"), _row("y", "https://tests.example/page", "v3")], summary)
    assert (summary.new, summary.updated, summary.unchanged) == (0, 1, 1)  # x: same text as "new"; y replaces "new"
    assert ds.store.article("new") is None and ds.store.article("y") is not None


class CountingStore:
    """A store whose method calls are counted."""

    def __init__(self, store: Any):
        self._store, self.calls = store, Counter()

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._store, name)
        if not callable(attr) or name in ("write", "conn"):
            return attr

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.calls[name] += 1
            return attr(*args, **kwargs)
        return counted


def test_resolution_reads_in_bulk(examples_copy: str, open_dataset) -> None:
    """Ingesting a batch asks the store a few questions, not a few per article or incident."""
    ds = open_dataset(examples_copy)
    store = CountingStore(ds.store)
    pages = [article_page(k) for k in ("asad_local", "asad_claim", "harir_a", "harir_b", "convoy")]
    summary = Dataset(store).ingest(pages, batch_size=len(pages))
    assert summary.new == 5 and summary.incidents_merged + summary.incidents_created > 0
    one_at_a_time = {"members", "incident_of", "window", "article_by_hash", "article_row", "article_by_url"}
    assert not one_at_a_time & set(store.calls), store.calls
    # a second window (and its reports) only when the first loaded coarse tellings, to load
    # every incident they can reach
    assert store.calls["report_rows"] <= 4 and store.calls["members_of"] == 1 and store.calls["windows"] <= 2
    assert store.calls["windows"] - 1 == store.calls["report_rows"] - 3
    assert store.calls["put_incident"] > 1 and ds.store.check() == []


def test_link_many_moves_reports_like_link(examples_copy: str, open_dataset) -> None:
    ds = open_dataset(examples_copy)
    store = ds.store
    by_size = sorted(store.incident_ids(), key=lambda i: (-len(store.members(i)), i))
    keep, other = by_size[0], by_size[1]
    moved = store.members(other)
    with store.write():
        store.link_many([(rid, keep) for rid in moved])
        store.link_many([])
        ds.recompute(other)  # no members left: deleted
        ds.recompute(keep)
    assert store.incident(other) is None and set(moved) <= set(store.members(keep))
    assert store.incident_of_many(moved) == {rid: keep for rid in moved}
    assert {r["article_id"] for r in store.incident(keep)["reports"]} == {r.split("#")[0] for r in store.members(keep)}
    assert store.check() == []

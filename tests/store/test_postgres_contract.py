"""The store contract on both backends: the same ingest, re-ingest, update, edits and rebuild
behaviour from SQLite and PostgreSQL, and the same exports, filters and API queries from
both for the same input."""
from __future__ import annotations

import inspect
import json
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from attackwatch.cli import main
from attackwatch.pipeline import extract_paths
from attackwatch.store.filters import IncidentFilter

from .helpers import ARTICLES, REPO, groups
from .test_ingest import ERBIL, _copy_example, _rename_spokesman

SEEDS = REPO / ".." / "shared" / "corpus" / "seeds"
ERBIL_REPORT = "zagros_erbil_rockets#0"


@pytest.fixture(params=["sqlite", "postgresql"])
def examples_copy(request: pytest.FixtureRequest) -> str:
    """A writable copy of the example database on each backend (its path or URL)."""
    if request.param == "sqlite":
        return str(request.getfixturevalue("example_db_copy"))
    return str(request.getfixturevalue("pg_examples_copy"))


def _records(store: Any) -> list[dict]:
    return list(store.query_incidents())


# -- ingest ----------------------------------------------------------------------------------------
def test_examples_are_stored_whole(examples_copy: str, example_results, open_dataset) -> None:
    ds = open_dataset(examples_copy)
    counts = ds.store.counts()
    assert counts["articles"] == len(example_results) == 35
    assert counts["reports"] == sum(len(r.reports) for r in example_results)
    assert 0 < counts["incidents"] < counts["reports"]
    assert ds.store.check() == []
    assert sorted(ds.store.links()) == sorted(f"{r.article.id}#{n}" for r in example_results for n in range(len(r.reports)))


def test_reingest_is_a_no_op(examples_copy: str, example_results, open_dataset) -> None:
    ds = open_dataset(examples_copy)
    before, counts = _records(ds.store), ds.store.counts()
    summary = ds.ingest(example_results)
    assert (summary.new, summary.updated, summary.unchanged, summary.failed) == (0, 0, 35, 0)
    assert ds.store.counts() == counts and _records(ds.store) == before


def test_same_url_new_content_replaces_the_article(examples_copy: str, examples_dir: Path, tmp_path: Path,
                                                   open_dataset) -> None:
    ds = open_dataset(examples_copy)
    counts = ds.store.counts()
    folder = _copy_example(examples_dir, tmp_path / "v2", ERBIL, text_edit=_rename_spokesman,
                           meta_edit=lambda m: {**m, "id": ERBIL + "_v2"})
    summary = ds.ingest(extract_paths([str(folder)]))
    assert (summary.new, summary.updated) == (0, 1)
    assert ds.store.article(ERBIL) is None and "Quillfeather" in ds.store.article(ERBIL + "_v2")["text"]
    assert ds.store.counts()["articles"] == counts["articles"]
    renamed = {ds.store.incident_of(r) for r in ds.store.links() if r.startswith(ERBIL + "_v2#")}
    assert renamed and all("Marotto" not in json.dumps(ds.store.incident(i)) for i in renamed)  # recomputed
    assert [h["id"] for h in ds.store.search("Quillfeather")] == [ERBIL + "_v2"]
    assert ds.store.check() == []


# -- analyst corrections ----------------------------------------------------------------------------
def test_edits_survive_rebuild(examples_copy: str, open_dataset) -> None:
    ds = open_dataset(examples_copy)
    ds.rebuild()
    singles = sorted((i, m[0]) for i, m in groups(ds.store).items() if len(m) == 1)
    keep, other = singles[0][0], next(s for s in singles[1:] if s[1].split("#")[0] != singles[0][1].split("#")[0])[0]
    merged = sorted(ds.store.members(keep) + ds.store.members(other))
    ds.merge(keep, other, note="one attack", author="ana")
    big = max(groups(ds.store).items(), key=lambda kv: (len(kv[1]), kv[0]))[0]
    split_rid = next(r for r in ds.store.members(big) if r != ERBIL_REPORT)
    split_id = ds.split(big, split_rid, author="ana")
    edited = ds.store.incident_of(ERBIL_REPORT)
    ds.edit(edited, "weapon", "mortar", note="per the coalition", author="ana")
    ds.edit(edited, "claimed", False, author="ana")
    for _ in range(2):  # re-applying is idempotent
        ds.rebuild()
        assert ds.store.check() == []
        assert ds.store.members(keep) == merged
        assert ds.store.members(ds.store.incident_of(split_rid)) == [split_rid] == ds.store.members(split_id)
        record = ds.store.incident(ds.store.incident_of(ERBIL_REPORT))
        assert record["weapon"] == "mortar" and record["claimed"] is False
        assert [(e["field"], e["value"], e["note"]) for e in record["edits"]] == [
            ("weapon", "mortar", "per the coalition"), ("claimed", False, None)]
    assert [e["kind"] for e in ds.store.edits()] == ["merge", "split", "field", "field"]
    assert sorted(ds.store.edits()[0]["anchors"]["a"] + ds.store.edits()[0]["anchors"]["b"]) == merged


# -- both backends, same answers -------------------------------------------------------------------
def test_seeds_give_the_same_incidents_on_both_backends(tmp_path: Path, pg_url: str, open_dataset) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed corpus is not beside the checkout ({SEEDS})")
    seeds = list(extract_paths([str(SEEDS)]))
    assert seeds and not [r.error for r in seeds if r.error]
    lite, pg = open_dataset(tmp_path / "seeds.db"), open_dataset(pg_url)
    for ds in (lite, pg):
        summary = ds.ingest(seeds, batch_size=2)
        assert summary.new == len(seeds) and ds.store.check() == []
    assert _records(pg.store) == _records(lite.store)
    assert pg.store.edits() == lite.store.edits() == []
    aid = seeds[0].article.id
    assert {k: v for k, v in pg.store.article(aid).items() if k != "ingested_at"} == \
        {k: v for k, v in lite.store.article(aid).items() if k != "ingested_at"}


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson"])
def test_exports_are_byte_identical(fmt: str, example_db: Path, pg_server, pg_examples: str, tmp_path: Path) -> None:
    out = {}
    for name, db in (("sqlite", str(example_db)), ("postgresql", pg_server.url(pg_examples))):
        out[name] = tmp_path / f"{name}.{fmt}"
        assert main(["export", "--db", db, "--format", fmt, "-o", str(out[name])]) == 0
    assert _without_times(out["sqlite"].read_bytes()) == _without_times(out["postgresql"].read_bytes())
    assert out["sqlite"].stat().st_size > 1000


def _without_times(data: bytes) -> bytes:
    """An export with the moments its records were written blanked (`timestamp`, `updated_at`):
    the two databases were filled at different moments; everything else must be identical."""
    import re

    text = data.decode("utf-8")
    text = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?\+00:00", "T", text)
    text = re.sub(r"(\"timestamp\": ?)\d+", r"\1T", text)
    text = re.sub(r",\d{10},(?=[^,\n]*,)", ",T,", text)  # the CSV's Unix-seconds column
    return text.encode("utf-8")


FILTERS = [IncidentFilter(), IncidentFilter(country="iq"), IncidentFilter(admin1="anbar"), IncidentFilter(admin1="IQ-AN"),
           IncidentFilter(weapon="drone", claimed=True), IncidentFilter(claimed=False, confirmation="confirmed"),
           IncidentFilter(min_sources=2, target_type="military_base"), IncidentFilter(text="rocket base"),
           IncidentFilter(text="%_'\\"), IncidentFilter(text="Ain al-Asad"), IncidentFilter(include_background=False),
           IncidentFilter(bbox=(40.0, 30.0, 44.0, 35.0)), IncidentFilter(actor="Islamic Resistance in Iraq"),
           IncidentFilter(event_type="Air/drone strike", country="SY"),
           IncidentFilter(since=date(2021, 1, 1), until=date(2023, 12, 31)), IncidentFilter(min_confidence=0.8),
           IncidentFilter(min_confidence=0.5, country="IQ"), IncidentFilter(review="pending"),
           IncidentFilter(review="reviewed", country="IQ")]


def test_postgres_store_has_every_method_of_the_sqlite_store() -> None:
    from attackwatch.store.postgres import PostgresStore
    from attackwatch.store.sqlite import SqliteStore

    for name, method in inspect.getmembers(SqliteStore, callable):
        if not name.startswith("_"):
            twin = getattr(PostgresStore, name, None)
            assert twin is not None, f"PostgresStore lacks {name}"
            assert list(inspect.signature(twin).parameters) == list(inspect.signature(method).parameters), name


def test_every_filter_field_is_exercised() -> None:
    used = {f.name for flt in FILTERS for f in fields(IncidentFilter) if getattr(flt, f.name) != f.default}
    assert used == {f.name for f in fields(IncidentFilter)}


def test_filters_and_api_queries_agree(example_db: Path, pg_server, pg_examples: str, open_dataset) -> None:
    lite, pg = open_dataset(example_db).store, open_dataset(pg_server.url(pg_examples)).store
    nonempty = 0
    for flt in FILTERS:
        where, params = flt.sql()
        expected = list(lite.query_incidents(where, params))
        assert list(pg.query_incidents(where, params)) == expected, flt
        assert list(pg.query_incidents(flt)) == expected, flt
        nonempty += bool(expected) and len(expected) < 69
        assert pg.count_incidents(where, params) == lite.count_incidents(where, params) == len(expected)
        for sort in ("date", "-date", "sources", "-sources", "casualties", "-casualties"):
            after, seen = None, []
            while True:  # page through: the same pages, the same cursors
                page = pg.incident_page(where, params, sort, after, 10)
                assert page == lite.incident_page(where, params, sort, after, 10), (flt, sort, after)
                seen += [r["id"] for _, r in page]
                if len(page) < 10:
                    break
                after = (page[-1][0], page[-1][1]["id"])
            assert sorted(seen) == sorted(r["id"] for r in expected)
        for split in ("none", "actor", "weapon", "country", "admin1"):
            assert sorted(pg.incident_day_counts(where, params, split), key=repr) == \
                sorted(lite.incident_day_counts(where, params, split), key=repr)
    assert nonempty >= 8  # the filters really select
    facets_pg, facets_lite = pg.incident_facets(), lite.incident_facets()
    assert {k: sorted(v, key=repr) for k, v in facets_pg.items()} == {k: sorted(v, key=repr) for k, v in facets_lite.items()}
    assert pg.article_reports(ERBIL) == lite.article_reports(ERBIL) and pg.article_reports(ERBIL)


# -- the HTTP API on PostgreSQL ------------------------------------------------------------------------
API_READS = ["/api/incidents?country=IQ&q=rocket&limit=5", "/api/incidents?sort=-casualties&limit=7",
             "/api/incidents?actor=Islamic%20Resistance%20in%20Iraq&include_background=false",
             "/api/stats?by=month&split=actor", "/api/stats?by=week&split=weapon&country=SY",
             "/api/incidents.csv?claimed=true", "/api/incidents.geojson?min_sources=2",
             f"/api/articles/{ERBIL}"]


def test_the_api_answers_the_same_from_both_backends(example_db: Path, pg_server, pg_examples: str,
                                                     pg_examples_copy: str) -> None:
    from fastapi.testclient import TestClient

    from attackwatch.serve.app import create_app

    with TestClient(create_app(str(example_db))) as lite, TestClient(create_app(pg_server.url(pg_examples))) as pg:
        first = lite.get("/api/incidents?limit=2").json()
        paths = API_READS + [f"/api/incidents/{first['items'][0]['id']}",
                             f"/api/incidents?limit=2&cursor={first['next_cursor']}"]
        for path in paths:
            a, b = lite.get(path), pg.get(path)
            assert a.status_code == b.status_code == 200, (path, b.text)
            assert _without_times(a.content) == _without_times(b.content), path
        # facets: the same counts (the order of equal counts is the backend's)
        lite_facets, pg_facets = (_sorted_lists(c.get("/api/facets").json()) for c in (lite, pg))
        assert pg_facets == lite_facets and pg_facets["countries"]
    with TestClient(create_app(pg_examples_copy, token="t0ken")) as pg:
        auth = {"Authorization": "Bearer t0ken"}
        outlet, published, text = ARTICLES["asad_local"]
        made = pg.post("/api/ingest", json={"text": text, "published": published, "outlet": outlet, "id": "asad_api"},
                       headers=auth)
        assert made.status_code == 200, made.text
        assert made.json()["stored"] and made.json()["incidents"]
        shown = pg.get(f"/api/incidents/{made.json()['incidents'][0]}").json()
        assert "asad_api" in {r["article_id"] for r in shown["incident"]["reports"]}


def _sorted_lists(d: dict) -> dict:
    return {k: sorted(v, key=repr) if isinstance(v, list) else v for k, v in d.items()}

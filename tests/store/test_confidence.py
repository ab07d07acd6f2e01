"""Incident confidence in the database: merged from the reports (noisy-or over outlets), stored
as a column (SQLite migration 4, PostgreSQL migration 3), filtered by min_confidence in both
dialects, and written by every export."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import attackwatch.store.sqlite as sqlite_module
from attackwatch.cli import main
from attackwatch.extraction.confidence import incident_confidence
from attackwatch.store import open_store
from attackwatch.store.filters import IncidentFilter, parse_min_confidence
from attackwatch.store.schema import MIGRATIONS, SCHEMA_VERSION

from .helpers import ARTICLES, page


def _confidences(path: Path | str) -> dict[str, float | None]:
    store = open_store(str(path))
    try:
        return {r["id"]: r.get("confidence") for r in store.query_incidents()}
    finally:
        store.close()


def _ids(store_path: str, threshold: float | None) -> list[str]:
    store = open_store(store_path)
    try:
        where, params = IncidentFilter(min_confidence=threshold).sql()
        return sorted(r["id"] for r in store.query_incidents(where, params))
    finally:
        store.close()


def test_every_stored_incident_has_its_confidence_in_record_and_column(example_db: Path) -> None:
    store = open_store(str(example_db))
    try:
        rows = store.conn.execute("SELECT data, confidence FROM incidents").fetchall()
    finally:
        store.close()
    assert rows
    for data, column in rows:
        record = json.loads(data)
        assert record["confidence"] is not None and 0.0 <= record["confidence"] <= 1.0
        assert column == pytest.approx(record["confidence"])


def test_an_incident_told_by_three_outlets_is_more_confident_than_any_telling(tmp_path: Path, open_dataset) -> None:
    ds = open_dataset(tmp_path / "asad.db")
    results = [page(aid, ARTICLES[aid][2], ARTICLES[aid][1], ARTICLES[aid][0])
               for aid in ("asad_local", "asad_claim", "asad_centcom")]
    ds.ingest(results)
    incidents = list(ds.store.query_incidents())
    assert len(incidents) == 1 and incidents[0]["n_sources"] == 3
    told = [(r.confidence, res.article.outlet) for res in results for r in res.reports]
    assert len(told) == 3 and all(c is not None for c, _ in told)
    assert incidents[0]["confidence"] == pytest.approx(incident_confidence(told))
    assert incidents[0]["confidence"] > max(c for c, _ in told)  # type: ignore[type-var]


@pytest.mark.parametrize("share", [0.0, 0.25, 0.5, 0.75, 1.0])
def test_min_confidence_keeps_exactly_the_incidents_at_or_above_it(example_db: Path, share: float) -> None:
    confidences = _confidences(example_db)
    values = sorted(c for c in confidences.values() if c is not None)
    threshold = values[min(int(share * len(values)), len(values) - 1)]
    expected = sorted(i for i, c in confidences.items() if c is not None and c >= threshold)
    got = _ids(str(example_db), threshold)
    assert got == expected and got  # the threshold is a stored value: at least that incident passes
    if share > 0:
        assert len(got) < len(confidences) or len(set(values)) == 1


def test_incidents_stored_without_a_confidence_never_pass_the_filter(example_db_copy: Path) -> None:
    store = open_store(str(example_db_copy))
    try:
        victim = store.conn.execute("SELECT id FROM incidents ORDER BY id LIMIT 1").fetchone()[0]
        store.conn.execute("UPDATE incidents SET confidence = NULL WHERE id = ?", (victim,))
    finally:
        store.close()
    assert victim not in _ids(str(example_db_copy), 0.0)
    assert victim in _ids(str(example_db_copy), None)


def test_migration_4_fills_the_column_of_an_older_database(tmp_path: Path, monkeypatch, example_results) -> None:
    path = tmp_path / "old.db"
    monkeypatch.setattr(sqlite_module, "MIGRATIONS", MIGRATIONS[:3])
    monkeypatch.setattr(sqlite_module, "SCHEMA_VERSION", 3)
    old = open_store(str(path))
    try:
        from attackwatch.store.dataset import Dataset

        # a version-3 store has no column to write: its put_incident must not name it
        monkeypatch.setattr(old, "put_incident", _old_put(old))
        monkeypatch.setattr(old, "add_changes", lambda rows: None)  # nor a change log
        Dataset(old).ingest(example_results[:8])
        assert "confidence" not in {r[1] for r in old.conn.execute("PRAGMA table_info(incidents)")}
    finally:
        old.close()
    monkeypatch.undo()
    store = open_store(str(path))  # this version applies migrations 4 and after
    try:
        assert SCHEMA_VERSION >= 4
        assert [r[0] for r in store.conn.execute("SELECT version FROM schema_version ORDER BY version")] == \
            list(range(1, SCHEMA_VERSION + 1))
        rows = store.conn.execute("SELECT data, confidence FROM incidents").fetchall()
        assert rows and all(col == pytest.approx(json.loads(data)["confidence"]) for data, col in rows)
        assert store.check() == []
    finally:
        store.close()


def _old_put(store):  # type: ignore[no-untyped-def]
    """put_incident as a version-3 database takes it (every column but confidence)."""
    def put(record, day_lo, updated_at=None):  # type: ignore[no-untyped-def]
        store.conn.execute(
            "INSERT OR REPLACE INTO incidents(id, date, day_lo, country_code, admin1_code, actor, weapon, event_type, "
            "n_sources, data, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (record["id"], record.get("date"), day_lo, record.get("country_code"), record.get("admin1_code"),
             record.get("actor"), record.get("weapon"), record.get("event_type"), record.get("n_sources", 0),
             json.dumps(record), "2024-01-01T00:00:00+00:00"))
    return put


def test_every_export_carries_the_confidence(example_db: Path, tmp_path: Path) -> None:
    paths = {fmt: tmp_path / f"out.{fmt}" for fmt in ("jsonl", "csv", "geojson", "parquet")}
    for fmt, path in paths.items():
        assert main(["export", "--db", str(example_db), "--format", fmt, "-o", str(path)]) == 0
    by_id = {r["id"]: r["confidence"] for r in map(json.loads, paths["jsonl"].read_text().splitlines())}
    assert by_id and all(isinstance(c, float) for c in by_id.values())
    with paths["csv"].open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["attackwatch_id"]: float(r["confidence"]) for r in rows} == pytest.approx(by_id)
    features = json.loads(paths["geojson"].read_text())["features"]
    assert features and all(f["properties"]["confidence"] == pytest.approx(by_id[f["id"]]) for f in features)
    table = pq.read_table(str(paths["parquet"])).to_pydict()
    assert dict(zip(table["attackwatch_id"], table["confidence"])) == pytest.approx(by_id)


def test_export_and_incidents_honour_min_confidence(example_db: Path, tmp_path: Path, capsys) -> None:
    confidences = _confidences(example_db)
    threshold = sorted(confidences.values())[len(confidences) // 2]
    out = tmp_path / "high.jsonl"
    assert main(["export", "--db", str(example_db), "--min-confidence", str(threshold), "-o", str(out)]) == 0
    exported = [json.loads(line) for line in out.read_text().splitlines()]
    assert exported and len(exported) < len(confidences)
    assert sorted(r["id"] for r in exported) == sorted(i for i, c in confidences.items() if c >= threshold)
    capsys.readouterr()
    assert main(["incidents", "--db", str(example_db), "--min-confidence", str(threshold), "--format", "jsonl"]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(r["id"] for r in listed) == sorted(r["id"] for r in exported)


@pytest.mark.parametrize("value, expected", [
    ("0", 0.0), ("1", 1.0), ("0.5", 0.5), (" .25", 0.25), ("1e-1", 0.1), (0.3, 0.3), (None, None),
])
def test_min_confidence_values_accepted(value: object, expected: float | None) -> None:
    assert parse_min_confidence(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["-0.1", "1.01", "2", "nan", "inf", "-inf", "abc", "", "0.5.1", "½"])
def test_min_confidence_values_refused_with_one_line(value: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_min_confidence(value)
    message = str(info.value)
    assert message.startswith("min_confidence: must be a number from 0 to 1") and "\n" not in message


# -- PostgreSQL ------------------------------------------------------------------------------------

def test_postgres_filters_min_confidence_as_sqlite_does(pg_examples_copy: str, example_db: Path) -> None:
    confidences = _confidences(example_db)
    threshold = sorted(confidences.values())[len(confidences) // 3]
    assert _ids(pg_examples_copy, threshold) == _ids(str(example_db), threshold)
    assert _confidences(pg_examples_copy) == pytest.approx(confidences)


"""Exports of the canonical incidents: JSONL (the contract record), CSV with ACLED's columns
first, GeoJSON for QGIS, and typed Parquet."""
from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from attackwatch.cli import main
from attackwatch.resolve.cluster import incident_id_for
from attackwatch.store.export import event_id_cnty, first_day

# The contract's canonical fields (../shared/contract/EVENTS.md: the per-article fields less
# article_id and evidence, plus id, reports, n_sources, conflicts), written out on purpose.
CANONICAL_FIELDS = {"id", "date", "date_precision", "event_type", "weapon", "actor", "claimed", "target_type",
                    "target_actor", "place", "admin1", "admin1_code", "country", "country_code", "latitude",
                    "longitude", "geo_precision", "killed", "injured", "intercepted", "confirmation", "background",
                    "reports", "n_sources", "conflicts"}
REPORT_FIELDS = {"article_id", "outlet", "url", "published", "evidence"}
ACLED_FIRST = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
               "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "iso", "region", "country", "admin1", "location",
               "latitude", "longitude", "geo_precision", "source", "notes", "fatalities"]
# The theatre (Iraq, Syria, Jordan) as a lon/lat box, a little generous at the edges.
THEATRE = {"IQ": (38.7, 29.0, 48.7, 37.4), "SY": (35.6, 32.3, 42.4, 37.4), "JO": (34.9, 29.1, 39.4, 33.4)}


@pytest.fixture(scope="module")
def exported(example_db: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("export")
    paths = {fmt: out / f"incidents.{fmt}" for fmt in ("jsonl", "csv", "geojson", "parquet")}
    for fmt, path in paths.items():
        assert main(["export", "--db", str(example_db), "--format", fmt, "-o", str(path)]) == 0
    return paths


@pytest.fixture(scope="module")
def records(exported: dict[str, Path]) -> list[dict]:
    return [json.loads(line) for line in exported["jsonl"].read_text(encoding="utf-8").splitlines()]


def test_jsonl_lines_are_the_canonical_records(records: list[dict], example_db: Path, open_dataset) -> None:
    ds = open_dataset(example_db)
    assert len(records) == ds.store.counts()["incidents"]
    assert len({r["id"] for r in records}) == len(records)
    for r in records:
        assert CANONICAL_FIELDS <= set(r), CANONICAL_FIELDS - set(r)
        assert r == ds.store.incident(r["id"])  # the line is the stored record, unchanged
        assert r["id"].startswith("inc_")
        assert r["reports"] and all(REPORT_FIELDS <= set(rep) for rep in r["reports"])
        assert len(r["reports"]) == len(ds.store.members(r["id"]))
        assert r["n_sources"] == len({rep["outlet"] or rep["article_id"] for rep in r["reports"]})
        assert isinstance(r["conflicts"], dict)
        for field, values in r["conflicts"].items():
            assert len(values) >= 2 and all({"value", "articles", "outlets"} <= set(v) for v in values), field
    assert any(r["conflicts"] for r in records) and any(r["n_sources"] > 1 for r in records)


def test_jsonl_export_to_stdout_matches_the_file(example_db: Path, exported: dict[str, Path], capsys) -> None:
    assert main(["export", "--db", str(example_db)]) == 0
    captured = capsys.readouterr()
    assert captured.out == exported["jsonl"].read_text(encoding="utf-8")
    assert "exported" in captured.err


def test_csv_has_acled_columns_first_and_rows_parse(exported: dict[str, Path], records: list[dict]) -> None:
    with exported["csv"].open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header = reader.fieldnames
        rows = list(reader)
    assert header[:len(ACLED_FIRST)] == ACLED_FIRST
    assert "attackwatch_id" in header and len(set(header)) == len(header)
    assert len(rows) == len(records)
    by_id = {r["id"]: r for r in records}
    for row in rows:
        assert len(row) == len(header) and None not in row  # no ragged rows
        rec = by_id[row["attackwatch_id"]]
        assert row["event_date"] == (first_day(rec) or "")
        if row["event_date"]:
            assert date.fromisoformat(row["event_date"]).year == int(row["year"])
        assert row["time_precision"] in {"1", "2", "3"}
        assert row["event_id_cnty"][:3] in {"IRQ", "SYR", "JOR"} and row["event_id_cnty"][3:].isdigit()
        assert int(row["fatalities"]) == (rec["killed"] or 0)
        assert row["iso"] == rec["country_code"]
        if rec["latitude"] is not None:
            assert float(row["latitude"]) == rec["latitude"] and float(row["longitude"]) == rec["longitude"]
        assert json.loads(row["conflicts"]) == rec["conflicts"]
    assert len({row["event_id_cnty"] for row in rows}) == len(rows)


def test_geojson_is_a_feature_collection_of_points_in_the_theatre(exported: dict[str, Path], records: list[dict]) -> None:
    data = json.loads(exported["geojson"].read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    placed = {r["id"]: r for r in records if r["latitude"] is not None and r["longitude"] is not None}
    assert len(data["features"]) == len(placed) > 0
    for f in data["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        rec = placed[f["id"]]
        assert (lon, lat) == (rec["longitude"], rec["latitude"])  # GeoJSON order: [lon, lat]
        min_lon, min_lat, max_lon, max_lat = THEATRE[rec["country_code"]]
        assert min_lon <= lon <= max_lon and min_lat <= lat <= max_lat, (f["id"], lon, lat)
        assert "latitude" not in f["properties"] and f["properties"]["attackwatch_id"] == f["id"]


def test_parquet_reads_back_with_the_declared_types(exported: dict[str, Path], records: list[dict]) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(str(exported["parquet"]))
    schema = table.schema
    assert schema.field("event_date").type == pa.date32()
    assert schema.field("latitude").type == pa.float64() and schema.field("longitude").type == pa.float64()
    assert schema.field("claimed").type == pa.bool_()
    assert schema.field("killed").type == pa.int32() and schema.field("fatalities").type == pa.int32()
    assert table.num_rows == len(records)
    rows = {r["attackwatch_id"]: r for r in table.to_pylist()}
    for rec in records:
        row = rows[rec["id"]]
        assert row["event_date"] == (date.fromisoformat(first_day(rec)) if rec["date"] else None)
        assert row["killed"] == rec["killed"] and row["claimed"] == rec["claimed"]
        assert row["latitude"] == rec["latitude"] and row["n_sources"] == rec["n_sources"]


def test_export_filters(example_db: Path, records: list[dict], tmp_path: Path) -> None:
    out = tmp_path / "sy.jsonl"
    assert main(["export", "--db", str(example_db), "--country", "SY", "--since", "2021-01-01", "-o", str(out)]) == 0
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    expected = [r for r in records if r["country_code"] == "SY" and r["date"] and first_day(r) >= "2021-01-01"]
    assert sorted(r["id"] for r in got) == sorted(r["id"] for r in expected) and got


def test_parquet_needs_an_output_file(example_db: Path, capsys) -> None:
    assert main(["export", "--db", str(example_db), "--format", "parquet"]) == 2
    assert "needs -o" in capsys.readouterr().err


def test_event_ids_are_unique_in_a_large_dataset() -> None:
    ids = [event_id_cnty({"id": incident_id_for(f"article{i}#0"), "country_code": "IQ"}) for i in range(20000)]
    assert len(set(ids)) == len(ids)

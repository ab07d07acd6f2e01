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
from attackwatch.store.acled import incident_id_from_event_id
from attackwatch.store.export import event_id_cnty, first_day

# The contract's canonical fields (../shared/contract/EVENTS.md: the per-article fields less
# article_id and evidence, plus id, reports, n_sources, conflicts), written out on purpose.
CANONICAL_FIELDS = {"id", "date", "date_precision", "event_type", "weapon", "actor", "claimed", "target_type",
                    "target_actor", "place", "admin1", "admin1_code", "country", "country_code", "latitude",
                    "longitude", "geo_precision", "killed", "injured", "intercepted", "confirmation", "background",
                    "reports", "n_sources", "conflicts"}
REPORT_FIELDS = {"article_id", "outlet", "url", "published", "evidence"}
# ACLED's export columns in ACLED's order, written out on purpose (not imported from the code)
ACLED_ORDER = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
               "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
               "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
               "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp"]
ISO_NUMERIC = {"IQ": 368, "SY": 760, "JO": 400}
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


def _csv_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def test_csv_has_every_acled_column_in_order_and_rows_parse(exported: dict[str, Path], records: list[dict]) -> None:
    header, rows = _csv_rows(exported["csv"])
    assert header[:len(ACLED_ORDER)] == ACLED_ORDER
    assert "attackwatch_id" in header and len(set(header)) == len(header)
    assert len(rows) == len(records)
    by_id = {r["id"]: r for r in records}
    for row in rows:
        assert len(row) == len(header) and None not in row  # no ragged rows
        rec = by_id[row["attackwatch_id"]]
        assert row["event_date"] == (first_day(rec) or "")
        if row["event_date"]:
            assert date.fromisoformat(row["event_date"]).year == int(row["year"])
        assert row["time_precision"] in {"1", "2", "3"} and row["geo_precision"] in {"1", "2", "3"}
        assert row["event_id_cnty"][:3] in {"IRQ", "SYR", "JOR"} and row["event_id_cnty"][3:].isdigit()
        assert int(row["fatalities"]) == (rec["killed"] or 0)
        assert int(row["iso"]) == ISO_NUMERIC[rec["country_code"]] and row["region"] == "Middle East"
        assert row["inter1"] in set("012345678") and row["inter2"] in set("012345678")
        inter = sorted(int(row[k]) for k in ("inter1", "inter2") if row[k] != "0")
        assert int(row["interaction"]) == (inter[0] * 10 + inter[1] if len(inter) == 2 else inter[0] * 10 if inter else 0)
        assert row["disorder_type"] in {"Political violence", "Strategic developments"}
        assert row["event_type"] in {"Battles", "Explosions/Remote violence", "Violence against civilians",
                                     "Strategic developments"}
        assert row["civilian_targeting"] in {"", "Civilian targeting"}
        assert int(row["timestamp"]) > 1_700_000_000  # when the record last changed, Unix seconds
        if rec["latitude"] is not None:
            assert float(row["latitude"]) == rec["latitude"] and float(row["longitude"]) == rec["longitude"]
        assert json.loads(row["conflicts"]) == rec["conflicts"]
        # the sources travel with the row: every URL and every evidence sentence
        urls = {rep["url"] for rep in rec["reports"] if rep["url"]}
        assert set(filter(None, row["source_urls"].split("; "))) == urls
        sentences = [e["text"] for rep in rec["reports"] for e in rep["evidence"]]
        lines = row["evidence"].split(" | ") if row["evidence"] else []
        assert len(lines) == len(sentences) and all(" ".join(s.split()) in line for s, line in zip(sentences, lines))
        assert "\n" not in row["evidence"]
        assert row["notes"].startswith("On ")
        assert set(row["source"].split("; ")) == {rep["outlet"] for rep in rec["reports"] if rep["outlet"]} | (
            {"unnamed outlet"} if any(not rep["outlet"] and not rep["url"] for rep in rec["reports"]) else set()) | {
            u.split("/")[2].removeprefix("www.") for rep in rec["reports"] if not rep["outlet"] and (u := rep["url"])}
    assert len({row["event_id_cnty"] for row in rows}) == len(rows)
    # the actor registry's kinds give ACLED's actor types: militias 3, US forces abroad 8
    assert {("3", "8"), ("8", "3")} & {(row["inter1"], row["inter2"]) for row in rows}
    assert any(row["source_scale"] for row in rows)


def test_csv_file_opens_in_excel_with_the_right_characters(exported: dict[str, Path], records: list[dict]) -> None:
    raw = exported["csv"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark by which Excel reads UTF-8
    text = raw.decode("utf-8-sig")
    curly = [e["text"] for r in records for rep in r["reports"] for e in rep["evidence"] if any(ord(c) > 127 for c in e["text"])]
    assert curly and all(" ".join(s.split()) in text for s in curly[:20])
    assert len(text.splitlines()) == len(records) + 1  # one line per incident: no line break inside a cell


def test_pandas_reads_the_csv_with_typed_columns(exported: dict[str, Path], records: list[dict]) -> None:
    pd = pytest.importorskip("pandas")
    df = pd.read_csv(exported["csv"], parse_dates=["event_date"])
    assert list(df.columns[:len(ACLED_ORDER)]) == ACLED_ORDER  # pandas drops the byte-order mark
    for column in ("year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities",
                   "timestamp", "n_sources"):
        assert pd.api.types.is_integer_dtype(df[column]), column
    assert pd.api.types.is_float_dtype(df["latitude"]) and pd.api.types.is_datetime64_any_dtype(df["event_date"])
    assert df["source_urls"].str.contains("https://").sum() == sum(1 for r in records if any(rep["url"] for rep in r["reports"]))


@pytest.mark.parametrize("args, bom", [([], False), (["--excel"], True)])
def test_csv_on_standard_output_has_a_bom_only_with_excel(example_db: Path, capsys, args: list[str], bom: bool) -> None:
    assert main(["export", "--db", str(example_db), "--format", "csv", *args]) == 0
    assert capsys.readouterr().out.startswith("\ufeff") is bom


def test_no_bom_leaves_it_out(example_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "plain.csv"
    assert main(["export", "--db", str(example_db), "-o", str(out), "--no-bom"]) == 0
    assert out.read_bytes().startswith(b"event_id_cnty,")


@pytest.mark.parametrize("suffix, check", [
    (".geojson", lambda text: json.loads(text)["type"] == "FeatureCollection"),
    (".csv", lambda text: text.lstrip("\ufeff").startswith("event_id_cnty,")),
    (".jsonl", lambda text: json.loads(text.splitlines()[0])["id"].startswith("inc_")),
])
def test_the_format_follows_the_file_suffix(example_db: Path, tmp_path: Path, suffix: str, check) -> None:
    out = tmp_path / f"incidents{suffix}"
    assert main(["export", "--db", str(example_db), "-o", str(out)]) == 0
    assert check(out.read_text(encoding="utf-8"))


def test_parquet_by_suffix(example_db: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "incidents.parquet"
    assert main(["export", "--db", str(example_db), "-o", str(out)]) == 0
    assert pq.read_table(str(out)).num_rows > 0


def test_export_ids_open_in_show_and_the_api(example_db: Path, exported: dict[str, Path], capsys) -> None:
    _, rows = _csv_rows(exported["csv"])
    for row in rows:
        assert incident_id_from_event_id(row["event_id_cnty"]) == row["attackwatch_id"]
    row = rows[0]
    assert main(["show", "--db", str(example_db), row["event_id_cnty"]]) == 0
    captured = capsys.readouterr()
    assert f"Incident {row['attackwatch_id']}" in captured.out and "export id" in captured.err
    from fastapi.testclient import TestClient

    from attackwatch.serve.app import create_app

    with TestClient(create_app(str(example_db))) as client:
        got = client.get(f"/api/incidents/{row['event_id_cnty']}")
        assert got.status_code == 200 and got.json()["incident"]["id"] == row["attackwatch_id"]
        assert got.json()["resolved_from"]["id"] == row["event_id_cnty"]


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
        assert f["properties"]["source_urls"] == sorted({rep["url"] for rep in rec["reports"] if rep["url"]})
        assert len(f["properties"]["evidence"]) == sum(len(rep["evidence"]) for rep in rec["reports"])


def test_gdal_reads_the_geojson_with_urls_per_feature(exported: dict[str, Path], records: list[dict]) -> None:
    pyogrio = pytest.importorskip("pyogrio")  # GDAL's OGR GeoJSON driver, inside the wheel
    meta, _, geometry, fields = pyogrio.raw.read(str(exported["geojson"]))
    columns = dict(zip(meta["fields"], fields))
    assert meta["geometry_type"] == "Point" and len(geometry) == sum(1 for r in records if r["latitude"] is not None)
    assert "source_urls" in columns and "evidence" in columns
    by_id = {r["id"]: r for r in records}
    for incident_id, urls in zip(columns["attackwatch_id"], columns["source_urls"]):
        # OGR reads a JSON array of strings as a string list, one item per URL
        assert list(urls) == sorted({rep["url"] for rep in by_id[incident_id]["reports"] if rep["url"]})


def test_parquet_reads_back_with_the_declared_types(exported: dict[str, Path], records: list[dict]) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(str(exported["parquet"]))
    schema = table.schema
    assert schema.field("event_date").type == pa.date32()
    assert schema.field("latitude").type == pa.float64() and schema.field("longitude").type == pa.float64()
    assert schema.field("claimed").type == pa.bool_()
    assert schema.field("killed").type == pa.int32() and schema.field("fatalities").type == pa.int32()
    assert schema.field("source_urls").type == pa.list_(pa.string()) and schema.field("evidence").type == pa.list_(pa.string())
    assert schema.field("iso").type == pa.int16() and schema.field("year").type == pa.int16()
    assert schema.field("timestamp").type == pa.int64() and schema.field("inter1").type == pa.int8()
    assert schema.names[:len(ACLED_ORDER)] == ACLED_ORDER
    assert table.num_rows == len(records)
    rows = {r["attackwatch_id"]: r for r in table.to_pylist()}
    for rec in records:
        row = rows[rec["id"]]
        assert row["event_date"] == (date.fromisoformat(first_day(rec)) if rec["date"] else None)
        assert row["killed"] == rec["killed"] and row["claimed"] == rec["claimed"]
        assert row["latitude"] == rec["latitude"] and row["n_sources"] == rec["n_sources"]
        assert row["source_urls"] == sorted({rep["url"] for rep in rec["reports"] if rep["url"]})
        assert row["year"] == (int(rec["date"][:4]) if rec["date"] else None) and row["region"] == "Middle East"
        assert row["assoc_actor_2"] is None and "assoc_actor_2" in schema.names


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


def test_event_ids_turn_back_into_incident_ids() -> None:
    for i in range(2000):
        incident_id = incident_id_for(f"article{i}#0")
        assert incident_id_from_event_id(event_id_cnty({"id": incident_id, "country_code": "SY"})) == incident_id
    assert incident_id_from_event_id("IRQ615407794295") is None  # not one of ours: 12 digits


def test_shipped_country_codes_match_iso_3166() -> None:
    pycountry = pytest.importorskip("pycountry")
    from attackwatch.store.acled import codes

    for alpha2, c in codes().countries.items():
        country = pycountry.countries.get(alpha_2=alpha2)
        assert (int(country.numeric), country.alpha_3) == (c["iso"], c["iso3"]), alpha2


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)"])
def test_csv_cells_cannot_run_as_formulas(text: str) -> None:
    from attackwatch.store.export import csv_cells

    assert csv_cells({"notes": text})["notes"] == "'" + text


@pytest.mark.parametrize("stored, written", [
    ("2026-12-03T17:12:01.999999+00:00", "2026-12-03T17:12:01+00:00"),
    ("2026-12-03T17:12:01+00:00", "2026-12-03T17:12:01+00:00"),
    (None, None),
])
def test_last_update_is_written_to_the_second(stored, written) -> None:
    # GDAL rounds a fraction such as .9999996 s up to a microsecond count it then refuses
    from attackwatch.store.acled import to_the_second

    assert to_the_second(stored) == written

"""Export canonical incidents: JSONL (the contract record), CSV with every ACLED column in
ACLED's order and vocabulary then ours (source URLs and evidence included), a GeoJSON
FeatureCollection that QGIS and GDAL open, and typed Parquet. Every format carries each
incident's outlets, source URLs and evidence sentences; docs/export-codebook.md names
every column and its values."""
from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import IO, Any, Iterable

from attackwatch.store.acled import (ACLED_COLUMNS, GEO_PRECISION, TIME_PRECISION, acled_date, event_id_cnty,
                                     event_types, first_day, inter_code, interaction, outlet_label, source_scale,
                                     target_inter, timestamp, to_the_second)
from attackwatch.store.acled import codes as acled_codes

EXTRA_COLUMNS = ["attackwatch_id", "date_precision", "weapon", "claimed", "claimed_by", "confirmation", "confirmed_by",
                 "killed", "injured", "intercepted", "target_type", "target_actor", "admin1_code", "place_precision",
                 "n_sources", "background", "confidence", "source_urls", "evidence", "conflicts", "updated_at"]
FORMATS = ("jsonl", "csv", "geojson", "parquet")
SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".geojson": "geojson",
            ".parquet": "parquet", ".pq": "parquet"}
# columns that hold several values: lists in GeoJSON and Parquet, joined text in CSV
LIST_COLUMNS = ("claimed_by", "confirmed_by", "source_urls", "evidence")
EVIDENCE_SEPARATOR = " | "
# a spreadsheet runs a cell that starts with one of these as a formula
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
WEAPON_WORDS = {"drone": "a drone attack", "rocket": "a rocket attack", "missile": "a missile attack",
                "mortar": "a mortar attack", "ied": "an IED attack", "small_arms": "a small-arms attack",
                "airstrike": "an air strike", "grenade": "a grenade attack", "unknown": "an attack"}
TARGET_WORDS = {"military_base": "a base", "convoy": "a convoy", "diplomatic": "a diplomatic site",
                "airport": "an airport", "personnel": "personnel", "civilian": "civilians",
                "militia_position": "militia positions"}


def format_for(path: str | None, fmt: str | None) -> str:
    """The export format: the one asked for, else the output file's suffix, else JSONL."""
    if fmt:
        return fmt
    if path:
        return SUFFIXES.get(Path(path).suffix.lower(), "jsonl")
    return "jsonl"


def notes(record: dict[str, Any]) -> str:
    """ACLED-style notes: what happened, in a sentence or two ("On 21 April 2024, ...")."""
    who = record.get("actor") or "unidentified attackers"
    what = WEAPON_WORDS.get(str(record.get("weapon")), "an attack")
    if record.get("event_type") == "Disrupted weapons use":
        what += " that was intercepted"
    target = TARGET_WORDS.get(str(record.get("target_type")))
    if target and record.get("target_actor"):
        target += f" of {record['target_actor']}"
    where = ", ".join(p for p in (record.get("place"), record.get("admin1"), record.get("country")) if p) or "an unknown place"
    when = acled_date(first_day(record)) if record.get("date_precision") == "day" else (record.get("date") or "an unknown date")
    text = f"On {when}, {who} carried out {what}{f' on {target}' if target else ''} in {where}."
    if record.get("claimed"):
        text += f" Claimed (reported by {', '.join(record.get('claimed_by') or [])})."
    if record.get("confirmation") not in (None, "not_mentioned"):
        text += f" {str(record['confirmation']).capitalize()} by officials (reported by {', '.join(record.get('confirmed_by') or [])})."
    casualties = [f"{record[k]} {k}" for k in ("killed", "injured") if record.get(k) is not None]
    if casualties:
        text += f" {', '.join(casualties).capitalize()}."
    return text


def evidence(record: dict[str, Any]) -> list[str]:
    """Every evidence sentence behind the incident, each prefixed with who reported it."""
    return [f"{outlet_label(r)}: {e.get('text')}" for r in record.get("reports") or [] for e in r.get("evidence") or []]


def acled_row(record: dict[str, Any], updated_at: str | None = None) -> dict[str, Any]:
    """One incident as an export row: ACLED's columns, then ours. List columns are lists here
    (`write_csv` joins them)."""
    d = first_day(record)
    reports = record.get("reports") or []
    outlets = sorted({outlet_label(r) for r in reports})
    country = acled_codes().countries.get(record.get("country_code") or "", {})
    actor1 = record.get("actor") or f"Unidentified Armed Group ({record.get('country') or 'unknown'})"
    inter1, inter2 = inter_code(record.get("actor"), record.get("country_code")), target_inter(record)
    if not record.get("actor"):
        inter1 = 3  # ACLED codes an unidentified armed group as a political militia
    disorder, event, sub = event_types(record)
    parent = record.get("actor_parent")
    return {
        "event_id_cnty": event_id_cnty(record), "event_date": d, "year": int(d[:4]) if d else None,
        "time_precision": TIME_PRECISION.get(record.get("date_precision") or "", 3),
        "disorder_type": disorder, "event_type": event, "sub_event_type": sub,
        "actor1": actor1, "assoc_actor_1": parent if parent and parent != record.get("actor") else None, "inter1": inter1,
        "actor2": record.get("target_actor"), "assoc_actor_2": None, "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if record.get("target_type") == "civilian" else None,
        "iso": country.get("iso"), "region": country.get("region"), "country": record.get("country"),
        "admin1": record.get("admin1"), "admin2": record.get("admin2"), "admin3": record.get("admin3"),
        "location": record.get("place") or record.get("admin1") or record.get("country"),
        "latitude": record.get("latitude"), "longitude": record.get("longitude"),
        "geo_precision": GEO_PRECISION.get(record.get("geo_precision") or "", 3), "source": "; ".join(outlets),
        "source_scale": source_scale(outlets) or None, "notes": notes(record), "fatalities": record.get("killed") or 0,
        "tags": None, "timestamp": timestamp(updated_at),
        "attackwatch_id": record["id"], "date_precision": record.get("date_precision"), "weapon": record.get("weapon"),
        "claimed": record.get("claimed"), "claimed_by": list(record.get("claimed_by") or []),
        "confirmation": record.get("confirmation"), "confirmed_by": list(record.get("confirmed_by") or []),
        "killed": record.get("killed"), "injured": record.get("injured"), "intercepted": record.get("intercepted"),
        "target_type": record.get("target_type"), "target_actor": record.get("target_actor"),
        "admin1_code": record.get("admin1_code"), "place_precision": record.get("geo_precision"),
        "n_sources": record.get("n_sources"), "background": record.get("background"),
        "confidence": record.get("confidence"),
        "source_urls": sorted({str(r["url"]) for r in reports if r.get("url")}),
        "evidence": evidence(record),
        "conflicts": json.dumps(record.get("conflicts") or {}, ensure_ascii=False),
        "updated_at": to_the_second(updated_at),
    }


def formula_safe(value: Any) -> Any:
    """A spreadsheet runs a text cell that starts with = + - @ as a formula: prefix it with a
    quote so it stays text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_cells(row: dict[str, Any]) -> dict[str, Any]:
    """A row as CSV cells: lists joined the ACLED way ("; " for outlets and URLs; " | " between
    evidence sentences, which hold semicolons of their own: no line breaks in a cell, so line-based
    tools still count one line per incident), booleans as true/false, text protected from
    formula injection."""
    out: dict[str, Any] = {}
    for k, v in row.items():
        if isinstance(v, list):
            v = (EVIDENCE_SEPARATOR if k == "evidence" else "; ").join(" ".join(str(x).split()) for x in v)
        elif isinstance(v, bool):
            v = "true" if v else "false"
        out[k] = formula_safe(v)
    return out


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(records: Iterable[dict[str, Any]], out: IO[str], updated: dict[str, str] | None = None) -> int:
    """`updated`: incident id -> when it last changed (the `timestamp` and `updated_at` columns)."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS + EXTRA_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for r in records:
        writer.writerow(csv_cells(acled_row(r, (updated or {}).get(r["id"]))))
        n += 1
    return n


def feature(record: dict[str, Any], updated_at: str | None = None) -> dict[str, Any] | None:
    """A GeoJSON Feature (None for an incident without coordinates); lists stay lists, so a
    GDAL reader gets the source URLs of each feature as a string list."""
    if record.get("latitude") is None or record.get("longitude") is None:
        return None
    props = {k: v for k, v in acled_row(record, updated_at).items() if k not in ("latitude", "longitude")}
    return {"type": "Feature", "id": record["id"],
            "geometry": {"type": "Point", "coordinates": [record["longitude"], record["latitude"]]},
            "properties": props}


def geojson(records: Iterable[dict[str, Any]], updated: dict[str, str] | None = None) -> dict[str, Any]:
    features = [f for r in records if (f := feature(r, (updated or {}).get(r["id"]))) is not None]
    return {"type": "FeatureCollection", "features": features}


def write_geojson(records: Iterable[dict[str, Any]], out: IO[str], updated: dict[str, str] | None = None) -> int:
    data = geojson(records, updated)
    json.dump(data, out, ensure_ascii=False)
    return len(data["features"])


def parquet_schema() -> Any:
    import pyarrow as pa

    text, small, count = pa.string(), pa.int16(), pa.int32()
    types = {"event_date": pa.date32(), "year": small, "time_precision": pa.int8(), "inter1": pa.int8(),
             "inter2": pa.int8(), "interaction": pa.int8(), "iso": small, "latitude": pa.float64(),
             "longitude": pa.float64(), "geo_precision": pa.int8(), "fatalities": count, "timestamp": pa.int64(),
             "claimed": pa.bool_(), "killed": count, "injured": count, "intercepted": pa.bool_(), "n_sources": count,
             "background": pa.bool_(), "confidence": pa.float64(), "updated_at": pa.timestamp("s", tz="UTC")}
    return pa.schema([(name, pa.list_(text) if name in LIST_COLUMNS else types.get(name, text))
                      for name in ACLED_COLUMNS + EXTRA_COLUMNS])


def write_parquet(records: Iterable[dict[str, Any]], path: str | Path, updated: dict[str, str] | None = None) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # an optional dependency
        raise RuntimeError("Parquet export needs pyarrow: pip install 'attackwatch[parquet]'") from exc
    from datetime import datetime

    rows = [acled_row(r, (updated or {}).get(r["id"])) for r in records]
    schema = parquet_schema()
    columns = {}
    for f in schema:
        values = [row.get(f.name) for row in rows]
        if f.name == "event_date":
            values = [date.fromisoformat(v) if v else None for v in values]
        elif f.name == "updated_at":
            values = [datetime.fromisoformat(v) if v else None for v in values]
        columns[f.name] = pa.array(values, type=f.type)
    pq.write_table(pa.table(columns, schema=schema), str(path))
    return len(rows)

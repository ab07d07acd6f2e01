"""Export canonical incidents: JSONL (the contract record), CSV with ACLED's columns where a
field maps (plus ours), a GeoJSON FeatureCollection that QGIS opens, and typed Parquet."""
from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import IO, Any, Iterable

ISO3 = {"IQ": "IRQ", "SY": "SYR", "JO": "JOR", "IR": "IRN", "IL": "ISR", "PS": "PSE", "LB": "LBN", "YE": "YEM",
        "KW": "KWT", "SA": "SAU", "TR": "TUR"}
ACLED_EVENT = {
    "Remote explosive/landmine/IED": "Explosions/Remote violence", "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence", "Grenade": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence", "Armed clash": "Battles", "Attack": "Battles",
    "Disrupted weapons use": "Strategic developments", "Other": "Strategic developments"}
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
GEO_PRECISION = {"site": 1, "town": 1, "admin1": 3, "country": 3}
ACLED_COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
                 "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "iso", "region", "country", "admin1", "location",
                 "latitude", "longitude", "geo_precision", "source", "notes", "fatalities"]
EXTRA_COLUMNS = ["attackwatch_id", "date_precision", "weapon", "claimed", "claimed_by", "confirmation", "confirmed_by",
                 "killed", "injured", "intercepted", "target_type", "target_actor", "admin1_code", "place_precision",
                 "n_sources", "background", "confidence", "conflicts"]
FORMATS = ("jsonl", "csv", "geojson", "parquet")


def event_id_cnty(record: dict[str, Any]) -> str:
    prefix = ISO3.get(record.get("country_code") or "", record.get("country_code") or "XXX")
    # 48 bits of the incident id: unique in practice (ACLED treats event_id_cnty as a key)
    return f"{prefix}{int(record['id'][4:16], 16) % 10**12:012d}"


def first_day(record: dict[str, Any]) -> str | None:
    value = record.get("date")
    if not value:
        return None
    parts = value.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def notes(record: dict[str, Any]) -> str:
    """A one-line summary from the fields, then the first evidence sentence."""
    what = f"{record.get('weapon')} {record.get('event_type', '').lower()}".strip()
    who = record.get("actor") or "unidentified perpetrators"
    where = record.get("place") or record.get("country") or "unknown place"
    summary = f"On {record.get('date') or 'an unknown date'}, {who}: {what} at {where}"
    if record.get("claimed"):
        summary += f"; claimed ({', '.join(record.get('claimed_by') or [])})"
    if record.get("confirmation") not in (None, "not_mentioned"):
        summary += f"; {record['confirmation']} ({', '.join(record.get('confirmed_by') or [])})"
    evidence = next((e.get("text") for r in record.get("reports", []) for e in r.get("evidence", [])), "")
    return f"{summary}. {evidence}".strip()


def acled_row(record: dict[str, Any]) -> dict[str, Any]:
    d = first_day(record)
    outlets = sorted({r.get("outlet") or r.get("article_id") for r in record.get("reports", [])})
    actor1 = record.get("actor") or f"Unidentified Armed Group ({record.get('country') or 'unknown'})"
    return {
        "event_id_cnty": event_id_cnty(record), "event_date": d, "year": d[:4] if d else None,
        "time_precision": TIME_PRECISION.get(record.get("date_precision") or "", 3),
        "disorder_type": "Strategic developments" if record.get("event_type") == "Disrupted weapons use" else "Political violence",
        "event_type": ACLED_EVENT.get(record.get("event_type") or "", "Strategic developments"),
        "sub_event_type": record.get("event_type"), "actor1": actor1, "assoc_actor_1": record.get("actor_parent"),
        "actor2": record.get("target_actor"), "assoc_actor_2": None, "iso": record.get("country_code"), "region": "Middle East",
        "country": record.get("country"), "admin1": record.get("admin1"), "location": record.get("place"),
        "latitude": record.get("latitude"), "longitude": record.get("longitude"),
        "geo_precision": GEO_PRECISION.get(record.get("geo_precision") or "", 3), "source": "; ".join(o for o in outlets if o),
        "notes": notes(record), "fatalities": record.get("killed") or 0,
        "attackwatch_id": record["id"], "date_precision": record.get("date_precision"), "weapon": record.get("weapon"),
        "claimed": record.get("claimed"), "claimed_by": "; ".join(record.get("claimed_by") or []),
        "confirmation": record.get("confirmation"), "confirmed_by": "; ".join(record.get("confirmed_by") or []),
        "killed": record.get("killed"), "injured": record.get("injured"), "intercepted": record.get("intercepted"),
        "target_type": record.get("target_type"), "target_actor": record.get("target_actor"),
        "admin1_code": record.get("admin1_code"), "place_precision": record.get("geo_precision"),
        "n_sources": record.get("n_sources"), "background": record.get("background"),
        "confidence": record.get("confidence"),
        "conflicts": json.dumps(record.get("conflicts") or {}, ensure_ascii=False),
    }


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
        n += 1
    return n


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """A spreadsheet runs a cell that starts with = + - @ (or tab, CR) as a formula: such text
    gets a leading apostrophe. Every CSV writer (export, the API, the analytics) uses this."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_safe_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: csv_safe(v) for k, v in row.items()}


def write_csv(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS + EXTRA_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for r in records:
        writer.writerow(csv_safe_row(acled_row(r)))
        n += 1
    return n


def geojson(records: Iterable[dict[str, Any]]) -> dict[str, Any]:
    features = []
    for r in records:
        if r.get("latitude") is None or r.get("longitude") is None:
            continue
        props = {k: v for k, v in acled_row(r).items() if k not in ("latitude", "longitude")}
        features.append({"type": "Feature", "id": r["id"],
                         "geometry": {"type": "Point", "coordinates": [r["longitude"], r["latitude"]]},
                         "properties": props})
    return {"type": "FeatureCollection", "features": features}


def write_geojson(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    data = geojson(records)
    json.dump(data, out, ensure_ascii=False)
    return len(data["features"])


def write_parquet(records: Iterable[dict[str, Any]], path: str | Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # an optional dependency
        raise RuntimeError("Parquet export needs pyarrow: pip install 'attackwatch[parquet]'") from exc
    rows = [acled_row(r) for r in records]
    schema = pa.schema([
        ("attackwatch_id", pa.string()), ("event_id_cnty", pa.string()), ("event_date", pa.date32()),
        ("time_precision", pa.int8()), ("date_precision", pa.string()), ("disorder_type", pa.string()),
        ("event_type", pa.string()), ("sub_event_type", pa.string()), ("actor1", pa.string()), ("assoc_actor_1", pa.string()),
        ("actor2", pa.string()), ("iso", pa.string()), ("country", pa.string()), ("admin1", pa.string()),
        ("admin1_code", pa.string()), ("location", pa.string()), ("latitude", pa.float64()), ("longitude", pa.float64()),
        ("geo_precision", pa.int8()), ("place_precision", pa.string()), ("weapon", pa.string()), ("claimed", pa.bool_()),
        ("claimed_by", pa.string()), ("confirmation", pa.string()), ("confirmed_by", pa.string()), ("fatalities", pa.int32()),
        ("killed", pa.int32()), ("injured", pa.int32()), ("intercepted", pa.bool_()), ("target_type", pa.string()),
        ("target_actor", pa.string()), ("n_sources", pa.int32()), ("background", pa.bool_()), ("confidence", pa.float64()),
        ("source", pa.string()),
        ("notes", pa.string()), ("conflicts", pa.string())])
    columns = {}
    for f in schema:
        values = [row.get(f.name) for row in rows]
        if f.name == "event_date":
            values = [date.fromisoformat(v) if v else None for v in values]
        columns[f.name] = pa.array(values, type=f.type)
    pq.write_table(pa.table(columns, schema=schema), str(path))
    return len(rows)

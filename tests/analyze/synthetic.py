"""Incident records written for the analytics tests and benchmark (not taken from any outlet):
a factory for one record with chosen fields, a random but seeded series of many, and a helper
that puts records into a store through its own methods."""
from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Iterable

from attackwatch.resolve.keys import date_interval
from attackwatch.store import open_store

SITES = [  # (place, place_id, admin1, admin1_code, country, code, lat, lon, geo_precision)
    ("Ain al-Asad Air Base", "ain-al-asad", "Anbar", "IQ-AN", "Iraq", "IQ", 33.79, 42.44, "site"),
    ("Harir Air Base", "harir-air-base", "Erbil", "IQ-AR", "Iraq", "IQ", 36.54, 44.31, "site"),
    ("Erbil International Airport", "erbil-airport", "Erbil", "IQ-AR", "Iraq", "IQ", 36.24, 43.96, "site"),
    ("Baghdad International Airport", "baghdad-airport", "Baghdad", "IQ-BG", "Iraq", "IQ", 33.26, 44.23, "site"),
    ("Al-Tanf", "al-tanf", "Homs", "SY-HI", "Syria", "SY", 33.50, 38.62, "site"),
    ("Conoco gas field", "conoco", "Deir ez-Zor", "SY-DY", "Syria", "SY", 35.38, 40.17, "site"),
    ("Tower 22", "tower-22", "Irbid", "JO-IR", "Jordan", "JO", 33.31, 38.69, "site"),
    ("Diwaniyah", "diwaniyah", "Al-Qadisiyah", "IQ-QA", "Iraq", "IQ", 31.99, 44.93, "town"),
]
ACTORS = [("Kata'ib Hezbollah", "Islamic Resistance in Iraq"), ("Harakat al-Nujaba", "Islamic Resistance in Iraq"),
          ("Islamic Resistance in Iraq", None), (None, None), (None, None)]
WEAPONS = ["rocket", "drone", "drone", "ied", "mortar", "unknown"]


def incident(incident_id: str, day: str | None, precision: str | None = "day", *, site: int = 0, **fields: Any) -> dict[str, Any]:
    """One incident record in the contract shape; `fields` override anything."""
    place, place_id, admin1, admin1_code, country, code, lat, lon, geo = SITES[site]
    record: dict[str, Any] = {
        "id": incident_id, "date": day, "date_precision": precision, "event_type": "Shelling/artillery/missile attack",
        "weapon": "rocket", "actor": None, "actor_parent": None, "claimed": False, "claimed_by": [],
        "target_type": "military_base", "target_actor": "United States", "place": place, "place_id": place_id,
        "admin1": admin1, "admin1_code": admin1_code, "country": country, "country_code": code, "latitude": lat,
        "longitude": lon, "geo_precision": geo, "killed": None, "injured": None, "intercepted": None,
        "confirmation": "not_mentioned", "confirmed_by": [], "background": False,
        "reports": [{"article_id": f"a-{incident_id}", "outlet": "Test Wire", "url": f"https://tests.example/{incident_id}",
                     "published": day if day and len(day) == 10 else None,
                     "evidence": [{"text": f"Rockets were fired at {place}.", "start": 0, "end": 10}]}],
        "n_sources": 1, "conflicts": {}, "edits": []}
    record.update(fields)
    return record


def synthetic_records(n: int, seed: int = 7, start: date = date(2021, 1, 4)) -> list[dict[str, Any]]:
    """n incidents over ~3 years with bursts and quiet months, a few coarse dates, casualties."""
    rng = random.Random(seed)
    out: list[dict[str, Any]] = []
    day = start
    while len(out) < n:
        # several a day for the most part (~4 a day over ~3 years for 5,000), now and then a pause of weeks
        r = rng.random()
        day += timedelta(days=0 if r < 0.92 else rng.choice([1, 1, 2, 3]) if r < 0.998 else rng.randint(15, 45))
        actor, parent = rng.choice(ACTORS)
        precision = "day" if rng.random() < 0.93 else rng.choice(["week", "month"])
        value = day.isoformat() if precision != "month" else day.strftime("%Y-%m")
        if precision == "week":
            value = (day - timedelta(days=day.weekday())).isoformat()
        out.append(incident(
            f"syn_{len(out):06d}", value, precision, site=rng.randrange(len(SITES)), weapon=rng.choice(WEAPONS),
            actor=actor, actor_parent=parent, claimed=bool(actor) and rng.random() < 0.6,
            confirmation=rng.choice(["confirmed", "not_mentioned", "not_mentioned", "unconfirmed", "denied"]),
            killed=rng.choice([None, None, None, 0, 0, 1, 3]), injured=rng.choice([None, None, 0, 1, 2, 5]),
            background=rng.random() < 0.05))
    return out


def store_records(path: Path | str, records: Iterable[dict[str, Any]]) -> Path:
    """Write records into a new store file through the store's own method (put_incident)."""
    store = open_store(str(path))
    try:
        with store.write():
            for r in records:
                lo, _ = date_interval(r.get("date"), r.get("date_precision"))
                store.put_incident(r, lo)
    finally:
        store.close()
    return Path(path)

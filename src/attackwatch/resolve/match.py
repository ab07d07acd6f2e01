"""Do two tellings describe one incident? Hard constraints first (a different country,
day, site, weapon family or perpetrator rules a pair out), then a score from agreement
and evidence similarity."""
from __future__ import annotations

from rapidfuzz import fuzz

from attackwatch.resolve.keys import INDIRECT_FIRE, ReportKey

THRESHOLD = 3.0


def _weapons_agree(a: str, b: str) -> bool:
    if a == b or "unknown" in (a, b):
        return True
    return a in INDIRECT_FIRE and b in INDIRECT_FIRE  # outlets call the same Katyushas rockets or missiles


def _actors_agree(a: ReportKey, b: ReportKey) -> bool:
    if not a.actor or not b.actor or a.actor == b.actor:
        return True
    # a front and the umbrella it claims under
    return a.actor_parent == b.actor or b.actor_parent == a.actor or (a.actor_parent is not None and a.actor_parent == b.actor_parent)


def _days_agree(a: ReportKey, b: ReportKey) -> bool:
    if not a.dated or not b.dated:
        return False
    if a.precision == 3 and b.precision == 3:
        return abs(a.lo - b.lo) <= 1  # outlets a time zone apart, or reporting "late on" a day
    return a.lo <= b.hi + 1 and b.lo <= a.hi + 1


def _places_agree(a: ReportKey, b: ReportKey) -> bool:
    if a.country and b.country and a.country != b.country:
        return False
    if a.place_id and a.place_id == b.place_id:
        return True
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return False
    # two different sites or towns are two incidents; a site and a town in one province may be one
    if a.place_rank >= 3 and b.place_rank >= 3 and a.place_rank == b.place_rank:
        return False
    return True


def compatible(a: ReportKey, b: ReportKey) -> bool:
    return (a.article_id != b.article_id and _days_agree(a, b) and _places_agree(a, b)
            and _weapons_agree(a.weapon, b.weapon) and _actors_agree(a, b)
            and not (a.target_type != b.target_type and "other" not in (a.target_type, b.target_type)
                     and "convoy" in (a.target_type, b.target_type)))


def score(a: ReportKey, b: ReportKey) -> float:
    """Agreement of a compatible pair; higher is more alike."""
    s = 1.0
    if a.precision == 3 and b.precision == 3:
        # a day apart needs more agreement than the place alone: attacks on one base on
        # consecutive days are common
        s += 1.0 if a.lo == b.lo else -0.5
    if a.place_id and a.place_id == b.place_id:
        s += 2.0
    elif a.admin1 and a.admin1 == b.admin1:
        s += 1.0
    if a.weapon == b.weapon and a.weapon != "unknown":
        s += 1.0
    if a.actor and a.actor == b.actor:
        s += 1.0
    if a.target_type == b.target_type and a.target_type != "other":
        s += 0.5
    if a.text and b.text:
        s += fuzz.token_set_ratio(a.text, b.text) / 100.0
    return s

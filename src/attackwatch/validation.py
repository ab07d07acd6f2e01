"""One set of checks for every value that comes from outside: the CLI's filters and edits, the
API's parameters and bodies, the store's field edits, and page sidecars and record metadata.

Each check either returns the value in its canonical form (an alias becomes the pack's name,
a country name its code, `2024-05` the first or last day of May) or raises `InvalidValue`,
whose text is `NAME: reason` — the one line the CLI prints and the detail of the API's 422,
word for word the same. Allowed values come from the pack vocabularies (`vocabulary()`), so
`--help`, the OpenAPI schema and the error messages list the same words.

This module sits beside models.py: every stage may use it, and it imports no stage.
"""
from __future__ import annotations

import difflib
import math
import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any, Mapping

from attackwatch.models import CONFIRMATIONS, DATE_PRECISIONS, EVENT_TYPES, GEO_PRECISIONS, TARGET_TYPES, WEAPONS

YEAR_MIN, YEAR_MAX = 1900, 2100  # a date outside is a typo or a forged value, never news of this conflict
MAX_COUNT = 100_000  # casualties of one incident
MAX_SOURCES = 10_000
MAX_TEXT = 300  # an edited text field (a place, a target)
MAX_FILTER_TEXT = 200
TRUE_WORDS = ("true", "yes", "1", "on")
FALSE_WORDS = ("false", "no", "0", "off")


class InvalidValue(ValueError):
    """A value from outside that the checks refuse; str() is `NAME: reason` on one line."""

    def __init__(self, name: str, reason: str):
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


# -- vocabularies ---------------------------------------------------------------------------------
@lru_cache(maxsize=8)
def _pack_vocabularies(pack_name: str) -> dict[str, dict[str, str]]:
    """Lower-cased spelling -> canonical value, per vocabulary, from the pack."""
    from attackwatch.packs import get_pack

    pack = get_pack(pack_name)
    rules = pack.rules("weapons")
    weapons = {r["weapon"] for r in rules if r.get("weapon")} | {"unknown"}
    events = {r["event_type"] for r in rules if r.get("event_type")}
    vocab: dict[str, dict[str, str]] = {
        # the contract's order, restricted to / extended by what the pack's rules can produce
        "weapon": {w: w for w in [*WEAPONS, *sorted(weapons - set(WEAPONS))] if w in weapons},
        "event_type": {e.lower(): e for e in [*EVENT_TYPES, *sorted(events - set(EVENT_TYPES))]},
        "target_type": {t: t for t in TARGET_TYPES},
        "confirmation": {c: c for c in CONFIRMATIONS},
        "date_precision": {p: p for p in DATE_PRECISIONS},
        "geo_precision": {p: p for p in GEO_PRECISIONS},
        "country": {}, "country_name": {}, "admin1": {}, "admin1_name": {}, "actor": {},
    }
    for place in pack.places.values():
        if place.kind == "country" and place.country_code:
            code = place.country_code.upper()
            vocab["country"][code.lower()] = code
            vocab["country"][place.name.lower()] = code  # --country Iraq means IQ
            vocab["country_name"][place.name.lower()] = place.name
            vocab["country_name"][code.lower()] = place.name
        elif place.kind == "admin1" and place.admin1_code:
            code = place.admin1_code.upper()
            vocab["admin1"][code.lower()] = code
            vocab["admin1"].setdefault(place.name.lower(), code)
            vocab["admin1_name"][place.name.lower()] = place.name
            vocab["admin1_name"].setdefault(code.lower(), place.name)
    for actor in pack.actors.values():
        vocab["actor"][actor.name.lower()] = actor.name
    for actor in pack.actors.values():  # aliases after names, so a name always wins
        for alias in (*actor.aliases, *actor.cased_aliases):
            vocab["actor"].setdefault(alias.lower(), actor.name)
    return vocab


def vocabulary(name: str, pack: str = "default") -> list[str]:
    """The canonical values a field takes (what --help, the API schema and errors list)."""
    if name == "claimed":
        return ["true", "false"]
    return list(dict.fromkeys(_pack_vocabularies(pack)[name].values()))


def allowed_help(name: str, pack: str = "default") -> str:
    """'one of: a, b, c' for an option's --help and the API parameter description."""
    return "one of: " + ", ".join(vocabulary(name, pack))


def parse_choice(name: str, value: Any, vocab: str | None = None, pack: str = "default") -> str:
    """A value of the vocabulary `vocab` (default: `name`), case-insensitive, canonical form."""
    table = _pack_vocabularies(pack)[vocab or name]
    if isinstance(value, str) and value.strip().lower() in table:
        return table[value.strip().lower()]
    allowed = list(dict.fromkeys(table.values()))
    shown = repr(value)[:60] if not isinstance(value, str) else repr(value.strip()[:60])
    near = difflib.get_close_matches(str(value).lower()[:60], list(table), n=3, cutoff=0.6)
    hint = f" (did you mean {', '.join(repr(table[n]) for n in dict.fromkeys(near))}?)" if near else ""
    if len(allowed) <= 16:
        raise InvalidValue(name, f"{shown} is not one of {', '.join(allowed)}{hint}")
    raise InvalidValue(name, f"{shown} is not one of the pack's {len(allowed)} {name} values{hint}; "
                             "they are listed in --help and the API schema")


def parse_bool(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in TRUE_WORDS + FALSE_WORDS:
        return value.strip().lower() in TRUE_WORDS
    raise InvalidValue(name, f"{str(value)[:40]!r} is not true or false (also: yes/no, 1/0)")


def parse_int(name: str, value: Any, lo: int, hi: int) -> int:
    if isinstance(value, str) and re.fullmatch(r"\s*\d{1,9}\s*", value):
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise InvalidValue(name, f"must be a whole number from {lo} to {hi}, not {str(value)[:40]!r}")
    return value


def parse_number(name: str, value: Any, lo: float, hi: float) -> float:
    try:
        number = float(value) if not isinstance(value, bool) else math.nan
    except (TypeError, ValueError, OverflowError):
        number = math.nan
    if not lo <= number <= hi:  # NaN fails this too
        raise InvalidValue(name, f"must be a number from {lo:g} to {hi:g}, not {str(value)[:40]!r}")
    return number


def clean_text(name: str, value: Any, max_length: int) -> str:
    """Text from outside: a string, within the length, without lone surrogates (which no
    encoder can write) or control characters other than tab and newline."""
    if not isinstance(value, str):
        raise InvalidValue(name, f"must be text, not {_kind(value)}")
    if len(value) > max_length:
        raise InvalidValue(name, f"too long ({len(value)} characters; at most {max_length})")
    if any("\ud800" <= c <= "\udfff" for c in value):
        raise InvalidValue(name, "contains a lone surrogate escape (\\ud800-\\udfff), not text")
    if any(ord(c) < 32 and c not in "\t\n\r" for c in value):
        raise InvalidValue(name, "contains control characters")
    return value


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", bool: "true/false", int: "a number", float: "a number",
            type(None): "null"}.get(type(value), type(value).__name__)


# -- dates ----------------------------------------------------------------------------------------
DATE_FORMS = "YYYY, YYYY-MM, YYYY-MM-DD or an ISO week YYYY-Www"
_DATE_SHAPE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2}))?$")


def _date_parts(name: str, value: Any) -> tuple[str, date, date]:
    """(precision, first day, last day) of a YYYY / YYYY-MM / YYYY-MM-DD / YYYY-Www value."""
    if isinstance(value, date) and not isinstance(value, datetime):  # parsed before (the analytics' own)
        check_day(name, value)
        return "day", value, value
    m = _DATE_SHAPE.match(value.strip()) if isinstance(value, str) else None
    if m is None:
        raise InvalidValue(name, f"{str(value)[:40]!r} is not a date ({DATE_FORMS})")
    year = int(m.group(1))
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise InvalidValue(name, f"year {year} is out of range ({YEAR_MIN}-{YEAR_MAX})")
    try:
        if m.group(4):
            first = date.fromisocalendar(year, int(m.group(4)), 1)
            return "week", first, first + timedelta(days=6)
        if m.group(3):
            day = date(year, int(m.group(2)), int(m.group(3)))
            return "day", day, day
        if m.group(2):
            month = int(m.group(2))
            first = date(year, month, 1)
            nxt = date(year + (month == 12), month % 12 + 1, 1)
            return "month", first, nxt - timedelta(days=1)
    except ValueError:
        raise InvalidValue(name, f"{value.strip()!r} is not a calendar date ({DATE_FORMS})") from None
    return "year", date(year, 1, 1), date(year, 12, 31)


def parse_since(value: Any, name: str = "since") -> date:
    """The first day a filter starts on: `2024` is 2024-01-01, `2024-W16` that Monday."""
    return _date_parts(name, value)[1]


def parse_until(value: Any, name: str = "until") -> date:
    """The last day a filter covers: `2024-05` is 2024-05-31, `2024` its 31 December."""
    return _date_parts(name, value)[2]


def parse_day(name: str, value: Any) -> date:
    """One calendar day, YYYY-MM-DD, within the years the checks accept."""
    if not (isinstance(value, date) or isinstance(value, str) and re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}\s*", value)):
        raise InvalidValue(name, f"{str(value)[:40]!r} is not an ISO date (YYYY-MM-DD)")
    return _date_parts(name, value)[1]


def check_day(name: str, value: date | None) -> date | None:
    """A date already parsed (a sidecar's, a page's, an API's) inside the accepted years."""
    if value is not None and not YEAR_MIN <= value.year <= YEAR_MAX:
        raise InvalidValue(name, f"year {value.year} is out of range ({YEAR_MIN}-{YEAR_MAX})")
    return value


def parse_record_date(name: str, value: Any) -> str:
    """An incident's `date` as the contract writes it (YYYY, YYYY-MM, YYYY-MM-DD); an ISO week
    is stored as its Monday, as extraction stores week-precision dates."""
    precision, first, _ = _date_parts(name, value)
    if precision == "week" or precision == "day":
        return first.isoformat()
    return value.strip()


# -- filters --------------------------------------------------------------------------------------
FILTER_NAMES = ("since", "until", "country", "admin1", "actor", "weapon", "event_type", "target_type", "claimed",
                "confirmation", "min_sources", "text", "min_confidence")


def parse_filters(raw: Mapping[str, Any], pack: str = "default") -> dict[str, Any]:
    """The incident filters as both the CLI and the API take them (strings, or None when not
    given), checked and canonical: keyword arguments for store.filters.IncidentFilter."""
    out: dict[str, Any] = {}
    given = {k: v for k, v in raw.items() if v is not None and not (isinstance(v, str) and v.strip() == "")}
    if "since" in given:
        out["since"] = parse_since(given["since"])
    if "until" in given:
        out["until"] = parse_until(given["until"])
    if out.get("since") and out.get("until") and out["since"] > out["until"]:
        raise InvalidValue("until", f"{out['until']} is before since ({out['since']})")
    for key in ("country", "admin1", "actor", "weapon", "event_type", "target_type", "confirmation"):
        if key in given:
            out[key] = parse_choice(key, given[key], pack=pack)
    if "claimed" in given:
        out["claimed"] = parse_bool("claimed", given["claimed"])
    if "min_sources" in given:
        out["min_sources"] = parse_int("min_sources", given["min_sources"], 1, MAX_SOURCES)
    if "text" in given:
        out["text"] = clean_text("text", given["text"], MAX_FILTER_TEXT)
    if "min_confidence" in given:
        out["min_confidence"] = parse_number("min_confidence", given["min_confidence"], 0.0, 1.0)
    return out


# -- field edits ----------------------------------------------------------------------------------
EDITABLE = frozenset({"date", "date_precision", "event_type", "weapon", "actor", "claimed", "target_type", "target_actor",
                      "place", "admin1", "admin1_code", "country", "country_code", "latitude", "longitude",
                      "geo_precision", "killed", "injured", "intercepted", "confirmation", "background"})
_EDIT_VOCAB = {"weapon": "weapon", "event_type": "event_type", "target_type": "target_type",
               "confirmation": "confirmation", "date_precision": "date_precision", "geo_precision": "geo_precision",
               "actor": "actor", "country_code": "country", "country": "country_name", "admin1_code": "admin1",
               "admin1": "admin1_name"}
_NULLABLE = {"date", "date_precision", "actor", "target_actor", "place", "admin1", "admin1_code", "country",
             "country_code", "latitude", "longitude", "killed", "injured", "intercepted"}


def check_edit(field: str, value: Any, pack: str = "default") -> Any:
    """The value an analyst's edit stores, in the type the record field has (so an edit can
    break no export, filter or map), or InvalidValue naming the field."""
    if field not in EDITABLE:
        raise InvalidValue("field", f"{str(field)[:50]!r} cannot be edited (editable: {', '.join(sorted(EDITABLE))})")
    if value is None:
        if field in _NULLABLE:
            return None
        raise InvalidValue(field, "cannot be null")
    if field in _EDIT_VOCAB:
        return parse_choice(field, value, _EDIT_VOCAB[field], pack)
    if field in ("killed", "injured"):
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
            raise InvalidValue(field, f"must be a whole number from 0 to {MAX_COUNT} or null, not {str(value)[:40]!r}")
        return value
    if field in ("latitude", "longitude"):
        limit = 90 if field == "latitude" else 180
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not -limit <= value <= limit:
            raise InvalidValue(field, f"must be a number from -{limit} to {limit} or null, not {str(value)[:40]!r}")
        return float(value)
    if field in ("claimed", "background", "intercepted"):
        if not isinstance(value, bool):
            raise InvalidValue(field, f"must be true or false{' or null' if field in _NULLABLE else ''}, "
                                      f"not {str(value)[:40]!r}")
        return value
    if field == "date":
        return parse_record_date(field, value)
    return clean_text(field, value, MAX_TEXT)


# -- JSON bodies ----------------------------------------------------------------------------------
MAX_JSON_DEPTH = 32  # the deepest body the API takes is two levels; 100,000 would overflow the parser's stack
_JSON_TOKEN = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def check_json_depth(data: bytes, limit: int = MAX_JSON_DEPTH) -> None:
    """Refuse JSON nested deeper than `limit` before parsing it (strings skipped, so brackets
    inside a page's text do not count): InvalidValue('body', ...)."""
    depth = 0
    for m in _JSON_TOKEN.finditer(data):
        c = m.group(0)
        if c in (b"[", b"{"):
            depth += 1
            if depth > limit:
                raise InvalidValue("body", f"JSON nested deeper than {limit} levels")
        elif c in (b"]", b"}"):
            depth -= 1


# -- page metadata (sidecars, JSONL and Parquet rows) ---------------------------------------------
META_LIMITS = {"id": 200, "url": 2000, "title": 500, "outlet": 200}


def parse_published(name: str, value: Any) -> date | None:
    """A publication date: ISO date or date-time (or YYYY-MM: its first day), within range."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return check_day(name, value)
    if not isinstance(value, str):
        raise InvalidValue(name, f"must be an ISO date, not {_kind(value)}")
    text = value.strip()
    m = re.match(r"^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$", text)
    if m:
        return parse_day(name, m.group(1))
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return parse_since(text, name)
    raise InvalidValue(name, f"is not an ISO date: {value[:40]!r}")


def check_page_meta(meta: Any, pack: str = "default") -> dict[str, Any]:
    """A sidecar's or a record's metadata: an object whose id/url/title/outlet are text within
    their lengths (an id may be a whole number) and whose `published` is a date in range.
    Keys other than these pass through unchecked; nothing else about the page depends on them."""
    if not isinstance(meta, dict):
        raise InvalidValue("sidecar", f"expected a JSON object, not {_kind(meta)}")
    out = dict(meta)
    for key, limit in META_LIMITS.items():
        value = meta.get(key)
        if value is None or value == "":
            out.pop(key, None)
            continue
        if key == "id" and isinstance(value, int) and not isinstance(value, bool) and abs(value) < 10 ** 18:
            value = str(value)
        out[key] = clean_text(key, value, limit).strip()
    out["published"] = parse_published("published", meta.get("published"))
    return out

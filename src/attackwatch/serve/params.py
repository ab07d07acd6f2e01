"""Query parameters shared by the read endpoints: the incident filters (validated, 422 naming
the parameter) and the opaque keyset cursor."""
from __future__ import annotations

import base64
import hashlib
import json
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import HTTPException, Query

from attackwatch.store.filters import IncidentFilter, parse_min_confidence

Weapon = Literal["ied", "rocket", "missile", "drone", "mortar", "small_arms", "airstrike", "grenade", "unknown"]
Confirmation = Literal["confirmed", "denied", "unconfirmed", "not_mentioned"]
TargetType = Literal["convoy", "military_base", "diplomatic", "airport", "personnel", "civilian", "militia_position", "other"]
Sort = Literal["date", "-date", "sources", "-sources", "casualties", "-casualties"]

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_NUMBER = r"-?\d{1,3}(?:\.\d+)?"
BBOX_PATTERN = rf"^{_NUMBER},{_NUMBER},{_NUMBER},{_NUMBER}$"


def unprocessable(param: str, reason: str) -> HTTPException:
    return HTTPException(422, f"{param}: {reason}")


def parse_day(param: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise unprocessable(param, "not a calendar date (YYYY-MM-DD)") from None


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    min_lon, min_lat, max_lon, max_lat = (float(v) for v in value.split(","))
    if not (-180 <= min_lon <= max_lon <= 180):
        raise unprocessable("bbox", "longitudes must satisfy -180 <= min_lon <= max_lon <= 180")
    if not (-90 <= min_lat <= max_lat <= 90):
        raise unprocessable("bbox", "latitudes must satisfy -90 <= min_lat <= max_lat <= 90")
    return min_lon, min_lat, max_lon, max_lat


_Text = Annotated[str | None, Query(max_length=200)]


async def incident_filter(
    since: Annotated[str | None, Query(pattern=DATE_PATTERN, description="first day, YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(pattern=DATE_PATTERN, description="last day, YYYY-MM-DD")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2, e.g. IQ")] = None,
    admin1: Annotated[str | None, Query(max_length=100, description="ISO 3166-2 code (IQ-AN) or English name")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="canonical name; an umbrella includes its fronts")] = None,
    weapon: Weapon | None = None,
    event_type: Annotated[str | None, Query(max_length=100, description="ACLED sub-event type")] = None,
    target_type: TargetType | None = None,
    claimed: bool | None = None,
    confirmation: Confirmation | None = None,
    min_sources: Annotated[int | None, Query(ge=1, le=10_000)] = None,
    q: Annotated[str | None, Query(max_length=200, description="words in the evidence (word prefixes)")] = None,
    bbox: Annotated[str | None, Query(pattern=BBOX_PATTERN, description="min_lon,min_lat,max_lon,max_lat")] = None,
    include_background: bool = True,
    # taken as text and checked by the function the CLI uses, so both refuse the same values
    # with the same message
    min_confidence: Annotated[str | None, Query(max_length=40, description="a number from 0 to 1: incidents at least "
                                                "this confident (incidents stored without a confidence are left out)",
                                                examples=["0.5"])] = None,
    review: Annotated[Literal["pending", "confirmed", "corrected", "reviewed"] | None,
                      Query(description="the analyst's review: not yet reviewed, confirmed, corrected, or either of "
                                        "these two (rejected incidents are never served)")] = None,
) -> IncidentFilter:
    try:
        confidence = parse_min_confidence(min_confidence)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None
    return IncidentFilter(
        since=parse_day("since", since), until=parse_day("until", until), country=country, admin1=admin1, actor=actor,
        weapon=weapon, event_type=event_type, target_type=target_type, claimed=claimed, confirmation=confirmation,
        min_sources=min_sources, text=q, bbox=parse_bbox(bbox), include_background=include_background,
        min_confidence=confidence, review=review)


# -- cursors --------------------------------------------------------------------------------------
# A cursor is the (sort value, id) of the last item served, with the sort and a digest of the
# filter it belongs to: keyset pagination stays stable while incidents are added, and a cursor
# replayed with another sort or filter is refused rather than silently skipping items.
def filter_digest(where: str, params: tuple[Any, ...]) -> str:
    return hashlib.sha256(json.dumps([where, list(params)], default=str).encode()).hexdigest()[:12]


def encode_cursor(sort: str, digest: str, value: Any, incident_id: str) -> str:
    raw = json.dumps([sort, digest, value, incident_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str, digest: str) -> tuple[Any, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        c_sort, c_digest, value, incident_id = json.loads(raw)
    except (ValueError, TypeError):
        raise unprocessable("cursor", "not a cursor this server made (pass next_cursor back unchanged)") from None
    if not isinstance(value, int) or isinstance(value, bool) or not isinstance(incident_id, str):
        raise unprocessable("cursor", "not a cursor this server made (pass next_cursor back unchanged)")
    if c_sort != sort or c_digest != digest:
        raise unprocessable("cursor", "made for another sort or filter; start again without a cursor")
    return value, incident_id

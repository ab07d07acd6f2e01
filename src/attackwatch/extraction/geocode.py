"""Place -> the contract's geographic fields (coordinates, precision, admin1, country)."""
from __future__ import annotations

from typing import Any

from attackwatch.packs import Pack, Place

_PRECISION = {"site": "site", "town": "town", "admin1": "admin1", "country": "country"}


def geocode(place: Place, pack: Pack) -> dict[str, Any]:
    admin1 = pack.admin1(place.admin1_code) if place.kind != "admin1" else place
    if place.kind == "area":
        # a vague area: admin1 only when it lies in one province
        precision = "admin1" if place.admin1_code else "country"
    else:
        precision = _PRECISION.get(place.kind, "country")
    country = pack.country(place.country_code)
    return {
        "place": place.name,
        "place_id": place.id,
        "admin1": admin1.name if admin1 is not None and place.kind != "country" else None,
        "admin1_code": (admin1.admin1_code if admin1 is not None and place.kind != "country" else None),
        "country": country.name if country is not None else place.country_code,
        "country_code": place.country_code,
        "latitude": place.lat,
        "longitude": place.lon,
        "geo_precision": precision,
    }

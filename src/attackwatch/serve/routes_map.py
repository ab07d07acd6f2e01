"""GET /api/map/places: the gazetteer's names for the dashboard's map labels (countries,
governorates, towns and every base or site of the pack), so the offline map can say where
Baghdad or Ain al-Asad is without a tile server."""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from fastapi import APIRouter, Depends

from attackwatch.serve.deps import require_read

router = APIRouter(prefix="/api/map", dependencies=[Depends(require_read)], tags=["map"])

LABEL_KINDS = ("country", "admin1", "site", "town")


@lru_cache(maxsize=4)
def map_places(pack: str = "default") -> list[dict[str, Any]]:
    """The pack's places with coordinates, each with a `rank` for placing labels when they
    collide (higher first): how many spellings the gazetteer knows for it, a proxy for how
    often it is written about (Baghdad has dozens, a village one or two)."""
    from attackwatch.packs import get_pack

    out = []
    path = get_pack(pack).root / "places.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        place = json.loads(line)
        if place.get("kind") not in LABEL_KINDS or place.get("lat") is None or place.get("lon") is None:
            continue
        spellings = len(place.get("aliases") or []) + len(place.get("source_aliases") or []) + len(place.get("variants") or [])
        out.append({"id": place["id"], "name": place["name"], "kind": place["kind"],
                    "site_type": place.get("site_type"), "country_code": place.get("country_code"),
                    "lat": place["lat"], "lon": place["lon"], "rank": spellings})
    out.sort(key=lambda p: (LABEL_KINDS.index(p["kind"]), -p["rank"], p["name"]))
    return out


@router.get("/places", summary="gazetteer names with coordinates for the map's labels (kind: country, admin1, site, "
                               "town; rank: higher is labelled first)")
def places() -> dict[str, Any]:
    return {"places": map_places()}

"""Great-circle distance between two located things (gazetteer places, resolution keys): one
formula for every stage that asks how far apart two tellings are."""
from __future__ import annotations

import math
from typing import Protocol


class Located(Protocol):
    lat: float | None
    lon: float | None


EARTH_RADIUS_KM = 6371.0


def km_between(a: Located, b: Located) -> float | None:
    """Kilometres between `a` and `b`; None when either has no coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    la, lb = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((lb - la) / 2) ** 2 + math.cos(la) * math.cos(lb) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))

"""What resolution needs to know of a report, precomputed once: its date as an interval
of days, its place at a precision rank, and the fields that must agree."""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
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


def report_key(report: dict[str, Any], report_id: str, outlet: str | None = None) -> ReportKey:
    lo, hi = date_interval(report.get("date"), report.get("date_precision"))
    precision = PRECISION_RANK.get(report.get("date_precision") or "", -1) if lo >= 0 else -1
    text = " ".join(e.get("text", "") for e in report.get("evidence") or [])[:600]
    return ReportKey(
        id=report_id, article_id=str(report.get("article_id")), outlet=outlet or str(report.get("article_id")),
        lo=lo, hi=hi, precision=precision, country=report.get("country_code"), admin1=report.get("admin1_code"),
        place_id=report.get("place_id") or report.get("place"), place_rank=GEO_RANK.get(report.get("geo_precision") or "", 0),
        weapon=report.get("weapon") or "unknown", actor=report.get("actor"), actor_parent=report.get("actor_parent"),
        target_type=report.get("target_type") or "other", text=text)

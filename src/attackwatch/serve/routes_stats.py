"""GET /api/stats: incident counts, killed and injured per day, week or month, split by actor
(fronts rolled up to their umbrella), weapon, country or admin1, zero-filled between the first
and the last period with an incident."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel

from attackwatch.serve.deps import require_read, thread_store
from attackwatch.serve.params import incident_filter
from attackwatch.serve.responses import ERROR_RESPONSES, SafeJSONResponse
from attackwatch.serve.stats_columns import answerable, stats_columns
from attackwatch.store.filters import IncidentFilter

router = APIRouter(prefix="/api", dependencies=[Depends(require_read)], responses=ERROR_RESPONSES)

# a record is counted in a period only when its date is at least as precise as the period
ALLOWED_PRECISION = {"day": {"day"}, "week": {"day", "week"}, "month": {"day", "week", "month"}}


def period_start(day: date, by: str) -> date:
    if by == "week":
        return day - timedelta(days=day.weekday())  # weeks start on Monday
    if by == "month":
        return day.replace(day=1)
    return day


def next_period(start: date, by: str) -> date:
    if by == "day":
        return start + timedelta(days=1)
    if by == "week":
        return start + timedelta(days=7)
    return date(start.year + (start.month == 12), start.month % 12 + 1, 1)


def build_stats(rows: list[tuple[Any, ...]], by: str, split: str) -> dict[str, Any]:
    """rows: (day ordinal or -1 when undated, date_precision, key, count, killed, injured) as the store groups them."""
    allowed = ALLOWED_PRECISION[by]
    cells: dict[tuple[str, date], list[int]] = {}
    coarse = 0
    for start, precision, key, count, killed, injured in rows:
        if start < 0 or precision not in allowed:
            coarse += count
            continue
        cell = cells.setdefault((key if split != "none" else "all", period_start(date.fromordinal(start), by)), [0, 0, 0])
        cell[0] += count
        cell[1] += killed
        cell[2] += injured
    periods: list[date] = []
    if cells:
        current, last = min(p for _, p in cells), max(p for _, p in cells)
        while current <= last:
            periods.append(current)
            current = next_period(current, by)
    index = {p: i for i, p in enumerate(periods)}
    series: dict[str, dict[str, list[int]]] = {}
    for (key, period), (count, killed, injured) in cells.items():
        s = series.setdefault(key, {"counts": [0] * len(periods), "killed": [0] * len(periods),
                                    "injured": [0] * len(periods)})
        i = index[period]
        s["counts"][i] += count
        s["killed"][i] += killed
        s["injured"][i] += injured
    ordered = sorted(series.items(), key=lambda kv: (-sum(kv[1]["counts"]), kv[0]))
    return {"by": by, "split": split, "periods": [p.isoformat() for p in periods],
            "series": [{"key": k, **v} for k, v in ordered],
            "total": sum(sum(v["counts"]) for v in series.values()), "undated_or_coarse": coarse}


class Series(BaseModel):
    key: str
    counts: list[int]
    killed: list[int]
    injured: list[int]


class Stats(BaseModel):
    by: str
    split: str
    periods: list[str]
    series: list[Series]
    total: int
    undated_or_coarse: int


@router.get("/stats", summary="counts, killed and injured per period, optionally split", response_model=Stats)
def stats(request: Request, flt: Annotated[IncidentFilter, Depends(incident_filter)],
          by: Literal["day", "week", "month"] = "week",
          split: Literal["none", "actor", "weapon", "country", "admin1"] = "none") -> SafeJSONResponse:
    where, params = flt.sql()
    store = thread_store(request)
    key = ("stats", where, params, by, split)
    results = request.app.state.results

    def compute() -> dict[str, Any]:
        columns = stats_columns(results, store) if answerable(flt) else None
        if columns is None:
            return build_stats(store.incident_day_counts(where, params, split), by, split)
        return build_stats(columns.rows(columns.select(flt), by, split, ALLOWED_PRECISION[by]), by, split)

    return SafeJSONResponse(results.get_or_compute(store, key, compute))

"""GET /api/alerts and GET /api/lulls (docs/api_contract: the analytics endpoints).

Both read the whole filtered history (a lull or a surge baseline starts before any window);
`since`/`until` then pick the alerts dated in the window, or the pauses overlapping it.
The app includes this router with its read-access dependency (open unless --private).
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from typing import Annotated, Any, Iterator, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from attackwatch.analyze.alerts import compute_alerts
from attackwatch.analyze.lulls import find_lulls
from attackwatch.analyze.records import UnknownSide, actor_sides, latest_date, load_incidents
from attackwatch.analyze.sides import DEFAULT_LULL_SIDES, DEFAULT_SIDES, by_side
from attackwatch.analyze.thresholds import load_thresholds
from attackwatch.serve.params import DATE_PATTERN, incident_filter
from attackwatch.store.filters import IncidentFilter

router = APIRouter(tags=["analytics"])

Rule = Literal["resumption", "surge", "new_actor_claim", "new_weapon_at_site", "casualties"]


@contextmanager
def _store(request: Request) -> Iterator[Any]:
    """The app's per-thread store when it keeps one (attackwatch serve), else a store opened
    for this request from app.state.db_url."""
    stores = getattr(request.app.state, "stores", None)
    if stores is not None:
        yield stores.get()
        return
    from attackwatch.store import open_store

    store = open_store(request.app.state.db_url)
    try:
        yield store
    finally:
        store.close()


def _as_of(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, "as_of: not a calendar date (YYYY-MM-DD)") from None


def _history(request: Request, flt: IncidentFilter, exclude_side: list[str] | None,
             as_of: date | None) -> list[dict[str, Any]]:
    whole = replace(flt, since=None, until=None)
    with _store(request) as store:
        try:
            return load_incidents(store, whole, include_background=flt.include_background,
                                  exclude_sides=exclude_side or (), as_of=as_of)
        except UnknownSide as exc:
            raise HTTPException(422, f"exclude_side: {exc}") from None


AsOf = Annotated[str | None, Query(pattern=DATE_PATTERN, description="read the data as of this day (default: the "
                                                                    "latest date in the data)")]
ExcludeSide = Annotated[list[str] | None, Query(description="leave out incidents whose actor is on this side "
                                                            "(us: the US strikes in return)")]
Side = Literal["militia", "us", "other", "all"]
SideQuery = Annotated[list[Side] | None, Query(description="the series to read, each on its own: militia (attacks by "
                                               "the Iran-aligned militias), us (US/coalition strikes), other, all (every "
                                               "incident as one series). Default: alerts for militia and us, "
                                               "resumptions and lulls of militia attacks")]


@router.get("/api/alerts", summary="Alerts: resumption, surge, first claims, first weapon at a site, casualties")
def get_alerts(request: Request, flt: Annotated[IncidentFilter, Depends(incident_filter)], as_of: AsOf = None,
               rule: Annotated[list[Rule] | None, Query(description="only these rules")] = None,
               exclude_side: ExcludeSide = None, side: SideQuery = None) -> dict[str, Any]:
    when = _as_of(as_of)
    records = _history(request, flt, exclude_side, when)
    when = when or latest_date(records) or date.today()
    thresholds = load_thresholds()
    sides = list(dict.fromkeys(side)) if side else list(DEFAULT_SIDES)
    alerts = compute_alerts(records, thresholds, as_of=when, since=flt.since, until=flt.until, rules=rule,
                            sides=sides, lull_sides=sides if side else list(DEFAULT_LULL_SIDES))
    return {"as_of": when.isoformat(), "sides": sides,
            "alerts": annotate_alerts([a.to_dict() for a in alerts], records, thresholds)}


SEVERITY_ORDER = ("high", "medium", "low")
# an alert's series (analyze/sides.py) as the actor registry's side the dashboard groups by
SERIES_SIDE = {"militia": "axis", "us": "us"}


def annotate_alerts(alerts: list[dict[str, Any]], records: list[dict[str, Any]],
                    thresholds: dict[str, Any]) -> list[dict[str, Any]]:
    """Each alert with what the dashboard groups and ranks it by: `severity` (the pack's, per
    rule; a casualty alert with deaths takes severity_if_killed), `side` (the side of the
    actors behind its incidents in the pack's actor registry, "mixed" or "unknown"), and a
    `label` per incident ("date · place · weapon"), readable where an id is not."""
    by_id = {r["id"]: r for r in records}
    side_of = actor_sides()
    out = []
    for alert in alerts:
        rule = thresholds.get(alert.get("rule"), {})
        severity = rule.get("severity", "low")
        if alert.get("rule") == "casualties" and (alert.get("numbers") or {}).get("killed"):
            severity = rule.get("severity_if_killed", severity)
        incidents = [by_id[i] for i in alert.get("incidents") or [] if i in by_id]
        sides = {side_of.get(str(r.get("actor") or "").lower(), "") or "unknown" for r in incidents}
        side = sides.pop() if len(sides) == 1 else ("mixed" if sides else "unknown")
        series = (alert.get("scope") or {}).get("side")
        if series in SERIES_SIDE:  # the series the alert was computed on says it (in the registry's words)
            side = SERIES_SIDE[series]
        labels = {r["id"]: incident_label(r) for r in incidents}
        out.append({**alert, "severity": severity if severity in SEVERITY_ORDER else "low", "side": side,
                    "labels": labels})
    return out


def incident_label(record: dict[str, Any]) -> str:
    where = record.get("place") or record.get("admin1") or record.get("country") or "unknown place"
    return f"{record.get('date') or 'undated'} · {where} · {(record.get('weapon') or 'unknown').replace('_', ' ')}"


@router.get("/api/lulls", summary="Pauses between incidents (date precision honoured)")
def get_lulls(request: Request, flt: Annotated[IncidentFilter, Depends(incident_filter)],
              min_days: Annotated[int, Query(ge=0, le=100_000)] = 14, as_of: AsOf = None,
              exclude_side: ExcludeSide = None, side: SideQuery = None) -> dict[str, Any]:
    when = _as_of(as_of)
    records = _history(request, flt, exclude_side, when)
    when = when or latest_date(records) or date.today()
    sides = list(dict.fromkeys(side)) if side else list(DEFAULT_LULL_SIDES)
    # each side's pauses on its own: a US strike does not end a pause in militia attacks
    lulls = sorted((lu for s, members in by_side(records, sides).items() for lu in find_lulls(members, min_days, when, s)
                    if (flt.since is None or (lu.end or when) >= flt.since) and (flt.until is None or lu.start <= flt.until)),
                   key=lambda lu: (lu.start, lu.side or ""))
    return {"as_of": when.isoformat(), "sides": sides, "lulls": [lu.to_dict() for lu in lulls]}

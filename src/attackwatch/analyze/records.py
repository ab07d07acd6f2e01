"""Incidents as analytics sees them: the stored record plus its date as an interval of days.

A record dated "2024-03" (month precision) may have happened on any day of March, so it is
the interval [Mar 1, Mar 31]; a day-precision record is a one-day interval. Undated records
are kept out of every time-based computation and counted instead.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Iterable, Protocol

from attackwatch.resolve.keys import date_interval
from attackwatch.store.filters import IncidentFilter

# many incidents share a date: parse each (date, precision) once per process
interval = lru_cache(maxsize=65536)(date_interval)


class UnknownSide(ValueError):
    """--exclude-side names a side no actor of the pack has."""


class IncidentSource(Protocol):
    """What analytics needs of a store (SqliteStore and the PostgreSQL store both have it)."""

    def query_incidents(self, where: str = "", params: tuple[Any, ...] = (), order: str = "day_lo, id",
                        limit: int | None = None) -> Iterable[dict[str, Any]]: ...


@dataclass(frozen=True, slots=True)
class Dated:
    record: dict[str, Any]
    lo: int  # first possible day (date.toordinal)
    hi: int  # last possible day

    @property
    def id(self) -> str:
        return str(self.record["id"])

    @property
    def precise(self) -> bool:
        return self.lo == self.hi

    @property
    def precision(self) -> str:
        return str(self.record.get("date_precision") or ("day" if self.precise else "month"))

    @property
    def start(self) -> date:
        return date.fromordinal(self.lo)

    @property
    def end(self) -> date:
        return date.fromordinal(self.hi)


def dated(records: Iterable[dict[str, Any]]) -> tuple[list[Dated], int]:
    """The records with a usable date, sorted by (first day, last day, id); and how many had none."""
    out: list[Dated] = []
    undated = 0
    for r in records:
        lo, hi = interval(r.get("date"), r.get("date_precision"))
        if lo < 0:
            undated += 1
            continue
        out.append(Dated(r, lo, hi))
    out.sort(key=lambda d: (d.lo, d.hi, d.id))
    return out, undated


def actor_sides(pack: str = "default") -> dict[str, str]:
    """Actor name (lower case) -> its side in the pack ("axis", "us", "iraq", ...)."""
    from attackwatch.packs import get_pack

    return {a.name.lower(): a.side or "" for a in get_pack(pack).actors.values()}


def load_incidents(store: IncidentSource, flt: IncidentFilter | None = None, *, include_background: bool = True,
                   exclude_sides: Iterable[str] = (), as_of: date | None = None) -> list[dict[str, Any]]:
    """Incidents matching the filter, in date order.

    include_background: background incidents (told as context of another story) did happen,
    so they count by default. exclude_sides: drop incidents whose actor belongs to these
    sides of the pack's actor registry (e.g. "us": the US strikes in return, when only the
    attacks on US forces matter). as_of: drop incidents that cannot have happened by then
    (their first possible day is later), so results are reproducible as of a date.
    """
    where, params = (flt or IncidentFilter()).sql()
    sides = {s.lower() for s in exclude_sides}
    side_of = actor_sides() if sides else {}
    known = set(side_of.values()) - {""}  # the sides are the actor registry's data, not code
    if sides - known:
        raise UnknownSide(f"unknown side {sorted(sides - known)[0]!r} (sides: {', '.join(sorted(known))})")
    limit = as_of.toordinal() if as_of else None
    out = []
    for r in store.query_incidents(where, params):
        if not include_background and r.get("background"):
            continue
        if sides and side_of.get(str(r.get("actor") or "").lower(), "") in sides:
            continue
        if limit is not None:
            lo, _ = interval(r.get("date"), r.get("date_precision"))
            if lo > limit:
                continue
        out.append(r)
    return out


def latest_date(records: Iterable[dict[str, Any]]) -> date | None:
    """The latest date the data speaks for: the last incident day or the last publication date
    of a report behind an incident, whichever is later. The data says nothing about later days,
    so an ongoing lull is measured up to here unless the caller asks for today."""
    best = -1
    for r in records:
        lo, _ = interval(r.get("date"), r.get("date_precision"))
        best = max(best, lo)  # a coarse date's last day may lie beyond what anyone has reported
        for rep in r.get("reports") or []:
            published = str(rep.get("published") or "")[:10]
            try:
                best = max(best, date.fromisoformat(published).toordinal())
            except ValueError:
                continue
    return date.fromordinal(best) if best > 0 else None

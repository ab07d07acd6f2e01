"""Pauses between incidents, honouring date precision.

The rule (docs/analytics.md):
- Day-precision incidents are fixed points; consecutive points bound a gap.
- A coarser incident (week, month, year) splits a gap only when its whole date interval lies
  strictly inside the gap: then an incident certainly happened in there. One whose interval
  overlaps a fixed point (or reaches past the gap) may have happened outside the gap, so it
  cannot be placed and does not split it.
- Coarse incidents inside one gap whose intervals overlap form one block: we know incidents
  happened in it but not the pauses between them.
- The pieces of a split gap are measured so the length is never overstated: from the last
  possible day of what comes before to the first possible day of what comes after. A length
  with a coarse edge is therefore a lower bound ("at least N days").
- The pause after the last incident runs to `as_of` (the ongoing lull). An incident known by
  `as_of` happened by then, so its interval is cut at `as_of`; incidents that cannot have
  happened by then are ignored. Undated incidents are ignored.
- Background incidents count: they happened (filter them out with include_background=False).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable

from attackwatch.analyze.records import Dated, dated, latest_date
from attackwatch.analyze.sides import ONE


@dataclass(frozen=True)
class Edge:
    """What bounds a pause: a fixed day, or a block of coarse incidents [lo, hi]."""
    lo: int
    hi: int
    ids: tuple[str, ...]
    label: str  # the date as reported: "2024-04-21", "2024-03", "week of 2024-03-04"

    @property
    def coarse(self) -> bool:
        return self.lo != self.hi


@dataclass(frozen=True)
class Lull:
    before: Edge
    after: Edge | None  # None: still ongoing at as_of
    as_of: date
    what: str = "attack"  # what the series counts, as the text names one ("militia attack")
    side: str | None = None  # the series (analyze/sides.py), when the records were one side's

    @property
    def start(self) -> date:
        return date.fromordinal(self.before.hi)

    @property
    def end(self) -> date | None:
        return date.fromordinal(self.after.lo) if self.after else None

    @property
    def days(self) -> int:
        return (self.after.lo if self.after else self.as_of.toordinal()) - self.before.hi

    @property
    def lower_bound(self) -> bool:
        return self.before.coarse or bool(self.after and self.after.coarse)

    @property
    def text(self) -> str:
        n = f"at least {self.days} days" if self.lower_bound else f"{self.days} days"
        since = self.before.label if not self.before.coarse else f"the incident dated {self.before.label}"
        if self.after is None:
            return f"No {self.what} since {since} ({n} to {self.as_of.isoformat()})."
        on = f"on {self.after.label}" if not self.after.coarse else f"dated {self.after.label}"
        return f"The {self.what} {on} was the first since {since} ({n})."

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat() if self.end else None, "days": self.days,
                "before_incident": self.before.ids[-1], "after_incident": self.after.ids[0] if self.after else None,
                "text": self.text, "at_least": self.lower_bound, "start_as_reported": self.before.label,
                "end_as_reported": self.after.label if self.after else None,
                "before_incidents": list(self.before.ids), "after_incidents": list(self.after.ids) if self.after else [],
                "as_of": self.as_of.isoformat(), "side": self.side}


def _label(d: Dated) -> str:
    if d.precise:
        return d.start.isoformat()
    if d.precision == "week":
        return f"week of {d.start.isoformat()}"
    return str(d.record.get("date"))


def _blocks(inside: list[Dated], cut: int) -> list[Edge]:
    """Overlapping coarse intervals in one gap merged into blocks (intervals cut at `cut`)."""
    out: list[Edge] = []
    for d in sorted(inside, key=lambda d: (d.lo, d.hi, d.id)):
        hi = min(d.hi, cut)
        if out and d.lo <= out[-1].hi:
            last = out[-1]
            label = last.label if hi <= last.hi else _label(d)
            out[-1] = Edge(last.lo, max(last.hi, hi), last.ids + (d.id,), label)
        else:
            out.append(Edge(d.lo, hi, (d.id,), _label(d)))
    return out


def find_lulls(records: Iterable[dict[str, Any]], min_days: int = 0, as_of: date | None = None,
               side: str | None = None) -> list[Lull]:
    """Every pause of at least `min_days` days, oldest first; the last one may be ongoing.
    `side`: the records are that side's series (analyze/sides.py), named so in the texts."""
    what = ONE.get(side or "", "attack") if side not in (None, "all") else "attack"
    records = list(records)
    if as_of is None:
        as_of = latest_date(records) or date.today()
    cut = as_of.toordinal()
    items = [d for d in dated(records)[0] if d.lo <= cut]
    by_day: dict[int, list[str]] = {}
    for d in items:
        if d.precise:
            by_day.setdefault(d.lo, []).append(d.id)
    days = sorted(by_day)
    # the gap a coarse incident lies wholly inside: consecutive points around it, none within it
    inside: dict[int, list[Dated]] = {}  # gap index (i: between days[i-1] and days[i]) -> coarse incidents
    for d in items:
        if d.precise:
            continue
        hi = min(d.hi, cut)
        i = bisect.bisect_left(days, d.lo)
        if i < len(days) and days[i] <= hi:
            continue  # overlaps a fixed point: it cannot be placed, so it splits nothing
        inside.setdefault(i, []).append(d)
    lulls: list[Lull] = []
    for i in range(len(days) + 1):
        edges: list[Edge | None] = []
        edges.append(Edge(days[i - 1], days[i - 1], tuple(sorted(by_day[days[i - 1]])), date.fromordinal(days[i - 1]).isoformat())
                     if i > 0 else None)
        edges += _blocks(inside.get(i, []), cut)
        edges.append(Edge(days[i], days[i], tuple(sorted(by_day[days[i]])), date.fromordinal(days[i]).isoformat())
                     if i < len(days) else None)
        for before, after in zip(edges, edges[1:]):
            if before is None:
                continue  # nothing is known before the first incident: no pause to measure
            lull = Lull(before, after, as_of, what, side)
            if lull.days >= min_days:
                lulls.append(lull)
    return lulls


def current_lull(records: Iterable[dict[str, Any]], as_of: date | None = None, side: str | None = None) -> Lull | None:
    """The pause from the last incident up to as_of (None when there is no incident)."""
    found = [lu for lu in find_lulls(records, 0, as_of, side) if lu.after is None]
    return found[0] if found else None

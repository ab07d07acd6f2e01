"""Counts and casualties over time, split by a field, zero-filled.

Split by actor rolls fronts up to their umbrella (`actor_parent`), as /api/stats does.
Casualties are the sums of the stated figures (a record that states none adds nothing).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Iterable

from attackwatch.analyze.records import dated
from attackwatch.analyze.series import BY, fits, periods_between
from attackwatch.analyze.sides import SERIES, incident_side

SPLITS = ("none", "side", "actor", "weapon", "country", "admin1", "place", "claimed", "confirmation", "event_type",
          "target_type")
UNKNOWN = "(unknown)"
SPARKS = "▁▂▃▄▅▆▇█"


@lru_cache(maxsize=1)
def _sides() -> dict[str, str]:
    from attackwatch.analyze.records import actor_sides

    return actor_sides()


def split_key(record: dict[str, Any], split: str) -> str:
    if split == "none":
        return "all"
    if split == "actor":
        return str(record.get("actor_parent") or record.get("actor") or UNKNOWN)
    if split == "side":  # militia attacks, US/coalition strikes, other (analyze/sides.py)
        return SERIES[incident_side(record, _sides())]
    if split == "claimed":
        return "claimed" if record.get("claimed") else "unclaimed"
    if split == "confirmation":
        return str(record.get("confirmation") or "not_mentioned")
    if split == "country":
        return str(record.get("country") or record.get("country_code") or UNKNOWN)
    if split in SPLITS:
        return str(record.get(split) or UNKNOWN)
    raise ValueError(f"unknown split {split!r} (one of {', '.join(SPLITS)})")


@dataclass
class Series:
    key: str
    counts: list[int]
    killed: list[int]
    injured: list[int]

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass
class Trends:
    by: str
    split: str
    periods: list[date]
    series: list[Series] = field(default_factory=list)
    coarse: int = 0  # dated, but coarser than a period: left out of the counts
    undated: int = 0

    @property
    def total(self) -> int:
        return sum(s.total for s in self.series)

    def rows(self) -> Iterable[dict[str, Any]]:
        """One row per (series, period): the long format of --format jsonl|csv."""
        for s in self.series:
            for i, p in enumerate(self.periods):
                yield {"period": p.isoformat(), "key": s.key, "count": s.counts[i], "killed": s.killed[i],
                       "injured": s.injured[i]}

    def top(self, n: int) -> "Trends":
        """The n largest series, the rest summed into '(other)' (for a terminal)."""
        if len(self.series) <= n:
            return self
        keep, rest = self.series[:n], self.series[n:]
        other = Series("(other)", [sum(c) for c in zip(*(s.counts for s in rest))],
                       [sum(c) for c in zip(*(s.killed for s in rest))],
                       [sum(c) for c in zip(*(s.injured for s in rest))])
        return Trends(self.by, self.split, self.periods, keep + [other], self.coarse, self.undated)


def compute_trends(records: Iterable[dict[str, Any]], by: str = "week", split: str = "none",
                   first: date | None = None, last: date | None = None) -> Trends:
    """Zero-filled series from the period of `first` (default: the earliest counted record) to
    the period of `last` (default: the latest)."""
    if by not in BY:
        raise ValueError(f"unknown period {by!r} (one of {', '.join(BY)})")
    split_key({}, split)  # reject an unknown split before any work
    items, undated = dated(records)
    placed: list[tuple[date, dict[str, Any]]] = []
    coarse = 0
    for d in items:
        period = fits(d, by)
        if period is None:
            coarse += 1
        else:
            placed.append((period, d.record))
    if first is None and placed:
        first = placed[0][0]
    if last is None and placed:
        last = max(p for p, _ in placed)
    periods = periods_between(first, last, by) if first and last and first <= last else []
    index = {p: i for i, p in enumerate(periods)}
    table: dict[str, Series] = {}
    for period, r in placed:
        i = index.get(period)
        if i is None:  # outside an explicit range
            continue
        key = split_key(r, split)
        s = table.get(key)
        if s is None:
            s = table[key] = Series(key, [0] * len(periods), [0] * len(periods), [0] * len(periods))
        s.counts[i] += 1
        s.killed[i] += int(r.get("killed") or 0)
        s.injured[i] += int(r.get("injured") or 0)
    series = sorted(table.values(), key=lambda s: (-s.total, s.key))
    return Trends(by, split, periods, series, coarse, undated)


def sparkline(values: list[int]) -> str:
    """Unicode bars scaled to the largest value; a zero period is a blank, so quiet stretches show."""
    top = max(values, default=0)
    if top <= 0:
        return " " * len(values)
    return "".join(" " if v <= 0 else SPARKS[min(len(SPARKS) - 1, (v * len(SPARKS) - 1) // top)] for v in values)

"""What a situation report says, computed once from the data and rendered by html/md/pdf.

The period is [start, end] (both inclusive). An incident is "in the period" when its whole
date interval lies inside it; one dated only coarsely (a month) that overlaps the period is
listed apart as "may fall in the period". The history before the period is read too: lulls,
firsts and surge baselines need it.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from attackwatch.analyze.alerts import Alert, compute_alerts
from attackwatch.analyze.lulls import Lull, find_lulls
from attackwatch.analyze.records import Dated, dated, interval
from attackwatch.analyze.report.summary import summary_sentences
from attackwatch.analyze.sides import DEFAULT_LULL_SIDES, DEFAULT_SIDES, by_side
from attackwatch.analyze.trends import Trends, compute_trends

TIMELINE_WEEKS = 52


@dataclass
class ReportData:
    start: date
    end: date
    as_of: date
    filters: str
    incidents: list[dict[str, Any]]  # in the period, date order
    maybe: list[dict[str, Any]]  # coarse dates overlapping the period
    context: list[dict[str, Any]]  # earlier incidents, for the map's grey dots
    previous_count: int  # in the period of equal length just before
    summary_counts: dict[str, Any]
    headline: str
    alerts: list[Alert]
    lulls: list[Lull]  # pauses that ended in the period
    current: Lull | None  # the pause running at the end of the period, if any
    timeline: Trends
    claims: dict[str, dict[str, int]] = field(default_factory=dict)  # claimed/unclaimed -> confirmation -> n
    min_lull_days: int = 14
    sides: list[str] = field(default_factory=list)  # the series the report counts apart (analyze/sides.py)
    side_counts: dict[str, dict[str, Any]] = field(default_factory=dict)  # side -> counts as summary_counts
    side_previous: dict[str, int] = field(default_factory=dict)  # side -> count in the period just before
    currents: list[Lull] = field(default_factory=list)  # the pause running in each lull series, if any
    summary: list[str] = field(default_factory=list)  # the headline as short sentences
    admin1_history: dict[str, dict[str, list[int]]] = field(default_factory=dict)  # side -> admin1 -> counts, 4 periods before
    side_timelines: dict[str, Trends] = field(default_factory=dict)  # side -> weekly counts, as `timeline`

    @property
    def title(self) -> str:
        return f"AttackWatch situation report {self.start.isoformat()} to {self.end.isoformat()}"

    def rule_alerts(self, *rules: str) -> list[Alert]:
        return [a for a in self.alerts if a.rule in rules]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _top(counter: Counter[str], n: int = 3) -> str:
    return ", ".join(f"{k} {v}" for k, v in counter.most_common(n))


def build_report(records: list[dict[str, Any]], start: date, end: date, thresholds: dict[str, Any],
                 as_of: date | None = None, filters: str = "", sides: list[str] | None = None,
                 lull_sides: list[str] | None = None) -> ReportData:
    """`sides`: the series counted apart (default militia attacks and US/coalition strikes);
    `lull_sides`: those whose pauses and resumptions the report tells (default militia)."""
    sides = list(sides or DEFAULT_SIDES)
    lull_sides = list(lull_sides or [s for s in sides if s in DEFAULT_LULL_SIDES] or sides)
    as_of = as_of or end
    lo, hi = start.toordinal(), end.toordinal()
    items, _ = dated(records)
    items = [d for d in items if d.lo <= as_of.toordinal()]
    inside = [d for d in items if d.lo >= lo and d.hi <= hi]
    maybe = [d for d in items if not (d.lo >= lo and d.hi <= hi) and d.lo <= hi and d.hi >= lo]
    length = hi - lo + 1
    previous = [d for d in items if d.lo >= lo - length and d.hi < lo]
    context = [d.record for d in items if d.hi < lo]
    period = [d.record for d in inside]

    counts = _counts(inside)
    known = [d.record for d in items]
    alerts = compute_alerts(known, thresholds, as_of=as_of, since=start, until=end, sides=sides, lull_sides=lull_sides)
    min_lull = int(thresholds["resumption"]["min_lull_days"])
    series = by_side(known, sorted(set(sides) | set(lull_sides), key=lambda s: (sides + lull_sides).index(s)))
    lulls: list[Lull] = []
    currents: list[Lull] = []
    for side in lull_sides:
        found = find_lulls(series[side], 0, as_of, side)
        lulls += [lu for lu in found if lu.days >= min_lull and lu.end is not None and start <= lu.end <= end]
        currents += [lu for lu in found if lu.after is None and lu.days > 0]
    first_week = max(min((d.start for d in items), default=start), end - timedelta(weeks=TIMELINE_WEEKS))
    timeline = compute_trends([d.record for d in items if d.lo >= first_week.toordinal()], "week", "none",
                              first=first_week, last=end)
    claims: dict[str, dict[str, int]] = {}
    for r in period:
        row = claims.setdefault("claimed" if r.get("claimed") else "unclaimed", {})
        conf = str(r.get("confirmation") or "not_mentioned")
        row[conf] = row.get(conf, 0) + 1
    previous_ids = {d.id for d in previous}
    side_counts: dict[str, dict[str, Any]] = {}
    side_previous: dict[str, int] = {}
    history: dict[str, dict[str, list[int]]] = {}
    for side, members in series.items():  # membership by id: the records are dicts
        ids = {str(r["id"]) for r in members}
        side_counts[side] = _counts([d for d in inside if d.id in ids])
        side_previous[side] = len(previous_ids & ids)
        history[side] = _admin1_history([d for d in items if d.id in ids], lo, length)
    data = ReportData(start, end, as_of, filters, period, [d.record for d in maybe], context, len(previous), counts,
                      "", alerts, lulls, currents[0] if currents else None, timeline, claims, min_lull,
                      sides, side_counts, side_previous, currents, [], history)
    for side in ("militia", "us"):
        members = series.get(side) if side in series else by_side(known, [side])[side]
        data.side_timelines[side] = compute_trends([r for r in members if interval_lo(r) >= first_week.toordinal()],
                                                   "week", "none", first=first_week, last=end)
    data.summary = summary_sentences(data)
    data.headline = " ".join(data.summary)
    return data


def interval_lo(record: dict[str, Any]) -> int:
    return interval(record.get("date"), record.get("date_precision"))[0]


def _admin1_history(items: list[Dated], lo: int, length: int) -> dict[str, list[int]]:
    """admin1 -> [count in the period, in each of the 4 periods of equal length before it]."""
    out: dict[str, list[int]] = {}
    for d in items:
        bucket = (d.lo - lo) // length  # 0: the period; -1: the one before; ...
        if bucket != (d.hi - lo) // length or not -4 <= bucket <= 0:
            continue  # too coarse to place in one period, or outside the five
        k = -bucket
        name = str(d.record.get("admin1") or d.record.get("country") or "an unknown place")
        out.setdefault(name, [0] * 5)[k] += 1
    return out


def _counts(inside: list[Dated]) -> dict[str, Any]:
    records = [d.record for d in inside]
    return {
        "incidents": len(records),
        "killed": sum(int(r.get("killed") or 0) for r in records),
        "injured": sum(int(r.get("injured") or 0) for r in records),
        "claimed": sum(1 for r in records if r.get("claimed")),
        "confirmed": sum(1 for r in records if r.get("confirmation") == "confirmed"),
        "denied": sum(1 for r in records if r.get("confirmation") == "denied"),
        "background": sum(1 for r in records if r.get("background")),
        "countries": Counter(str(r.get("country") or r.get("country_code") or "unknown") for r in records),
        "actors": Counter(str(r.get("actor_parent") or r.get("actor")) for r in records if r.get("actor")),
        "weapons": Counter(str(r.get("weapon") or "unknown") for r in records),
        "outlets": Counter(str(rep.get("outlet") or "unknown") for r in records for rep in r.get("reports") or []),
    }

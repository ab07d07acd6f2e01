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
from attackwatch.analyze.records import Dated, dated
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
                 as_of: date | None = None, filters: str = "") -> ReportData:
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
    alerts = compute_alerts([d.record for d in items], thresholds, as_of=as_of, since=start, until=end)
    all_lulls = find_lulls([d.record for d in items], int(thresholds["resumption"]["min_lull_days"]), as_of)
    lulls = [lu for lu in all_lulls if lu.end is not None and start <= lu.end <= end]
    ongoing = [lu for lu in find_lulls([d.record for d in items], 0, as_of) if lu.after is None]
    current = ongoing[0] if ongoing and ongoing[0].days > 0 else None
    first_week = max(min((d.start for d in items), default=start), end - timedelta(weeks=TIMELINE_WEEKS))
    timeline = compute_trends([d.record for d in items if d.lo >= first_week.toordinal()], "week", "none",
                              first=first_week, last=end)
    claims: dict[str, dict[str, int]] = {}
    for r in period:
        row = claims.setdefault("claimed" if r.get("claimed") else "unclaimed", {})
        conf = str(r.get("confirmation") or "not_mentioned")
        row[conf] = row.get(conf, 0) + 1
    data = ReportData(start, end, as_of, filters, period, [d.record for d in maybe], context, len(previous), counts,
                      "", alerts, lulls, current, timeline, claims,
                      int(thresholds["resumption"]["min_lull_days"]))
    data.headline = _headline(data)
    return data


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


def _headline(d: ReportData) -> str:
    """The summary paragraph: numbers from the data, no adjectives."""
    c = d.summary_counts
    days = (d.end - d.start).days + 1
    parts = [f"From {d.start.isoformat()} to {d.end.isoformat()}, {_plural(c['incidents'], 'incident')} "
             f"{'was' if c['incidents'] == 1 else 'were'} recorded (previous {_plural(days, 'day')}: {d.previous_count})."]
    if c["incidents"]:
        parts.append(f"{c['claimed']} claimed by their perpetrator; {c['confirmed']} confirmed and {c['denied']} denied "
                     f"by an official side other than the claimant.")
        parts.append(f"Reported casualties: {c['killed']} killed, {c['injured']} injured.")
        parts.append(f"By country: {_top(c['countries'])}.")
        if c["actors"]:
            parts.append(f"Named actors (fronts under their umbrella): {_top(c['actors'])}; "
                         f"{c['incidents'] - sum(c['actors'].values())} with no actor named.")
        parts.append(f"Weapons: {_top(c['weapons'], 4)}.")
        parts.append(f"Sources: {_plural(sum(c['outlets'].values()), 'report')} from "
                     f"{_plural(len(c['outlets']), 'outlet')}.")
    for a in d.rule_alerts("resumption"):
        if not a.scope:
            parts.append(f"The incident of {a.date.isoformat()} ended a pause of "
                         f"{'at least ' if a.numbers['at_least'] else ''}{a.numbers['lull_days']} days "
                         f"(previous incident {a.numbers['previous_date']}).")
    surges = d.rule_alerts("surge")
    if surges:
        parts.append(f"{_plural(len(surges), 'surge alert')}: " + "; ".join(
            f"{next(iter(a.scope.values()), 'theatre')} {a.numbers['count']} vs mean {a.numbers['baseline_mean']:.2f}"
            for a in surges[:3]) + ".")
    if d.current is not None:
        parts.append(f"As of {d.as_of.isoformat()}, {d.current.days} days since the last incident "
                     f"({d.current.before.label}).")
    if d.maybe:
        parts.append(f"{_plural(len(d.maybe), 'more incident')} dated only coarsely may fall in the period.")
    return " ".join(parts)

"""Alerts: reproducible signals, each naming its rule, window, the numbers behind it and the
incidents that triggered it. Rules and thresholds: docs/analytics.md and packs/default/alerts.json.

Every rule reads the same inputs (incidents in date order, as of a date), so the same data and
`as_of` give the same alerts. `since` only hides older alerts; the history before it is still
read (a surge needs its baseline weeks, a "first" needs everything earlier).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction
from typing import Any, Callable, Iterable

from attackwatch.analyze.lulls import find_lulls
from attackwatch.analyze.records import Dated, dated, latest_date
from attackwatch.analyze.series import fits
from attackwatch.analyze.sides import ONE, SERIES, by_side
from attackwatch.analyze.thresholds import RULES


@dataclass
class Alert:
    rule: str
    date: date
    title: str
    scope: dict[str, Any]
    window: tuple[date, date]
    numbers: dict[str, Any]
    incidents: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        where = ",".join(f"{k}={v}" for k, v in sorted(self.scope.items()))
        return f"{self.rule}:{self.date.isoformat()}:{where}:{self.incidents[0] if self.incidents else ''}"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "rule": self.rule, "date": self.date.isoformat(), "title": self.title,
                "scope": self.scope, "window": {"from": self.window[0].isoformat(), "to": self.window[1].isoformat()},
                "numbers": self.numbers, "incidents": self.incidents}


def where(record: dict[str, Any]) -> str:
    return str(record.get("place") or record.get("admin1") or record.get("country") or "an unknown place")


def _day(d: Dated) -> str:
    return d.start.isoformat() if d.precise else str(d.record.get("date"))


# -- resumption ------------------------------------------------------------------------------------
def resumption(items: list[Dated], cfg: dict[str, Any], as_of: date) -> list[Alert]:
    out: list[Alert] = []
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for scope in cfg["scopes"]:
        if scope == "theatre":
            groups[("theatre", "")] = [d.record for d in items]
        elif scope in ("country", "admin1"):
            for d in items:
                key = d.record.get("country_code" if scope == "country" else "admin1_code")
                if key:
                    groups.setdefault((scope, str(key)), []).append(d.record)
        else:
            raise ValueError(f"resumption.scopes: unknown scope {scope!r} (theatre, country, admin1)")
    side = cfg.get("_side")
    of = f" of {SERIES[side]}" if side and side != "all" else ""
    for (scope, key), records in groups.items():
        for lull in find_lulls(records, cfg["min_lull_days"], as_of, side):
            if lull.after is None:
                continue
            label = "the theatre" if scope == "theatre" else _scope_name(records, scope, key)
            out.append(Alert(
                "resumption", lull.end or as_of, f"Resumption{of} in {label}: {lull.text}",
                {} if scope == "theatre" else {scope: key}, (lull.start, lull.end or as_of),
                {"lull_days": lull.days, "at_least": lull.lower_bound, "min_lull_days": cfg["min_lull_days"],
                 "previous_incident": lull.before.ids[-1], "previous_date": lull.before.label},
                list(lull.after.ids)))
    return out


def _scope_name(records: list[dict[str, Any]], scope: str, key: str) -> str:
    name = records[0].get("country" if scope == "country" else "admin1") if records else None
    return f"{name} ({key})" if name else key


# -- surge -----------------------------------------------------------------------------------------
def surge(items: list[Dated], cfg: dict[str, Any], as_of: date) -> list[Alert]:
    """Weekly count in a country/admin1 vs the mean of the previous N weeks (zeros included).

    Fires when count >= factor x mean AND count >= min_count; equality fires ("at the
    threshold"), compared in exact fractions, so factor 2 and a mean of 1.5 fire at 3. A week
    needs N whole weeks of data before it (from the first week of the filtered data), so the
    first N weeks never fire. Only day- and week-precision incidents are counted. The alert
    date is the day of the incident that brought the week's count to the threshold.
    """
    n, factor, min_count = int(cfg["baseline_weeks"]), Fraction(str(cfg["factor"])), int(cfg["min_count"])
    if n < 1:
        raise ValueError("surge.baseline_weeks must be >= 1")
    weekly = [(w, d) for d in items if (w := fits(d, "week")) is not None]
    if not weekly:
        return []
    first_week = min(w for w, _ in weekly)
    out: list[Alert] = []
    for scope in cfg["scopes"]:
        if scope not in ("country", "admin1", "theatre"):
            raise ValueError(f"surge.scopes: unknown scope {scope!r} (theatre, country, admin1)")
        cells: dict[str, dict[date, list[Dated]]] = {}
        names: dict[str, str] = {}
        for w, d in weekly:
            key = "" if scope == "theatre" else d.record.get("country_code" if scope == "country" else "admin1_code")
            if key is None:
                continue
            cells.setdefault(str(key), {}).setdefault(w, []).append(d)
            names.setdefault(str(key), str(d.record.get("country" if scope == "country" else "admin1") or key))
        for key, weeks in cells.items():
            for week, members in sorted(weeks.items()):
                if (week - first_week).days < 7 * n:
                    continue
                previous = [len(weeks.get(week - timedelta(days=7 * k), [])) for k in range(n, 0, -1)]
                count = len(members)
                mean = Fraction(sum(previous), n)
                threshold = factor * mean
                if count < min_count or count < threshold:
                    continue
                need = max(min_count, math.ceil(threshold), 1)
                trigger = sorted(members, key=lambda d: (d.lo, d.id))[need - 1]
                label = "the theatre" if scope == "theatre" else f"{names[key]} ({key})"
                side = cfg.get("_side")
                of = f" of {SERIES[side]}" if side and side != "all" else ""
                things = SERIES.get(side or "all", "incidents")
                out.append(Alert(
                    "surge", min(date.fromordinal(trigger.hi), as_of),
                    f"Surge{of} in {label}: {count} {things} in the week of {week.isoformat()}, against "
                    f"{_mean_words(previous)} in the previous {n} weeks",
                    {} if scope == "theatre" else {scope: key}, (week, week + timedelta(days=6)),
                    {"count": count, "baseline_mean": round(float(mean), 4), "baseline_weeks": n,
                     "previous_counts": previous, "factor": float(factor), "threshold": round(float(threshold), 4),
                     "min_count": min_count, "ratio": round(count / float(mean), 4) if mean else None},
                    [d.id for d in sorted(members, key=lambda d: (d.lo, d.id))]))
    return out


# -- firsts ----------------------------------------------------------------------------------------
def new_actor_claim(items: list[Dated], cfg: dict[str, Any], as_of: date) -> list[Alert]:
    """The first claimed incident of each actor (fronts on their own: a new front is the news)."""
    from attackwatch.packs import get_pack

    kinds = {a.name.lower(): a.kind for a in get_pack().actors.values()}
    excluded = set(cfg["exclude_actor_kinds"])
    start = items[0].lo if items else 0
    seen_claim: set[str] = set()
    attributed: dict[str, int] = {}
    out: list[Alert] = []
    for d in items:
        actor = d.record.get("actor")
        if not actor:
            continue
        if d.record.get("claimed") and actor not in seen_claim and kinds.get(actor.lower()) not in excluded:
            seen_claim.add(actor)
            history = d.lo - start
            if history >= cfg["min_history_days"]:
                parent = d.record.get("actor_parent")
                out.append(Alert(
                    "new_actor_claim", d.start,
                    f"First claim by {actor}{f' ({parent})' if parent else ''}: {d.record.get('weapon') or 'unknown'} "
                    f"attack on {where(d.record)} on {_day(d)}",
                    {"actor": actor, **({"actor_parent": parent} if parent else {})}, (d.start, d.end),
                    {"earlier_attributed_incidents": attributed.get(actor, 0), "history_days": history,
                     "min_history_days": cfg["min_history_days"]}, [d.id]))
        attributed[actor] = attributed.get(actor, 0) + 1
    return out


def new_weapon_at_site(items: list[Dated], cfg: dict[str, Any], as_of: date) -> list[Alert]:
    precisions = set(cfg["geo_precisions"])
    start = items[0].lo if items else 0
    seen: dict[str, dict[str, int]] = {}  # site -> weapon -> incidents
    out: list[Alert] = []
    for d in items:
        r = d.record
        site = r.get("place_id") or r.get("place")
        if not site or r.get("geo_precision") not in precisions:
            continue
        weapon = r.get("weapon") or "unknown"
        before = seen.setdefault(str(site), {})
        history = d.lo - start
        if weapon != "unknown" and weapon not in before and before and history >= cfg["min_history_days"]:
            out.append(Alert(
                "new_weapon_at_site", d.start,
                f"First {weapon} attack at {r.get('place') or site} on {_day(d)}; "
                f"{sum(before.values())} earlier incident(s) there used {', '.join(sorted(before))}",
                {"place": r.get("place"), "place_id": r.get("place_id"), "country": r.get("country_code"),
                 "admin1": r.get("admin1_code")}, (d.start, d.end),
                {"weapon": weapon, "earlier_incidents_at_site": sum(before.values()), "weapons_before": dict(sorted(before.items())),
                 "history_days": history}, [d.id]))
        before[weapon] = before.get(weapon, 0) + 1
    return out


def casualties(items: list[Dated], cfg: dict[str, Any], as_of: date) -> list[Alert]:
    out: list[Alert] = []
    for d in items:
        killed, injured = d.record.get("killed"), d.record.get("injured")
        if (killed is not None and killed >= cfg["min_killed"]) or (injured is not None and injured >= cfg["min_injured"]):
            actor = d.record.get("actor")
            out.append(Alert(
                "casualties", d.start,
                f"{_n(killed)} killed, {_n(injured)} injured at {where(d.record)} on {_day(d)}"
                f"{f' ({actor})' if actor else ''}",
                {"country": d.record.get("country_code"), "admin1": d.record.get("admin1_code")}, (d.start, d.end),
                {"killed": killed, "injured": injured, "min_killed": cfg["min_killed"], "min_injured": cfg["min_injured"]},
                [d.id]))
    return out


def _mean_words(previous: list[int]) -> str:
    """The baseline as an analyst says it: "none", "1 in total", "3 in total (0.75 a week)"."""
    total = sum(previous)
    if total == 0:
        return "none"
    return f"{total} in total ({total / len(previous):.2g} a week)"


def _n(v: Any) -> str:
    return "unstated" if v is None else str(v)


RULE_FUNCTIONS: dict[str, Callable[[list[Dated], dict[str, Any], date], list[Alert]]] = {
    "resumption": resumption, "surge": surge, "new_actor_claim": new_actor_claim,
    "new_weapon_at_site": new_weapon_at_site, "casualties": casualties}
assert set(RULE_FUNCTIONS) == set(RULES)


def compute_alerts(records: Iterable[dict[str, Any]], thresholds: dict[str, Any], as_of: date | None = None,
                   since: date | None = None, until: date | None = None,
                   rules: Iterable[str] | None = None, sides: Iterable[str] | None = None,
                   lull_sides: Iterable[str] | None = None) -> list[Alert]:
    """All alerts dated between `since` and `until` (default: as_of), oldest first, reading
    every incident known by `as_of` (default: the latest date in the data).

    `sides`: compute each side's series on its own (analyze/sides.py: militia, us, other,
    all), every alert saying which (`scope["side"]`); None reads all incidents as one series,
    unlabelled. `lull_sides`: the sides whose pauses raise resumption alerts (default: all of
    `sides`), so by default a US strike never raises a "resumption" of attacks."""
    records = list(records)
    if as_of is None:
        as_of = latest_date(records) or date.today()
    chosen = list(rules) if rules else list(RULES)
    for rule in chosen:
        if rule not in RULE_FUNCTIONS:
            raise ValueError(f"unknown rule {rule!r} (rules: {', '.join(RULES)})")
    series = by_side(records, sides) if sides is not None else {None: records}
    resuming = set(lull_sides) if lull_sides is not None else set(series)
    out: list[Alert] = []
    for side, members in series.items():
        items = [d for d in dated(members)[0] if d.lo <= as_of.toordinal()]
        for rule in chosen:
            if rule == "resumption" and side is not None and side not in resuming:
                continue
            found = RULE_FUNCTIONS[rule](items, {**thresholds[rule], "_side": side}, as_of)
            if side is not None:
                for a in found:
                    a.scope = {"side": side, **a.scope}
                    if rule not in ("resumption", "surge"):
                        a.title += f" ({ONE[side]})" if side != "all" else ""
            out += found
    last = min(until or as_of, as_of)
    out = [a for a in out if (since is None or a.date >= since) and a.date <= last]
    out.sort(key=lambda a: (a.date, RULES.index(a.rule), a.id))
    return out

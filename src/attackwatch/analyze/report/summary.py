"""The report's summary: short sentences with the numbers in the words an analyst uses
("4 militia attacks in Deir ez-Zor this week, none in the previous four weeks"), each side
of the conflict counted on its own (analyze/sides.py)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from attackwatch.analyze.sides import ONE, SERIES

if TYPE_CHECKING:
    from attackwatch.analyze.report.data import ReportData

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
# what each side's incidents are, said in full the first time
FULL = {"militia": "militia attacks on US and coalition forces", "us": "US/coalition strikes",
        "other": "other incidents", "all": "incidents"}


def _day(d: Any) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def _label(text: str) -> str:
    """A date as reported ("2024-01-28", "2024-03", "week of ...") in words when it is a day."""
    from datetime import date

    try:
        return _day(date.fromisoformat(text))
    except ValueError:
        return text


def _none_or(n: int) -> str:
    return "none" if n == 0 else str(n)


def _period_words(d: "ReportData") -> tuple[str, str, str]:
    """(this period, the one before, the four before) in words."""
    days = (d.end - d.start).days + 1
    if days == 7:
        return "this week", "the week before", "the four weeks before"
    return (f"from {_day(d.start)} to {_day(d.end)}", f"the {days} days before",
            f"the four {days}-day periods before")


def days_word(d: "ReportData") -> bool:
    return (d.end - d.start).days + 1 == 7


def summary_sentences(d: "ReportData") -> list[str]:
    this, before, four_before = _period_words(d)
    out: list[str] = []
    counted = [s for s in d.sides if s in d.side_counts]
    for side in counted:
        n, prev = d.side_counts[side]["incidents"], d.side_previous.get(side, 0)
        head = f"{n} {FULL[side] if n != 1 else ONE[side]}" if n else f"No {ONE[side]}"
        out.append(f"{head} {this}, against {_none_or(prev)} in {before}.")
    others = d.summary_counts["incidents"] - sum(d.side_counts[s]["incidents"] for s in counted if s != "all")
    if "all" not in counted and others > 0:
        out.append(f"{others} other incident{'s' if others != 1 else ''} (by or on neither side) "
                   f"{'are' if others != 1 else 'is'} listed too.")
    for side in counted:
        places = sorted(((h[0], name, h[1:]) for name, h in d.admin1_history.get(side, {}).items() if h[0] >= 2),
                        key=lambda x: (-x[0], x[1]))
        for n, name, earlier in places[:2]:
            out.append(f"{n} {SERIES[side]} in {name} {this if days_word(d) else 'in the period'}, "
                       f"{'none' if not sum(earlier) else sum(earlier)} in {four_before}.")
    militia = d.side_counts.get("militia")
    if militia and militia["incidents"]:
        out.append(f"Militia groups claimed {_none_or(militia['claimed'])} of them; officials confirmed "
                   f"{_none_or(militia['confirmed'])}" + (f" and denied {militia['denied']}" if militia["denied"] else "")
                   + ".")
    for side in counted:
        c = d.side_counts[side]
        if c["incidents"] and (c["killed"] or c["injured"]):
            out.append(f"{SERIES[side][0].upper() + SERIES[side][1:]} killed {_none_or(c['killed'])} and injured "
                       f"{_none_or(c['injured'])}, as reported.")
    resumed: dict[str, list[Any]] = {}
    for a in d.rule_alerts("resumption"):
        if "country" not in a.scope and "admin1" not in a.scope:  # the theatre's: one per pause
            resumed.setdefault(a.scope.get("side", "all"), []).append(a)
    for side, found in resumed.items():
        longest = max(found, key=lambda a: a.numbers["lull_days"])
        days = f"{'at least ' if longest.numbers['at_least'] else ''}{longest.numbers['lull_days']} days"
        what = SERIES[side][0].upper() + SERIES[side][1:]
        if len(found) == 1:
            out.append(f"{what} resumed on {_day(longest.date)} after {days} without one (the last before was on "
                       f"{_label(longest.numbers['previous_date'])}).")
        else:
            out.append(f"{what} resumed {len(found)} times after pauses of {d.min_lull_days} days or more; the longest "
                       f"pause, {days} since {_label(longest.numbers['previous_date'])}, ended on {_day(longest.date)}.")
    surges = d.rule_alerts("surge")
    for a in surges[:2]:
        side = a.scope.get("side", "all")
        where = next((v for k, v in a.scope.items() if k in ("country", "admin1")), "the theatre")
        previous = sum(a.numbers["previous_counts"])
        out.append(f"Surge: {a.numbers['count']} {SERIES[side]} in {_scope_name(d, where)} in the week of "
                   f"{_day(a.window[0])}, against {_none_or(previous)} in the {a.numbers['baseline_weeks']} weeks before.")
    if len(surges) > 2:
        out.append(f"{len(surges) - 2} more surge alert{'s' if len(surges) > 3 else ''} below.")
    for lull in d.currents:
        out.append(f"No {ONE[lull.side or 'all']} since {_label(lull.before.label)}: {lull.days} days by {_day(d.as_of)}.")
    if d.maybe:
        out.append(f"{len(d.maybe)} more incident{'s are' if len(d.maybe) != 1 else ' is'} dated only to the week or "
                   "month and may fall in the period.")
    return out


def _scope_name(d: "ReportData", code: str) -> str:
    """A country or province code as its name, from the incidents that carry it."""
    for r in [*d.incidents, *d.context]:
        if r.get("admin1_code") == code and r.get("admin1"):
            return str(r["admin1"])
        if r.get("country_code") == code and r.get("country"):
            return str(r["country"])
    return code

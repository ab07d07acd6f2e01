"""Calendar periods (day, week, month) and zero-filled counts per period.

A week starts on Monday; a period is named by the ISO date of its first day. A record fits
a period size only when its date is at least that precise: a month-precision record can be
counted per month but not per week or day (it is counted in `coarse` instead), and a
week-precision record fits weeks and months.
"""
from __future__ import annotations

from datetime import date, timedelta

from attackwatch.analyze.records import Dated

BY = ("day", "week", "month")


def period_start(day: date, by: str) -> date:
    if by == "day":
        return day
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    raise ValueError(f"unknown period {by!r} (day, week or month)")


def next_period(start: date, by: str) -> date:
    if by == "day":
        return start + timedelta(days=1)
    if by == "week":
        return start + timedelta(days=7)
    return (start.replace(day=28) + timedelta(days=4)).replace(day=1)


def periods_between(first: date, last: date, by: str) -> list[date]:
    """Every period from the one holding `first` to the one holding `last` (zero-filling)."""
    out: list[date] = []
    p, end = period_start(first, by), period_start(last, by)
    while p <= end:
        out.append(p)
        p = next_period(p, by)
    return out


def fits(d: Dated, by: str) -> date | None:
    """The period the record falls in, or None when its date is coarser than the period."""
    start, end = period_start(d.start, by), period_start(d.end, by)
    return start if start == end else None


def iso_week_range(week: str) -> tuple[date, date]:
    """'2024-W16' -> (Monday, Sunday) of that ISO week."""
    try:
        year, _, num = week.upper().partition("-W")
        monday = date.fromisocalendar(int(year), int(num), 1)
    except ValueError as exc:
        raise ValueError(f"not an ISO week (YYYY-Www, e.g. 2024-W16): {week!r}") from exc
    return monday, monday + timedelta(days=6)

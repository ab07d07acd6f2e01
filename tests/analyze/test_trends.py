"""Trends: zero-filled periods, roll-up of fronts to their umbrella, coarse dates, sparklines."""
from __future__ import annotations

from datetime import date

import pytest

from attackwatch.analyze.series import iso_week_range, periods_between
from attackwatch.analyze.trends import compute_trends, sparkline

from .synthetic import incident

IRI = "Islamic Resistance in Iraq"


def records() -> list[dict]:
    return [
        incident("kh1", "2024-01-02", actor="Kata'ib Hezbollah", actor_parent=IRI, claimed=True, killed=1, injured=2),
        incident("nj1", "2024-01-03", actor="Harakat al-Nujaba", actor_parent=IRI, weapon="drone", injured=3),
        incident("iri", "2024-01-24", actor=IRI, claimed=True, weapon="drone"),
        incident("anon", "2024-01-25", weapon="ied", site=4),
        incident("us", "2024-02-02", actor="United States", weapon="airstrike", site=4, killed=None),
        incident("feb", "2024-02", "month", actor="Kata'ib Hezbollah", actor_parent=IRI),
        incident("wk", "2024-01-29", "week"),  # Mon Jan 29 .. Sun Feb 4: one week, two months
        incident("undated", None, None),
    ]


def test_weekly_by_actor_rolls_fronts_up_and_zero_fills() -> None:
    t = compute_trends(records(), "week", "actor")
    assert [p.isoformat() for p in t.periods] == ["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22", "2024-01-29"]
    series = {s.key: s for s in t.series}
    assert series[IRI].counts == [2, 0, 0, 1, 0] and series[IRI].killed == [1, 0, 0, 0, 0]
    assert series[IRI].injured == [5, 0, 0, 0, 0]
    assert series["(unknown)"].counts == [0, 0, 0, 1, 1] and series["United States"].counts == [0, 0, 0, 0, 1]
    assert (t.total, t.coarse, t.undated) == (6, 1, 1)  # the February one is coarser than a week
    assert t.series[0].key == IRI  # largest first


def test_monthly_takes_month_precision_but_not_a_week_across_two_months() -> None:
    t = compute_trends(records(), "month", "none")
    assert [p.isoformat() for p in t.periods] == ["2024-01-01", "2024-02-01"]
    assert t.series[0].counts == [4, 2] and (t.coarse, t.undated) == (1, 1)


def test_splits_claimed_weapon_country_and_explicit_range() -> None:
    t = compute_trends(records(), "month", "claimed")
    assert {s.key: s.counts for s in t.series} == {"claimed": [2, 0], "unclaimed": [2, 2]}
    t = compute_trends(records(), "day", "country", first=date(2024, 1, 1), last=date(2024, 1, 3))
    assert {s.key: s.counts for s in t.series} == {"Iraq": [0, 1, 1]}  # Jan 1 zero-filled
    assert len(t.periods) == 3
    rows = list(compute_trends(records(), "month", "weapon").rows())
    assert {"period": "2024-02-01", "key": "airstrike", "count": 1, "killed": 0, "injured": 0} in rows
    with pytest.raises(ValueError, match="unknown split"):
        compute_trends(records(), "week", "colour")


def test_top_sums_the_rest_into_other() -> None:
    t = compute_trends(records(), "week", "actor").top(1)
    assert [s.key for s in t.series] == [IRI, "(other)"] and t.series[1].counts == [0, 0, 0, 1, 2]


def test_sparkline_and_calendar_helpers() -> None:
    assert sparkline([0, 1, 4, 8]) == " ▁▄█"
    assert sparkline([0, 0]) == "  "
    assert iso_week_range("2024-W16") == (date(2024, 4, 15), date(2024, 4, 21))
    with pytest.raises(ValueError, match="not an ISO week"):
        iso_week_range("2024-16")
    assert periods_between(date(2024, 1, 31), date(2024, 3, 1), "month") == [date(2024, 1, 1), date(2024, 2, 1),
                                                                              date(2024, 3, 1)]

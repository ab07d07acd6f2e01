"""Lull detection on incident series with known answers (docs/analytics.md, "Lulls")."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from attackwatch.analyze.lulls import current_lull, find_lulls
from attackwatch.analyze.records import UnknownSide, load_incidents
from attackwatch.store import open_store
from attackwatch.store.filters import IncidentFilter

from .synthetic import incident, store_records


def test_the_contract_sentence() -> None:
    records = [incident("a", "2024-02-04"), incident("b", "2024-04-21")]
    (lull,) = find_lulls(records, 14, as_of=date(2024, 4, 21))
    d = lull.to_dict()
    assert (d["start"], d["end"], d["days"], d["before_incident"], d["after_incident"]) == \
        ("2024-02-04", "2024-04-21", 77, "a", "b")
    assert d["text"] == "The attack on 2024-04-21 was the first since 2024-02-04 (77 days)."
    assert d["at_least"] is False


def test_a_month_inside_the_gap_splits_it_and_lengths_are_lower_bounds() -> None:
    # Jan 1 .. Mar 1 2024 is 60 days; an incident known only as "February" certainly lies inside
    records = [incident("jan1", "2024-01-01"), incident("feb", "2024-02", "month"), incident("mar1", "2024-03-01")]
    lulls = find_lulls(records, 0, as_of=date(2024, 3, 1))
    got = [(lu.start.isoformat(), lu.end.isoformat() if lu.end else None, lu.days, lu.lower_bound) for lu in lulls]
    # Jan 1 -> (at the earliest) Feb 1: 31 days; (at the latest) Feb 29 -> Mar 1: 1 day; then the ongoing 0
    assert got == [("2024-01-01", "2024-02-01", 31, True), ("2024-02-29", "2024-03-01", 1, True),
                   ("2024-03-01", None, 0, False)]
    assert lulls[0].text == "The attack dated 2024-02 was the first since 2024-01-01 (at least 31 days)."
    assert [lu.days for lu in find_lulls(records, 14, as_of=date(2024, 3, 1))] == [31]


def test_a_month_overlapping_a_fixed_day_does_not_split_the_lull() -> None:
    # "January" may be Jan 1 itself, i.e. before the gap: it cannot be placed inside it
    records = [incident("jan1", "2024-01-01"), incident("jan", "2024-01", "month"), incident("mar1", "2024-03-01")]
    (lull,) = find_lulls(records, 14, as_of=date(2024, 3, 1))
    assert (lull.days, lull.lower_bound, lull.before.ids, lull.after.ids) == (60, False, ("jan1",), ("mar1",))


def test_a_month_reaching_past_the_end_of_the_gap_does_not_split_it() -> None:
    records = [incident("jan10", "2024-01-10"), incident("feb10", "2024-02-10"), incident("feb", "2024-02", "month")]
    (lull,) = find_lulls(records, 14, as_of=date(2024, 2, 10))
    assert (lull.start, lull.end, lull.days) == (date(2024, 1, 10), date(2024, 2, 10), 31)


def test_overlapping_coarse_incidents_in_one_gap_form_one_block() -> None:
    records = [incident("jan1", "2024-01-01"), incident("w", "2024-02-05", "week"), incident("feb", "2024-02", "month"),
               incident("apr1", "2024-04-01")]
    lulls = find_lulls(records, 14, as_of=date(2024, 4, 1))
    assert [(lu.start, lu.end, lu.days) for lu in lulls] == [
        (date(2024, 1, 1), date(2024, 2, 1), 31), (date(2024, 2, 29), date(2024, 4, 1), 32)]
    assert lulls[0].after.ids == ("feb", "w")  # both in the block; the month's first day bounds the pause


def test_a_week_inside_the_gap_splits_it_at_its_monday_and_sunday() -> None:
    records = [incident("a", "2024-01-01"), incident("w", "2024-01-22", "week"), incident("b", "2024-03-01")]
    lulls = find_lulls(records, 1, as_of=date(2024, 3, 1))
    assert [(lu.start, lu.end, lu.days) for lu in lulls] == [
        (date(2024, 1, 1), date(2024, 1, 22), 21), (date(2024, 1, 28), date(2024, 3, 1), 33)]
    assert lulls[0].text == "The attack dated week of 2024-01-22 was the first since 2024-01-01 (at least 21 days)."


def test_the_ongoing_lull_runs_to_as_of_and_later_incidents_are_ignored() -> None:
    records = [incident("a", "2024-01-01"), incident("b", "2024-03-01"), incident("later", "2024-06-01")]
    lull = current_lull(records, as_of=date(2024, 4, 15))
    assert lull is not None and (lull.start, lull.end, lull.days) == (date(2024, 3, 1), None, 45)
    assert lull.text == "No attack since 2024-03-01 (45 days to 2024-04-15)."
    assert lull.to_dict()["after_incident"] is None
    # default as_of: the latest date in the data (the last incident or publication)
    assert current_lull(records).days == 0


def test_a_coarse_incident_known_by_as_of_is_cut_at_as_of() -> None:
    # "April" reported by Apr 15 happened between Apr 1 and Apr 15: it splits the ongoing pause
    records = [incident("mar1", "2024-03-01"), incident("apr", "2024-04", "month")]
    lulls = find_lulls(records, 0, as_of=date(2024, 4, 15))
    assert [(lu.start, lu.end, lu.days) for lu in lulls] == [(date(2024, 3, 1), date(2024, 4, 1), 31),
                                                             (date(2024, 4, 15), None, 0)]


def test_same_day_incidents_are_one_point_and_undated_ones_are_ignored() -> None:
    records = [incident("a1", "2024-01-01"), incident("a2", "2024-01-01"), incident("u", None, None),
               incident("b", "2024-02-01")]
    (lull,) = find_lulls(records, 14, as_of=date(2024, 2, 1))
    assert lull.to_dict()["before_incidents"] == ["a1", "a2"] and lull.days == 31


def test_background_counts_unless_excluded_and_filters_set_the_theatre(tmp_path: Path) -> None:
    records = [incident("iq1", "2024-01-01", site=0), incident("bg", "2024-01-20", site=0, background=True),
               incident("sy", "2024-02-01", site=4), incident("iq2", "2024-03-01", site=0),
               incident("usa", "2024-02-15", site=4, actor="United States", weapon="airstrike")]
    db = store_records(tmp_path / "t.db", records)
    store = open_store(str(db))
    try:
        every = load_incidents(store)
        days = [lu.days for lu in find_lulls(every, 10, date(2024, 3, 1))]
        assert days == [19, 12, 14, 15]  # Jan 1 -> Jan 20 (background) -> Feb 1 -> Feb 15 (US strike) -> Mar 1
        attacks = load_incidents(store, exclude_sides=["us"])  # attacks on US forces only
        assert [lu.days for lu in find_lulls(attacks, 10, date(2024, 3, 1))] == [19, 12, 29]
        no_bg = load_incidents(store, include_background=False, exclude_sides=["us"])
        assert [lu.days for lu in find_lulls(no_bg, 10, date(2024, 3, 1))] == [31, 29]
        with pytest.raises(UnknownSide, match="unknown side 'martians'"):
            load_incidents(store, exclude_sides=["martians"])
        iraq = load_incidents(store, IncidentFilter(country="IQ"))  # the US strike was in Syria
        assert [lu.days for lu in find_lulls(iraq, 10, date(2024, 3, 1))] == [19, 41]
    finally:
        store.close()

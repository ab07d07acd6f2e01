"""serve/stats_columns.py: /api/stats answered from the in-memory column copy must equal the SQL
answer for every period, split and column filter, NULLs, undated and coarse records included;
filters the columns do not hold go to SQL."""
from __future__ import annotations

import itertools
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from attackwatch.serve.result_cache import ResultCache
from attackwatch.serve.routes_stats import ALLOWED_PRECISION, build_stats
from attackwatch.serve.stats_columns import StatsColumns, answerable, sqlite_lower, stats_columns
from attackwatch.store import open_store
from attackwatch.store.filters import IncidentFilter

ACTORS = [("Kata'ib Hezbollah", "Islamic Resistance in Iraq"), ("Ashab al-Kahf", "Islamic Resistance in Iraq"),
          ("Islamic Resistance in Iraq", None), ("Badr Organization", None), (None, None), ("Édition", None)]
PLACES = [("IQ", "IQ-AN", "Al Anbar"), ("IQ", "IQ-AR", "Erbil"), ("SY", "SY-DY", "Deir ez-Zor"), ("JO", None, None),
          (None, None, None)]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    rng = random.Random(14)
    s = open_store(str(Path(tmp_path_factory.mktemp("stats")) / "s.db"))
    with s.write():
        for i in range(600):
            actor, parent = rng.choice(ACTORS)
            country, admin1, admin1_name = rng.choice(PLACES)
            day = date(2023, 11, 20) + timedelta(days=rng.randrange(120))
            precision = rng.choice(["day", "day", "week", "month", None])
            undated = rng.random() < 0.05
            rec = {"id": f"inc{i:04d}", "date": None if undated else day.isoformat(), "date_precision": precision,
                   "actor": actor, "actor_parent": parent, "weapon": rng.choice(["drone", "rocket", None]),
                   "country_code": country, "admin1_code": admin1, "admin1": admin1_name,
                   "killed": rng.choice([None, 0, 1, 3]), "injured": rng.choice([None, 0, 2]),
                   "review": rng.choice(["", "", "", "confirmed", "corrected", "rejected"])}
            s.put_incident(rec, -1 if undated else day.toordinal())
    yield s
    s.close()


FILTERS = [IncidentFilter(), IncidentFilter(country="iq", since=date(2024, 1, 3)), IncidentFilter(until=date(2024, 1, 1)),
           IncidentFilter(actor="islamic resistance in IRAQ"), IncidentFilter(actor="édition"),
           IncidentFilter(admin1="iq-an"), IncidentFilter(admin1="erbil"), IncidentFilter(weapon="drone", country="SY"),
           IncidentFilter(since=date(2030, 1, 1))]


@pytest.mark.parametrize(("flt", "by"), list(itertools.product(FILTERS, ("day", "week", "month"))))
def test_columns_answer_equals_sql(store: Any, flt: IncidentFilter, by: str) -> None:
    columns = StatsColumns.from_rows(store.incident_stat_columns())
    where, params = flt.sql()
    for split in ("none", "actor", "weapon", "country", "admin1"):
        expected = build_stats(store.incident_day_counts(where, params, split), by, split)
        assert build_stats(columns.rows(columns.select(flt), by, split, ALLOWED_PRECISION[by]), by, split) == expected


def test_only_column_filters_are_answerable() -> None:
    assert answerable(IncidentFilter(country="IQ", since=date(2024, 1, 1), actor="x", admin1="y", weapon="z"))
    for other in (IncidentFilter(text="rocket"), IncidentFilter(claimed=True), IncidentFilter(min_sources=2),
                  IncidentFilter(include_background=False), IncidentFilter(min_confidence=0.5),
                  IncidentFilter(review="rejected"), IncidentFilter(review="pending")):
        assert not answerable(other)


def test_the_copy_knows_every_clause_a_default_filter_writes() -> None:
    # a filter field whose default writes a SQL clause (as review's "leave rejected out" does) is
    # applied to every stats request: StatsColumns.select must be taught it, then this line updated
    assert IncidentFilter().sql()[0] == "review <> 'rejected'", (
        "IncidentFilter's default SQL changed: teach serve/stats_columns.py StatsColumns.select the new clause")


def test_sqlite_lower_is_ascii_only() -> None:
    assert sqlite_lower("ÉDITION Iraq") == "Édition iraq"


def test_copy_is_dropped_when_the_database_changes(store: Any) -> None:
    cache = ResultCache()
    first = stats_columns(cache, store)
    assert first is not None and stats_columns(cache, store) is first
    with store.write():
        store.put_incident({"id": "late", "date": "2024-02-01", "date_precision": "day"}, date(2024, 2, 1).toordinal())
    second = stats_columns(cache, store)
    assert second is not first and len(second) == len(first) + 1


def test_no_copy_for_a_store_without_change_token(store: Any) -> None:
    class Uncached:  # PostgreSQL's store: other processes write unseen, so nothing may be kept
        incident_stat_columns = store.incident_stat_columns

        def change_token(self) -> None:
            return None

    assert stats_columns(ResultCache(), Uncached()) is None

"""Analytics reads incidents only through store methods: the PostgreSQL store gives the same
alerts and lulls as SQLite for the same incidents and filters. Uses the throwaway server of
the store tests (skipped, with the reason, when no PostgreSQL binaries are installed)."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from attackwatch.analyze.alerts import compute_alerts
from attackwatch.analyze.lulls import find_lulls
from attackwatch.analyze.records import load_incidents
from attackwatch.analyze.thresholds import load_thresholds
from attackwatch.analyze.trends import compute_trends
from attackwatch.store import open_store
from attackwatch.store.filters import IncidentFilter

from .synthetic import store_records, synthetic_records


RECORDS = synthetic_records(400, seed=11)


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    """A PostgreSQL database holding RECORDS."""
    pytest.importorskip("psycopg", reason="psycopg (the postgres extra) is not installed")
    from store.pg_server import PgServer, find_pg_bin  # tests/store/pg_server.py

    bin_dir = find_pg_bin()
    if bin_dir is None:
        pytest.skip("no PostgreSQL server binaries (initdb, pg_ctl): apt-get install postgresql")
    server = PgServer(bin_dir)
    server.start()
    try:
        url = server.create_database()
        store_records(url, RECORDS)
        yield url
    finally:
        server.stop()


@pytest.mark.parametrize("flt", [IncidentFilter(), IncidentFilter(country="IQ", include_background=False),
                                 IncidentFilter(actor="Islamic Resistance in Iraq", weapon="drone")],
                         ids=["all", "iraq-no-background", "umbrella-drones"])
def test_postgres_and_sqlite_give_the_same_answers(pg_url: str, tmp_path: Path, flt: IncidentFilter) -> None:
    sqlite_db = store_records(tmp_path / "same.db", RECORDS)
    answers = []
    for url in (pg_url, str(sqlite_db)):
        store = open_store(url)
        try:
            got = load_incidents(store, flt)
        finally:
            store.close()
        answers.append(([a.to_dict() for a in compute_alerts(got, load_thresholds())],
                        [lu.to_dict() for lu in find_lulls(got, 3)],
                        list(compute_trends(got, "week", "actor").rows()), len(got)))
    assert answers[0][3] > 50 and answers[0] == answers[1]

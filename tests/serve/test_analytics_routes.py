"""GET /api/alerts and GET /api/lulls: the router mounted in an app of our own (as the contract
allows), and included in the real app (read access, error shape)."""
from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from attackwatch.resolve.keys import date_interval
from attackwatch.serve.analytics_routes import router
from attackwatch.store import open_store

SITES = {0: ("Ain al-Asad Air Base", "ain-al-asad", "Anbar", "IQ-AN", "Iraq", "IQ", 33.79, 42.44),
         4: ("Al-Tanf", "al-tanf", "Homs", "SY-HI", "Syria", "SY", 33.50, 38.62)}


def incident(incident_id: str, day: str, precision: str = "day", site: int = 0, **fields: object) -> dict:
    """An incident record written for these tests (the contract's fields that analytics reads)."""
    place, place_id, admin1, admin1_code, country, code, lat, lon = SITES[site]
    # rockets on a US base: attacks on US forces (the militia series), attributed or not
    record = {"id": incident_id, "date": day, "date_precision": precision, "weapon": "rocket", "actor": None,
              "target_type": "military_base", "target_actor": "United States",
              "actor_parent": None, "claimed": False, "place": place, "place_id": place_id, "admin1": admin1,
              "admin1_code": admin1_code, "country": country, "country_code": code, "latitude": lat, "longitude": lon,
              "geo_precision": "site", "killed": None, "injured": None, "confirmation": "not_mentioned",
              "background": False, "reports": [], "n_sources": 1, "conflicts": {}, "edits": []}
    record.update(fields)
    return record


def store_records(path: Path, records: list[dict]) -> Path:
    store = open_store(str(path))
    try:
        with store.write():
            for r in records:
                store.put_incident(r, date_interval(r["date"], r["date_precision"])[0])
    finally:
        store.close()
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    records = [incident("a", "2024-02-04", site=0), incident("feb", "2024-02", "month", site=0),
               incident("sy", "2024-03-01", site=4, actor="Kata'ib Hezbollah",
                        actor_parent="Islamic Resistance in Iraq", claimed=True, killed=2),
               incident("b", "2024-04-21", site=0), incident("bg", "2024-03-10", site=0, background=True)]
    return store_records(tmp_path_factory.mktemp("analytics_api") / "api.db", records)


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    app = FastAPI()
    app.state.db_url = str(db)
    app.include_router(router)
    return TestClient(app)


def test_lulls_follow_the_contract(client: TestClient) -> None:
    r = client.get("/api/lulls", params={"min_days": 14, "as_of": "2024-05-01"})
    assert r.status_code == 200
    body = r.json()
    assert body["as_of"] == "2024-05-01"
    got = [(x["start"], x["end"], x["days"], x["before_incident"], x["after_incident"]) for x in body["lulls"]]
    # Feb 4 .. Mar 1 contains no whole month ("February" overlaps Feb 4): not split; Mar 10 (background) counts
    assert got == [("2024-02-04", "2024-03-01", 26, "a", "sy"), ("2024-03-10", "2024-04-21", 42, "bg", "b")]
    assert body["lulls"][1]["text"] == "The militia attack on 2024-04-21 was the first since 2024-03-10 (42 days)."
    assert body["sides"] == ["militia"] and {x["side"] for x in body["lulls"]} == {"militia"}


def test_lulls_honour_filters_and_background(client: TestClient) -> None:
    r = client.get("/api/lulls", params={"min_days": 14, "country": "IQ", "include_background": "false",
                                         "as_of": "2024-05-01"})
    assert [(x["start"], x["end"], x["days"]) for x in r.json()["lulls"]] == [("2024-02-04", "2024-04-21", 77)]
    r = client.get("/api/lulls", params={"min_days": 14, "since": "2024-04-01", "as_of": "2024-05-01"})
    assert [x["end"] for x in r.json()["lulls"]] == ["2024-04-21"]  # pauses overlapping the window


def test_alerts_since_and_numbers(client: TestClient) -> None:
    r = client.get("/api/alerts", params={"as_of": "2024-05-01"})
    alerts = r.json()["alerts"]
    assert r.status_code == 200 and {a["rule"] for a in alerts} >= {"casualties", "resumption"}
    (cas,) = [a for a in alerts if a["rule"] == "casualties"]
    assert cas["incidents"] == ["sy"] and cas["numbers"]["killed"] == 2 and cas["window"] == {"from": "2024-03-01",
                                                                                              "to": "2024-03-01"}
    r = client.get("/api/alerts", params={"as_of": "2024-05-01", "since": "2024-04-01", "rule": "resumption"})
    assert sorted((a["date"], sorted(a["scope"].items()), a["numbers"]["lull_days"]) for a in r.json()["alerts"]) == [
        ("2024-04-21", [("country", "IQ"), ("side", "militia")], 42), ("2024-04-21", [("side", "militia")], 42)]


@pytest.fixture(scope="module")
def two_sides(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """Militia attacks with a pause between them, and US strikes inside the pause."""
    us = {"actor": "United States", "weapon": "airstrike", "target_type": "militia_position",
          "target_actor": "Kata'ib Hezbollah"}
    records = [incident("m1", "2024-01-04"), incident("s1", "2024-01-20", **us), incident("s2", "2024-02-10", **us),
               incident("m2", "2024-03-01")]
    app = FastAPI()
    app.state.db_url = str(store_records(tmp_path_factory.mktemp("sides") / "sides.db", records))
    app.include_router(router)
    return TestClient(app)


def test_a_us_strike_neither_ends_nor_raises_a_pause_in_attacks(two_sides: TestClient) -> None:
    lulls = two_sides.get("/api/lulls", params={"min_days": 14, "as_of": "2024-03-01"}).json()["lulls"]
    assert [(x["start"], x["end"], x["days"], x["side"]) for x in lulls] == [("2024-01-04", "2024-03-01", 57, "militia")]
    alerts = two_sides.get("/api/alerts", params={"as_of": "2024-03-01", "rule": "resumption"}).json()["alerts"]
    assert {(a["date"], a["scope"]["side"]) for a in alerts} == {("2024-03-01", "militia")}
    assert all(a["incidents"] == ["m2"] and "militia attack" in a["title"] for a in alerts)
    # asked for: the US strikes' own series, or everything as one
    us = two_sides.get("/api/lulls", params={"min_days": 14, "as_of": "2024-03-01", "side": "us"}).json()["lulls"]
    assert [(x["start"], x["end"], x["side"]) for x in us] == [("2024-01-20", "2024-02-10", "us"), ("2024-02-10", None, "us")]
    every = two_sides.get("/api/lulls", params={"min_days": 14, "as_of": "2024-03-01", "side": "all"}).json()["lulls"]
    assert [(x["start"], x["end"]) for x in every] == [("2024-01-04", "2024-01-20"), ("2024-01-20", "2024-02-10"),
                                                        ("2024-02-10", "2024-03-01")]
    assert two_sides.get("/api/lulls", params={"side": "martians"}).status_code == 422


def test_bad_parameters_are_422_naming_them(client: TestClient) -> None:
    assert client.get("/api/alerts", params={"as_of": "2024-02-30"}).json() == {
        "detail": "as_of: not a calendar date (YYYY-MM-DD)"}
    assert client.get("/api/lulls", params={"since": "2024-13-01"}).status_code == 422
    assert client.get("/api/lulls", params={"min_days": "-1"}).status_code == 422
    assert client.get("/api/lulls", params={"exclude_side": "martians"}).json()["detail"].startswith(
        "exclude_side: unknown side 'martians' (sides: axis, ")


def test_included_in_the_real_app_with_read_access(db: Path) -> None:
    from attackwatch.serve.app import create_app

    with TestClient(create_app(str(db), token="t0k", private=True)) as c:
        assert c.get("/api/lulls").status_code == 401
        r = c.get("/api/alerts", params={"rule": "casualties"}, headers={"Authorization": "Bearer t0k"})
        assert r.status_code == 200 and [a["incidents"] for a in r.json()["alerts"]] == [["sy"]]
        bad = c.get("/api/alerts", params={"rule": "nope"}, headers={"Authorization": "Bearer t0k"})
        assert bad.status_code == 422 and bad.json()["detail"].startswith("rule")
